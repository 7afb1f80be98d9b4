package entity

import (
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner"
)

// costModel is a [Model] that also says how sure it is of each token, as
// package ner's models do: the [Recognizer] lets such a model overrule a
// gazetteer match or a rule where the model is sure against it.
type costModel interface {
	Model
	// spanCosts returns the spans, as Spans does, and for each sentence
	// and token what it would cost the model to put the token in each
	// type.
	spanCosts(sents []ModelSentence) ([][]corpus.Span, [][]tokenCost)
}

// tokenCost is how much lower the model's best labelling of a sentence
// scores when it puts a token inside a person, location or organisation
// name, or outside any name, than the labelling it chose: 0 for its choice,
// and the larger, the surer it is against.
type tokenCost struct{ per, loc, org, out float32 }

// of returns the cost of putting the token inside a name of type t, and
// false for types the model does not tell apart.
func (c tokenCost) of(t Type) (float32, bool) {
	switch t {
	case Person:
		return c.per, true
	case Country, Location:
		return c.loc, true
	case Organization:
		return c.org, true
	}
	return 0, false
}

func (n nerModel) spanCosts(sents []ModelSentence) ([][]corpus.Span, [][]tokenCost) {
	in := make([]ner.Sentence, len(sents))
	for i, s := range sents {
		in[i] = ner.Sentence{Words: s.Words, POS: s.Tags, Gaz: s.Gazetteer}
	}
	spans, costs := n.m.TagDocumentCosts(in)
	types := n.m.Types()
	out := make([][]tokenCost, len(costs))
	k := len(types) + 1
	for s, cs := range costs {
		tc := make([]tokenCost, len(cs)/k)
		for i := range tc {
			row := cs[i*k : (i+1)*k]
			c := &tc[i]
			c.out = row[len(types)]
			// Types the model does not emit cost nothing to rule out.
			for t, name := range types {
				switch name {
				case "PER":
					c.per = row[t]
				case "LOC":
					c.loc = row[t]
				case "ORG":
					c.org = row[t]
				}
			}
		}
		out[s] = tc
	}
	return spans, out
}

// spanCost is the least cost, for the model, of a name of type t over
// tokens start to end: the largest cost of one of its tokens (a lower bound,
// since every token must be of the type). ok is false when the model can
// not say.
func spanCost(costs []tokenCost, start, end int, t Type) (float32, bool) {
	if costs == nil || start < 0 || end > len(costs) || start >= end {
		return 0, false
	}
	var worst float32
	for _, c := range costs[start:end] {
		v, ok := c.of(t)
		if !ok {
			return 0, false
		}
		worst = max(worst, v)
	}
	return worst, true
}
