package ner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
)

func TestBILOURoundTrip(t *testing.T) {
	names := []string{"LOC", "ORG", "PER"}
	index := map[string]int{"LOC": 0, "ORG": 1, "PER": 2}
	tests := []struct {
		name  string
		n     int
		spans []corpus.Span
	}{
		{"empty sentence", 3, nil},
		{"one-token entity", 3, []corpus.Span{{Start: 1, End: 2, Type: "PER"}}},
		{"two-token entity", 4, []corpus.Span{{Start: 0, End: 2, Type: "ORG"}}},
		{"long entity at the end", 5, []corpus.Span{{Start: 1, End: 5, Type: "LOC"}}},
		{"adjacent entities of one type", 4, []corpus.Span{{Start: 0, End: 2, Type: "PER"}, {Start: 2, End: 3, Type: "PER"}}},
		{"adjacent entities of two types", 3, []corpus.Span{{Start: 0, End: 1, Type: "LOC"}, {Start: 1, End: 3, Type: "ORG"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			labels := make([]int, tt.n)
			encodeBILOU(tt.n, tt.spans, index, labels)
			prev := -1
			for i, l := range labels {
				if !allowed(prev, l) {
					t.Fatalf("label %d at %d may not follow %d: %v", l, i, prev, labels)
				}
				prev = l
			}
			if !allowed(prev, -1) {
				t.Fatalf("labels end open: %v", labels)
			}
			got := decodeBILOU(nil, labels, names, []bool{true, true, true}, make([]int8, tt.n))
			if d := cmp.Diff(tt.spans, got); d != "" {
				t.Errorf("decode(encode(%v)) (-want +got):\n%s", tt.spans, d)
			}
		})
	}
}

func TestEncodeSkipsUnknownAndOverlapping(t *testing.T) {
	index := map[string]int{"PER": 0}
	labels := make([]int, 4)
	encodeBILOU(4, []corpus.Span{
		{Start: 0, End: 1, Type: "MISC"}, // unknown type
		{Start: 1, End: 3, Type: "PER"},
		{Start: 2, End: 4, Type: "PER"}, // overlaps the one before
		{Start: 3, End: 9, Type: "PER"}, // out of range
	}, index, labels)
	want := []int{0, label(0, posB), label(0, posL), 0}
	if d := cmp.Diff(want, labels); d != "" {
		t.Errorf("encodeBILOU (-want +got):\n%s", d)
	}
}

func TestShapes(t *testing.T) {
	tests := []struct{ word, long, short string }{
		{"Clinton", "Xxxx", "Xx"},
		{"NATO", "XXX", "X"},
		{"1996-08-22", "ddd-dd-dd", "d-d-d"},
		{"U.S.", "X.X.", "X.X."},
		{"Zelenskyý", "Xxxx", "Xx"},
	}
	for _, tt := range tests {
		long, short := shapes(tt.word, nil, nil)
		if string(long) != tt.long || string(short) != tt.short {
			t.Errorf("shapes(%q) = %q, %q; want %q, %q", tt.word, long, short, tt.long, tt.short)
		}
	}
}
