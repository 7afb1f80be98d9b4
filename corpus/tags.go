package corpus

import (
	"fmt"
	"strings"
)

// DecodeTags turns a sentence's per-token entity tags into spans.
//
// It reads IOB1, IOB2 (BIO) and IOBES alike, with one rule: B-X and S-X
// always start a span; I-X and E-X continue the open span when it has type X
// and start one otherwise (so IOB1's "I-X after O" and an IOB2 file's stray
// I-X both begin an entity); S-X and E-X close the span; O closes it. A tag
// that is none of O, B-, I-, E-, S- followed by a type is an error naming the
// token index.
func DecodeTags(tags []string) ([]Span, error) {
	var spans []Span
	open := -1 // index into spans of the open span, or -1
	for i, tag := range tags {
		if tag == "O" {
			open = -1
			continue
		}
		if err := checkTag(tag); err != nil {
			return nil, fmt.Errorf("token %d: %w", i, err)
		}
		prefix, typ, _ := strings.Cut(tag, "-")
		switch {
		case (prefix == "I" || prefix == "E") && open >= 0 && spans[open].Type == typ:
			spans[open].End = i + 1
		default:
			spans = append(spans, Span{Start: i, End: i + 1, Type: typ})
			open = len(spans) - 1
		}
		if prefix == "E" || prefix == "S" {
			open = -1
		}
	}
	return spans, nil
}

// EncodeBIO returns IOB2 (BIO) tags for a sentence of n tokens with the given
// spans: B-X on a span's first token, I-X on the others, O elsewhere. Spans
// must be in range, non-empty and disjoint; otherwise it returns an error.
func EncodeBIO(n int, spans []Span) ([]string, error) {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = "O"
	}
	for _, s := range spans {
		if s.Start < 0 || s.End > n || s.Start >= s.End {
			return nil, fmt.Errorf("span [%d,%d) %s out of range for %d tokens", s.Start, s.End, s.Type, n)
		}
		if s.Type == "" {
			return nil, fmt.Errorf("span [%d,%d) has no type", s.Start, s.End)
		}
		for i := s.Start; i < s.End; i++ {
			if tags[i] != "O" {
				return nil, fmt.Errorf("span [%d,%d) %s overlaps another span at token %d", s.Start, s.End, s.Type, i)
			}
			if i == s.Start {
				tags[i] = "B-" + s.Type
			} else {
				tags[i] = "I-" + s.Type
			}
		}
	}
	return tags, nil
}
