package entity

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v3/tokenize"
)

// gzWords splits text into words as package corpus does.
func gzWords(text string) []string {
	var ws []string
	for _, t := range tokenize.New().Tokenize(text) {
		ws = append(ws, t.Text)
	}
	return ws
}

// gzSpan is a match as tests compare it: the matched words joined by
// spaces, the entity ID, the form and the source.
type gzSpan struct {
	Text, ID string
	Form     Form
	Source   string
}

func gzSpans(words []string, ms []Match) []gzSpan {
	var out []gzSpan
	for _, m := range ms {
		out = append(out, gzSpan{strings.Join(words[m.Start:m.End], " "), m.Entity.ID, m.Form, m.Source})
	}
	return out
}

func gzDefault(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := DefaultGazetteer()
	if err != nil {
		t.Fatalf("DefaultGazetteer: %v", err)
	}
	return g
}

func TestGazetteerMatchDefault(t *testing.T) {
	g := gzDefault(t)
	name := func(text, id string) gzSpan { return gzSpan{text, id, Name, "gazetteer"} }
	dem := func(text, id string) gzSpan { return gzSpan{text, id, Demonym, "gazetteer"} }
	tests := []struct {
		name, text string
		want       []gzSpan
	}{
		{"acronym in its case", "The US and EU agreed.", []gzSpan{name("US", "country/usa"), name("EU", "org/european-union")}},
		{"acronym in lower case is a word", "Let us go to the un meeting.", nil},
		{"acronym in title case", "Us and Eu.", nil},
		{"dotted acronyms are one word", "The U.S. and the U.K. and the E.U.", []gzSpan{name("U.S.", "country/usa"), name("U.K.", "country/gbr"), name("E.U.", "org/european-union")}},
		{"capitalised and all-caps names", "France and FRANCE.", []gzSpan{name("France", "country/fra"), name("FRANCE", "country/fra")}},
		{"lower-case common nouns", "We ate turkey on china plates in france.", nil},
		{"diacritics ignored", "Zelenskyý, Zelenskyy and Zelensky.", []gzSpan{
			name("Zelenskyý", "person/volodymyr-zelenskyy"), name("Zelenskyy", "person/volodymyr-zelenskyy"), name("Zelensky", "person/volodymyr-zelenskyy")}},
		{"curly apostrophe and no accent", "Cote d’Ivoire", []gzSpan{name("Cote d’Ivoire", "country/civ")}},
		{"possessive split off", "Xi's visit to Russia's capital", []gzSpan{name("Xi", "person/xi-jinping"), name("Russia", "country/rus")}},
		{"longest match", "South Korea and North Korea met the UN Security Council.", []gzSpan{
			name("South Korea", "country/kor"), name("North Korea", "country/prk"), name("UN Security Council", "org/united-nations-security-council")}},
		{"demonyms", "French President Emmanuel Macron met Chinese leader Xi Jinping.", []gzSpan{
			dem("French", "country/fra"), name("Emmanuel Macron", "person/emmanuel-macron"), dem("Chinese", "country/chn"), name("Xi Jinping", "person/xi-jinping")}},
		{"multiword demonym", "South Korean and North Korean officials", []gzSpan{dem("South Korean", "country/kor"), dem("North Korean", "country/prk")}},
		{"capital", "talks in Beijing and Kyiv", []gzSpan{name("Beijing", "location/beijing"), name("Kyiv", "location/kyiv")}},
		{"organisations", "NATO, Nato, OPEC+ and the G7", []gzSpan{
			name("NATO", "org/north-atlantic-treaty-organization"), name("Nato", "org/north-atlantic-treaty-organization"),
			name("OPEC+", "org/opec-plus"), name("G7", "org/group-of-seven")}},
		{"generated names", "Bosnia and Herzegovina, Myanmar and Burma", []gzSpan{
			name("Bosnia and Herzegovina", "country/bih"), name("Myanmar", "country/mmr"), name("Burma", "country/mmr")}},
		{"territories", "Taiwan, Kosovo and Palestine", []gzSpan{
			name("Taiwan", "country/twn"), name("Kosovo", "country/xkx"), name("Palestine", "country/pse")}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := gzWords(tt.text)
			got := gzSpans(ws, g.Match(ws))
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Match(%q) (-want +got):\n%s", ws, d)
			}
		})
	}
}

func TestGazetteerMatchRules(t *testing.T) {
	g, err := NewGazetteer([]Entry{
		{Entity: Entity{ID: "x/korea", Name: "Korea", Type: Location}},
		{Entity: Entity{ID: "x/south-korea", Name: "South Korea", Type: Country}},
		{Entity: Entity{ID: "x/hamas", Name: "=Hamas", Type: Organization}},
		{Entity: Entity{ID: "x/who", Name: "WHO", Type: Organization}},
		{Entity: Entity{ID: "x/al-shabaab", Name: "al-Shabaab", Type: Organization}},
		{Entity: Entity{ID: "x/of", Name: "the people of the south", Type: Location}},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		words []string
		want  []gzSpan
	}{
		{"longest wins", []string{"South", "Korea", "and", "Korea"}, []gzSpan{{"South Korea", "x/south-korea", Name, "gazetteer"}, {"Korea", "x/korea", Name, "gazetteer"}}},
		{"marked case-sensitive", []string{"Hamas", "HAMAS"}, []gzSpan{{"Hamas", "x/hamas", Name, "gazetteer"}}},
		{"acronym", []string{"WHO", "who", "Who", "W.H.O."}, []gzSpan{{"WHO", "x/who", Name, "gazetteer"}, {"W.H.O.", "x/who", Name, "gazetteer"}}},
		{"lower-case name word matches any case", []string{"Al-Shabaab", "al-shabaab"}, []gzSpan{{"Al-Shabaab", "x/al-shabaab", Name, "gazetteer"}}},
		{"all lower-case name", []string{"The", "People", "of", "the", "South"}, []gzSpan{{"The People of the South", "x/of", Name, "gazetteer"}}},
		{"partial name", []string{"South"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := gzSpans(tt.words, g.Match(tt.words))
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Match(%q) (-want +got):\n%s", tt.words, d)
			}
		})
	}
}

func TestGazetteerWith(t *testing.T) {
	base := gzDefault(t)
	g, err := base.With(
		// A user's entity that shares a name with a default one wins it.
		Entry{Entity: Entity{ID: "person/michael-jordan", Name: "Michael Jordan", Type: Person}, Names: []string{"Jordan"}},
		// A user's entry with a default ID is merged into it.
		Entry{Entity: Entity{ID: "person/emmanuel-macron", Title: "Président"}, Names: []string{"Manu"}},
	)
	if err != nil {
		t.Fatal(err)
	}
	ws := gzWords("Jordan met Manu Macron in Amman, Jordan's capital.")
	want := []gzSpan{
		{"Jordan", "person/michael-jordan", Name, "user"},
		{"Manu", "person/emmanuel-macron", Name, "user"},
		{"Macron", "person/emmanuel-macron", Name, "gazetteer"},
		{"Amman", "location/amman", Name, "gazetteer"},
		{"Jordan", "person/michael-jordan", Name, "user"},
	}
	if d := cmp.Diff(want, gzSpans(ws, g.Match(ws))); d != "" {
		t.Errorf("With: Match (-want +got):\n%s", d)
	}
	if got := gzSpans(ws, base.Match(ws))[0].ID; got != "country/jor" {
		t.Errorf("the base gazetteer changed: Jordan is %s", got)
	}
	m, _ := g.Entity("person/emmanuel-macron")
	if m.Title != "Président" || !slices.Contains(m.Aliases, "Manu") || m.Code != "FRA" {
		t.Errorf("merged entity = %+v, want title Président, alias Manu, code FRA", m)
	}
	var ids []string
	for _, e := range g.Lookup("Jordan") {
		ids = append(ids, e.ID)
	}
	if d := cmp.Diff([]string{"person/michael-jordan", "country/jor"}, ids); d != "" {
		t.Errorf("Lookup(Jordan) (-want +got):\n%s", d)
	}
	if _, err := base.With(Entry{Entity: Entity{ID: "person/x", Type: Person}}); err == nil {
		t.Error("With(entry without a name): no error")
	}
}

func TestGazetteerLookup(t *testing.T) {
	g := gzDefault(t)
	tests := []struct {
		name string
		want []string
	}{
		{"france", []string{"country/fra"}},
		{"FRANCE", []string{"country/fra"}},
		{"us", nil},
		{"US", []string{"country/usa"}},
		{"United States of America", []string{"country/usa"}},
		{"Congolese", []string{"country/cod", "country/cog"}}, // the first entry first
		{"Zelenskiy", []string{"person/volodymyr-zelenskyy"}},
		{"Reagan", []string{"person/ronald-reagan"}}, // a former head of state
		{"Bush", []string{"person/george-w-bush"}},
		{"Museveni", []string{"person/yoweri-museveni"}},
		{"South", nil},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range g.Lookup(tt.name) {
			got = append(got, e.ID)
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("Lookup(%q) (-want +got):\n%s", tt.name, d)
		}
	}
}

func TestGazetteerEntityAndCountry(t *testing.T) {
	g := gzDefault(t)
	fra, ok := g.Entity("country/fra")
	if !ok {
		t.Fatal(`Entity("country/fra") not found`)
	}
	for _, code := range []string{"FR", "FRA"} {
		got, ok := g.Country(code)
		if d := cmp.Diff(fra, got); !ok || d != "" {
			t.Errorf("Country(%q) = %v (-want +got):\n%s", code, ok, d)
		}
	}
	if _, ok := g.Country("IGO"); ok {
		t.Error(`Country("IGO") found an entity`)
	}
	if _, ok := g.Entity("country/nowhere"); ok {
		t.Error("Entity of an unknown ID found")
	}
	// Returned values are copies.
	fra.Aliases[0] = "changed"
	if again, _ := g.Entity("country/fra"); again.Aliases[0] == "changed" {
		t.Error("Entity returned the gazetteer's own Aliases")
	}
	es := g.Entities()
	if !slices.IsSortedFunc(es, func(a, b Entity) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("Entities not sorted by ID")
	}
	mac, _ := g.Entity("person/emmanuel-macron")
	want := Entity{ID: "person/emmanuel-macron", Name: "Emmanuel Macron", Type: Person, Aliases: []string{"Macron"},
		Code: "FRA", Country: "country/fra", Title: "President"}
	if d := cmp.Diff(want, mac); d != "" {
		t.Errorf("Macron (-want +got):\n%s", d)
	}
}

func TestNewGazetteerErrors(t *testing.T) {
	tests := []struct {
		name    string
		entries []Entry
		want    string
	}{
		{"no id", []Entry{{Entity: Entity{Name: "X", Type: Person}}}, "no ID"},
		{"no type", []Entry{{Entity: Entity{ID: "x/x", Name: "X"}}}, "no name or no type"},
		{"unknown type", []Entry{{Entity: Entity{ID: "x/x", Name: "X", Type: "THING"}}}, `unknown type "THING"`},
		{"empty name", []Entry{{Entity: Entity{ID: "x/x", Name: "X", Type: Person}, Names: []string{" "}}}, "empty name"},
		{"name of punctuation only is fine but blank is not", []Entry{{Entity: Entity{ID: "x/x", Name: "=", Type: Person}}}, "empty name"},
		{"country not a country", []Entry{
			{Entity: Entity{ID: "x/p", Name: "P", Type: Person, Country: "x/o"}},
			{Entity: Entity{ID: "x/o", Name: "O", Type: Organization}},
		}, `country "x/o" is not a COUNTRY entity`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewGazetteer(tt.entries)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("NewGazetteer: error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestReadGazetteer(t *testing.T) {
	const in = "\ufeff# a comment\n\nid\ttype\tname\taliases\tdemonyms\tcode\tcountry\ttitle\n" +
		"country/xx\tCOUNTRY\tXland\tX|X-land\tXish\tXXX\n" +
		"person/bad\tPERSON\n" +
		"person/jo\tPERSON\tJo Doe\tDoe\t\tXXX\tcountry/xx\tPresident\n" +
		"org/bad\tTHING\tBad\n" +
		"too\tmany\tfields\ta\tb\tc\td\te\tf\n" +
		"country/xx\t\t\tXville\n"
	got, err := ReadGazetteer(strings.NewReader(in), "test.tsv")
	want := []Entry{
		{Entity: Entity{ID: "country/xx", Type: Country, Name: "Xland", Code: "XXX"}, Names: []string{"X", "X-land"}, Demonyms: []string{"Xish"}},
		{Entity: Entity{ID: "person/jo", Type: Person, Name: "Jo Doe", Code: "XXX", Country: "country/xx", Title: "President"}, Names: []string{"Doe"}},
		{Entity: Entity{ID: "country/xx"}, Names: []string{"Xville"}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ReadGazetteer entries (-want +got):\n%s", d)
	}
	var lines []int
	for _, e := range unjoin(err) {
		var pe *ParseError
		if !errors.As(e, &pe) || pe.File != "test.tsv" {
			t.Errorf("error %v is not a *ParseError of test.tsv", e)
			continue
		}
		lines = append(lines, pe.Line)
	}
	if d := cmp.Diff([]int{5, 7, 8}, lines); d != "" {
		t.Errorf("ReadGazetteer error lines (-want +got):\n%s\n%v", d, err)
	}
	if err != nil && !strings.HasPrefix(err.Error(), "test.tsv:5: ") {
		t.Errorf("error %q does not start with file:line", err)
	}

	for _, bad := range []struct{ in, want string }{
		{"id\tcolour\n", `test.tsv:1: unknown column "colour"`},
		{"# only\nname\ttype\n", `test.tsv:2: header has no "id" column`},
		{"id\tid\n", `test.tsv:1: column "id" twice`},
		{"", "test.tsv:0: no header line"},
	} {
		if _, err := ReadGazetteer(strings.NewReader(bad.in), "test.tsv"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("ReadGazetteer(%q): error %v, want %q", bad.in, err, bad.want)
		}
	}
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

func TestReadGazetteerJSON(t *testing.T) {
	want := []Entry{
		{Entity: Entity{ID: "person/jo", Type: Person, Name: "Jo Doe", Code: "GBR", Country: "country/gbr", Title: "Minister"}, Names: []string{"Doe"}},
		{Entity: Entity{ID: "org/x", Type: Organization, Name: "X Corp", Code: "NGO"}},
	}
	for _, in := range []string{
		`[{"id": "person/jo", "type": "PERSON", "name": "Jo Doe", "aliases": ["Doe"], "code": "GBR", "country": "country/gbr", "title": "Minister"},
 {"id": "org/x", "type": "ORGANIZATION", "name": "X Corp", "code": "NGO"}]`,
		`{"id": "person/jo", "type": "PERSON", "name": "Jo Doe", "aliases": ["Doe"], "code": "GBR", "country": "country/gbr", "title": "Minister"}
{"id": "org/x", "type": "ORGANIZATION", "name": "X Corp", "code": "NGO"}
`,
	} {
		got, err := ReadGazetteerJSON(strings.NewReader(in), "in.json")
		if err != nil {
			t.Errorf("ReadGazetteerJSON: %v", err)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("ReadGazetteerJSON (-want +got):\n%s", d)
		}
	}
	for _, bad := range []struct{ in, want string }{
		{"[\n{\"id\": \"a/b\", \"name\": \"B\", \"type\": \"PERSON\"},\n{\"id\": \"\", \"name\": \"C\"}\n]", "in.json:3: empty id"},
		{"{\"id\": \"a/b\"}\n{\"id\": \"a/c\", \"colour\": \"red\"}\n", `in.json:2: json: unknown field "colour"`},
		{"[\n{\"id\": \"a/b\",\n", "in.json:2: unexpected EOF"},
		{"{\"id\": \"a/b\", \"type\": \"PERSON\"}", "in.json:1: a type but no name"},
	} {
		if _, err := ReadGazetteerJSON(strings.NewReader(bad.in), "in.json"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("ReadGazetteerJSON(%q): error %v, want %q", bad.in, err, bad.want)
		}
	}
}

// TestDefaultData checks the embedded data as a whole: codes, demonyms,
// links between entities, and that each hand-kept file is sorted.
func TestDefaultData(t *testing.T) {
	g := gzDefault(t)
	titles, err := DefaultTitles()
	if err != nil {
		t.Fatal(err)
	}
	entries, err := DefaultEntries()
	if err != nil {
		t.Fatal(err)
	}
	alpha2 := make(map[string]string)
	demonyms := make(map[string]int)
	for _, e := range entries {
		if e.Alpha2 != "" {
			alpha2[e.Entity.ID] = e.Alpha2
		}
		demonyms[e.Entity.ID] += len(e.Demonyms)
	}
	hasCapital := make(map[string]bool)
	// Countries with a capital but no demonym of their own, and why.
	noDemonym := map[string]string{
		"country/dma": `"Dominican" goes to the Dominican Republic`,
		"country/vat": "none in use",
	}
	counts := make(map[Type]int)
	for _, e := range g.Entities() {
		counts[e.Type]++
		switch e.Type {
		case Country:
			if e.ID != "country/"+strings.ToLower(e.Code) || len(e.Code) != 3 {
				t.Errorf("%s: code %q does not match its ID", e.ID, e.Code)
			}
			a2 := alpha2[e.ID]
			if len(a2) != 2 {
				t.Errorf("%s: no alpha-2 code", e.ID)
			}
			if c, ok := g.Country(a2); !ok || c.ID != e.ID {
				t.Errorf("Country(%q) = %s, want %s", a2, c.ID, e.ID)
			}
		case Location:
			c, ok := g.Entity(e.Country)
			if !ok || c.Type != Country || c.Code != e.Code {
				t.Errorf("%s: country %q, code %q: not a country with that code", e.ID, e.Country, e.Code)
			}
			hasCapital[e.Country] = true
		case Person:
			// People of the generated office_holders.tsv have dated
			// roles and, unless the dictionary names it, no title.
			if (e.Title == "" && len(g.Tenures(e.ID)) == 0) || e.Code == "" {
				t.Errorf("%s: no title or no code", e.ID)
			}
			if c, ok := g.Entity(e.Country); e.Country != "" && (!ok || c.Code != e.Code) {
				t.Errorf("%s: code %q is not that of country %q", e.ID, e.Code, e.Country)
			}
			ws := gzWords(e.Title)
			if title, end, _ := titles.Match(ws, 0); title != e.Title || end != len(ws) {
				t.Errorf("%s: title %q is not a canonical title of titles.tsv", e.ID, e.Title)
			}
		case Organization:
			if e.Code != "" && e.Code != "IGO" && e.Code != "NGO" {
				if c, ok := g.Entity(e.Country); !ok || c.Code != e.Code {
					t.Errorf("%s: code %q is not that of country %q", e.ID, e.Code, e.Country)
				}
			}
		}
	}
	// The heads of state or government of the G20 members and Ukraine.
	heads := make(map[string]bool)
	for _, e := range g.Entities() {
		if e.Type == Person && titles.Head(e.Title) {
			heads[e.Code] = true
		}
	}
	for _, code := range strings.Fields("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA UKR") {
		if !heads[code] {
			t.Errorf("no head of state or government of %s", code)
		}
	}
	for id := range hasCapital {
		if demonyms[id] == 0 && noDemonym[id] == "" {
			t.Errorf("%s has a capital but no demonym", id)
		}
	}
	if counts[Country] < 240 || counts[Location] < 195 || counts[Organization] < 100 || counts[Person] < 100 {
		t.Errorf("entities by type = %v, want at least 240 countries, 195 capitals, 100 organisations, 100 people", counts)
	}
	var igos int
	for _, e := range g.Entities() {
		if e.Code == "IGO" || e.Code == "NGO" {
			igos++
		}
	}
	if igos < 100 {
		t.Errorf("%d organisations with code IGO or NGO, want at least 100", igos)
	}
	for _, f := range defaultFiles[1:] {
		checkSorted(t, f.name, f.text)
	}
}

// checkSorted checks that a TSV file has a header and rows sorted by their
// first column, without duplicates.
func checkSorted(t *testing.T, name, text string) {
	t.Helper()
	var keys []string
	header := false
	for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			header = true
			continue
		}
		k, _, _ := strings.Cut(line, "\t")
		if n := len(keys); n > 0 && k <= keys[n-1] {
			t.Errorf("%s:%d: %q is not after %q", name, i+1, k, keys[n-1])
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		t.Errorf("%s: no rows", name)
	}
}

func TestGazetteerConcurrent(t *testing.T) {
	g := gzDefault(t)
	texts := []string{
		"French President Emmanuel Macron met Chinese leader Xi Jinping in Beijing.",
		"The U.S. and the EU urged Russia to end its war in Ukraine, Zelenskyy said.",
		"NATO, the WHO and Côte d'Ivoire; São Tomé and Príncipe; the DRC.",
	}
	want := make([][]Match, len(texts))
	for i, s := range texts {
		want[i] = g.Match(gzWords(s))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 50 {
				for i, s := range texts {
					if d := cmp.Diff(want[i], g.Match(gzWords(s))); d != "" {
						errs <- d
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for d := range errs {
		t.Errorf("concurrent Match differs from sequential (-want +got):\n%s", d)
	}
}

// oracleMatch is a slow Gazetteer.Match: it tries every name of every
// entity at every position, and returns the spans only.
func oracleMatch(names map[string][][]token, words []string) [][2]int {
	fits := func(w string, t token) bool {
		switch t.mode {
		case matchExact:
			return w == t.key
		case matchCap:
			return key(w) == t.key && hasUpper(w)
		}
		return key(w) == t.key
	}
	var out [][2]int
	for i := 0; i < len(words); {
		best := i
		for _, alts := range names {
			if i+len(alts) <= best || i+len(alts) > len(words) {
				continue
			}
			ok := true
			for k, alt := range alts {
				ok = ok && slices.ContainsFunc(alt, func(t token) bool { return fits(words[i+k], t) })
			}
			if ok {
				best = i + len(alts)
			}
		}
		if best == i {
			i++
			continue
		}
		out = append(out, [2]int{i, best})
		i = best
	}
	return out
}

func FuzzGazetteerMatch(f *testing.F) {
	for _, s := range []string{"The U.S. and EU", "Côte d’Ivoire", "South Korea Korea", "\x00\xff", "İstanbul ǅ ß",
		"Democratic Republic of the Congo", "democratic republic of the Congo", "UN Security Council"} {
		f.Add(s)
	}
	g, err := DefaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	entries, err := DefaultEntries()
	if err != nil {
		f.Fatal(err)
	}
	tk := tokenize.New()
	names := make(map[string][][]token)
	for _, e := range entries {
		for _, n := range slices.Concat([]string{e.Entity.Name}, e.Entity.Aliases, e.Names, e.Demonyms) {
			if n != "" {
				alts, err := nameTokens(tk, n, false)
				if err != nil {
					f.Fatal(err)
				}
				names[n] = alts
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		ws := gzWords(s)
		var got [][2]int
		for _, m := range g.Match(ws) {
			if _, ok := g.Entity(m.Entity.ID); !ok {
				t.Fatalf("Match(%q): unknown entity %q", ws, m.Entity.ID)
			}
			got = append(got, [2]int{m.Start, m.End})
		}
		if d := cmp.Diff(oracleMatch(names, ws), got); d != "" {
			t.Fatalf("Match(%q) spans (-oracle +got):\n%s", ws, d)
		}
	})
}

// benchWords returns the bundled article's words in sentences of about 25.
func benchWords(b *testing.B) [][]string {
	text, err := os.ReadFile("../corpus/testdata/article.txt")
	if err != nil {
		b.Skipf("no bundled article: %v", err)
	}
	ws := gzWords(string(text))
	var out [][]string
	for len(ws) > 0 {
		n := min(25, len(ws))
		out = append(out, ws[:n])
		ws = ws[n:]
	}
	return out
}

func BenchmarkGazetteerMatch(b *testing.B) {
	g := gzDefault(b)
	runtime.GC() // not the building's garbage collected during the timing
	sents := benchWords(b)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	b.ReportAllocs()
	b.Run("serial", func(b *testing.B) {
		for b.Loop() {
			for _, s := range sents {
				g.Match(s)
			}
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("parallel", func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				for _, s := range sents {
					g.Match(s)
				}
			}
		})
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "words/s")
	})
}

func BenchmarkDefaultGazetteerLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		es, err := DefaultEntries()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := NewGazetteer(es); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleGazetteer_Match() {
	g, err := DefaultGazetteer()
	if err != nil {
		panic(err)
	}
	// Words as package corpus splits them: "Xi's" is "Xi" "'s".
	words := []string{"French", "President", "Emmanuel", "Macron", "met", "Xi", "'s", "envoy", "in", "the", "U.S.", "and", "South", "Korea", "."}
	for _, m := range g.Match(words) {
		fmt.Printf("%d-%d %s %s %s\n", m.Start, m.End, m.Form, m.Entity.ID, m.Entity.Code)
	}
	// Output:
	// 0-1 demonym country/fra FRA
	// 2-4 name person/emmanuel-macron FRA
	// 5-6 name person/xi-jinping CHN
	// 10-11 name country/usa USA
	// 12-14 name country/kor KOR
}

func ExampleGazetteer_With() {
	// A user's own entries, in the format of the default files.
	const mine = `# my gazetteer
id	type	name	aliases	code	country	title
org/acme	ORGANIZATION	Acme Corporation	Acme	USA	country/usa
person/jane-roe	PERSON	Jane Roe	Roe	GBR	country/gbr	Minister
`
	entries, err := ReadGazetteer(strings.NewReader(mine), "mine.tsv")
	if err != nil {
		panic(err)
	}
	def, err := DefaultGazetteer()
	if err != nil {
		panic(err)
	}
	g, err := def.With(entries...)
	if err != nil {
		panic(err)
	}
	words := []string{"Roe", "of", "Britain", "visited", "Acme", "."}
	for _, m := range g.Match(words) {
		fmt.Println(words[m.Start], m.Entity.ID, m.Entity.Country, m.Source)
	}
	// Output:
	// Roe person/jane-roe country/gbr user
	// Britain country/gbr  gazetteer
	// Acme org/acme country/usa user
}

func ExampleGazetteer_Lookup() {
	g, err := DefaultGazetteer()
	if err != nil {
		panic(err)
	}
	for _, name := range []string{"Britain", "french", "Zelensky", "us"} {
		for _, e := range g.Lookup(name) {
			fmt.Printf("%s: %s %s %q\n", name, e.ID, e.Type, e.Name)
		}
	}
	// Output:
	// Britain: country/gbr COUNTRY "United Kingdom"
	// french: country/fra COUNTRY "France"
	// Zelensky: person/volodymyr-zelenskyy PERSON "Volodymyr Zelenskyy"
}

func ExampleReadGazetteerJSON() {
	const in = `[
  {"id": "person/jane-roe", "type": "PERSON", "name": "Jane Roe", "aliases": ["Roe"],
   "code": "GBR", "country": "country/gbr", "title": "Minister"},
  {"id": "org/acme", "type": "ORGANIZATION", "name": "Acme", "code": "NGO"},
  {"id": "", "name": "No ID"}
]`
	entries, err := ReadGazetteerJSON(strings.NewReader(in), "mine.json")
	fmt.Println(err)
	for _, e := range entries {
		fmt.Println(e.Entity.ID, e.Entity.Name, e.Names)
	}
	// Output:
	// mine.json:5: empty id
	// person/jane-roe Jane Roe [Roe]
	// org/acme Acme []
}

func TestNewID(t *testing.T) {
	tests := []struct {
		t    Type
		name string
		want string
	}{
		{Person, "Xi Jinping", "person/xi-jinping"},
		{Country, "France", "country/france"},
		{Organization, "European Union", "org/european-union"},
		{Location, "Beijing", "location/beijing"},
		{Group, "egy police", "group/egy-police"},
		{"OTHER", "X", "entity/x"},
	}
	for _, tt := range tests {
		if got := NewID(tt.t, tt.name); got != tt.want {
			t.Errorf("NewID(%s, %q) = %q, want %q", tt.t, tt.name, got, tt.want)
		}
	}
}

// TestDefaultCodes pins the actor codes event data gives kinds of entities
// the default gazetteer holds: former leaders their country's, movements of
// one country that country's, movements of many none.
func TestDefaultCodes(t *testing.T) {
	g := gzDefault(t)
	for id, want := range map[string]string{
		"person/ronald-reagan":                  "USA",
		"person/jean-bertrand-aristide":         "HTI",
		"person/kofi-annan":                     "IGO",
		"org/hezbollah":                         "LBN",
		"org/kurdistan-workers-party":           "TUR",
		"org/palestine-liberation-organization": "PSE",
		"org/islamic-salvation-front":           "DZA",
		"org/al-qaeda":                          "",
		"org/islamic-state":                     "",
	} {
		e, ok := g.Entity(id)
		if !ok {
			t.Errorf("no entity %s", id)
			continue
		}
		if e.Code != want {
			t.Errorf("%s: code %q, want %q", id, e.Code, want)
		}
	}
}

// syntheticEntries returns n made-up people and organisations with two- or
// three-word names from a fixed seed, as a user's big gazetteer would have.
func syntheticEntries(n int) []Entry {
	rng := rand.New(rand.NewPCG(1, 2))
	syl := []string{"ka", "lo", "mi", "ra", "to", "ven", "dor", "sel", "ari", "bu", "qui", "zan", "fe", "gor", "hil", "nu"}
	word := func() string {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syl[rng.IntN(len(syl))])
		}
		w := b.String()
		return strings.ToUpper(w[:1]) + w[1:]
	}
	out := make([]Entry, n)
	for i := range out {
		name := word() + " " + word()
		typ := Person
		if i%3 == 0 {
			name += " " + word()
			typ = Organization
		}
		out[i] = Entry{Entity: Entity{ID: fmt.Sprintf("x/%d", i), Name: name, Type: typ}}
	}
	return out
}

// BenchmarkMillionNames builds the default gazetteer extended with a
// million synthetic names, and matches the bundled article with it (compare
// words/s with BenchmarkGazetteerMatch).
func BenchmarkMillionNames(b *testing.B) {
	g := gzDefault(b)
	es := syntheticEntries(1_000_000)
	var big *Gazetteer
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			var err error
			if big, err = g.With(es...); err != nil {
				b.Fatal(err)
			}
		}
	})
	if big == nil {
		return
	}
	runtime.GC()
	sents := benchWords(b)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	b.Run("match", func(b *testing.B) {
		for b.Loop() {
			for _, s := range sents {
				big.Match(s)
			}
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "words/s")
	})
}
