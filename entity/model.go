package entity

import (
	"sync"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner"
)

// NERModel adapts a model of package ner to the [Model] the [Recognizer]
// reads: use it to run a model you trained yourself in place of the default:
//
//	m, err := ner.Load(f)
//	r, err := entity.NewRecognizer(entity.WithModel(entity.NERModel(m)))
func NERModel(m *ner.Model) Model { return nerModel{m} }

type nerModel struct{ m *ner.Model }

func (n nerModel) Spans(sents []ModelSentence) [][]corpus.Span {
	in := make([]ner.Sentence, len(sents))
	for i, s := range sents {
		in[i] = ner.Sentence{Words: s.Words, POS: s.Tags, Gaz: s.Gazetteer}
	}
	return n.m.TagDocument(in)
}

// defaultModel is the embedded ner model, loaded once.
var defaultModel = sync.OnceValues(func() (Model, error) {
	m, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return NERModel(m), nil
})
