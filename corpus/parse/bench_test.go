package parse_test

import (
	"bytes"
	"testing"

	"github.com/newsgraph/newsgraph/corpus/parse"
)

// BenchmarkParse parses EWT dev (25,147 words, prose tags). On this 2-core
// shared machine (AMD EPYC, GOMAXPROCS=1) the embedded model parses about
// 60k tokens/s, 17 µs a word: some 350 hash-table lookups (two moves of
// 128 features, a label of 49, a tag of 45), most of them cache misses.
func BenchmarkParse(b *testing.B) {
	sents, tags := readEWT(b, "en_ewt-ud-dev.conllu")
	p, err := parse.Default()
	if err != nil {
		b.Fatal(err)
	}
	words := make([][]string, len(sents))
	n := 0
	for i, s := range sents {
		for _, w := range s.Words {
			words[i] = append(words[i], w.Form)
		}
		n += len(s.Words)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range words {
			if _, err := p.Parse(words[i], tags[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures decoding the embedded model, the one-time cost of
// Default.
func BenchmarkLoad(b *testing.B) {
	p, err := parse.Default()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := parse.Load(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}
