package entity_test

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/entity/data"
)

// conllType maps an entity type to the CoNLL-2003 type it is scored as.
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

type byteSpan struct {
	start, end int
	typ        string
}

// conllScore is a micro P/R/F1 tally, overall and by CoNLL type.
type conllScore struct {
	tp, fp, fn int
	byType     map[string]*[3]int // type → tp, fp, fn
}

func (s *conllScore) add(typ string, i int) {
	if s.byType == nil {
		s.byType = map[string]*[3]int{}
	}
	if s.byType[typ] == nil {
		s.byType[typ] = &[3]int{}
	}
	s.byType[typ][i]++
	switch i {
	case 0:
		s.tp++
	case 1:
		s.fp++
	case 2:
		s.fn++
	}
}

func prf(tp, fp, fn int) (p, r, f float64) {
	p = float64(tp) / float64(max(1, tp+fp))
	r = float64(tp) / float64(max(1, tp+fn))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func (s *conllScore) String() string {
	p, r, f := prf(s.tp, s.fp, s.fn)
	out := fmt.Sprintf("P %.4f R %.4f F1 %.4f (tp %d fp %d fn %d)", p, r, f, s.tp, s.fp, s.fn)
	for _, t := range []string{"PER", "LOC", "ORG"} {
		if c := s.byType[t]; c != nil {
			p, r, f := prf(c[0], c[1], c[2])
			out += fmt.Sprintf("; %s P %.4f R %.4f F1 %.4f", t, p, r, f)
		}
	}
	return out
}

// scoreCoNLL runs the recognizer over CoNLL-2003 documents the way
// held-out news is scored: each document's words joined by spaces and its
// sentences by newlines, name mentions only, exact byte spans, PER/LOC/ORG
// (MISC dropped). errs, when not nil, gets a line for each false positive
// and negative.
func scoreCoNLL(t testing.TB, r *entity.Recognizer, docs []corpus.AnnotatedDocument, errs io.Writer) *conllScore {
	a, err := analyzer()
	if err != nil {
		t.Fatal(err)
	}
	sc := &conllScore{}
	for _, d := range docs {
		var b strings.Builder
		gold := map[byteSpan]bool{}
		for si, s := range d.Sentences {
			if si > 0 {
				b.WriteByte('\n')
			}
			starts := make([]int, len(s.Words))
			for wi, w := range s.Words {
				if wi > 0 {
					b.WriteByte(' ')
				}
				starts[wi] = b.Len()
				b.WriteString(w)
			}
			for _, sp := range s.Spans {
				if sp.Type == "MISC" {
					continue
				}
				end := starts[sp.End-1] + len(s.Words[sp.End-1])
				gold[byteSpan{starts[sp.Start], end, sp.Type}] = true
			}
		}
		doc := &corpus.Document{ID: d.ID, Text: b.String()}
		if err := a.Analyze(context.Background(), doc); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		res, err := r.Recognize(context.Background(), doc)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		pred := map[byteSpan]entity.Mention{}
		for _, m := range res.Mentions {
			if m.Form != entity.Name || conllType(m.Type) == "" {
				continue
			}
			pred[byteSpan{m.Start, m.End, conllType(m.Type)}] = m
		}
		for s, m := range pred {
			if gold[s] {
				sc.add(s.typ, 0)
			} else {
				sc.add(s.typ, 1)
				if errs != nil {
					fmt.Fprintf(errs, "FP\t%s\t%s\t%s\t%s\t%s\n", s.typ, doc.Text[s.start:s.end], m.Source, m.Entity, d.ID)
				}
			}
		}
		for s := range gold {
			if _, ok := pred[s]; !ok {
				sc.add(s.typ, 2)
				if errs != nil {
					fmt.Fprintf(errs, "FN\t%s\t%s\t\t\t%s\n", s.typ, doc.Text[s.start:s.end], d.ID)
				}
			}
		}
	}
	return sc
}

func readCoNLL(t testing.TB, name string) []corpus.AnnotatedDocument {
	dir := os.Getenv("NEWSGRAPH_DATA")
	if dir == "" {
		t.Skip("NEWSGRAPH_DATA is not set: skipping the CoNLL-2003 scores (.ci/run sets it)")
	}
	if testing.Short() {
		t.Skip("-short: skipping the CoNLL-2003 scores")
	}
	path := filepath.Join(dir, "conll2003", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := corpus.ReadCoNLL2003(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// errorsFile is where the CoNLL tests write their false positives and
// negatives when NEWSGRAPH_CONLL_ERRORS names a folder.
func errorsFile(t testing.TB, name string) io.Writer {
	dir := os.Getenv("NEWSGRAPH_CONLL_ERRORS")
	if dir == "" {
		return nil
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestCoNLLDevPipeline scores the whole recognizer (prose's tokens and tags,
// gazetteer, model, rules) on CoNLL-2003 dev (see scoreCoNLL). It fails
// when micro F1 falls below what the library reaches (0.9275 when written).
func TestCoNLLDevPipeline(t *testing.T) {
	docs := readCoNLL(t, "eng.testa")
	r, err := entity.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	sc := scoreCoNLL(t, r, docs, errorsFile(t, "dev.tsv"))
	p, _, f1 := prf(sc.tp, sc.fp, sc.fn)
	t.Logf("CoNLL-2003 dev, whole recognizer: %v", sc)
	if f1 < 0.9225 {
		t.Errorf("CoNLL-2003 dev micro F1 %.4f, below 0.9225", f1)
	}
	base, err := entity.NewRecognizer(entity.WithGazetteer(baseGazetteer(t)))
	if err != nil {
		t.Fatal(err)
	}
	bs := scoreCoNLL(t, base, docs, errorsFile(t, "dev_base.tsv"))
	bp, _, _ := prf(bs.tp, bs.fp, bs.fn)
	t.Logf("CoNLL-2003 dev, without the generated rows: %v", bs)
	if p < bp {
		t.Errorf("the generated gazetteer rows lower precision on CoNLL-2003 dev: %.4f, %.4f without them", p, bp)
	}
}

// baseGazetteer is the default gazetteer without the rows gen_actors.go
// generates: the hand-kept files and the CLDR countries.
func baseGazetteer(t testing.TB) *entity.Gazetteer {
	var all []entity.Entry
	for _, name := range slices.Sorted(maps.Keys(data.BaseFiles())) {
		es, err := entity.ReadGazetteer(strings.NewReader(data.BaseFiles()[name]), name)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, es...)
	}
	g, err := entity.NewGazetteer(all)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestCoNLLTrainFolds scores CoNLL-2003 train in five folds (documents in
// turn), with and without the generated gazetteer rows, for the whole
// recognizer and for the model with no gazetteer. The model was trained on
// train and the generator's filters read train's tags, so these figures
// show the generated rows' effect on text the gazetteer was not tuned on,
// not held-out accuracy. It takes minutes: set NEWSGRAPH_CONLL_FOLDS=1.
func TestCoNLLTrainFolds(t *testing.T) {
	if os.Getenv("NEWSGRAPH_CONLL_FOLDS") == "" {
		t.Skip("NEWSGRAPH_CONLL_FOLDS is not set: skipping the CoNLL-2003 train folds")
	}
	docs := readCoNLL(t, "eng.train")
	empty, err := entity.NewGazetteer(nil)
	if err != nil {
		t.Fatal(err)
	}
	recognizers := []struct {
		name string
		opts []entity.Option
	}{
		{"whole recognizer", nil},
		{"without the generated rows", []entity.Option{entity.WithGazetteer(baseGazetteer(t))}},
		{"model and rules, no gazetteer", []entity.Option{entity.WithGazetteer(empty)}},
	}
	for i, rc := range recognizers {
		r, err := entity.NewRecognizer(rc.opts...)
		if err != nil {
			t.Fatal(err)
		}
		errs := errorsFile(t, fmt.Sprintf("train_%d.tsv", i))
		for k := range 5 {
			var fold []corpus.AnnotatedDocument
			for i, d := range docs {
				if i%5 == k {
					fold = append(fold, d)
				}
			}
			t.Logf("train fold %d, %s: %v", k, rc.name, scoreCoNLL(t, r, fold, errs))
		}
	}
}
