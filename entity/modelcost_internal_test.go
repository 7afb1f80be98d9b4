package entity

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
)

// costStub is a model with fixed spans and costs, keyed by the first word
// of a sentence; tokens it gives no costs for cost nothing.
type costStub struct {
	spans map[string][]corpus.Span
	costs map[string][]tokenCost
}

func (c costStub) Spans(sents []ModelSentence) [][]corpus.Span {
	s, _ := c.spanCosts(sents)
	return s
}

func (c costStub) spanCosts(sents []ModelSentence) ([][]corpus.Span, [][]tokenCost) {
	spans := make([][]corpus.Span, len(sents))
	costs := make([][]tokenCost, len(sents))
	for i, s := range sents {
		costs[i] = make([]tokenCost, len(s.Words))
		if len(s.Words) > 0 {
			spans[i] = c.spans[s.Words[0]]
			copy(costs[i], c.costs[s.Words[0]])
		}
	}
	return spans, costs
}

// TestModelOverrules checks that a gazetteer match or the title rule gives
// way where the model is sure against it, and only there.
func TestModelOverrules(t *testing.T) {
	sure, unsure := float32(1), float32(0.01)
	type mention struct {
		Text string
		Type Type
	}
	a, err := corpus.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		text  string
		spans []corpus.Span
		costs []tokenCost
		want  []mention
	}{{
		name:  "the model is sure a city name is an organisation (a team)",
		text:  "Later Manchester won.",
		spans: []corpus.Span{{Start: 1, End: 2, Type: "ORG"}},
		costs: []tokenCost{{}, {loc: sure, per: sure, out: sure}},
		want:  []mention{{"Manchester", Organization}},
	}, {
		name:  "a country is never overruled, however sure the model is",
		text:  "Later Jordan won.",
		spans: []corpus.Span{{Start: 1, End: 2, Type: "ORG"}},
		costs: []tokenCost{{}, {loc: sure, per: sure, out: sure}},
		want:  []mention{{"Jordan", Country}},
	}, {
		name:  "a capital is never overruled",
		text:  "Later Caracas won.",
		spans: []corpus.Span{{Start: 1, End: 2, Type: "PER"}},
		costs: []tokenCost{{}, {loc: sure, org: sure, out: sure}},
		want:  []mention{{"Caracas", Location}},
	}, {
		name:  "the model is unsure: the gazetteer wins",
		text:  "Later Jordan won.",
		spans: []corpus.Span{{Start: 1, End: 2, Type: "ORG"}},
		costs: []tokenCost{{}, {loc: unsure, per: sure, out: sure}},
		want:  []mention{{"Jordan", Country}},
	}, {
		name:  "the model finds no name where the gazetteer knows one: the gazetteer stays",
		text:  "The G7 countries met.",
		costs: []tokenCost{{}, {loc: sure, per: sure, org: sure}},
		want:  []mention{{"G7", Organization}},
	}, {
		name:  "the model is sure the word after a title is not a person",
		text:  "President Results were out.",
		costs: []tokenCost{{}, {per: sure}},
		want:  nil,
	}, {
		name:  "the title rule stands where the model has no view",
		text:  "President Zorblat spoke.",
		costs: []tokenCost{{}, {per: unsure}},
		want:  []mention{{"Zorblat", Person}},
	}} {
		t.Run(c.name, func(t *testing.T) {
			doc := &corpus.Document{ID: "t", Text: c.text}
			if err := a.Analyze(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			w0 := doc.Sentences[0].Tokens[0].Text
			stub := costStub{spans: map[string][]corpus.Span{w0: c.spans}, costs: map[string][]tokenCost{w0: c.costs}}
			r, err := NewRecognizer(WithModel(stub))
			if err != nil {
				t.Fatal(err)
			}
			r.overrule = 0.1
			res, err := r.Recognize(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			var got []mention
			for _, m := range res.Mentions {
				if m.Form == Name {
					got = append(got, mention{m.Text, m.Type})
				}
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("Recognize(%q) (-want +got):\n%s", c.text, d)
			}
		})
	}
}
