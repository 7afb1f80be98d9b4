package data_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/entity/data"
	"github.com/newsgraph/newsgraph/entity/internal/gen"
)

// TestCountriesUpToDate checks that countries.tsv is what gen.go makes from
// the CLDR data of the golang.org/x/text in go.mod; run go generate if not.
func TestCountriesUpToDate(t *testing.T) {
	var buf bytes.Buffer
	if err := gen.WriteTSV(&buf, gen.Countries()); err != nil {
		t.Fatal(err)
	}
	if buf.String() != data.Countries {
		t.Error("countries.tsv is out of date: run go generate ./entity/data")
	}
}

// TestImportsNothing checks that the package stays a data leaf: it imports
// only the standard library's embed.
func TestImportsNothing(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{join .Imports " "}}`, ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != "embed" {
		t.Errorf("package data imports %q, want only embed", got)
	}
}

// TestPlacesRows checks the form of places.tsv rows beyond what
// entity.ReadGazetteer checks: the columns of capitals.tsv, LOCATION entities
// whose country ID agrees with their code, and no name given twice, in any
// case.
func TestPlacesRows(t *testing.T) {
	header := func(text string) string {
		for line := range strings.SplitSeq(text, "\n") {
			if line != "" && !strings.HasPrefix(line, "#") {
				return line
			}
		}
		return ""
	}
	if got, want := header(data.Places), header(data.Capitals); got != want {
		t.Fatalf("places.tsv header %q, want that of capitals.tsv, %q", got, want)
	}
	names := make(map[string]string)
	rows := 0
	for i, line := range strings.Split(strings.TrimSuffix(data.Places, "\n"), "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "id\t") {
			continue
		}
		rows++
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			t.Errorf("places.tsv:%d: %d fields, want 6", i+1, len(f))
			continue
		}
		id, typ, name, aliases, code, country := f[0], f[1], f[2], f[3], f[4], f[5]
		if !strings.HasPrefix(id, "location/") || typ != "LOCATION" || name == "" {
			t.Errorf("places.tsv:%d: id %q, type %q, name %q: want a named LOCATION with a location/ ID", i+1, id, typ, name)
		}
		if len(code) != 3 || country != "country/"+strings.ToLower(code) {
			t.Errorf("places.tsv:%d: code %q and country %q disagree", i+1, code, country)
		}
		all := []string{name}
		if aliases != "" {
			all = append(all, strings.Split(aliases, "|")...)
		}
		for _, n := range all {
			k := strings.ToLower(n)
			if other, ok := names[k]; ok {
				t.Errorf("places.tsv:%d: name %q of %s is also a name of %s (names match in any case)", i+1, n, id, other)
			}
			names[k] = id
		}
	}
	if rows < 250 {
		t.Errorf("places.tsv has %d rows, want at least 250", rows)
	}
}

// TestActorsUpToDate checks that parties.tsv, actors.tsv,
// office_holders.tsv and roles.tsv are what gen_actors.go makes from the
// shared data folder; run go generate if not. It needs NEWSGRAPH_DATA.
func TestActorsUpToDate(t *testing.T) {
	dir := os.Getenv("NEWSGRAPH_DATA")
	if dir == "" {
		t.Skip("NEWSGRAPH_DATA is not set: skipping the check of the generated actor files")
	}
	if testing.Short() {
		t.Skip("-short: skipping the check of the generated actor files (reads 60 MB)")
	}
	out := t.TempDir()
	if err := gen.WriteActors(dir, out, data.BaseFiles(), data.Titles); err != nil {
		t.Fatal(err)
	}
	embedded := map[string]string{"parties.tsv": data.Parties, "actors.tsv": data.Actors,
		"office_holders.tsv": data.OfficeHolders, "roles.tsv": data.Roles}
	for _, name := range gen.ActorFiles {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != embedded[name] {
			t.Errorf("%s is out of date: run go generate ./entity/data", name)
		}
	}
}
