package nergaz_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner/nergaz"
)

func TestDefault(t *testing.T) {
	gaz, err := nergaz.Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("French President Emmanuel Macron flew to Germany on Monday .")
	got := gaz(words)
	want := []corpus.Span{
		{Start: 0, End: 1, Type: "DEMONYM"},
		{Start: 1, End: 2, Type: "TITLE"},
		{Start: 6, End: 7, Type: "COUNTRY"},
	}
	// Macron is in the default gazetteer as a head of state; accept either.
	var trimmed []corpus.Span
	for _, s := range got {
		if s.Type != "PERSON" {
			trimmed = append(trimmed, s)
		}
	}
	if d := cmp.Diff(want, trimmed); d != "" {
		t.Errorf("spans of %q (-want +got):\n%s", words, d)
	}
	if got := gaz(nil); len(got) != 0 {
		t.Errorf("spans of no words = %v, want none", got)
	}
}
