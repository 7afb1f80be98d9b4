// Command evalparser scores the dependency parser on a CoNLL-U treebank,
// tagging the word forms with prose's tagger as the pipeline does at run
// time. It prints UAS and LAS over all words, punctuation included (as the
// CoNLL 2018 shared task scores), and without punctuation (gold UPOS PUNCT),
// with relations compared in full, subtypes included.
//
//	go run ./examples/evalparser -conllu /work/shared/data/ud_english_ewt/en_ewt-ud-test.conllu
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/corpus/parse"
)

func main() {
	conllu := flag.String("conllu", os.Getenv("NEWSGRAPH_DATA")+"/ud_english_ewt/en_ewt-ud-dev.conllu", "CoNLL-U file to score")
	model := flag.String("model", "", "model file (default: the embedded model)")
	flag.Parse()
	log.SetFlags(0)

	var p *parse.Parser
	var err error
	if *model == "" {
		p, err = parse.Default()
	} else {
		var f *os.File
		if f, err = os.Open(*model); err == nil {
			p, err = parse.Load(f)
			f.Close()
		}
	}
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Open(*conllu)
	if err != nil {
		log.Fatal(err)
	}
	an, err := corpus.New()
	if err != nil {
		log.Fatal(err)
	}
	sents, tags, err := parse.ReadTreebank(f, filepath.Base(*conllu), an)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	start := time.Now()
	s, err := p.Evaluate(sents, tags)
	if err != nil {
		log.Fatal(err)
	}
	el := time.Since(start)
	fmt.Printf("%s: %d sentences, tags predicted by prose\n", filepath.Base(*conllu), len(sents))
	fmt.Printf("UAS %.4f  LAS %.4f  (all %d words, punctuation included)\n", s.UAS, s.LAS, s.Tokens)
	fmt.Printf("UAS %.4f  LAS %.4f  (%d words, punctuation excluded)\n", s.UASNoPunct, s.LASNoPunct, s.Tokens-s.Punct)
	fmt.Printf("parsed at %.0f words/s\n", float64(s.Tokens)/el.Seconds())
}
