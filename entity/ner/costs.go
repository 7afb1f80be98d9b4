package ner

import (
	"math"

	"github.com/newsgraph/newsgraph/corpus"
)

// TagDocumentCosts tags a document as [Model.TagDocument] does and also
// says how sure the model was of each token. costs[s] holds, for token i of
// sentence s, len(m.Types())+1 numbers at costs[s][i*(k+1):]: for each type
// t the model emits, in [Model.Types] order, how much lower the score of the
// best labelling that puts token i inside an entity of type t is than the
// score of the best labelling (the one returned), and last the same for
// leaving token i outside any entity. The costs of what the model chose are
// 0; the larger a cost, the surer the model was against it. Costs are in
// units of the model's largest feature weight, so that models trained with
// more runs or epochs, whose weights are larger, give comparable costs.
func (m *Model) TagDocumentCosts(doc []Sentence) (spans [][]corpus.Span, costs [][]float32) {
	s := m.scratch()
	defer m.pool.Put(s)
	s.hist.reset()
	clear(s.cache)
	s.slab = s.slab[:0]
	spans = make([][]corpus.Span, len(doc))
	costs = make([][]float32, len(doc))
	var all []float32
	unit := 1 / (m.scale * math.MaxInt16)
	for i, sent := range doc {
		all = all[:0]
		spans[i] = m.tagSentence(s, sent, nil, &all)
		costs[i] = m.emittedCosts(all, len(sent.Words))
		for j := range costs[i] {
			costs[i][j] *= unit
		}
	}
	return spans, costs
}

// emittedCosts keeps, of the costs of every type and outside, those of the
// emitted types and outside.
func (m *Model) emittedCosts(all []float32, n int) []float32 {
	T := len(m.types)
	k := 0
	for _, e := range m.emit {
		if e {
			k++
		}
	}
	out := make([]float32, 0, n*(k+1))
	for i := range n {
		row := all[i*(T+1) : (i+1)*(T+1)]
		for t, e := range m.emit {
			if e {
				out = append(out, row[t])
			}
		}
		out = append(out, row[T])
	}
	return out
}

// costs appends to out, for each of n tokens, T+1 numbers: for each type t
// the score of the best labelling less that of the best labelling with the
// token inside an entity of type t, and last the same for outside. It runs
// the max-product forward and backward passes over the emissions em and the
// lattice lt; labels is the best labelling, found by viterbi.
func (d *decoder) costs(em []float32, n int, lt *lattice, T int, labels []int, out []float32) []float32 {
	L := lt.L
	if cap(d.fwd) < n*L {
		d.fwd = make([]float32, n*L)
		d.bwd = make([]float32, n*L)
	}
	fwd, bwd := d.fwd[:n*L], d.bwd[:n*L]
	inf := float32(math.Inf(-1))
	for b := range L {
		fwd[b] = lt.start[b] + em[b]
	}
	off, pa, pt := lt.off[:L+1], lt.pa, lt.pt[:len(lt.pa)]
	for i := 1; i < n; i++ {
		prev, cur := fwd[(i-1)*L:i*L], fwd[i*L:(i+1)*L]
		for b := range L {
			best := inf
			for k := off[b]; k < off[b+1]; k++ {
				best = max(best, prev[pa[k]]+pt[k])
			}
			cur[b] = best + em[i*L+b]
		}
	}
	copy(bwd[(n-1)*L:], lt.final)
	for i := n - 2; i >= 0; i-- {
		cur, next := bwd[i*L:(i+1)*L], bwd[(i+1)*L:(i+2)*L]
		for a := range cur {
			cur[a] = inf
		}
		for b := range L {
			v := em[(i+1)*L+b] + next[b]
			for k := off[b]; k < off[b+1]; k++ {
				a := pa[k]
				cur[a] = max(cur[a], v+pt[k])
			}
		}
	}
	best := inf
	for a := range L {
		best = max(best, fwd[(n-1)*L+a]+lt.final[a])
	}
	for i := range n {
		base := len(out)
		for range T + 1 {
			out = append(out, inf)
		}
		row := out[base:]
		for l := range L {
			v := fwd[i*L+l] + bwd[i*L+l]
			t := labelType(l)
			if t < 0 {
				t = T
			}
			row[t] = max(row[t], v)
		}
		for t := range row {
			row[t] = max(best-row[t], 0)
		}
		// The chosen labelling costs nothing, whatever the rounding.
		if t := labelType(labels[i]); t >= 0 {
			row[t] = 0
		} else {
			row[T] = 0
		}
	}
	return out
}
