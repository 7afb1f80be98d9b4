package entity

import "sync"

// How a name token is compared with a word of text.
const (
	matchExact = iota // the word must be the token itself: acronyms, names marked "="
	matchCap          // same key, and the word must have a capital letter
	matchAny          // same key, whatever the word's case
)

// trieNode is one word of a phrase index: a token-level trie whose edges are
// name tokens, split by how they compare with words.
type trieNode struct {
	exact map[string]*trieNode
	cap   map[string]*trieNode
	any   map[string]*trieNode
	term  int // index of the phrase ending here, -1 when none
}

func newTrieNode() *trieNode { return &trieNode{term: -1} }

// child returns the child for token k compared by mode, adding it if need be.
func (n *trieNode) child(mode int, k string) *trieNode {
	m := &n.any
	switch mode {
	case matchExact:
		m = &n.exact
	case matchCap:
		m = &n.cap
	}
	if *m == nil {
		*m = make(map[string]*trieNode)
	}
	c := (*m)[k]
	if c == nil {
		c = newTrieNode()
		(*m)[k] = c
	}
	return c
}

// phraseIndex finds the longest phrase at a position of a word sequence.
// It is immutable once built and safe for concurrent use.
type phraseIndex struct {
	root    *trieNode
	scratch sync.Pool // *wordKeys
}

// token is one token of a phrase to index.
type token struct {
	mode int
	key  string // the exact text for matchExact, the key otherwise
}

// add indexes a phrase, the alternatives of each token given by alts, and
// returns the terminal node.
func (x *phraseIndex) add(alts [][]token) []*trieNode {
	if x.root == nil {
		x.root = newTrieNode()
	}
	nodes := []*trieNode{x.root}
	for _, alt := range alts {
		var next []*trieNode
		for _, n := range nodes {
			for _, t := range alt {
				c := n.child(t.mode, t.key)
				dup := false
				for _, o := range next {
					dup = dup || o == c
				}
				if !dup {
					next = append(next, c)
				}
			}
		}
		nodes = next
	}
	return nodes
}

// wordKeys holds the keys of a sentence's words for one call.
type wordKeys struct {
	buf   []byte
	ends  []int
	keys  []string
	upper []bool
}

func (x *phraseIndex) getKeys(words []string) *wordKeys {
	wk, _ := x.scratch.Get().(*wordKeys)
	if wk == nil {
		wk = new(wordKeys)
	}
	wk.buf, wk.upper, wk.ends = wk.buf[:0], wk.upper[:0], wk.ends[:0]
	for _, w := range words {
		var up bool
		wk.buf, up = appendKey(wk.buf, w)
		wk.upper = append(wk.upper, up)
		wk.ends = append(wk.ends, len(wk.buf))
	}
	all := string(wk.buf) // one allocation; the keys are substrings of it
	wk.keys = wk.keys[:0]
	start := 0
	for _, end := range wk.ends {
		wk.keys = append(wk.keys, all[start:end])
		start = end
	}
	return wk
}

func (x *phraseIndex) putKeys(wk *wordKeys) {
	if cap(wk.buf) > 1<<16 {
		return
	}
	clear(wk.keys)
	x.scratch.Put(wk)
}

// longest returns the end (exclusive) and terminal of the longest phrase
// starting at word i, or i and -1. Where several phrases of the same length
// end there, an exact match wins over a case-insensitive one. With anyCase,
// words need no capital letter where a token asks for one.
func (x *phraseIndex) longest(words []string, wk *wordKeys, i int, anyCase bool) (int, int) {
	if x.root == nil {
		return i, -1
	}
	return x.walk(x.root, words, wk, i, i, -1, anyCase)
}

func (x *phraseIndex) walk(n *trieNode, words []string, wk *wordKeys, j, bestEnd, bestTerm int, anyCase bool) (int, int) {
	if n.term >= 0 && j > bestEnd {
		bestEnd, bestTerm = j, n.term
	}
	if j >= len(words) {
		return bestEnd, bestTerm
	}
	if c := n.exact[words[j]]; c != nil {
		bestEnd, bestTerm = x.walk(c, words, wk, j+1, bestEnd, bestTerm, anyCase)
	}
	k := wk.keys[j]
	if c := n.cap[k]; c != nil && (anyCase || wk.upper[j]) {
		bestEnd, bestTerm = x.walk(c, words, wk, j+1, bestEnd, bestTerm, anyCase)
	}
	if c := n.any[k]; c != nil {
		bestEnd, bestTerm = x.walk(c, words, wk, j+1, bestEnd, bestTerm, anyCase)
	}
	return bestEnd, bestTerm
}
