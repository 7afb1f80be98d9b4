package entity

import (
	"slices"
	"strings"

	"github.com/jdkato/prose/v3/tokenize"
)

// flatIndex is the gazetteer's phrase index: a token-level trie, like
// phraseIndex, held in a few flat, pointer-free structures rather than a
// struct per node, so that building one of a million names allocates a
// few large blocks instead of tens of millions of small ones, and the
// garbage collector has nothing to scan in it.
//
//   - Every distinct token (the exact text of an acronym or "=" name word,
//     the key of any other word) is interned once as a word number.
//     A word number takes 30 bits of an edge key: a billion distinct
//     tokens, more than any gazetteer that fits in memory has.
//   - Nodes are numbers, the root 0. A node's first child is in first,
//     with its label (mode and word); most nodes have no other. Any other
//     edge is an entry of a map from (node, mode, word) packed into a
//     uint64 to the child node.
//   - flags holds, by node, the modes of its children, whether it has
//     more than one, and whether a phrase ends there; the phrase's node
//     number is then its terminal number.
//
// It is immutable once built and safe for concurrent use.
type flatIndex struct {
	words map[string]uint32 // token → word number
	edges map[uint64]uint32 // edgeKey(node, mode, word) → child, but first children and the root's
	first []uint64          // by node: label<<32 | child of its first child, 0 when none
	flags []uint8           // by node: 1<<mode for each child mode, flagMore, flagTerm
	// root holds the root's children by mode and word number, 0 for none:
	// the root has a child for nearly every first word of a name, and an
	// array is cheaper than the map for the first word of every name
	// built and every word of text matched.
	root [3][]uint32
}

const (
	flagTerm = 1 << 7 // a phrase ends at the node
	flagMore = 1 << 6 // the node has children in edges
)

// label is the label of an edge: its mode and word.
func label(mode uint8, word uint32) uint32 { return uint32(mode)<<30 | word }

func edgeKey(node uint32, mode uint8, word uint32) uint64 {
	return uint64(node)<<32 | uint64(mode)<<30 | uint64(word)
}

// newFlatIndex returns an empty index sized for about n edges.
func newFlatIndex(n int) flatIndex {
	return flatIndex{words: map[string]uint32{}, edges: make(map[uint64]uint32, n/4),
		first: make([]uint64, 1, n+1), flags: make([]uint8, 1, n+1)}
}

// get returns the child of node n for word w compared by mode.
func (x *flatIndex) get(n uint32, mode uint8, w uint32) (uint32, bool) {
	if n == 0 {
		if r := x.root[mode]; int(w) < len(r) && r[w] != 0 {
			return r[w], true
		}
		return 0, false
	}
	f := x.first[n]
	if f == 0 {
		return 0, false
	}
	if uint32(f>>32) == label(mode, w) {
		return uint32(f), true
	}
	if x.flags[n]&flagMore == 0 {
		return 0, false
	}
	c, ok := x.edges[edgeKey(n, mode, w)]
	return c, ok
}

// word returns the number of token w, interning it if need be.
func (x *flatIndex) word(w []byte) uint32 {
	if id, ok := x.words[string(w)]; ok {
		return id
	}
	id := uint32(len(x.words))
	x.words[string(w)] = id
	return id
}

// child returns the child of node n for word w compared by mode, adding it
// if need be.
func (x *flatIndex) child(n uint32, mode uint8, w uint32) uint32 {
	if c, ok := x.get(n, mode, w); ok {
		return c
	}
	c := uint32(len(x.flags))
	x.flags = append(x.flags, 0)
	x.first = append(x.first, 0)
	x.flags[n] |= 1 << mode
	if n == 0 {
		r := x.root[mode]
		if int(w) >= len(r) {
			r = slices.Grow(r, int(w)+1-len(r)) // never len(x.words): see flatBuilder
			r = r[:cap(r)]
		}
		r[w] = c
		x.root[mode] = r
	} else if x.first[n] == 0 {
		x.first[n] = uint64(label(mode, w))<<32 | uint64(c)
	} else {
		x.flags[n] |= flagMore
		x.edges[edgeKey(n, mode, w)] = c
	}
	return c
}

// flatBuilder adds names to a flatIndex, reusing its buffers from name to
// name. Adding a name has two halves, which may run in two goroutines, one
// name behind the other: tokens, which splits the name and numbers its
// words (it alone writes the index's words), and insert, which adds the
// paths to the trie (it alone writes the rest).
type flatBuilder struct {
	x          *flatIndex
	tk         *tokenize.Tokenizer
	pieces     map[string][]string // how tk splits a piece of a name
	words      []string
	buf        []byte
	nodes, nxt []uint32
}

// nameToken is a word of a name as the trie indexes it: its word number
// compared by mode, and for an acronym, the number of its dotted form
// ("U.S." for "US") too.
type nameToken struct {
	mode      uint8
	hasDotted bool
	word      uint32
	dotted    uint32
}

// add indexes a name as nameTokens splits it (anyCase false), marks its
// terminal nodes and returns them, valid until the next call. ok is false
// when the name has no words. It gives the trie the same paths as
// phraseIndex.add of nameTokens' alternatives.
func (b *flatBuilder) add(name string) (terms []uint32, ok bool) {
	toks, ok := b.tokens(nil, name)
	if !ok {
		return nil, false
	}
	return b.insert(toks), true
}

// tokens appends the tokens of a name to dst; ok is false when the name has
// no words.
func (b *flatBuilder) tokens(dst []nameToken, name string) (_ []nameToken, ok bool) {
	exact := strings.HasPrefix(name, "=")
	name = strings.TrimPrefix(name, "=")
	b.words = b.words[:0]
	// prose splits a text at white space, then each piece on its own (see
	// splitName): a piece of letters stays whole, and the others, such as
	// "U.S." and "al-Sadr", recur from name to name.
	for w := range strings.FieldsSeq(name) {
		if plainWords(w) {
			b.words = append(b.words, w)
			continue
		}
		split, ok := b.pieces[w]
		if !ok {
			for _, t := range b.tk.Tokenize(w) {
				split = append(split, t.Text)
			}
			if b.pieces == nil {
				b.pieces = map[string][]string{}
			}
			b.pieces[w] = split
		}
		b.words = append(b.words, split...)
	}
	if len(b.words) == 0 {
		return dst, false
	}
	x := b.x
	for _, w := range b.words {
		if exact || isAcronym(w) {
			t := nameToken{mode: matchExact, word: x.word(append(b.buf[:0], w...))}
			if d := dotted(w); d != "" {
				t.hasDotted, t.dotted = true, x.word(append(b.buf[:0], d...))
			}
			dst = append(dst, t)
			continue
		}
		mode := uint8(matchAny)
		if hasUpper(w) {
			mode = matchCap
		}
		b.buf, _ = appendKey(b.buf[:0], w)
		dst = append(dst, nameToken{mode: mode, word: x.word(b.buf)})
	}
	return dst, true
}

// insert adds the paths of a name's tokens to the trie, marks their
// terminal nodes and returns them, valid until the next call.
func (b *flatBuilder) insert(toks []nameToken) []uint32 {
	x := b.x
	b.nodes = append(b.nodes[:0], 0)
	for _, t := range toks {
		b.nxt = b.nxt[:0]
		for _, n := range b.nodes {
			b.nxt = appendNode(b.nxt, x.child(n, t.mode, t.word))
			if t.hasDotted {
				b.nxt = appendNode(b.nxt, x.child(n, t.mode, t.dotted))
			}
		}
		b.nodes, b.nxt = b.nxt, b.nodes
	}
	for _, n := range b.nodes {
		x.flags[n] |= flagTerm
	}
	return b.nodes
}

func appendNode(ns []uint32, n uint32) []uint32 {
	for _, o := range ns {
		if o == n {
			return ns
		}
	}
	return append(ns, n)
}

// noTerm is what longestAt returns when no phrase starts at the word.
const noTerm = -1

// longestAt returns the end (exclusive) and terminal node of the longest
// phrase starting at word i, or i and noTerm. Where several phrases of the
// same length end there, an exact match wins over a case-insensitive one.
// With anyCase, words need no capital letter where a token asks for one.
// It computes the keys of the words it visits only, and allocates nothing.
func (x *flatIndex) longestAt(words []string, i int, anyCase bool) (int, int) {
	if x.flags == nil {
		return i, noTerm
	}
	return x.walk(0, words, i, i, noTerm, anyCase)
}

func (x *flatIndex) walk(n uint32, words []string, j, bestEnd, bestTerm int, anyCase bool) (int, int) {
	fl := x.flags[n]
	if fl&flagTerm != 0 && j > bestEnd {
		bestEnd, bestTerm = j, int(n)
	}
	if j >= len(words) {
		return bestEnd, bestTerm
	}
	if fl&(1<<matchExact) != 0 {
		if w, ok := x.words[words[j]]; ok {
			if c, ok := x.get(n, matchExact, w); ok {
				bestEnd, bestTerm = x.walk(c, words, j+1, bestEnd, bestTerm, anyCase)
			}
		}
	}
	if fl&(1<<matchCap|1<<matchAny) == 0 {
		return bestEnd, bestTerm
	}
	var kb [64]byte
	k, upper := appendKey(kb[:0], words[j])
	w, ok := x.words[string(k)]
	if !ok {
		return bestEnd, bestTerm
	}
	if fl&(1<<matchCap) != 0 && (anyCase || upper) {
		if c, ok := x.get(n, matchCap, w); ok {
			bestEnd, bestTerm = x.walk(c, words, j+1, bestEnd, bestTerm, anyCase)
		}
	}
	if fl&(1<<matchAny) != 0 {
		if c, ok := x.get(n, matchAny, w); ok {
			bestEnd, bestTerm = x.walk(c, words, j+1, bestEnd, bestTerm, anyCase)
		}
	}
	return bestEnd, bestTerm
}
