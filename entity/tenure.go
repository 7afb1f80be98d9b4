package entity

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Tenure is a period in which a person held an office or acted for a
// country or an organisation, as event data's actor dictionaries date them
// ("[DEUGOV >051122]": for Germany's government from 22 November 2005).
type Tenure struct {
	Code    string    // actor code in that period: "DEU", "IGO"
	Country string    // ID of the country acted for, empty for an IGO or NGO
	Title   string    // the office, empty when unknown
	Start   time.Time // first day; zero when unknown
	End     time.Time // last day; zero while open
}

// Holds reports whether the tenure covers the day of t.
func (t Tenure) Holds(d time.Time) bool {
	day := func(x time.Time) string { return x.Format("2006-01-02") }
	return (t.Start.IsZero() || day(t.Start) <= day(d)) && (t.End.IsZero() || day(d) <= day(t.End))
}

// Latest is the value of [Entity.AsOf] when an entity's code, country and
// title are its latest known ones, not those of a given date.
const Latest = "latest"

// ReadTenures reads the dated roles of entities from TSV text: a header
// "id<TAB>roles", then a line per entity whose roles are separated by "|",
// each CODE:START:END:TITLE with dates as YYYY-MM-DD, empty when unknown or
// open, and the title optional:
//
//	id	roles
//	person/gerhard-schroder	DEU:1998-10-27:2005-11-22:Chancellor|DEU:1990-06-21:1998-10-27:
//
// A three-letter upper-case code other than IGO, NGO and MNC is a
// country's, and gives the tenure its Country. Each entry has only an ID
// and Tenures: it adds them to an entity defined elsewhere. name names the
// input in errors, which are [*ParseError]s joined.
func ReadTenures(r io.Reader, name string) ([]Entry, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{name, 1, err}
	}
	return readTenures(string(b), name)
}

func readTenures(text, name string) ([]Entry, error) {
	out := make([]Entry, 0, strings.Count(text, "\n"))
	err := readTSV(strings.NewReader(text), name, []string{"id", "roles"}, "id", func(cols, fields []string, bad func(string, ...any)) {
		var e Entry
		for i, f := range fields {
			switch cols[i] {
			case "id":
				e.Entity.ID = strings.TrimSpace(f)
			case "roles":
				e.Tenures = make([]Tenure, 0, strings.Count(f, "|")+1)
				for _, s := range list(f) {
					t, err := parseTenure(s)
					if err != nil {
						bad("%v", err)
						return
					}
					e.Tenures = append(e.Tenures, t)
				}
			}
		}
		if err := checkEntry(e); err != nil {
			bad("%v", err)
			return
		}
		out = append(out, e)
	})
	return out, err
}

func parseTenure(s string) (Tenure, error) {
	return parseTenureIn(s, func(code string) string { return "country/" + strings.ToLower(code) })
}

// parseTenureIn parses a role as parseTenure does, taking the country ID of
// a code from countryID.
func parseTenureIn(s string, countryID func(code string) string) (Tenure, error) {
	n := strings.Count(s, ":") + 1
	if n < 3 || n > 4 {
		return Tenure{}, fmt.Errorf("role %q: want CODE:START:END or CODE:START:END:TITLE", s)
	}
	var f [4]string
	rest := s
	for i := range n - 1 {
		f[i], rest, _ = strings.Cut(rest, ":")
	}
	f[n-1] = rest
	t := Tenure{Code: f[0]}
	if t.Code == "" {
		return Tenure{}, fmt.Errorf("role %q: no code", s)
	}
	if len(t.Code) == 3 && isUpperASCII(t.Code) && t.Code != "IGO" && t.Code != "NGO" && t.Code != "MNC" {
		t.Country = countryID(t.Code)
	}
	for i, dst := range []*time.Time{&t.Start, &t.End} {
		if f[i+1] == "" {
			continue
		}
		d, err := time.Parse("2006-01-02", f[i+1])
		if err != nil {
			return Tenure{}, fmt.Errorf("role %q: date %q is not YYYY-MM-DD", s, f[i+1])
		}
		*dst = d
	}
	if !t.Start.IsZero() && !t.End.IsZero() && t.End.Before(t.Start) {
		return Tenure{}, fmt.Errorf("role %q: ends before it starts", s)
	}
	if n == 4 {
		t.Title = strings.TrimSpace(f[3])
	}
	return t, nil
}

// readEmbeddedTenures reads embedded roles text as readTenures does, in
// place: IDs and titles are substrings of text, a country's ID is made once
// per code, and the lines and role lists are not copied. On anything
// readTenures would report, or a header other than "id<TAB>roles", it
// falls back to readTenures, for the same error.
func readEmbeddedTenures(text, name string) ([]Entry, error) {
	fallback := func() ([]Entry, error) { return readTenures(text, name) }
	if strings.HasPrefix(text, "\ufeff") {
		return fallback()
	}
	countries := map[string]string{}
	countryID := func(code string) string {
		id, ok := countries[code]
		if !ok {
			id = "country/" + strings.ToLower(code)
			countries[code] = id
		}
		return id
	}
	out := make([]Entry, 0, strings.Count(text, "\n"))
	header := false
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		id, roles, two := strings.Cut(line, "\t")
		if !header {
			if strings.TrimSpace(id) != "id" || !two || strings.TrimSpace(roles) != "roles" {
				return fallback()
			}
			header = true
			continue
		}
		if strings.Contains(roles, "\t") {
			return fallback() // more fields than columns
		}
		var e Entry
		e.Entity.ID = strings.TrimSpace(id)
		if two {
			e.Tenures = make([]Tenure, 0, strings.Count(roles, "|")+1)
			for r := range strings.SplitSeq(roles, "|") {
				if r = strings.TrimSpace(r); r == "" {
					continue
				}
				t, err := parseTenureIn(r, countryID)
				if err != nil {
					return fallback()
				}
				e.Tenures = append(e.Tenures, t)
			}
		}
		if checkEntry(e) != nil {
			return fallback()
		}
		out = append(out, e)
	}
	if !header {
		return fallback()
	}
	return out, nil
}

// sortTenures returns ts oldest first, sorted stably: ts itself when it is
// already, a sorted copy otherwise (it is not the caller's to sort).
func sortTenures(ts []Tenure) []Tenure {
	byStart := func(a, b Tenure) int { return a.Start.Compare(b.Start) }
	if !slices.IsSortedFunc(ts, byStart) {
		ts = slices.Clone(ts)
		slices.SortStableFunc(ts, byStart)
	}
	return slices.Clip(ts)
}

// tenuresOf returns the tenures of entity i, oldest first, reading them
// first if they are read late.
func (g *Gazetteer) tenuresOf(i int) []Tenure {
	if g.lateTenures != nil {
		g.tenureOnce.Do(g.readLateTenures)
	}
	if g.tenures == nil {
		return nil
	}
	return g.tenures[i]
}

// readLateTenures gives the entities the tenures of g.lateTenures as build
// would have: those of an entity's entries joined in order, then sorted.
func (g *Gazetteer) readLateTenures() {
	var ts [][]Tenure
	for _, e := range g.lateTenures() {
		i, ok := g.find(e.Entity.ID)
		if !ok || len(e.Tenures) == 0 {
			continue // build rejects an ID without an entity
		}
		if ts == nil {
			ts = make([][]Tenure, len(g.entities))
		}
		if ts[i] == nil {
			ts[i] = e.Tenures
		} else {
			ts[i] = append(slices.Clip(ts[i]), e.Tenures...)
		}
	}
	for i := range ts {
		if len(ts[i]) > 0 {
			ts[i] = sortTenures(ts[i])
		}
	}
	g.tenures = ts
}

// Tenures returns the dated roles of the entity with the given ID, oldest
// first, or nil.
func (g *Gazetteer) Tenures(id string) []Tenure {
	i, ok := g.find(id)
	if !ok {
		return nil
	}
	return slices.Clone(g.tenuresOf(i))
}

// EntityAt returns the entity with the given ID as it was on the given
// day: for a person with dated roles ([Entry.Tenures]), the code, country
// and title of the role held that day (the latest begun, when several),
// and AsOf set to the day; with a zero date, or no role held that day, the
// entity's own (latest) code, country and title, and AsOf "latest". An
// entity without dated roles is returned as [Gazetteer.Entity] returns it.
func (g *Gazetteer) EntityAt(id string, date time.Time) (Entity, bool) {
	i, ok := g.find(id)
	if !ok {
		return Entity{}, false
	}
	e := clone(g.entities[i])
	ts := g.tenuresOf(i)
	if len(ts) == 0 {
		return e, true
	}
	e.AsOf = Latest
	if date.IsZero() {
		return e, true
	}
	best := -1
	for i, t := range ts {
		if t.Holds(date) && (best < 0 || !t.Start.Before(ts[best].Start)) {
			best = i
		}
	}
	if best < 0 {
		return e, true
	}
	t := ts[best]
	latest := true
	for _, o := range ts {
		latest = latest && !o.Start.After(t.Start)
	}
	e.Code, e.Country, e.AsOf = t.Code, t.Country, date.Format("2006-01-02")
	if t.Title != "" || !latest {
		e.Title = t.Title
	}
	return e, true
}
