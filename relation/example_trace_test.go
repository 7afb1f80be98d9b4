package relation_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/relation"
)

// Traced shows how each relation was read: "recalled" has no subject of
// its own and takes Japan's from the verb it is coordinated with (the
// rule inherited-subject); its "from" oblique names Beijing, which stands
// for China's government.
func ExampleExtractor_Traced() {
	x, err := relation.NewExtractor()
	if err != nil {
		log.Fatal(err)
	}
	doc := &corpus.Document{ID: "d1", Text: "Japan protested to China on Monday and recalled its ambassador from Beijing."}
	res, err := x.Traced(os.Stdout).Extract(context.Background(), doc)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range res.Relations {
		fmt.Println(r.Source, r.Type, r.Target, r.Evidence.Rule)
	}
	// Output:
	// d1:0: sentence "Japan protested to China on Monday and recalled its ambassador from Beijing."
	// d1:0: cue "protested" CRITICIZE at token 1
	// d1:0:   actor slots subj: country/jpn
	// d1:0:   target slots prep:to: country/chn
	// d1:0: cue "recalled" SANCTION at token 7
	// d1:0:   actor slots subj: -
	// d1:0:   target slots prep:from,prep:to: location/beijing
	// d1:0:   actor rule inherited-subject: country/jpn
	// country/jpn CRITICIZE country/chn actor=subj;target=prep:to
	// country/jpn SANCTION country/chn actor=inherited-subject;target=prep:from
}
