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
	words := []string{"The", "French", "president", "visited", "Kyiv", "last", "week", "."}
	tags := []string{"DT", "JJ", "NN", "VBD", "NNP", "JJ", "NN", "."} // as prose tags them
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
	// The       det     president
	// French    amod    president
	// president nsubj   visited
	// visited   root    ROOT
	// Kyiv      obj     visited
	// last      amod    week
	// week      obl:unmarked visited
	// .         punct   visited
}
