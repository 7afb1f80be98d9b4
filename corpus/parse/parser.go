package parse

import (
	"errors"
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/corpus"
)

// Tree is the dependency tree of one sentence.
//
// Head[i] is the index of the head of token i, or -1 for the one root token;
// Rel[i] is the Universal Dependencies relation of token i to its head, with
// subtypes such as "nsubj:pass" or "nmod:poss"; the root's Rel is "root".
// Every token has exactly one head and there are no cycles.
//
// Tag[i] is the part-of-speech tag the parser read for token i: the tag it
// was given, corrected where the parser's own tagger, trained on the
// treebank, disagrees (EWT's Penn Treebank tags, such as "NNP" for a
// capitalised name the run-time tagger called "NN").
type Tree struct {
	Head []int
	Rel  []string
	Tag  []string
}

// Root returns the index of the root token, or -1 for an empty tree.
func (t Tree) Root() int {
	for i, h := range t.Head {
		if h < 0 {
			return i
		}
	}
	return -1
}

// Children returns the dependents of token i in sentence order.
func (t Tree) Children(i int) []int {
	var out []int
	for j, h := range t.Head {
		if h == i {
			out = append(out, j)
		}
	}
	return out
}

// ErrEmpty is returned when asked to parse a sentence with no tokens.
var ErrEmpty = errors.New("parse: empty sentence")

// Parser is a greedy transition-based dependency parser with averaged
// perceptron weights. It is immutable once built and safe for concurrent
// use; per-call scratch space comes from a pool.
type Parser struct {
	note   string   // provenance: command, data, seed, scores
	labels []string // label index → UD relation
	root   int      // index of "root" in labels
	moves  moveTable
	labs   labelTable
	tagger *retagger
	pool   sync.Pool
}

// scratch is the per-call working space of Parse.
type scratch struct {
	st     state
	info   []tokInfo
	feats  []uint64
	lsc    []int32 // label scores
	tsc    []int32 // tag scores
	chosen []uint64
	buf    []byte
}

func (p *Parser) getScratch() *scratch {
	if s, ok := p.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{lsc: make([]int32, len(p.labels)), tsc: make([]int32, len(p.tagger.tags))}
}

// Labels returns the relations the parser can assign, in model order.
func (p *Parser) Labels() []string { return append([]string(nil), p.labels...) }

// Note returns the provenance recorded in the model when it was trained:
// the command, data and seed, and its scores.
func (p *Parser) Note() string { return p.note }

// Parse returns the dependency tree of one tokenised, tagged sentence.
// words and tags must have the same non-zero length; tags are Penn
// Treebank tags as prose's tagger gives them. Words may be any string,
// including punctuation, emoji or invalid UTF-8.
func (p *Parser) Parse(words, tags []string) (Tree, error) {
	return p.ParseKeep(words, tags, nil)
}

// ParseKeep is Parse with some tags final: where keep[i] is true, tag i is
// read as given and not refined by the parser's tagger. A caller that knows
// better than a part-of-speech tagger, such as a recognizer that found
// "Friedrich Merz" to be a name, keeps its tags: a treebank tagger that
// has never seen "Friedrich" may call it a common noun, and the parse
// follows the tags. keep may be nil; otherwise it has one entry a word. A
// tag the parser's tagger does not know is refined all the same.
func (p *Parser) ParseKeep(words, tags []string, keep []bool) (Tree, error) {
	if len(words) != len(tags) {
		return Tree{}, fmt.Errorf("parse: %d words but %d tags", len(words), len(tags))
	}
	if keep != nil && len(keep) != len(words) {
		return Tree{}, fmt.Errorf("parse: %d words but %d keep flags", len(words), len(keep))
	}
	if len(words) == 0 {
		return Tree{}, ErrEmpty
	}
	sc := p.getScratch()
	defer p.pool.Put(sc)
	p.run(sc, words, tags, keep)
	n := len(words)
	t := Tree{Head: make([]int, n), Rel: make([]string, n), Tag: make([]string, n)}
	for i := 0; i < n; i++ {
		t.Tag[i] = p.tagger.name(sc.info[i].p, tags[i])
		h := int(sc.st.head[i])
		if h == n {
			h = -1
		}
		t.Head[i] = h
		if l := int(sc.st.lab[i]) - 1; l >= 0 && l < len(p.labels) {
			t.Rel[i] = p.labels[l]
		}
	}
	return t, nil
}

// ParseSentence parses a sentence of tagged tokens, using each token's Text
// and Tag. It returns an error naming the first token without a tag.
func (p *Parser) ParseSentence(s corpus.Sentence) (Tree, error) {
	words := make([]string, len(s.Tokens))
	tags := make([]string, len(s.Tokens))
	for i, tok := range s.Tokens {
		if tok.Tag == "" {
			return Tree{}, fmt.Errorf("parse: token %d %q at byte %d has no tag", i, tok.Text, tok.Start)
		}
		words[i], tags[i] = tok.Text, tok.Tag
	}
	return p.Parse(words, tags)
}

// run parses words greedily, leaving the result in sc.st.
func (p *Parser) run(sc *scratch, words, tags []string, keep []bool) {
	n := len(words)
	if cap(sc.info) < n+1 {
		sc.info = make([]tokInfo, n+1)
	}
	sc.info = sc.info[:n+1]
	sc.buf = fillInfo(sc.info, words, tags, sc.buf)
	sc.chosen, sc.feats = p.tagger.tag(sc.info, n, keep, sc.chosen, sc.feats, sc.tsc)
	fillCounts(sc.info, n)
	st := &sc.st
	st.reset(n)
	for !st.done() {
		ok := st.valid()
		best := only(ok)
		if best < 0 {
			// A choice to make: score the moves.
			sc.feats = st.moveFeatures(sc.info, sc.feats[:0])
			var ms [numMoves]int32
			p.moves.add(sc.feats, &ms)
			for m := 0; m < numMoves; m++ {
				if ok[m] && (best < 0 || ms[m] > ms[best]) {
					best = m
				}
			}
		}
		label := 0
		if best != moveShift {
			h, d := st.arc(best)
			label = p.label(sc, h, d)
		}
		st.apply(best, label)
	}
}

// only returns the one valid move, or -1 when there is a choice. About
// one move in six is forced (an empty stack must shift), and scoring it
// would cost a full set of lookups for nothing.
func only(ok [numMoves]bool) int {
	m := -1
	for i, v := range ok {
		if v {
			if m >= 0 {
				return -1
			}
			m = i
		}
	}
	return m
}

// label chooses the relation of the arc h → d.
func (p *Parser) label(sc *scratch, h, d int32) int {
	st := &sc.st
	if h == st.n {
		return p.root
	}
	sc.feats = st.labelFeatures(sc.info, h, d, sc.feats[:0])
	ls := sc.lsc[:len(p.labels)]
	for i := range ls {
		ls[i] = 0
	}
	p.labs.add(sc.feats, ls)
	best := -1
	for l, v := range ls {
		if l != p.root && (best < 0 || v > ls[best]) {
			best = l
		}
	}
	return best
}
