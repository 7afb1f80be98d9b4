package parse

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
)

// TrainOptions controls Train. The zero value trains with the defaults.
type TrainOptions struct {
	Epochs  int       // passes over the data; default 12
	Seed    uint64    // seed of the shuffling and exploration; default 1
	Explore float64   // probability of following a wrong predicted move after the first epoch; default 0.9
	Prune   float64   // drop move and tag weights below this fraction of the largest; default 0.0125
	Note    string    // provenance kept in the model: command, data, seed
	Log     io.Writer // progress, one line per epoch; nil for none

	// LabelPrune drops relation weights below this fraction of the
	// largest; default 0.025.
	LabelPrune float64

	// Dev and DevTags, when set, are scored after each of the last five
	// epochs and the scores logged.
	Dev     []corpus.UDSentence
	DevTags [][]string
}

// folds is the number of parts the training data is cut into so that the
// refined tags each sentence's features read come from a retagger trained
// without it.
const folds = 5

// tagEpochs is the number of passes when training the retagger.
const tagEpochs = 6

// Train trains a parser on treebank sentences. tags[i] holds one tag per word
// of sents[i]; they should be the tags the parser will see at run time (for
// newsgraph, prose's), not the treebank's gold tags.
//
// Training uses the dynamic oracle of Goldberg and Nivre (2013): after the
// first epoch it follows its own predictions with probability Explore and
// learns the best move from whatever configuration it reaches.
func Train(sents []corpus.UDSentence, tags [][]string, opts TrainOptions) (*Parser, error) {
	if len(sents) != len(tags) {
		return nil, fmt.Errorf("parse: %d sentences but %d tag rows", len(sents), len(tags))
	}
	if opts.Epochs == 0 {
		opts.Epochs = 12
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.Explore == 0 {
		opts.Explore = 0.9
	}
	if opts.Prune == 0 {
		opts.Prune = 0.0125
	}
	if opts.LabelPrune == 0 {
		opts.LabelPrune = 0.025
	}
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format, args...)
		}
	}

	// Label alphabet, sorted; and the examples.
	labelSet := map[string]bool{"root": true}
	for i, s := range sents {
		if len(tags[i]) != len(s.Words) {
			return nil, fmt.Errorf("parse: sentence %d (%s): %d words but %d tags", i, s.ID, len(s.Words), len(tags[i]))
		}
		for j, w := range s.Words {
			if w.Head < 0 || w.Head > len(s.Words) {
				return nil, fmt.Errorf("parse: sentence %d (%s) word %d: head %d out of range", i, s.ID, j+1, w.Head)
			}
			if w.Head != 0 {
				labelSet[w.Deprel] = true
			}
		}
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	if len(labels) > 255 {
		return nil, fmt.Errorf("parse: %d relation labels, at most 255 supported", len(labels))
	}
	labelIdx := make(map[string]int, len(labels))
	for i, l := range labels {
		labelIdx[l] = i
	}
	type example struct {
		words, tags []string
		gold        []int32
		glab        []int
		sent        int // index in sents
		info        []tokInfo
	}
	var data []example
	var buf []byte
	for i, s := range sents {
		if len(s.Words) == 0 {
			continue
		}
		n := len(s.Words)
		ex := example{words: make([]string, n), tags: tags[i], gold: make([]int32, n+1), glab: make([]int, n), sent: i, info: make([]tokInfo, n+1)}
		for j, w := range s.Words {
			ex.words[j] = w.Form
			if w.Head == 0 {
				ex.gold[j] = int32(n)
				ex.glab[j] = labelIdx["root"]
			} else {
				ex.gold[j] = int32(w.Head - 1)
				ex.glab[j] = labelIdx[w.Deprel]
			}
		}
		ex.gold[n] = -1
		buf = fillInfo(ex.info, ex.words, ex.tags, buf)
		data = append(data, ex)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("parse: no training sentences")
	}

	// The retagger: jackknifed over the training data, so the refined
	// tags the parser learns from are as good as they will be on new text;
	// the one trained on everything goes in the model.
	texs, talpha := taggerData(sents, tags)
	tagger := trainRetagger(texs, talpha, func(int) bool { return true }, tagEpochs, opts.Seed, opts.Prune)
	for k := 0; k < folds; k++ {
		rt := trainRetagger(texs, talpha, func(i int) bool { return i%folds != k }, tagEpochs, opts.Seed, opts.Prune)
		var chosen, feats []uint64
		tsc := make([]int32, len(talpha))
		for i := range data {
			if data[i].sent%folds == k {
				n := len(data[i].words)
				chosen, feats = rt.tag(data[i].info, n, chosen, feats, tsc)
				fillCounts(data[i].info, n)
			}
		}
	}
	var tagOK, tagN, proseOK int
	for i := range data {
		for j, w := range sents[data[i].sent].Words {
			tagN++
			if data[i].info[j].p == tagHash(w.XPOS) {
				tagOK++
			}
			if data[i].tags[j] == w.XPOS {
				proseOK++
			}
		}
	}
	logf("retagger: %d tags; jackknifed accuracy on train %.4f (given tags %.4f)\n", len(talpha), float64(tagOK)/float64(tagN), float64(proseOK)/float64(tagN))

	mt := newMoveTrainer()
	lt := newLabelTrainer(len(labels))
	rng := rand.New(rand.NewPCG(opts.Seed, 0x6e6577736772))
	sc := &scratch{lsc: make([]int32, len(labels))}
	lscore := make([]float32, len(labels))
	root := labelIdx["root"]
	now := int32(1)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for epoch := 0; epoch < opts.Epochs; epoch++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var moves, moveErr, arcs, arcOK, labOK int
		for _, k := range order {
			ex := &data[k]
			n := len(ex.words)
			sc.info = ex.info
			st := &sc.st
			st.reset(n)
			for !st.done() {
				ok := st.valid()
				cost := st.costs(ex.gold, ok)
				sc.feats = st.moveFeatures(sc.info, sc.feats[:0])
				var ms [numMoves]float32
				mt.score(sc.feats, &ms)
				pred, best, minCost := -1, -1, math.MaxInt
				for m := 0; m < numMoves; m++ {
					if !ok[m] {
						continue
					}
					if pred < 0 || ms[m] > ms[pred] {
						pred = m
					}
					if cost[m] < minCost {
						minCost = cost[m]
					}
				}
				for m := 0; m < numMoves; m++ {
					if ok[m] && cost[m] == minCost && (best < 0 || ms[m] > ms[best]) {
						best = m
					}
				}
				moves++
				if cost[pred] > minCost {
					moveErr++
					mt.update(sc.feats, best, pred, now)
				}
				now++
				next := best
				if epoch > 0 && pred != best && rng.Float64() < opts.Explore {
					next = pred
				}
				label := 0
				if next != moveShift {
					h, d := st.arc(next)
					arcs++
					if h == st.n {
						label = root
					} else {
						sc.feats = st.labelFeatures(sc.info, h, d, sc.feats)
						for i := range lscore {
							lscore[i] = 0
						}
						lt.score(sc.feats, lscore)
						label = -1
						for l, v := range lscore {
							if l != root && (label < 0 || v > lscore[label]) {
								label = l
							}
						}
						if h == ex.gold[d] {
							if label != ex.glab[d] {
								lt.update(sc.feats, ex.glab[d], label, now)
							}
						}
					}
					if h == ex.gold[d] {
						arcOK++
						if label == ex.glab[d] {
							labOK++
						}
					}
				}
				st.apply(next, label)
			}
		}
		logf("epoch %d: move errors %.4f, arcs right %.4f, labelled %.4f, %d move and %d label features, %s\n",
			epoch+1, float64(moveErr)/float64(moves), float64(arcOK)/float64(arcs), float64(labOK)/float64(arcs),
			len(mt.idx), len(lt.idx), time.Since(start).Round(time.Millisecond))
		if opts.Dev != nil && epoch >= opts.Epochs-5 {
			p := &Parser{labels: labels, root: root, tagger: tagger, moves: mt.freeze(now, opts.Prune), labs: lt.freeze(now, opts.LabelPrune)}
			s, err := p.Evaluate(opts.Dev, opts.DevTags)
			if err != nil {
				return nil, err
			}
			logf("epoch %d dev: %s\n", epoch+1, s)
		}
	}
	p := &Parser{note: opts.Note, labels: labels, root: root, tagger: tagger}
	p.moves = mt.freeze(now, opts.Prune)
	p.labs = lt.freeze(now, opts.LabelPrune)
	logf("kept %d move slots, %d label slots, %d label row words\n", len(p.moves.slots), len(p.labs.slots), len(p.labs.rows))
	return p, nil
}

// moveTrainer holds the move classifier's weights while training, with the
// running sums needed for averaging.
type moveTrainer struct {
	idx map[uint64]int32
	w   []float32
	tot []float64
	ts  []int32
}

func newMoveTrainer() *moveTrainer { return &moveTrainer{idx: make(map[uint64]int32, 1<<20)} }

func (t *moveTrainer) score(feats []uint64, sc *[numMoves]float32) {
	for _, f := range feats {
		if i, ok := t.idx[f]; ok {
			j := int(i) * numMoves
			sc[0] += t.w[j]
			sc[1] += t.w[j+1]
			sc[2] += t.w[j+2]
		}
	}
}

func (t *moveTrainer) update(feats []uint64, good, bad int, now int32) {
	for _, f := range feats {
		i, ok := t.idx[f]
		if !ok {
			i = int32(len(t.idx))
			t.idx[f] = i
			t.w = append(t.w, 0, 0, 0)
			t.tot = append(t.tot, 0, 0, 0)
			t.ts = append(t.ts, 0, 0, 0)
		}
		for _, c := range [2]struct {
			m int
			d float32
		}{{good, 1}, {bad, -1}} {
			j := int(i)*numMoves + c.m
			t.tot[j] += float64(now-t.ts[j]) * float64(t.w[j])
			t.ts[j] = now
			t.w[j] += c.d
		}
	}
}

func (t *moveTrainer) freeze(now int32, prune float64) moveTable {
	type kept struct {
		f uint64
		w [numMoves]float64
	}
	var ks []kept
	maxAbs := 0.0
	for f, i := range t.idx {
		var k kept
		big := 0.0
		for m := 0; m < numMoves; m++ {
			j := int(i)*numMoves + m
			k.w[m] = (t.tot[j] + float64(now-t.ts[j])*float64(t.w[j])) / float64(now)
			big = math.Max(big, math.Abs(k.w[m]))
		}
		maxAbs = math.Max(maxAbs, big)
		k.f = f
		ks = append(ks, k)
	}
	// Drop features whose weights are all small next to the largest.
	big := ks[:0]
	for _, k := range ks {
		m := 0.0
		for _, w := range k.w {
			m = math.Max(m, math.Abs(w))
		}
		if m >= prune*maxAbs {
			big = append(big, k)
		}
	}
	ks = big
	sort.Slice(ks, func(a, b int) bool { return ks[a].f < ks[b].f })
	size := tableSize(len(ks))
	tb := moveTable{slots: make([]moveSlot, size), mask: uint64(size - 1)}
	q := 32000 / math.Max(maxAbs, 1e-9)
	for _, k := range ks {
		i, dup := probe16(tb.mask, k.f, func(i uint64) uint16 { return tb.slots[i].fp })
		if dup {
			continue
		}
		tb.slots[i].fp = fingerprint16(k.f)
		for m := 0; m < numMoves; m++ {
			tb.slots[i].w[m] = quantize(k.w[m], q)
		}
	}
	return tb
}

// labelTrainer holds the label classifier's sparse weights while training.
type labelTrainer struct {
	idx  map[uint64]int32
	rows [][]labelWeight
	n    int
}

type labelWeight struct {
	c   int32
	ts  int32
	w   float32
	tot float64
}

func newLabelTrainer(n int) *labelTrainer {
	return &labelTrainer{idx: make(map[uint64]int32, 1<<20), n: n}
}

func (t *labelTrainer) score(feats []uint64, sc []float32) {
	for _, f := range feats {
		if i, ok := t.idx[f]; ok {
			for _, e := range t.rows[i] {
				sc[e.c] += e.w
			}
		}
	}
}

func (t *labelTrainer) update(feats []uint64, good, bad int, now int32) {
	for _, f := range feats {
		i, ok := t.idx[f]
		if !ok {
			i = int32(len(t.rows))
			t.idx[f] = i
			t.rows = append(t.rows, nil)
		}
		for _, c := range [2]struct {
			l int
			d float32
		}{{good, 1}, {bad, -1}} {
			row := t.rows[i]
			j := -1
			for k := range row {
				if int(row[k].c) == c.l {
					j = k
					break
				}
			}
			if j < 0 {
				row = append(row, labelWeight{c: int32(c.l), ts: now})
				j = len(row) - 1
				t.rows[i] = row
			}
			e := &row[j]
			e.tot += float64(now-e.ts) * float64(e.w)
			e.ts = now
			e.w += c.d
		}
	}
}

func (t *labelTrainer) freeze(now int32, prune float64) labelTable {
	type entry struct {
		c int32
		w float64
	}
	type kept struct {
		f  uint64
		es []entry
	}
	var ks []kept
	maxAbs := 0.0
	for f, i := range t.idx {
		var es []entry
		for _, e := range t.rows[i] {
			w := (e.tot + float64(now-e.ts)*float64(e.w)) / float64(now)
			es = append(es, entry{e.c, w})
			maxAbs = math.Max(maxAbs, math.Abs(w))
		}
		ks = append(ks, kept{f, es})
	}
	// Drop weights that are small next to the largest, and empty rows.
	n := 0
	for _, k := range ks {
		es := k.es[:0]
		for _, e := range k.es {
			if math.Abs(e.w) >= prune*maxAbs {
				es = append(es, e)
			}
		}
		if len(es) > 0 {
			sort.Slice(es, func(a, b int) bool { return es[a].c < es[b].c })
			ks[n] = kept{k.f, es}
			n++
		}
	}
	ks = ks[:n]
	sort.Slice(ks, func(a, b int) bool { return ks[a].f < ks[b].f })
	size := tableSize(len(ks))
	tb := labelTable{slots: make([]labelSlot, size), mask: uint64(size - 1)}
	q := 32000 / math.Max(maxAbs, 1e-9)
	for _, k := range ks {
		i, dup := probe(tb.mask, k.f, func(i uint64) uint32 { return tb.slots[i].fp })
		if dup {
			continue
		}
		tb.slots[i] = labelSlot{fp: fingerprint(k.f), off: uint32(len(tb.rows))}
		tb.rows = append(tb.rows, uint32(len(k.es)))
		for _, e := range k.es {
			tb.rows = append(tb.rows, uint32(e.c)<<16|uint32(uint16(quantize(e.w, q))))
		}
	}
	return tb
}
