package relation

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// A Lexicon is a set of cues, at most one for each lemma and part of speech,
// indexed by head word for the extractor.
//
// The library's own lexicon, [DefaultLexicon], is built from the embedded
// cues.tsv the way a user builds one from their own file:
//
//	mine, err := relation.ReadCues(f, "mycues.tsv")
//	...
//	lex, err := relation.DefaultLexicon()
//	...
//	lex, err = lex.With(mine...) // mine win for the same lemma and POS
//
// A Lexicon is immutable and safe for concurrent use; the zero value is an
// empty lexicon.
type Lexicon struct {
	cues  []Cue            // sorted by lemma, then POS
	exact map[cueKey]int   // lemma+POS → index in cues
	heads map[cueKey][]int // head+POS → indexes in cues, longest lemma first
	words map[string]bool  // every word of every cue's lemma
}

// cueKey identifies a cue by lemma (or head) and part of speech.
type cueKey struct{ lemma, pos string }

// NewLexicon returns a lexicon of the given cues, which it copies. It is an
// error for a cue to be invalid (an unknown type or slot, no actor or no
// target slot, a lemma that is not lower case) or for two cues to share a
// lemma and a part of speech; the error names the cue and its Source.
func NewLexicon(cues []Cue) (*Lexicon, error) {
	seen := make(map[cueKey]Cue, len(cues))
	for _, c := range cues {
		if err := c.validate(); err != nil {
			return nil, err
		}
		k := cueKey{c.Lemma, c.POS}
		if prev, dup := seen[k]; dup {
			return nil, fmt.Errorf("relation: cue %q %s given twice (%s and %s)",
				c.Lemma, c.POS, sourceOf(prev), sourceOf(c))
		}
		seen[k] = c
	}
	return indexCues(cues), nil
}

func sourceOf(c Cue) string {
	if c.Source == "" {
		return "a cue built in Go"
	}
	return c.Source
}

// indexCues indexes cues, which must be valid and unique by lemma and POS.
func indexCues(cues []Cue) *Lexicon {
	l := &Lexicon{
		cues:  make([]Cue, len(cues)),
		exact: make(map[cueKey]int, len(cues)),
		heads: make(map[cueKey][]int, len(cues)),
		words: make(map[string]bool, len(cues)),
	}
	for i, c := range cues {
		l.cues[i] = c.clone()
	}
	slices.SortFunc(l.cues, compareCues)
	for i, c := range l.cues {
		l.exact[cueKey{c.Lemma, c.POS}] = i
		hk := cueKey{c.Head(), c.POS}
		l.heads[hk] = append(l.heads[hk], i)
		for _, w := range strings.Fields(c.Lemma) {
			l.words[w] = true
		}
	}
	for _, idx := range l.heads {
		slices.SortFunc(idx, func(a, b int) int { return compareByLength(l.cues[a], l.cues[b]) })
	}
	return l
}

func compareCues(a, b Cue) int {
	return cmp.Or(strings.Compare(a.Lemma, b.Lemma), strings.Compare(a.POS, b.POS))
}

// compareByLength orders cues with more words first, then as compareCues.
func compareByLength(a, b Cue) int {
	return cmp.Or(cmp.Compare(strings.Count(b.Lemma, " "), strings.Count(a.Lemma, " ")), compareCues(a, b))
}

// defaultLexicon is the lexicon of the embedded cues, built once.
var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	cues, err := defaultCues()
	if err != nil {
		return nil, err
	}
	return NewLexicon(cues)
})

// DefaultLexicon returns the lexicon of [DefaultCues]. It is built once, on
// first use, and shared.
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

// With returns a new lexicon holding l's cues and the given ones. A given
// cue replaces the cue of l with the same lemma and part of speech, so a
// user's cue always wins over a default one. It is an error for a given cue
// to be invalid or for two given cues to share a lemma and part of speech.
// l itself is unchanged.
func (l *Lexicon) With(cues ...Cue) (*Lexicon, error) {
	added, err := NewLexicon(cues)
	if err != nil {
		return nil, err
	}
	all := make([]Cue, 0, l.Len()+len(cues))
	if l != nil {
		for _, c := range l.cues {
			if _, replaced := added.exact[cueKey{c.Lemma, c.POS}]; !replaced {
				all = append(all, c)
			}
		}
	}
	all = append(all, added.cues...)
	return indexCues(all), nil
}

// hasWord reports whether w is a word of some cue's lemma.
func (l *Lexicon) hasWord(w string) bool { return l != nil && l.words[w] }

// Len returns the number of cues in l.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.cues)
}

// Cues returns every cue of l, sorted by lemma and then part of speech.
func (l *Lexicon) Cues() []Cue {
	if l == nil {
		return nil
	}
	return ownSlots(slices.Clone(l.cues))
}

// Get returns the cue whose lemma is exactly lemma ("call on") with part of
// speech pos.
func (l *Lexicon) Get(lemma, pos string) (Cue, bool) {
	if l == nil {
		return Cue{}, false
	}
	i, ok := l.exact[cueKey{lemma, pos}]
	if !ok {
		return Cue{}, false
	}
	return l.cues[i].clone(), true
}

// Lookup returns the cues whose head word (see [Cue]) is head and whose part
// of speech is pos, or any part of speech when pos is "". Cues with more
// words come first ("call for", "call on", then "call"), so an extractor
// that takes the first cue whose other words it finds around the head
// prefers the most specific. The result is the caller's own.
func (l *Lexicon) Lookup(head, pos string) []Cue {
	if l == nil {
		return nil
	}
	if pos != "" {
		return l.cuesAt(l.heads[cueKey{head, pos}])
	}
	var idx []int
	for _, p := range cuePOS {
		idx = append(idx, l.heads[cueKey{head, p}]...)
	}
	slices.SortFunc(idx, func(a, b int) int { return compareByLength(l.cues[a], l.cues[b]) })
	return l.cuesAt(idx)
}

// cuesAt returns copies of the cues at idx.
func (l *Lexicon) cuesAt(idx []int) []Cue {
	if len(idx) == 0 {
		return nil
	}
	cues := make([]Cue, len(idx))
	for i, j := range idx {
		cues[i] = l.cues[j]
	}
	return ownSlots(cues)
}

// ownSlots gives the cues slot slices of their own, sharing one new backing
// array, and returns them.
func ownSlots(cues []Cue) []Cue {
	n := 0
	for _, c := range cues {
		n += len(c.Actor) + len(c.Target)
	}
	buf := make([]Slot, 0, n)
	for i := range cues {
		c := &cues[i]
		start := len(buf)
		buf = append(buf, c.Actor...)
		c.Actor = buf[start:len(buf):len(buf)]
		start = len(buf)
		buf = append(buf, c.Target...)
		c.Target = buf[start:len(buf):len(buf)]
	}
	return cues
}
