package relation

import (
	"github.com/newsgraph/newsgraph/entity"
	"slices"
	"sort"
	"strings"
)

// subjects returns the entities of the subject of verb v, inherited from
// the clause it depends on when it has none of its own.
func (s *sentState) subjects(v int) []string {
	if out := s.fill(v, []Slot{SlotSubj}); len(out) > 0 {
		return out
	}
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] == "nsubj" || s.tree.Rel[k] == "nsubj:pass" {
			return nil // "as the opposition threatened": a subject of its own
		}
	}
	return s.inheritedSubject(v)
}

// frontedNames returns the names that stand alone right before finite verb
// v, after a comma that ends a fronted phrase, which the parse hung on that
// phrase: "In a phone call on Tuesday, Biden and Xi discussed trade", with
// Biden and Xi made conjuncts of "Tuesday". Names, "and" and determiners
// only; nil when there are none or anything else comes between.
func (s *sentState) frontedNames(v int) []string {
	if !finiteClause(s, v) || s.passive(v) {
		return nil
	}
	j := v - 1
	for j >= 0 && s.toks[j].Tag == "MD" || j >= 0 && s.rel(j) == "aux" && s.tree.Head[j] == v {
		j-- // "Biden and Xi will discuss"
	}
	var ids []string
	for ; j >= 0; j-- {
		mi := s.ment[j]
		switch {
		case mi >= 0 && s.d.rec.Mentions[mi].Form == entity.Name:
			if s.tree.Head[j] == v {
				return nil // the parse has it
			}
			ids = appendUniq(ids, s.d.rec.Mentions[mi].Entity)
			continue
		case s.toks[j].Tag == "DT" || strings.EqualFold(s.toks[j].Text, "and"):
			continue
		}
		break
	}
	if len(ids) == 0 || j < 0 || s.toks[j].Text != "," {
		return nil
	}
	return ids
}

// inheritedSubject reads the subject a clause without one takes from the
// clause it depends on: a conjoined verb shares its head's subject; the
// complement of "urge X to" or "accuse X of" has X; a participle clause has
// its head's subject ("..., urging them to"); a participle modifying a noun
// has that noun ("officials accusing China").
func (s *sentState) inheritedSubject(v int) []string {
	if out := s.frontedNames(v); len(out) > 0 {
		return out
	}
	if s.reducedPassive(v) && !s.stative(v) {
		// "journalists arrested in Kenya were released": the noun is
		// acted on; the actor is a "by" phrase or none. A clause
		// under the participle still has the noun as its subject
		// ("X, convicted of killing Y").
		return nil
	}
	// "Newly elected President X has refused ...", parsed with the
	// participle as a clause of its own and the name as its object: the
	// name before the verb is the verb's subject.
	for _, k := range s.kids[v] {
		if k > v || s.toks[k].Tag != "VBN" || (s.rel(k) != "advcl" && s.rel(k) != "amod" && s.rel(k) != "acl") {
			continue
		}
		for _, kk := range s.kids[k] {
			if mi := s.ment[kk]; mi >= 0 && kk < v && s.tree.Rel[kk] == "obj" && s.d.rec.Mentions[mi].Form == entity.Name {
				return s.entities(kk)
			}
		}
	}
	for depth := 0; depth < 6; depth++ {
		h := s.tree.Head[v]
		if h < 0 {
			return nil
		}
		switch s.rel(v) {
		case "conj":
			if k := s.strandedSubject(v); k >= 0 {
				return s.entities(k)
			}
			if posClass(s.toks[v].Tag) == "VERB" && posClass(s.toks[h].Tag) == "NOUN" && s.rel(h) == "obj" && s.tree.Head[h] >= 0 {
				// "signed an agreement and pledged to ...", with
				// "pledged" hung on "agreement": the verb's
				// conjunct is the verb above.
				h = s.tree.Head[h]
				v = h
				if out := s.fill(h, []Slot{SlotSubj}); len(out) > 0 {
					return out
				}
				continue
			}
			if speechVerbs[s.lemma[h]] {
				// "X said a column of tanks ... pulled out of
				// Y", parsed as "said a column" and "pulled":
				// the object before the verb is its subject.
				if k := s.lostSubjectToken(h, v); k >= 0 {
					return s.entities(k)
				}
			}
			if s.passive(h) && !s.passive(v) {
				// "has been indicted ... and will resign": the
				// conjunct shares the grammatical subject, not
				// the agent.
				for _, k := range s.kids[h] {
					if s.tree.Rel[k] == "nsubj:pass" {
						return s.entities(k)
					}
				}
			}
			if out := s.fill(h, []Slot{SlotSubj}); len(out) > 0 {
				return out
			}
			v = h
			continue
		case "xcomp", "advcl", "ccomp":
			if s.rel(v) == "advcl" && s.markedBy(v, "from") {
				// "barred Arafat from overflying Israel": the
				// one kept from acting is the object.
				for _, k := range s.kids[h] {
					if s.tree.Rel[k] == "obj" {
						return s.entities(k)
					}
				}
			}
			if s.rel(v) == "advcl" && isNominal(s.toks[h].Tag) {
				// "accusing China of providing ...", read with
				// "providing" on "China": the noun is the subject.
				return s.entities(s.conjRoot(h))
			}
			if s.rel(v) == "advcl" && finiteVerb(s.toks[v].Tag) {
				// "X resigned as the opposition threatened to
				// ...", with "the opposition" hung on
				// "resigned": a finite adverbial clause has a
				// subject of its own, which the parse lost.
				return nil
			}
			if c, _, ok := s.cueAt(h); ok && c.Complement != "" {
				if t := s.fill(h, c.Target); len(t) > 0 {
					return t
				}
				return s.subjects(h)
			}
			if s.rel(v) == "xcomp" {
				if out := s.fill(h, []Slot{SlotObj}); len(out) > 0 {
					return out
				}
			}
			if s.rel(v) == "ccomp" {
				return s.lostClauseSubject(h, v)
			}
			if out := s.fill(h, []Slot{SlotSubj}); len(out) > 0 {
				return out
			}
			v = h
			continue
		case "acl":
			if s.tree.Rel[v] == "acl:relcl" {
				// A relative clause with no subject and an
				// object of its own is a parse that took the
				// main verb for one: "Iran's leader Khomeini
				// today rejected ...". Its noun is the subject.
				for _, k := range s.kids[v] {
					if s.tree.Rel[k] == "obj" {
						return s.entities(s.conjRoot(h))
					}
				}
				return nil
			}
			if c, _, ok := s.cueAt(h); ok && c.Complement != "" {
				if t := s.fill(h, c.Target); len(t) > 0 {
					return t
				}
				return s.subjects(h)
			}
			if clauseNouns[strings.ToLower(s.lemma[h])] && s.infinitival(v) {
				// "Iran's readiness to negotiate", "announced a
				// plan to withdraw": the owner of the noun, or
				// the subject of the verb it is the object of.
				// Two possessors are a parse gone wrong.
				if poss := s.slotTokens(h, SlotPoss); len(poss) > 1 {
					return nil
				}
				if out := s.fill(h, []Slot{SlotPoss}); len(out) > 0 {
					return out
				}
				if s.rel(h) == "obj" && s.tree.Head[h] >= 0 {
					return s.subjects(s.tree.Head[h])
				}
				return nil
			}
			// "Macron and other EU officials accusing China": the
			// participle modifies the last conjunct, and all of them
			// are its subject.
			if out := s.entities(s.conjRoot(h)); len(out) > 0 || s.rel(h) != "obj" {
				return out
			}
			// "sent personnel to investigate": those sent act for
			// the sender.
			if s.infinitival(v) && s.tree.Head[h] >= 0 && s.sentPeople(h) {
				return s.subjects(s.tree.Head[h])
			}
			// "opened fire to disperse ...", with the purpose clause
			// hung on the noun of a verb's cue phrase: the verb's.
			if g := s.tree.Head[h]; s.infinitival(v) && g >= 0 {
				if _, toks, ok := s.cueAt(g); ok && slices.Contains(toks, h) {
					return s.subjects(g)
				}
			}
			// "issued a declaration demanding that ...", "adopted a
			// resolution calling on ...": what a document says, its
			// issuer says.
			if g := s.tree.Head[h]; g >= 0 && s.toks[v].Tag == "VBG" && documentNouns[strings.ToLower(s.lemma[h])] {
				return s.subjects(g)
			}
			return nil
		}
		return nil
	}
	return nil
}

// strandedSubject returns a token of the name that stands alone between a
// conjoined verb v and the conjunction before it, which the parse hung
// elsewhere: "The AU suspended Niger after the coup, and the Economic
// Community of West African States imposed sanctions", with the Community
// made an apposition of "coup". It returns -1 when there is none.
func (s *sentState) strandedSubject(v int) int {
	mi, at := -1, -1
	j := v - 1
	for ; j >= 0; j-- {
		if m := s.ment[j]; m >= 0 && (mi < 0 || m == mi) {
			mi, at = m, j
			continue
		}
		if s.toks[j].Tag == "DT" && mi >= 0 {
			continue
		}
		break
	}
	if mi < 0 || j < 0 || s.toks[j].Tag != "CC" || s.d.rec.Mentions[mi].Form != entity.Name {
		return -1
	}
	if h := s.tree.Head[at]; h == v {
		return -1 // the parse has it as the verb's already
	}
	return at
}

// lostClauseSubject returns the subject of the clause v that speech verb
// h governs, where the parse made it h's object: "Israel said its troops
// had attacked ...", read as "said its troops" and "had attacked ...".
// Verbs that take a hearer before a clause ("told reporters the army had
// ...") keep their object.
func (s *sentState) lostClauseSubject(h, v int) []string {
	if k := s.lostSubjectToken(h, v); k >= 0 {
		return s.entities(k)
	}
	return nil
}

// lostSubjectToken returns the object of speech verb h that is the lost
// subject of finite clause v after it (see lostClauseSubject), or -1.
func (s *sentState) lostSubjectToken(h, v int) int {
	if !speechVerbs[s.lemma[h]] || hearerVerbs[s.lemma[h]] || !finiteClause(s, v) {
		return -1
	}
	for _, k := range s.kids[h] {
		if s.tree.Rel[k] == "obj" && h < k && k < v && isNominal(s.toks[k].Tag) {
			return k
		}
	}
	return -1
}

// hearerVerbs are the speech verbs whose object is the one spoken to.
var hearerVerbs = wordClass("hearer-verb")

// finiteClause reports whether verb v is finite or has an auxiliary.
func finiteClause(s *sentState, v int) bool {
	if finiteVerb(s.toks[v].Tag) {
		return true
	}
	for _, k := range s.kids[v] {
		if s.rel(k) == "aux" && k < v {
			return true
		}
	}
	return false
}

// modality reads whether the event of cue v is asserted, negated, or
// embedded under a verb that makes it requested, alleged, denied,
// intended or reported.
func (s *sentState) modality(v int) (Modality, bool) {
	mod, neg := s.embeddedModality(v)
	if mod == Asserted || mod == Reported {
		// "said they would meet": a reported intention is an intention.
		for _, k := range s.kids[v] {
			if s.tree.Rel[k] == "aux" {
				switch strings.ToLower(s.toks[k].Text) {
				case "will", "would", "shall", "'ll":
					return Intended, neg
				}
			}
		}
	}
	return mod, neg
}

// embeddedModality reads the negation of cue v and the modality the verbs
// above it give it. A clause with a modal of obligation ("Libya must hand
// over ...") is requested.
func (s *sentState) embeddedModality(v int) (Modality, bool) {
	neg := s.negated(v)
	prevAcl := false
	for depth, u := 0, v; depth < 6; depth++ {
		if _, ok := s.obligation(u); ok {
			return Requested, neg
		}
		h := s.tree.Head[u]
		if h < 0 {
			break
		}
		r := s.rel(u)
		// A clause modifying an argument of a cue ("accusing China of
		// providing ...", read with "providing" on "China") is under
		// that cue too.
		argOfCue := prevAcl && (r == "obj" || r == "obl" || r == "iobj")
		if r != "xcomp" && r != "ccomp" && r != "advcl" && r != "acl" && r != "conj" && !argOfCue {
			break
		}
		if r == "advcl" && s.adverbialClause(u) {
			break // "..., while Prabowo called on ASEAN": not governed
		}
		if r == "advcl" || r == "xcomp" {
			// "expressed its determination to crush ...", parsed
			// with the clause on the verb: the noun governs it.
			if n := s.lostClauseNoun(h, u); n >= 0 {
				h = n
			}
		}
		prevAcl = (r == "acl" && s.tree.Rel[u] != "acl:relcl") || (r == "advcl" && isNominal(s.toks[h].Tag))
		if r != "conj" {
			if (r == "xcomp" || r == "acl") && negating[strings.ToLower(s.lemma[h])] {
				neg = true // "failed to reach agreement", "was unable to agree"
			}
			if r == "xcomp" && s.toks[u].Tag == "VBG" && ceasing[strings.ToLower(s.lemma[h])] {
				neg = true // "urged China to stop supplying weapons": not to supply
			}
			if r == "xcomp" && implicative[strings.ToLower(s.lemma[h])] && s.negated(h) {
				neg = true // "was not able to mediate", "did not manage to"
			}
			if r == "advcl" && preventers[s.lemma[h]] && s.markedBy(u, "from") {
				neg = true // "barred Arafat from overflying Israel"
			}
			if s.deniedByNo(h) {
				neg = true // "had no plans to expel", "no intention of"
			}
			if c, _, ok := s.cueAt(h); ok && c.Complement != "" {
				return c.Complement, neg
			}
			if _, ok := s.obligation(h); ok {
				return Requested, neg // "must be ready to mediate"
			}
			if m, ok := embedding[s.lemma[h]]; ok {
				return m, neg
			}
		}
		u = h
	}
	return Asserted, neg
}

// adverbialClause reports whether clause u is an adverbial clause of its
// own (time, contrast, cause: "while Prabowo called on ..."), not the
// complement of the verb it hangs on: it has a subordinating conjunction
// other than "to", "of", "for" or "from".
func (s *sentState) adverbialClause(u int) bool {
	for _, k := range s.kids[u] {
		if s.tree.Rel[k] != "mark" {
			continue
		}
		switch strings.ToLower(s.toks[k].Text) {
		case "to", "of", "for", "from", "into", "against", "on":
		default:
			return true
		}
	}
	return false
}

// deniedByNo reports whether h, a noun or the verb of one, is denied by
// "no": "no plans", "had no intention".
func (s *sentState) deniedByNo(h int) bool {
	isNo := func(n int) bool {
		for _, k := range s.kids[n] {
			if s.rel(k) == "det" && strings.EqualFold(s.toks[k].Text, "no") {
				return true
			}
		}
		return false
	}
	if isNominal(s.toks[h].Tag) {
		return isNo(h)
	}
	for _, k := range s.kids[h] {
		if s.tree.Rel[k] == "obj" && isNo(k) {
			return true
		}
	}
	return false
}

// preventers are the verbs that keep their object from doing what their
// "from" clause says: "barred X from overflying", "prevented X from
// entering".
var preventers = wordClass("preventer")

// markedBy reports whether clause v is marked by the word w.
func (s *sentState) markedBy(v int, w string) bool {
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] == "mark" && strings.EqualFold(s.toks[k].Text, w) {
			return true
		}
	}
	return false
}

// negated reports whether word v is negated by a word of its own: "not",
// "n't", "never", "no".
func (s *sentState) negated(v int) bool {
	for _, k := range s.kids[v] {
		if s.rel(k) == "advmod" || s.tree.Rel[k] == "neg" || s.rel(k) == "det" {
			switch strings.ToLower(s.toks[k].Text) {
			case "not", "n't", "never", "no":
				return true
			}
		}
	}
	return false
}

// clauseNouns are the nouns that govern an infinitive clause of their
// owner's act, as the verbs they come from do: "Iran's readiness to
// negotiate", "announced a plan to withdraw", "made an attempt to kill".
// The act's modality is the noun's in embedding (intended for readiness,
// plan, bid, ...; an attempt is the act itself, as CAMEO codes an
// attempted assassination as the assault), or none is negated
// (failure, inability).
var clauseNouns = wordClass("clause-noun")

// lostClauseNoun returns the clause noun that is the object of verb h
// and right before infinitive clause u, when the parse hung u on the verb
// rather than on the noun ("expressed its determination to crush ..."),
// or -1.
func (s *sentState) lostClauseNoun(h, u int) int {
	for _, k := range s.kids[h] {
		if s.tree.Rel[k] == "obj" && k+1 < u && clauseNouns[strings.ToLower(s.lemma[k])] &&
			strings.EqualFold(s.toks[k+1].Text, "to") && s.tree.Head[k+1] == u && s.tree.Rel[k+1] == "mark" {
			return k
		}
	}
	return -1
}

// negating lists the verbs, adjectives and nouns whose complement did not
// happen: "failed to reach", "was unable to agree", "Iraq's failure to
// cooperate".
var negating = wordClass("negating")

// ceasing lists the verbs whose gerund complement is an act that ends:
// "stop supplying weapons", "ceased firing".
var ceasing = wordClass("ceasing")

// implicative lists the words whose complement happened unless they are
// negated themselves: "was not able to mediate", "did not manage to sign".
var implicative = wordClass("implicative")

// embedding gives the modality of a clause under a verb that is not itself
// a relation cue.
var embedding = classValues(map[string]Modality{
	"embedding-reported": Reported, "embedding-alleged": Alleged,
	"embedding-intended": Intended, "embedding-denied": Denied,
})

// cueText returns the words of the cue as the text has them.
func (s *sentState) cueText(v int, cueToks []int, host int) string {
	toks := append([]int(nil), cueToks...)
	if host >= 0 {
		toks = append(toks, host)
	}
	sort.Ints(toks)
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		parts = append(parts, s.toks[t].Text)
	}
	return strings.Join(parts, " ")
}

// documentNouns are the nouns of a text an actor issues, whose words are
// the issuer's: "issued a statement condemning ...".
var documentNouns = wordClass("document-noun")
