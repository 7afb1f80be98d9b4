package relation

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/corpus"
)

// TestPieces checks that a long sentence is cut into pieces that hold
// its tokens in order, each once, each piece no longer than the limit and
// slicing the text, cut after clause punctuation where there is some.
func TestPieces(t *testing.T) {
	for _, tc := range []struct {
		name  string
		words []string
		limit int
		want  []int // lengths of the pieces in tokens
	}{
		{"short", strings.Fields("Macron met Xi ."), 10, []int{4}},
		{"at the limit", strings.Fields("a b c d"), 4, []int{4}},
		{"no punctuation", strings.Fields("a b c d e f g h i j"), 4, []int{4, 4, 2}},
		{"after a comma", strings.Fields("a b c , d e f g h"), 5, []int{4, 5}},
		{"a comma too early", strings.Fields("a , b c d e f g"), 5, []int{5, 3}},
		{"after the last clause mark", strings.Fields("a b ; c : d e f"), 6, []int{5, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sent := sentenceOf(tc.words)
			ps := pieces(sent, tc.limit)
			var got []int
			next := 0
			for _, p := range ps {
				got = append(got, len(p.Tokens))
				if len(p.Tokens) == 0 || len(p.Tokens) > tc.limit {
					t.Errorf("piece of %d tokens, limit %d", len(p.Tokens), tc.limit)
					continue
				}
				if p.Tokens[0] != sent.Tokens[next] {
					t.Errorf("piece starts at token %q, want %q", p.Tokens[0].Text, sent.Tokens[next].Text)
				}
				next += len(p.Tokens)
				if p.Start != p.Tokens[0].Start || p.End != p.Tokens[len(p.Tokens)-1].End ||
					p.Text != sent.Text[p.Start-sent.Start:p.End-sent.Start] {
					t.Errorf("piece %d:%d %q does not slice the sentence", p.Start, p.End, p.Text)
				}
			}
			if next != len(sent.Tokens) {
				t.Errorf("pieces hold %d tokens, want %d", next, len(sent.Tokens))
			}
			if !equalInts(got, tc.want) {
				t.Errorf("pieces of %v tokens, want %v", got, tc.want)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// sentenceOf returns a sentence of the words, starting at byte 7 of a
// document, separated by spaces.
func sentenceOf(words []string) corpus.Sentence {
	const base = 7
	text := strings.Join(words, " ")
	s := corpus.Sentence{Start: base, End: base + len(text), Text: text}
	off := base
	for _, w := range words {
		s.Tokens = append(s.Tokens, corpus.Token{Text: w, Start: off, End: off + len(w)})
		off += len(w) + 1
	}
	return s
}

// TestEvidenceWindow checks the window of a long sentence kept as
// evidence: at most MaxEvidence bytes, inside the sentence, holding the
// cue's offset, on rune boundaries, and the whole sentence when it is
// short enough.
func TestEvidenceWindow(t *testing.T) {
	short := "Germany accused Russia."
	if s, e := evidenceWindow(short, 0, len(short), 8); s != 0 || e != len(short) {
		t.Errorf("short sentence: window %d:%d, want the whole 0:%d", s, e, len(short))
	}
	for _, tc := range []struct {
		name string
		text string
	}{
		{"words", strings.Repeat("the talks went on ", 300)},
		{"no spaces", strings.Repeat("é", 1500)},
		{"emoji", strings.Repeat("🙂🎉", 400)},
		{"mixed", strings.Repeat("a🙂 é", 500)},
	} {
		for _, at := range []int{-5, 0, 1, 499, 500, 1001, len(tc.text) / 2, len(tc.text) - 1, len(tc.text) + 3} {
			doc := "xx" + tc.text + "yy"
			start, end := 2, 2+len(tc.text)
			s, e := evidenceWindow(doc, start, end, start+at)
			cue := min(max(start+at, start), end)
			if s < start || e > end || e-s > MaxEvidence || e-s < MaxEvidence*8/10 ||
				!utf8.ValidString(doc[s:e]) || cue < s || cue > e && cue < end {
				t.Errorf("%s: cue at %d: window %d:%d of sentence %d:%d", tc.name, at, s, e, start, end)
			}
		}
	}
}
