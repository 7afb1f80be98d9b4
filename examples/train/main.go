// Command train trains the entity recognizer's model on annotated data and
// writes it to a file.
//
// Usage:
//
//	go run ./examples/train [-data DIR] [-train FILE,...] [-dev FILE] [-format conll|iob2|jsonl]
//	    [-o model.bin] [-seed 1] [-epochs 10] [-runs 10] [-mincount 2] [-prune 0.025]
//	    [-ignore MISC] [-hidden TYPES] [-gaz=true] [-gazdropout 0.1] [-clusters=true]
//
// Training files are read in the format -format names: CoNLL columns (word,
// POS, ..., IOB tag; CoNLL-2003 IOB1 is read correctly), Universal NER .iob2,
// or JSON Lines of texts with labelled byte spans ({"id", "text",
// "entities": [{"start", "end", "type"}]}), which are tokenised here.
// Relative file names are read under -data. Part-of-speech tags always come
// from prose's tagger, never from the file, because only predicted tags exist
// at run time. The model header records the command line, data and seed, so
// the same command makes the same model.
//
// The defaults train with the word clusters of package clusters; with
// -clusters=false they reproduce the embedded model, which predates them:
//
//	go run ./examples/train -data $NEWSGRAPH_DATA -clusters=false -o entity/ner/nermodel/model.bin
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner"
	"github.com/newsgraph/newsgraph/entity/ner/nergaz"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("train: ")
	var (
		data     = flag.String("data", os.Getenv("NEWSGRAPH_DATA"), "data folder that relative file names are read under (default $NEWSGRAPH_DATA)")
		train    = flag.String("train", "conll2003/eng.train,uner_english_ewt/en_ewt-ud-train.iob2", "comma-separated training files")
		dev      = flag.String("dev", "conll2003/eng.testa", "development file scored after every epoch, never trained on (empty for none; the default, read as CoNLL, is skipped when missing)")
		format   = flag.String("format", "conll", "format of the training and dev files: conll, iob2 or jsonl (files named .iob2 and .jsonl are read as such)")
		out      = flag.String("o", "model.bin", "output model file")
		seed     = flag.Uint64("seed", 1, "shuffling seed")
		epochs   = flag.Int("epochs", 10, "training epochs")
		runs     = flag.Int("runs", 10, "number of runs, with seeds seed, seed+1, ..., whose weights are averaged")
		prune    = flag.Float64("prune", 0.025, "drop features whose largest weight is below this fraction of the model's largest")
		gazDrop  = flag.Float64("gazdropout", 0.1, "share of training sentences trained without gazetteer spans")
		minCount = flag.Int("mincount", 2, "drop features seen fewer times")
		hidden   = flag.String("hidden", "", "comma-separated entity types learnt but never emitted")
		ignore   = flag.String("ignore", "MISC", "comma-separated entity types left out of training (learnt as outside)")
		useGaz   = flag.Bool("gaz", true, "use the default gazetteer's matches as features")
		useClus  = flag.Bool("clusters", true, "use the embedded word clusters (package clusters) as features")
	)
	flag.Parse()
	start := time.Now()
	an, err := corpus.New()
	if err != nil {
		log.Fatal(err)
	}
	readFile := func(path, format string) ([]corpus.AnnotatedDocument, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		fm := format
		switch filepath.Ext(path) {
		case ".iob2":
			fm = ner.FormatIOB2
		case ".jsonl":
			fm = ner.FormatJSONL
		}
		docs, err := ner.ReadAnnotated(f, filepath.Base(path), fm, an)
		if err != nil && len(docs) == 0 {
			return nil, err
		}
		if err != nil {
			log.Printf("warning: %v", err)
		}
		return docs, nil
	}
	var trainDocs []corpus.AnnotatedDocument
	var names []string
	for _, f := range strings.Split(*train, ",") {
		path := resolve(*data, f)
		docs, err := readFile(path, *format)
		if err != nil {
			log.Fatal(err)
		}
		trainDocs = append(trainDocs, docs...)
		names = append(names, filepath.ToSlash(f))
	}
	opts := ner.TrainOptions{
		Epochs:     *epochs,
		Seed:       *seed,
		MinCount:   *minCount,
		Runs:       *runs,
		Prune:      *prune,
		GazDropout: *gazDrop,
		NoClusters: !*useClus,
		Progress:   os.Stderr,
		Info: ner.Info{
			Command: "go run ./examples/train " + strings.Join(os.Args[1:], " "),
			Data:    strings.Join(names, ","),
			Seed:    *seed,
			Epochs:  *epochs,
		},
	}
	if *hidden != "" {
		opts.Hidden = strings.Split(*hidden, ",")
	}
	if *ignore != "" {
		opts.Ignore = strings.Split(*ignore, ",")
	}
	if *useGaz {
		g, err := nergaz.Default()
		if err != nil {
			log.Fatal(err)
		}
		opts.Gaz = g
	}
	devSet := false
	flag.Visit(func(f *flag.Flag) { devSet = devSet || f.Name == "dev" })
	devFormat := *format
	if !devSet {
		// The default dev file is CoNLL-2003's, whatever the training
		// data; without it, training goes on unscored.
		devFormat = ner.FormatCoNLL
		if _, err := os.Stat(resolve(*data, *dev)); err != nil {
			log.Printf("no development file %s: training without scoring", resolve(*data, *dev))
			*dev = ""
		}
	}
	if *dev != "" {
		docs, err := readFile(resolve(*data, *dev), devFormat)
		if err != nil {
			log.Fatal(err)
		}
		opts.Dev = docs
		opts.Info.Notes = "scored on " + filepath.ToSlash(*dev) + " (never trained on):"
	}
	log.Printf("read and tagged %d training documents in %.1fs", len(trainDocs), time.Since(start).Seconds())
	m, err := ner.Train(trainDocs, opts)
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := m.Save(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d features, %.1fs in all", *out, m.Features(), time.Since(start).Seconds())
}

func resolve(dir, f string) string {
	if filepath.IsAbs(f) || dir == "" {
		return f
	}
	return filepath.Join(dir, f)
}
