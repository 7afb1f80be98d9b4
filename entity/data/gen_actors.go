//go:build ignore

// gen_actors writes parties.tsv, actors.tsv, office_holders.tsv and
// roles.tsv from Party Facts and the PETRARCH-2 Phoenix actor dictionaries
// of the shared data folder ($NEWSGRAPH_DATA, or -data).
//
//	go run gen_actors.go [-data ../../../shared/data] [-o .]
package main

import (
	"cmp"
	"flag"
	"log"
	"os"

	"github.com/newsgraph/newsgraph/entity/data"
	"github.com/newsgraph/newsgraph/entity/internal/gen"
)

func main() {
	dir := flag.String("data", cmp.Or(os.Getenv("NEWSGRAPH_DATA"), "../../../shared/data"), "the shared data folder")
	out := flag.String("o", ".", "output folder")
	flag.Parse()
	if err := gen.WriteActors(*dir, *out, data.BaseFiles(), data.Titles); err != nil {
		log.Fatal(err)
	}
}
