// Command evalner scores an entity recognition model on annotated files and
// prints precision, recall and F1 per type and micro-averaged, by exact span
// match as conlleval does. Types the model does not emit (CoNLL's MISC) are
// dropped from the gold data.
//
// Usage:
//
//	go run ./examples/evalner [-model model.bin] [-format conll|iob2|jsonl] [-gaz=true] [-peer prose] FILE ...
//
// With no -model it scores the embedded default model. -peer prose scores
// prose v3's own entity extractor on the same tokens and tags instead
// (PERSON as PER, GPE and LOC as LOC, ORGANIZATION as ORG, other labels dropped).
// Part-of-speech tags are predicted, never read from the file.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	pner "github.com/jdkato/prose/v3/ner"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner"
	"github.com/newsgraph/newsgraph/entity/ner/nergaz"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("evalner: ")
	var (
		modelPath = flag.String("model", "", "model file (default: the embedded model)")
		format    = flag.String("format", "conll", "input format: conll, iob2 or jsonl")
		useGaz    = flag.Bool("gaz", true, "give the model the default gazetteer's matches")
		peer      = flag.String("peer", "", `score a peer instead of the model: "prose"`)
	)
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: evalner [flags] FILE ...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	an, err := corpus.New()
	if err != nil {
		log.Fatal(err)
	}
	var docs []corpus.AnnotatedDocument
	for _, path := range flag.Args() {
		f, err := os.Open(path)
		if err != nil {
			log.Fatal(err)
		}
		d, err := ner.ReadAnnotated(f, filepath.Base(path), *format, an)
		f.Close()
		if err != nil {
			if len(d) == 0 {
				log.Fatal(err)
			}
			log.Printf("warning: %v", err)
		}
		docs = append(docs, d...)
	}
	tokens := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			tokens += len(s.Words)
		}
	}
	start := time.Now()
	var sc corpus.Scores
	switch *peer {
	case "":
		m, err := loadModel(*modelPath)
		if err != nil {
			log.Fatal(err)
		}
		var gaz ner.GazFunc
		if *useGaz {
			if gaz, err = nergaz.Default(); err != nil {
				log.Fatal(err)
			}
		}
		sc = m.Evaluate(docs, gaz)
		fmt.Printf("model: %s\n", describe(m))
	case "prose":
		sc, err = scoreProse(docs)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("model: prose v3 ner.Extracter (PERSON=PER, GPE/LOC=LOC, ORGANIZATION=ORG)")
	default:
		log.Fatalf("unknown peer %q (want prose)", *peer)
	}
	el := time.Since(start)
	fmt.Printf("data: %s: %d documents, %d tokens, tagged in %.2fs\n", strings.Join(flag.Args(), " "), len(docs), tokens, el.Seconds())
	fmt.Print(sc.String())
}

func loadModel(path string) (*ner.Model, error) {
	if path == "" {
		return ner.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

func describe(m *ner.Model) string {
	i := m.Info()
	return fmt.Sprintf("%q (data %s, seed %d, epochs %d, %d features)", i.Command, i.Data, i.Seed, i.Epochs, m.Features())
}

// scoreProse runs prose's entity extractor on each sentence's words, joined
// by spaces, with the same predicted tags, and maps its entities back to
// token spans.
func scoreProse(docs []corpus.AnnotatedDocument) (corpus.Scores, error) {
	ex, err := pner.New()
	if err != nil {
		return corpus.Scores{}, err
	}
	keep := []string{"PER", "LOC", "ORG"}
	var gold, pred [][]corpus.Span
	for _, d := range docs {
		for _, s := range d.Sentences {
			var g []corpus.Span
			for _, sp := range s.Spans {
				if slices.Contains(keep, sp.Type) {
					g = append(g, sp)
				}
			}
			gold = append(gold, g)
			toks := make([]pner.Token, len(s.Words))
			var b strings.Builder
			startOf := map[int]int{}
			endOf := map[int]int{}
			for i, w := range s.Words {
				if i > 0 {
					b.WriteByte(' ')
				}
				toks[i] = pner.Token{Text: w, Start: b.Len()}
				if i < len(s.POS) {
					toks[i].Tag = s.POS[i]
				}
				startOf[b.Len()] = i
				b.WriteString(w)
				endOf[b.Len()] = i
			}
			src := b.String()
			ex.Label(toks)
			var p []corpus.Span
			for _, e := range ex.Chunk(src, toks) {
				typ := map[string]string{"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "ORGANIZATION": "ORG"}[e.Label]
				i, ok1 := startOf[e.Start]
				j, ok2 := endOf[e.End()]
				if typ == "" || !ok1 || !ok2 {
					continue
				}
				p = append(p, corpus.Span{Start: i, End: j + 1, Type: typ})
			}
			pred = append(pred, p)
		}
	}
	return corpus.ScoreSpans(gold, pred), nil
}
