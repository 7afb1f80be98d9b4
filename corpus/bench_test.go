package corpus

import (
	"context"
	"testing"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// BenchmarkAnalyze measures words/s on the bundled article, against the bare
// prose pipeline (segment, tokenize, tag, without offset checks or tag keys)
// as the peer on the same text:
//
//	go test -run='^$' -bench=Analyze -count=5 ./corpus
//
// Figures (shared 2-core machine, load average 11, go1.26, -count 5):
//
//	impl=newsgraph            87,000-113,000 words/s  115 KB/op  412 allocs/op
//	impl=prose                119,000-290,000 words/s   73 KB/op  410 allocs/op
//	impl=newsgraph/parallel   79,000-212,000 words/s
//
// The spread is the load; run for run, the per-stage benchmarks showed the
// offset checks and tag keys within noise of prose (tagging dominates).
func BenchmarkAnalyze(b *testing.B) {
	text := readArticle(b)
	a := newAnalyzer(b)
	d := &Document{ID: "article", Text: text}
	if err := a.Analyze(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	words := 0
	for _, s := range d.Sentences {
		words += len(s.Tokens)
	}
	ctx := context.Background()

	b.Run("impl=newsgraph", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			d := &Document{ID: "article", Text: text}
			if err := a.Analyze(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("impl=prose", func(b *testing.B) {
		seg, err := segment.New()
		if err != nil {
			b.Fatal(err)
		}
		tok := tokenize.New()
		tagger, err := tag.New()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range seg.Segment(text) {
				tagger.TagTokens(tok.Tokenize(s.Text))
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("impl=newsgraph/parallel", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				d := &Document{ID: "article", Text: text}
				if err := a.Analyze(ctx, d); err != nil {
					b.Error(err)
					return
				}
			}
		})
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
}

// BenchmarkNew measures building the default Analyzer (models load once per
// process, so this is the cost after the first).
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
