package entity

import "testing"

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"ethiopia", "ethopia", true},     // a letter dropped
		{"mitterrand", "mitterand", true}, // a double letter single
		{"qatar", "quatar", true},         // a letter added
		{"nyerere", "nyrere", true},       // dropped
		{"kazakhstan", "kazakstan", true}, // dropped
		{"colombia", "columbia", true},    // changed
		{"ethiopia", "ehtiopia", true},    // two swapped
		{"ethiopia", "ethiopia", false},   // the same is no edit
		{"austria", "australia", false},   // two added
		{"gambia", "zambia!", false},      // two changed
		{"kim jong un", "kim jong il", false},
		{"", "a", true},
		{"ab", "ba", true},
		{"abc", "bca", false},
	}
	for _, tt := range tests {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := oneEdit(tt.b, tt.a); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestNear(t *testing.T) {
	g, err := NewGazetteer([]Entry{
		{Entity: Entity{ID: "country/eth", Name: "Ethiopia", Type: Country, Code: "ETH"}},
		{Entity: Entity{ID: "country/gmb", Name: "Gambia", Type: Country, Code: "GMB"}},
		{Entity: Entity{ID: "country/zmb", Name: "Zambia", Type: Country, Code: "ZMB"}},
		{Entity: Entity{ID: "country/mli", Name: "Mali", Type: Country, Code: "MLI"}},
		{Entity: Entity{ID: "person/francois-mitterrand", Name: "François Mitterrand", Type: Person, Code: "FRA", Title: "President"}},
		{Entity: Entity{ID: "person/jane-doerr", Name: "Jane Doerr", Type: Person, Title: "Minister"}}, // no code: not indexed
		{Entity: Entity{ID: "person/hans-kellner", Name: "Hans Kellner", Type: Person, Code: "DEU"}},   // no title: not indexed
		{Entity: Entity{ID: "person/anna-lindqvist", Name: "Anna Lindqvist", Type: Person, Code: "SWE", Title: "Minister"}},
		{Entity: Entity{ID: "person/anna-lindqvest", Name: "Anna Lindqvest", Type: Person, Code: "FIN", Title: "Minister"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	any := func(Type) bool { return true }
	tests := []struct {
		name string
		want string // "" for no match
	}{
		{"Ethopia", "country/eth"},
		{"ETHIOPIAA", "country/eth"},
		{"Francois Mitterand", "person/francois-mitterrand"},
		{"Mitterand", ""},          // another number of words
		{"Gambiaa", "country/gmb"}, // one edit from Gambia, two from Zambia
		{"Bambia", ""},             // one edit from both, and another first letter
		{"Malli", ""},              // too short to trust an edit
		{"Jane Doer", ""},          // a person with no code is not looked for
		{"Hans Kelner", ""},        // nor one with no title
		{"Anna Lindqvust", ""},     // one edit from two people: neither
		{"Ethiopia", ""},           // the name itself is no misspelling
		{"Somewhere", ""},
	}
	for _, tt := range tests {
		e, ok := g.near(tt.name, any)
		got := ""
		if ok {
			got = e.ID
		}
		if got != tt.want {
			t.Errorf("near(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if _, ok := g.near("Ethopia", func(t Type) bool { return t == Person }); ok {
		t.Error("near(Ethopia) found a country where only persons are accepted")
	}
}

func FuzzNear(f *testing.F) {
	g, err := DefaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Ethopia", "Francois Mitterand", "", "É", "\xff\xfe", "Kim Jong Un"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		e, ok := g.near(name, func(Type) bool { return true })
		if !ok {
			return
		}
		if e.Type != Country && e.Code == "" {
			t.Errorf("near(%q) = %s, neither a country nor coded", name, e.ID)
		}
	})
}

// TestNearCap checks that a gazetteer with more countries and coded
// persons than the index covers matches names only as spelt.
func TestNearCap(t *testing.T) {
	defer func(n int) { maxNearEntities = n }(maxNearEntities)
	maxNearEntities = 2
	g, err := NewGazetteer([]Entry{
		{Entity: Entity{ID: "country/eth", Name: "Ethiopia", Type: Country, Code: "ETH"}},
		{Entity: Entity{ID: "country/eri", Name: "Eritrea", Type: Country, Code: "ERI"}},
		{Entity: Entity{ID: "country/som", Name: "Somalia", Type: Country, Code: "SOM"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := g.near("Ethopia", func(Type) bool { return true }); ok {
		t.Errorf("near(Ethopia) = %s over the cap; want none", e.ID)
	}
}
