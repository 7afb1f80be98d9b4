package corpus

import (
	"context"
	"strings"
	"testing"
)

// hostileInputs are texts of about size bytes: news, and what a hostile
// user sends instead.
func hostileInputs(tb testing.TB, size int) []struct{ name, text string } {
	article := readArticle(tb)
	fill := func(unit string) string { return strings.Repeat(unit, size/len(unit)+1)[:size/len(unit)*len(unit)] }
	return []struct{ name, text string }{
		{"news", fill(article)},
		{"emoji", fill("😀")},
		{"emoji-mixed", fill("😀🎉👍🏽🔥")},
		{"emoji-zwj", fill("👨\u200d👩\u200d👧")},
		{"emoji-vs16", fill("❤️")},
		{"emoji-words", fill("😀😀 🎉🎉 ")},
		{"symbols", fill("§±×÷")},
		{"one-sentence", fill("the man met the woman and ")},
		{"letters", fill("a")},
		{"dots", fill(". ")},
	}
}

// BenchmarkAnalyzeHostile compares the cost of 1 MB of hostile input with
// that of 1 MB of news, in the same run:
//
//	go test -run='^$' -bench=AnalyzeHostile -benchtime=1x -count=3 ./corpus
func BenchmarkAnalyzeHostile(b *testing.B) {
	a := newAnalyzer(b)
	for _, size := range []int{256 << 10, 1 << 20} {
		for _, in := range hostileInputs(b, size) {
			b.Run("in="+in.name+"/size="+itoa(size>>10)+"K", func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(in.text)))
				for b.Loop() {
					d := &Document{ID: in.name, Text: in.text}
					if err := a.Analyze(context.Background(), d); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
