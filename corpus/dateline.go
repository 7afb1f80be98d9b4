package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A wire story opens with a dateline: "PARIS (Reuters) -", "BEIJING, Nov 27
// (AP) —", "MOSCOW, March 3 -", "( Text ) Ulaanbaatar , 29 Apr ( XINHUA )
// --". It is no part of the sentence it precedes: parsed with it, the city
// becomes the subject ("PARIS (Reuters) - France accused Russia ..." read as
// Paris accusing Russia). The analyzer makes it a sentence of its own.

// maxDateline is the most tokens a dateline has before its dash.
const maxDateline = 14

// datelineEnd returns the byte offset in text just past the dash that ends
// a dateline at the start of the tokens of text, or 0 when they do not
// start with one. A dateline is a capitalised place, then a date or a
// news agency in parentheses (or both), then a dash, with no verb, and more
// text after the dash.
func datelineEnd(toks []Token) int {
	for k := 1; k < len(toks)-1 && k <= maxDateline; k++ {
		if !isDash(toks[k].Text) {
			continue
		}
		if isDateline(toks[:k]) {
			return toks[k].End
		}
		return 0
	}
	return 0
}

func isDash(s string) bool {
	switch s {
	case "-", "--", "---", "–", "—", "―":
		return true
	}
	return false
}

// isDateline reports whether toks, the tokens before a dash, are a
// dateline.
func isDateline(toks []Token) bool {
	agency, date, place := false, false, false
	depth := 0
	for i, t := range toks {
		w := t.Text
		switch {
		case w == "(":
			depth++
		case w == ")":
			if depth == 0 {
				return false
			}
			depth--
			agency = agency || (i > 0 && toks[i-1].Text != "(" && i == len(toks)-1)
		case w == "," || w == "." || w == "/":
		case isMonth(w) || isNumber(w):
			if depth == 0 {
				date = true
			}
		case strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD":
			return false
		case startsUpperWord(w):
			if depth == 0 {
				place = true
			}
		default:
			return false
		}
	}
	return depth == 0 && place && (agency || date)
}

var months = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
}

func isMonth(w string) bool { return months[strings.ToLower(strings.TrimSuffix(w, "."))] }

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// startsUpperWord reports whether w is a word that starts with an upper-case
// letter.
func startsUpperWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
