package relation_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/relation"
)

// longText returns n bytes of news text (cut at a paragraph's end, so
// a little less): the bundled articles again and again, each copy followed
// by a paragraph on a meeting of two made-up leaders, so that, as in a
// real long document, the persons and their descriptions keep coming.
func longText(tb testing.TB, n int) string {
	tb.Helper()
	var articles []string
	for _, f := range []string{"../corpus/testdata/article.txt", "testdata/mideast.txt", "testdata/summit.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		articles = append(articles, strings.TrimSpace(string(b)))
	}
	var sb strings.Builder
	for k := 0; ; k++ {
		para := articles[k%len(articles)] + "\n\n" + fmt.Sprintf(
			"President %s %s of %s met Prime Minister %s %s in %s on Monday. "+
				"The two leaders signed an agreement on trade, and %s urged %s to open talks with the rebels. "+
				"The %s president later accused %s of breaking the ceasefire.\n\n",
			madeUpName(3*k), madeUpName(3*k+1), countries[k%len(countries)],
			madeUpName(3*k+2), madeUpName(3*k+1), countries[(k+3)%len(countries)],
			madeUpName(3*k+1), countries[(k+5)%len(countries)],
			demonyms[k%len(demonyms)], countries[(k+7)%len(countries)])
		if sb.Len()+len(para) > n {
			break
		}
		sb.WriteString(para)
	}
	return sb.String()
}

var (
	countries = []string{"France", "Germany", "Kenya", "Brazil", "Japan", "India", "Egypt", "Chile", "Norway", "Vietnam", "Ghana"}
	demonyms  = []string{"French", "German", "Kenyan", "Brazilian", "Japanese", "Indian", "Egyptian", "Chilean", "Norwegian", "Vietnamese", "Ghanaian"}
	syllables = []string{"ka", "lo", "mi", "ren", "tas", "vo", "bel", "dun", "sar", "gi", "hol", "pe", "nor", "quin", "zu", "ra"}
)

// madeUpName returns the k-th of a sequence of distinct capitalised names
// of three syllables.
func madeUpName(k int) string {
	n := len(syllables)
	name := syllables[k%n] + syllables[(k/n)%n] + syllables[(k/n/n)%n]
	return strings.ToUpper(name[:1]) + name[1:]
}

// BenchmarkExtractSize measures extraction of one document of 1, 2, 4 and
// 8 MB, reporting the time per MB: the same for each size when the cost of
// a document grows in proportion to its length.
//
//	go test -run='^$' -bench=ExtractSize -benchtime=1x -count=3 ./relation
//
// Measured on the shared, busy 2-core machine of issue 12, one run each:
// 19.2, 20.8, 16.0 and 13.5 s of wall time per MB for 1, 2, 4 and 8 MB
// (other jobs took most of the CPU; the point is that it does not grow).
// The built command, in user CPU time: 3.6, 3.8, 3.0 and 3.0 s per MB for
// 1, 2, 4 and 5 MB of CoNLL-2003 news text, where the issue measured 25,
// 39 and 82 s per MB for 1, 2 and 5 MB before.
func BenchmarkExtractSize(b *testing.B) {
	ex := extractor(b)
	ctx := context.Background()
	for _, mb := range []int{1, 2, 4, 8} {
		text := longText(b, mb<<20)
		b.Run(fmt.Sprintf("MB=%d", mb), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := ex.Extract(ctx, &corpus.Document{ID: "long", Text: text}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(float64(len(text))/(1<<20)), "ns/MB")
		})
	}
}

// TestLinearTime checks that the time per MB of a 1 MB document is within
// 1.5 times that of a 100 KB one: no stage scans the whole document for
// each sentence or mention.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: extracts 1.3 MB of text several times")
	}
	ex := extractor(t)
	ctx := context.Background()
	// perMB returns the least time per MB of extracting text over runs
	// runs: the least is the one least disturbed by other work. The time
	// is the process's CPU time where it can be measured (other
	// processes on a busy machine do not add to it), or else wall time.
	perMB := func(text string, runs int) time.Duration {
		best := time.Duration(-1)
		for range runs {
			runtime.GC()
			start, cpu := time.Now(), cpuTime()
			if _, err := ex.Extract(ctx, &corpus.Document{ID: "long", Text: text}); err != nil {
				t.Fatal(err)
			}
			d := time.Since(start)
			if cpu > 0 {
				d = cpuTime() - cpu
			}
			if best < 0 || d < best {
				best = d
			}
		}
		return time.Duration(float64(best) / (float64(len(text)) / (1 << 20)))
	}
	small, large := longText(t, 100<<10), longText(t, 1<<20)
	perMB(small, 1) // load the models
	s, l := perMB(small, 3), perMB(large, 1)
	if float64(l) > 1.5*float64(s) {
		l = min(l, perMB(large, 1)) // once more, in case other work slowed it
	}
	t.Logf("100 KB: %v per MB; 1 MB: %v per MB (%.2f×)", s, l, float64(l)/float64(s))
	if float64(l) > 1.5*float64(s) {
		t.Errorf("1 MB takes %v per MB, over 1.5 × the %v per MB of 100 KB", l, s)
	}
}

// TestLongSentence checks that a sentence far longer than the parser reads
// whole still gives its relations, with evidence no longer than
// MaxEvidence that slices the text.
func TestLongSentence(t *testing.T) {
	ex := extractor(t)
	// One sentence of about 800 tokens (more than MaxParseTokens, fewer
	// than corpus.MaxSentenceTokens): clauses joined by semicolons, with
	// no full stop, and a meeting in one of its clauses. (Clauses spliced
	// with bare commas defeat the parser even in a sentence of 130 tokens.)
	var sb strings.Builder
	for i := range 60 {
		if i == 40 {
			sb.WriteString("French President Emmanuel Macron met Chinese President Xi Jinping in Beijing; ")
			continue
		}
		sb.WriteString("prices rose sharply in the markets of the north and the south; ")
	}
	sb.WriteString("and trade slowed.")
	text := sb.String()
	res, err := ex.Extract(context.Background(), &corpus.Document{ID: "long", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Document.Sentences); n != 1 {
		t.Fatalf("the text is %d sentences, want 1 (the test needs one long sentence)", n)
	}
	found := false
	for _, r := range res.Relations {
		ev := r.Evidence
		if ev.End-ev.Start > relation.MaxEvidence || text[ev.Start:ev.End] != ev.Text || !utf8.ValidString(ev.Text) {
			t.Errorf("evidence %d:%d of %s %s %s: %d bytes, or not the text there", ev.Start, ev.End, r.Source, r.Type, r.Target, len(ev.Text))
		}
		if r.Source == "person/emmanuel-macron" && r.Type == relation.Meet && r.Target == "person/xi-jinping" {
			found = true
			if !strings.Contains(ev.Text, "Macron met Chinese President Xi") {
				t.Errorf("evidence of the meeting %q does not hold its cue", ev.Text)
			}
		}
	}
	if !found {
		t.Errorf("no MEET of Macron and Xi in a long sentence; relations: %v", res.Relations)
	}
}

// TestEvidenceCapped checks that the evidence of a relation in a sentence
// of more than MaxEvidence bytes is a window of it around the cue, that
// slices the text and is valid UTF-8 however the sentence is made.
func TestEvidenceCapped(t *testing.T) {
	ex := extractor(t)
	for _, tc := range []struct{ name, filler string }{
		{"words", "the markets of the north were quiet "},
		{"emoji", "🙂🎉🔥 "},
		{"no spaces", strings.Repeat("é", 200)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pad := strings.Repeat(tc.filler, 3000/len(tc.filler)+1)
			text := "Germany accused Russia of " + pad + "attacking Ukraine while " + pad + "the talks went on."
			res, err := ex.Extract(context.Background(), &corpus.Document{ID: "ev", Text: text})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Relations) == 0 {
				t.Fatalf("no relation in %q...", text[:80])
			}
			for _, r := range res.Relations {
				ev := r.Evidence
				if ev.End-ev.Start > relation.MaxEvidence || ev.End-ev.Start < relation.MaxEvidence/2 ||
					text[ev.Start:ev.End] != ev.Text || !utf8.ValidString(ev.Text) {
					t.Errorf("%s %s %s: evidence %d:%d (%d bytes) is not a valid window of at most %d bytes",
						r.Source, r.Type, r.Target, ev.Start, ev.End, ev.End-ev.Start, relation.MaxEvidence)
				}
				if !strings.Contains(ev.Text, ev.Cue) {
					t.Errorf("%s %s %s: evidence %q... does not hold the cue %q", r.Source, r.Type, r.Target, ev.Text[:40], ev.Cue)
				}
			}
		})
	}
}

// TestMaxDocumentSize checks the document size limit: a document over it
// is refused with an error naming the document, its size and the limit;
// one at the limit is read.
func TestMaxDocumentSize(t *testing.T) {
	if _, err := relation.NewExtractor(relation.WithMaxDocumentSize(0)); err == nil {
		t.Error("WithMaxDocumentSize(0): no error")
	}
	text := "Germany accused Russia of attacking Ukraine."
	ex, err := relation.NewExtractor(relation.WithMaxDocumentSize(len(text)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ex.Extract(context.Background(), &corpus.Document{ID: "ok", Text: text}); err != nil {
		t.Errorf("a document at the limit: %v", err)
	}
	_, err = ex.Extract(context.Background(), &corpus.Document{ID: "big", Text: text + " "})
	var tooLarge *relation.DocumentTooLargeError
	if !errors.As(err, &tooLarge) {
		t.Fatalf("a document over the limit: error %v, want a *DocumentTooLargeError", err)
	}
	if want := (relation.DocumentTooLargeError{Doc: "big", Size: len(text) + 1, Limit: len(text)}); *tooLarge != want {
		t.Errorf("error %+v, want %+v", *tooLarge, want)
	}
	for _, s := range []string{`"big"`, fmt.Sprint(len(text) + 1), fmt.Sprint(len(text))} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not say %s", err, s)
		}
	}
}

// TestExtractCancel checks that Extract returns the context's error: at
// once for a context done before the call, and soon after the context is
// cancelled while it reads a long document.
func TestExtractCancel(t *testing.T) {
	ex := extractor(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ex.Extract(ctx, &corpus.Document{ID: "c", Text: "Macron met Xi."}); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled context: error %v, want context.Canceled", err)
	}
	if testing.Short() {
		return
	}
	doc := &corpus.Document{ID: "long", Text: longText(t, 1<<20)}
	ctx, cancel = context.WithCancel(context.Background())
	var cancelled time.Time
	timer := time.AfterFunc(200*time.Millisecond, func() { cancelled = time.Now(); cancel() })
	defer timer.Stop()
	_, err := ex.Extract(ctx, doc)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled after 200 ms: error %v, want context.Canceled", err)
	}
	// The target is 100 ms; the bound leaves room for a busy machine.
	d := time.Since(cancelled)
	t.Logf("returned %v after the cancellation", d)
	if d > time.Second {
		t.Errorf("Extract returned %v after the cancellation", d)
	}
}

// TestWindows checks that a document longer than WindowBytes, read in
// windows, gives what its windows give as documents of their own: a
// document of one long paragraph, cut at the blank line after it, then a
// second paragraph. Analysed beforehand or not, the result is the same.
func TestWindows(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: extracts 300 KB of text four times")
	}
	ex := extractor(t)
	ctx := context.Background()
	first := strings.ReplaceAll(longText(t, relation.WindowBytes+20<<10), "\n\n", "\n")
	second := "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow. The two leaders signed an energy deal."
	text := first + "\n\n" + second
	cut := len(first) + 1

	whole, err := ex.Extract(ctx, &corpus.Document{ID: "w", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	a, err := ex.Extract(ctx, &corpus.Document{ID: "w", Text: text[:cut]})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ex.Extract(ctx, &corpus.Document{ID: "w", Text: text[cut:]})
	if err != nil {
		t.Fatal(err)
	}
	if whole.Document.Sentences != nil {
		t.Errorf("a document read in windows keeps %d sentences, want none", len(whole.Document.Sentences))
	}
	wantMentions := slices.Clone(a.Mentions)
	for _, m := range b.Mentions {
		m.Start, m.End = m.Start+cut, m.End+cut
		wantMentions = append(wantMentions, m)
	}
	if d := cmp.Diff(wantMentions, whole.Mentions); d != "" {
		t.Errorf("mentions (-windows as documents +document):\n%s", d)
	}
	wantRels := slices.Clone(a.Relations)
	for _, r := range b.Relations {
		r.Evidence.Start, r.Evidence.End = r.Evidence.Start+cut, r.Evidence.End+cut
		wantRels = append(wantRels, r)
	}
	if d := cmp.Diff(wantRels, whole.Relations); d != "" {
		t.Errorf("relations (-windows as documents +document):\n%s", d)
	}
	ids := func(es []entity.Entity) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	wantIDs := append(ids(a.Entities), ids(b.Entities)...)
	slices.Sort(wantIDs)
	if d := cmp.Diff(slices.Compact(wantIDs), ids(whole.Entities)); d != "" {
		t.Errorf("entity IDs (-windows as documents +document):\n%s", d)
	}
	if _, err := whole.Graph(); err != nil {
		t.Errorf("Graph: %v", err)
	}
	if !slices.ContainsFunc(whole.Relations, func(r relation.Relation) bool {
		return r.Evidence.Start >= cut && r.Type == relation.Meet
	}) {
		t.Errorf("no MEET in the second window")
	}

	// Analysed beforehand: windows of whole sentences, the same here.
	doc := &corpus.Document{ID: "w", Text: text}
	an, err := corpus.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := an.Analyze(ctx, doc); err != nil {
		t.Fatal(err)
	}
	pre, err := ex.Extract(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(whole.Relations, pre.Relations); d != "" {
		t.Errorf("relations (-analysed in windows +analysed beforehand):\n%s", d)
	}
}
