package entity_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/entity"
)

func TestCapital(t *testing.T) {
	def, err := entity.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	// A user's gazetteer, in the TSV users write: Indonesia's new
	// capital, which the default data does not list as one.
	tsv := "id\ttype\tname\tcode\tcountry\ttitle\n" +
		"location/nusantara\tLOCATION\tNusantara\tIDN\tcountry/idn\tcapital\n" +
		"location/new-town\tLOCATION\tNew Town\tIDN\tcountry/idn\t\n"
	entries, err := entity.ReadGazetteer(strings.NewReader(tsv), "mine.tsv")
	if err != nil {
		t.Fatal(err)
	}
	mine, err := def.With(entries...)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		g    *entity.Gazetteer
		id   string
		want bool
	}{
		{def, "location/paris", true},
		{def, "location/washington", true},
		{def, "country/fra", false},        // a country is no capital
		{def, "location/nusantara", false}, // not in the default data
		{def, "location/no-such-place", false},
		{mine, "location/nusantara", true},
		{mine, "location/new-town", false}, // no title
		{mine, "location/paris", true},     // the defaults' still are
	} {
		if got := c.g.IsCapital(c.id); got != c.want {
			t.Errorf("IsCapital(%q) = %v, want %v", c.id, got, c.want)
		}
	}
	for _, c := range []struct {
		g       *entity.Gazetteer
		country string
		want    string
	}{
		{def, "country/fra", "location/paris"},
		{def, "country/jpn", "location/tokyo"},
		{def, "country/sgp", ""}, // a city-state: no capital of its own
		{mine, "country/fra", "location/paris"},
	} {
		got, ok := c.g.Capital(c.country)
		if got.ID != c.want || ok != (c.want != "") {
			t.Errorf("Capital(%q) = %q, %v, want %q", c.country, got.ID, ok, c.want)
		}
	}
	// Indonesia has Jakarta in the defaults and Nusantara from the user:
	// the first by ID.
	if got, ok := mine.Capital("country/idn"); !ok || got.ID != "location/jakarta" {
		t.Errorf("Capital(country/idn) = %q, %v, want location/jakarta", got.ID, ok)
	}
}
