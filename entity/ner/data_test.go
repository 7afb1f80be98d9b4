package ner_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner"
)

func TestReadAnnotated(t *testing.T) {
	an, err := corpus.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, format, in string
		want             []corpus.AnnotatedSentence // POS left out
		wantErr          string                     // substring, "" for none
	}{
		{
			name:   "CoNLL IOB1",
			format: ner.FormatCoNLL,
			in:     "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n",
			want:   []corpus.AnnotatedSentence{{Words: []string{"EU", "rejects", "Peter", "Blackburn"}, Spans: []corpus.Span{{Start: 0, End: 1, Type: "ORG"}, {Start: 2, End: 4, Type: "PER"}}}},
		},
		{
			name:   "JSON Lines byte spans",
			format: ner.FormatJSONL,
			in:     `{"id": "a", "text": "Macron met Xi in Paris.", "entities": [{"start": 0, "end": 6, "type": "PER"}, {"start": 17, "end": 22, "type": "LOC"}]}` + "\n",
			want:   []corpus.AnnotatedSentence{{Words: []string{"Macron", "met", "Xi", "in", "Paris", "."}, Spans: []corpus.Span{{Start: 0, End: 1, Type: "PER"}, {Start: 4, End: 5, Type: "LOC"}}}},
		},
		{
			name:    "JSON Lines span inside a word",
			format:  ner.FormatJSONL,
			in:      `{"id": "b", "text": "Macron met Xi today.", "entities": [{"start": 0, "end": 3, "type": "PER"}]}` + "\n",
			want:    []corpus.AnnotatedSentence{{Words: []string{"Macron", "met", "Xi", "today", "."}}},
			wantErr: `b: span [0,3) PER "Mac"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ner.ReadAnnotated(strings.NewReader(tt.in), "test", tt.format, an)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("ReadAnnotated: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("ReadAnnotated: error %v, want one containing %q", err, tt.wantErr)
			}
			var got []corpus.AnnotatedSentence
			for _, d := range docs {
				for _, s := range d.Sentences {
					if len(s.POS) != len(s.Words) {
						t.Errorf("%d tags for %d words", len(s.POS), len(s.Words))
					}
					s.POS = nil
					got = append(got, s)
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("ReadAnnotated (-want +got):\n%s", d)
			}
		})
	}
	if _, err := ner.ReadAnnotated(strings.NewReader(""), "x", "xml", an); err == nil {
		t.Error("ReadAnnotated with format xml succeeded")
	}
}
