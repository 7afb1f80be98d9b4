package ner

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner/clusters"
)

// GazFunc finds gazetteer spans in a sentence's words; Type names the kind
// of entry, such as "PERSON" or "COUNTRY". Training and tagging must use the
// same function for the gazetteer features to mean the same thing.
type GazFunc func(words []string) []corpus.Span

// TrainOptions configures [Train]. The zero value trains with the defaults.
type TrainOptions struct {
	// Epochs is the number of passes over the training data; 0 means 12.
	Epochs int
	// Seed seeds the shuffling of documents between epochs; the same seed,
	// data and options give the same model.
	Seed uint64
	// Runs is the number of models trained with seeds Seed, Seed+1, ...
	// whose averaged weights are averaged again into the result, which
	// makes it less dependent on the order of the data; 0 means 1.
	Runs int
	// MinCount drops features seen fewer times in the training data; 0
	// means 2.
	MinCount int
	// Prune drops features whose largest weight, in absolute value, is
	// below Prune times the largest weight of the model, which makes the
	// model smaller and faster; 0 keeps every feature that has a weight.
	Prune float64
	// Hidden lists entity types that are learnt (so that the model knows
	// what they are not) but never emitted, such as CoNLL's "MISC".
	Hidden []string
	// Ignore lists entity types left out of training altogether: their
	// tokens are learnt as outside any entity.
	Ignore []string
	// NoClusters leaves out the word cluster features (package clusters),
	// as models made before them were trained.
	NoClusters bool
	// Gaz, when set, gives the gazetteer spans of each sentence.
	Gaz GazFunc
	// GazDropout is the share of training sentences, chosen at random with
	// Seed, whose gazetteer spans are withheld, so that the model also
	// learns to find names without them.
	GazDropout float64
	// Dev, when set, is scored after every epoch and the scores written to
	// Progress; it never changes the model.
	Dev []corpus.AnnotatedDocument
	// Progress, when set, receives a line per epoch.
	Progress io.Writer
	// Info is saved in the model's header.
	Info Info
}

// trainSentence is a training sentence with its features resolved to rows.
type trainSentence struct {
	words []string
	short []uint64 // short shape hash of each token, for history features
	rows  []int32
	offs  []int32
	gold  []int
}

type trainer struct {
	L     int
	index map[uint64]int32
	w     []float64
	u     []float64
	tw    []float64 // transitions, (L+1)*L then final L
	tu    []float64
	c     float64
}

func (t *trainer) row(k uint64, add bool) int32 {
	if r, ok := t.index[k]; ok {
		return r
	}
	if !add {
		return -1
	}
	r := int32(len(t.w) / t.L)
	t.index[k] = r
	t.w = append(t.w, make([]float64, t.L)...)
	t.u = append(t.u, make([]float64, t.L)...)
	return r
}

// Train learns a model from annotated documents, whose POS tags should come
// from the tagger that will be used at run time (never gold tags). Span types
// are taken from the data. Documents are visited in a shuffled order, and
// their sentences in order, so that the document history is learnt as it
// will be used.
func Train(docs []corpus.AnnotatedDocument, opts TrainOptions) (*Model, error) {
	if opts.Epochs == 0 {
		opts.Epochs = 12
	}
	if opts.Epochs < 0 {
		return nil, fmt.Errorf("ner: Epochs %d is negative", opts.Epochs)
	}
	if opts.Gaz != nil && len(opts.Dev) > 0 {
		opts.Gaz = memoGaz(opts.Gaz)
	}
	if opts.Runs <= 0 {
		opts.Runs = 1
	}
	if opts.MinCount == 0 {
		opts.MinCount = 2
	}
	typeSet := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, sp := range s.Spans {
				if !slices.Contains(opts.Ignore, sp.Type) {
					typeSet[sp.Type] = true
				}
			}
		}
	}
	if len(typeSet) == 0 {
		return nil, errors.New("ner: the training data has no entity spans")
	}
	if len(typeSet) > maxTypes {
		return nil, fmt.Errorf("ner: the training data has %d entity types; at most %d are supported", len(typeSet), maxTypes)
	}
	var types []string
	for t := range typeSet {
		types = append(types, t)
	}
	slices.Sort(types)
	typeIndex := map[string]int{}
	emit := make([]bool, len(types))
	for i, t := range types {
		typeIndex[t] = i
		emit[i] = !slices.Contains(opts.Hidden, t)
	}
	L := numLabels(len(types))

	// Extract static features once, count them, then keep the frequent ones.
	var fs featScratch
	if !opts.NoClusters {
		t, err := clusters.Default()
		if err != nil {
			return nil, err
		}
		fs.clus = t
	}
	type raw struct {
		words []string
		short []uint64
		keys  []uint64
		offs  []int32
		gold  []int
	}
	var raws [][]raw
	counts := map[uint64]int32{}
	drop := rand.New(rand.NewPCG(opts.Seed, 0x676178))
	for _, d := range docs {
		var rd []raw
		for _, s := range d.Sentences {
			if len(s.Words) == 0 {
				continue
			}
			var gaz []corpus.Span
			if opts.Gaz != nil && (opts.GazDropout <= 0 || drop.Float64() >= opts.GazDropout) {
				gaz = opts.Gaz(s.Words)
			}
			keys, offs := staticFeatures(s.Words, s.POS, gaz, &fs, nil)
			r := raw{words: s.Words, keys: slices.Clone(keys), offs: slices.Clone(offs), gold: make([]int, len(s.Words))}
			r.short = make([]uint64, len(s.Words))
			for i := range s.Words {
				r.short[i] = fs.infos[2+i].short
			}
			encodeBILOU(len(s.Words), s.Spans, typeIndex, r.gold)
			for _, k := range r.keys {
				counts[k]++
			}
			rd = append(rd, r)
		}
		raws = append(raws, rd)
	}
	tr := &trainer{L: L, index: map[uint64]int32{}}
	tr.tw = make([]float64, (L+2)*L)
	tr.tu = make([]float64, (L+2)*L)
	{
		trans32 := make([]float32, (L+1)*L)
		final32 := make([]float32, L)
		constrain(trans32, final32, L)
		for i, v := range trans32 {
			tr.tw[i] = float64(v)
		}
		for i, v := range final32 {
			tr.tw[(L+1)*L+i] = float64(v)
		}
	}
	var sents [][]trainSentence
	for _, rd := range raws {
		var ds []trainSentence
		for _, r := range rd {
			ts := trainSentence{words: r.words, short: r.short, gold: r.gold}
			for i := range r.words {
				ts.offs = append(ts.offs, int32(len(ts.rows)))
				for _, k := range r.keys[r.offs[i]:r.offs[i+1]] {
					if counts[k] >= int32(opts.MinCount) {
						ts.rows = append(ts.rows, tr.row(k, true))
					}
				}
			}
			ts.offs = append(ts.offs, int32(len(ts.rows)))
			ds = append(ds, ts)
		}
		sents = append(sents, ds)
	}
	counts, raws = nil, nil

	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var (
		dec    decoder
		hist   history
		buf    []byte
		em     []float32
		trans  = make([]float32, (L+1)*L)
		final  = make([]float32, L)
		pred   []int
		ptypes []int8
		dyn    []int32 // dynamic rows, two per token
		lat    lattice
	)
	var sum *trainer // sum of the runs' averaged weights
	for run := range opts.Runs {
		rng := rand.New(rand.NewPCG(opts.Seed+uint64(run), 0x6e6572))
		if run > 0 {
			tr.reset()
		}
		for epoch := 1; epoch <= opts.Epochs; epoch++ {
			start := time.Now()
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			errs, toks := 0, 0
			for _, di := range order {
				hist.reset()
				for si := range sents[di] {
					s := &sents[di][si]
					n := len(s.words)
					toks += n
					for i, v := range tr.tw[:(L+1)*L] {
						trans[i] = float32(v)
					}
					for i, v := range tr.tw[(L+1)*L:] {
						final[i] = float32(v)
					}
					em = slices.Grow(em[:0], n*L)[:n*L]
					dyn = dyn[:0]
					for i := range n {
						row := em[i*L : i*L+L]
						clear(row)
						for _, r := range s.rows[s.offs[i]:s.offs[i+1]] {
							w := tr.w[int(r)*L : int(r)*L+L]
							for l, v := range w {
								row[l] += float32(v)
							}
						}
						var h1, h2 uint64
						h1, h2, buf = hist.feature(s.words[i], s.short[i], buf)
						r1, r2 := int32(-1), int32(-1)
						if h1 != 0 {
							r1, r2 = tr.row(h1, true), tr.row(h2, true)
							for _, r := range [2]int32{r1, r2} {
								w := tr.w[int(r)*L : int(r)*L+L]
								for l, v := range w {
									row[l] += float32(v)
								}
							}
						}
						dyn = append(dyn, r1, r2)
					}
					if cap(pred) < n {
						pred = make([]int, n)
						ptypes = make([]int8, n)
					}
					pred, ptypes = pred[:n], ptypes[:n]
					lat.set(L, trans, final)
					dec.viterbi(em, n, &lat, pred)
					tr.update(s, pred, dyn)
					for i := range n {
						if pred[i] != s.gold[i] {
							errs++
						}
						ptypes[i] = int8(labelType(pred[i]))
					}
					buf = hist.record(s.words, ptypes, buf)
				}
			}
			if opts.Progress != nil {
				line := fmt.Sprintf("run %d epoch %d: %d features, token errors %.4f, %.1fs", run+1, epoch, len(tr.w)/L, float64(errs)/float64(max(toks, 1)), time.Since(start).Seconds())
				if len(opts.Dev) > 0 {
					line += ", " + devLine(tr.model(types, emit, opts.Info, opts.Prune), opts)
				}
				fmt.Fprintln(opts.Progress, line)
			}
		}
		sum = tr.addAveraged(sum)
	}
	// sum holds plain weights (u is zero): the sum of the runs' averages,
	// which decodes as their mean does.
	m := sum.model(types, emit, opts.Info, opts.Prune)
	if len(opts.Dev) > 0 {
		// Record the development score in the model's header.
		line := devLine(m, opts)
		m.info.Notes = strings.TrimSpace(m.info.Notes + " " + line)
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "average of %d runs: %s\n", opts.Runs, line)
		}
	}
	return m, nil
}

// update applies the structured perceptron update for one sentence.
func (tr *trainer) update(s *trainSentence, pred []int, dyn []int32) {
	L := tr.L
	tr.c++
	c := tr.c
	n := len(pred)
	bump := func(r int32, l int, d float64) {
		tr.w[int(r)*L+l] += d
		tr.u[int(r)*L+l] += c * d
	}
	for i := range n {
		g, p := s.gold[i], pred[i]
		if g != p {
			for _, r := range s.rows[s.offs[i]:s.offs[i+1]] {
				bump(r, g, 1)
				bump(r, p, -1)
			}
			for _, r := range dyn[2*i : 2*i+2] {
				if r >= 0 {
					bump(r, g, 1)
					bump(r, p, -1)
				}
			}
		}
		gp, pp := -1, -1
		if i > 0 {
			gp, pp = s.gold[i-1], pred[i-1]
		}
		if gp != pp || g != p {
			tr.tw[(gp+1)*L+g]++
			tr.tu[(gp+1)*L+g] += c
			tr.tw[(pp+1)*L+p]--
			tr.tu[(pp+1)*L+p] -= c
		}
	}
	g, p := s.gold[n-1], pred[n-1]
	if g != p {
		tr.tw[(L+1)*L+g]++
		tr.tu[(L+1)*L+g] += c
		tr.tw[(L+1)*L+p]--
		tr.tu[(L+1)*L+p] -= c
	}
}

// model freezes the averaged weights into a compact model: weights are
// quantised to int16 with one scale, and rows that quantise to all zeros, or
// whose largest weight is below prune times the largest of all, are
// dropped.
func (tr *trainer) model(types []string, emit []bool, info Info, prune float64) *Model {
	L := tr.L
	c := max(tr.c, 1)
	avg := func(w, u float64) float64 {
		if math.IsInf(w, 0) {
			return w
		}
		return w - u/c
	}
	maxAbs := 0.0
	for i, w := range tr.w {
		maxAbs = max(maxAbs, math.Abs(avg(w, tr.u[i])))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	m := &Model{info: info, types: types, emit: emit, nLabels: L, scale: float32(scale)}
	keys := make([]uint64, 0, len(tr.index))
	for k := range tr.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	q := make([]int16, L)
	var (
		kept    []uint64
		weights []int16
	)
	for _, k := range keys {
		r := tr.index[k]
		big := 0.0
		for l := range L {
			v := math.Round(avg(tr.w[int(r)*L+l], tr.u[int(r)*L+l]) / scale)
			q[l] = int16(v)
			big = max(big, math.Abs(v))
		}
		if big > 0 && big >= prune*32767 {
			kept = append(kept, k)
			weights = append(weights, q...)
		}
	}
	m.trans = make([]float32, (L+1)*L)
	m.final = make([]float32, L)
	for i := range m.trans {
		m.trans[i] = float32(avg(tr.tw[i], tr.tu[i]))
	}
	for i := range m.final {
		m.final[i] = float32(avg(tr.tw[(L+1)*L+i], tr.tu[(L+1)*L+i]))
	}
	constrain(m.trans, m.final, L)
	m.buildTable(kept, weights) // never fails: keys are distinct, from a map
	return m
}

// Evaluate tags the documents' sentences and scores the spans against theirs
// by exact match, as conlleval does; gaz, when not nil, gives gazetteer spans
// as in training. Gold spans of types the model does not emit are left out.
func (m *Model) Evaluate(docs []corpus.AnnotatedDocument, gaz GazFunc) corpus.Scores {
	var gold, pred [][]corpus.Span
	emitted := m.Types()
	for _, d := range docs {
		in := make([]Sentence, len(d.Sentences))
		for i, s := range d.Sentences {
			in[i] = Sentence{Words: s.Words, POS: s.POS}
			if gaz != nil {
				in[i].Gaz = gaz(s.Words)
			}
			var g []corpus.Span
			for _, sp := range s.Spans {
				if slices.Contains(emitted, sp.Type) {
					g = append(g, sp)
				}
			}
			gold = append(gold, g)
		}
		pred = append(pred, m.TagDocument(in)...)
	}
	return corpus.ScoreSpans(gold, pred)
}

// reset zeroes the weights for another run, keeping the feature index.
func (tr *trainer) reset() {
	clear(tr.w)
	clear(tr.u)
	for i, v := range tr.tw {
		if !math.IsInf(v, 0) {
			tr.tw[i] = 0
		}
	}
	clear(tr.tu)
	tr.c = 0
}

// addAveraged adds tr's averaged weights to sum's plain weights (sum.u stays
// zero), allocating sum when it is nil, and returns sum.
func (tr *trainer) addAveraged(sum *trainer) *trainer {
	L := tr.L
	c := max(tr.c, 1)
	if sum == nil {
		sum = &trainer{L: L, index: tr.index}
		sum.tw = make([]float64, len(tr.tw))
		sum.tu = make([]float64, len(tr.tu))
	}
	if len(sum.w) < len(tr.w) {
		sum.w = append(sum.w, make([]float64, len(tr.w)-len(sum.w))...)
		sum.u = append(sum.u, make([]float64, len(tr.u)-len(sum.u))...)
	}
	for i, w := range tr.w {
		sum.w[i] += w - tr.u[i]/c
	}
	for i, w := range tr.tw {
		if math.IsInf(w, 0) {
			sum.tw[i] = w
			continue
		}
		sum.tw[i] += w - tr.tu[i]/c
	}
	return sum
}

// devLine scores m on the development documents.
func devLine(m *Model, opts TrainOptions) string {
	sc := m.Evaluate(opts.Dev, opts.Gaz)
	line := fmt.Sprintf("dev micro F1 %.4f", sc.Micro.F1)
	for _, t := range m.Types() {
		line += fmt.Sprintf(" %s %.4f", t, sc.Types[t].F1)
	}
	return line
}

// memoGaz remembers the spans f gives each sentence, by the address of its
// first word, so that scoring the same development data every epoch asks
// the gazetteer once.
func memoGaz(f GazFunc) GazFunc {
	memo := map[*string][]corpus.Span{}
	return func(words []string) []corpus.Span {
		if len(words) == 0 {
			return nil
		}
		k := &words[0]
		if sp, ok := memo[k]; ok {
			return sp
		}
		sp := f(words)
		memo[k] = sp
		return sp
	}
}
