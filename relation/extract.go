package relation

import (
	"context"
	"errors"
	"fmt"
	"sort"

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
}

type extractorConfig struct {
	analyzer   *corpus.Analyzer
	recognizer *entity.Recognizer
	parser     *parse.Parser
	lexicon    *Lexicon
	cues       []Cue
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

// NewExtractor returns an Extractor. With no options it uses the embedded
// defaults throughout and runs offline.
func NewExtractor(opts ...Option) (*Extractor, error) {
	var c extractorConfig
	for _, o := range opts {
		if err := o(&c); err != nil {
			return nil, err
		}
	}
	var err error
	if c.analyzer == nil {
		if c.analyzer, err = corpus.New(); err != nil {
			return nil, err
		}
	}
	if c.recognizer == nil {
		if c.recognizer, err = entity.NewRecognizer(); err != nil {
			return nil, err
		}
	}
	if c.parser == nil {
		if c.parser, err = parse.Default(); err != nil {
			return nil, err
		}
	}
	if c.lexicon == nil {
		if c.lexicon, err = DefaultLexicon(); err != nil {
			return nil, err
		}
	}
	if len(c.cues) > 0 {
		if c.lexicon, err = c.lexicon.With(c.cues...); err != nil {
			return nil, err
		}
	}
	return &Extractor{analyzer: c.analyzer, recognizer: c.recognizer, parser: c.parser, lexicon: c.lexicon}, nil
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
func (x *Extractor) Extract(ctx context.Context, doc *corpus.Document) (*Result, error) {
	if doc == nil {
		return nil, errors.New("relation: Extract(nil)")
	}
	if doc.Sentences == nil {
		if err := x.analyzer.Analyze(ctx, doc); err != nil {
			return nil, err
		}
	}
	rec, err := x.recognizer.Recognize(ctx, doc)
	if err != nil {
		return nil, err
	}
	res := &Result{Document: doc, Mentions: rec.Mentions, Entities: rec.Entities, Roles: rec.Roles}
	st := newDocState(doc, rec, x.lexicon)
	st.gaz = x.recognizer.Gazetteer()
	for si := range doc.Sentences {
		if si%16 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		s := st.sentence(si)
		if !s.worthParsing() || !s.mayHoldCue() {
			continue
		}
		words, tags, keep := s.parserInput()
		tree, err := x.parser.ParseKeep(words, tags, keep)
		if err == nil {
			if i, tag := s.lostVerb(tree); i >= 0 {
				// A sentence with no verb in its parse, one of
				// whose nouns after a name is a verb's form:
				// parse again with that verb.
				tags[i], keep[i] = tag, true
				tree, err = x.parser.ParseKeep(words, tags, keep)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("relation: document %q: sentence at byte %d: %w", doc.ID, s.sent.Start, err)
		}
		s.setTree(tree)
		if debugTree != nil {
			debugTree(s, tags)
		}
		res.Relations = append(res.Relations, s.extract()...)
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
