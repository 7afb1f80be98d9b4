package lemma_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/corpus/lemma"
)

func ExampleLemma() {
	for _, wt := range [][2]string{
		{"accused", "VBD"}, {"urging", "VBG"}, {"talks", "NNS"}, {"met", "VBD"},
		{"held", "VBN"}, {"leaders", "NNS"}, {"n’t", "RB"}, {"France", "NNP"},
	} {
		fmt.Printf("%s/%s → %s\n", wt[0], wt[1], lemma.Lemma(wt[0], wt[1]))
	}
	// Output:
	// accused/VBD → accuse
	// urging/VBG → urge
	// talks/NNS → talk
	// met/VBD → meet
	// held/VBN → hold
	// leaders/NNS → leader
	// n’t/RB → not
	// France/NNP → France
}
