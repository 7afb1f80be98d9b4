package entity

import (
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tokenize"
)

// Misspelt names.
//
// News copy misspells names ("Ethopia", "Francois Mitterand"), and a name
// the model finds but the gazetteer does not know gets no actor code. The
// resolver then looks for a country or an office holder (a person with an
// actor code and a title) whose name is one
// edit away (a letter added, dropped, changed, or two swapped), in the same
// number of words, with the same first letter, at least six letters long,
// and takes it when exactly one entity is that close.
//
// The index holds every name of those entities with each of its letters
// left out in turn (the symmetric-delete scheme), about fifteen keys a
// name; it is built on the first lookup. People without a title (most of
// the thousands of past officials generated from the Phoenix dictionaries)
// are left out: their index would cost tens of megabytes and their names
// are rarer in news. A gazetteer of more than maxNearEntities countries and
// office holders gets none (its index would take gigabytes); its names must
// then be spelt as listed.

// nearIndex maps a name key, or the key with one rune left out, to the
// entities (indexes into Gazetteer.entities) of the names it comes from.
type nearIndex map[string][]int

// maxNearEntities bounds the entities the index of misspelt names covers.
var maxNearEntities = 200_000

// minNearLen is the fewest runes a name must have to be matched with an
// edit: shorter names are too often other words one letter away.
const minNearLen = 6

// near returns the one country or coded person whose name is one edit
// away from name, of a type accept allows.
func (g *Gazetteer) near(name string, accept func(Type) bool) (Entity, bool) {
	q := nameKey(name)
	if utf8.RuneCountInString(q) < minNearLen {
		return Entity{}, false
	}
	idx := g.nearIndex()
	found := -1
	try := func(k string) bool {
		for _, e := range idx[k] {
			if found == e {
				continue
			}
			if !accept(g.entities[e].Type) || !g.nearName(e, q) {
				continue
			}
			if found >= 0 {
				return false // two entities are that close: neither
			}
			found = e
		}
		return true
	}
	if !try(q) {
		return Entity{}, false
	}
	for _, d := range deletions(q) {
		if !try(d) {
			return Entity{}, false
		}
	}
	if found < 0 {
		return Entity{}, false
	}
	return clone(g.entities[found]), true
}

// nearName reports whether one of the names of entity e is one edit from
// key q, with its words and first letter.
func (g *Gazetteer) nearName(e int, q string) bool {
	for _, k := range g.nearNames()[e] {
		if k != q && strings.Count(k, " ") == strings.Count(q, " ") && firstRune(k) == firstRune(q) && oneEdit(k, q) {
			return true
		}
	}
	return false
}

func (g *Gazetteer) nearIndex() nearIndex {
	g.nearOnce.Do(g.buildNear)
	return g.nearIdx
}

func (g *Gazetteer) nearNames() map[int][]string {
	g.nearOnce.Do(g.buildNear)
	return g.nearKeys
}

// buildNear indexes the names of countries and office holders.
func (g *Gazetteer) buildNear() {
	g.nearIdx = nearIndex{}
	g.nearKeys = map[int][]string{}
	n := 0
	for _, e := range g.entities {
		if nearCandidate(e) {
			n++
		}
	}
	if n > maxNearEntities {
		return
	}
	for i, e := range g.entities {
		if !nearCandidate(e) {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if n == "" || isAcronym(n) {
				continue
			}
			k := nameKey(n)
			if utf8.RuneCountInString(k) < minNearLen {
				continue
			}
			g.nearKeys[i] = append(g.nearKeys[i], k)
			g.nearIdx[k] = appendOnce(g.nearIdx[k], i)
			for _, d := range deletions(k) {
				g.nearIdx[d] = appendOnce(g.nearIdx[d], i)
			}
		}
	}
}

// nearCandidate reports whether misspellings of e's names are looked for:
// a country's, or an office holder's (a person with a code and a title).
func nearCandidate(e Entity) bool {
	return e.Type == Country || e.Type == Person && e.Code != "" && e.Title != ""
}

func appendOnce(list []int, i int) []int {
	for _, x := range list {
		if x == i {
			return list
		}
	}
	return append(list, i)
}

// nameKey returns the words of name as the gazetteer keys them, joined by
// spaces.
func nameKey(name string) string {
	words := splitName(tokenize.New(), name)
	for i, w := range words {
		words[i] = key(w)
	}
	return strings.Join(words, " ")
}

// deletions returns s with each of its runes left out in turn.
func deletions(s string) []string {
	out := make([]string, 0, len(s))
	for i, r := range s {
		out = append(out, s[:i]+s[i+utf8.RuneLen(r):])
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// oneEdit reports whether a and b differ by one insertion, deletion or
// substitution of a rune, or by two adjacent runes swapped.
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) < len(y) {
		x, y = y, x
	}
	switch len(x) - len(y) {
	case 0:
		var diff []int
		for i := range x {
			if x[i] != y[i] {
				diff = append(diff, i)
				if len(diff) > 2 {
					return false
				}
			}
		}
		switch len(diff) {
		case 1:
			return true
		case 2:
			i, j := diff[0], diff[1]
			return j == i+1 && x[i] == y[j] && x[j] == y[i]
		}
		return false
	case 1:
		i := 0
		for i < len(y) && x[i] == y[i] {
			i++
		}
		return string(x[i+1:]) == string(y[i:])
	}
	return false
}
