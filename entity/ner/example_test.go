package ner_test

import (
	"bytes"
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

func ExampleTrain() {
	// Each document's sentences carry words, predicted tags and gold spans;
	// ReadAnnotated reads them from CoNLL, .iob2 or JSON Lines files.
	docs := toyDocs()
	m, err := ner.Train(docs, ner.TrainOptions{Epochs: 5, Seed: 1, MinCount: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	s := ner.Sentence{
		Words: strings.Fields("Eve said in Lima that Acme Corp announced profits ."),
		POS:   strings.Fields("NNP VBD VBD NNP VBD NNP NNP VBD VBD VBD"),
	}
	for _, sp := range m.TagDocument([]ner.Sentence{s})[0] {
		fmt.Println(sp.Type, strings.Join(s.Words[sp.Start:sp.End], " "))
	}
	// Output:
	// PER Eve
	// LOC Lima
	// ORG Acme Corp
}

func ExampleLoad() {
	m, err := ner.Train(toyDocs(), ner.TrainOptions{Seed: 1, Info: ner.Info{Command: "ExampleLoad", Seed: 1}})
	if err != nil {
		fmt.Println(err)
		return
	}
	var file bytes.Buffer // a model file
	if err := m.Save(&file); err != nil {
		fmt.Println(err)
		return
	}
	loaded, err := ner.Load(&file)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(loaded.Info().Command, loaded.Types())
	// Output:
	// ExampleLoad [LOC ORG PER]
}
