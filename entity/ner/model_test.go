package ner_test

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner"
	"github.com/newsgraph/newsgraph/entity/ner/nermodel"
)

// toyDocs makes a small corpus in which people "said" things in places and
// organisations "announced" them.
func toyDocs() []corpus.AnnotatedDocument {
	people := [][]string{{"Anna", "Berg"}, {"Carlos"}, {"Dmitri", "Orlov"}, {"Eve"}, {"Farah", "Khan"}}
	places := []string{"Lisbon", "Oslo", "Lima", "Cairo"}
	orgs := [][]string{{"Acme", "Corp"}, {"Globex"}, {"Initech", "Group"}}
	var docs []corpus.AnnotatedDocument
	for d := range 12 {
		doc := corpus.AnnotatedDocument{ID: fmt.Sprint("toy", d)}
		for s := range 6 {
			p := people[(d+s)%len(people)]
			l := places[(d*s+s)%len(places)]
			o := orgs[(d+2*s)%len(orgs)]
			var w, pos []string
			var spans []corpus.Span
			add := func(typ string, ws ...string) {
				spans = append(spans, corpus.Span{Start: len(w), End: len(w) + len(ws), Type: typ})
				for _, x := range ws {
					w = append(w, x)
					pos = append(pos, "NNP")
				}
			}
			plain := func(ws ...string) {
				for _, x := range ws {
					w = append(w, x)
					pos = append(pos, "VBD")
				}
			}
			add("PER", p...)
			plain("said", "in")
			add("LOC", l)
			plain("that")
			add("ORG", o...)
			plain("announced", "profits", ".")
			doc.Sentences = append(doc.Sentences, corpus.AnnotatedSentence{Words: w, POS: pos, Spans: spans})
		}
		docs = append(docs, doc)
	}
	return docs
}

func trainToy(t *testing.T) *ner.Model { return trainToyTB(t) }

func trainToyTB(t testing.TB) *ner.Model {
	t.Helper()
	m, err := ner.Train(toyDocs(), ner.TrainOptions{Epochs: 5, Seed: 7, MinCount: 1, Info: ner.Info{Command: "toy", Data: "toyDocs", Seed: 7, Epochs: 5}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func sentence(text string) ner.Sentence {
	w := strings.Fields(text)
	return ner.Sentence{Words: w}
}

func TestTrainTagsUnseenNames(t *testing.T) {
	m := trainToy(t)
	s := sentence("Carlos said in Oslo that Globex announced profits .")
	s.POS = []string{"NNP", "VBD", "VBD", "NNP", "VBD", "NNP", "VBD", "VBD", "VBD"}
	got := m.TagDocument([]ner.Sentence{s})
	want := [][]corpus.Span{{{Start: 0, End: 1, Type: "PER"}, {Start: 3, End: 4, Type: "LOC"}, {Start: 5, End: 6, Type: "ORG"}}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("TagDocument (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"LOC", "ORG", "PER"}, m.Types()); d != "" {
		t.Errorf("Types (-want +got):\n%s", d)
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m := trainToy(t)
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ner.Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(m.Info(), m2.Info()); d != "" {
		t.Errorf("Info after Load (-want +got):\n%s", d)
	}
	var in []ner.Sentence
	for _, d := range toyDocs()[:3] {
		for _, s := range d.Sentences {
			in = append(in, ner.Sentence{Words: s.Words, POS: s.POS})
		}
	}
	if d := cmp.Diff(m.TagDocument(in), m2.TagDocument(in)); d != "" {
		t.Errorf("loaded model tags differently (-saved +loaded):\n%s", d)
	}
	var again bytes.Buffer
	if err := m2.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("Save(Load(Save(m))) differs from Save(m)")
	}
}

func TestTrainIsReproducible(t *testing.T) {
	var a, b bytes.Buffer
	if err := trainToy(t).Save(&a); err != nil {
		t.Fatal(err)
	}
	if err := trainToy(t).Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with the same seed and data differ")
	}
}

func TestTrainErrors(t *testing.T) {
	tests := []struct {
		name string
		docs []corpus.AnnotatedDocument
		opts ner.TrainOptions
	}{
		{"no data", nil, ner.TrainOptions{}},
		{"no spans", []corpus.AnnotatedDocument{{ID: "d", Sentences: []corpus.AnnotatedSentence{{Words: []string{"a"}}}}}, ner.TrainOptions{}},
		{"negative epochs", toyDocs(), ner.TrainOptions{Epochs: -1}},
		{"every type ignored", toyDocs(), ner.TrainOptions{Ignore: []string{"PER", "LOC", "ORG"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ner.Train(tt.docs, tt.opts); err == nil {
				t.Error("Train succeeded, want an error")
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	good := nermodel.Model
	header := bytes.Index(good, []byte("\n\n")) + 2
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "reading model header"},
		{"not a model", []byte("hello\nworld\n"), "not a model file"},
		{"header only", good[:header], "reading model"},
		{"truncated", good[:header+(len(good)-header)/2], "reading model"},
		{"not gzip", append(append([]byte{}, good[:header]...), "garbage"...), "reading model"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ner.Load(bytes.NewReader(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load: error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestTagDocumentOddInput(t *testing.T) {
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		doc  []ner.Sentence
	}{
		{"nil document", nil},
		{"empty sentence", []ner.Sentence{{}}},
		{"no tags", []ner.Sentence{{Words: []string{"Angela", "Merkel", "spoke", "."}}}},
		{"fewer tags than words", []ner.Sentence{{Words: []string{"Angela", "Merkel", "spoke"}, POS: []string{"NNP"}}}},
		{"gazetteer span out of range", []ner.Sentence{{Words: []string{"Paris"}, Gaz: []corpus.Span{{Start: -1, End: 5, Type: "LOCATION"}, {Start: 1, End: 0}}}}},
		{"odd words", []ner.Sentence{{Words: []string{"", "\x00", "\xff\xfe", "😀", "東京", "ÉTATS-UNIS"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.TagDocument(tt.doc)
			if len(got) != len(tt.doc) {
				t.Fatalf("TagDocument returned %d sentences, want %d", len(got), len(tt.doc))
			}
			for i, spans := range got {
				checkSpans(t, spans, len(tt.doc[i].Words))
			}
		})
	}
}

// checkSpans checks that spans are in range, ordered and disjoint.
func checkSpans(t *testing.T, spans []corpus.Span, n int) {
	t.Helper()
	end := 0
	for _, s := range spans {
		if s.Start < end || s.End <= s.Start || s.End > n || s.Type == "" {
			t.Errorf("bad span %+v in %v for %d words", s, spans, n)
		}
		end = s.End
	}
}

func TestConcurrentTagging(t *testing.T) {
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := [][]ner.Sentence{
		{sentence("German Chancellor Angela Merkel met Emmanuel Macron in Paris ."), sentence("Merkel said the European Union would act .")},
		{sentence("Shares in Microsoft rose in New York on Monday .")},
		{sentence("Xi Jinping visited Moscow ."), sentence("Xi met Putin .")},
	}
	want := make([][][]corpus.Span, len(docs))
	for i, d := range docs {
		want[i] = m.TagDocument(d)
	}
	var wg sync.WaitGroup
	got := make([][][][]corpus.Span, 8)
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				got[g] = got[g][:0]
				for _, d := range docs {
					got[g] = append(got[g], m.TagDocument(d))
				}
			}
		}()
	}
	wg.Wait()
	for g := range got {
		if d := cmp.Diff(want, got[g]); d != "" {
			t.Errorf("goroutine %d (-sequential +concurrent):\n%s", g, d)
		}
	}
}

func FuzzTagDocument(f *testing.F) {
	m, err := ner.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Angela Merkel met Emmanuel Macron in Paris .", "NNP NNP VBD NNP NNP IN NNP .")
	f.Add("THE U.S. AND CHINA", "")
	f.Add("\xff \x00 😀", "X")
	f.Fuzz(func(t *testing.T, text, tags string) {
		s := ner.Sentence{Words: strings.Fields(text), POS: strings.Fields(tags)}
		got := m.TagDocument([]ner.Sentence{s, s})
		for _, spans := range got {
			checkSpans(t, spans, len(s.Words))
		}
	})
}

// FuzzLoad checks that Load never panics on a corrupt or hostile model, and
// that a model it accepts tags without panicking and returns spans inside
// each sentence.
func FuzzLoad(f *testing.F) {
	var buf bytes.Buffer
	if err := trainToyTB(f).Save(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(buf.Bytes()[:len(buf.Bytes())/2])
	f.Add([]byte("not a model"))
	in := []ner.Sentence{{Words: []string{"Xi", "met", "Macron", "in", "Paris", "."}, POS: []string{"NNP", "VBD", "NNP", "IN", "NNP", "."}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ner.Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i, spans := range m.TagDocument(in) {
			for _, sp := range spans {
				if sp.Start < 0 || sp.End <= sp.Start || sp.End > len(in[i].Words) {
					t.Fatalf("span %+v out of range", sp)
				}
			}
		}
	})
}
