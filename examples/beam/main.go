// Command beam runs newsgraph's extraction on Apache Beam, for corpora
// beyond one machine: it reads JSON Lines files (gzip-compressed when their
// names end in .gz), extracts every document on the runner's workers, and
// writes each document's graph, the merged corpus graph and the bad lines.
//
// Usage:
//
//	beam -input 'news/*.jsonl.gz' [-input MORE] -output out/corpus [-evidence 5] [-runner direct|prism|dataflow|flink|spark ...]
//
// It writes out/corpus-graphs.jsonl (one line per document, as the
// newsgraph command's -format graphs), out/corpus-entities.jsonl and
// out/corpus-relations.jsonl (the corpus graph, one entity or relation a
// line, in the graph JSON of relation.Graph.WriteJSON, each relation with
// its count and at most -evidence pieces of evidence) and
// out/corpus-errors.txt (each line that could not be read or extracted).
// See README.md for the runners.
package main

import (
	"context"
	"flag"
	"log"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

// globs is a flag that may be given many times.
type globs []string

func (g *globs) String() string     { return strings.Join(*g, ",") }
func (g *globs) Set(s string) error { *g = append(*g, s); return nil }

func main() {
	var inputs globs
	flag.Var(&inputs, "input", "JSON Lines files to read, a glob (local, gs://, s3:// ...); repeatable")
	output := flag.String("output", "", "prefix of the output files (local, gs://, s3:// ...)")
	evidence := flag.Int("evidence", 5, "pieces of evidence kept for each relation of the corpus graph")
	flag.Parse()
	beam.Init()
	if len(inputs) == 0 || *output == "" {
		log.Fatal("beam: -input and -output are required")
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, inputs, OutputsFor(*output), *evidence)
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("beam: %v", err)
	}
}
