package relation

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/entity"
)

// Event anaphora: a sentence that leans on an earlier one. "Canberra
// imposed tariffs on Chinese wine. The move was condemned by Beijing." The
// second sentence names one party; "the move" stands for the tariffs, and
// Beijing's condemnation is of the one who imposed them: China CRITICIZE
// Australia.
//
// The nouns that can refer back so, and the relation types each can stand
// for, are in anaphora.tsv. A reaction cue (see reactionTypes) whose target
// is such a noun targets the actor of the most recent fitting relation of
// the eventWindow sentences before; the parties, for a symmetric one ("the
// talks"). Precision comes first: no resolution when two earlier relations
// with different actors fit equally, when the noun has a modifier naming
// someone ("Russia's move", "the sanctions on Iran"), or when the sentence
// names a party that is neither the reacting one nor a party of the
// earlier relation.

//go:embed anaphora.tsv
var anaphoraTSV string

// eventWindow is how many sentences back an event noun reaches.
const eventWindow = 3

// maxEvents bounds the earlier relations a document keeps for event
// nouns, so that a sentence with very many relations costs no more.
const maxEvents = 64

// pastEvent is a relation of an earlier sentence that an event noun may
// stand for.
type pastEvent struct {
	sent           int
	typ            Type
	source, target string
	mod            Modality // as the earlier sentence gave it: "agreed to hold talks" is Intended
}

// eventNouns maps the lemma of an event noun to the types it can stand for.
var eventNouns = sync.OnceValue(func() map[string][]Type {
	m, err := parseEventNouns(anaphoraTSV)
	if err != nil {
		panic("relation: embedded anaphora.tsv: " + err.Error()) // a build error, caught by the package's tests
	}
	return m
})

// parseEventNouns reads an event noun table: a lemma, a tab and
// comma-separated relation types per line; "#" begins a comment line.
func parseEventNouns(text string) (map[string][]Type, error) {
	m := map[string][]Type{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		noun, types, ok := strings.Cut(line, "\t")
		if !ok || noun == "" || types == "" {
			return nil, fmt.Errorf("anaphora.tsv:%d: want a noun, a tab and relation types, got %q", n+1, line)
		}
		if _, dup := m[noun]; dup {
			return nil, fmt.Errorf("anaphora.tsv:%d: noun %q listed twice", n+1, noun)
		}
		for _, f := range strings.Split(types, ",") {
			t, err := ParseType(strings.TrimSpace(f))
			if err != nil {
				return nil, fmt.Errorf("anaphora.tsv:%d: %w", n+1, err)
			}
			m[noun] = append(m[noun], t)
		}
	}
	return m, nil
}

// reactionTypes are the relation types of cues that react to what another
// did: their target may be an event noun ("condemned the move").
var reactionTypes = map[Type]bool{Criticize: true, Praise: true, Support: true, Reject: true, Protest: true, Deny: true}

// eventNounTypes returns the types the noun at token t can stand for, or
// nil when it is no event noun.
func (s *sentState) eventNounTypes(t int) []Type {
	nouns := eventNouns()
	if ts, ok := nouns[strings.ToLower(s.lemma[t])]; ok {
		return ts
	}
	return eventNounWord(s.toks[t].Text)
}

// eventNounWord returns the types the word w, singular or plural, can
// stand for as an event noun, or nil: "talks", which lemmatizers keep
// whole, "launches".
func eventNounWord(w string) []Type {
	nouns := eventNouns()
	low := strings.ToLower(w)
	for _, form := range []string{low, strings.TrimSuffix(low, "s"), strings.TrimSuffix(low, "es")} {
		if ts, ok := nouns[form]; ok {
			return ts
		}
	}
	return nil
}

// recordEvent keeps a relation of sentence s for the event nouns of the
// sentences after it.
func (s *sentState) recordEvent(r Relation) {
	d := s.d
	if r.Negated || s.background {
		return
	}
	drop := 0
	for drop < len(d.events) && (d.events[drop].sent < s.idx-eventWindow || len(d.events)-drop >= maxEvents) {
		drop++
	}
	if drop > 0 {
		d.events = append(d.events[:0], d.events[drop:]...)
	}
	d.events = append(d.events, pastEvent{sent: s.idx, typ: r.Type, source: r.Source, target: r.Target, mod: r.Modality})
}

// recentEvents reports whether a relation was kept from one of the
// eventWindow sentences before sentence i.
func (d *docState) recentEvents(i int) bool {
	for _, e := range d.events {
		if e.sent < i && e.sent >= i-eventWindow {
			return true
		}
	}
	return false
}

// eventAnaphor returns the parties of the earlier relation the event noun
// at token t stands for, when t fills the target of a reaction cue, or nil.
func (s *sentState) eventAnaphor(t int) []string {
	if !s.reacting || !strings.HasPrefix(s.toks[t].Tag, "NN") || strings.HasPrefix(s.toks[t].Tag, "NNP") || s.ment[t] >= 0 {
		return nil
	}
	types := s.eventNounTypes(t)
	if types == nil || !s.definiteBare(t) {
		return nil
	}
	// The most recent sentence with a fitting relation; within it, the
	// fitting relations must agree on who acted.
	var parties []string
	found := -1
	for i := len(s.d.events) - 1; i >= 0; i-- {
		e := s.d.events[i]
		if e.sent >= s.idx {
			continue
		}
		if e.sent < s.idx-eventWindow || found >= 0 && e.sent < found {
			break
		}
		if !slices.Contains(types, e.typ) {
			continue
		}
		p := []string{s.d.actsFor(e.source)}
		if e.typ.Symmetric() {
			p = append(p, s.d.actsFor(e.target))
			slices.Sort(p)
		}
		if found >= 0 && !slices.Equal(p, parties) {
			return nil // two events fit equally
		}
		found, parties = e.sent, p
		if !s.namesOnly(append(slices.Clone(p), s.d.actsFor(e.target))) {
			return nil
		}
	}
	// "Australian officials defended the move": a party reacting to its
	// own act is no relation between two; of the parties of a symmetric
	// one, the others remain.
	parties = slices.DeleteFunc(parties, func(p string) bool {
		for _, a := range s.reactors {
			if s.d.actsFor(a) == p || s.d.countryOf(a) != "" && s.d.countryOf(a) == s.d.countryOf(p) {
				return true
			}
		}
		return false
	})
	if len(parties) == 0 {
		return nil
	}
	return parties
}

// definiteBare reports whether noun t is "the", "this", "that", "these" or
// "those" with no modifier that names or points to a party: "the move",
// "the new measures", "this decision", but not "Russia's move", "its
// decision", "the sanctions on Iran" or "a move".
func (s *sentState) definiteBare(t int) bool {
	det := false
	for _, k := range s.kids[t] {
		switch s.tree.Rel[k] {
		case "det":
			switch strings.ToLower(s.toks[k].Text) {
			case "the", "this", "that", "these", "those":
				det = true
			default:
				return false
			}
		case "nmod:poss", "nummod":
			return false
		}
	}
	if !det {
		return false
	}
	// No name anywhere under the noun ("the US move", "the decision by
	// Moscow to expel ...").
	stack := slices.Clone(s.kids[t])
	for n := 0; len(stack) > 0 && n < 64; n++ {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if s.ment[k] >= 0 {
			return false
		}
		if w := strings.ToLower(s.toks[k].Text); w == "its" || w == "their" || w == "his" || w == "her" {
			return false
		}
		stack = append(stack, s.kids[k]...)
	}
	return true
}

// namesOnly reports whether every party the sentence names is one of
// parties or one of the reacting actors: a sentence that names a party of
// its own may be about that party's act.
func (s *sentState) namesOnly(parties []string) bool {
	allowed := map[string]bool{}
	for _, p := range parties {
		allowed[p] = true
	}
	for _, a := range s.reactors {
		allowed[a], allowed[s.d.actsFor(a)] = true, true
	}
	for _, mi := range s.d.sentMentions[s.idx] {
		m := s.d.rec.Mentions[mi]
		if m.End <= s.sent.Start || m.Start >= s.sent.End {
			continue
		}
		if !allowed[m.Entity] && !allowed[s.d.actsFor(m.Entity)] {
			return false
		}
	}
	return true
}

// theGovernment returns the country "the government" at token t refers
// to: the one country named in the sentence before it and in its own
// sentence up to t ("Rebels attacked a police post in Chad. The government
// accused Sudan of backing them."), or "" when none or more than one is
// named there, or t is another phrase ("the government of Chad", "the new
// government", "a government").
func (s *sentState) theGovernment(t int) string {
	if !strings.EqualFold(s.toks[t].Text, "government") || s.ment[t] >= 0 {
		return ""
	}
	the := false
	for _, k := range s.kids[t] {
		switch s.tree.Rel[k] {
		case "det":
			the = strings.EqualFold(s.toks[k].Text, "the")
		case "det:poss", "nmod:poss", "amod", "compound", "nmod", "acl", "acl:relcl", "nummod", "appos", "conj":
			return "" // "the new government", "the government of Chad"
		}
	}
	if !the {
		return ""
	}
	from, near := s.sent.Start, s.d.sentMentions[s.idx]
	if s.idx > 0 {
		from = s.d.doc.Sentences[s.idx-1].Start
		near = append(slices.Clone(s.d.sentMentions[s.idx-1]), near...)
	}
	id := ""
	for _, mi := range near {
		m := s.d.rec.Mentions[mi]
		if m.Start < from || m.Start >= s.toks[t].Start {
			continue
		}
		c := s.d.countryOf(m.Entity)
		if m.Type == entity.Person || c == "" {
			continue
		}
		if id != "" && c != id {
			return "" // two countries: whose government is unclear
		}
		id = c
	}
	return id
}

// A meeting or an agreement named again: "Xi and Putin met in Moscow. The
// talks ...", "Iran and Iraq signed a border accord. The agreement calls on
// ...", "Cuba mediated the talks". As the subject or object of a cue that
// is no reaction, "the talks", "the meeting", "the summit", "the
// agreement", "the deal" (the event nouns of anaphora.tsv that can stand
// for a relation between two parties who act together) stand for the
// parties of the most recent such relation of the eventWindow sentences
// before, with the same precision rules as a reaction's target: one
// fitting event, no modifier naming someone.
//
// Modality carried: a relation the talks themselves are the actor of
// happens as the talks do. "Iran and Iraq agreed to hold talks in May. The
// talks will seek ..." and "... The meeting called on Israel to withdraw"
// after talks that were only planned are Intended, as the earlier sentence
// said, unless the later sentence says a modality of its own ("would",
// "may", a governing "plan to"), which wins: see carryModality. A reaction
// to an earlier event ("Beijing condemned the move", "the measures were
// condemned") is an event of its own and keeps its own modality: the
// condemnation happened even when the sanctions were only proposed, as
// event coders code it. A negated event is not kept (recordEvent), so a
// noun that could only stand for one gives nothing.

// jointTypes are the relation types of acts two parties do together.
var jointTypes = map[Type]bool{Meet: true, Negotiate: true, SignAgreement: true, Agree: true, Cooperate: true}

// eventParties returns the parties of the earlier joint relation the event
// noun at token t stands for, when t is the subject or object of a verb
// that is no reaction, or nil. As the subject, it records the event for
// carryModality.
func (s *sentState) eventParties(t int) []string {
	if s.reacting || !strings.HasPrefix(s.toks[t].Tag, "NN") || strings.HasPrefix(s.toks[t].Tag, "NNP") || s.ment[t] >= 0 {
		return nil
	}
	r := s.tree.Rel[t]
	if r != "nsubj" && r != "obj" {
		return nil
	}
	types := s.eventNounTypes(t)
	joint := false
	for _, ty := range types {
		joint = joint || jointTypes[ty]
	}
	if !joint || !s.definiteBare(t) {
		return nil
	}
	var found *pastEvent
	for i := len(s.d.events) - 1; i >= 0; i-- {
		e := &s.d.events[i]
		if e.sent >= s.idx {
			continue
		}
		if e.sent < s.idx-eventWindow || found != nil && e.sent < found.sent {
			break
		}
		if !jointTypes[e.typ] || !slices.Contains(types, e.typ) || s.d.ents[e.source].Type == entity.Location || s.d.ents[e.target].Type == entity.Location {
			continue // a meeting "with" the city it is held in has one party
		}
		if found != nil && !samePair(found, e, s.d) {
			return nil // two meetings fit equally
		}
		if found == nil {
			found = e
		}
	}
	if found == nil {
		return nil
	}
	if r == "nsubj" {
		s.carried = found
	}
	p := []string{s.d.actsFor(found.source), s.d.actsFor(found.target)}
	slices.Sort(p)
	return p
}

// samePair reports whether two earlier relations join the same parties.
func samePair(a, b *pastEvent, d *docState) bool {
	p := []string{d.actsFor(a.source), d.actsFor(a.target)}
	q := []string{d.actsFor(b.source), d.actsFor(b.target)}
	slices.Sort(p)
	slices.Sort(q)
	return slices.Equal(p, q)
}

// carryModality returns the modality and negation of a relation whose cue
// has the modality mod and negation neg of its own: the modality of the
// earlier event its subject stands for (see eventParties), when the cue
// asserts it plainly, or mod and neg unchanged. It forgets the event, so
// the next cue starts afresh.
func (s *sentState) carryModality(mod Modality, neg bool) (Modality, bool) {
	e := s.carried
	s.carried = nil
	if e == nil || neg || mod != Asserted {
		return mod, neg
	}
	return e.mod, neg
}
