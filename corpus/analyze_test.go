package corpus

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// newAnalyzer returns the default Analyzer or stops the test.
func newAnalyzer(t testing.TB, opts ...Option) *Analyzer {
	t.Helper()
	a, err := New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func readArticle(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkOffsets verifies the position invariants Analyze documents, that
// every visible character of text lies in some token (nothing is dropped),
// and that no invisible one does (see isInvisible).
// It returns a description of the first violation, or "".
func checkOffsets(text string, sents []Sentence) string {
	covered := make([]bool, len(text))
	prevEnd := 0
	for i, s := range sents {
		if s.Start < prevEnd || s.End <= s.Start || s.End > len(text) {
			return "sentence " + itoa(i) + " out of order or range"
		}
		if text[s.Start:s.End] != s.Text {
			return "sentence " + itoa(i) + " offsets do not locate its text"
		}
		r, _ := utf8.DecodeRuneInString(s.Text)
		l, _ := utf8.DecodeLastRuneInString(s.Text)
		if isSpaceOrInvisible(r) || isSpaceOrInvisible(l) {
			return "sentence " + itoa(i) + " has surrounding space or invisible characters"
		}
		prevEnd = s.End
		tokEnd := s.Start
		for j, tk := range s.Tokens {
			where := "sentence " + itoa(i) + " token " + itoa(j) + " " + strconvQuote(tk.Text)
			if tk.Start < tokEnd || tk.End <= tk.Start || tk.End > s.End {
				return where + " out of order or outside its sentence"
			}
			if text[tk.Start:tk.End] != tk.Text {
				return where + " offsets do not locate its text"
			}
			if strings.IndexFunc(tk.Text, isSpaceOrInvisible) >= 0 {
				return where + " contains white space or an invisible character"
			}
			if tk.Tag == "" {
				return where + " has no tag"
			}
			for k := tk.Start; k < tk.End; k++ {
				covered[k] = true
			}
			tokEnd = tk.End
		}
	}
	for i, r := range text {
		if !isSpaceOrInvisible(r) && !covered[i] {
			return "byte " + itoa(i) + " (" + strconvQuote(string(r)) + ") is in no token"
		}
	}
	return ""
}

func TestAnalyzeArticle(t *testing.T) {
	a := newAnalyzer(t)
	text := readArticle(t)
	d := &Document{ID: "article", Text: text}
	if err := a.Analyze(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if msg := checkOffsets(text, d.Sentences); msg != "" {
		t.Fatal(msg)
	}
	// The article repeats paragraphs: each copy of a sentence must keep its
	// own offsets.
	first := make(map[string]int)
	repeats := 0
	for _, s := range d.Sentences {
		if start, ok := first[s.Text]; ok {
			repeats++
			if start == s.Start {
				t.Errorf("repeated sentence %q has the offset of its first copy", s.Text)
			}
			continue
		}
		first[s.Text] = s.Start
	}
	if repeats == 0 {
		t.Error("found no repeated sentence in the article; the test lost its point")
	}
	if got, want := len(d.Sentences), 26; got != want {
		t.Errorf("got %d sentences, want %d", got, want)
	}
}

func TestAnalyzeHostile(t *testing.T) {
	a := newAnalyzer(t)
	for _, tt := range hostileTexts {
		t.Run(tt.name, func(t *testing.T) {
			d := &Document{ID: tt.name, Text: tt.text}
			if err := a.Analyze(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if msg := checkOffsets(tt.text, d.Sentences); msg != "" {
				t.Errorf("Analyze(%q): %s", tt.text, msg)
			}
			if tt.sentences > 0 && len(d.Sentences) != tt.sentences {
				var got []string
				for _, s := range d.Sentences {
					got = append(got, s.Text)
				}
				t.Errorf("Analyze(%q) gave %d sentences %q, want %d", tt.text, len(d.Sentences), got, tt.sentences)
			}
		})
	}
}

// hostileTexts seeds both TestAnalyzeHostile and FuzzAnalyze. sentences is
// the expected sentence count, or 0 when the test pins only the offsets.
var hostileTexts = []struct {
	name      string
	text      string
	sentences int
}{
	{"curly quotes", "“Sometimes there are differences,” Macron said. ‘We agree’, Xi replied.", 2},
	{"emoji", "Macron 🇫🇷 met Xi 🇨🇳 👋🏽 in Beijing. Talks went well 👍.", 2},
	{"CJK", "习近平在北京会见了马克龙。 Xi met Macron in Beijing.", 0},
	{"NUL", "Macron\x00met Xi.\x00 Then he left.", 0},
	{"repeated sentences", "Xi met Macron. Xi met Macron. Xi met Macron.", 3},
	{"repeated paragraphs", "Xi met Macron.\nThey talked.\nXi met Macron.\nThey talked.\n", 4},
	{"headline without period", "Macron visits China\nFrench President Emmanuel Macron arrived on Monday.", 2},
	{"CRLF", "One sentence here.\r\nAnother one there.\r\n", 2},
	{"tabs and NBSP", "Macron\tmet\u00a0Xi\u2003in  Beijing .", 1},
	{"zero-width and combining", "Zoe\u0301 met\u200bXi. Ko\u0308ln is in Germany.", 0},
	{"RTL", "قال ماكرون إن الصين مهمة. Macron spoke.", 0},
	{"only punctuation", "...!!! ??? --- ''", 0},
	{"leading and trailing space", "   \n\n  Xi met Macron.  \n\n  ", 1},
	{"long word", strings.Repeat("a", 10000) + ".", 1},
	{"contractions", "He didn't say; they'll see. We won't.", 2},
	{"abbreviations", "Mr. Xi met Dr. Smith at 3 p.m. in the U.S. on Jan. 5.", 0},
	{"URL and email", "See https://example.com/a?b=c or mail news@example.org. Done.", 0},
	{"replacement char", "Valid \uFFFD replacement char.", 1},
	{"single char", "x", 1},
	{"digits and dashes", "The 2023–24 budget rose 3.5% — to $1,200.", 1},
	{"long punctuation runs", "Wait" + strings.Repeat("!?", 40) + " then " + strings.Repeat("(", 30) + "x" + strings.Repeat(".", 30), 0},
	{"direction marks and overrides", "\u200EEmmanuel Macron met \u202EXi\u202C.\u2066 \u2069", 1},
	{"soft hyphen and word joiner", "Mac\u00ADron\u2060met\uFEFFXi.", 1},
	{"emoji flood", strings.Repeat("😀🎉👍🏽❤️", 40) + "x" + strings.Repeat("👨\u200d👩\u200d👧", 20), 0},
	{"mixed symbols", "Xi " + strings.Repeat("§±×÷", 30) + " met", 1},
}

// TestAnalyzeLinearTime guards against prose's tokenizer, which is
// quadratic in a run of punctuation (20,000 dots would take about 30 s).
func TestAnalyzeLinearTime(t *testing.T) {
	a := newAnalyzer(t)
	for _, text := range []string{
		strings.Repeat(".", 20000),
		"x" + strings.Repeat("!", 20000),
		strings.Repeat("(", 20000) + "x",
		strings.Repeat("a ", 100) + strings.Repeat("\"", 20000),
	} {
		d := &Document{ID: "x", Text: text}
		start := time.Now()
		if err := a.Analyze(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if el := time.Since(start); el > 3*time.Second {
			t.Errorf("Analyze(%q...) took %v", text[:20], el)
		}
		if msg := checkOffsets(text, d.Sentences); msg != "" {
			t.Errorf("Analyze(%q...): %s", text[:20], msg)
		}
	}
}

func TestAnalyzeErrors(t *testing.T) {
	a := newAnalyzer(t)
	for _, text := range []string{"", " ", "\n\t\r\n\u00a0\u2003"} {
		d := &Document{ID: "blank", Text: text, Sentences: []Sentence{{Text: "stale"}}}
		err := a.Analyze(context.Background(), d)
		var de *DocumentError
		if !errors.Is(err, ErrEmpty) || !errors.As(err, &de) || de.ID != "blank" {
			t.Errorf("Analyze(%q) = %v, want ErrEmpty naming the document", text, err)
		}
		if d.Sentences != nil {
			t.Errorf("Analyze(%q) left sentences %v", text, d.Sentences)
		}
	}
	d := &Document{ID: "bad", Text: "Good text. Then \xc3\x28 bad."}
	err := a.Analyze(context.Background(), d)
	var u *InvalidUTF8Error
	if !errors.As(err, &u) || u.Offset != 16 {
		t.Errorf("Analyze(invalid UTF-8) = %v, want InvalidUTF8Error at byte 16", err)
	}
	if want := `corpus: document "bad": invalid UTF-8 at byte 16`; err == nil || err.Error() != want {
		t.Errorf("error text = %v, want %s", err, want)
	}
	if err := a.Analyze(context.Background(), nil); err == nil {
		t.Error("Analyze(nil) = nil, want an error")
	}
}

func TestAnalyzeContext(t *testing.T) {
	a := newAnalyzer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := &Document{ID: "article", Text: readArticle(t)}
	if err := a.Analyze(ctx, d); !errors.Is(err, context.Canceled) {
		t.Errorf("Analyze(canceled) = %v, want context.Canceled", err)
	}
	if d.Sentences != nil {
		t.Error("Analyze(canceled) left partial sentences")
	}
}

func TestAnalyzeLineBreaks(t *testing.T) {
	text := "Xi met Macron in\nBeijing on Monday.\n\nThey talked."
	for _, tt := range []struct {
		name string
		opts []Option
		want []string
	}{
		{"default", nil, []string{"Xi met Macron in", "Beijing on Monday.", "They talked."}},
		{"wrapped", []Option{WithWrappedLines()}, []string{"Xi met Macron in\nBeijing on Monday.", "They talked."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := &Document{ID: "x", Text: text}
			if err := newAnalyzer(t, tt.opts...).Analyze(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range d.Sentences {
				got = append(got, s.Text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sentences (-want +got):\n%s", diff)
			}
			if msg := checkOffsets(text, d.Sentences); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func TestNewRejectsNilOptions(t *testing.T) {
	for name, opt := range map[string]Option{
		"segmenter": WithSegmenter(nil),
		"tokenizer": WithTokenizer(nil),
		"tagger":    WithTagger(nil),
	} {
		if a, err := New(opt); err == nil || a != nil {
			t.Errorf("New(With %s(nil)) = %v, %v; want an error", name, a, err)
		}
	}
}

func TestTagWords(t *testing.T) {
	a := newAnalyzer(t)
	got := a.TagWords([]string{"The", "president", "visited", "China", "."})
	want := []string{"DT", "NN", "VBD", "NNP", "."}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("TagWords (-want +got):\n%s", d)
	}
	if got := a.TagWords(nil); got != nil {
		t.Errorf("TagWords(nil) = %v, want nil", got)
	}
	// Tags must match what Analyze gives for the same words.
	d := &Document{ID: "x", Text: "The president visited China."}
	if err := a.Analyze(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, tk := range d.Sentences[0].Tokens {
		tags = append(tags, tk.Tag)
	}
	if diff := cmp.Diff(want, tags); diff != "" {
		t.Errorf("Analyze tags (-want +got):\n%s", diff)
	}
}

// TestConcurrentAnalyze runs one Analyzer from many goroutines and compares
// each result with a sequential run. Run it with -race.
func TestConcurrentAnalyze(t *testing.T) {
	a := newAnalyzer(t)
	texts := []string{readArticle(t)}
	for _, h := range hostileTexts {
		texts = append(texts, h.text)
	}
	want := make([][]Sentence, len(texts))
	for i, text := range texts {
		d := &Document{ID: "seq", Text: text}
		if err := a.Analyze(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		want[i] = d.Sentences
	}
	const workers = 8
	var wg sync.WaitGroup
	errs := make(chan string, workers*len(texts))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range texts {
				i := (k + w) % len(texts)
				d := &Document{ID: "par", Text: texts[i]}
				if err := a.Analyze(context.Background(), d); err != nil {
					errs <- err.Error()
					continue
				}
				if diff := cmp.Diff(want[i], d.Sentences); diff != "" {
					errs <- "text " + itoa(i) + " (-sequential +concurrent):\n" + diff
				}
				a.TagWords([]string{"Xi", "met", "Macron", "."})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestTypographicPunctuationTags pins the tags of curly quotes, dashes and
// brackets, which prose's treebank-trained model would otherwise call nouns.
func TestTypographicPunctuationTags(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct {
		text string
		want string // token/tag pairs
	}{
		{"“We agree,” Xi said.", "“/`` We/PRP agree/VBP ,/, ”/'' Xi/NNP said/VBD ./."},
		{`"We agree," Xi said.`, `"/` + "``" + ` We/PRP agree/VBP ,/, "/'' Xi/NNP said/VBD ./.`},
		{"Russia’s war — and more.", "Russia/NNP ’s/POS war/NN —/: and/CC more/JJR ./."},
		{"He didn’t go [there].", "He/PRP did/VBD n’t/RB go/VB [/( there/RB ]/) ./."},
		{"They lost 0 - 1 * today", "They/PRP lost/VBD 0/CD -/: 1/CD */SYM today/NN"},
	}
	for _, tt := range tests {
		d := &Document{ID: "x", Text: tt.text}
		if err := a.Analyze(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range d.Sentences {
			for _, tk := range s.Tokens {
				got = append(got, tk.Text+"/"+tk.Tag)
			}
		}
		if diff := cmp.Diff(strings.Fields(tt.want), got); diff != "" {
			t.Errorf("Analyze(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestJoinInitials(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"R. Kaluwitharana b S. Waugh 8", []string{"R.", "Kaluwitharana", "b", "S.", "Waugh", "8"}},
		{"J.R.R. Tolkien wrote.", []string{"J.R.R.", "Tolkien", "wrote", "."}},
		{"Plan A.", []string{"Plan", "A", "."}},
		{"Take route B. then go.", []string{"Take", "route", "B", ".", "then", "go", "."}},
		{"Ships sailed into the South China Sea.", []string{"Ships", "sailed", "into", "the", "South", "China", "Sea", "."}},
		{"He lives in the U.S.", []string{"He", "lives", "in", "the", "U.S."}},
	}
	for _, tt := range tests {
		d := &Document{ID: "t", Text: tt.text}
		if err := a.Analyze(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range d.Sentences {
			for _, tok := range s.Tokens {
				if tt.text[tok.Start:tok.End] != tok.Text {
					t.Errorf("%q: token %q at %d:%d", tt.text, tok.Text, tok.Start, tok.End)
				}
				got = append(got, tok.Text)
			}
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("tokens of %q (-want +got):\n%s", tt.text, d)
		}
	}
}

// TestDatelines checks that a wire story's dateline is a sentence of its
// own, so that its city is not read as the first sentence's subject, and
// that dashes that open no dateline leave their sentence whole.
func TestDatelines(t *testing.T) {
	an := newAnalyzer(t)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"PARIS (Reuters) - France accused Russia of meddling.", []string{"PARIS (Reuters) -", "France accused Russia of meddling."}},
		{"BEIJING, Nov 27 (AP) — China urged Japan to show restraint.", []string{"BEIJING, Nov 27 (AP) —", "China urged Japan to show restraint."}},
		{"MOSCOW, March 3 - Russia warned NATO.", []string{"MOSCOW, March 3 -", "Russia warned NATO."}},
		{"( Text ) Ulaanbaatar , 29 Apr ( XINHUA ) -- Li Peng signed the treaty .", []string{"( Text ) Ulaanbaatar , 29 Apr ( XINHUA ) --", "Li Peng signed the treaty ."}},
		{"Lagos\nABUJA (Reuters) - Nigeria closed its border.", []string{"Lagos", "ABUJA (Reuters) -", "Nigeria closed its border."}},
		// No date or agency: a dash in a headline or a sentence.
		{"US - China talks resumed on Monday.", []string{"US - China talks resumed on Monday."}},
		{"PARIS - France accused Russia.", []string{"PARIS - France accused Russia."}},
		// A verb before the dash: no dateline.
		{"Macron said (on Monday) - and Xi agreed - that talks would resume.", []string{"Macron said (on Monday) - and Xi agreed - that talks would resume."}},
		// Only a block's first sentence can open with one.
		{"France spoke. PARIS (Reuters) - Russia replied.", []string{"France spoke.", "PARIS (Reuters) - Russia replied."}},
		// Nothing after the dash.
		{"PARIS (Reuters) -", []string{"PARIS (Reuters) -"}},
	} {
		d := &Document{ID: "x", Text: tt.text}
		if err := an.Analyze(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range d.Sentences {
			got = append(got, s.Text)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q: sentences (-want +got):\n%s", tt.text, diff)
		}
		if msg := checkOffsets(tt.text, d.Sentences); msg != "" {
			t.Errorf("%q: %s", tt.text, msg)
		}
	}
}
