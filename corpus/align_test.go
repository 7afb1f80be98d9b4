package corpus

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenSpansRoundTrip(t *testing.T) {
	a := newAnalyzer(t)
	// Bytes: "Zoë" 0-4, "Köln" 13-18; "Xi" at 20, 27 and 40.
	text := "Zoë went to Köln. Xi met Xi’s aide. Xi left."
	d := &Document{ID: "x", Text: text}
	if err := a.Analyze(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	spans := []ByteSpan{
		{0, 4, "PER"},
		{13, 18, "LOC"},
		{18, 25, "X"},   // crosses a sentence boundary
		{1, 4, "PER"},   // starts inside a token
		{20, 22, "PER"}, // "Xi" in sentence 2
		{27, 29, "PER"}, // the second "Xi"
		{40, 42, "PER"}, // "Xi" in sentence 3
	}
	for _, sp := range spans[4:] {
		if got := text[sp.Start:sp.End]; got != "Xi" {
			t.Fatalf("fixture: text[%d:%d] = %q, want Xi", sp.Start, sp.End, got)
		}
	}
	aligned, unaligned := d.TokenSpans(spans)
	wantAligned := [][]Span{
		{{0, 1, "PER"}, {3, 4, "LOC"}},
		{{0, 1, "PER"}, {2, 3, "PER"}},
		{{0, 1, "PER"}},
	}
	if diff := cmp.Diff(wantAligned, aligned); diff != "" {
		t.Errorf("aligned (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]ByteSpan{{18, 25, "X"}, {1, 4, "PER"}}, unaligned); diff != "" {
		t.Errorf("unaligned (-want +got):\n%s", diff)
	}
	// And back.
	var back []ByteSpan
	for i, ss := range aligned {
		for _, sp := range ss {
			b, ok := d.Sentences[i].ByteSpan(sp)
			if !ok {
				t.Fatalf("ByteSpan(%v) failed", sp)
			}
			back = append(back, b)
		}
	}
	want := []ByteSpan{spans[0], spans[1], spans[4], spans[5], spans[6]}
	if diff := cmp.Diff(want, back); diff != "" {
		t.Errorf("ByteSpan round trip (-want +got):\n%s", diff)
	}
	if _, ok := d.Sentences[0].ByteSpan(Span{2, 2, "X"}); ok {
		t.Error("ByteSpan of an empty span succeeded")
	}
	if _, ok := d.Sentences[0].ByteSpan(Span{0, 99, "X"}); ok {
		t.Error("ByteSpan past the last token succeeded")
	}
}
