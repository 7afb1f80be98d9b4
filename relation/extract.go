package relation

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/corpus/parse"
	"github.com/newsgraph/newsgraph/entity"
)

// Extractor turns a document into typed relations between its entities: it
// analyses the text (sentences, tokens, tags), recognises and resolves the
// entity mentions, parses the sentences that hold two or more of them and
// reads each relation cue's actor and target from the parse.
//
// An Extractor is immutable and safe for concurrent use by many goroutines.
type Extractor struct {
	analyzer   *corpus.Analyzer
	recognizer *entity.Recognizer
	parser     *parse.Parser
	lexicon    *Lexicon
	maxSize    int // the largest document, in bytes; 0 for no limit
	trace      *tracer
}

type extractorConfig struct {
	analyzer   *corpus.Analyzer
	recognizer *entity.Recognizer
	parser     *parse.Parser
	lexicon    *Lexicon
	cues       []Cue
	maxSize    int
}

// Option configures an [Extractor].
type Option func(*extractorConfig) error

// WithAnalyzer sets the text analyser (default: [corpus.New]()).
func WithAnalyzer(a *corpus.Analyzer) Option {
	return func(c *extractorConfig) error {
		if a == nil {
			return errors.New("relation: WithAnalyzer(nil)")
		}
		c.analyzer = a
		return nil
	}
}

// WithRecognizer sets the entity recognizer (default:
// [entity.NewRecognizer]()). Use it to add your own gazetteer entries.
func WithRecognizer(r *entity.Recognizer) Option {
	return func(c *extractorConfig) error {
		if r == nil {
			return errors.New("relation: WithRecognizer(nil)")
		}
		c.recognizer = r
		return nil
	}
}

// WithParser sets the dependency parser (default: [parse.Default]()).
func WithParser(p *parse.Parser) Option {
	return func(c *extractorConfig) error {
		if p == nil {
			return errors.New("relation: WithParser(nil)")
		}
		c.parser = p
		return nil
	}
}

// WithLexicon replaces the cue lexicon (default: [DefaultLexicon]()).
func WithLexicon(l *Lexicon) Option {
	return func(c *extractorConfig) error {
		if l == nil {
			return errors.New("relation: WithLexicon(nil)")
		}
		c.lexicon = l
		return nil
	}
}

// WithCues adds the user's own cues to the lexicon; a user's cue wins over
// a default cue with the same lemma and part of speech.
func WithCues(cues ...Cue) Option {
	return func(c *extractorConfig) error {
		c.cues = append(c.cues, cues...)
		return nil
	}
}

// WithMaxDocumentSize makes [Extractor.Extract] refuse a document whose
// text is longer than n bytes, with a [*DocumentTooLargeError], before any
// work on it. There is no limit by default: the cost of a document grows in
// proportion to its length, and a server that takes documents from
// strangers sets one.
func WithMaxDocumentSize(n int) Option {
	return func(c *extractorConfig) error {
		if n <= 0 {
			return fmt.Errorf("relation: WithMaxDocumentSize(%d): the limit must be positive", n)
		}
		c.maxSize = n
		return nil
	}
}

// DocumentTooLargeError is the error of [Extractor.Extract] for a document
// longer than the limit set by [WithMaxDocumentSize].
type DocumentTooLargeError struct {
	Doc   string // document ID
	Size  int    // length of its text in bytes
	Limit int    // the limit in bytes
}

func (e *DocumentTooLargeError) Error() string {
	return fmt.Sprintf("relation: document %q is %d bytes, over the limit of %d bytes (WithMaxDocumentSize)", e.Doc, e.Size, e.Limit)
}

// NewExtractor returns an Extractor. With no options it uses the embedded
// defaults throughout and runs offline.
func NewExtractor(opts ...Option) (*Extractor, error) {
	var c extractorConfig
	for _, o := range opts {
		if err := o(&c); err != nil {
			return nil, err
		}
	}
	if err := loadDefaults(&c); err != nil {
		return nil, err
	}
	var err error
	if len(c.cues) > 0 {
		if c.lexicon, err = c.lexicon.With(c.cues...); err != nil {
			return nil, err
		}
	}
	return &Extractor{analyzer: c.analyzer, recognizer: c.recognizer, parser: c.parser, lexicon: c.lexicon, maxSize: c.maxSize}, nil
}

// Result is what an [Extractor] found in one document.
type Result struct {
	Document  *corpus.Document
	Mentions  []entity.Mention // in document order
	Entities  []entity.Entity  // sorted by ID; with the groups of Relations (see [entity.Group])
	Roles     []entity.Role    // offices the text states
	Relations []Relation       // in document order

	groupMentions map[string]int // phrases naming each group node of Entities
}

// Graph returns the document's graph: its entities, with their mention
// counts, and its relations. The error reports an entity or relation the
// graph rejects (see [Graph.AddEntity] and [Graph.AddRelation]), which an
// Extractor never makes.
func (r *Result) Graph() (*Graph, error) {
	g := NewGraph()
	counts := map[string]int{}
	for _, m := range r.Mentions {
		counts[m.Entity]++
	}
	for id, n := range r.groupMentions {
		counts[id] += n
	}
	for _, e := range r.Entities {
		if err := g.AddEntity(e, counts[e.ID]); err != nil {
			return nil, fmt.Errorf("relation: document %q: %w", r.Document.ID, err)
		}
	}
	for _, rel := range r.Relations {
		if err := g.AddRelation(rel); err != nil {
			return nil, fmt.Errorf("relation: document %q: %w", r.Document.ID, err)
		}
	}
	return g, nil
}

// Extract analyses doc (unless its Sentences are filled already), finds its
// entities and their relations.
//
// Its cost grows in proportion to the length of the document: references
// to earlier text ("the country", "the two leaders") reach back a bounded
// number of sentences, a sentence of over [MaxParseTokens] tokens is
// parsed in pieces, and a document of over [WindowBytes] bytes is read in
// windows (see [WindowBytes]). It returns ctx's error, with no result, when
// ctx is done before it is; it checks between sentences.
func (x *Extractor) Extract(ctx context.Context, doc *corpus.Document) (*Result, error) {
	if doc == nil {
		return nil, errors.New("relation: Extract(nil)")
	}
	if x.maxSize > 0 && len(doc.Text) > x.maxSize {
		return nil, &DocumentTooLargeError{Doc: doc.ID, Size: len(doc.Text), Limit: x.maxSize}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(doc.Text) > WindowBytes && (doc.Sentences == nil || len(doc.Sentences) > 0) {
		return x.extractWindows(ctx, doc)
	}
	if doc.Sentences == nil {
		if err := x.analyzer.Analyze(ctx, doc); err != nil {
			return nil, err
		}
	}
	return x.extractAnalysed(ctx, doc)
}

// WindowBytes is the length of the longest document [Extractor.Extract]
// reads as one. A longer one is read in windows of about that many bytes,
// cut at blank lines where there are some (or else at line breaks, then
// after sentences, then between words): mentions are resolved, and
// references read, within a window, as if each were a document of its
// own; a name in one window is not linked to the full name in another.
// The results of the windows make one, in document order. A document not
// yet analysed is analysed window by window, and its sentences are
// dropped as each window is done, so that memory holds one window's
// tokens: its Sentences are left nil.
//
// A window is as long as some fifty news articles; few documents are cut.
const WindowBytes = 256 << 10

// extractWindows extracts the relations of a document longer than
// WindowBytes, window by window.
func (x *Extractor) extractWindows(ctx context.Context, doc *corpus.Document) (*Result, error) {
	m := newMerger(doc)
	if doc.Sentences != nil {
		// Analysed already: windows of whole sentences.
		for first := 0; first < len(doc.Sentences); {
			last := first + 1
			for last < len(doc.Sentences) && doc.Sentences[last].End-doc.Sentences[first].Start <= WindowBytes {
				last++
			}
			w := *doc
			w.Sentences = doc.Sentences[first:last]
			r, err := x.extractAnalysed(ctx, &w)
			if err != nil {
				return nil, err
			}
			m.add(r)
			first = last
		}
		return m.result(), nil
	}
	if !utf8.ValidString(doc.Text) {
		// The analyser's error, which says where.
		if err := x.analyzer.Analyze(ctx, doc); err != nil {
			return nil, err
		}
	}
	for start := 0; start < len(doc.Text); {
		end := windowEnd(doc.Text, start)
		if strings.TrimSpace(doc.Text[start:end]) != "" {
			part := &corpus.Document{ID: doc.ID, Text: doc.Text[start:end], Date: doc.Date}
			if err := x.analyzer.Analyze(ctx, part); err != nil {
				return nil, err
			}
			shift(part.Sentences, start)
			w := *doc
			w.Sentences = part.Sentences
			r, err := x.extractAnalysed(ctx, &w)
			if err != nil {
				return nil, err
			}
			m.add(r)
		}
		start = end
	}
	return m.result(), nil
}

// windowEnd returns the end of the window of text that starts at byte
// start: just after the first blank line at or after WindowBytes from
// start, within WindowBytes more; or else after a line break, a full
// stop and a space, or a space; or at the first rune boundary after
// WindowBytes.
func windowEnd(text string, start int) int {
	from := start + WindowBytes
	if from >= len(text) {
		return len(text)
	}
	stretch := text[from:min(len(text), from+WindowBytes)]
	for _, sep := range []string{"\n\n", "\n", ". ", " "} {
		if i := strings.Index(stretch, sep); i >= 0 {
			return from + i + 1
		}
	}
	for from < len(text) && !utf8.RuneStart(text[from]) {
		from++
	}
	return from
}

// shift moves the offsets of sentences analysed from a part of a document
// that starts at byte off of it, making them offsets in the document.
func shift(sents []corpus.Sentence, off int) {
	for i := range sents {
		sents[i].Start += off
		sents[i].End += off
		for j := range sents[i].Tokens {
			sents[i].Tokens[j].Start += off
			sents[i].Tokens[j].End += off
		}
	}
}

// merger makes one Result of the Results of a document's windows.
type merger struct {
	res *Result
	at  map[string]int // entity ID → its index in res.Entities
}

func newMerger(doc *corpus.Document) *merger {
	return &merger{res: &Result{Document: doc}, at: map[string]int{}}
}

// add adds the result of the next window. An entity of several windows
// has the aliases of all, and the code, country and title of the first
// that gives them.
func (m *merger) add(r *Result) {
	m.res.Mentions = append(m.res.Mentions, r.Mentions...)
	m.res.Roles = append(m.res.Roles, r.Roles...)
	m.res.Relations = append(m.res.Relations, r.Relations...)
	for id, n := range r.groupMentions {
		if m.res.groupMentions == nil {
			m.res.groupMentions = map[string]int{}
		}
		m.res.groupMentions[id] += n
	}
	for _, e := range r.Entities {
		i, ok := m.at[e.ID]
		if !ok {
			m.at[e.ID] = len(m.res.Entities)
			e.Aliases = slices.Clone(e.Aliases)
			m.res.Entities = append(m.res.Entities, e)
			continue
		}
		old := &m.res.Entities[i]
		for _, a := range e.Aliases {
			if !slices.Contains(old.Aliases, a) {
				old.Aliases = append(old.Aliases, a)
			}
		}
		sort.Strings(old.Aliases)
		old.Code = cmp.Or(old.Code, e.Code)
		old.Country = cmp.Or(old.Country, e.Country)
		old.Title = cmp.Or(old.Title, e.Title)
	}
}

// result returns the merged result.
func (m *merger) result() *Result {
	sort.SliceStable(m.res.Entities, func(a, b int) bool { return m.res.Entities[a].ID < m.res.Entities[b].ID })
	return m.res
}

// extractAnalysed extracts the relations of an analysed document.
func (x *Extractor) extractAnalysed(ctx context.Context, doc *corpus.Document) (*Result, error) {
	rec, err := x.recognizer.Recognize(ctx, doc)
	if err != nil {
		return nil, err
	}
	return readDocument(ctx, doc, rec, x.lexicon, x.recognizer.Gazetteer(), x.trace, x.parse)
}

// parse parses sentence s with the Extractor's parser, after the repairs
// of its input (see parseRepaired).
func (x *Extractor) parse(s *sentState) error {
	tags, err := s.parseRepaired(x.parser.ParseKeep) // frame_repair.go
	if err != nil {
		return err
	}
	if debugTree != nil {
		debugTree(s, tags)
	}
	return nil
}

// readDocument reads the relations of an analysed document whose entities
// rec holds: each sentence (or piece of one) that may hold a relation is
// given its tree by parse and read. It is the seam where the rule tests
// give a parse of their own instead of the parser's (see rules_test.go).
func readDocument(ctx context.Context, doc *corpus.Document, rec *entity.Result, lex *Lexicon, gaz *entity.Gazetteer,
	tr *tracer, parse func(s *sentState) error) (res *Result, err error) {
	res = &Result{Document: doc, Mentions: rec.Mentions, Entities: rec.Entities, Roles: rec.Roles}
	st := newDocState(doc, rec, lex)
	st.gaz = gaz
	if tr != nil {
		st.trace = new(strings.Builder)
		defer func() {
			if werr := tr.write(st.trace.String()); werr != nil && err == nil {
				res, err = nil, fmt.Errorf("relation: document %q: trace: %w", doc.ID, werr)
			}
		}()
	}
	for si := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, piece := range pieces(doc.Sentences[si], MaxParseTokens) {
			s := st.piece(si, piece)
			if !s.worthParsing() || !s.mayHoldCue() {
				continue
			}
			if err := parse(s); err != nil {
				return nil, fmt.Errorf("relation: document %q: sentence at byte %d: %w", doc.ID, s.sent.Start, err)
			}
			res.Relations = append(res.Relations, s.extract()...)
		}
	}
	res.Relations = append(res.Relations, st.leaders()...)
	res.Relations = append(res.Relations, st.affiliations()...) // frame_affiliation.go
	groups, counts := st.usedGroups()
	implied := st.usedImplied(res.Relations)
	if len(groups) > 0 || len(implied) > 0 {
		res.Entities = append(append(append([]entity.Entity(nil), res.Entities...), groups...), implied...)
		sort.SliceStable(res.Entities, func(a, b int) bool { return res.Entities[a].ID < res.Entities[b].ID })
		res.groupMentions = counts
	}
	sort.SliceStable(res.Relations, func(a, b int) bool {
		return res.Relations[a].Evidence.Start < res.Relations[b].Evidence.Start
	})
	res.Relations = dedupe(res.Relations)
	return res, nil
}

// MaxParseTokens is the length, in tokens, of the longest sentence the
// parser reads whole. A longer one (a table, a list, text with no full
// stops) is read in pieces of at most that many tokens, cut after the
// last clause punctuation (";", ":", ",", a dash, a full stop) that
// leaves a piece of at least half that length, or else at the limit: a
// relation across two pieces is not found.
const MaxParseTokens = 300

// pieces returns sent whole when it has at most limit tokens, or else its
// pieces of at most limit tokens.
func pieces(sent corpus.Sentence, limit int) []corpus.Sentence {
	if len(sent.Tokens) <= limit {
		return []corpus.Sentence{sent}
	}
	var out []corpus.Sentence
	toks := sent.Tokens
	for len(toks) > 0 {
		n := len(toks)
		if n > limit {
			n = limit
			for j := limit - 1; j >= limit/2; j-- {
				if clausePunct(toks[j].Text) {
					n = j + 1
					break
				}
			}
		}
		p := toks[:n:n]
		start, end := p[0].Start, p[n-1].End
		out = append(out, corpus.Sentence{
			Start: start, End: end, Text: sent.Text[start-sent.Start : end-sent.Start], Tokens: p,
		})
		toks = toks[n:]
	}
	return out
}

// clausePunct reports whether a token ends a clause or a list item.
func clausePunct(w string) bool {
	switch w {
	case ";", ":", ",", ".", "!", "?", "-", "--", "–", "—", "|":
		return true
	}
	return false
}

// dedupe drops relations that repeat one already found from the same
// sentence with the same cue.
func dedupe(rs []Relation) []Relation {
	type key struct {
		src, tgt string
		t        Type
		neg      bool
		mod      Modality
		start    int
		cue      string
	}
	seen := map[key]bool{}
	out := rs[:0]
	for _, r := range rs {
		s, t := r.Source, r.Target
		if r.Type.Symmetric() && t < s {
			s, t = t, s
		}
		k := key{s, t, r.Type, r.Negated, r.Modality, r.Evidence.Start, r.Evidence.Cue}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

var debugTree func(s *sentState, tags []string)
