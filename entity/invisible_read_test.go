package entity_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
)

// Names wrapped in invisible characters (a left-to-right mark, a
// right-to-left override and its pop, a zero-width space) are found, and
// their spans hold the name alone.
func TestRecognizeInvisible(t *testing.T) {
	a, err := corpus.New()
	if err != nil {
		t.Fatal(err)
	}
	r, err := entity.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	text := "\u200EEmmanuel Macron met \u202EXi Jinping\u202C in\u200B Beijing\x00."
	doc := &corpus.Document{ID: "d", Text: text}
	if err := a.Analyze(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	res, err := r.Recognize(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	type mention struct{ Text, Entity string }
	var got []mention
	for _, m := range res.Mentions {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q at %d:%d does not slice the text", m.Text, m.Start, m.End)
		}
		got = append(got, mention{m.Text, m.Entity})
	}
	want := []mention{
		{"Emmanuel Macron", "person/emmanuel-macron"},
		{"Xi Jinping", "person/xi-jinping"},
		{"Beijing", "location/beijing"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("mentions of %q (-want +got):\n%s", text, d)
	}
}
