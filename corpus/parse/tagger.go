package parse

import (
	"math/rand/v2"
	"slices"

	"github.com/newsgraph/newsgraph/corpus"
)

// retagger refines the run-time tagger's tags. It is a greedy averaged
// perceptron that reads the words, the tags they were given (prose's) and
// the tags it has already chosen, and predicts the treebank's tag. The
// parser's features read its tags beside the given ones. At run time it
// sees only words and prose's tags, never the treebank's.
type retagger struct {
	tags   []string // output tags, by index
	hashes []uint64 // tagHash of each
	table  labelTable
}

func tagHash(tag string) uint64 { return fnvString(tag) ^ 0x7a67 }

// tagFeatures appends the features for the tag of token i; info holds the
// words and given tags, out the tags chosen so far (hashes).
func tagFeatures(info []tokInfo, chosen []uint64, i int, out []uint64) []uint64 {
	n := len(chosen)
	get := func(j int) (w, q uint64) {
		if j < 0 || j >= n {
			return hashNone, hashNone
		}
		return info[j].w, info[j].q
	}
	t1, t2 := uint64(hashNone), uint64(hashNone)
	if i > 0 {
		t1 = chosen[i-1]
	}
	if i > 1 {
		t2 = chosen[i-2]
	}
	w, q := get(i)
	wm1, qm1 := get(i - 1)
	wp1, qp1 := get(i + 1)
	wm2, _ := get(i - 2)
	wp2, qp2 := get(i + 2)
	t := &info[i]
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	out = append(out,
		f2(238, first, t.shp), f2(239, first, w), f1(240, shpAt(info, i-1, n)), f1(241, shpAt(info, i+1, n)),
		f2(242, w, qp1), f2(243, t.sfx, qp1), f2(244, t.sfx, qm1), f2(245, t1, wp1),
		f1(201, 0), f1(202, w), f1(203, q), f2(204, w, q), f1(205, t.sfx), f1(206, t.shp),
		f2(207, t.sfx, q), f2(208, t.shp, q), f1(209, wm1), f1(210, wp1), f1(211, qm1), f1(212, qp1),
		f2(213, qm1, q), f2(214, q, qp1), f1(215, t1), f2(216, t1, t2), f2(217, t1, w), f2(218, t1, q),
		f1(219, wm2), f1(220, wp2), f1(221, qp2), f2(222, w, wp1), f2(223, wm1, w), f2(224, t.shp, t1),
		f3(225, qm1, q, qp1), f2(226, wm1, q), f2(227, q, wp1), f3(228, t1, q, qp1),
		f1(229, t.aff[0]), f1(230, t.aff[1]), f1(231, t.aff[2]), f1(232, t.aff[3]), f1(233, t.aff[4]),
		f2(234, t.aff[1], q), f2(235, t1, t.sfx), f1(236, sfxAt(info, i-1, n)), f1(237, sfxAt(info, i+1, n)),
	)
	placeFeatures(out)
	return out
}

func shpAt(info []tokInfo, j, n int) uint64 {
	if j < 0 || j >= n {
		return hashNone
	}
	return info[j].shp
}

func sfxAt(info []tokInfo, j, n int) uint64 {
	if j < 0 || j >= n {
		return hashNone
	}
	return info[j].sfx
}

// tag fills info[i].p for every token with the refined tag's hash. Where
// keep[i] (keep may be nil) the given tag stays, if it is one of the
// retagger's tags.
func (r *retagger) tag(info []tokInfo, n int, keep []bool, chosen []uint64, feats []uint64, sc []int32) ([]uint64, []uint64) {
	if cap(chosen) < n {
		chosen = make([]uint64, n)
	}
	chosen = chosen[:n]
	for i := 0; i < n; i++ {
		if keep != nil && keep[i] && slices.Contains(r.hashes, info[i].q) {
			chosen[i] = info[i].q
			info[i].p = chosen[i]
			continue
		}
		feats = tagFeatures(info, chosen, i, feats[:0])
		for k := range sc {
			sc[k] = 0
		}
		r.table.add(feats, sc)
		best := 0
		for k, v := range sc {
			if v > sc[best] {
				best = k
			}
		}
		chosen[i] = r.hashes[best]
		info[i].p = chosen[i]
	}
	return chosen, feats
}

// name returns the tag whose hash is h, or given when h is not one of the
// retagger's tags.
func (r *retagger) name(h uint64, given string) string {
	for i, x := range r.hashes {
		if x == h {
			return r.tags[i]
		}
	}
	return given
}

// taggerExample is one sentence for training the retagger.
type taggerExample struct {
	info []tokInfo
	gold []int // index into the tag alphabet
}

// trainRetagger trains a retagger on the examples for which use(i) is true.
func trainRetagger(exs []taggerExample, tags []string, use func(i int) bool, epochs int, seed uint64, prune float64) *retagger {
	tr := newLabelTrainer(len(tags))
	rng := rand.New(rand.NewPCG(seed, 0x746167))
	var order []int
	for i := range exs {
		if use(i) {
			order = append(order, i)
		}
	}
	sc := make([]float32, len(tags))
	var feats []uint64
	var chosen []uint64
	hashes := make([]uint64, len(tags))
	for i, t := range tags {
		hashes[i] = tagHash(t)
	}
	now := int32(1)
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := &exs[k]
			n := len(ex.gold)
			if cap(chosen) < n {
				chosen = make([]uint64, n)
			}
			chosen = chosen[:n]
			for i := 0; i < n; i++ {
				feats = tagFeatures(ex.info, chosen, i, feats[:0])
				for j := range sc {
					sc[j] = 0
				}
				tr.score(feats, sc)
				best := 0
				for j, v := range sc {
					if v > sc[best] {
						best = j
					}
				}
				if best != ex.gold[i] {
					tr.update(feats, ex.gold[i], best, now)
				}
				now++
				// Condition on the gold history while training.
				chosen[i] = hashes[ex.gold[i]]
			}
		}
	}
	return &retagger{tags: tags, hashes: hashes, table: freezeLabels(tr.averaged(now), prune)}
}

// taggerData builds the retagger's examples and tag alphabet.
func taggerData(sents []corpus.UDSentence, tags [][]string) ([]taggerExample, []string) {
	idx := map[string]int{}
	var alphabet []string
	var exs []taggerExample
	var buf []byte
	for i, s := range sents {
		n := len(s.Words)
		words := make([]string, n)
		for j, w := range s.Words {
			words[j] = w.Form
		}
		ex := taggerExample{info: make([]tokInfo, n+1), gold: make([]int, n)}
		buf = fillInfo(ex.info, words, tags[i], buf)
		for j, w := range s.Words {
			k, ok := idx[w.XPOS]
			if !ok {
				k = len(alphabet)
				idx[w.XPOS] = k
				alphabet = append(alphabet, w.XPOS)
			}
			ex.gold[j] = k
		}
		exs = append(exs, ex)
	}
	return exs, alphabet
}
