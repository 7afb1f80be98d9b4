package parse_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/corpus/parse"
)

// minDevUAS and minDevLAS are the embedded model's EWT dev scores
// (punctuation included, prose tags), less 0.005.
const (
	minDevUAS = 0.835
	minDevLAS = 0.800
)

// ud builds a sentence from "form|TAG|head|rel" items (head 1-based, 0 root).
func ud(items ...string) (corpus.UDSentence, []string) {
	var s corpus.UDSentence
	var tags []string
	for _, it := range items {
		f := strings.Split(it, "|")
		h, _ := strconv.Atoi(f[2])
		s.Words = append(s.Words, corpus.UDWord{Form: f[0], XPOS: f[1], Head: h, Deprel: f[3]})
		tags = append(tags, f[1])
	}
	return s, tags
}

// toyParser trains a parser on a few hand-made trees.
func toyParser(t testing.TB) *parse.Parser {
	t.Helper()
	return toyParserRuns(t, 1)
}

// toyParserRuns is toyParser trained with the given number of runs.
func toyParserRuns(t testing.TB, runs int) *parse.Parser {
	t.Helper()
	var sents []corpus.UDSentence
	var tags [][]string
	for _, items := range [][]string{
		{"France|NNP|2|nsubj", "accused|VBD|0|root", "Russia|NNP|2|obj", ".|.|2|punct"},
		{"Leaders|NNS|2|nsubj", "met|VBD|0|root", "in|IN|4|case", "Paris|NNP|2|obl", ".|.|2|punct"},
		{"The|DT|2|det", "minister|NN|3|nsubj", "urged|VBD|0|root", "talks|NNS|3|obj", ".|.|3|punct"},
		{"He|PRP|3|nsubj:pass", "was|VBD|3|aux:pass", "held|VBN|0|root", ".|.|3|punct"},
	} {
		s, tg := ud(items...)
		sents = append(sents, s)
		tags = append(tags, tg)
	}
	// Five copies, so each sentence is in every fold's training part.
	for k := 0; k < 4; k++ {
		sents = append(sents, sents[:4]...)
		tags = append(tags, tags[:4]...)
	}
	p, err := parse.Train(sents, tags, parse.TrainOptions{Epochs: 10, Seed: 7, Runs: runs, Note: "toy"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkTree fails unless tr is a tree over n tokens with one root.
func checkTree(t *testing.T, tr parse.Tree, n int) {
	t.Helper()
	if len(tr.Head) != n || len(tr.Rel) != n || len(tr.Tag) != n {
		t.Fatalf("tree has %d heads, %d relations and %d tags for %d tokens", len(tr.Head), len(tr.Rel), len(tr.Tag), n)
	}
	roots := 0
	for i, h := range tr.Head {
		if h == -1 {
			roots++
			if tr.Rel[i] != "root" {
				t.Errorf("root token %d has relation %q", i, tr.Rel[i])
			}
			continue
		}
		if h < 0 || h >= n || h == i {
			t.Fatalf("token %d has head %d", i, h)
		}
		if tr.Rel[i] == "" || tr.Rel[i] == "root" {
			t.Errorf("token %d has relation %q", i, tr.Rel[i])
		}
		for x, steps := i, 0; x != -1; x = tr.Head[x] {
			if steps++; steps > n {
				t.Fatalf("cycle through token %d: %v", i, tr.Head)
			}
		}
	}
	if roots != 1 {
		t.Fatalf("%d roots: %v", roots, tr.Head)
	}
}

func TestToyParserLearnsItsData(t *testing.T) {
	p := toyParser(t)
	got, err := p.Parse([]string{"France", "accused", "Russia", "."}, []string{"NNP", "VBD", "NNP", "."})
	if err != nil {
		t.Fatal(err)
	}
	// Four sentences are too few to pin relations and tags; heads suffice.
	want := []int{1, -1, 1, 1}
	if d := cmp.Diff(want, got.Head); d != "" {
		t.Errorf("Parse (-want +got):\n%s", d)
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	p := toyParser(t)
	var a, b bytes.Buffer
	if err := p.Save(&a); err != nil {
		t.Fatal(err)
	}
	q, err := parse.Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("Save(Load(Save(p))) differs from Save(p)")
	}
	if q.Note() != "toy" {
		t.Errorf("Note() = %q, want toy", q.Note())
	}
	// Training is reproducible: the same data and seed give the same bytes.
	var c bytes.Buffer
	if err := toyParser(t).Save(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("two trainings with one seed differ")
	}
}

// TestRunsReproducible checks that training with several runs, which train
// concurrently, gives the same bytes every time, and other bytes than one
// run.
func TestRunsReproducible(t *testing.T) {
	save := func(p *parse.Parser) []byte {
		var b bytes.Buffer
		if err := p.Save(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := save(toyParserRuns(t, 3)), save(toyParserRuns(t, 3))
	if !bytes.Equal(a, b) {
		t.Error("two trainings of three runs with one seed differ")
	}
	if bytes.Equal(a, save(toyParser(t))) {
		t.Error("three runs give the same model as one")
	}
}

func TestLoadRejectsBadModels(t *testing.T) {
	var buf bytes.Buffer
	if err := toyParser(t).Save(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for _, n := range []int{0, 3, 8, 9, 20, len(good) / 2, len(good) - 1} {
		if _, err := parse.Load(bytes.NewReader(good[:n])); err == nil {
			t.Errorf("Load of the first %d bytes: no error", n)
		}
	}
	// Flipping bytes must give an error or a parser that still parses.
	for i := 8; i < len(good); i += 7 {
		bad := append([]byte(nil), good...)
		bad[i] ^= 0xff
		p, err := parse.Load(bytes.NewReader(bad))
		if err != nil {
			var fe *parse.FormatError
			if !errors.As(err, &fe) {
				t.Errorf("byte %d: error %v is not a *FormatError", i, err)
			}
			continue
		}
		if _, err := p.Parse([]string{"a", "b"}, []string{"DT", "NN"}); err != nil {
			t.Errorf("byte %d: %v", i, err)
		}
	}
	if _, err := parse.Load(strings.NewReader(string(good) + "x")); err == nil {
		t.Error("Load with trailing bytes: no error")
	}
}

func TestParseErrors(t *testing.T) {
	p := toyParser(t)
	if _, err := p.Parse(nil, nil); !errors.Is(err, parse.ErrEmpty) {
		t.Errorf("Parse(nil) error = %v, want ErrEmpty", err)
	}
	if _, err := p.Parse([]string{"a"}, nil); err == nil {
		t.Error("Parse with missing tags: no error")
	}
	_, err := p.ParseSentence(corpus.Sentence{Tokens: []corpus.Token{{Text: "Hi", Start: 4, End: 6}}})
	if want := `parse: token 0 "Hi" at byte 4 has no tag`; err == nil || err.Error() != want {
		t.Errorf("ParseSentence error = %v, want %s", err, want)
	}
}

// TestParseKeep checks that kept tags are read as given while the others
// are refined: "the" given as a noun is a determiner to the parser's
// tagger, unless the caller keeps the noun.
func TestParseKeep(t *testing.T) {
	p, err := parse.Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Chancellor", "Friedrich", "Merz", "met", "the", "president", "in", "Delhi", "."}
	tags := []string{"NNP", "NNP", "NNP", "VBD", "NN", "NN", "IN", "NNP", "."}
	refined, err := p.Parse(words, tags)
	if err != nil {
		t.Fatal(err)
	}
	if refined.Tag[4] != "DT" {
		t.Fatalf("Parse: tag of %q = %s, want DT (refined)", words[4], refined.Tag[4])
	}
	keep := make([]bool, len(words))
	keep[4] = true
	kept, err := p.ParseKeep(words, tags, keep)
	if err != nil {
		t.Fatal(err)
	}
	if kept.Tag[4] != "NN" {
		t.Errorf("ParseKeep: tag of %q = %s, want NN (kept)", words[4], kept.Tag[4])
	}
	if _, err := p.ParseKeep(words, tags, keep[:2]); err == nil {
		t.Error("ParseKeep with too few keep flags: no error")
	}
	all, err := p.ParseKeep(words, tags, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(refined, all); d != "" {
		t.Errorf("ParseKeep(nil keep) differs from Parse (-Parse +ParseKeep):\n%s", d)
	}
}

// hostile is a table of odd input the parser must take without panicking.
var hostile = [][]string{
	{"."},
	{"“", "Hello", "”", "—", "😀", "n’t", "U.S.", "'s"},
	{"\x00", "\xff\xfe", "", " ", "\t"},
	{"北京", "是", "中国", "的", "首都"},
	{"Xi", "Xi", "Xi", "Xi", "Xi", "Xi", "Xi", "Xi"},
}

func TestParseHostile(t *testing.T) {
	p, err := parse.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, words := range hostile {
		tags := make([]string, len(words))
		for i := range tags {
			tags[i] = []string{"NN", ".", "", "SYM", "\x00"}[i%5]
		}
		tr, err := p.Parse(words, tags)
		if err != nil {
			t.Fatalf("Parse(%q): %v", words, err)
		}
		checkTree(t, tr, len(words))
	}
	long := strings.Fields(strings.Repeat("the cat sat on the mat and ", 400))
	tags := make([]string, len(long))
	for i := range tags {
		tags[i] = "NN"
	}
	tr, err := p.Parse(long, tags)
	if err != nil {
		t.Fatal(err)
	}
	checkTree(t, tr, len(long))
}

func FuzzParse(f *testing.F) {
	for _, words := range hostile {
		f.Add(strings.Join(words, " "), "NN VB . DT", uint64(0b110))
	}
	f.Add("France accused Russia of attacking Ukraine .", "NNP VBD NNP IN VBG NNP .", uint64(0b1010101))
	p, err := parse.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, tagText string, keepBits uint64) {
		words := strings.Split(text, " ")
		tagSet := strings.Split(tagText, " ")
		if len(words) > 300 {
			words = words[:300]
		}
		tags := make([]string, len(words))
		keep := make([]bool, len(words))
		for i := range tags {
			tags[i] = tagSet[i%len(tagSet)]
			keep[i] = keepBits>>(i%64)&1 == 1
		}
		tr, err := p.Parse(words, tags)
		if err != nil {
			t.Fatalf("Parse(%q, %q): %v", words, tags, err)
		}
		checkTree(t, tr, len(words))
		tr, err = p.ParseKeep(words, tags, keep)
		if err != nil {
			t.Fatalf("ParseKeep(%q, %q, %v): %v", words, tags, keep, err)
		}
		checkTree(t, tr, len(words))
	})
}

// TestConcurrentParse compares parses made in parallel with sequential ones;
// run it with -race.
func TestConcurrentParse(t *testing.T) {
	p, err := parse.Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := [][2][]string{
		{{"France", "accused", "Russia", "of", "attacking", "Ukraine", "."}, {"NNP", "VBD", "NNP", "IN", "VBG", "NNP", "."}},
		{{"The", "two", "leaders", "met", "in", "Beijing", "on", "Monday", "."}, {"DT", "CD", "NNS", "VBD", "IN", "NNP", "IN", "NNP", "."}},
		{{"He", "was", "accused", "by", "the", "EU", "."}, {"PRP", "VBD", "VBN", "IN", "DT", "NNP", "."}},
	}
	want := make([]parse.Tree, len(sents))
	for i, s := range sents {
		if want[i], err = p.Parse(s[0], s[1]); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(sents)
				got, err := p.Parse(sents[i][0], sents[i][1])
				if err != nil {
					errs <- err.Error()
					return
				}
				if d := cmp.Diff(want[i], got); d != "" {
					errs <- d
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// readEWT reads an EWT file from NEWSGRAPH_DATA and tags it as the pipeline
// does, skipping the test when the variable is unset.
func readEWT(tb testing.TB, name string) ([]corpus.UDSentence, [][]string) {
	tb.Helper()
	dir := os.Getenv("NEWSGRAPH_DATA")
	if dir == "" {
		tb.Skip("NEWSGRAPH_DATA is not set; it names the folder holding ud_english_ewt/")
	}
	f, err := os.Open(filepath.Join(dir, "ud_english_ewt", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	an, err := corpus.New()
	if err != nil {
		tb.Fatal(err)
	}
	sents, tags, err := parse.ReadTreebank(f, name, an)
	if err != nil {
		tb.Fatal(err)
	}
	return sents, tags
}

func TestDevScores(t *testing.T) {
	sents, tags := readEWT(t, "en_ewt-ud-dev.conllu")
	p, err := parse.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.Evaluate(sents, tags)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("EWT dev, prose tags: %s", s)
	if s.UAS < minDevUAS || s.LAS < minDevLAS {
		t.Errorf("UAS %.4f LAS %.4f, want at least %.4f and %.4f", s.UAS, s.LAS, minDevUAS, minDevLAS)
	}
}

// FuzzLoad checks that Load never panics on a corrupt or hostile model, and
// that a parser it accepts parses to a tree without panicking or hanging.
// The seed model is 26 KB, which the fuzzer is slow to minimise: run it with
// -fuzzminimizetime 0.
func FuzzLoad(f *testing.F) {
	var buf bytes.Buffer
	if err := toyParser(f).Save(&buf); err != nil {
		f.Fatal(err)
	}
	good := buf.Bytes()
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("NGPARSE2"))
	words := []string{"France", "accused", "Russia", "of", "lying", "."}
	tags := []string{"NNP", "VBD", "NNP", "IN", "VBG", "."}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parse.Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		tr, err := p.Parse(words, tags)
		if err != nil {
			t.Fatal(err)
		}
		checkTree(t, tr, len(words))
	})
}
