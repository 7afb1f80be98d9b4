package ner_test

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/entity/ner"
)

func ExampleModel_TagDocument() {
	m, err := ner.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	// Words and part-of-speech tags, as package corpus gives them.
	s := ner.Sentence{
		Words: strings.Fields("Shares in Microsoft Corp rose 3 percent in New York after Bill Gates spoke ."),
		POS:   strings.Fields("NNS IN NNP NNP VBD CD NN IN NNP NNP IN NNP NNP VBD ."),
	}
	for _, sp := range m.TagDocument([]ner.Sentence{s})[0] {
		fmt.Println(sp.Type, strings.Join(s.Words[sp.Start:sp.End], " "))
	}
	// Output:
	// ORG Microsoft Corp
	// LOC New York
	// PER Bill Gates
}
