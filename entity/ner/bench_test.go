package ner_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/jdkato/prose/v3"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner"
	"github.com/newsgraph/newsgraph/entity/ner/nergaz"
	"github.com/newsgraph/newsgraph/entity/ner/nermodel"
)

// benchText returns the bundled news article.
func benchText(b *testing.B) string {
	b.Helper()
	for _, p := range []string{"../../corpus/testdata/article.txt", "../../../shared/acceptance/seed/article.txt"} {
		if t, err := os.ReadFile(p); err == nil {
			return string(t)
		}
	}
	b.Skip("no news article found in corpus/testdata")
	return ""
}

// BenchmarkRecognize measures entity recognition alone (the input already
// tokenised, tagged and matched against the gazetteer, as the entity
// Recognizer hands it over) against prose v3's NewDocument with extraction
// on, which has to tokenise, tag and extract, on the same article.
//
//	GOMAXPROCS=1 go test -run '^$' -bench 'Recognize|Load' -count 5 ./entity/ner/
//
// Here (2-core AMD EPYC VM, shared with other jobs), on the 695-token seed
// article: newsgraph 485k-845k tokens/s, most runs 590k-730k; prose 7k-12k
// tokens/s, so 50-80 times faster; Load 35-60 ms.
func BenchmarkRecognize(b *testing.B) {
	text := benchText(b)
	an, err := corpus.New()
	if err != nil {
		b.Fatal(err)
	}
	d := corpus.Document{ID: "article", Text: text}
	if err := an.Analyze(context.Background(), &d); err != nil {
		b.Fatal(err)
	}
	gaz, err := nergaz.Default()
	if err != nil {
		b.Fatal(err)
	}
	var in []ner.Sentence
	tokens := 0
	for _, s := range d.Sentences {
		var ws, ps []string
		for _, t := range s.Tokens {
			ws = append(ws, t.Text)
			ps = append(ps, t.Tag)
		}
		tokens += len(ws)
		in = append(in, ner.Sentence{Words: ws, POS: ps, Gaz: gaz(ws)})
	}
	m, err := ner.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("impl=newsgraph", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m.TagDocument(in)
		}
		b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
	b.Run("impl=prose", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := prose.NewDocument(text, prose.WithExtraction(true)); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
}

// BenchmarkLoad measures decoding the embedded model.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ner.Load(bytes.NewReader(nermodel.Model)); err != nil {
			b.Fatal(err)
		}
	}
}
