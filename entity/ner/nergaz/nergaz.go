// Package nergaz gives the gazetteer spans that package entity's Recognizer
// hands the entity model at run time, for training and scoring models with
// the same features they will see. It is separate from package ner because
// it imports package entity, which imports ner.
package nergaz

import (
	"sort"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/entity/ner"
)

// Default returns a function that gives the spans the entity Recognizer
// gives the model at run time: the default gazetteer's matches, typed with
// the entity type or DEMONYM, and the default titles lexicon's matches, typed
// TITLE. A model is best trained with the same spans it will see.
func Default() (ner.GazFunc, error) {
	g, err := entity.DefaultGazetteer()
	if err != nil {
		return nil, err
	}
	titles, err := entity.DefaultTitles()
	if err != nil {
		return nil, err
	}
	return func(words []string) []corpus.Span {
		var out []corpus.Span
		for _, m := range g.Match(words) {
			t := string(m.Entity.Type)
			if m.Form == entity.Demonym {
				t = "DEMONYM"
			}
			out = append(out, corpus.Span{Start: m.Start, End: m.End, Type: t})
		}
		for i := 0; i < len(words); i++ {
			if _, end, ok := titles.Match(words, i); ok {
				out = append(out, corpus.Span{Start: i, End: end, Type: "TITLE"})
				i = end - 1
			}
		}
		sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
		return out
	}, nil
}
