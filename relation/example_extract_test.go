package relation_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/relation"
)

// Extract one article with the embedded defaults and print its relations.
func ExampleExtractor_Extract() {
	ex, err := relation.NewExtractor()
	if err != nil {
		log.Fatal(err)
	}
	doc := &corpus.Document{ID: "a1", Text: "French President Emmanuel Macron met German Chancellor Friedrich Merz in Berlin. " +
		"Macron urged Russia to end the war."}
	res, err := ex.Extract(context.Background(), doc)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range res.Relations {
		fmt.Printf("%s %s %s (%q)\n", r.Source, r.Type, r.Target, r.Evidence.Cue)
	}
	// Output:
	// person/emmanuel-macron MEET person/friedrich-merz ("met")
	// person/emmanuel-macron VISIT location/berlin ("met")
	// person/emmanuel-macron LEADER_OF country/fra ("French President Emmanuel Macron")
	// person/friedrich-merz LEADER_OF country/deu ("German Chancellor Friedrich Merz")
	// person/emmanuel-macron URGE country/rus ("urged")
}

// Add a relation cue of your own, in the default lexicon's TSV format.
func ExampleWithCues() {
	cues, err := relation.ReadCues(strings.NewReader("rebuke\tVERB\tCRITICIZE\tsubj\tobj\n"), "mine.tsv")
	if err != nil {
		log.Fatal(err)
	}
	ex, err := relation.NewExtractor(relation.WithCues(cues...))
	if err != nil {
		log.Fatal(err)
	}
	res, err := ex.Extract(context.Background(), &corpus.Document{ID: "a2", Text: "Germany rebuked Hungary."})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range res.Relations {
		fmt.Println(r.Source, r.Type, r.Target)
	}
	// Output:
	// country/deu CRITICIZE country/hun
}
