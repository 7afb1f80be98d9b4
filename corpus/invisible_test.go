package corpus

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Invisible characters separate tokens and are never part of one, so a
// name wrapped in direction marks or overrides keeps its plain tokens, with
// offsets into the original text.
func TestAnalyzeInvisible(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct {
		name, text string
		want       []string // token texts, in order
	}{
		{"LRM before a name", "\u200EEmmanuel Macron met Xi.", []string{"Emmanuel", "Macron", "met", "Xi", "."}},
		{"RLO-wrapped name", "\u202EMacron\u202C met \u202AXi\u202C.", []string{"Macron", "met", "Xi", "."}},
		{"zero-width space inside", "Mac\u200Bron met Xi", []string{"Mac", "ron", "met", "Xi"}},
		{"NUL and soft hyphen", "Macron\x00met\u00AD Xi\uFEFF.", []string{"Macron", "met", "Xi", "."}},
		{"word joiner and isolates", "Xi\u2060\u2066met\u2069 Putin", []string{"Xi", "met", "Putin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Document{ID: "d", Text: tt.text}
			if err := a.Analyze(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if msg := checkOffsets(tt.text, d.Sentences); msg != "" {
				t.Fatalf("Analyze(%q): %s", tt.text, msg)
			}
			var got []string
			for _, s := range d.Sentences {
				for _, tk := range s.Tokens {
					got = append(got, tk.Text)
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("tokens of %q (-want +got):\n%s", tt.text, d)
			}
		})
	}
}

// A text of nothing but invisible characters and spaces is empty, for the
// analyser and the readers alike.
func TestInvisibleTextIsEmpty(t *testing.T) {
	a := newAnalyzer(t)
	text := "\u200B \x00\u202E\n\uFEFF"
	if err := a.Analyze(context.Background(), &Document{ID: "d", Text: text}); !errors.Is(err, ErrEmpty) {
		t.Errorf("Analyze = %v, want ErrEmpty", err)
	}
	if err := checkText(text); !errors.Is(err, ErrEmpty) {
		t.Errorf("checkText = %v, want ErrEmpty", err)
	}
}
