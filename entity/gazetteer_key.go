package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tokenize"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// appendKey appends the lookup key of the word w to buf: w case-folded, with
// its diacritics removed and its curly apostrophes and dashes made plain. It
// reports whether w has an upper-case letter. The key is for lookups only;
// the text itself is never changed.
func appendKey(buf []byte, w string) ([]byte, bool) {
	start := len(buf)
	buf, upper := appendKeyOnly(buf, w)
	return foldSpelling(buf, start), upper // British spellings: see spelling.go
}

func appendKeyOnly(buf []byte, w string) ([]byte, bool) {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return appendKeyUnicode(buf, w)
		}
	}
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			upper = true
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf, upper
}

func appendKeyUnicode(buf []byte, w string) ([]byte, bool) {
	upper := false
	for _, r := range w {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			upper = true
			break
		}
	}
	// cases.Fold keeps no state between calls, unlike other Casers.
	s := norm.NFKD.String(cases.Fold().String(w))
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '\u2032' || r == '`':
			r = '\''
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014' || r == '\u2212':
			r = '-'
		}
		buf = utf8.AppendRune(buf, r)
	}
	return buf, upper
}

// key returns the lookup key of w.
func key(w string) string {
	b, _ := appendKey(nil, w)
	return string(b)
}

// hasUpper reports whether s has an upper-case letter.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return true
		}
	}
	return false
}

// isAcronym reports whether the name token t matches only in its own case:
// it has at least one letter, at most five, and all of them upper case, as in
// "US", "EU", "WHO", "G7" and "OPEC+".
func isAcronym(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0 && letters <= 5
}

// dotted returns "U.S." for "US": the dotted form of an acronym of two to
// four capital ASCII letters, or "" if t is not one.
func dotted(t string) string {
	if len(t) < 2 || len(t) > 4 {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] < 'A' || t[i] > 'Z' {
			return ""
		}
		b.WriteByte(t[i])
		b.WriteByte('.')
	}
	return b.String()
}

// splitName splits a name into words the way package corpus splits text, so
// that a name's words line up with a sentence's.
func splitName(tk *tokenize.Tokenizer, name string) []string {
	if plainWords(name) {
		// prose never splits a run of letters: skip its regular expressions.
		return strings.Fields(name)
	}
	toks := tk.Tokenize(name)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	return words
}

// plainWords reports whether s is only letters and spaces.
func plainWords(s string) bool {
	for _, r := range s {
		if r != ' ' && !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
