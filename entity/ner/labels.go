package ner

import "github.com/newsgraph/newsgraph/corpus"

// Labels are BILOU tags over the model's entity types: label 0 is O (outside
// any entity) and type t has labels 1+4t (B, begin), 2+4t (I, inside),
// 3+4t (L, last) and 4+4t (U, a one-token unit).
const (
	posB = iota
	posI
	posL
	posU
)

func numLabels(types int) int { return 1 + 4*types }

func label(t, pos int) int { return 1 + 4*t + pos }

// labelType returns the type index of a label, or -1 for O.
func labelType(l int) int {
	if l == 0 {
		return -1
	}
	return (l - 1) / 4
}

func labelPos(l int) int { return (l - 1) % 4 }

// allowed reports whether label b may follow label a under BILOU; a == -1 is
// the start of the sentence and b == -1 its end.
func allowed(a, b int) bool {
	aOpen := a > 0 && (labelPos(a) == posB || labelPos(a) == posI)
	if b == -1 {
		return !aOpen
	}
	bCont := b > 0 && (labelPos(b) == posI || labelPos(b) == posL)
	if aOpen {
		return bCont && labelType(a) == labelType(b)
	}
	return !bCont
}

// encodeBILOU writes the labels of n tokens with the given spans into out;
// spans of a type not in typeIndex, and overlapping spans, are left as O.
func encodeBILOU(n int, spans []corpus.Span, typeIndex map[string]int, out []int) {
	for i := range n {
		out[i] = 0
	}
	for _, s := range spans {
		t, ok := typeIndex[s.Type]
		if !ok || s.Start < 0 || s.End > n || s.Start >= s.End {
			continue
		}
		free := true
		for i := s.Start; i < s.End; i++ {
			if out[i] != 0 {
				free = false
			}
		}
		if !free {
			continue
		}
		if s.End-s.Start == 1 {
			out[s.Start] = label(t, posU)
			continue
		}
		out[s.Start] = label(t, posB)
		for i := s.Start + 1; i < s.End-1; i++ {
			out[i] = label(t, posI)
		}
		out[s.End-1] = label(t, posL)
	}
}

// decodeBILOU appends the spans of a well-formed label sequence to dst,
// leaving out types whose emit flag is false; types receives each token's type
// index, or -1 outside entities.
func decodeBILOU(dst []corpus.Span, labels []int, names []string, emit []bool, types []int8) []corpus.Span {
	start := -1
	for i, l := range labels {
		t := labelType(l)
		types[i] = int8(t)
		if t < 0 {
			start = -1
			continue
		}
		switch labelPos(l) {
		case posU:
			if emit[t] {
				dst = append(dst, corpus.Span{Start: i, End: i + 1, Type: names[t]})
			}
			start = -1
		case posB:
			start = i
		case posL:
			if start >= 0 && emit[t] {
				dst = append(dst, corpus.Span{Start: start, End: i + 1, Type: names[t]})
			}
			start = -1
		}
	}
	return dst
}
