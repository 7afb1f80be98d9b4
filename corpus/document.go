package corpus

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

// Document is one text to analyse: an identifier, the original UTF-8 text and,
// once analysed, its sentences.
type Document struct {
	ID        string
	Text      string
	Sentences []Sentence
}
