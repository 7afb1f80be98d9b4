package corpus

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
)

// Analyzer splits documents into sentences and tokens and tags the tokens
// with Penn Treebank part-of-speech tags. It is safe for concurrent use by
// many goroutines, and immutable after [New].
type Analyzer struct {
	seg          *segment.Segmenter
	tok          *tokenize.Tokenizer
	tagger       tag.Interface
	wrappedLines bool
}

// Option configures an [Analyzer] built by [New].
type Option func(*Analyzer) error

// WithSegmenter sets the sentence segmenter. The default is prose's English
// Punkt model (segment.New).
func WithSegmenter(s *segment.Segmenter) Option {
	return func(a *Analyzer) error {
		if s == nil {
			return errors.New("corpus: WithSegmenter(nil)")
		}
		a.seg = s
		return nil
	}
}

// WithTokenizer sets the word tokenizer. The default is prose's English
// tokenizer (tokenize.New()).
func WithTokenizer(t *tokenize.Tokenizer) Option {
	return func(a *Analyzer) error {
		if t == nil {
			return errors.New("corpus: WithTokenizer(nil)")
		}
		a.tok = t
		return nil
	}
}

// WithTagger sets the part-of-speech tagger, which must be safe for
// concurrent use. The default is prose's averaged perceptron (tag.New), and
// any prose tagger, such as a tag.Lexical, fits.
func WithTagger(t tag.Interface) Option {
	return func(a *Analyzer) error {
		if t == nil {
			return errors.New("corpus: WithTagger(nil)")
		}
		a.tagger = t
		return nil
	}
}

// WithWrappedLines makes a single line break an ordinary space, for text that
// is hard-wrapped at a fixed width (e-mail, plain-text archives). Only blank
// lines then separate paragraphs. Without it, every line break ends a
// sentence, which suits news text, where a line is a headline, a dateline or
// a paragraph.
func WithWrappedLines() Option {
	return func(a *Analyzer) error {
		a.wrappedLines = true
		return nil
	}
}

// New returns an Analyzer. With no options it uses prose's English
// segmenter, tokenizer and tagger, whose models are embedded and loaded once
// per process. A nil segmenter, tokenizer or tagger is an error.
func New(opts ...Option) (*Analyzer, error) {
	a := new(Analyzer)
	for _, opt := range opts {
		if err := opt(a); err != nil {
			return nil, err
		}
	}
	if a.seg == nil {
		s, err := segment.New()
		if err != nil {
			return nil, fmt.Errorf("corpus: loading the sentence model: %w", err)
		}
		a.seg = s
	}
	if a.tok == nil {
		a.tok = tokenize.New()
	}
	if a.tagger == nil {
		t, err := tag.New()
		if err != nil {
			return nil, fmt.Errorf("corpus: loading the tagger model: %w", err)
		}
		a.tagger = t
	}
	return a, nil
}

// Analyze fills d.Sentences from d.Text: sentences, their tokens, and each
// token's tag. Any sentences d already had are replaced.
//
// Every offset is a byte offset into d.Text: d.Text[s.Start:s.End] == s.Text
// for each sentence and d.Text[t.Start:t.End] == t.Text for each token.
// Sentences are in text order and disjoint, each token lies inside its
// sentence, and no sentence or token has leading or trailing white space.
//
// Analyze returns an error wrapping [ErrEmpty] when d.Text is empty or only
// white space, and one wrapping an [*InvalidUTF8Error] when it is not valid
// UTF-8; both are [*DocumentError] values naming the document. It
// checks ctx between sentences and returns ctx.Err() when it is done. On any
// error d.Sentences is nil.
func (a *Analyzer) Analyze(ctx context.Context, d *Document) error {
	if d == nil {
		return errors.New("corpus: Analyze(nil document)")
	}
	d.Sentences = nil
	if off := invalidOffset(d.Text); off >= 0 {
		return &DocumentError{ID: d.ID, Err: &InvalidUTF8Error{Offset: off}}
	}
	if strings.TrimSpace(d.Text) == "" {
		return &DocumentError{ID: d.ID, Err: ErrEmpty}
	}
	var sents []Sentence
	for _, b := range blocks(d.Text, a.wrappedLines) {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, ps := range a.seg.Segment(b.text) {
			if err := ctx.Err(); err != nil {
				return err
			}
			s, err := a.sentence(d.Text, b.start+ps.Start, ps.Text)
			if err != nil {
				return &DocumentError{ID: d.ID, Err: err}
			}
			if n := len(sents); n > 0 && s.Start < sents[n-1].End {
				return &DocumentError{ID: d.ID, Err: fmt.Errorf("segmenter returned overlapping sentences at bytes %d and %d", sents[n-1].Start, s.Start)}
			}
			sents = append(sents, s)
		}
	}
	d.Sentences = sents
	return nil
}

// sentence tokenizes and tags one sentence found at byte start of text.
func (a *Analyzer) sentence(text string, start int, stext string) (Sentence, error) {
	end := start + len(stext)
	if start < 0 || end > len(text) || text[start:end] != stext {
		return Sentence{}, fmt.Errorf("segmenter returned a sentence whose offset %d does not locate its text", start)
	}
	ptoks := a.tok.Tokenize(stext)
	a.tagger.TagTokens(ptoks)
	toks := make([]Token, 0, len(ptoks))
	prev := 0
	for _, pt := range ptoks {
		if pt.Start < prev || pt.End() > len(stext) || stext[pt.Start:pt.End()] != pt.Text || pt.Text == "" {
			return Sentence{}, fmt.Errorf("tokenizer returned token %q at byte %d that does not locate its text", pt.Text, start+pt.Start)
		}
		prev = pt.End()
		toks = append(toks, Token{Text: pt.Text, Start: start + pt.Start, End: start + pt.End(), Tag: pt.Tag})
	}
	return Sentence{Text: stext, Start: start, End: end, Tokens: toks}, nil
}

// TagWords returns the part-of-speech tag of each word, treating words as
// one sentence. It is meant for pre-tokenized text, such as a training
// corpus, so that models learn from the tags they will see at run time.
func (a *Analyzer) TagWords(words []string) []string {
	if len(words) == 0 {
		return nil
	}
	toks := make([]token.Token, len(words))
	for i, w := range words {
		toks[i].Text = w
	}
	a.tagger.TagTokens(toks)
	tags := make([]string, len(words))
	for i, t := range toks {
		tags[i] = t.Tag
	}
	return tags
}

// block is a stretch of text that no sentence crosses.
type block struct {
	text  string
	start int
}

// blocks splits text at line breaks (at blank lines only, if wrapped), with
// each block's byte offset. Blocks may be empty or white space; the segmenter
// drops those.
func blocks(text string, wrapped bool) []block {
	var out []block
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		if wrapped && !blankLineFollows(text, i) {
			continue
		}
		out = append(out, block{text[start:i], start})
		start = i + 1
	}
	return append(out, block{text[start:], start})
}

// blankLineFollows reports whether the line break at text[i] is followed by
// a line that is empty or white space.
func blankLineFollows(text string, i int) bool {
	for _, r := range text[i+1:] {
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// DocumentError is an error about a whole document, naming it by ID.
type DocumentError struct {
	ID  string
	Err error
}

func (e *DocumentError) Error() string {
	return fmt.Sprintf("corpus: document %q: %v", e.ID, e.Err)
}

// Unwrap returns the underlying error.
func (e *DocumentError) Unwrap() error { return e.Err }
