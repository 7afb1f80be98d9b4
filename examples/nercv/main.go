// Command nercv cross-validates the entity tagger: it splits annotated
// documents (by default CoNLL-2003 eng.train and eng.testa together) into
// folds by document, and for each fold trains a model on the other folds
// and scores it on the fold, twice: the model alone (with the default
// gazetteer's spans as features, as examples/evalner scores it), and the
// whole entity.Recognizer built around that model (default gazetteer,
// titles and rules), on the documents' text the way held-out news is
// scored (words joined by spaces, exact byte spans, PER, LOC and ORG). Each
// arm (-arms) is a training variant trained with the same seeds, so arms
// compare like with like.
//
// Usage:
//
//	go run ./examples/nercv [-data DIR] [-files conll2003/eng.train,conll2003/eng.testa]
//	    [-extra uner_english_ewt/en_ewt-ud-train.iob2] [-folds 5] [-epochs 5] [-runs 1]
//	    [-arms noclusters,clusters] [-only 0] [-errors FILE]
//
// It prints a line per fold and arm, and the mean over folds.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/entity/ner"
	"github.com/newsgraph/newsgraph/entity/ner/nergaz"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("nercv: ")
	var (
		data   = flag.String("data", os.Getenv("NEWSGRAPH_DATA"), "data folder (default $NEWSGRAPH_DATA)")
		files  = flag.String("files", "conll2003/eng.train,conll2003/eng.testa", "CoNLL files split into folds")
		extra  = flag.String("extra", "", "comma-separated files added to every fold's training data (never scored)")
		folds  = flag.Int("folds", 5, "number of folds (document i goes to fold i mod folds)")
		only   = flag.Int("only", -1, "run this fold alone (0-based); -1 runs all")
		epochs = flag.Int("epochs", 5, "training epochs")
		runs   = flag.Int("runs", 1, "training runs averaged")
		seed   = flag.Uint64("seed", 1, "training seed")
		arms   = flag.String("arms", "noclusters,clusters", "comma-separated training variants: noclusters, clusters")
		errs   = flag.String("errors", "", "file to write the whole recognizer's false positives and negatives to")
		ovs    = flag.String("overrule", fmt.Sprint(entity.DefaultOverrule), "comma-separated costs from which the model overrules the gazetteer and rules (entity.WithModelOverrule), each scored")
	)
	flag.Parse()
	var overrules []float64
	for _, v := range strings.Split(*ovs, ",") {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			log.Fatalf("-overrule: %v", err)
		}
		overrules = append(overrules, f)
	}
	if *data == "" {
		log.Fatal("no data folder: set -data or NEWSGRAPH_DATA")
	}
	if *folds < 2 {
		log.Fatalf("-folds %d: want at least 2", *folds)
	}
	an, err := corpus.New()
	if err != nil {
		log.Fatal(err)
	}
	read := func(names string) []corpus.AnnotatedDocument {
		var docs []corpus.AnnotatedDocument
		for _, f := range strings.Split(names, ",") {
			if f == "" {
				continue
			}
			path := f
			if !filepath.IsAbs(path) {
				path = filepath.Join(*data, f)
			}
			fm := ner.FormatCoNLL
			if filepath.Ext(path) == ".iob2" {
				fm = ner.FormatIOB2
			}
			r, err := os.Open(path)
			if err != nil {
				log.Fatal(err)
			}
			d, err := ner.ReadAnnotated(r, filepath.Base(path), fm, an)
			r.Close()
			if err != nil && len(d) == 0 {
				log.Fatal(err)
			}
			docs = append(docs, d...)
		}
		return docs
	}
	start := time.Now()
	docs := read(*files)
	extraDocs := read(*extra)
	log.Printf("read %d documents (+%d extra) in %.1fs", len(docs), len(extraDocs), time.Since(start).Seconds())
	gaz, err := nergaz.Default()
	if err != nil {
		log.Fatal(err)
	}
	var errW *os.File
	if *errs != "" {
		if errW, err = os.Create(*errs); err != nil {
			log.Fatal(err)
		}
		defer errW.Close()
	}
	type sums struct {
		n                    int
		f1, orgR, wf1, wOrgR float64
	}
	mean := map[string]*sums{}
	armList := strings.Split(*arms, ",")
	for f := range *folds {
		if *only >= 0 && f != *only {
			continue
		}
		var train, test []corpus.AnnotatedDocument
		for i, d := range docs {
			if i%*folds == f {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		train = append(train, extraDocs...)
		for _, arm := range armList {
			opts := ner.TrainOptions{
				Epochs: *epochs, Seed: *seed, Runs: *runs, Prune: 0.025,
				Gaz: gaz, GazDropout: 0.1, Ignore: []string{"MISC"},
			}
			switch arm {
			case "clusters":
			case "noclusters":
				opts.NoClusters = true
			default:
				log.Fatalf("unknown arm %q (want clusters or noclusters)", arm)
			}
			t0 := time.Now()
			m, err := ner.Train(train, opts)
			if err != nil {
				log.Fatal(err)
			}
			sc := m.Evaluate(test, gaz)
			org := sc.Types["ORG"]
			var whole *wholeScore
			for _, ov := range overrules {
				r, err := entity.NewRecognizer(entity.WithModel(entity.NERModel(m)), entity.WithModelOverrule(ov))
				if err != nil {
					log.Fatal(err)
				}
				var w *os.File
				if arm == armList[len(armList)-1] {
					w = errW
				}
				whole, err = scoreWhole(an, r, m, gaz, test, w)
				if err != nil {
					log.Fatal(err)
				}
				fmt.Printf("overrule %g: ", ov)
				wo := whole.types["ORG"]
				fmt.Printf("fold %d %-10s model F1 %.4f ORG R %.4f (P %.4f R %.4f) | whole F1 %.4f ORG R %.4f (P %.4f R %.4f) | %d features, %.0fs\n",
					f, arm, sc.Micro.F1, org.Recall, sc.Micro.Precision, sc.Micro.Recall,
					whole.micro.f1(), wo.recall(), whole.micro.precision(), whole.micro.recall(), m.Features(), time.Since(t0).Seconds())
				fmt.Printf("    model on the recognizer's tokens: F1 %.4f ORG R %.4f; differences:", whole.pipe.micro.f1(), whole.pipe.types["ORG"].recall())
				for _, k := range slices.Sorted(maps.Keys(whole.diff)) {
					fmt.Printf(" [%s] %d", k, whole.diff[k])
				}
				fmt.Println()
			}
			s := mean[arm]
			if s == nil {
				s = &sums{}
				mean[arm] = s
			}
			s.n++
			s.f1 += sc.Micro.F1
			s.orgR += org.Recall
			s.wf1 += whole.micro.f1()
			s.wOrgR += whole.types["ORG"].recall()
		}
	}
	for _, arm := range armList {
		s := mean[arm]
		if s == nil {
			continue
		}
		n := float64(s.n)
		fmt.Printf("mean %-10s over %d folds: model F1 %.4f ORG R %.4f | whole F1 %.4f ORG R %.4f\n", arm, s.n, s.f1/n, s.orgR/n, s.wf1/n, s.wOrgR/n)
	}
}

// tally counts true positives, false positives and false negatives.
type tally struct{ tp, fp, fn int }

func (t tally) precision() float64 { return float64(t.tp) / float64(max(1, t.tp+t.fp)) }
func (t tally) recall() float64    { return float64(t.tp) / float64(max(1, t.tp+t.fn)) }
func (t tally) f1() float64 {
	p, r := t.precision(), t.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

type wholeScore struct {
	micro tally
	types map[string]tally
	pipe  *wholeScore    // the model alone on the same analysed text
	diff  map[string]int // differences between the two, by source
}

func (w *wholeScore) add(typ string, k int) {
	t := w.types[typ]
	switch k {
	case 0:
		t.tp++
		w.micro.tp++
	case 1:
		t.fp++
		w.micro.fp++
	case 2:
		t.fn++
		w.micro.fn++
	}
	w.types[typ] = t
}

type byteSpan struct {
	start, end int
	typ        string
}

func conllType(t entity.Type) string {
	switch t {
	case entity.Person:
		return "PER"
	case entity.Country, entity.Location:
		return "LOC"
	case entity.Organization:
		return "ORG"
	}
	return ""
}

// scoreWhole runs the recognizer over the documents' text (words joined by
// spaces, sentences by newlines) and scores its name mentions against the
// gold PER, LOC and ORG spans by exact byte span, as entity's CoNLL test
// and ../shared/acceptance/ner_score.py do. w, when not nil, gets a line per
// error.
func scoreWhole(an *corpus.Analyzer, r *entity.Recognizer, m *ner.Model, gazFunc ner.GazFunc, docs []corpus.AnnotatedDocument, w *os.File) (*wholeScore, error) {
	sc := &wholeScore{types: map[string]tally{}, pipe: &wholeScore{types: map[string]tally{}}, diff: map[string]int{}}
	titles, err := entity.DefaultTitles()
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		var b strings.Builder
		gold := map[byteSpan]bool{}
		// The model on the gold tokens (as Evaluate scores it), to tell
		// what the analyser's tokens and sentences cost.
		goldTok := map[byteSpan]bool{}
		gin := make([]ner.Sentence, len(d.Sentences))
		for si, s := range d.Sentences {
			gin[si] = ner.Sentence{Words: s.Words, POS: s.POS, Gaz: gazFunc(s.Words)}
		}
		goldSpans := m.TagDocument(gin)
		for si, s := range d.Sentences {
			if si > 0 {
				b.WriteByte('\n')
			}
			starts := make([]int, len(s.Words))
			for wi, word := range s.Words {
				if wi > 0 {
					b.WriteByte(' ')
				}
				starts[wi] = b.Len()
				b.WriteString(word)
			}
			for _, sp := range s.Spans {
				if sp.Type == "MISC" {
					continue
				}
				gold[byteSpan{starts[sp.Start], starts[sp.End-1] + len(s.Words[sp.End-1]), sp.Type}] = true
			}
			for _, sp := range goldSpans[si] {
				goldTok[byteSpan{starts[sp.Start], starts[sp.End-1] + len(s.Words[sp.End-1]), sp.Type}] = true
			}
		}
		doc := &corpus.Document{ID: d.ID, Text: b.String()}
		if err := an.Analyze(context.Background(), doc); err != nil {
			return nil, fmt.Errorf("%s: %w", d.ID, err)
		}
		res, err := r.Recognize(context.Background(), doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.ID, err)
		}
		pred := map[byteSpan]entity.Mention{}
		for _, m := range res.Mentions {
			if m.Form != entity.Name || conllType(m.Type) == "" {
				continue
			}
			pred[byteSpan{m.Start, m.End, conllType(m.Type)}] = m
		}
		// The model alone on the same analysed text, with the gazetteer
		// spans the recognizer shows it.
		in := make([]ner.Sentence, len(doc.Sentences))
		for i, st := range doc.Sentences {
			ws := make([]string, len(st.Tokens))
			tags := make([]string, len(st.Tokens))
			for j, t := range st.Tokens {
				ws[j], tags[j] = t.Text, t.Tag
			}
			in[i] = ner.Sentence{Words: ws, POS: tags, Gaz: entity.FeatureSpans(r.Gazetteer().Match(ws), titles, ws)}
		}
		pipe := map[byteSpan]bool{}
		for i, spans := range m.TagDocument(in) {
			toks := doc.Sentences[i].Tokens
			for _, sp := range spans {
				pipe[byteSpan{toks[sp.Start].Start, toks[sp.End-1].End, sp.Type}] = true
			}
		}
		for s := range pipe {
			if gold[s] {
				sc.pipe.add(s.typ, 0)
			} else {
				sc.pipe.add(s.typ, 1)
			}
		}
		for s := range gold {
			if !pipe[s] {
				sc.pipe.add(s.typ, 2)
				if goldTok[s] && w != nil {
					fmt.Fprintf(w, "TOKENS-FN\t%s\t%q\t%s\n", s.typ, doc.Text[max(0, s.start-30):min(len(doc.Text), s.end+30)], doc.Text[s.start:s.end])
				}
			}
		}
		// Where the recognizer and the model on its own differ: a gold
		// span one finds and the other misses, by the source of the
		// recognizer's mention there.
		for s, m := range pred {
			switch {
			case gold[s] && !pipe[s]:
				sc.diff["gain: found, the model alone missed it, "+m.Source]++
			case !gold[s] && !pipe[s]:
				sc.diff["cost: false positive the model alone did not make, "+m.Source]++
				if w != nil {
					fmt.Fprintf(w, "COST-FP\t%s\t%s\t%s\t%s\t%s\n", s.typ, doc.Text[s.start:s.end], m.Source, m.Entity, d.ID)
				}
			}
		}
		for s := range gold {
			if _, ok := pred[s]; !ok && pipe[s] {
				src := "none"
				for p, m := range pred {
					if p.start < s.end && s.start < p.end {
						src = m.Source
						if p.start == s.start && p.end == s.end {
							src += " (same span, other type)"
						}
						break
					}
				}
				sc.diff["cost: missed, the model alone found it, "+src]++
				if w != nil {
					fmt.Fprintf(w, "COST-FN\t%s\t%s\t%s\t\t%s\n", s.typ, doc.Text[s.start:s.end], src, d.ID)
				}
			}
		}
		for s, m := range pred {
			if gold[s] {
				sc.add(s.typ, 0)
				continue
			}
			sc.add(s.typ, 1)
			if w != nil {
				fmt.Fprintf(w, "FP\t%s\t%s\t%s\t%s\t%s\n", s.typ, doc.Text[s.start:s.end], m.Source, m.Entity, d.ID)
			}
		}
		for s := range gold {
			if _, ok := pred[s]; !ok {
				sc.add(s.typ, 2)
				if w != nil {
					fmt.Fprintf(w, "FN\t%s\t%s\t\t\t%s\n", s.typ, doc.Text[s.start:s.end], d.ID)
				}
			}
		}
	}
	return sc, nil
}
