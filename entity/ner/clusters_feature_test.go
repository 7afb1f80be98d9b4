package ner_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner"
)

// TestClusterFeatures checks that word clusters carry what the model learnt
// of some words to words it never saw: trained on surnames and country names
// in the same context, it tells an unseen surname from an unseen country by
// their clusters alone, which a model trained without clusters can not.
func TestClusterFeatures(t *testing.T) {
	people := []string{"Johnson", "Brown", "Jackson", "Davis", "Williams"}
	places := []string{"Germany", "France", "Japan", "Mexico", "India"}
	var docs []corpus.AnnotatedDocument
	for d := range 10 {
		doc := corpus.AnnotatedDocument{ID: fmt.Sprint("d", d)}
		for s := range 5 {
			w, typ := people[(d+s)%len(people)], "PER"
			if (d+s)%2 == 1 {
				w, typ = places[(d*s+s)%len(places)], "LOC"
			}
			doc.Sentences = append(doc.Sentences, corpus.AnnotatedSentence{
				Words: []string{w, "arrived", "."},
				POS:   []string{"NNP", "VBD", "."},
				Spans: []corpus.Span{{Start: 0, End: 1, Type: typ}},
			})
		}
		docs = append(docs, doc)
	}
	test := []ner.Sentence{
		{Words: []string{"Young", "arrived", "."}, POS: []string{"NNP", "VBD", "."}},
		{Words: []string{"Kenya", "arrived", "."}, POS: []string{"NNP", "VBD", "."}},
	}
	want := [][]corpus.Span{{{Start: 0, End: 1, Type: "PER"}}, {{Start: 0, End: 1, Type: "LOC"}}}
	got := map[bool][][]corpus.Span{}
	for _, no := range []bool{false, true} {
		m, err := ner.Train(docs, ner.TrainOptions{Epochs: 5, Seed: 1, MinCount: 1, NoClusters: no})
		if err != nil {
			t.Fatal(err)
		}
		// Tag each sentence as its own document, so that the history of
		// one does not inform the other.
		for _, s := range test {
			got[no] = append(got[no], m.TagDocument([]ner.Sentence{s})[0])
		}
	}
	if d := cmp.Diff(want, got[false]); d != "" {
		t.Errorf("with clusters (-want +got):\n%s", d)
	}
	if cmp.Equal(want, got[true]) {
		t.Errorf("without clusters the model told the unseen words apart too: the test shows nothing")
	}
}
