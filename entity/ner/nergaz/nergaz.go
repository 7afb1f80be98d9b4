// Package nergaz gives the gazetteer spans that package entity's Recognizer
// hands the entity model at run time, for training and scoring models with
// the same features they will see. It is separate from package ner because
// it imports package entity, which imports ner.
package nergaz

import (
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
		return entity.FeatureSpans(g.Match(words), titles, words)
	}, nil
}
