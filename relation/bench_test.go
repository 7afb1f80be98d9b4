package relation_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/relation"
)

// BenchmarkPipeline measures the whole pipeline, text to graph, on the
// bundled news article, with prose v3's NewDocument (tokens, sentences, tags
// and entities) on the same text in the same run as the peer:
//
//	go test -run='^$' -bench=Pipeline -count=10 ./relation | tee b.txt
//	benchstat -col /impl b.txt
func BenchmarkPipeline(b *testing.B) {
	ex, text, words := benchSetup(b)
	ctx := context.Background()
	b.Run("impl=newsgraph", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			res, err := ex.Extract(ctx, &corpus.Document{ID: "a", Text: text})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := res.Graph(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("impl=prose", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := prose.NewDocument(text); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
}

// BenchmarkPipelineParallel is BenchmarkPipeline's newsgraph run with one
// extractor shared by GOMAXPROCS goroutines.
func BenchmarkPipelineParallel(b *testing.B) {
	ex, text, words := benchSetup(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := ex.Extract(context.Background(), &corpus.Document{ID: "a", Text: text}); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// benchSetup returns the default extractor, the bundled news article and its
// number of words.
func benchSetup(b *testing.B) (*relation.Extractor, string, int) {
	b.Helper()
	raw, err := os.ReadFile("../corpus/testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	ex, err := relation.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	return ex, string(raw), len(strings.Fields(string(raw)))
}
