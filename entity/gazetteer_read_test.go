package entity

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// errorLines returns "file:line: message" for each error of a ParseErrors.
func errorLines(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var l ParseErrors
	if !errors.As(err, &l) {
		t.Fatalf("error %T %v is not a ParseErrors", err, err)
	}
	var out []string
	for _, e := range l {
		out = append(out, e.Error())
	}
	return out
}

func TestReadGazetteerBadRows(t *testing.T) {
	in := "id\ttype\tname\tcode\tcountry\n" +
		"person/a\tPERSON\tAnn \xffA\tFRA\tcountry/fra\n" + // 2: invalid UTF-8
		"person/b\tPERSON\tBen B\tFRA\tcountry/fra\n" + // 3: good, a default country
		"person/c\tPERSON\tCal C\tXXX\tcountry/xland\n" + // 4: good, a country defined below
		"person/d\tPERSON\tDee D\tFRA\tFrance\n" + // 5: not an ID
		"person/e\tPERSON\tEve E\tZZZ\tcountry/zzz\n" + // 6: no such country
		"country/xland\tCOUNTRY\tXland\tXXX\n" + // 7: good
		"# \xfe in a comment is still reported\n" // 8
	got, err := ReadGazetteer(strings.NewReader(in), "p.tsv")
	var ids []string
	for _, e := range got {
		ids = append(ids, e.Entity.ID)
	}
	if d := cmp.Diff([]string{"person/b", "person/c", "country/xland"}, ids); d != "" {
		t.Errorf("entries (-want +got):\n%s", d)
	}
	want := []string{
		"p.tsv:2: invalid UTF-8 at byte 20 of the line",
		`p.tsv:5: country "France" names no entity (want the id of a country, such as "country/fra", in this file or the defaults)`,
		`p.tsv:6: country "country/zzz" names no entity (want the id of a country, such as "country/fra", in this file or the defaults)`,
		"p.tsv:8: invalid UTF-8 at byte 2 of the line",
	}
	if d := cmp.Diff(want, errorLines(t, err)); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
	// The message lists every error, one a line.
	if d := cmp.Diff(strings.Join(want, "\n"), err.Error()); d != "" {
		t.Errorf("Error() (-want +got):\n%s", d)
	}
}

// A bad header ends the reading, with the header's error alone.
func TestReadGazetteerBadHeader(t *testing.T) {
	_, err := ReadGazetteer(strings.NewReader("id\tna\xffme\nx/y\tY\n"), "h.tsv")
	if d := cmp.Diff([]string{"h.tsv:1: invalid UTF-8 at byte 5 of the line"}, errorLines(t, err)); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
}

// Every bad line is reported, not the first and a count.
func TestReadGazetteerEveryError(t *testing.T) {
	var b strings.Builder
	b.WriteString("id\ttype\tname\n")
	for i := range 20 {
		fmt.Fprintf(&b, "x/%d\tTHING\tX\n", i)
	}
	_, err := ReadGazetteer(strings.NewReader(b.String()), "many.tsv")
	lines := errorLines(t, err)
	if len(lines) != 20 || strings.Count(err.Error(), "\n") != 19 || strings.Contains(err.Error(), "more") {
		t.Errorf("%d errors, message %q; want all 20, one a line", len(lines), err.Error())
	}
}

func TestReadGazetteerJSONBadObjects(t *testing.T) {
	in := "[\n" +
		`{"id": "person/a", "type": "PERSON", "name": "Ann` + "\xff" + `"},` + "\n" + // 2
		`{"id": "person/b", "type": "PERSON", "name": "Ben", "country": "country/fra"},` + "\n" + // 3
		`{"id": "person/c", "type": "PERSON", "name": "Cal", "country": "country/zzz"},` + "\n" + // 4
		`{"id": "person/d", "type": "PERSON", "name": "Dee", "country": "country/xl"},` + "\n" + // 5
		`{"id": "country/xl", "type": "COUNTRY", "name": "Xl"},` + "\n" + // 6
		`{"id": "person/e", "colour": "red"}` + "\n" + // 7
		"]\n"
	got, err := ReadGazetteerJSON(strings.NewReader(in), "g.json")
	var ids []string
	for _, e := range got {
		ids = append(ids, e.Entity.ID)
	}
	if d := cmp.Diff([]string{"person/b", "person/d", "country/xl"}, ids); d != "" {
		t.Errorf("entries (-want +got):\n%s", d)
	}
	want := []string{
		"g.json:2: invalid UTF-8 at byte 49 of the line",
		`g.json:4: country "country/zzz" names no entity (want the id of a country, such as "country/fra", in this file or the defaults)`,
		`g.json:7: json: unknown field "colour"`,
	}
	if d := cmp.Diff(want, errorLines(t, err)); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
}

// Many bad objects are reported in linear time: 200,000 took 69-103 s when
// each error counted the lines from the start of the input; now about 1 s.
func TestReadGazetteerJSONManyBad(t *testing.T) {
	if testing.Short() {
		t.Skip("200,000 objects")
	}
	const n = 200_000
	var b strings.Builder
	b.WriteString("[\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"id": "", "name": "Nobody", "type": "PERSON"}`)
	}
	b.WriteString("\n]\n")
	start := time.Now()
	_, err := ReadGazetteerJSON(strings.NewReader(b.String()), "bad.json")
	took := time.Since(start)
	t.Logf("%d bad objects read in %v", n, took)
	var l ParseErrors
	if !errors.As(err, &l) || len(l) != n {
		t.Fatalf("got %d errors, want %d", len(l), n)
	}
	for i, e := range l {
		if e.Line != i+2 {
			t.Fatalf("error %d on line %d, want %d", i, e.Line, i+2)
		}
	}
	if took > 20*time.Second {
		t.Errorf("took %v; want about a second", took)
	}
}
