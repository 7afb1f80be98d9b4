package relation

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/entity"
)

// lookupHead returns the cues a word of part of speech pos may head: those
// of its lemma or, failing that, of the first of its regular-inflection
// variants that has any (see [lemmaVariants]).
func lookupHead(lex *Lexicon, lem, word, pos string) []Cue {
	for _, l := range lemmaVariants(lem, word, pos) {
		if cands := lex.Lookup(l, pos); len(cands) > 0 {
			return cands
		}
	}
	return nil
}

// cueAt returns the most specific cue of the lexicon that token v heads, if
// any: a multiword cue ("call on") wins when its other words are attached to
// v, as a particle, an object or the case marker of an oblique.
func (s *sentState) cueAt(v int) (Cue, []int, bool) {
	pos := posClass(s.toks[v].Tag)
	if pos == "" || s.ment[v] >= 0 {
		return Cue{}, nil, false
	}
	var cands []Cue
	if s.stative(v) {
		cands = s.d.lex.Lookup(strings.ToLower(s.toks[v].Text), "ADJ")
	}
	if len(cands) == 0 {
		cands = lookupHead(s.d.lex, s.lemma[v], s.toks[v].Text, pos)
	}
	if len(cands) == 0 && s.verbTaggedAdjective(v) {
		cands = lookupHead(s.d.lex, strings.ToLower(s.toks[v].Text), s.toks[v].Text, "VERB")
	}
	if len(cands) == 0 {
		return Cue{}, nil, false
	}
	best, bestN, found := Cue{}, -1, false
	var bestToks []int
	for _, c := range cands {
		words := c.Words()
		toks := []int{v}
		ok := true
		head := c.Head()
		others := slices.Clone(words)
		others = slices.Delete(others, slices.Index(others, head), slices.Index(others, head)+1)
		for _, w := range others {
			k := s.attached(v, w, others)
			if k < 0 {
				ok = false
				break
			}
			toks = append(toks, k)
		}
		if ok && len(words) > bestN {
			best, bestN, found, bestToks = c, len(words), true, toks
		}
	}
	return best, bestToks, found
}

// attached returns a token attached to v whose lemma or lower-cased form is
// w: a dependent of v, or the case marker of one. Words are the words of
// the cue w belongs to other than its head.
func (s *sentState) attached(v int, w string, words []string) int {
	if k := s.attachedTo(v, w, words); k >= 0 {
		return k
	}
	// A particle right after its verb, whatever the parse hung it on:
	// "handed over 700 kg".
	if n := v + 1; n < len(s.toks) && s.toks[n].Tag == "RP" && strings.EqualFold(s.toks[n].Text, w) {
		return n
	}
	// Three-word cues: "impose martial law", "lift state of emergency".
	for _, k := range s.kids[v] {
		switch s.rel(k) {
		case "obj", "obl", "nmod", "compound", "xcomp":
			if kk := s.attachedTo(k, w, words); kk >= 0 {
				return kk
			}
		}
	}
	return -1
}

// attachedTo returns a dependent of v, or the case marker of one, whose
// lemma or lower-cased form is w, or -1. An infinitive marker is no
// preposition (see [sentState.infinitiveTo]), unless the word it marks is
// one of words, the cue's words other than its head: "bowed to pressure"
// with "pressure" read as a verb is still "bow to pressure", "to protest
// against" no "protest to".
func (s *sentState) attachedTo(v int, w string, words []string) int {
	prep := func(k int) bool {
		if !s.infinitiveTo(k) {
			return true
		}
		h := s.tree.Head[k]
		return slices.Contains(words, s.lemma[h]) || slices.Contains(words, strings.ToLower(s.toks[h].Text))
	}
	for _, k := range s.kids[v] {
		switch s.rel(k) {
		case "ccomp", "conj", "parataxis", "csubj":
			// Another clause, not a word of the cue: "announced that
			// it will sanction Iran" is no "announce sanction".
			continue
		}
		if s.tree.Rel[k] == "nsubj" && posClass(s.toks[v].Tag) == "VERB" {
			// The subject of a verb is its actor, not a word of
			// its phrase: "talks between X and Y resumed" is no
			// "resume talks"; the noun reads the event alone.
			continue
		}
		if s.tree.Rel[k] == "nsubj:pass" && posClass(s.toks[v].Tag) == "VERB" && !s.hasAgent(v) {
			// "Talks between X and Y were resumed", "the visit
			// of X to France was postponed": with no agent the
			// phrase has no actor, and the noun reads the event,
			// the verb its modality.
			continue
		}
		if s.rel(k) == "xcomp" && s.toks[k].Tag == "VB" && s.markedBy(k, "to") && !slices.Contains(words, "to") {
			// "pledged to support Ukraine" is no "pledge support":
			// the infinitive is an act of its own. ("bowed to
			// pressure", with "pressure" read as a verb, is still
			// "bow to pressure".)
			continue
		}
		if (s.lemma[k] == w || strings.ToLower(s.toks[k].Text) == w) && prep(k) {
			return k
		}
		switch s.rel(k) {
		case "obl", "nmod", "obj", "advcl", "xcomp":
			for _, c := range s.kids[k] {
				if (s.tree.Rel[c] == "case" || s.tree.Rel[c] == "mark") && strings.ToLower(s.toks[c].Text) == w && prep(c) {
					return c
				}
			}
		}
	}
	return -1
}

// infinitiveTo reports whether token k is the infinitive marker "to" of
// the verb it hangs on, not a preposition: "agreed to observe a
// ceasefire" is no "agree to ceasefire", "protested to demand ..." no
// protest to anyone. A parse that labels the marker a case marker still
// hangs it on a base-form verb before it ("called on Arabs to unite").
func (s *sentState) infinitiveTo(k int) bool {
	if !strings.EqualFold(s.toks[k].Text, "to") {
		return false
	}
	h := s.tree.Head[k]
	if h <= k || s.ment[h] >= 0 {
		return false
	}
	return s.tree.Rel[k] == "mark" || s.toks[h].Tag == "VB"
}

// verbTaggedAdjective reports whether token v, tagged as an adjective, is
// a past-tense verb the tagger missed: a word in "-ed" that the parse
// gives an object ("Putin telephoned Scholz" with "telephoned" as JJ).
func (s *sentState) verbTaggedAdjective(v int) bool {
	if !strings.HasPrefix(s.toks[v].Tag, "JJ") || !strings.HasSuffix(strings.ToLower(s.toks[v].Text), "ed") {
		return false
	}
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] == "obj" {
			return true
		}
	}
	return false
}

// stative reports whether participle v is read as the adjective it forms:
// a past participle with no "by" agent whose form is an adjective cue
// ("Israel is opposed to French mediation": Israel opposes it).
func (s *sentState) stative(v int) bool {
	if s.toks[v].Tag != "VBN" {
		return false
	}
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] == "obl:agent" || s.rel(k) == "obl" && s.caseOf(k) == "by" {
			return false
		}
	}
	return len(s.d.lex.Lookup(strings.ToLower(s.toks[v].Text), "ADJ")) > 0
}

// passive reports whether verb v is in the passive voice.
func (s *sentState) passive(v int) bool {
	if s.stative(v) {
		return false
	}
	for _, k := range s.kids[v] {
		switch s.tree.Rel[k] {
		case "nsubj:pass", "aux:pass", "csubj:pass", "obl:agent":
			return true // an agent is a passive's: "..., mediated by Malaysia"
		}
	}
	return s.reducedPassive(v)
}

// hasAgent reports whether verb v has a "by" agent.
func (s *sentState) hasAgent(v int) bool { return len(s.agents(v)) > 0 }

// agents returns the "by" agents of passive verb v: its own, or where the
// parse hung the agent on the verb's object ("Iraq was given an ultimatum
// by the United States") or on an oblique before it ("sanctions were
// imposed on Iraq by the United Nations").
func (s *sentState) agents(v int) []int {
	var out []int
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] == "obl:agent" || s.rel(k) == "obl" && s.caseOf(k) == "by" {
			out = append(out, k)
		}
	}
	for _, rel := range []string{"obj", "obl"} {
		if len(out) > 0 {
			return out
		}
		for _, o := range s.kids[v] {
			if s.rel(o) != rel || o < v {
				continue
			}
			for _, k := range s.kids[o] {
				if s.rel(k) == "nmod" && s.caseOf(k) == "by" {
					out = append(out, k)
				}
			}
		}
	}
	return out
}

// reducedPassive reports whether v is a past participle modifying a noun
// with no subject, object or clause of its own: "two Ugandan journalists
// arrested by Kenyan police", "the diplomat, expelled by Britain last
// week". The noun is what is acted on (the obj slot), the "by" phrase the
// actor. With no "by", a sentence whose root is no verb has its main
// verb in the participle, which the tagger took for one ("The American
// diplomat arrived in Belgrade"): not that.
func (s *sentState) reducedPassive(v int) bool {
	h := s.tree.Head[v]
	if s.toks[v].Tag != "VBN" || s.tree.Rel[v] != "acl" || h < 0 || !isNominal(s.toks[h].Tag) {
		return false
	}
	agent := false
	for _, k := range s.kids[v] {
		switch s.rel(k) {
		case "nsubj", "obj", "iobj", "expl", "xcomp", "ccomp":
			return false
		}
		agent = agent || s.tree.Rel[k] == "obl:agent" || s.rel(k) == "obl" && s.caseOf(k) == "by"
	}
	if agent {
		return true
	}
	for r := range s.tree.Head {
		if s.tree.Head[r] < 0 {
			return r != h && posClass(s.toks[r].Tag) == "VERB"
		}
	}
	return false
}

// slotTokens returns the tokens that fill a frame slot of cue token v,
// read by the slot kind's reader in [slotReaders].
func (s *sentState) slotTokens(v int, slot Slot) []int {
	kind := slot
	if slot.Prep() != "" {
		kind = prepPrefix
	}
	for _, r := range slotReaders {
		if r.kind == kind {
			return r.read(s, v, slot)
		}
	}
	return nil // "home": no token, the actor's own country
}

// slotReaders are the readers of the tokens of each slot kind, the most
// asked for first; the slots prep:WORD share the kind "prep:". A short
// list looked through beats a map here: slotTokens is called for every
// slot of every cue.
var slotReaders []struct {
	kind Slot
	read func(s *sentState, v int, slot Slot) []int
}

func init() {
	slotReaders = []struct {
		kind Slot
		read func(s *sentState, v int, slot Slot) []int
	}{
		{SlotSubj, (*sentState).subjSlot},
		{SlotObj, (*sentState).objSlot},
		{prepPrefix, (*sentState).prepSlot},
		{SlotIobj, (*sentState).iobjSlot},
		{SlotPoss, (*sentState).possSlot},
		{SlotCompound, (*sentState).modSlot},
		{SlotAmod, (*sentState).modSlot},
	}
}

// subjSlot returns the subject of v: its nsubj, or, for a passive, its "by" agents.
func (s *sentState) subjSlot(v int, slot Slot) []int {
	passive := s.passive(v)
	var out []int
	if passive {
		return s.agents(v)
	}
	for _, k := range s.kids[v] {
		// A stative participle's subject is parsed as passive.
		if s.tree.Rel[k] == "nsubj" || s.tree.Rel[k] == "nsubj:pass" {
			out = append(out, s.relativeHead(v, k))
		}
	}
	if len(out) == 0 {
		// "it is prepared to impose ...", with "it" parsed as
		// an expletive: a personal pronoun is the subject.
		for _, k := range s.kids[v] {
			if s.pronounExpletive(k) {
				out = append(out, k)
			}
		}
	}
	if len(out) == 0 && posClass(s.toks[v].Tag) == "NOUN" {
		// "Keir Starmer, Britain's prime minister,", "the
		// Ukrainian leader, Volodymyr Zelenskyy,": a noun in
		// apposition has the person it renames for its subject.
		person := func(k int) bool {
			return s.ment[k] >= 0 && s.d.rec.Mentions[s.ment[k]].Type == entity.Person
		}
		if h := s.tree.Head[v]; s.tree.Rel[v] == "appos" && h >= 0 && person(h) {
			out = append(out, h)
		}
		for _, k := range s.kids[v] {
			if s.tree.Rel[k] == "appos" && person(k) {
				out = append(out, k)
			}
		}
	}
	if len(out) > 1 {
		// "Ukraine's Zelenskyy thanked ...", parsed with both
		// as subjects: a possessor of a name is no subject.
		var kept []int
		for _, k := range out {
			poss := false
			for _, c := range s.kids[k] {
				w := s.toks[c].Text
				poss = poss || s.tree.Rel[c] == "case" && (w == "'s" || w == "’s" || w == "'")
			}
			if !poss {
				kept = append(kept, k)
			}
		}
		named := false
		for _, k := range kept {
			named = named || s.ment[k] >= 0 && s.d.rec.Mentions[s.ment[k]].Form == entity.Name
		}
		if named {
			out = kept // not "India's Home Minister", whose possessor is all there is
		}
	}
	if len(out) > 1 {
		// Two subjects are one phrase the parse split ("U.S.
		// Secretary of State Warren Christopher"): the name.
		var names []int
		for _, k := range out {
			if mi := s.ment[k]; mi >= 0 && s.d.rec.Mentions[mi].Form == entity.Name {
				names = append(names, k)
			}
		}
		if len(names) == 1 {
			out = names
		}
	}
	return out
}

// objSlot returns the object of v: its obj, a passive's subject, or the noun a reduced passive modifies.
func (s *sentState) objSlot(v int, slot Slot) []int {
	passive := s.passive(v)
	var out []int
	if passive && s.reducedPassive(v) {
		out = append(out, s.tree.Head[v])
	}
	for _, k := range s.kids[v] {
		if passive && s.tree.Rel[k] == "nsubj:pass" {
			out = append(out, s.relativeHead(v, k))
		}
		if s.tree.Rel[k] == "obj" {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		// "urged China to respect ...": parsers trained on web
		// text often make the object of a control verb an iobj.
		for _, k := range s.kids[v] {
			if s.tree.Rel[k] == "iobj" {
				out = append(out, k)
			}
		}
	}
	if len(out) == 0 && posClass(s.toks[v].Tag) == "VERB" && !passive {
		// "Modi hosted Russian President Vladimir Putin", parsed
		// with the long name an oblique without a preposition:
		// a name right after the verb is its object.
		for _, k := range s.kids[v] {
			if s.tree.Rel[k] == "obl" && k > v && s.caseOf(k) == "" && s.ment[k] >= 0 &&
				s.d.rec.Mentions[s.ment[k]].Form == entity.Name && s.adjacentPhrase(v, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// iobjSlot returns the indirect object of v, or the subject of a passive double-object verb.
func (s *sentState) iobjSlot(v int, slot Slot) []int {
	passive := s.passive(v)
	var out []int
	hasObj := false
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] == "iobj" {
			out = append(out, k)
		}
		hasObj = hasObj || s.tree.Rel[k] == "obj"
	}
	if passive && hasObj {
		// The passive of a double object verb: "Ukraine was
		// given weapons" has the recipient as its subject.
		for _, k := range s.kids[v] {
			if s.tree.Rel[k] == "nsubj:pass" {
				out = append(out, s.relativeHead(v, k))
			}
		}
	}
	return out
}

// possSlot returns the possessor of noun v.
func (s *sentState) possSlot(v int, slot Slot) []int {
	var out []int
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] == "nmod:poss" {
			out = append(out, k)
		}
	}
	return out
}

// modSlot returns the compound or adjective modifiers of noun v.
func (s *sentState) modSlot(v int, slot Slot) []int {
	var out []int
	for _, k := range s.kids[v] {
		if s.rel(k) == string(slot) {
			out = append(out, k)
		}
	}
	return out
}

// prepSlot returns the obliques and nominal modifiers of v marked by the slot's preposition.
func (s *sentState) prepSlot(v int, slot Slot) []int {
	var out []int
	want := slot.Prep()
	for _, k := range s.kids[v] {
		r := s.rel(k)
		if (r == "obl" || r == "nmod") && s.tree.Rel[k] != "nmod:poss" && s.caseIs(k, want) {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		// "launched a mediation effort on Saturday between X
		// and Y", with "between ..." hung on the day, and the day
		// on the verb or on its object.
		days := slices.Clone(s.kids[v])
		for _, o := range s.kids[v] {
			if s.tree.Rel[o] == "obj" {
				days = append(days, s.kids[o]...)
			}
		}
		for _, o := range days {
			if r := s.rel(o); (r != "obl" && r != "nmod") || !timeNouns[strings.ToLower(s.toks[o].Text)] {
				continue
			}
			for _, k := range s.kids[o] {
				if s.rel(k) == "nmod" && s.caseOf(k) == want && k > o {
					out = append(out, k)
				}
			}
		}
	}
	if len(out) == 0 && posClass(s.toks[v].Tag) == "NOUN" && want != "of" {
		// "the withdrawal of Russian troops from Moldova",
		// with "from Moldova" hung on the troops.
		for _, o := range s.kids[v] {
			if s.rel(o) != "nmod" || s.caseOf(o) != "of" {
				continue
			}
			for _, k := range s.kids[o] {
				if s.rel(k) == "nmod" && s.caseOf(k) == want {
					out = append(out, k)
				}
			}
		}
	}
	if len(out) == 0 && posClass(s.toks[v].Tag) == "VERB" {
		// "handed over 700 kg of medicine to the Red Crescent",
		// with "to ..." hung on the object.
		for _, o := range s.kids[v] {
			if s.tree.Rel[o] != "obj" {
				continue
			}
			for _, k := range s.kids[o] {
				if s.rel(k) == "nmod" && s.caseOf(k) == want && want != "of" {
					out = append(out, k)
				}
				// "delivered $50,000 worth of goods to X",
				// with "to X" on what the object measures.
				if s.rel(k) == "nmod" && s.caseOf(k) == "of" && want != "of" {
					for _, kk := range s.kids[k] {
						if s.rel(kk) == "nmod" && s.caseOf(kk) == want {
							out = append(out, kk)
						}
					}
				}
			}
		}
	}
	return out
}

// adjacentPhrase reports whether the phrase headed by k begins right after
// verb v: every token between them hangs, directly or not, on k.
func (s *sentState) adjacentPhrase(v, k int) bool {
	for j := v + 1; j < k; j++ {
		x := j
		for n := 0; x >= 0 && x != k && n < len(s.toks); n++ {
			x = s.tree.Head[x]
		}
		if x != k {
			return false
		}
	}
	return true
}

// caseIs reports whether the case marker of k is prep, alone or after a
// particle of the verb the parse made part of it: "pulled out of Syria"
// fills the "of" slot of "pull out", "moved away from the border" the
// "from" slot. Other two-word prepositions ("because of", "instead of")
// are no "of".
func (s *sentState) caseIs(k int, prep string) bool {
	c := s.caseOf(k)
	if c == prep {
		return true
	}
	first, rest, ok := strings.Cut(c, " ")
	return ok && rest == prep && particles[first]
}

// particles are the adverbs that pair with a verb before a preposition.
var particles = wordClass("particle")

// timeNouns are the words of a time oblique ("on Saturday", "this
// week") that a parser may hang the next prepositional phrase on.
var timeNouns = wordClass("time-noun")

// relativeHead maps a relative pronoun subject ("who met ...") to the noun
// the relative clause modifies.
//
// When the parse does not attach the clause to that noun, a "who" or
// "which" right after a name (", who praised ...") stands for the name.
func (s *sentState) relativeHead(v, k int) int {
	switch strings.ToLower(s.toks[k].Text) {
	case "who", "which", "that", "whom":
		if s.tree.Rel[v] == "acl:relcl" && s.tree.Head[v] >= 0 {
			return s.tree.Head[v]
		}
		if strings.EqualFold(s.toks[k].Text, "that") {
			return k
		}
		for j := k - 1; j >= 0 && j >= k-2; j-- {
			if s.ment[j] >= 0 {
				return j
			}
			if s.toks[j].Text != "," {
				break
			}
		}
	}
	return k
}

// pluralAntecedent returns the entities of the latest coordination of two
// or more entities before token t in the sentence: "called on France and
// China to strengthen their partnership".
func (s *sentState) pluralAntecedent(t int) []string {
	for j := t - 1; j >= 0; j-- {
		if s.tree.Rel[j] == "conj" {
			continue
		}
		hasConj := false
		for _, k := range s.kids[j] {
			if s.tree.Rel[k] == "conj" && k < t {
				hasConj = true
				break
			}
		}
		if !hasConj {
			continue
		}
		if ents := s.entities(j); len(ents) >= 2 {
			return ents
		}
	}
	return nil
}

// speechVerbs are the verbs whose subject a pronoun subject of their
// complement clause stands for: "NATO confirmed it would tighten ...",
// "French farmers said they would blockade Paris".
var speechVerbs = wordClass("speech-verb")

// speakerAntecedent resolves a third-person pronoun to the subject of the
// clause that governs it: the subject of a speech verb whose complement
// the pronoun is the subject of ("NATO said it would ..."), or the subject
// of the verb whose object the pronoun's noun is ("the ILO reiterated its
// demand"), or the subject of a speech verb whose complement the
// pronoun's noun is the subject of ("Israel said its troops had ...").
// Plural pronouns ("they", "their") take a plural or coordinated
// subject, singular ones ("it", "its") a country or an organisation.
func (s *sentState) speakerAntecedent(t int, plural bool) []string {
	h := s.tree.Head[t]
	if h < 0 {
		return nil
	}
	var subj int = -1
	switch s.tree.Rel[t] {
	case "nsubj", "nsubj:pass", "expl":
		if s.tree.Rel[t] == "expl" && !s.pronounExpletive(t) {
			return nil
		}
		if s.rel(h) != "ccomp" || s.tree.Head[h] < 0 || !speechVerbs[s.lemma[s.tree.Head[h]]] {
			return nil
		}
		subj = s.subjectToken(s.tree.Head[h])
	case "nmod:poss":
		v := s.tree.Head[h]
		switch {
		case v < 0:
			return nil
		case s.rel(h) == "obj":
			// "X reiterated its demand": the noun is the object of a
			// verb whose subject owns it.
			subj = s.subjectToken(v)
		case (s.rel(h) == "nsubj" || s.tree.Rel[h] == "nsubj:pass") && s.rel(v) == "ccomp" &&
			s.tree.Head[v] >= 0 && speechVerbs[s.lemma[s.tree.Head[v]]]:
			// "Israel said its troops had attacked ...": the noun is
			// the subject of what the owner said.
			subj = s.subjectToken(s.tree.Head[v])
		default:
			return nil
		}
	}
	if subj < 0 || subj == t || strings.HasPrefix(s.toks[subj].Tag, "PRP") {
		return nil
	}
	ents := s.entities(subj)
	if plural {
		if len(ents) < 2 && !isPlural(s.toks[subj].Tag) {
			return nil
		}
		return ents
	}
	if len(ents) != 1 || isPlural(s.toks[subj].Tag) {
		return nil
	}
	if e := s.d.ents[s.d.actsFor(ents[0])]; e.Type != entity.Country && e.Type != entity.Organization {
		return nil
	}
	return ents
}

// pronounExpletive reports whether token k is "it" or "they" parsed as
// an expletive of a predicate that has no subject of its own: "announced
// that it is prepared to ...".
func (s *sentState) pronounExpletive(k int) bool {
	if s.tree.Rel[k] != "expl" {
		return false
	}
	if w := strings.ToLower(s.toks[k].Text); w != "it" && w != "they" {
		return false
	}
	h := s.tree.Head[k]
	if h < 0 {
		return false
	}
	for _, c := range s.kids[h] {
		if s.rel(c) == "nsubj" || s.rel(c) == "csubj" || s.rel(c) == "ccomp" {
			return false // "it is clear that ...": a true expletive
		}
	}
	return true
}

// subjectToken returns the nominal subject of verb v, or -1.
//
// Of two subjects, a split phrase, the one that is a name wins.
func (s *sentState) subjectToken(v int) int {
	subj := -1
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] != "nsubj" {
			continue
		}
		if subj < 0 {
			subj = k
		}
		if mi := s.ment[k]; mi >= 0 && s.d.rec.Mentions[mi].Form == entity.Name {
			return k
		}
	}
	return subj
}

// conjRoot returns the first conjunct of the coordination t belongs to.
func (s *sentState) conjRoot(t int) int {
	for depth := 0; depth < 8 && s.tree.Rel[t] == "conj" && s.tree.Head[t] >= 0; depth++ {
		t = s.tree.Head[t]
	}
	return t
}

// entities returns the entities token t stands for, with those of its
// conjuncts ("France and China").
func (s *sentState) entities(t int) []string {
	var out []string
	var walk func(t, depth int)
	walk = func(t, depth int) {
		if depth > 8 {
			return
		}
		for _, id := range s.entityAt(t) {
			out = appendUniq(out, id)
		}
		for _, k := range s.kids[t] {
			if s.tree.Rel[k] == "conj" {
				walk(k, depth+1)
			}
		}
	}
	walk(t, 0)
	return out
}

func appendUniq(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
