package entity_test

import (
	"context"
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
)

// Recognize the entities of an analysed document and the offices it states.
func ExampleRecognizer_Recognize() {
	a, err := corpus.New()
	if err != nil {
		log.Fatal(err)
	}
	r, err := entity.NewRecognizer()
	if err != nil {
		log.Fatal(err)
	}
	doc := &corpus.Document{ID: "a1", Text: "Ukrainian President Volodymyr Zelenskyy met EU officials in Brussels. Zelenskyy thanked them."}
	if err := a.Analyze(context.Background(), doc); err != nil {
		log.Fatal(err)
	}
	res, err := r.Recognize(context.Background(), doc)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range res.Mentions {
		fmt.Printf("%d:%d %q %s %s %s\n", m.Start, m.End, m.Text, m.Form, m.Type, m.Entity)
	}
	for _, ro := range res.Roles {
		fmt.Println(ro.Person, ro.Title, ro.Country, ro.Head)
	}
	// Output:
	// 0:9 "Ukrainian" demonym COUNTRY country/ukr
	// 20:39 "Volodymyr Zelenskyy" name PERSON person/volodymyr-zelenskyy
	// 44:46 "EU" name ORGANIZATION org/european-union
	// 60:68 "Brussels" name LOCATION location/brussels
	// 70:79 "Zelenskyy" name PERSON person/volodymyr-zelenskyy
	// person/volodymyr-zelenskyy President country/ukr true
}

// A user's own gazetteer entry wins over every other signal for its span.
func ExampleWithEntries() {
	a, err := corpus.New()
	if err != nil {
		log.Fatal(err)
	}
	mine := entity.Entry{
		Entity: entity.Entity{ID: "org/acme-relief", Name: "Acme Relief", Type: entity.Organization, Code: "NGO"},
		Names:  []string{"Acme Relief", "ACR"},
	}
	r, err := entity.NewRecognizer(entity.WithEntries(mine))
	if err != nil {
		log.Fatal(err)
	}
	doc := &corpus.Document{ID: "a2", Text: "ACR sent aid to Sudan."}
	if err := a.Analyze(context.Background(), doc); err != nil {
		log.Fatal(err)
	}
	res, err := r.Recognize(context.Background(), doc)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range res.Mentions {
		fmt.Println(m.Text, m.Entity, m.Source)
	}
	// Output:
	// ACR org/acme-relief user
	// Sudan country/sdn gazetteer
}
