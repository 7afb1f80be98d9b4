package parse

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"
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

	// Runs is the number of independent training runs, each with its own
	// seed (Seed, Seed+1, ...), whose averaged weights are averaged again;
	// default 1. Runs train concurrently, up to GOMAXPROCS at a time.
	Runs int

	// Dev and DevTags, when set, are scored after each of the last five
	// epochs of a single run and the scores logged.
	Dev     []corpus.UDSentence
	DevTags [][]string
}

// folds is the number of parts the training data is cut into so that the
// refined tags each sentence's features read come from a retagger trained
// without it.
const folds = 5

// tagEpochs is the number of passes when training the retagger.
const tagEpochs = 8

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
	if opts.Runs <= 0 {
		opts.Runs = 1
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
				chosen, feats = rt.tag(data[i].info, n, nil, chosen, feats, tsc)
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

	root := labelIdx["root"]

	// Independent runs; their weights are averaged in run order, so the
	// result does not depend on which finishes first.
	res := make([]runResult, opts.Runs)
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var errMu sync.Mutex
	var firstErr error
	for r := range res {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			cfg := runConfig{seed: opts.Seed + uint64(r), epochs: opts.Epochs, explore: opts.Explore,
				labels: labels, root: root, tagger: tagger, logf: logf, run: r + 1}
			if opts.Runs == 1 {
				cfg.dev, cfg.devTags, cfg.prune, cfg.labelPrune = opts.Dev, opts.DevTags, opts.Prune, opts.LabelPrune
			}
			rr, err := trainRun(data, cfg)
			if err != nil {
				errMu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				errMu.Unlock()
			}
			res[r] = rr
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	moves, labs := res[0].moves, res[0].labs
	for _, rr := range res[1:] {
		addMoves(moves, rr.moves)
		addLabels(labs, rr.labs)
	}
	scaleMoves(moves, 1/float64(len(res)))
	scaleLabels(labs, 1/float64(len(res)))
	p := &Parser{note: opts.Note, labels: labels, root: root, tagger: tagger}
	p.moves = freezeMoves(moves, opts.Prune)
	p.labs = freezeLabels(labs, opts.LabelPrune)
	logf("kept %d move slots, %d label slots, %d label row words\n", len(p.moves.slots), len(p.labs.slots), len(p.labs.rows))
	return p, nil
}

// example is one training sentence with its gold tree and the hashes its
// features read.
type example struct {
	words, tags []string
	gold        []int32
	glab        []int
	sent        int // index in sents
	info        []tokInfo
}

// runConfig is what one training run needs besides the data.
type runConfig struct {
	seed              uint64
	epochs            int
	explore           float64
	labels            []string
	root              int
	tagger            *retagger
	logf              func(string, ...any)
	run               int
	dev               []corpus.UDSentence
	devTags           [][]string
	prune, labelPrune float64
}

// runResult holds one run's averaged weights.
type runResult struct {
	moves map[uint64]*[numMoves]float64
	labs  map[uint64][]labelEntry
}

// trainRun trains the move and label classifiers once over data, which it
// only reads, and returns their averaged weights.
func trainRun(data []example, cfg runConfig) (runResult, error) {
	labels, root, tagger, logf := cfg.labels, cfg.root, cfg.tagger, cfg.logf
	mt := newMoveTrainer()
	lt := newLabelTrainer(len(labels))
	rng := rand.New(rand.NewPCG(cfg.seed, 0x6e6577736772))
	sc := &scratch{lsc: make([]int32, len(labels))}
	lscore := make([]float32, len(labels))
	now := int32(1)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for epoch := 0; epoch < cfg.epochs; epoch++ {
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
				if epoch > 0 && pred != best && rng.Float64() < cfg.explore {
					next = pred
				}
				label := 0
				if next != moveShift {
					h, d := st.arc(next)
					arcs++
					if h == st.n {
						label = root
					} else {
						sc.feats = st.labelFeatures(sc.info, h, d, sc.feats[:0])
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
		logf("run %d epoch %d: move errors %.4f, arcs right %.4f, labelled %.4f, %d move and %d label features, %s\n",
			cfg.run, epoch+1, float64(moveErr)/float64(moves), float64(arcOK)/float64(arcs), float64(labOK)/float64(arcs),
			len(mt.idx), len(lt.idx), time.Since(start).Round(time.Millisecond))
		if cfg.dev != nil && epoch >= cfg.epochs-5 {
			p := &Parser{labels: labels, root: root, tagger: tagger, moves: freezeMoves(mt.averaged(now), cfg.prune), labs: freezeLabels(lt.averaged(now), cfg.labelPrune)}
			s, err := p.Evaluate(cfg.dev, cfg.devTags)
			if err != nil {
				return runResult{}, err
			}
			logf("epoch %d dev: %s\n", epoch+1, s)
		}
	}
	return runResult{moves: mt.averaged(now), labs: lt.averaged(now)}, nil
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

// averaged returns the averaged weights of every feature.
func (t *moveTrainer) averaged(now int32) map[uint64]*[numMoves]float64 {
	out := make(map[uint64]*[numMoves]float64, len(t.idx))
	for f, i := range t.idx {
		var w [numMoves]float64
		for m := 0; m < numMoves; m++ {
			j := int(i)*numMoves + m
			w[m] = (t.tot[j] + float64(now-t.ts[j])*float64(t.w[j])) / float64(now)
		}
		out[f] = &w
	}
	return out
}

// addMoves adds the weights of b to a.
func addMoves(a, b map[uint64]*[numMoves]float64) {
	for f, w := range b {
		if x, ok := a[f]; ok {
			for m := range x {
				x[m] += w[m]
			}
		} else {
			c := *w
			a[f] = &c
		}
	}
}

func scaleMoves(a map[uint64]*[numMoves]float64, k float64) {
	for _, w := range a {
		for m := range w {
			w[m] *= k
		}
	}
}

// freezeMoves builds the run-time table of averaged move weights, dropping
// features whose weights are all below prune times the largest.
func freezeMoves(ws map[uint64]*[numMoves]float64, prune float64) moveTable {
	type kept struct {
		f uint64
		w [numMoves]float64
	}
	maxAbs := 0.0
	for _, w := range ws {
		for _, x := range w {
			maxAbs = math.Max(maxAbs, math.Abs(x))
		}
	}
	var ks []kept
	for f, w := range ws {
		m := 0.0
		for _, x := range w {
			m = math.Max(m, math.Abs(x))
		}
		if m >= prune*maxAbs {
			ks = append(ks, kept{f, *w})
		}
	}
	sort.Slice(ks, func(a, b int) bool { return ks[a].f < ks[b].f })
	regs := layout(len(ks), func(i int) uint64 { return ks[i].f })
	tb := moveTable{slots: make([]moveSlot, slotsOf(regs)), regs: regs}
	q := 32000 / math.Max(maxAbs, 1e-9)
	for _, k := range ks {
		i, dup := probe(regs[regionOf(k.f)], k.f, fingerprint16(k.f), func(i uint32) uint16 { return tb.slots[i].fp })
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

// labelEntry is one averaged weight of a sparse row: class and weight.
type labelEntry struct {
	c int32
	w float64
}

// averaged returns the averaged rows of every feature, entries in class
// order.
func (t *labelTrainer) averaged(now int32) map[uint64][]labelEntry {
	out := make(map[uint64][]labelEntry, len(t.idx))
	for f, i := range t.idx {
		es := make([]labelEntry, 0, len(t.rows[i]))
		for _, e := range t.rows[i] {
			es = append(es, labelEntry{e.c, (e.tot + float64(now-e.ts)*float64(e.w)) / float64(now)})
		}
		sort.Slice(es, func(a, b int) bool { return es[a].c < es[b].c })
		out[f] = es
	}
	return out
}

// addLabels adds the rows of b to a.
func addLabels(a, b map[uint64][]labelEntry) {
	for f, row := range b {
		acc := a[f]
		for _, e := range row {
			k := sort.Search(len(acc), func(k int) bool { return acc[k].c >= e.c })
			if k < len(acc) && acc[k].c == e.c {
				acc[k].w += e.w
			} else {
				acc = append(acc, labelEntry{})
				copy(acc[k+1:], acc[k:])
				acc[k] = e
			}
		}
		a[f] = acc
	}
}

func scaleLabels(a map[uint64][]labelEntry, k float64) {
	for _, row := range a {
		for i := range row {
			row[i].w *= k
		}
	}
}

// freezeLabels builds the run-time table of averaged sparse rows, dropping
// weights below prune times the largest and rows left empty.
func freezeLabels(ws map[uint64][]labelEntry, prune float64) labelTable {
	type kept struct {
		f  uint64
		es []labelEntry
	}
	maxAbs := 0.0
	for _, row := range ws {
		for _, e := range row {
			maxAbs = math.Max(maxAbs, math.Abs(e.w))
		}
	}
	var ks []kept
	for f, row := range ws {
		var es []labelEntry
		for _, e := range row {
			if math.Abs(e.w) >= prune*maxAbs {
				es = append(es, e)
			}
		}
		if len(es) > 0 {
			ks = append(ks, kept{f, es})
		}
	}
	sort.Slice(ks, func(a, b int) bool { return ks[a].f < ks[b].f })
	regs := layout(len(ks), func(i int) uint64 { return ks[i].f })
	tb := labelTable{slots: make([]labelSlot, slotsOf(regs)), regs: regs}
	q := 32000 / math.Max(maxAbs, 1e-9)
	// ks is sorted by key, so by region: a template's rows sit together.
	for _, k := range ks {
		i, dup := probe(regs[regionOf(k.f)], k.f, fingerprint(k.f), func(i uint32) uint32 { return tb.slots[i].fp })
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
