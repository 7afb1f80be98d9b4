package corpus

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
	// The two models load at the same time: each takes some tens of
	// milliseconds, most of a cold start that needs no other model.
	var segErr, tagErr error
	var wg sync.WaitGroup
	if a.seg == nil {
		wg.Go(func() { a.seg, segErr = segment.New() })
	}
	if a.tagger == nil {
		wg.Go(func() { a.tagger, tagErr = tag.New() })
	}
	if a.tok == nil {
		a.tok = tokenize.New()
	}
	wg.Wait()
	if segErr != nil {
		return nil, fmt.Errorf("corpus: loading the sentence model: %w", segErr)
	}
	if tagErr != nil {
		return nil, fmt.Errorf("corpus: loading the tagger model: %w", tagErr)
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
// No sentence has more than [MaxSentenceTokens] tokens.
//
// Invisible characters (NUL and other controls that are not white space,
// and format characters such as U+200B ZERO WIDTH SPACE, U+200E LEFT-TO-RIGHT
// MARK, U+202E RIGHT-TO-LEFT OVERRIDE, U+FEFF and the soft hyphen U+00AD)
// are never part of a token or at either end of a sentence: they separate
// tokens as white space does, so "\u200EEmmanuel Macron" has the tokens
// "Emmanuel" and "Macron", and "Mac\u200Bron" the tokens "Mac" and "ron".
//
// Analyze returns an error wrapping [ErrEmpty] when d.Text is empty or only
// white space and invisible characters, and one wrapping an [*InvalidUTF8Error] when it is not valid
// UTF-8; both are [*DocumentError] values naming the document. It
// checks ctx between sentences and between blocks of at most 16 KiB (a line
// longer than that is segmented in pieces cut after a sentence end or at a
// space), and returns ctx.Err() when it is done. On any
// error d.Sentences is nil.
func (a *Analyzer) Analyze(ctx context.Context, d *Document) error {
	if d == nil {
		return errors.New("corpus: Analyze(nil document)")
	}
	d.Sentences = nil
	if err := ctx.Err(); err != nil {
		return err
	}
	if off := invalidOffset(d.Text); off >= 0 {
		return &DocumentError{ID: d.ID, Err: &InvalidUTF8Error{Offset: off}}
	}
	if isBlankText(d.Text) {
		return &DocumentError{ID: d.ID, Err: ErrEmpty}
	}
	var sents []Sentence
	for b := range blocks(d.Text, a.wrappedLines) {
		if err := ctx.Err(); err != nil {
			return err
		}
		for i, ps := range a.seg.Segment(b.text) {
			if err := ctx.Err(); err != nil {
				return err
			}
			stext, sstart := trimInvisible(ps.Text, ps.Start)
			if stext == "" {
				continue
			}
			s, err := a.sentence(d.Text, b.start+sstart, stext)
			if err != nil {
				return &DocumentError{ID: d.ID, Err: err}
			}
			if n := len(sents); n > 0 && s.Start < sents[n-1].End {
				return &DocumentError{ID: d.ID, Err: fmt.Errorf("segmenter returned overlapping sentences at bytes %d and %d", sents[n-1].Start, s.Start)}
			}
			if i == 0 {
				// A dateline opens a block: a sentence of its own.
				if end := datelineEnd(s.Tokens); end > 0 {
					s, err = a.splitDateline(d.Text, s, end, &sents)
					if err != nil {
						return &DocumentError{ID: d.ID, Err: err}
					}
				}
			}
			sents = appendCapped(sents, d.Text, s)
		}
	}
	d.Sentences = sents
	return nil
}

// MaxSentenceTokens is the most tokens a sentence has. A longer one, which
// real text does not have but a hostile or broken input does (a list
// without full stops, a table flattened to text), is cut into sentences of
// MaxSentenceTokens tokens (the last one shorter), so that later stages,
// whose cost may grow faster than a sentence's length, never see more. The
// tokens keep the tags of the whole.
const MaxSentenceTokens = 1000

// appendCapped appends s to sents, cut as MaxSentenceTokens says.
func appendCapped(sents []Sentence, text string, s Sentence) []Sentence {
	for len(s.Tokens) > MaxSentenceTokens {
		toks := s.Tokens[:MaxSentenceTokens:MaxSentenceTokens]
		start, end := toks[0].Start, toks[len(toks)-1].End
		sents = append(sents, Sentence{Text: text[start:end], Start: start, End: end, Tokens: toks})
		s.Tokens = s.Tokens[MaxSentenceTokens:]
		s.Start = s.Tokens[0].Start
		s.Text = text[s.Start:s.End]
	}
	return append(sents, s)
}

// sentence tokenizes and tags one sentence found at byte start of text.
func (a *Analyzer) sentence(text string, start int, stext string) (Sentence, error) {
	end := start + len(stext)
	if start < 0 || end > len(text) || text[start:end] != stext {
		return Sentence{}, fmt.Errorf("segmenter returned a sentence whose offset %d does not locate its text", start)
	}
	ptoks := a.tokenize(stext)
	toks := make([]Token, len(ptoks))
	prev := 0
	for i, pt := range ptoks {
		if pt.Start < prev || pt.End() > len(stext) || stext[pt.Start:pt.End()] != pt.Text || pt.Text == "" {
			return Sentence{}, fmt.Errorf("tokenizer returned token %q at byte %d that does not locate its text", pt.Text, start+pt.Start)
		}
		prev = pt.End()
		toks[i] = Token{Text: pt.Text, Start: start + pt.Start, End: start + pt.End()}
	}
	// The tagger sees lookup keys (see tagKey); the tokens keep the text.
	quotes := 0
	for i := range ptoks {
		ptoks[i].Text = tagKey(ptoks[i].Text, &quotes)
	}
	a.tagger.TagTokens(ptoks)
	for i, pt := range ptoks {
		toks[i].Tag = treebankTag(pt.Tag)
	}
	return Sentence{Text: stext, Start: start, End: end, Tokens: toks}, nil
}

// splitDateline appends the dateline of s, which ends at byte end of text,
// to sents as a sentence of its own, and returns the rest of s analysed
// anew, so that its first word is tagged as a sentence's first.
func (a *Analyzer) splitDateline(text string, s Sentence, end int, sents *[]Sentence) (Sentence, error) {
	head, err := a.sentence(text, s.Start, text[s.Start:end])
	if err != nil {
		return Sentence{}, err
	}
	rest := end
	for rest < s.End && unicode.IsSpace(rune(text[rest])) {
		rest++
	}
	tail, err := a.sentence(text, rest, text[rest:s.End])
	if err != nil || len(head.Tokens) == 0 || len(tail.Tokens) == 0 {
		// Keep the sentence whole rather than lose a token.
		return s, nil
	}
	*sents = append(*sents, head)
	return tail, nil
}

// maxPunctRun is the longest run of punctuation at either end of a
// white-space-free span that goes to prose's tokenizer as it is. The
// tokenizer peels such runs one character at a time, rescanning the span each
// time, so a span of n punctuation marks costs O(n²): 5,000 dots took 2 s.
// Longer runs are split here instead, in linear time.
const maxPunctRun = 16

// tokenize splits a sentence into tokens with offsets into it. Invisible
// characters (see isInvisible) separate tokens as white space does and are
// never part of one; the runs between them go to tokenizeVisible.
func (a *Analyzer) tokenize(text string) []token.Token {
	if strings.IndexFunc(text, isInvisible) < 0 {
		return a.tokenizeVisible(text)
	}
	var out []token.Token
	for start := 0; start < len(text); {
		r, size := utf8.DecodeRuneInString(text[start:])
		if isInvisible(r) {
			start += size
			continue
		}
		end := start + strings.IndexFunc(text[start:], isInvisible)
		if end < start {
			end = len(text)
		}
		if run := text[start:end]; strings.IndexFunc(run, notRunChar) < 0 {
			// Symbols between joiners, as in the emoji sequence
			// "👨\u200D👩": no need of prose's tokenizer.
			out = appendRuns(out, run, start)
		} else {
			for _, t := range a.tokenizeVisible(run) {
				t.Start += start
				out = append(out, t)
			}
		}
		start = end
	}
	return out
}

// isInvisible reports whether r is a character that is not shown and is
// never part of a token: NUL and the other control characters that are not
// white space, and the format characters (Unicode category Cf) such as the
// zero-width space and joiners U+200B-U+200D, the direction marks and
// overrides U+200E, U+200F and U+202A-U+202E, the word joiner and invisible
// operators U+2060-U+2064, the byte order mark U+FEFF and the soft hyphen
// U+00AD. Such characters hide in copied text and in hostile input; a word
// with one inside ("Mac\u200Bron") is two tokens, as the zero-width space
// makes it.
func isInvisible(r rune) bool {
	if r < 0x80 {
		return r < 0x20 && r != '\t' && r != '\n' && r != '\v' && r != '\f' && r != '\r' || r == 0x7F
	}
	return unicode.Is(unicode.Cf, r) || unicode.IsControl(r) && !unicode.IsSpace(r)
}

// trimInvisible trims white space and invisible characters from both ends
// of s, which starts at byte start, and returns the rest and its start.
func trimInvisible(s string, start int) (string, int) {
	t := strings.TrimLeftFunc(s, isSpaceOrInvisible)
	start += len(s) - len(t)
	return strings.TrimRightFunc(t, isSpaceOrInvisible), start
}

// isBlankText reports whether text has nothing but white space and
// invisible characters: nothing to read.
func isBlankText(text string) bool { return strings.IndexFunc(text, notSpaceOrInvisible) < 0 }

func notSpaceOrInvisible(r rune) bool { return !isSpaceOrInvisible(r) }

func isSpaceOrInvisible(r rune) bool { return unicode.IsSpace(r) || isInvisible(r) }

// tokenizeVisible splits text without invisible characters into tokens:
// prose's tokenizer, except for spans with long runs of punctuation (see
// maxPunctRun).
func (a *Analyzer) tokenizeVisible(text string) []token.Token {
	if !hasLongPunctRun(text) {
		return splitFinalPeriod(joinInitials(text, a.tok.Tokenize(text)))
	}
	var out []token.Token
	addProse := func(s string, base int) {
		for _, t := range a.tok.Tokenize(s) {
			t.Start += base
			out = append(out, t)
		}
	}
	for start := 0; start < len(text); {
		// Skip white space, then take the span up to the next white space.
		r, size := utf8.DecodeRuneInString(text[start:])
		if unicode.IsSpace(r) {
			start += size
			continue
		}
		end := start + strings.IndexFunc(text[start:], unicode.IsSpace)
		if end < start {
			end = len(text)
		}
		span := text[start:end]
		lead := len(span) - len(strings.TrimLeftFunc(span, isRunChar))
		trail := len(span) - len(strings.TrimRightFunc(span, isRunChar))
		switch {
		case lead == len(span):
			out = appendRuns(out, span, start)
		case lead <= maxPunctRun && trail <= maxPunctRun:
			addProse(span, start)
		default:
			core, coreStart := span, start
			if lead > maxPunctRun {
				out = appendRuns(out, span[:lead], start)
				core, coreStart = span[lead:], start+lead
			}
			if trail > maxPunctRun {
				addProse(core[:len(core)-trail], coreStart)
				out = appendRuns(out, core[len(core)-trail:], coreStart+len(core)-trail)
			} else {
				addProse(core, coreStart)
			}
		}
		start = end
	}
	return splitFinalPeriod(joinInitials(text, out))
}

// splitFinalPeriod splits the period that ends a sentence from the word
// before it where prose's tokenizer took the word for an abbreviation ("in
// the South China Sea." gave "Sea."). A word with a period inside ("U.S.",
// "D.C.") keeps it, as the treebank does.
func splitFinalPeriod(toks []token.Token) []token.Token {
	n := len(toks)
	if n == 0 {
		return toks
	}
	last := toks[n-1]
	w := last.Text
	if len(w) < 3 || w[len(w)-1] != '.' || strings.Contains(w[:len(w)-1], ".") {
		return toks
	}
	word := last
	word.Text = w[:len(w)-1]
	dot := token.Token{Text: ".", Start: last.Start + len(w) - 1}
	return append(toks[:n-1], word, dot)
}

// joinInitials rejoins an initial that prose's tokenizer split from its
// period ("R" "." → "R."), as the treebank and CoNLL-2003 tokenize it, so
// that "R. Kaluwitharana" and "A. Dale" stay one name. An initial is a single
// upper-case letter, not preceded by a letter or digit, with the period right
// after it and a next token that starts with an upper-case letter (a
// sentence-final "Plan A." keeps its period).
func joinInitials(text string, toks []token.Token) []token.Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) && isInitial(text, t) {
			dot := toks[i+1]
			if dot.Text == "." && dot.Start == t.End() && i+2 < len(toks) && startsUpper(toks[i+2].Text) {
				t.Text = text[t.Start : dot.Start+1]
				out = append(out, t)
				i++
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

func isInitial(text string, t token.Token) bool {
	if len(t.Text) != 1 || t.Text[0] < 'A' || t.Text[0] > 'Z' {
		return false
	}
	if t.Start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:t.Start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// isRunChar reports whether r may be part of a run of punctuation and
// symbols: a punctuation mark, a symbol, or a combining mark (the emoji
// variation selector U+FE0F, a skin tone's ...).
func isRunChar(r rune) bool { return isPunct(r) || unicode.In(r, unicode.Mn, unicode.Me) }

func notRunChar(r rune) bool { return !isRunChar(r) }

// hasLongPunctRun reports whether text has more than maxPunctRun
// punctuation marks or symbols in a row, not counting combining marks.
func hasLongPunctRun(text string) bool {
	n := 0
	for _, r := range text {
		switch {
		case isPunct(r):
			if n++; n > maxPunctRun {
				return true
			}
		case unicode.In(r, unicode.Mn, unicode.Me):
			// A mark such as the emoji variation selector U+FE0F
			// continues a run.
		default:
			n = 0
		}
	}
	return false
}

// maxRunToken is the longest token, in bytes, that appendRuns makes of a
// run of punctuation or symbols; a longer run is cut into tokens of about
// this size, at character boundaries, so that a megabyte of emoji is not
// one megabyte-long word for every later stage to fold and look up.
const maxRunToken = 64

// appendRuns appends the tokens of s, a run of punctuation, symbols and
// combining marks that starts at byte base: one token for each run of a
// repeated character ("!!!!", "----", "😀😀😀"), and one for each stretch of
// mixed ones between such runs (a flood of different emoji, "±×÷§"); none
// longer than maxRunToken bytes but by a character. Such runs are rare in
// text and common in hostile input, where a token per character would make
// tagging and memory cost several times what as much prose costs.
func appendRuns(out []token.Token, s string, base int) []token.Token {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		n := size
		for n < len(s) && n < maxRunToken {
			r2, size2 := utf8.DecodeRuneInString(s[n:])
			if r2 != r {
				break
			}
			n += size2
		}
		if n == size {
			// A mixed stretch: up to the next repeated character.
			for n < len(s) && n < maxRunToken {
				r2, size2 := utf8.DecodeRuneInString(s[n:])
				if r3, _ := utf8.DecodeRuneInString(s[n+size2:]); r3 == r2 {
					break
				}
				n += size2
			}
		}
		out = append(out, token.Token{Text: s[:n], Start: base})
		s, base = s[n:], base+n
	}
	return out
}

// TagWords returns the part-of-speech tag of each word, treating words as
// one sentence. It is meant for pre-tokenized text, such as a training
// corpus, so that models learn from the tags they will see at run time: it
// tags exactly as [Analyzer.Analyze] does.
func (a *Analyzer) TagWords(words []string) []string {
	if len(words) == 0 {
		return nil
	}
	toks := make([]token.Token, len(words))
	quotes := 0
	for i, w := range words {
		toks[i].Text = tagKey(w, &quotes)
	}
	a.tagger.TagTokens(toks)
	tags := make([]string, len(words))
	for i, t := range toks {
		tags[i] = treebankTag(t.Tag)
	}
	return tags
}

// tagKey returns the form of word the tagger is asked about. prose's model
// was trained on Penn Treebank text, where quotes are “ and ”, dashes --
// and brackets ( ), so it tags typographic forms it never saw ("“", "—",
// "’s", "[") as nouns. The key maps them to their treebank forms; the token
// text is never changed. A straight double quote becomes “ or ” by
// parity within the sentence, counted in *quotes.
func tagKey(word string, quotes *int) string {
	switch word {
	case "\"":
		*quotes++
		if *quotes%2 == 1 {
			return "``"
		}
		return "''"
	case "“", "„", "‟", "«":
		return "``"
	case "”", "»":
		return "''"
	case "‘", "‚", "‹":
		return "`"
	case "’", "›":
		return "'"
	case "[", "{":
		return "("
	case "]", "}":
		return ")"
	case "-", "–", "—", "―", "‒", "−":
		return "--"
	case "0":
		return "00" // prose reads a bare "0" as a treebank trace (-NONE-)
	case "…":
		return "..."
	}
	if strings.ContainsAny(word, "‘’") {
		return apostrophes.Replace(word)
	}
	return word
}

// treebankTag returns tag unless it is one that prose's model gives only to
// treebank traces ("-NONE-", for "*" and the like), which text does not
// have; such tokens are symbols.
func treebankTag(tag string) string {
	if tag == "-NONE-" {
		return "SYM"
	}
	return tag
}

// apostrophes maps typographic apostrophes to the straight one, as in
// "n’t" and "O’Brien". A strings.Replacer is safe for concurrent use.
var apostrophes = strings.NewReplacer("‘", "'", "’", "'")

// block is a stretch of text that no sentence crosses.
type block struct {
	text  string
	start int
}

// blocks yields the blocks of text, split at line breaks (at blank lines
// only, if wrapped), with each block's byte offset, as it goes: the caller
// checks its context between blocks, so even finding them is never a long
// stretch of work. Blocks may be empty or white space; the segmenter drops
// those.
func blocks(text string, wrapped bool) iter.Seq[block] {
	return func(yield func(block) bool) {
		start, from := 0, 0
		for {
			k := strings.IndexByte(text[from:], '\n')
			if k < 0 {
				break
			}
			i := from + k
			from = i + 1
			if wrapped && !blankLineFollows(text, i) {
				continue
			}
			if !yieldCut(text[start:i], start, yield) {
				return
			}
			start = i + 1
		}
		yieldCut(text[start:], start, yield)
	}
}

// maxBlock is the longest block, in bytes, that goes to the segmenter in one
// piece. A longer line is cut (see yieldCut), so that the work between
// two checks of the context stays small: a cancelled 20 MB document of one
// line returns in milliseconds, not after segmenting all of it.
const maxBlock = 16 << 10

// yieldCut yields the block t, which starts at byte start, cut into blocks
// of at most maxBlock bytes: after the last sure sentence end (see
// isSentenceEnd) in the second half of each, else at the last white space,
// else at a character boundary. It returns false when yield does.
func yieldCut(t string, start int, yield func(block) bool) bool {
	for len(t) > maxBlock {
		cut := cutPoint(t, maxBlock)
		if !yield(block{t[:cut], start}) {
			return false
		}
		t, start = t[cut:], start+cut
	}
	return yield(block{t, start})
}

// cutPoint returns where to cut t, which is longer than n bytes, at or
// before byte n.
func cutPoint(t string, n int) int {
	half := n / 2
	for i := n - 3; i >= half; i-- {
		if isSentenceEnd(t, i) {
			return i + 2
		}
	}
	for i := n - 1; i >= half; i-- {
		if t[i] == ' ' || t[i] == '\t' {
			return i + 1
		}
	}
	i := n
	for i > half && !utf8.RuneStart(t[i]) {
		i--
	}
	return i
}

// isSentenceEnd reports whether t[i] surely ends a sentence: ".", "!" or
// "?" after a word that is not a short capitalised one (an abbreviation such
// as "Mr." or "Gen."), then a space and an upper-case letter.
func isSentenceEnd(t string, i int) bool {
	if c := t[i]; (c != '.' && c != '!' && c != '?') || t[i+1] != ' ' || t[i+2] < 'A' || t[i+2] > 'Z' {
		return false
	}
	w := i
	for w > 0 && isASCIILetter(t[w-1]) {
		w--
	}
	word := t[w:i]
	return word != "" && (word[0] < 'A' || word[0] > 'Z' || len(word) > 4)
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

// Error returns "corpus: document \"ID\": err".
func (e *DocumentError) Error() string {
	return fmt.Sprintf("corpus: document %q: %v", e.ID, e.Err)
}

// Unwrap returns the underlying error.
func (e *DocumentError) Unwrap() error { return e.Err }
