package entity

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/corpus"
)

// Model is a statistical signal for the [Recognizer]: it proposes typed token
// spans for the sentences of one document. Span types are the CoNLL types
// "PER", "LOC" and "ORG"; other types are ignored.
//
// The default model is [github.com/newsgraph/newsgraph/entity/ner]'s; a Model
// must be safe for concurrent use.
type Model interface {
	Spans(sents []ModelSentence) [][]corpus.Span
}

// ModelSentence is what a [Model] sees of a sentence: its words, their
// part-of-speech tags and the spans the gazetteer found, typed with the
// entity type ("PERSON", "COUNTRY", ...) or "DEMONYM" and "TITLE".
type ModelSentence struct {
	Words     []string
	Tags      []string
	Gazetteer []corpus.Span
}

// Role is what a text says of a person's office: "French President Emmanuel
// Macron" gives the person Emmanuel Macron the title "President" for the
// country France.
type Role struct {
	Person  string // entity ID of the person
	Title   string // canonical title, "President"
	Country string // entity ID of the country, empty when the text names none
	Head    bool   // the title is that of a head of state or government
	Start   int    // byte span of the whole phrase in the document
	End     int
	// Org is the entity ID of the organisation the office is of ("WHO
	// Director-General Tedros", "Kofi Annan, secretary-general of the
	// United Nations"), empty when the text names none; see offices.go.
	Org string
	// Member says the office makes the person a member of Org ("Likud
	// spokesman", "Conservative MP"), not its leader.
	Member bool
}

// Result is what a [Recognizer] found in a document.
type Result struct {
	// Mentions in document order; Mentions[i].Entity is always set.
	Mentions []Mention
	// Entities are the canonical entities the mentions resolve to, sorted
	// by ID, with the aliases and offices this document gave them.
	Entities []Entity
	// Roles are the offices the document states, in document order.
	Roles []Role
}

// Entity returns the entity with the given ID, if the result holds it.
func (r *Result) Entity(id string) (Entity, bool) {
	i := sort.Search(len(r.Entities), func(i int) bool { return r.Entities[i].ID >= id })
	if i < len(r.Entities) && r.Entities[i].ID == id {
		return r.Entities[i], true
	}
	return Entity{}, false
}

// Recognizer finds the entity mentions of a document and resolves them to
// canonical entities. It combines three signals, in this order of precedence:
// the user's own gazetteer entries (which always win for their span), the
// default gazetteer and a statistical [Model] (the longer of two overlapping
// spans wins; on a tie, the gazetteer, unless the model finds a name of
// another type there and is sure of it, see [WithModelOverrule]), and rules
// (a title before a capitalised name makes a person, unless the model is
// sure it is no person).
//
// A Recognizer is immutable and safe for concurrent use.
type Recognizer struct {
	gaz    *Gazetteer
	user   *Gazetteer
	titles *Titles
	model  Model
	// overrule is the cost (see tokenCost) from which the model overrules
	// a gazetteer match or a rule; 0 turns it off.
	overrule float64
}

type recognizerConfig struct {
	gaz      *Gazetteer
	entries  []Entry
	titles   *Titles
	model    Model
	noModel  bool
	overrule *float64
}

// Option configures a [Recognizer].
type Option func(*recognizerConfig) error

// WithGazetteer replaces the default gazetteer.
func WithGazetteer(g *Gazetteer) Option {
	return func(c *recognizerConfig) error {
		if g == nil {
			return errors.New("entity: WithGazetteer(nil)")
		}
		c.gaz = g
		return nil
	}
}

// WithEntries adds the user's own gazetteer entries. They are added to the
// gazetteer and, where one of them matches, it wins over every other signal
// for its span.
func WithEntries(entries ...Entry) Option {
	return func(c *recognizerConfig) error {
		c.entries = append(c.entries, entries...)
		return nil
	}
}

// WithTitles replaces the default titles lexicon.
func WithTitles(t *Titles) Option {
	return func(c *recognizerConfig) error {
		if t == nil {
			return errors.New("entity: WithTitles(nil)")
		}
		c.titles = t
		return nil
	}
}

// WithModelOverrule sets how sure the model must be against a gazetteer
// match (where it finds a name of another type: it never drops a known name
// for no name) or the name a rule finds to overrule it (see [DefaultOverrule]); 0
// never lets it. Only models of package ner (through [NERModel]) say how sure
// they are; other models never overrule.
func WithModelOverrule(cost float64) Option {
	return func(c *recognizerConfig) error {
		if cost < 0 || math.IsNaN(cost) {
			return fmt.Errorf("entity: WithModelOverrule(%v): want a cost of 0 or more", cost)
		}
		c.overrule = &cost
		return nil
	}
}

// WithModel sets the statistical model; nil means none.
func WithModel(m Model) Option {
	return func(c *recognizerConfig) error {
		c.model = m
		c.noModel = m == nil
		return nil
	}
}

// NewRecognizer returns a Recognizer. With no options it uses the embedded
// default gazetteer and titles and the default model of package ner.
func NewRecognizer(opts ...Option) (*Recognizer, error) {
	var c recognizerConfig
	for _, o := range opts {
		if err := o(&c); err != nil {
			return nil, err
		}
	}
	r := &Recognizer{gaz: c.gaz, titles: c.titles, model: c.model, overrule: DefaultOverrule}
	if c.overrule != nil {
		r.overrule = *c.overrule
	}
	var err error
	if r.gaz == nil {
		if r.gaz, err = DefaultGazetteer(); err != nil {
			return nil, err
		}
	}
	if len(c.entries) > 0 {
		if r.user, err = NewGazetteer(c.entries); err != nil {
			return nil, fmt.Errorf("entity: user entries: %w", err)
		}
		if r.gaz, err = r.gaz.With(c.entries...); err != nil {
			return nil, fmt.Errorf("entity: user entries: %w", err)
		}
	}
	if r.titles == nil {
		if r.titles, err = DefaultTitles(); err != nil {
			return nil, err
		}
	}
	if r.model == nil && !c.noModel {
		if r.model, err = defaultModel(); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Gazetteer returns the gazetteer the recognizer uses, the user's entries
// included.
func (r *Recognizer) Gazetteer() *Gazetteer { return r.gaz }

// DefaultOverrule is how sure a model of package ner must be against a
// gazetteer match (where it finds a name of another type) or a rule's name
// to overrule it, unless
// [WithModelOverrule] says otherwise: the best labelling of the sentence
// that makes the tokens that name must score this much below the model's
// own, in units of the model's largest feature weight. It was chosen by
// cross-validation on CoNLL-2003 (see examples/nercv).
const DefaultOverrule = 0.1

// span is a candidate mention over tokens of one sentence.
type span struct {
	sent       int
	start, end int // token indices, end exclusive
	typ        Type
	form       Form
	entity     string // resolved entity ID, if known
	source     string
	score      float64
	title      string // the title phrase, for descriptions
	country    string // the country a description names
	// inner are the entities of the gazetteer names a longer model span
	// swallowed ("Latvian" in "Latvian Constitutional Court").
	inner []string
	// bstart and bend, when bend > 0, are the byte offsets of a mention
	// inside one token ("US" in "US-led").
	bstart, bend int
}

// Recognize finds and resolves the mentions of an analysed document (one
// whose Sentences are filled, as [corpus.Analyzer.Analyze] does).
func (r *Recognizer) Recognize(ctx context.Context, doc *corpus.Document) (*Result, error) {
	if doc == nil {
		return nil, errors.New("entity: Recognize(nil)")
	}
	if len(doc.Sentences) == 0 && strings.TrimSpace(doc.Text) != "" {
		return nil, fmt.Errorf("entity: document %q is not analysed (no sentences)", doc.ID)
	}
	words := make([][]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		w := make([]string, len(s.Tokens))
		for j, t := range s.Tokens {
			w[j] = t.Text
		}
		words[i] = w
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	gazm := make([][]Match, len(words))
	var userm [][]Match
	if r.user != nil {
		userm = make([][]Match, len(words))
	}
	for i, w := range words {
		gazm[i] = r.gaz.Match(w)
		if r.user != nil {
			userm[i] = r.user.Match(w)
		}
	}
	var (
		modelSpans [][]corpus.Span
		costs      [][]tokenCost
	)
	if r.model != nil {
		in := make([]ModelSentence, len(words))
		for i, s := range doc.Sentences {
			tags := make([]string, len(s.Tokens))
			for j, t := range s.Tokens {
				tags[j] = t.Tag
			}
			in[i] = ModelSentence{Words: words[i], Tags: tags, Gazetteer: FeatureSpans(gazm[i], r.titles, words[i])}
		}
		if cm, ok := r.model.(costModel); ok && r.overrule > 0 {
			modelSpans, costs = cm.spanCosts(in)
		} else {
			modelSpans = r.model.Spans(in)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}

	var spans []span
	for i := range words {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		var ss []span
		cov := make(coverage, len(words[i]))
		if userm != nil {
			for _, m := range userm[i] {
				ss = cov.add(ss, fromMatch(i, m, "user"), true)
			}
		}
		var ms []corpus.Span
		if modelSpans != nil && i < len(modelSpans) {
			ms = modelSpans[i]
		}
		var cs []tokenCost
		if i < len(costs) {
			cs = costs[i]
		}
		ss = r.combine(ss, cov, i, words[i], gazm[i], ms, cs)
		ss = r.titleRule(ss, cov, i, words[i], cs)
		ss = r.hyphenated(ss, cov, i, doc.Sentences[i].Tokens)
		sort.Slice(ss, func(a, b int) bool { return ss[a].start < ss[b].start })
		spans = append(spans, ss...)
	}
	return r.resolve(doc, words, spans), nil
}

// fromMatch turns a gazetteer match into a candidate span.
func fromMatch(sent int, m Match, source string) span {
	return span{sent: sent, start: m.Start, end: m.End, typ: m.Entity.Type, form: m.Form,
		entity: m.Entity.ID, source: source, score: 1}
}

// overlaps reports whether a and b share a token.
func overlaps(a, b span) bool { return a.start < b.end && b.start < a.end }

// coverage counts, for each token of a sentence, the spans of the
// sentence's list that cover it, so that whether a token or a span is
// taken costs the span's length and not the list's.
type coverage []int

// taken reports whether a span covers token i.
func (c coverage) taken(i int) bool { return c[i] > 0 }

// free reports whether no span covers any token of s.
func (c coverage) free(s span) bool {
	for i := s.start; i < s.end; i++ {
		if c[i] > 0 {
			return false
		}
	}
	return true
}

// mark counts s as covering its tokens (delta 1) or no longer (delta -1).
func (c coverage) mark(s span, delta int) {
	for i := s.start; i < s.end; i++ {
		c[i] += delta
	}
}

// add adds s to ss unless it overlaps a span already there, or with force
// whether or not it does.
func (c coverage) add(ss []span, s span, force bool) []span {
	if !force && !c.free(s) {
		return ss
	}
	c.mark(s, 1)
	return append(ss, s)
}

// modelType maps a CoNLL type to an entity type.
func modelType(t string) (Type, bool) {
	switch t {
	case "PER", "PERSON":
		return Person, true
	case "LOC", "LOCATION", "GPE":
		return Location, true
	case "ORG", "ORGANIZATION":
		return Organization, true
	}
	return "", false
}

// compatible reports whether a model type and a gazetteer type can name the
// same thing.
func compatible(model, gaz Type) bool {
	if model == gaz {
		return true
	}
	return model == Location && gaz == Country
}

// capitalised reports whether a word starts with an upper-case letter or a
// digit, as names in running text do.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// combine merges the gazetteer matches and the model spans of one sentence
// into ss, which holds the user's spans already.
func (r *Recognizer) combine(ss []span, cov coverage, sent int, words []string, gaz []Match, model []corpus.Span, costs []tokenCost) []span {
	// gs is the list of gazetteer spans and of the model spans that won
	// over them, in order; a span dropped from it is marked gone rather
	// than removed, and gsAt lists, for each token, the spans of gs that
	// cover it, so that a model span is compared with the spans it
	// overlaps and not with the whole sentence's.
	var gs []span
	var gone []bool
	gsAt := make([][]int, len(words))
	push := func(g span) {
		for t := max(g.start, 0); t < min(g.end, len(words)); t++ {
			gsAt[t] = append(gsAt[t], len(gs))
		}
		gs = append(gs, g)
		gone = append(gone, false)
	}
	for _, m := range gaz {
		if m.Form == Name && !capitalised(words[m.Start]) {
			continue // "china" the porcelain, "turkey" the bird
		}
		if m.Form == Name && !r.anchored(m.Entity) && namedOther(costs, m.Start, m.End) && r.overruled(costs, m.Start, m.End, m.Entity.Type) {
			continue // "New York" the team, "Kremlin" the government
		}
		push(fromMatch(sent, m, "gazetteer"))
	}
	var over []int
	for _, ms := range model {
		t, ok := modelType(ms.Type)
		if !ok || ms.Start < 0 || ms.End > len(words) || ms.Start >= ms.End {
			continue
		}
		s := span{sent: sent, start: ms.Start, end: ms.End, typ: t, form: Name, source: "model", score: 0.8}
		// Trim titles the model swallowed ("President Macron"), and a
		// trailing possessive.
		for s.start < s.end {
			if _, end, ok := r.titles.Match(words, s.start); ok && end < s.end && t == Person {
				s.start = end
				continue
			}
			break
		}
		for s.end > s.start && isPossessive(words[s.end-1]) {
			s.end--
		}
		if s.start >= s.end {
			continue
		}
		keep := true
		var inner []int
		over = over[:0]
		for t := s.start; t < s.end; t++ {
			for _, gi := range gsAt[t] {
				if !gone[gi] {
					over = append(over, gi)
				}
			}
		}
		slices.Sort(over)
		over = slices.Compact(over)
		for _, gi := range over {
			g := gs[gi]
			if !overlaps(g, s) {
				continue
			}
			contains := s.start <= g.start && g.end <= s.end
			longer := s.end-s.start > g.end-g.start
			switch {
			case g.form == Demonym && t != Person:
				// "Chinese" inside a model span: the model's name wins
				// only when it is longer ("Chinese Academy of Sciences").
				if !(contains && longer) {
					keep = false
				} else {
					inner = append(inner, gi)
				}
			case contains && longer:
				// "Neil Jordan", "Bank of China", "London Irish".
				inner = append(inner, gi)
			default:
				keep = false
			}
		}
		if !keep {
			continue
		}
		// A longer person name takes the entity of the known person
		// it contains ("Emmanuel Macron" ⊃ "Macron"); a place or
		// organisation that contains a name is not that name ("South
		// China Sea" is not China).
		for _, gi := range inner {
			if t == Person && gs[gi].typ == Person && gs[gi].form == Name && s.entity == "" {
				s.entity, s.typ = gs[gi].entity, gs[gi].typ
			}
		}
		for _, gi := range inner {
			s.inner = append(s.inner, gs[gi].entity)
			gone[gi] = true
		}
		push(s)
	}
	for gi, g := range gs {
		if !gone[gi] {
			ss = cov.add(ss, g, false)
		}
	}
	return ss
}

// anchored reports whether a gazetteer entity is one the model never
// overrules: a country or a capital, which news names far more often as the
// state than as anything else ("Caracas denounced the sanctions"), where a
// sports report's "Monaco" or "New York" is a team; and a person the
// gazetteer codes with a country (an office holder), whose full name the
// model may cut short ("Abdel Fattah el-Sisi").
func (r *Recognizer) anchored(e Entity) bool {
	return e.Type == Country || (e.Type == Person && e.Country != "") || r.gaz.IsCapital(e.ID)
}

// overruled reports whether the model is sure enough that tokens start to
// end are not a name of type t to overrule the gazetteer or a rule: the
// best labelling that makes them one scores at least r.overrule below the
// model's own.
func (r *Recognizer) overruled(costs []tokenCost, start, end int, t Type) bool {
	c, ok := spanCost(costs, start, end, t)
	return ok && float64(c) >= r.overrule
}

// namedOther reports whether the model put some token of start to end
// inside a name: the model overrules a gazetteer match only with a name of
// its own, never by finding no name there ("G7" in "G7 countries" is a
// known entity even where CoNLL-2003 would not tag it).
func namedOther(costs []tokenCost, start, end int) bool {
	for i := max(start, 0); i < min(end, len(costs)); i++ {
		if costs[i].out > 0 {
			return true
		}
	}
	return false
}

func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

// FeatureSpans returns what a [Model] is shown of the gazetteer: the
// matches of a sentence's words typed by entity type ("PERSON", "COUNTRY",
// ...) or "DEMONYM", and its title phrases as "TITLE", sorted by start. A
// model trained on these spans (package ner's training command does) must
// be shown the same at run time, which the [Recognizer] does.
func FeatureSpans(ms []Match, titles *Titles, words []string) []corpus.Span {
	out := make([]corpus.Span, 0, len(ms))
	for _, m := range ms {
		t := string(m.Entity.Type)
		if m.Form == Demonym {
			t = "DEMONYM"
		}
		out = append(out, corpus.Span{Start: m.Start, End: m.End, Type: t})
	}
	if titles != nil {
		for i := 0; i < len(words); i++ {
			if _, end, ok := titles.Match(words, i); ok {
				out = append(out, corpus.Span{Start: i, End: end, Type: "TITLE"})
				i = end - 1
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// titleRule adds a person for a capitalised name after a title ("President
// Lula", "Prime Minister Keir Starmer") where nothing else found one, and a
// description mention for a title phrase that names no one ("the French
// president").
func (r *Recognizer) titleRule(ss []span, cov coverage, sent int, words []string, costs []tokenCost) []span {
	taken := cov.taken
	for i := 0; i < len(words); i++ {
		if taken(i) {
			continue
		}
		title, end, ok := r.titles.Match(words, i)
		if !ok {
			continue
		}
		// The capitalised name that follows, if any.
		j := end
		for j < len(words) && !taken(j) && capitalised(words[j]) && isNameWord(words[j]) {
			if _, _, isTitle := r.titles.Match(words, j); isTitle {
				break
			}
			j++
		}
		if j > end && !r.overruled(costs, end, j, Person) {
			ss = cov.add(ss, span{sent: sent, start: end, end: j, typ: Person, form: Name, source: "rule", score: 0.7}, true)
			i = j - 1
			continue
		}
		// "the French president": a determiner, a country word, the title.
		if end < len(words) && taken(end) {
			i = end - 1
			continue
		}
		country := ""
		if i >= 2 && isDeterminer(words[i-2]) {
			country = countryAt(ss, i-1)
		}
		if country != "" {
			// The description replaces the demonym it contains; the
			// resolver reads the country from its words.
			ss = removeCovering(ss, cov, i-1)
			ss = cov.add(ss, span{sent: sent, start: i - 2, end: end, typ: Person, form: Description,
				source: "rule", score: 0.6, title: title, country: country}, true)
		} else if i >= 1 && isDeterminer(words[i-1]) {
			ss = cov.add(ss, span{sent: sent, start: i - 1, end: end, typ: Person, form: Description,
				source: "rule", score: 0.5, title: title}, true)
		}
		i = end - 1
	}
	return ss
}

// isNameWord reports whether w can be part of a person's name.
func isNameWord(w string) bool {
	for _, r := range w {
		if !(unicode.IsLetter(r) || r == '-' || r == '.' || r == '\'' || r == '’') {
			return false
		}
	}
	return w != ""
}

func isDeterminer(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "this", "that", "its", "their":
		return true
	}
	return false
}

// countryAt returns the country of the demonym or country span of ss that
// covers token i, or "" when none does.
func countryAt(ss []span, i int) string {
	for _, s := range ss {
		if s.start <= i && i < s.end && (s.form == Demonym || s.typ == Country) {
			return s.entity
		}
	}
	return ""
}

// removeCovering drops the spans of ss that cover token i.
func removeCovering(ss []span, cov coverage, i int) []span {
	out := ss[:0]
	for _, s := range ss {
		if !(s.start <= i && i < s.end) {
			out = append(out, s)
		} else {
			cov.mark(s, -1)
		}
	}
	return out
}

// hyphenated adds the names and demonyms inside hyphenated tokens that no
// other span covers: "US" in "US-led", "Russia" and "Ukraine" in
// "Russia-Ukraine", "British" in "British-flagged", as mentions of form
// Demonym.
func (r *Recognizer) hyphenated(ss []span, cov coverage, sent int, toks []corpus.Token) []span {
	for j, t := range toks {
		if !strings.Contains(t.Text, "-") || len(t.Text) < 3 {
			continue
		}
		if cov.taken(j) {
			continue
		}
		off := 0
		for _, part := range strings.Split(t.Text, "-") {
			start := off
			off += len(part) + 1
			if part == "" || !capitalised(part) {
				continue
			}
			for _, m := range r.gaz.Match([]string{part}) {
				if m.Form != Name && m.Form != Demonym {
					continue
				}
				// The name modifies, as a demonym does ("US-led" is
				// "American-led", as "British-flagged" and
				// "Russian-backed" are); CoNLL-2003 does not annotate
				// it as a name either.
				sp := fromMatch(sent, Match{Start: j, End: j + 1, Entity: m.Entity, Form: Demonym}, "gazetteer")
				sp.bstart, sp.bend = t.Start+start, t.Start+start+len(part)
				ss = append(ss, sp)
			}
		}
	}
	return ss
}
