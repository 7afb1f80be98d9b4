package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"
)

// ByteSpan is an annotated entity in a text: the bytes Text[Start:End] and
// the entity type.
type ByteSpan struct {
	Start, End int
	Type       string
}

// SpanDocument is a text with entity annotations given as byte spans, as
// users write their own gold data. The invariant is that every span slices
// Text on UTF-8 boundaries: 0 <= Start < End <= len(Text).
type SpanDocument struct {
	ID    string
	Text  string
	Spans []ByteSpan // sorted by Start, then End, then Type
}

type spanRecord struct {
	ID       *string `json:"id"`
	Text     *string `json:"text"`
	Entities []struct {
		Start *int    `json:"start"`
		End   *int    `json:"end"`
		Type  string  `json:"type"`
		Text  *string `json:"text"` // optional; checked against the span when present
	} `json:"entities"`
}

// ReadSpanJSONL reads JSON Lines of annotated texts, one object per line:
//
//	{"id": "a1", "text": "Macron met Xi.", "entities": [{"start": 0, "end": 6, "type": "PER"}]}
//
// Offsets are bytes into text. An entity may also carry "text", which must
// then equal the bytes it spans. Blank lines are skipped.
//
// A bad line (bad JSON, missing or duplicate id, missing text, invalid UTF-8,
// a span out of range, not on a UTF-8 boundary, with start >= end, without a
// type, or whose "text" disagrees) is left out; reading goes on, and the error
// returned is an [ErrorList] with a [*LineError] for every bad line, such as
// `corpus: gold.jsonl:12: entity 3: "end" 98 is before "start" 120`. The good
// documents are returned with it. Lines may be up to 64 MiB long; a longer
// line is a bad line too ([*TooLongError], matching [ErrTooLong]), read past
// without being held in memory. A read error ends reading and is the last
// entry.
func ReadSpanJSONL(r io.Reader, name string) ([]SpanDocument, error) {
	sc := newLineScanner(r, name)
	sc.skipLong = true
	var (
		docs []SpanDocument
		errs ErrorList
		seen = make(map[string]int)
	)
	for sc.Scan() {
		if le := sc.Long(); le != nil {
			errs = append(errs, le)
			continue
		}
		line := sc.Bytes()
		if isBlank(line) {
			continue
		}
		d, err := parseSpanLine(line)
		if err == nil {
			if first, dup := seen[d.ID]; dup {
				err = &DuplicateIDError{ID: d.ID, FirstLine: first}
			}
		}
		if err != nil {
			errs = append(errs, &LineError{name, sc.line, err})
			continue
		}
		seen[d.ID] = sc.line
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err)
	}
	return docs, errs.Err()
}

func parseSpanLine(line []byte) (SpanDocument, error) {
	if !utf8.Valid(line) {
		// encoding/json would quietly turn invalid bytes into U+FFFD.
		return SpanDocument{}, &InvalidUTF8Error{Offset: invalidOffset(string(line)), InLine: true}
	}
	var rec spanRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return SpanDocument{}, err
	}
	if rec.ID == nil || *rec.ID == "" {
		return SpanDocument{}, ErrMissingID
	}
	if rec.Text == nil {
		return SpanDocument{}, ErrMissingText
	}
	d := SpanDocument{ID: *rec.ID, Text: *rec.Text}
	for i, e := range rec.Entities {
		if e.Start == nil || e.End == nil {
			return SpanDocument{}, fmt.Errorf(`entity %d: missing "start" or "end"`, i)
		}
		s := ByteSpan{Start: *e.Start, End: *e.End, Type: e.Type}
		switch {
		case s.Type == "":
			return SpanDocument{}, fmt.Errorf(`entity %d: missing "type"`, i)
		case s.End <= s.Start:
			return SpanDocument{}, fmt.Errorf(`entity %d: "end" %d is not after "start" %d`, i, s.End, s.Start)
		case s.Start < 0 || s.End > len(d.Text):
			return SpanDocument{}, fmt.Errorf(`entity %d: span [%d,%d) is outside the text (%d bytes)`, i, s.Start, s.End, len(d.Text))
		case !utf8.RuneStart(d.Text[s.Start]) || (s.End < len(d.Text) && !utf8.RuneStart(d.Text[s.End])):
			return SpanDocument{}, fmt.Errorf(`entity %d: span [%d,%d) splits a UTF-8 character`, i, s.Start, s.End)
		case e.Text != nil && *e.Text != d.Text[s.Start:s.End]:
			return SpanDocument{}, fmt.Errorf(`entity %d: "text" %q differs from the spanned text %q`, i, *e.Text, d.Text[s.Start:s.End])
		}
		d.Spans = append(d.Spans, s)
	}
	slices.SortStableFunc(d.Spans, func(a, b ByteSpan) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return a.End - b.End
		}
		switch {
		case a.Type < b.Type:
			return -1
		case a.Type > b.Type:
			return 1
		}
		return 0
	})
	return d, nil
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// invalidOffset returns the byte offset of the first invalid UTF-8 sequence
// in s, or -1 if s is valid.
func invalidOffset(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}
