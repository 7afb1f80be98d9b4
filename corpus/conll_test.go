package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// dataDir returns the training-data folder named by NEWSGRAPH_DATA, or skips.
func dataDir(t testing.TB, sub string) string {
	t.Helper()
	root := os.Getenv("NEWSGRAPH_DATA")
	if root == "" {
		t.Skip("NEWSGRAPH_DATA is not set; set it to the shared data folder to test on real corpora")
	}
	dir := filepath.Join(root, sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s: %v", dir, err)
	}
	return dir
}

func openFile(t testing.TB, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestDecodeTags(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []Span
	}{
		{"empty", "", nil},
		{"all O", "O O", nil},
		{"IOB2", "B-PER I-PER O B-LOC", []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"IOB1 I after O starts", "O I-PER I-PER O", []Span{{1, 3, "PER"}}},
		{"IOB1 B separates same type", "I-LOC B-LOC B-LOC I-LOC", []Span{{0, 1, "LOC"}, {1, 2, "LOC"}, {2, 4, "LOC"}}},
		{"I of another type starts", "I-PER I-ORG", []Span{{0, 1, "PER"}, {1, 2, "ORG"}}},
		{"IOB2 adjacent B", "B-PER B-PER", []Span{{0, 1, "PER"}, {1, 2, "PER"}}},
		{"IOBES", "S-PER B-ORG E-ORG I-ORG", []Span{{0, 1, "PER"}, {1, 3, "ORG"}, {3, 4, "ORG"}}},
		{"type with hyphen", "B-creative-work I-creative-work", []Span{{0, 2, "creative-work"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeTags(strings.Fields(tt.tags))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("DecodeTags(%q) (-want +got):\n%s", tt.tags, d)
			}
		})
	}
	for _, bad := range []string{"X-PER", "B-", "PER", "BB-PER", ""} {
		if _, err := DecodeTags([]string{"O", bad}); err == nil {
			t.Errorf("DecodeTags(%q) = nil error, want one", bad)
		}
	}
}

func TestEncodeBIORoundTrip(t *testing.T) {
	spans := []Span{{0, 2, "PER"}, {2, 3, "PER"}, {5, 6, "LOC"}}
	tags, err := EncodeBIO(6, spans)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"B-PER", "I-PER", "B-PER", "O", "O", "B-LOC"}
	if d := cmp.Diff(want, tags); d != "" {
		t.Errorf("EncodeBIO (-want +got):\n%s", d)
	}
	back, err := DecodeTags(tags)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(spans, back); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
	for _, bad := range [][]Span{{{0, 7, "X"}}, {{1, 1, "X"}}, {{0, 2, "X"}, {1, 3, "Y"}}, {{0, 1, ""}}} {
		if _, err := EncodeBIO(6, bad); err == nil {
			t.Errorf("EncodeBIO(6, %v) = nil error, want one", bad)
		}
	}
}

func TestReadCoNLL2003Fixture(t *testing.T) {
	docs, err := ReadCoNLL2003(openFile(t, "testdata/iob1.conll"), "iob1.conll")
	if err != nil {
		t.Fatal(err)
	}
	want := []AnnotatedDocument{
		{ID: "iob1.conll#1", Sentences: []AnnotatedSentence{
			{
				Words: []string{"EU", "rejects", "German", "call", "."},
				POS:   []string{"NNP", "VBZ", "JJ", "NN", "."},
				Spans: []Span{{0, 1, "ORG"}, {2, 3, "MISC"}},
			},
			{
				Words: []string{"Peter", "Blackburn"},
				POS:   []string{"NNP", "NNP"},
				Spans: []Span{{0, 2, "PER"}},
			},
		}},
		{ID: "iob1.conll#2", Sentences: []AnnotatedSentence{{
			Words: []string{"In", "Brussels", "Paris", "London", "New", "York", "Reuters", "."},
			POS:   []string{"IN", "NNP", "NNP", "NNP", "NNP", "NNP", "NNP", "."},
			Spans: []Span{{1, 2, "LOC"}, {2, 3, "LOC"}, {3, 6, "LOC"}, {6, 7, "ORG"}},
		}}},
	}
	if d := cmp.Diff(want, docs); d != "" {
		t.Errorf("ReadCoNLL2003 (-want +got):\n%s", d)
	}
}

func TestReadCoNLL2003TwoColumnsAndErrors(t *testing.T) {
	docs, err := ReadCoNLL2003(openFile(t, "testdata/twocol.conll"), "twocol.conll")
	want := []AnnotatedDocument{{ID: "twocol.conll", Sentences: []AnnotatedSentence{
		{Words: []string{"Obama", "visited", "New", "York"}, Spans: []Span{{0, 1, "PER"}, {2, 4, "LOC"}}},
		{Words: []string{"IBM"}, Spans: []Span{{0, 1, "ORG"}}},
	}}}
	if d := cmp.Diff(want, docs); d != "" {
		t.Errorf("ReadCoNLL2003 (-want +got):\n%s", d)
	}
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 || list[0].Line != 6 || list[0].File != "twocol.conll" {
		t.Fatalf("err = %v, want one error on twocol.conll:6", err)
	}
	if got := err.Error(); !strings.HasPrefix(got, "corpus: twocol.conll:6: ") {
		t.Errorf("err = %q, want prefix corpus: twocol.conll:6:", got)
	}
	// A bad tag names its line too.
	_, err = ReadCoNLL2003(strings.NewReader("a O\nb X-PER\n"), "in")
	if err == nil || !strings.Contains(err.Error(), "in:2: ") {
		t.Errorf("bad tag: err = %v, want one naming in:2", err)
	}
}

func TestReadIOB2Fixture(t *testing.T) {
	docs, err := ReadIOB2(openFile(t, "testdata/small.iob2"), "small.iob2")
	if err != nil {
		t.Fatal(err)
	}
	want := []AnnotatedDocument{
		{ID: "d1", Sentences: []AnnotatedSentence{{
			Words: []string{"Al", "-", "Zaman", ":", "Bush"},
			Spans: []Span{{0, 3, "ORG"}, {4, 5, "PER"}},
		}}},
		{ID: "d2", Sentences: []AnnotatedSentence{{
			Words: []string{"in", "Paris", "Rome"},
			Spans: []Span{{1, 2, "LOC"}, {2, 3, "LOC"}},
		}}},
	}
	if d := cmp.Diff(want, docs); d != "" {
		t.Errorf("ReadIOB2 (-want +got):\n%s", d)
	}
}

func TestReadSpanJSONL(t *testing.T) {
	docs, err := ReadSpanJSONL(openFile(t, "testdata/spans.jsonl"), "spans.jsonl")
	want := []SpanDocument{
		{ID: "a", Text: "Macron met Xi in Paris.", Spans: []ByteSpan{{0, 6, "PER"}, {11, 13, "PER"}, {17, 22, "LOC"}}},
		{ID: "c", Text: "Zoë went to Köln.", Spans: []ByteSpan{{0, 4, "PER"}, {13, 18, "LOC"}}},
	}
	if d := cmp.Diff(want, docs); d != "" {
		t.Errorf("ReadSpanJSONL (-want +got):\n%s", d)
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want an ErrorList", err)
	}
	var lines []int
	for _, e := range list {
		lines = append(lines, e.Line)
	}
	if d := cmp.Diff([]int{2, 3, 5, 6, 8, 9, 10, 11}, lines); d != "" {
		t.Errorf("bad lines (-want +got):\n%s\n%s", d, list)
	}
	if !errors.Is(err, ErrMissingID) || !errors.Is(err, ErrMissingText) {
		t.Errorf("err should wrap ErrMissingID and ErrMissingText: %v", list)
	}
	var dup *DuplicateIDError
	if !errors.As(err, &dup) || dup.ID != "a" || dup.FirstLine != 1 {
		t.Errorf("err should hold a DuplicateIDError for a (first line 1), got %+v", dup)
	}
}

func TestReadSpanJSONLInvalidUTF8(t *testing.T) {
	_, err := ReadSpanJSONL(strings.NewReader("{\"id\":\"x\",\"text\":\"ab\xffc\"}\n"), "in.jsonl")
	var u *InvalidUTF8Error
	if !errors.As(err, &u) || u.Offset != 20 {
		t.Fatalf("err = %v, want InvalidUTF8Error at byte 20", err)
	}
}

func TestReadCoNLLUFixture(t *testing.T) {
	sents, err := ReadCoNLLU(openFile(t, "testdata/small.conllu"), "small.conllu")
	if err != nil {
		t.Fatal(err)
	}
	want := []UDSentence{
		{ID: "s1", Text: "I don't know.", Words: []UDWord{
			{"I", "I", "PRON", "PRP", "Case=Nom", 3, "nsubj"},
			{"do", "do", "AUX", "VBP", "_", 4, "aux"},
			{"n't", "not", "PART", "RB", "_", 4, "advmod"},
			{"know", "know", "VERB", "VB", "_", 0, "root"},
			{".", ".", "PUNCT", ".", "_", 4, "punct"},
		}},
		{ID: "s2", Text: "Go home", Words: []UDWord{
			{"Go", "go", "VERB", "VB", "_", 0, "root"},
			{"home", "home", "ADV", "RB", "_", 1, "advmod"},
		}},
	}
	if d := cmp.Diff(want, sents); d != "" {
		t.Errorf("ReadCoNLLU (-want +got):\n%s", d)
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	in := "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t9\tdep\t_\t_\n\n" + // HEAD past end: line 2
		"1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n" + // good
		"2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n" + // out of sequence: line 6
		"1\ta\ta\tX\tX\t_\tx\troot\t_\t_\n\n" + // bad head: line 8
		"1\ta\n" // too few columns: line 10
	sents, err := ReadCoNLLU(strings.NewReader(in), "t.conllu")
	if len(sents) != 1 {
		t.Errorf("got %d sentences, want 1", len(sents))
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want ErrorList", err)
	}
	var lines []int
	for _, e := range list {
		lines = append(lines, e.Line)
	}
	if d := cmp.Diff([]int{2, 6, 8, 10}, lines); d != "" {
		t.Errorf("bad lines (-want +got):\n%s", d)
	}
}

func TestScoreSpans(t *testing.T) {
	gold := [][]Span{
		{{0, 2, "PER"}, {3, 4, "LOC"}},
		{{0, 1, "ORG"}},
		{{1, 2, "LOC"}},
	}
	pred := [][]Span{
		{{0, 2, "PER"}, {3, 4, "ORG"}}, // one right, one wrong type
		{{0, 1, "ORG"}, {2, 3, "ORG"}}, // one right, one spurious
		// third sentence: missed
		{{0, 1, "PER"}}, // fourth sentence, no gold: spurious
	}
	got := ScoreSpans(gold, pred)
	want := Scores{
		Types: map[string]PRF{
			"PER": {TP: 1, FP: 1, FN: 0, Precision: 0.5, Recall: 1, F1: 2.0 / 3},
			"LOC": {TP: 0, FP: 0, FN: 2, Precision: 0, Recall: 0, F1: 0},
			"ORG": {TP: 1, FP: 2, FN: 0, Precision: 1.0 / 3, Recall: 1, F1: 0.5},
		},
		Micro: PRF{TP: 2, FP: 3, FN: 2, Precision: 0.4, Recall: 0.5, F1: 4.0 / 9},
	}
	// The third pred sentence is paired with the third gold sentence.
	want.Types["LOC"] = PRF{TP: 0, FP: 0, FN: 2}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("ScoreSpans (-want +got):\n%s", d)
	}
	table := got.String()
	wantTable := "type              tp      fp      fn precision  recall      f1\n" +
		"LOC                0       0       2      0.00    0.00    0.00\n" +
		"ORG                1       2       0     33.33  100.00   50.00\n" +
		"PER                1       1       0     50.00  100.00   66.67\n" +
		"overall            2       3       2     40.00   50.00   44.44\n"
	if d := cmp.Diff(wantTable, table); d != "" {
		t.Errorf("String (-want +got):\n%s", d)
	}
}

func countSpans(docs []AnnotatedDocument) (sents, words int, types map[string]int) {
	types = make(map[string]int)
	for _, d := range docs {
		for _, s := range d.Sentences {
			sents++
			words += len(s.Words)
			for _, sp := range s.Spans {
				types[sp.Type]++
			}
		}
	}
	return
}

func TestReadCoNLL2003Data(t *testing.T) {
	dir := dataDir(t, "conll2003")
	tests := []struct {
		file               string
		docs, sents, words int
		types              map[string]int
	}{
		{"eng.testa", 216, 3250, 51362, map[string]int{"PER": 1842, "LOC": 1837, "ORG": 1341, "MISC": 922}},
		{"eng.train", 946, 14041, 203621, map[string]int{"PER": 6600, "LOC": 7140, "ORG": 6321, "MISC": 3438}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, err := ReadCoNLL2003(openFile(t, filepath.Join(dir, tt.file)), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			sents, words, types := countSpans(docs)
			if len(docs) != tt.docs || sents != tt.sents || words != tt.words {
				t.Errorf("docs, sentences, words = %d, %d, %d; want %d, %d, %d", len(docs), sents, words, tt.docs, tt.sents, tt.words)
			}
			if d := cmp.Diff(tt.types, types); d != "" {
				t.Errorf("entity counts (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadIOB2Data(t *testing.T) {
	dir := dataDir(t, "uner_english_ewt")
	tests := []struct {
		file               string
		docs, sents, words int
		types              map[string]int
	}{
		{"en_ewt-ud-train.iob2", 540, 12543, 204579, map[string]int{"PER": 2873, "LOC": 2698, "ORG": 1434}},
		{"en_ewt-ud-dev.iob2", 318, 2001, 25149, map[string]int{"PER": 343, "LOC": 399, "ORG": 224}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, err := ReadIOB2(openFile(t, filepath.Join(dir, tt.file)), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			sents, words, types := countSpans(docs)
			if len(docs) != tt.docs || sents != tt.sents || words != tt.words {
				t.Errorf("docs, sentences, words = %d, %d, %d; want %d, %d, %d", len(docs), sents, words, tt.docs, tt.sents, tt.words)
			}
			if d := cmp.Diff(tt.types, types); d != "" {
				t.Errorf("entity counts (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadCoNLLUData(t *testing.T) {
	dir := dataDir(t, "ud_english_ewt")
	tests := []struct {
		file         string
		sents, words int
	}{
		{"en_ewt-ud-train.conllu", 12544, 204577},
		{"en_ewt-ud-dev.conllu", 2001, 25147},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			sents, err := ReadCoNLLU(openFile(t, filepath.Join(dir, tt.file)), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			words, roots := 0, 0
			for _, s := range sents {
				words += len(s.Words)
				if s.ID == "" || s.Text == "" {
					t.Errorf("sentence %d has ID %q, text %q", len(sents), s.ID, s.Text)
				}
				for _, w := range s.Words {
					if w.Head == 0 {
						roots++
					}
				}
			}
			if len(sents) != tt.sents || words != tt.words {
				t.Errorf("sentences, words = %d, %d; want %d, %d", len(sents), words, tt.sents, tt.words)
			}
			if roots != len(sents) {
				t.Errorf("%d roots in %d sentences", roots, len(sents))
			}
		})
	}
}
