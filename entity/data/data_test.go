package data_test

import (
	"bytes"
	"os/exec"
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
