package entity

// How a name token is compared with a word of text.
const (
	matchExact = iota // the word must be the token itself: acronyms, names marked "="
	matchCap          // same key, and the word must have a capital letter
	matchAny          // same key, whatever the word's case
)

// trieNode is one word of a phrase index: a token-level trie whose edges are
// name tokens, split by how they compare with words. Most nodes have one
// or two children, kept in a slice; a node with many has a map. A map for
// each node made a default gazetteer of 45,000 entities allocate 60 MB
// more, and a million names several gigabytes. The titles lexicon uses
// this index; the gazetteer, whose names are a thousand times more, uses
// flatIndex (gazetteer_flat.go), which gives the same matches (a test
// checks it) from a few flat blocks.
type trieNode struct {
	kids  []trieEdge            // while few
	big   map[trieKey]*trieNode // once many
	modes uint8                 // bit 1<<mode set when a child has that mode
	term  int                   // index of the phrase ending here, -1 when none
}

type trieKey struct {
	mode uint8
	key  string
}

type trieEdge struct {
	trieKey
	node *trieNode
}

// maxKids is the number of children kept in a slice before a map.
const maxKids = 8

func newTrieNode() *trieNode { return &trieNode{term: -1} }

// get returns the child for token k compared by mode, or nil.
func (n *trieNode) get(mode uint8, k string) *trieNode {
	if n.modes&(1<<mode) == 0 {
		return nil
	}
	if n.big != nil {
		return n.big[trieKey{mode, k}]
	}
	for i := range n.kids {
		if e := &n.kids[i]; e.mode == mode && e.key == k {
			return e.node
		}
	}
	return nil
}

// child returns the child for token k compared by mode, adding it if need be.
func (n *trieNode) child(mode int, k string) *trieNode {
	if c := n.get(uint8(mode), k); c != nil {
		return c
	}
	c := newTrieNode()
	n.modes |= 1 << mode
	if n.kids == nil && n.big == nil {
		n.kids = make([]trieEdge, 0, 1) // most nodes have one child
	}
	tk := trieKey{uint8(mode), k}
	switch {
	case n.big != nil:
		n.big[tk] = c
	case len(n.kids) < maxKids:
		n.kids = append(n.kids, trieEdge{tk, c})
	default:
		n.big = make(map[trieKey]*trieNode, 2*maxKids)
		for _, e := range n.kids {
			n.big[e.trieKey] = e.node
		}
		n.big[tk] = c
		n.kids = nil
	}
	return c
}

// phraseIndex finds the longest phrase at a position of a word sequence.
// It is immutable once built and safe for concurrent use.
type phraseIndex struct {
	root *trieNode
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

// longestAt returns the end (exclusive) and terminal of the longest phrase
// starting at word i, or i and -1. Where several phrases of the same length
// end there, an exact match wins over a case-insensitive one. With anyCase,
// words need no capital letter where a token asks for one. It computes the
// keys of the words it visits only, and allocates nothing.
func (x *phraseIndex) longestAt(words []string, i int, anyCase bool) (int, int) {
	if x.root == nil {
		return i, -1
	}
	return x.walkLazy(x.root, words, i, i, -1, anyCase)
}

func (x *phraseIndex) walkLazy(n *trieNode, words []string, j, bestEnd, bestTerm int, anyCase bool) (int, int) {
	if n.term >= 0 && j > bestEnd {
		bestEnd, bestTerm = j, n.term
	}
	if j >= len(words) {
		return bestEnd, bestTerm
	}
	if c := n.get(matchExact, words[j]); c != nil {
		bestEnd, bestTerm = x.walkLazy(c, words, j+1, bestEnd, bestTerm, anyCase)
	}
	if n.modes&(1<<matchCap|1<<matchAny) == 0 {
		return bestEnd, bestTerm
	}
	var kb [64]byte
	k, upper := appendKey(kb[:0], words[j])
	if c := n.get(matchCap, string(k)); c != nil && (anyCase || upper) {
		bestEnd, bestTerm = x.walkLazy(c, words, j+1, bestEnd, bestTerm, anyCase)
	}
	if c := n.get(matchAny, string(k)); c != nil {
		bestEnd, bestTerm = x.walkLazy(c, words, j+1, bestEnd, bestTerm, anyCase)
	}
	return bestEnd, bestTerm
}
