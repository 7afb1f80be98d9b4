package entity

import (
	"math"
	"strings"
)

// keptEntries is a layer of entries as a gazetteer keeps them for With: its
// strings end to end in one string, and numbers where each ends. Kept as
// []Entry, a million user entries were 240 MB of pointers, which copying
// (with the garbage collector's write barriers) and scanning made the
// slowest part of building; kept so, they are a third of that, and nothing
// for the collector to scan. build reads the caller's entries directly;
// only a later With turns them back into entries.
type keptEntries struct {
	text    string
	ends    []uint32 // where each string ends in text
	entries []keptEntry
	tenures map[int][]Tenure // by entry index, the entries that have some
	plain   []Entry          // instead of all the above, past 4 GB of text
}

// keptEntry is an entry of keptEntries: its fixed strings (see keptFields)
// then its aliases, names and demonyms are the strings from at on.
type keptEntry struct {
	at uint32
	n  [3]uint32 // aliases, names, demonyms
}

// keptFields is the number of strings every kept entry has.
const keptFields = 8

func fixedFields(e *Entry) [keptFields]string {
	x := &e.Entity
	return [keptFields]string{x.ID, string(x.Type), x.Name, x.Code, x.Country, x.Title, e.Alpha2, e.Source}
}

// keep returns the entries as a gazetteer keeps them.
func keep(entries []Entry) *keptEntries {
	size, count := 0, 0
	for i := range entries {
		e := &entries[i]
		for _, s := range fixedFields(e) {
			size += len(s)
		}
		for _, l := range [...][]string{e.Entity.Aliases, e.Names, e.Demonyms} {
			for _, s := range l {
				size += len(s)
			}
			count += len(l)
		}
		count += keptFields
	}
	if size > math.MaxUint32 || count > math.MaxUint32 {
		return &keptEntries{plain: append([]Entry(nil), entries...)}
	}
	var b strings.Builder
	b.Grow(size)
	k := &keptEntries{ends: make([]uint32, 0, count), entries: make([]keptEntry, len(entries))}
	add := func(s string) {
		b.WriteString(s)
		k.ends = append(k.ends, uint32(b.Len()))
	}
	for i := range entries {
		e := &entries[i]
		k.entries[i].at = uint32(len(k.ends))
		for _, s := range fixedFields(e) {
			add(s)
		}
		for j, l := range [...][]string{e.Entity.Aliases, e.Names, e.Demonyms} {
			k.entries[i].n[j] = uint32(len(l))
			for _, s := range l {
				add(s)
			}
		}
		if e.Tenures != nil {
			if k.tenures == nil {
				k.tenures = map[int][]Tenure{}
			}
			k.tenures[i] = e.Tenures
		}
	}
	k.text = b.String()
	return k
}

// get returns the entries as keep was given them (but for Entity.AsOf,
// which build ignores).
func (k *keptEntries) get() []Entry {
	if k.plain != nil || k.entries == nil {
		return k.plain
	}
	str := func(j uint32) string {
		start := uint32(0)
		if j > 0 {
			start = k.ends[j-1]
		}
		return k.text[start:k.ends[j]]
	}
	lists := make([]string, 0, len(k.ends)-keptFields*len(k.entries))
	out := make([]Entry, len(k.entries))
	for i, ke := range k.entries {
		var f [keptFields]string
		for j := range f {
			f[j] = str(ke.at + uint32(j))
		}
		e := &out[i]
		e.Entity = Entity{ID: f[0], Type: Type(f[1]), Name: f[2], Code: f[3], Country: f[4], Title: f[5]}
		e.Alpha2, e.Source = f[6], f[7]
		j := ke.at + keptFields
		for li, dst := range [...]*[]string{&e.Entity.Aliases, &e.Names, &e.Demonyms} {
			if ke.n[li] == 0 {
				continue
			}
			start := len(lists)
			for range ke.n[li] {
				lists = append(lists, str(j))
				j++
			}
			*dst = lists[start:len(lists):len(lists)]
		}
		e.Tenures = k.tenures[i]
	}
	return out
}
