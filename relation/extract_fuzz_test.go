package relation_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/relation"
)

// FuzzExtract checks, on any input, that extraction never panics, that an
// error is returned only for text that is empty or not UTF-8, and that every
// mention and every piece of evidence slices the text it claims, evidence
// is at most MaxEvidence bytes of valid UTF-8, and every relation joins two
// entities of the result.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"French President Emmanuel Macron met Chinese leader Xi Jinping in Beijing.",
		"Germany accused Russia of attacking Ukraine. The two leaders signed a deal.",
		"“Macron” met 習近平 🙂 in Paris\x00. U.S.-led talks; the EU's envoy didn't meet him.",
		"Macron met Xi. Macron met Xi. Macron met Xi.",
		"\xff\xfe invalid",
		"",
		"They met them and both sides agreed. He urged her to go.",
		"Germany accused Russia of " + strings.Repeat("🙂 the talks ", 200) + "attacking Ukraine.",
		strings.Repeat("Macron met Xi and ", 400) + "Putin.",
	} {
		f.Add(s)
	}
	ex := extractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := &corpus.Document{ID: "fuzz", Text: text}
		res, err := ex.Extract(context.Background(), doc)
		if err != nil {
			return // empty or invalid text: an error, not a panic
		}
		ents := map[string]bool{}
		for _, e := range res.Entities {
			ents[e.ID] = true
		}
		for _, m := range res.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %q at %d:%d does not slice the text", m.Text, m.Start, m.End)
			}
			if !ents[m.Entity] {
				t.Fatalf("mention %q resolves to %q, not an entity of the result", m.Text, m.Entity)
			}
		}
		for _, r := range res.Relations {
			ev := r.Evidence
			if ev.Start < 0 || ev.End > len(text) || ev.Start > ev.End || text[ev.Start:ev.End] != ev.Text {
				t.Fatalf("evidence at %d:%d does not slice the text", ev.Start, ev.End)
			}
			if len(ev.Text) > relation.MaxEvidence || !utf8.ValidString(ev.Text) {
				t.Fatalf("evidence at %d:%d is %d bytes or not valid UTF-8", ev.Start, ev.End, len(ev.Text))
			}
			if !ents[r.Source] || !ents[r.Target] || r.Source == r.Target {
				t.Fatalf("relation %s %s %s does not join two entities of the result", r.Source, r.Type, r.Target)
			}
		}
		if _, err := res.Graph(); err != nil {
			t.Fatalf("Graph: %v", err)
		}
	})
}
