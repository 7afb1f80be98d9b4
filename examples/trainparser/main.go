// Command trainparser trains the dependency parser on Universal Dependencies
// English EWT, tagging the treebank's word forms with prose's tagger (the
// tags the parser sees at run time, never the gold ones), and writes the
// model. With the same data and settings it writes the same bytes. The
// defaults train the embedded model (four runs of twelve epochs, about
// eight minutes on two cores):
//
//	go run ./examples/trainparser -data $NEWSGRAPH_DATA/ud_english_ewt \
//		-o corpus/parse/parsemodel/model.bin
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
	data := flag.String("data", os.Getenv("NEWSGRAPH_DATA")+"/ud_english_ewt", "folder with en_ewt-ud-{train,dev}.conllu")
	out := flag.String("o", "corpus/parse/parsemodel/model.bin", "model file to write")
	seed := flag.Uint64("seed", 1, "random seed")
	epochs := flag.Int("epochs", 12, "training epochs")
	explore := flag.Float64("explore", 0.9, "probability of following a wrong predicted move")
	prune := flag.Float64("prune", 0.0125, "drop move and tag weights below this fraction of the largest")
	runs := flag.Int("runs", 4, "independent training runs (seeds seed, seed+1, ...) whose weights are averaged")
	labelPrune := flag.Float64("labelprune", 0.025, "drop relation weights below this fraction of the largest")
	flag.Parse()
	log.SetFlags(0)

	tagger, err := corpus.New()
	if err != nil {
		log.Fatal(err)
	}
	train, trainTags := read(filepath.Join(*data, "en_ewt-ud-train.conllu"), tagger)
	dev, devTags := read(filepath.Join(*data, "en_ewt-ud-dev.conllu"), tagger)

	// The note names the settings, not the paths, so that the same
	// training writes the same bytes wherever the data and model live.
	note := fmt.Sprintf("trained by: go run ./examples/trainparser -seed %d -runs %d -epochs %d -explore %g -prune %g -labelprune %g\ndata: %s (%d sentences), tags: prose v3 perceptron",
		*seed, *runs, *epochs, *explore, *prune, *labelPrune, filepath.Base(*data), len(train))
	start := time.Now()
	p, err := parse.Train(train, trainTags, parse.TrainOptions{
		Epochs: *epochs, Seed: *seed, Runs: *runs, Explore: *explore, Prune: *prune, LabelPrune: *labelPrune, Note: note, Log: os.Stderr,
		Dev: dev, DevTags: devTags,
	})
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("trained in %s", time.Since(start).Round(time.Second))
	s, err := p.Evaluate(dev, devTags)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("dev: %s", s)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := p.Save(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fi, _ := os.Stat(*out)
	log.Printf("wrote %s (%.1f MB)", *out, float64(fi.Size())/1e6)
}

// read loads a CoNLL-U file and tags each sentence's word forms as the
// pipeline does at run time (prose's tagger).
func read(path string, tagger *corpus.Analyzer) ([]corpus.UDSentence, [][]string) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sents, tags, err := parse.ReadTreebank(f, filepath.Base(path), tagger)
	if err != nil {
		log.Fatal(err)
	}
	return sents, tags
}
