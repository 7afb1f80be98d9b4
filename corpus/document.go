package corpus

import "time"

// Token is a word or punctuation mark with its position in the document text.
//
// The invariant is doc.Text[t.Start:t.End] == t.Text.
type Token struct {
	Text  string // verbatim from the source
	Start int    // byte offset of Text in the document
	End   int    // byte offset just past Text
	Tag   string // Penn Treebank part-of-speech tag, empty until tagged
}

// Sentence is a run of tokens with its position in the document text.
//
// The invariant is doc.Text[s.Start:s.End] == s.Text; every token's offsets
// are into the document text too, not into the sentence.
type Sentence struct {
	Text   string
	Start  int
	End    int
	Tokens []Token
}

// Document is one text to analyse: an identifier, the original UTF-8 text,
// the date it was published when known and, once analysed, its sentences.
type Document struct {
	ID   string
	Text string
	// Date is the day the document was published, the zero Time when
	// unknown. Office holders are resolved for it: "the Prime Minister" of
	// a 2010 article is the one in office in 2010.
	Date time.Time
	// Source maps offsets in Text back to the input the document was read
	// from when Text is not that input verbatim: the visible text of an
	// HTML page (see [ReadHTML]). It is nil otherwise, and a nil
	// *SourceMap maps every span to itself, so d.Source.Span(start, end)
	// gives offsets into the input for any document.
	Source    *SourceMap
	Sentences []Sentence
}
