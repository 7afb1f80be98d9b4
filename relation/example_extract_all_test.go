package relation_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/relation"
)

// Extract a corpus of JSON Lines with two workers, results in input order,
// a bad line reported in its place.
func ExampleExtractor_ExtractAll() {
	ex, err := relation.NewExtractor()
	if err != nil {
		log.Fatal(err)
	}
	news := `{"id":"a","text":"Germany condemned Russia."}
{"id":"b","text":
{"id":"c","text":"French President Emmanuel Macron met Chinese leader Xi Jinping in Beijing."}
`
	r := corpus.NewJSONLReader(strings.NewReader(news), "news.jsonl")
	corpusGraph := relation.NewGraph()
	for res, err := range ex.ExtractAll(context.Background(), relation.Documents(r), 2) {
		if err != nil {
			fmt.Println("skipped:", err)
			continue
		}
		for _, rel := range res.Relations {
			fmt.Printf("%s: %s %s %s\n", res.Document.ID, rel.Source, rel.Type, rel.Target)
		}
		g, err := res.Graph()
		if err != nil {
			log.Fatal(err)
		}
		corpusGraph.Merge(g)
	}
	fmt.Println(len(corpusGraph.Edges()), "edges in the corpus graph")
	// Output:
	// a: country/deu CRITICIZE country/rus
	// skipped: corpus: news.jsonl:2: unexpected end of JSON input
	// c: person/emmanuel-macron MEET person/xi-jinping
	// c: person/emmanuel-macron VISIT location/beijing
	// c: person/emmanuel-macron LEADER_OF country/fra
	// c: person/xi-jinping LEADER_OF country/chn
	// 5 edges in the corpus graph
}
