package corpus

// TokenSpans maps byte spans of d.Text (such as those of a [SpanDocument]
// with the same text) onto the tokens of d's analysed sentences. aligned has
// one slice per sentence, holding token-index spans in the order of spans; a
// span that does not start at a token's start and end at a token's end in the
// same sentence is returned in unaligned instead, since the tokenizer split
// the text differently from the annotator.
func (d *Document) TokenSpans(spans []ByteSpan) (aligned [][]Span, unaligned []ByteSpan) {
	type pos struct{ sent, tok int }
	starts := make(map[int]pos)
	ends := make(map[int]pos)
	for i, s := range d.Sentences {
		for j, t := range s.Tokens {
			starts[t.Start] = pos{i, j}
			ends[t.End] = pos{i, j}
		}
	}
	aligned = make([][]Span, len(d.Sentences))
	for _, sp := range spans {
		s, ok1 := starts[sp.Start]
		e, ok2 := ends[sp.End]
		if !ok1 || !ok2 || s.sent != e.sent || s.tok > e.tok {
			unaligned = append(unaligned, sp)
			continue
		}
		aligned[s.sent] = append(aligned[s.sent], Span{Start: s.tok, End: e.tok + 1, Type: sp.Type})
	}
	return aligned, unaligned
}

// ByteSpan returns the byte span of the document text covered by the tokens
// s.Tokens[sp.Start:sp.End], and false if sp is not a non-empty range of
// s's tokens.
func (s *Sentence) ByteSpan(sp Span) (ByteSpan, bool) {
	if sp.Start < 0 || sp.End > len(s.Tokens) || sp.Start >= sp.End {
		return ByteSpan{}, false
	}
	return ByteSpan{Start: s.Tokens[sp.Start].Start, End: s.Tokens[sp.End-1].End, Type: sp.Type}, true
}
