package entity_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/entity"
)

// TestGeneratedActors checks that the rows generated from Party Facts and
// the Phoenix dictionaries are found in news sentences, with their type and
// code: regional and national parties, non-state armed groups, IGOs and
// NGOs, and that a former office holder's role is the one of the
// document's date. The sentences are written for this test.
func TestGeneratedActors(t *testing.T) {
	r, err := entity.NewRecognizer()
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
	type want struct {
		text, id string
		typ      entity.Type
		code     string
		title    string // checked for people
		asOf     string // checked for people
	}
	tests := []struct {
		class, text string
		date        time.Time
		want        want
	}{
		// Regional, nationalist and new parties: the party's country is its code.
		{"party", "The Sweden Democrats won more seats than ever in Sunday's election.", time.Time{},
			want{text: "Sweden Democrats", id: "org/sweden-democrats", typ: entity.Organization, code: "SWE"}},
		{"party", "Leaders of the Alternative for Germany met in Riesa to elect a new board.", time.Time{},
			want{text: "Alternative for Germany", id: "org/alternative-for-germany", typ: entity.Organization, code: "DEU"}},
		{"party", "The Scottish National Party called for a second referendum on independence.", time.Time{},
			want{text: "Scottish National Party", id: "org/scottish-national-party", typ: entity.Organization, code: "GBR"}},
		{"party", "Voters in Flanders gave Vlaams Belang its best result since 2004.", time.Time{},
			want{text: "Vlaams Belang", id: "org/flemish-interest", typ: entity.Organization, code: "BEL"}},
		// Non-state armed groups: the code of the country they fight in.
		{"armed group", "Troops freed two hostages held by the Abu Sayyaf Group on Jolo island.", time.Time{},
			want{text: "Abu Sayyaf Group", id: "org/abu-sayyaf-group", typ: entity.Organization, code: "PHL"}},
		{"armed group", "Police blamed the Dagestan Liberation Army for the blast in Makhachkala.", time.Time{},
			want{text: "Dagestan Liberation Army", id: "org/dagestan-liberation-army", typ: entity.Organization, code: "RUS"}},
		{"armed group", "A statement from the Patriotic Union of Kurdistan rejected the deal.", time.Time{},
			want{text: "Patriotic Union of Kurdistan", id: "org/patriotic-union-of-kurdistan", typ: entity.Organization, code: "IRQ"}},
		// Intergovernmental and non-governmental organisations of the Phoenix list.
		{"IGO", "The Islamic Development Bank approved a loan for new schools in Niger.", time.Time{},
			want{text: "Islamic Development Bank", id: "org/islamic-development-bank", typ: entity.Organization, code: "IGO"}},
		{"IGO", "Ministers of the Economic Community of Central African States met in Libreville.", time.Time{},
			want{text: "Economic Community of Central African States", id: "org/economic-community-of-central-african-states", typ: entity.Organization, code: "IGO"}},
		{"IGO", "Delegates to the Union of South American Nations called for calm.", time.Time{},
			want{text: "Union of South American Nations", id: "org/union-of-south-american-nations", typ: entity.Organization, code: "IGO"}},
		{"NGO", "The American Friends Service Committee sent food to the camps.", time.Time{},
			want{text: "American Friends Service Committee", id: "org/american-friends-service-committee", typ: entity.Organization, code: "NGO"}},
		// A former office holder: the role held on the document's date.
		{"office holder", "Gerhard Schroeder spoke to farmers in Hanover.", day("1995-03-01"),
			want{text: "Gerhard Schroeder", id: "person/gerhard-schroder", typ: entity.Person, code: "DEU", title: "", asOf: "1995-03-01"}},
		{"office holder", "Gerhard Schroeder spoke to farmers in Hanover.", day("2001-03-01"),
			want{text: "Gerhard Schroeder", id: "person/gerhard-schroder", typ: entity.Person, code: "DEU", title: "Chancellor", asOf: "2001-03-01"}},
		{"office holder", "Ban Ki-moon flew to Washington for talks.", day("2005-06-01"),
			want{text: "Ban Ki-moon", id: "person/ban-ki-moon", typ: entity.Person, code: "KOR", title: "", asOf: "2005-06-01"}},
		{"office holder", "Ban Ki-moon flew to Washington for talks.", day("2010-06-01"),
			want{text: "Ban Ki-moon", id: "person/ban-ki-moon", typ: entity.Person, code: "IGO", title: "Secretary-General", asOf: "2010-06-01"}},
		{"office holder", "Ban Ki-moon flew to Washington for talks.", time.Time{},
			want{text: "Ban Ki-moon", id: "person/ban-ki-moon", typ: entity.Person, code: "IGO", title: "Secretary-General", asOf: entity.Latest}},
	}
	for _, tt := range tests {
		d := analyse(t, tt.text)
		d.Date = tt.date
		res, err := r.Recognize(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		var found *entity.Mention
		for i, m := range res.Mentions {
			if m.Text == tt.want.text {
				found = &res.Mentions[i]
			}
		}
		if found == nil {
			t.Errorf("%s: %q: no mention %q in %+v", tt.class, tt.text, tt.want.text, res.Mentions)
			continue
		}
		e, _ := res.Entity(found.Entity)
		got := want{text: found.Text, id: e.ID, typ: e.Type, code: e.Code}
		if e.Type == entity.Person {
			got.title, got.asOf = e.Title, e.AsOf
		}
		if d := cmp.Diff(tt.want, got, cmp.AllowUnexported(want{})); d != "" {
			t.Errorf("%s: %q on %v (-want +got):\n%s", tt.class, tt.text, tt.date.Format("2006-01-02"), d)
		}
	}
}
