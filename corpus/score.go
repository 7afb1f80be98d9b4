package corpus

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// PRF holds counts and scores for exact-match span evaluation: true
// positives, false positives, false negatives, and precision, recall and F1
// (each 0 when its denominator is 0).
type PRF struct {
	TP, FP, FN            int
	Precision, Recall, F1 float64
}

func (p *PRF) compute() {
	p.Precision = ratio(p.TP, p.TP+p.FP)
	p.Recall = ratio(p.TP, p.TP+p.FN)
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	} else {
		p.F1 = 0
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores is an evaluation result: one PRF per entity type seen in gold or
// predictions, and the micro-average over all spans.
type Scores struct {
	Types map[string]PRF
	Micro PRF
}

// ScoreSpans compares predicted spans with gold spans sentence by sentence,
// as conlleval does: a prediction is right only when a gold span in the same
// sentence has the same Start, End and Type. gold[i] and pred[i] are the
// spans of sentence i; a sentence missing from the shorter slice counts as
// having no spans. Duplicate spans are counted as often as they occur.
func ScoreSpans(gold, pred [][]Span) Scores {
	types := make(map[string]*PRF)
	get := func(t string) *PRF {
		p := types[t]
		if p == nil {
			p = new(PRF)
			types[t] = p
		}
		return p
	}
	n := max(len(gold), len(pred))
	for i := range n {
		var g, p []Span
		if i < len(gold) {
			g = gold[i]
		}
		if i < len(pred) {
			p = pred[i]
		}
		left := make(map[Span]int, len(g))
		for _, s := range g {
			left[s]++
		}
		for _, s := range p {
			if left[s] > 0 {
				left[s]--
				get(s.Type).TP++
			} else {
				get(s.Type).FP++
			}
		}
		for s, c := range left {
			get(s.Type).FN += c
		}
	}
	sc := Scores{Types: make(map[string]PRF, len(types))}
	for t, p := range types {
		p.compute()
		sc.Types[t] = *p
		sc.Micro.TP += p.TP
		sc.Micro.FP += p.FP
		sc.Micro.FN += p.FN
	}
	sc.Micro.compute()
	return sc
}

// WriteTable writes a conlleval-like table: one row per type, sorted by
// type, then the micro-averaged "overall" row. Scores are percentages.
func (s Scores) WriteTable(w io.Writer) error {
	_, err := io.WriteString(w, s.String())
	return err
}

// String returns the table that [Scores.WriteTable] writes.
func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s %7s %7s %7s %9s %7s %7s\n", "type", "tp", "fp", "fn", "precision", "recall", "f1")
	row := func(name string, p PRF) {
		fmt.Fprintf(&b, "%-12s %7d %7d %7d %9.2f %7.2f %7.2f\n", name, p.TP, p.FP, p.FN, 100*p.Precision, 100*p.Recall, 100*p.F1)
	}
	types := make([]string, 0, len(s.Types))
	for t := range s.Types {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		row(t, s.Types[t])
	}
	row("overall", s.Micro)
	return b.String()
}
