package corpus

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// A sentence longer than MaxSentenceTokens is cut into sentences of that
// many tokens, with exact offsets and no token lost.
func TestAnalyzeLongSentence(t *testing.T) {
	a := newAnalyzer(t)
	text := strings.Repeat("the man met the woman and ", 2000) + "they left."
	d := &Document{ID: "long", Text: text}
	if err := a.Analyze(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if msg := checkOffsets(text, d.Sentences); msg != "" {
		t.Fatal(msg)
	}
	var sizes []int
	total := 0
	for _, s := range d.Sentences {
		sizes = append(sizes, len(s.Tokens))
		total += len(s.Tokens)
	}
	if total != 2000*6+3 {
		t.Errorf("%d tokens, want %d", total, 2000*6+3)
	}
	capped := false
	for _, n := range sizes {
		if n > MaxSentenceTokens {
			t.Errorf("sentence sizes %v: want at most %d tokens in each", sizes, MaxSentenceTokens)
		}
		capped = capped || n == MaxSentenceTokens
	}
	if !capped {
		t.Errorf("sentence sizes %v: none cut at %d; the test lost its point", sizes, MaxSentenceTokens)
	}
}

// A flood of emoji or symbols without spaces gives short tokens, fewer per
// byte than prose has, so that it costs no more than as much prose.
func TestAnalyzeFloods(t *testing.T) {
	a := newAnalyzer(t)
	for _, in := range hostileInputs(t, 64<<10) {
		t.Run(in.name, func(t *testing.T) {
			d := &Document{ID: in.name, Text: in.text}
			if err := a.Analyze(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if msg := checkOffsets(in.text, d.Sentences); msg != "" {
				t.Fatal(msg)
			}
			n := 0
			for _, s := range d.Sentences {
				for _, tk := range s.Tokens {
					n++
					if len(tk.Text) > maxRunToken+4 && strings.IndexFunc(tk.Text, isPunct) >= 0 {
						t.Fatalf("token of %d bytes %q...", len(tk.Text), tk.Text[:16])
					}
				}
			}
			if max := len(in.text) / 4; n > max && in.name != "dots" {
				t.Errorf("%d tokens in %d bytes, want at most %d", n, len(in.text), max)
			}
		})
	}
}

// Analyze returns soon after its context is cancelled, even on a 20 MB
// document of one line.
func TestAnalyzeCancel(t *testing.T) {
	if testing.Short() {
		t.Skip("20 MB document")
	}
	a := newAnalyzer(t)
	for _, unit := range []string{"Macron met Xi in Beijing on Monday. ", "😀🎉👍🏽", "word "} {
		text := strings.Repeat(unit, (20<<20)/len(unit))
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- a.Analyze(ctx, &Document{ID: "big", Text: text}) }()
		time.Sleep(50 * time.Millisecond)
		cancel()
		cancelled := time.Now()
		select {
		case err := <-done:
			took := time.Since(cancelled)
			t.Logf("%q×%d: returned %v after cancel", unit, len(text)/len(unit), took)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Analyze = %v, want context.Canceled", err)
			}
			// The aim is 100 ms; measured 0.2-55 ms at load averages of
			// 19-25 on 2 cores. The slack is for machines busier still.
			if took > 250*time.Millisecond {
				t.Errorf("Analyze returned %v after cancel, want under 100 ms", took)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("Analyze did not return after cancel")
		}
	}
}

// A line longer than maxBlock is cut into blocks that cover it in order,
// after a sentence end where there is one.
func TestBlocksCut(t *testing.T) {
	text := strings.Repeat("Xi met Mr. Putin. ", 3000) + strings.Repeat("x", 40000) + "\nend"
	bs := slices.Collect(blocks(text, false))
	next := 0
	for i, b := range bs {
		if b.start != next && !(b.start == next+1 && text[next] == '\n') {
			t.Fatalf("block %d starts at %d, want %d", i, b.start, next)
		}
		if len(b.text) > maxBlock || text[b.start:b.start+len(b.text)] != b.text {
			t.Fatalf("block %d: %d bytes at %d", i, len(b.text), b.start)
		}
		if b.start+len(b.text) < 3000*18 && !strings.HasSuffix(b.text, "Putin. ") {
			t.Errorf("block %d ends %q, not after a sentence", i, b.text[len(b.text)-5:])
		}
		next = b.start + len(b.text)
	}
	if next != len(text) {
		t.Errorf("blocks end at %d of %d", next, len(text))
	}
}
