package relation_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/relation"
)

// TestUserCapital checks that a capital of the user's own gazetteer stands
// for its country's government as an actor, as the defaults' do, and that
// the same place without the capital title does not.
func TestUserCapital(t *testing.T) {
	const text = "Nusantara sharply criticised Malaysia on Monday."
	for _, c := range []struct {
		title, want string
	}{
		{entity.CapitalTitle, "country/idn"},
		{"", "location/nusantara"},
	} {
		rec, err := entity.NewRecognizer(entity.WithEntries(entity.Entry{Entity: entity.Entity{
			ID: "location/nusantara", Name: "Nusantara", Type: entity.Location, Code: "IDN", Country: "country/idn", Title: c.title,
		}}))
		if err != nil {
			t.Fatal(err)
		}
		x, err := relation.NewExtractor(relation.WithRecognizer(rec))
		if err != nil {
			t.Fatal(err)
		}
		res, err := x.Extract(context.Background(), &corpus.Document{ID: "d", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range res.Relations {
			if r.Type == relation.Criticize && r.Target == "country/mys" {
				got = append(got, r.Source)
			}
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("title %q: CRITICIZE Malaysia by %v, want by %s", c.title, got, c.want)
		}
	}
	// The defaults' capitals still stand for their countries.
	x, err := relation.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	res, err := x.Extract(context.Background(), &corpus.Document{ID: "d", Text: "Tokyo sharply criticised Malaysia on Monday."})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Relations) != 1 || res.Relations[0].Source != "country/jpn" {
		t.Errorf("Tokyo criticised Malaysia: got %+v, want one relation by country/jpn", res.Relations)
	}
}
