package entity

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestEntityAt(t *testing.T) {
	roles, err := ReadTenures(strings.NewReader("# dated roles\nid\troles\n"+
		"person/ana-ruiz\tESP:2001-01-01:2004-12-31:Interior Minister|ESP:2005-01-01::Prime Minister|IGO:2003-06-01:2003-12-31:\n"), "roles.tsv")
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewGazetteer(append([]Entry{
		{Entity: Entity{ID: "country/esp", Name: "Spain", Type: Country, Code: "ESP"}},
		{Entity: Entity{ID: "person/ana-ruiz", Name: "Ana Ruiz", Type: Person, Code: "ESP", Country: "country/esp", Title: "President"}},
		{Entity: Entity{ID: "person/no-roles", Name: "No Roles", Type: Person, Code: "ESP", Title: "Minister"}},
	}, roles...))
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	type role struct{ Code, Country, Title, AsOf string }
	tests := []struct {
		id   string
		date time.Time
		want role
	}{
		{"person/ana-ruiz", time.Time{}, role{"ESP", "country/esp", "President", Latest}},       // no date: the entity's own
		{"person/ana-ruiz", day("1999-05-01"), role{"ESP", "country/esp", "President", Latest}}, // before any role: the latest
		{"person/ana-ruiz", day("2002-05-01"), role{"ESP", "country/esp", "Interior Minister", "2002-05-01"}},
		{"person/ana-ruiz", day("2003-07-01"), role{"IGO", "", "", "2003-07-01"}},                             // two roles held: the latest begun
		{"person/ana-ruiz", day("2004-12-31"), role{"ESP", "country/esp", "Interior Minister", "2004-12-31"}}, // the last day counts
		{"person/ana-ruiz", day("2020-01-01"), role{"ESP", "country/esp", "Prime Minister", "2020-01-01"}},
		{"person/no-roles", day("2020-01-01"), role{"ESP", "", "Minister", ""}}, // no dated roles: as it is
	}
	for _, tt := range tests {
		e, ok := g.EntityAt(tt.id, tt.date)
		if !ok {
			t.Fatalf("EntityAt(%s): not found", tt.id)
		}
		if d := cmp.Diff(tt.want, role{e.Code, e.Country, e.Title, e.AsOf}); d != "" {
			t.Errorf("EntityAt(%s, %s) (-want +got):\n%s", tt.id, tt.date.Format("2006-01-02"), d)
		}
	}
	if got := len(g.Tenures("person/ana-ruiz")); got != 3 {
		t.Errorf("Tenures = %d roles, want 3", got)
	}
	if _, ok := g.EntityAt("person/nobody", time.Time{}); ok {
		t.Error("EntityAt found an unknown ID")
	}
}

func TestReadTenuresErrors(t *testing.T) {
	for _, bad := range []struct{ in, want string }{
		{"id\troles\np/x\tESP\n", "roles.tsv:2: role \"ESP\": want CODE:START:END"},
		{"id\troles\np/x\t:2001-01-01::\n", "roles.tsv:2: role \":2001-01-01::\": no code"},
		{"id\troles\np/x\tESP:2001-13-01::\n", "roles.tsv:2: role \"ESP:2001-13-01::\": date \"2001-13-01\" is not YYYY-MM-DD"},
		{"id\troles\np/x\tESP:2005-01-01:2001-01-01:\n", "roles.tsv:2: role \"ESP:2005-01-01:2001-01-01:\": ends before it starts"},
		{"id\troles\n\tESP::\n", "roles.tsv:2: empty id"},
		{"id\troles\tmore\n", "roles.tsv:1: unknown column \"more\""},
	} {
		_, err := ReadTenures(strings.NewReader(bad.in), "roles.tsv")
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("ReadTenures(%q): error %v, want %q", bad.in, err, bad.want)
		}
	}
	// A role for an entity no entry defines is an error of the gazetteer.
	es, err := ReadTenures(strings.NewReader("id\troles\nperson/ghost\tESP::\n"), "roles.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewGazetteer(es); err == nil || !strings.Contains(err.Error(), "person/ghost: no name or no type") {
		t.Errorf("NewGazetteer(roles of an unknown entity): error %v", err)
	}
}

// TestReadEmbedded checks that the in-place reader of the default files
// gives what ReadGazetteer gives, and falls back to it on a bad file.
func TestReadEmbedded(t *testing.T) {
	for _, f := range defaultFiles {
		want, err := ReadGazetteer(strings.NewReader(f.text), f.name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readEmbedded(nil, f.text, f.name)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: readEmbedded differs from ReadGazetteer (-want +got):\n%s", f.name, d)
		}
	}
	const bad = "id\ttype\tname\nx/a\tPERSON\tA\nx/b\tPERSON\tB\textra\n"
	_, want := ReadGazetteer(strings.NewReader(bad), "bad.tsv")
	got, err := readEmbedded([]Entry{{}}, bad, "bad.tsv")
	if err == nil || err.Error() != want.Error() || len(got) != 2 {
		t.Errorf("readEmbedded(bad): %d entries, error %v; want 2 and %v", len(got), err, want)
	}
}
