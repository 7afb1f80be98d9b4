package ner_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner"
)

// TestTagDocumentCosts checks that the costs agree with the spans: what the
// model chose costs nothing, every other choice costs something, and a
// clear name costs much to leave out.
func TestTagDocumentCosts(t *testing.T) {
	m := trainToy(t)
	doc := []ner.Sentence{
		sentence("Carlos said in Oslo that Globex announced profits ."),
		sentence("Anna Berg said in Lima that Acme Corp announced profits ."),
		sentence("nothing here"),
		{},
	}
	for i := range doc {
		doc[i].POS = make([]string, len(doc[i].Words))
		for j, w := range doc[i].Words {
			doc[i].POS[j] = "VBD"
			if w[0] >= 'A' && w[0] <= 'Z' {
				doc[i].POS[j] = "NNP"
			}
		}
	}
	spans, costs := m.TagDocumentCosts(doc)
	if d := cmp.Diff(m.TagDocument(doc), spans); d != "" {
		t.Errorf("TagDocumentCosts spans differ from TagDocument's (-TagDocument +TagDocumentCosts):\n%s", d)
	}
	types := m.Types()
	k := len(types) + 1
	for s, sent := range doc {
		if len(costs[s]) != len(sent.Words)*k {
			t.Fatalf("sentence %d: %d costs for %d tokens, want %d each", s, len(costs[s]), len(sent.Words), k)
		}
		chosen := make([]int, len(sent.Words))
		for i := range chosen {
			chosen[i] = len(types) // outside
		}
		for _, sp := range spans[s] {
			for i := sp.Start; i < sp.End; i++ {
				for ti, name := range types {
					if name == sp.Type {
						chosen[i] = ti
					}
				}
			}
		}
		for i, w := range sent.Words {
			row := costs[s][i*k : (i+1)*k]
			for c, v := range row {
				if (c == chosen[i]) != (v == 0) {
					t.Errorf("sentence %d token %q: cost %v of choice %d, chosen %d (%v)", s, w, v, c, chosen[i], row)
				}
			}
		}
	}
	// "Carlos" is a person beyond doubt in the toy data.
	if out := costs[0][len(types)]; out < 1 {
		t.Errorf("leaving Carlos out costs %v, want a clear margin", out)
	}
	want := []corpus.Span{{Start: 0, End: 2, Type: "PER"}, {Start: 4, End: 5, Type: "LOC"}, {Start: 6, End: 8, Type: "ORG"}}
	if d := cmp.Diff(want, spans[1]); d != "" {
		t.Errorf("sentence 1 (-want +got):\n%s", d)
	}
}
