package entity

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/tokenize"
)

// Entry is one gazetteer record: an entity and the names and demonyms that
// refer to it. It is what ReadGazetteer and ReadGazetteerJSON return and what
// NewGazetteer and [Gazetteer.With] take.
//
// Entries with the same Entity.ID are merged into one entity: their names and
// demonyms are united, and each non-empty field of a later entry replaces the
// earlier value (a replaced canonical name stays a name of the entity). So an
// entry that gives only an ID and a few aliases adds names to an entity
// defined elsewhere.
type Entry struct {
	// Entity is the entity. ID is required; Name and Type are required of
	// the first entry with this ID. Entity.Name and Entity.Aliases are names
	// of the entity just as Names are.
	Entity Entity
	// Names are further names that refer to the entity ("U.S.", "Macron").
	// A name written with a leading "=" ("=Hamas") matches only in its own
	// case; the "=" is not part of the name.
	Names []string
	// Demonyms are nationality adjectives that refer to the entity
	// ("French"), matched with Form Demonym.
	Demonyms []string
	// Alpha2 is the ISO 3166-1 alpha-2 code of a country ("FR"). It is never
	// matched in text (too many are English words); see [Gazetteer.Country].
	Alpha2 string
	// Tenures are dated roles of the entity (see [Gazetteer.EntityAt]);
	// those of all entries with the entity's ID are kept, oldest first.
	Tenures []Tenure
	// Source is recorded in each Match of the entry's names: "gazetteer"
	// when empty in NewGazetteer, "user" when empty in [Gazetteer.With].
	Source string
}

// Match is a span of words that names an entity of a Gazetteer.
type Match struct {
	Start, End int // word indices, End exclusive
	// Entity is the matched entity. Its Aliases are shared with the
	// gazetteer and must not be modified.
	Entity Entity
	Form   Form   // Name or Demonym
	Source string // the Source of the entry the matched name came from
}

// Gazetteer finds the names of known entities in a sentence's words.
//
// # Matching
//
// Names are split into words the way package corpus splits text (prose's
// tokenizer: "Xi's" is "Xi" "'s", "U.S." one word), and matched word by word,
// longest match first, left to right, without overlap. A word matches a name
// word when both have the same key: case folded, diacritics removed, curly
// apostrophes and dashes made plain, so "Zelenskyý" matches "Zelenskyy" and
// "Cote d’Ivoire" matches "Côte d'Ivoire". Two rules keep common words apart
// from names:
//
//   - A name word with a capital letter matches only words with a capital
//     letter: "France" and "FRANCE" match France, "france" does not, nor do
//     "turkey", "china" or "chad" in lower case.
//   - An acronym, a name word whose letters are all capitals and at most five
//     ("US", "EU", "WHO", "G7"), matches only itself; one of two to four
//     letters also matches its dotted form ("U.S.", "E.U."). So "US" matches
//     and "us" does not. A name written "=Name" in an Entry matches only
//     itself too.
//
// # Precedence
//
// When several entities share a name, the one from the latest layer wins
// (the entries given to [Gazetteer.With] over those of the gazetteer it
// extends), and within a layer the entity whose entry came first.
// [Gazetteer.Lookup] returns them all, best first.
//
// # Concurrency
//
// A Gazetteer is immutable once built and safe for concurrent use.
type Gazetteer struct {
	// The entries, for With: the first layer from base when it is set
	// (the default gazetteer's, read again rather than kept: they are
	// 12 MB, and seldom needed), then those of kept.
	base     func() []Entry
	kept     []*keptEntries
	entities []Entity       // in the order their IDs first appear
	byID     []int32        // indexes into entities, sorted by ID
	byCode   map[string]int // alpha-2 and alpha-3 codes of countries
	index    flatIndex
	// The entities a phrase refers to, best first, are
	// cands[candAt[t]:candAt[t+1]] for its terminal node t.
	cands   []candidate
	candAt  []int32
	sources []string   // Match.Source by candidate.source
	tenures [][]Tenure // by entity index; nil when no entity has any
	// lateTenures, when set, returns entries whose tenures are read on
	// first use (the default gazetteer's roles.tsv: a load of their own).
	lateTenures func() []Entry
	tenureOnce  sync.Once

	// The index of misspelt names (see near), built on first use.
	nearOnce sync.Once
	nearIdx  nearIndex
	nearKeys map[int][]string // entity index → its name keys
}

// candidate is an entity a phrase of the index refers to. It holds no
// pointers: a million of them cost the garbage collector nothing.
type candidate struct {
	entity int32 // index into entities
	order  int32 // entry order within the gazetteer
	layer  int32
	source uint32 // index into sources
	form   uint8  // index into forms
}

var forms = [...]Form{Name, Demonym}

// NewGazetteer returns a gazetteer of the given entries. It reports every
// invalid entry: one without an ID, a name or a known type, a name with no
// words, or a Country that is the ID of an entity other than a COUNTRY (an
// ID the gazetteer lacks is allowed, for a gazetteer that extends another).
func NewGazetteer(entries []Entry) (*Gazetteer, error) {
	g, err := build([][]Entry{entries})
	if err != nil {
		return nil, err
	}
	g.kept = []*keptEntries{keep(entries)} // a copy: not the caller's to change later
	return g, nil
}

// With returns a new gazetteer that has g's entries and the given ones, which
// take precedence: a given entry with the ID of an existing entity is merged
// into it (its non-empty fields win), and a name that a given entry shares
// with an existing entity refers to the given entry's entity. g is unchanged.
func (g *Gazetteer) With(entries ...Entry) (*Gazetteer, error) {
	// The entries are kept for a later With while the index is built.
	var kept *keptEntries
	var wg sync.WaitGroup
	wg.Go(func() { kept = keep(entries) })
	var layers [][]Entry
	if g.base != nil {
		layers = append(layers, g.base())
	}
	for _, k := range g.kept {
		layers = append(layers, k.get())
	}
	n, err := build(append(layers, entries))
	wg.Wait()
	if err != nil {
		return nil, err
	}
	n.base = g.base
	n.kept = append(slices.Clip(g.kept), kept)
	return n, nil
}

// layerSource is the Source of an entry that gives none: "gazetteer" in
// the first layer (NewGazetteer), "user" in those of With.
func layerSource(layer int) string {
	if layer == 0 {
		return "gazetteer"
	}
	return "user"
}

// build makes a gazetteer of the layers of entries, which it does not keep
// (nor any slice of them but Tenures). It takes two passes over the
// entries: the first merges the entities, the second indexes the names,
// and it allocates a few large blocks rather than a few per name.
func build(layers [][]Entry) (*Gazetteer, error) {
	var errs []error
	total := 0
	for _, l := range layers {
		total += len(l)
	}
	// The names are indexed while the entities are merged: the two passes
	// are independent and about as long (a million names take a second
	// each).
	var ix indexedNames
	var wg sync.WaitGroup
	wg.Go(func() { ix = indexNames(layers, total) })
	defer wg.Wait() // on every return, so that layers are not changed under it

	slot := make(map[string]int32, total) // ID → index into ents
	ents := make([]Entity, 0, total)
	entOf := make([]int32, total) // entry → index into ents
	var tenures [][]Tenure        // by index into ents, once one has any
	var alpha2 map[string]string  // ID → alpha-2 code
	for i, e := range allEntries(layers) {
		id := e.Entity.ID
		if id == "" {
			errs = append(errs, fmt.Errorf("entity: entry %d (%q): no ID", i, e.Entity.Name))
			continue
		}
		k, ok := slot[id]
		if !ok {
			k = int32(len(ents))
			ents = append(ents, Entity{ID: id})
			slot[id] = k
		}
		entOf[i] = k
		m := &ents[k]
		check := func(s string, f Form) {
			if strings.TrimSpace(strings.TrimPrefix(s, "=")) == "" {
				errs = append(errs, fmt.Errorf("entity: entry %d (%s): empty %s", i, id, f))
			}
		}
		x := &e.Entity
		if x.Name != "" {
			check(x.Name, Name)
			m.Name = strings.TrimPrefix(x.Name, "=")
		}
		for _, s := range x.Aliases {
			check(s, Name)
		}
		for _, s := range e.Names {
			check(s, Name)
		}
		for _, s := range e.Demonyms {
			check(s, Demonym)
		}
		if e.Tenures != nil {
			if tenures == nil {
				tenures = make([][]Tenure, len(ents), cap(ents))
			}
			tenures = tenures[:len(ents)]
			if tenures[k] == nil {
				tenures[k] = e.Tenures // shared until sorted (see below)
			} else {
				tenures[k] = append(slices.Clip(tenures[k]), e.Tenures...)
			}
		}
		if x.Type != "" {
			switch x.Type {
			case Person, Country, Organization, Location:
				m.Type = x.Type
			default:
				errs = append(errs, fmt.Errorf("entity: entry %d (%s): unknown type %q", i, id, x.Type))
			}
		}
		if x.Code != "" {
			m.Code = x.Code
		}
		if x.Country != "" {
			m.Country = x.Country
		}
		if x.Title != "" {
			m.Title = x.Title
		}
		if e.Alpha2 != "" {
			if alpha2 == nil {
				alpha2 = map[string]string{}
			}
			alpha2[id] = e.Alpha2
		}
	}
	if tenures != nil {
		tenures = tenures[:len(ents)]
	}

	// Sort the entities by ID.
	perm := make([]int32, len(ents))
	for k := range perm {
		perm[k] = int32(k)
	}
	slices.SortFunc(perm, func(a, b int32) int { return strings.Compare(ents[a].ID, ents[b].ID) })
	for _, k := range perm {
		if m := &ents[k]; m.Name == "" || m.Type == "" {
			errs = append(errs, fmt.Errorf("entity: %s: no name or no type", m.ID))
		}
	}
	for _, k := range perm {
		if c := ents[k].Country; c != "" {
			if j, ok := slot[c]; ok && ents[j].Type != Country {
				errs = append(errs, fmt.Errorf("entity: %s: country %q is not a COUNTRY entity", ents[k].ID, c))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	slot = nil

	g := &Gazetteer{entities: ents, byID: perm, byCode: make(map[string]int)}
	for _, k := range perm {
		i := int(k)
		m := &ents[i]
		if m.Type == Country {
			if a := alpha2[m.ID]; a != "" {
				g.byCode[a] = i
			}
			if m.Code != "" {
				g.byCode[m.Code] = i
			}
		}
	}
	for i, ts := range tenures {
		if len(ts) == 0 {
			tenures[i] = nil
			continue
		}
		tenures[i] = sortTenures(ts)
		g.tenures = tenures // some entity has tenures
	}

	wg.Wait()
	if len(ix.errs) > 0 {
		rank := make([]int, len(ents)) // the errors go in ID order
		for r, k := range perm {
			rank[k] = r
		}
		slices.SortStableFunc(ix.errs, func(a, b nameErr) int {
			return cmp.Compare(rank[entOf[a.entry]], rank[entOf[b.entry]])
		})
		for _, e := range ix.errs {
			errs = append(errs, fmt.Errorf("entity: %s: name %q has no words", ents[entOf[e.entry]].ID, e.name))
		}
		return nil, errors.Join(errs...)
	}
	g.index, g.sources = ix.index, ix.sources
	// The aliases and the candidates of each phrase, at the same time.
	wg.Go(func() { addAliases(layers, ents, entOf) })
	g.cands, g.candAt = groupCandidates(ix.pend, entOf, len(g.index.flags))
	wg.Wait()
	return g, nil
}

// indexedNames is the phrase index of a gazetteer's names, with what it
// found along the way.
type indexedNames struct {
	index   flatIndex
	sources []string // Match.Source by candidate.source
	// pend has each name's terminal nodes, in entry order, with the
	// entry's index in place of the entity's (see groupCandidates).
	pend []found
	errs []nameErr // names with no words
}

type found struct {
	node uint32
	candidate
}

type nameErr struct {
	entry int32
	name  string
}

// indexNames indexes the names of the entries of the layers, in entry
// order, so that the index is the same however it is built.
func indexNames(layers [][]Entry, total int) indexedNames {
	tokens := 1 // about the words of all names, to size the index
	for _, e := range allEntries(layers) {
		for _, s := range e.Entity.Aliases {
			tokens += 1 + strings.Count(s, " ")
		}
		for _, s := range e.Names {
			tokens += 1 + strings.Count(s, " ")
		}
		for _, s := range e.Demonyms {
			tokens += 1 + strings.Count(s, " ")
		}
		tokens += 1 + strings.Count(e.Entity.Name, " ")
	}
	ix := indexedNames{index: newFlatIndex(tokens), pend: make([]found, 0, total)}
	// One goroutine splits the names and numbers their words while this one
	// adds them to the trie, a batch of names behind.
	const batchNames = 1024
	full := make(chan *nameBatch, 4)
	free := make(chan *nameBatch, 6)
	for range cap(free) {
		free <- &nameBatch{}
	}
	go func() {
		defer close(full)
		srcOf := map[string]uint32{}
		var lastSrc string
		lastID := uint32(0)
		haveSrc := false
		b := flatBuilder{x: &ix.index, tk: tokenize.New()}
		batch := <-free
		layer, next := 0, len(layers[0])
		for i, e := range allEntries(layers) {
			for i == next {
				layer++
				next += len(layers[layer])
			}
			src := e.Source
			if src == "" {
				src = layerSource(layer)
			}
			if !haveSrc || src != lastSrc {
				id, ok := srcOf[src]
				if !ok {
					id = uint32(len(ix.sources))
					srcOf[src] = id
					ix.sources = append(ix.sources, src)
				}
				lastSrc, lastID, haveSrc = src, id, true
			}
			add := func(name string, f uint8) {
				var ok bool
				if batch.toks, ok = b.tokens(batch.toks, name); !ok {
					ix.errs = append(ix.errs, nameErr{int32(i), name})
					return
				}
				batch.names = append(batch.names, pendingName{int32(len(batch.toks)), candidate{int32(i), int32(i), int32(layer), lastID, f}})
			}
			x := &e.Entity
			if x.Name != "" {
				add(x.Name, 0)
			}
			for _, s := range x.Aliases {
				add(s, 0)
			}
			for _, s := range e.Names {
				add(s, 0)
			}
			for _, s := range e.Demonyms {
				add(s, 1)
			}
			if len(batch.names) >= batchNames {
				full <- batch
				batch = <-free
				batch.toks, batch.names = batch.toks[:0], batch.names[:0]
			}
		}
		full <- batch
	}()
	b := flatBuilder{x: &ix.index}
	for batch := range full {
		start := int32(0)
		for _, n := range batch.names {
			for _, t := range b.insert(batch.toks[start:n.end]) {
				ix.pend = append(ix.pend, found{t, n.candidate})
			}
			start = n.end
		}
		free <- batch
	}
	return ix
}

// nameBatch is a batch of names split into tokens, handed from the
// goroutine that splits them to the one that adds them to the trie.
type nameBatch struct {
	toks  []nameToken
	names []pendingName
}

// pendingName is a name of a nameBatch: its tokens end at toks[end], and
// its terminal nodes are to have the candidate.
type pendingName struct {
	end int32
	candidate
}

// addAliases gives each entity, as its sorted Aliases, the names of its
// entries other than its Name.
func addAliases(layers [][]Entry, ents []Entity, entOf []int32) {
	for i, e := range allEntries(layers) {
		m := &ents[entOf[i]]
		add := func(name string) {
			if s := strings.TrimPrefix(name, "="); s != m.Name && !slices.Contains(m.Aliases, s) {
				m.Aliases = append(m.Aliases, s)
			}
		}
		x := &e.Entity
		if x.Name != "" {
			add(x.Name)
		}
		for _, s := range x.Aliases {
			add(s)
		}
		for _, s := range e.Names {
			add(s)
		}
	}
	for i := range ents {
		if as := ents[i].Aliases; len(as) > 0 {
			slices.Sort(as)
			ents[i].Aliases = slices.Clip(as)
		}
	}
}

// groupCandidates returns the candidates of pend grouped by terminal node,
// those of node t being cands[at[t]:at[t+1]], each group best first and
// with each entity once. pend's candidates hold their entry's index as
// their entity, which entOf maps to the entity's.
func groupCandidates(pend []found, entOf []int32, nodes int) (cands []candidate, at []int32) {
	// A counting sort by node, in the order found, then each group
	// ordered best first.
	at = make([]int32, nodes+1)
	for _, p := range pend {
		at[p.node+1]++
	}
	for n := range nodes {
		at[n+1] += at[n]
	}
	put := slices.Clone(at[:nodes])
	cands = make([]candidate, len(pend))
	for _, p := range pend {
		c := p.candidate
		c.entity = entOf[c.entity]
		cands[put[p.node]] = c
		put[p.node]++
	}
	put = nil
	w := int32(0)
	for n := range nodes {
		cs := cands[at[n]:at[n+1]]
		at[n] = w
		if len(cs) > 1 {
			slices.SortStableFunc(cs, func(a, b candidate) int {
				if a.layer != b.layer {
					return cmp.Compare(b.layer, a.layer)
				}
				return cmp.Compare(a.order, b.order)
			})
		}
		// Keep each entity once, at its best place.
		start := w
		for _, c := range cs {
			if !slices.ContainsFunc(cands[start:w], func(o candidate) bool { return o.entity == c.entity }) {
				cands[w] = c
				w++
			}
		}
	}
	at[nodes] = w
	return cands[:w:w], at
}

// allEntries yields the entries of the layers in order, numbered from 0.
func allEntries(layers [][]Entry) func(func(int, *Entry) bool) {
	return func(yield func(int, *Entry) bool) {
		i := 0
		for _, l := range layers {
			for j := range l {
				if !yield(i, &l[j]) {
					return
				}
				i++
			}
		}
	}
}

// find returns the index of the entity with the given ID.
func (g *Gazetteer) find(id string) (int, bool) {
	lo, hi := 0, len(g.byID)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if g.entities[g.byID[h]].ID < id {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(g.byID) && g.entities[g.byID[lo]].ID == id {
		return int(g.byID[lo]), true
	}
	return 0, false
}

// nameTokens splits a name into words and gives, for each, the ways it may
// match a word of text. With titleCase false a capitalised word asks for a
// capital in the text; titles match in any case.
func nameTokens(tk *tokenize.Tokenizer, name string, anyCase bool) ([][]token, error) {
	exact := strings.HasPrefix(name, "=")
	words := splitName(tk, strings.TrimPrefix(name, "="))
	if len(words) == 0 {
		return nil, fmt.Errorf("name %q has no words", name)
	}
	alts := make([][]token, len(words))
	for i, w := range words {
		switch {
		case exact || isAcronym(w):
			alts[i] = []token{{matchExact, w}}
			if d := dotted(w); d != "" {
				alts[i] = append(alts[i], token{matchExact, d})
			}
		case !anyCase && hasUpper(w):
			alts[i] = []token{{matchCap, key(w)}}
		default:
			alts[i] = []token{{matchAny, key(w)}}
		}
	}
	return alts, nil
}

// Match returns the names of entities among words, longest first, left to
// right and without overlap, sorted by Start. words are a sentence's tokens
// as package corpus splits them.
func (g *Gazetteer) Match(words []string) []Match {
	if len(words) == 0 {
		return nil
	}
	var out []Match
	for i := 0; i < len(words); {
		end, t := g.index.longestAt(words, i, false)
		if t == noTerm {
			i++
			continue
		}
		c := g.cands[g.candAt[t]]
		out = append(out, Match{Start: i, End: end, Entity: g.entities[c.entity], Form: forms[c.form], Source: g.sources[c.source]})
		i = end
	}
	return out
}

// Entity returns the entity with the given ID.
func (g *Gazetteer) Entity(id string) (Entity, bool) {
	i, ok := g.find(id)
	if !ok {
		return Entity{}, false
	}
	return clone(g.entities[i]), true
}

// Country returns the COUNTRY entity with the given ISO 3166-1 alpha-2 or
// alpha-3 code, such as "FR" or "FRA".
func (g *Gazetteer) Country(code string) (Entity, bool) {
	i, ok := g.byCode[code]
	if !ok {
		return Entity{}, false
	}
	return clone(g.entities[i]), true
}

// Lookup returns the entities that a name or demonym refers to, best first
// (see Precedence), or nil. The name is split and compared as in Match,
// except that a lower-case name may match a capitalised one: Lookup("france")
// finds France, but Lookup("us") does not find the United States.
func (g *Gazetteer) Lookup(name string) []Entity {
	words := splitName(tokenize.New(), name)
	if len(words) == 0 {
		return nil
	}
	end, t := g.index.longestAt(words, 0, true)
	if t == noTerm || end != len(words) {
		return nil
	}
	cs := g.cands[g.candAt[t]:g.candAt[t+1]]
	out := make([]Entity, len(cs))
	for i, c := range cs {
		out[i] = clone(g.entities[c.entity])
	}
	return out
}

// Entities returns every entity, sorted by ID.
func (g *Gazetteer) Entities() []Entity {
	out := make([]Entity, len(g.byID))
	for i, k := range g.byID {
		out[i] = clone(g.entities[k])
	}
	return out
}

func clone(e Entity) Entity {
	e.Aliases = slices.Clone(e.Aliases)
	return e
}
