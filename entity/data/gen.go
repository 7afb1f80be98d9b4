//go:build ignore

// gen writes countries.tsv from the CLDR data in golang.org/x/text.
//
//	go run gen.go [-o countries.tsv]
package main

import (
	"bytes"
	"flag"
	"log"
	"os"

	"github.com/newsgraph/newsgraph/entity/internal/gen"
)

func main() {
	out := flag.String("o", "countries.tsv", "output file")
	flag.Parse()
	var buf bytes.Buffer
	if err := gen.WriteTSV(&buf, gen.Countries()); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
