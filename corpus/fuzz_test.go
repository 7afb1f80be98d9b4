package corpus

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze checks that Analyze never panics and that whatever it returns
// keeps the position invariants, on input seeded from the hostile table.
func FuzzAnalyze(f *testing.F) {
	for _, h := range hostileTexts {
		f.Add(h.text, false)
	}
	f.Add("Xi met Macron.\n\nXi met Macron.", true)
	f.Add("bad \xff byte", false)
	a, err := New()
	if err != nil {
		f.Fatal(err)
	}
	wrapped, err := New(WithWrappedLines())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, wrap bool) {
		an := a
		if wrap {
			an = wrapped
		}
		d := &Document{ID: "fuzz", Text: text}
		err := an.Analyze(context.Background(), d)
		switch {
		case !utf8.ValidString(text):
			var u *InvalidUTF8Error
			if !errors.As(err, &u) || u.Offset < 0 || u.Offset >= len(text) || !utf8.ValidString(text[:u.Offset]) {
				t.Fatalf("Analyze(%q) = %v, want an InvalidUTF8Error at the first bad byte", text, err)
			}
		case isBlankText(text):
			if !errors.Is(err, ErrEmpty) {
				t.Fatalf("Analyze(%q) = %v, want ErrEmpty", text, err)
			}
		case err != nil:
			t.Fatalf("Analyze(%q) = %v", text, err)
		default:
			if msg := checkOffsets(text, d.Sentences); msg != "" {
				t.Fatalf("Analyze(%q): %s", text, msg)
			}
		}
	})
}

// FuzzReadJSONL checks that the JSON Lines reader never panics, that every
// document it returns is valid, and that it reports a bad record for every
// non-blank line it does not return.
func FuzzReadJSONL(f *testing.F) {
	f.Add("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n\n{bad\n")
	f.Add("{\"id\":\"b\",\"text\":\"\xff\"}")
	f.Add("{\"id\":\"c\",\"text\":\"a line over twenty-four bytes\"}\r\n   \r\n{\"id\":\"d\",\"text\":\"ok\"}")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewJSONLReader(strings.NewReader(in), "fuzz.jsonl")
		n := 0
		for r.Scan() {
			d := r.Document()
			if d.ID == "" || checkText(d.Text) != nil {
				t.Fatalf("bad document %+v", d)
			}
			n++
		}
		if r.Err() != nil {
			t.Fatalf("Err() = %v", r.Err())
		}
		lines := 0
		for _, l := range strings.Split(in, "\n") {
			if !isBlank([]byte(l)) {
				lines++
			}
		}
		if n+len(r.Errors()) != lines {
			t.Fatalf("%d documents + %d errors != %d non-blank lines", n, len(r.Errors()), lines)
		}

		// With a small limit, every line over it is one more error and
		// none stops the reading.
		const limit = 24
		r = newJSONLReader(strings.NewReader(in), "fuzz.jsonl", limit)
		n = 0
		for r.Scan() {
			if d := r.Document(); d.ID == "" || checkText(d.Text) != nil {
				t.Fatalf("bad document %+v", d)
			}
			n++
		}
		if r.Err() != nil {
			t.Fatalf("limit %d: Err() = %v", limit, r.Err())
		}
		lines, long := 0, 0
		for _, l := range strings.Split(in, "\n") {
			switch {
			case len(strings.TrimRight(l, "\r")) > limit:
				long++
			case !isBlank([]byte(l)):
				lines++
			}
		}
		tooLong := 0
		for _, e := range r.Errors() {
			if errors.Is(e, ErrTooLong) {
				tooLong++
			}
		}
		if tooLong != long || n+len(r.Errors()) != lines+long {
			t.Fatalf("limit %d: %d documents + %d errors (%d too long) != %d short non-blank lines + %d long ones", limit, n, len(r.Errors()), tooLong, lines, long)
		}
	})
}
