package parse_test

import (
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph/corpus/parse"
)

func ExampleParser_Parse() {
	p, err := parse.Default()
	if err != nil {
		log.Fatal(err)
	}
	words := []string{"The", "two", "leaders", "met", "in", "Beijing", "on", "Monday", "."}
	tags := []string{"DT", "CD", "NNS", "VBD", "IN", "NNP", "IN", "NNP", "."} // as prose tags them
	tree, err := p.Parse(words, tags)
	if err != nil {
		log.Fatal(err)
	}
	for i, w := range words {
		head := "ROOT"
		if h := tree.Head[i]; h >= 0 {
			head = words[h]
		}
		fmt.Printf("%-9s %-7s %s\n", w, tree.Rel[i], head)
	}
	// Output:
	// The       det     leaders
	// two       nummod  leaders
	// leaders   nsubj   met
	// met       root    ROOT
	// in        case    Beijing
	// Beijing   obl     met
	// on        case    Monday
	// Monday    obl     met
	// .         punct   met
}
