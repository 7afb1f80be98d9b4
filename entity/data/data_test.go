package data_test

import (
	"bytes"
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
