package ner

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner/clusters"
)

// Sentence is the input for one sentence: its words, their part-of-speech
// tags (Penn Treebank, as the tagger at hand predicts them; nil when there are
// none) and the spans a gazetteer found in it (Type names the kind, such as
// "PERSON" or "COUNTRY"; nil when there is no gazetteer). Gazetteer spans
// must be those of the same gazetteer as at training time to help.
type Sentence struct {
	Words []string
	POS   []string
	Gaz   []corpus.Span
}

// Model is a trained entity tagger. It is immutable and safe for concurrent
// use by many goroutines.
type Model struct {
	info    Info
	types   []string
	emit    []bool
	nLabels int

	// table is an open-addressing hash table of features, linear probing
	// from the low bits of the feature key: slot i is
	// table[i*stride:(i+1)*stride], a fingerprint of the key (its high 32
	// bits, never 0; 0 marks an empty slot) followed by the int16 weight
	// for each label, two to a word, which are the real weights divided by
	// scale. Keeping a feature's weights beside its key costs one memory
	// access per feature; with 13 labels a slot is 32 bytes, half a cache
	// line.
	table  []uint32
	stride int
	mask   uint64
	keys   []uint64 // every feature key, sorted, for Save
	scale  float32

	// trans[(a+1)*nLabels+b]: weight of label b after label a (a == -1 at the
	// start of a sentence); final[a]: weight of ending on a. Disallowed BILOU
	// transitions are -Inf.
	trans []float32
	final []float32
	lat   lattice // trans and final as Viterbi reads them

	// clus is the word cluster table when the model has cluster features
	// (models trained before them have none, and are tagged without).
	clus *clusters.Table

	pool sync.Pool // *tagScratch
}

// Info describes how a model was made; it is saved in the model's header.
type Info struct {
	Command string // the command line that trained it
	Data    string // the training data
	Seed    uint64
	Epochs  int
	Notes   string // free text, such as the development score
}

// Info returns what the model's header records.
func (m *Model) Info() Info { return m.info }

// Types returns the entity types the model emits, such as PER, LOC and ORG.
func (m *Model) Types() []string {
	var out []string
	for i, t := range m.types {
		if m.emit[i] {
			out = append(out, t)
		}
	}
	return out
}

// Features returns the number of feature rows the model keeps.
func (m *Model) Features() int { return len(m.keys) }

type tagScratch struct {
	feat   featScratch
	em     []float32
	acc    []int32
	dec    decoder
	labels []int
	types  []int8
	hist   history
	buf    []byte
	touch  uint64            // keeps the prefetching loads from being optimised away
	cache  map[uint64]int32  // tokenID to the offset of its local sum in slab
	cached func(uint64) bool // reports whether cache has a tokenID
	slab   []int32
	ids    []uint64
}

func (m *Model) scratch() *tagScratch {
	if s, ok := m.pool.Get().(*tagScratch); ok {
		return s
	}
	return new(tagScratch)
}

// TagDocument finds the entities in a document's sentences, in order: the
// result has one slice of spans per sentence, in token order. Earlier
// sentences inform later ones: a word tagged as a name earlier in the
// document is more likely to be tagged the same way again, so tag a whole
// document in one call.
func (m *Model) TagDocument(doc []Sentence) [][]corpus.Span {
	s := m.scratch()
	defer m.pool.Put(s)
	s.hist.reset()
	clear(s.cache)
	s.slab = s.slab[:0]
	out := make([][]corpus.Span, len(doc))
	for i, sent := range doc {
		out[i] = m.tagSentence(s, sent, nil, nil)
	}
	return out
}

// tagSentence tags one sentence, records it in the history and appends its
// spans to dst. costs, when not nil, receives the sentence's costs as
// [Model.TagDocumentCosts] describes them.
func (m *Model) tagSentence(s *tagScratch, sent Sentence, dst []corpus.Span, costs *[]float32) []corpus.Span {
	n := len(sent.Words)
	if n == 0 {
		return dst
	}
	L := m.nLabels
	if s.cache == nil {
		s.cache = make(map[uint64]int32)
	}
	if s.cached == nil {
		s.cached = func(id uint64) bool { _, ok := s.cache[id]; return ok }
	}
	s.feat.clus = m.clus
	keys, offs := staticFeatures(sent.Words, sent.POS, sent.Gaz, &s.feat, s.cached)
	if cap(s.em) < n*L {
		s.em = make([]float32, n*L)
	}
	em := s.em[:n*L]
	if cap(s.acc) < L+1 {
		s.acc = make([]int32, L+1)
	}
	acc := s.acc[:2*(m.stride-1)] // the last entry is padding when L is odd
	// A token's local features (its word and tag alone) are summed once per
	// document: news repeats its words.
	locals := s.feat.locals
	if cap(s.ids) < n {
		s.ids = make([]uint64, n)
	}
	ids := s.ids[:n]
	// Touch every feature's first slot before reading any: the loads do not
	// depend on each other, so the processor overlaps their cache misses,
	// which otherwise dominate tagging time.
	var touch uint64
	for i := range n {
		ids[i] = tokenID(&s.feat.infos[2+i])
		lo := offs[i]
		if _, ok := s.cache[ids[i]]; ok {
			lo += locals[i]
		}
		for _, k := range keys[lo:offs[i+1]] {
			touch += uint64(m.table[int(k&m.mask)*m.stride])
		}
	}
	s.touch = touch
	W := len(acc)
	for i := range n {
		clear(acc)
		mid := offs[i] + locals[i]
		if off, ok := s.cache[ids[i]]; ok {
			copy(acc, s.slab[off:off+int32(W)])
		} else {
			for _, k := range keys[offs[i]:mid] {
				m.accumulate(acc, k)
			}
			s.cache[ids[i]] = int32(len(s.slab))
			s.slab = append(s.slab, acc...)
		}
		for _, k := range keys[mid:offs[i+1]] {
			m.accumulate(acc, k)
		}
		var h1, h2 uint64
		h1, h2, s.buf = s.hist.feature(sent.Words[i], s.feat.infos[2+i].short, s.buf)
		if h1 != 0 {
			m.accumulate(acc, h1)
			m.accumulate(acc, h2)
		}
		row := em[i*L : i*L+L]
		for l, v := range acc[:L] {
			row[l] = float32(v) * m.scale
		}
	}
	if cap(s.labels) < n {
		s.labels = make([]int, n)
		s.types = make([]int8, n)
	}
	labels, types := s.labels[:n], s.types[:n]
	s.dec.viterbi(em, n, &m.lat, labels)
	if costs != nil {
		*costs = s.dec.costs(em, n, &m.lat, len(m.types), labels, *costs)
	}
	dst = decodeBILOU(dst, labels, m.types, m.emit, types)
	s.buf = s.hist.record(sent.Words, types, s.buf)
	return dst
}

// fingerprint is what the table keeps of a feature key.
func fingerprint(k uint64) uint32 { return uint32(k>>32) | 1 }

// slot returns the table index of feature k's slot, or -1.
func (m *Model) slot(k uint64) int {
	fp := fingerprint(k)
	st := m.stride
	for i := k & m.mask; ; i = (i + 1) & m.mask {
		base := int(i) * st
		switch m.table[base] {
		case fp:
			return base
		case 0:
			return -1
		}
	}
}

// accumulate adds the weights of feature k, if the model has it, to acc,
// which has room for 2*(stride-1) labels.
func (m *Model) accumulate(acc []int32, k uint64) {
	base := m.slot(k)
	if base < 0 {
		return
	}
	ws := m.table[base+1 : base+m.stride]
	acc = acc[:2*len(ws)]
	for j, w := range ws {
		a := acc[2*j : 2*j+2 : 2*j+2]
		a[0] += int32(int16(w))
		a[1] += int32(int16(w >> 16))
	}
}

// buildTable fills the feature table from sorted keys and their weight
// rows, weights[r*nLabels:(r+1)*nLabels] for keys[r].
func (m *Model) buildTable(keys []uint64, weights []int16) error {
	L := m.nLabels
	m.lat.set(L, m.trans, m.final)
	m.stride = 1 + (L+1)/2
	size := 8
	for size*2 < 3*len(keys) { // load factor at most 2/3
		size <<= 1
	}
	m.table = make([]uint32, size*m.stride)
	m.mask = uint64(size - 1)
	m.keys = m.keys[:0]
	for r, k := range keys {
		if r > 0 && k <= keys[r-1] {
			return fmt.Errorf("ner: feature keys out of order at row %d", r)
		}
		fp := fingerprint(k)
		i := k & m.mask
		clash := false
		for m.table[int(i)*m.stride] != 0 {
			// Two keys with one fingerprint in one probe run can not be
			// told apart; keep the first. It is as rare as a 50-bit hash
			// collision.
			clash = clash || m.table[int(i)*m.stride] == fp
			i = (i + 1) & m.mask
		}
		if clash {
			continue
		}
		m.keys = append(m.keys, k)
		slot := m.table[int(i)*m.stride : int(i+1)*m.stride]
		slot[0] = fp
		for l, w := range weights[r*L : (r+1)*L] {
			slot[1+l>>1] |= uint32(uint16(w)) << (16 * (l & 1))
		}
	}
	// A model trained with word clusters has weights for some of the
	// sixteen 4-bit cluster prefixes of a token.
	m.clus = nil
	for code := uint64(1 << 4); code < 1<<5; code++ {
		if m.slot(key1(tClus4, code)) >= 0 {
			t, err := clusters.Default()
			if err != nil {
				return err
			}
			m.clus = t
			break
		}
	}
	return nil
}

// features returns the model's feature keys, sorted, and their weight rows.
func (m *Model) features() ([]uint64, []int16) {
	L := m.nLabels
	weights := make([]int16, len(m.keys)*L)
	for r, k := range m.keys {
		base := m.slot(k)
		for l := range L {
			weights[r*L+l] = int16(m.table[base+1+l>>1] >> (16 * (l & 1)))
		}
	}
	return slices.Clone(m.keys), weights
}

// lattice holds the transition scores in the order Viterbi reads them: for
// each label b, the labels a that may precede it, pa[off[b]:off[b+1]], and
// the scores of those transitions, pt[off[b]:off[b+1]].
type lattice struct {
	L            int
	start, final []float32
	off          []int32
	pa           []int32
	pt           []float32
}

// set fills the lattice from trans[(a+1)*L+b] (a == -1 at the start) and
// final, leaving out the transitions BILOU forbids.
func (lt *lattice) set(L int, trans, final []float32) {
	lt.L = L
	lt.start = append(lt.start[:0], trans[:L]...)
	lt.final = append(lt.final[:0], final...)
	lt.off, lt.pa, lt.pt = lt.off[:0], lt.pa[:0], lt.pt[:0]
	for b := range L {
		lt.off = append(lt.off, int32(len(lt.pa)))
		for a := range L {
			if allowed(a, b) {
				lt.pa = append(lt.pa, int32(a))
				lt.pt = append(lt.pt, trans[(a+1)*L+b])
			}
		}
	}
	lt.off = append(lt.off, int32(len(lt.pa)))
}

// decoder is scratch space for Viterbi decoding.
type decoder struct {
	delta, next []float32
	back        []int16
	fwd, bwd    []float32 // max-product passes, for costs
}

// viterbi writes into labels the best label sequence for n tokens with
// emission scores em[i*L+l] and the transitions of lt.
func (d *decoder) viterbi(em []float32, n int, lt *lattice, labels []int) {
	L := lt.L
	if cap(d.delta) < L {
		d.delta = make([]float32, L)
		d.next = make([]float32, L)
	}
	if cap(d.back) < n*L {
		d.back = make([]int16, n*L)
	}
	delta, next, back := d.delta[:L], d.next[:L], d.back[:n*L]
	for b := range L {
		delta[b] = lt.start[b] + em[b]
	}
	off, pa, pt := lt.off[:L+1], lt.pa, lt.pt[:len(lt.pa)]
	for i := 1; i < n; i++ {
		row := em[i*L : i*L+L]
		brow := back[i*L : i*L+L]
		for b := range row {
			best, arg := float32(math.Inf(-1)), int32(0)
			for k := off[b]; k < off[b+1]; k++ {
				a := pa[k]
				if v := delta[a] + pt[k]; v > best {
					best, arg = v, a
				}
			}
			next[b] = best + row[b]
			brow[b] = int16(arg)
		}
		delta, next = next, delta
	}
	best, arg := float32(math.Inf(-1)), 0
	for a := range L {
		if v := delta[a] + lt.final[a]; v > best {
			best, arg = v, a
		}
	}
	labels[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = int(back[i*L+arg])
		labels[i-1] = arg
	}
	d.delta, d.next = delta, next
}

// constrain sets disallowed BILOU transitions to -Inf.
func constrain(trans, final []float32, L int) {
	inf := float32(math.Inf(-1))
	for a := -1; a < L; a++ {
		for b := range L {
			if !allowed(a, b) {
				trans[(a+1)*L+b] = inf
			}
		}
	}
	for a := range L {
		if !allowed(a, -1) {
			final[a] = inf
		}
	}
}
