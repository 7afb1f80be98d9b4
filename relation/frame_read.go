package relation

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/entity"
)

// extract reads every cue of the sentence.
//
// Where cues overlap, the most specific reads the event: a noun that is part
// of a multiword cue ("lift ban", "hold talks") is not read again alone, and
// a one-word verb cue whose object is itself a noun cue of the same event
// type ("provided support", "signed agreements") leaves the event to the
// noun, which takes the verb's subject as its actor. A verb that responds to
// what the noun names ("rejected calls", "welcomed the offer") keeps its
// own event.
func (s *sentState) extract() []Relation {
	type found struct {
		cue  Cue
		toks []int
	}
	s.affiliate()
	cues := make([]*found, len(s.toks))
	inPhrase := make([]bool, len(s.toks))
	for v := range s.toks {
		cue, toks, ok := s.cueAt(v)
		if !ok {
			continue
		}
		cues[v] = &found{cue, toks}
		if len(toks) > 1 {
			for _, t := range toks[1:] {
				inPhrase[t] = true
			}
		}
	}
	for v, f := range cues {
		if f == nil || inPhrase[v] {
			continue
		}
		if len(f.toks) == 1 && f.cue.POS == "VERB" && f.cue.Complement == "" {
			nounObj := false
			for _, k := range s.kids[v] {
				if s.tree.Rel[k] == "obj" && cues[k] != nil && cues[k].cue.POS == "NOUN" && !inPhrase[k] &&
					cues[k].cue.Type.PLOVER() == f.cue.Type.PLOVER() {
					nounObj = true
				}
			}
			if nounObj {
				continue
			}
		}
		s.cueTok = v
		s.readCue(v, f.cue, f.toks)
	}
	s.obligations()
	return s.out
}

// obligationModals are the modal verbs that make a reported clause a
// demand, with the relation type of the demand.
var obligationModals = classValues(map[string]Type{"obligation-request": Request, "obligation-urge": Urge})

// obligations reads demands made in reported speech: "Straw said that the
// Sudanese government must reach an agreement", "the minister reiterated
// that Libya must hand over the suspects". The speaker demands of the
// subject of the clause; the speech verb's own modality and negation hold.
func (s *sentState) obligations() {
	for c := range s.toks {
		h := s.tree.Head[c]
		if h >= 0 && s.rel(c) == "ccomp" && !speechVerbs[s.lemma[h]] && s.tree.Head[h] >= 0 {
			// "said Wednesday that ...", with the clause hung on
			// the day: the speech verb is the day's head.
			switch s.rel(h) {
			case "obl", "advmod", "nmod":
				h = s.tree.Head[h]
			}
		}
		if h < 0 || s.rel(c) != "ccomp" || !speechVerbs[s.lemma[h]] {
			continue
		}
		t, ok := s.obligation(c)
		if !ok {
			continue
		}
		subj := s.subjectToken(c)
		if subj < 0 {
			continue
		}
		targets := s.entities(subj)
		if len(targets) == 0 {
			continue
		}
		actors := s.subjects(h)
		mod, neg := s.embeddedModality(h)
		s.cueTok = h
		s.rule = ruleNames{Frame: "obligation"}
		if s.tracing() {
			s.tracef("obligation %q %s: %s -> %s", s.toks[h].Text, t, traceIDs(actors), traceIDs(targets))
		}
		s.emit(t, actors, targets, mod, neg, s.toks[h].Text)
		s.rule = ruleNames{}
	}
}

// obligation returns the demand type of clause c when a modal of
// obligation is its auxiliary ("must", "should").
func (s *sentState) obligation(c int) (Type, bool) {
	for _, k := range s.kids[c] {
		if s.tree.Rel[k] == "aux" {
			if t, ok := obligationModals[strings.ToLower(s.toks[k].Text)]; ok {
				return t, true
			}
		}
	}
	return "", false
}

// lemmaVariants returns the lemma to look a cue up by and, for a verb, the
// other lemmas a regular inflection may have ("shelled" → "shell" as well as
// the lemmatizer's answer), in order of preference.
func lemmaVariants(lemma, word, pos string) []string {
	out := []string{lemma}
	if pos != "VERB" {
		return out
	}
	w := strings.ToLower(word)
	add := func(l string) {
		if l != "" && l != lemma {
			out = append(out, l)
		}
	}
	switch {
	case strings.HasSuffix(w, "ied"):
		add(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "ed"):
		stem := w[:len(w)-2]
		add(stem)
		add(stem + "e")
		if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
			add(stem[:n-1])
		}
	case strings.HasSuffix(w, "ing"):
		stem := w[:len(w)-3]
		add(stem)
		add(stem + "e")
		if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
			add(stem[:n-1])
		}
	case strings.HasSuffix(w, "es"):
		add(w[:len(w)-2])
		add(w[:len(w)-1])
	case strings.HasSuffix(w, "s"):
		add(w[:len(w)-1])
	}
	return out
}

// readCue fills the frame of one cue and emits its relations.
func (s *sentState) readCue(v int, cue Cue, cueToks []int) {
	if s.barePredicate(v, cue, cueToks) {
		return // no party acted on: a reduced passive misread
	}
	if cue.Type == LeaderOf && posClass(s.toks[v].Tag) == "NOUN" && (!s.plainOffice(v, cueToks) || s.inRole(v)) {
		return // a qualified office, or a title the recognizer read already
	}
	s.background = s.inBackground(v)
	defer func() { s.background = false }()
	s.carried = nil // set by an event noun actor (anaphora.go)
	s.fr = cueFrame{v: v, cue: cue, toks: cueToks, host: s.lightVerb(v, cue)}
	f := &s.fr
	if s.tracing() {
		s.tracef("cue %q %s at token %d", s.toks[v].Text, cue.Type, v)
	}
	actors, slot := s.fillAllSlot(cueToks, cue.Actor)
	if s.tracing() {
		s.tracef("  actor slots %s: %s", slotList(cue.Actor), traceIDs(actors))
	}
	f.actorRule = string(slot)
	s.reacting, s.reactors = reactionTypes[cue.Type], actors
	targets, slot := s.fillAllSlot(cueToks, cue.Target)
	if s.tracing() {
		s.tracef("  target slots %s: %s", slotList(cue.Target), traceIDs(targets))
	}
	f.targetRule = string(slot)
	s.reacting, s.reactors = false, nil
	// The actor is read off the cue itself, or off the noun a
	// participle modifies, not inherited from a clause above.
	f.slotActors, f.ownActor = actors, len(actors) > 0 || s.rel(v) == "acl"
	if len(actors) == 0 {
		actors, f.actorRule = s.walkRules("actor", actorRules, f)
	}
	f.actors = actors
	if len(targets) == 0 {
		targets, f.targetRule = s.walkRules("target", targetRules, f)
	}
	f.targets = targets
	host := f.host
	mod, neg := s.modality(v)
	if host >= 0 {
		m2, n2 := s.modality(host)
		if c, _, ok := s.cueAt(host); ok && c.Complement != "" {
			// "promised aid", "threatened sanctions": what a
			// verb of this kind governs has its modality.
			m2 = c.Complement
		}
		if mod == Asserted {
			mod = m2
		}
		neg = neg || n2
		if stoppers[s.lemma[host]] {
			neg = true // "suspended loans": the aid stopped
		}
	}
	if n := v; host < 0 && posClass(s.toks[v].Tag) == "NOUN" {
		// "vetoed the EU's aid package", "blocked a visit": a noun cue
		// (or the noun it modifies) that a stopper stopped, where
		// the stopper is an event of its own rather than the cue's
		// light verb.
		if s.tree.Rel[n] == "compound" && s.tree.Head[n] >= 0 {
			n = s.tree.Head[n]
		}
		if g := s.tree.Head[n]; g >= 0 && s.tree.Rel[n] == "obj" && stoppers[s.lemma[g]] {
			neg = true
		}
	}
	if h := s.tree.Head[v]; host < 0 && h >= 0 && posClass(s.toks[v].Tag) == "NOUN" && posClass(s.toks[h].Tag) == "VERB" &&
		(s.tree.Rel[v] == "nsubj" || s.tree.Rel[v] == "nsubj:pass") {
		// "talks between X and Y will resume", "did not resume",
		// "the visit was postponed": the verb a noun cue is the
		// subject of says whether the event happens.
		m2, n2 := s.modality(h)
		if mod == Asserted {
			mod = m2
		}
		neg = neg || n2
		if stoppers[s.lemma[h]] && s.tree.Rel[v] == "nsubj:pass" {
			neg = true
		}
	}
	mod, neg = s.carryModality(mod, neg) // "The talks called for ...": as the talks happen (anaphora.go)
	text := s.cueText(v, cueToks, host)
	t := cue.Type
	s.rule = ruleNames{Actor: f.actorRule, Target: f.targetRule}
	defer func() { s.rule = ruleNames{} }()
	if mod == Intended && !neg && s.conditionedUnless(v, host) && t.PLOVER() != "" {
		// "will withdraw its force from Chad unless ...": an act
		// promised on a condition the target must meet is a threat.
		t, mod = Threaten, Asserted
		s.rule.Then = "unless-threat"
		if s.tracing() {
			s.tracef("  then unless-threat: %s", t)
		}
	}
	if len(targets) == 0 && containsSlot(cue.Target, SlotHome) {
		// "Sudan's government lifted a state of emergency": an act
		// at home, on the country each actor acts for.
		s.rule.Target = string(SlotHome)
		for _, a := range actors {
			if h := s.d.home(a); h != "" && !s.foreignParty(h) {
				s.emit(t, []string{a}, []string{h}, mod, neg, text)
			}
		}
	} else if len(targets) == 0 && len(actors) >= 2 && !t.Symmetric() && (containsSlot(cue.Target, PrepSlot("with")) || s.reciprocal(v)) {
		// "Thailand and Cambodia exchanged fire", the reciprocal of
		// "Thailand exchanged fire with Cambodia": each with the other.
		s.rule.Target = "reciprocal"
		for _, a := range actors {
			s.emit(t, []string{a}, actors, mod, neg, text)
		}
	} else {
		s.emit(t, actors, targets, mod, neg, text)
	}
	s.rule.Target = f.targetRule
	if s.refused(v, host) && t.PLOVER() != "" && t != Reject && t != Deny {
		// "failed to reach agreement", "refused to withdraw": the
		// refusal is an event of its own.
		s.rule.Then = "refusal"
		if s.tracing() {
			s.tracef("  then refusal")
		}
		if len(targets) == 0 && t.Symmetric() {
			s.rule.Target = "co-actors"
			for _, a := range actors {
				s.emit(Reject, []string{a}, actors, Asserted, false, text)
			}
			s.rule.Target = f.targetRule
		} else {
			s.emit(Reject, actors, targets, Asserted, false, text)
		}
	}

	// A cue on a meeting held in a place: the parties from elsewhere
	// visited it, as surely as they met ("agreed to meet in Budapest"
	// is an intended visit; a meeting that did not happen says nothing
	// of one).
	if (cue.Type == Meet || cue.Type == Visit) && !neg {
		s.rule.Then = "meeting-place"
		for _, place := range s.meetingPlaces(v, cue) {
			if s.tracing() {
				s.tracef("  then meeting-place: %s", place)
			}
			s.visits(append(append([]string(nil), actors...), targets...), place, mod, text)
		}
	}
}

// barePredicate reports whether cue v puts its target in the object
// slot and yet its object is a word of its own phrase, a bare singular
// noun right after the verb: "a British aid worker, held hostage in
// Chechnya", a participle the parse took for the main verb, whose subject
// is the one held, not the holder. "Rebels took hostages in Dagestan",
// "held two engineers hostage" and "declared war on" are not.
func (s *sentState) barePredicate(v int, cue Cue, cueToks []int) bool {
	if cue.POS != "VERB" || len(cue.Target) == 0 || cue.Target[0] != SlotObj {
		return false
	}
	for _, t := range cueToks[1:] {
		if t == v+1 && s.tree.Head[t] == v && s.tree.Rel[t] == "obj" && s.toks[t].Tag == "NN" {
			return true
		}
	}
	return false
}

// protestOblique reports whether noun cue v is an "in" oblique of a verb,
// the reason the verb's subject acts for: "in protest against", "in
// retaliation for", "in response to". The verb's own subject, not one a
// chain of clauses inherits, which too often is another party's.
func (s *sentState) protestOblique(v int) bool {
	h := s.tree.Head[v]
	return h >= 0 && reasonNouns[s.lemma[v]] && s.rel(v) == "obl" && s.caseOf(v) == "in" &&
		posClass(s.toks[h].Tag) == "VERB"
}

// reasonNouns are the nouns that, in an "in" oblique, give the reason
// for what a verb's subject does: "in protest against", "in retaliation
// for". Not "in peace negotiations with Syria", which says where.
var reasonNouns = wordClass("reason-noun")

// sharedTarget returns the target a verb cue with no object of its own
// shares with the verb coordinated with it: "donated and personally
// delivered $50,000 worth of goods to X" gives "to X" to both verbs.
func (s *sentState) sharedTarget(v int, cue Cue) []string {
	if posClass(s.toks[v].Tag) != "VERB" {
		return nil
	}
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] == "obj" || s.tree.Rel[k] == "iobj" {
			return nil
		}
	}
	var slots []Slot
	for _, sl := range cue.Target {
		if sl == SlotObj || sl == SlotIobj || sl.Prep() != "" {
			slots = append(slots, sl)
		}
	}
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] == "conj" && k > v && posClass(s.toks[k].Tag) == "VERB" && len(s.slotTokens(k, SlotSubj)) == 0 &&
			s.adjacentConjunct(v, k) {
			if out := s.fill(k, slots); len(out) > 0 {
				return out
			}
		}
	}
	return nil
}

// adjacentConjunct reports whether only a conjunction, punctuation and
// adverbs stand between verbs v and k ("donated and personally
// delivered"), so that what follows k is the arguments of both; not
// "rallied from a deficit but then played against X".
func (s *sentState) adjacentConjunct(v, k int) bool {
	for j := v + 1; j < k; j++ {
		switch s.rel(j) {
		case "cc", "punct", "advmod":
		default:
			return false
		}
	}
	return true
}

// recallers are the verbs that refer to an event their object noun names
// without carrying it out: "a coin struck to commemorate the
// assassination of Caesar" is no assassination by the coin's maker, and
// those who "encourage the war" or "fuel the conflict" do not wage it.
var recallers = wordClass("recaller")

// respondsTo reports whether verb h, which has noun cue c as its object,
// is a cue of another event that responds to what the noun names rather
// than a light verb that carries it out: "Chile denounced the invasion of
// Peru" is no invasion by Chile, "condemned the attack on X" no attack. A
// verb that governs what its object names ("promised aid", "threatened
// sanctions", "ordered an attack") carries it out, with its modality.
func (s *sentState) respondsTo(h int, c Cue) bool {
	hc, _, ok := s.cueAt(h)
	return ok && hc.Complement == "" && hc.Type.PLOVER() != c.Type.PLOVER()
}

// strandedObject returns the name right after verb v that the parse took
// for the subject of a later clause: "accused China of harassing ..., a
// charge Beijing rejected", parsed with "China" as the subject of
// "rejected".
func (s *sentState) strandedObject(v int) []string {
	if posClass(s.toks[v].Tag) != "VERB" || s.passive(v) || v+1 >= len(s.toks) {
		return nil
	}
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] == "obj" || s.tree.Rel[k] == "iobj" || s.rel(k) == "ccomp" {
			return nil
		}
	}
	mi := s.ment[v+1]
	if mi < 0 || s.d.rec.Mentions[mi].Form != entity.Name {
		return nil
	}
	// The mention's head: its token attached outside it.
	t := v + 1
	for t+1 < len(s.toks) && s.ment[t+1] == mi && s.tree.Head[t] != -1 && s.ment[s.tree.Head[t]] == mi {
		t++
	}
	if h := s.tree.Head[t]; (s.rel(t) == "nsubj" || s.rel(t) == "compound") && h > t && s.ment[h] != mi {
		return []string{s.d.rec.Mentions[mi].Entity}
	}
	return nil
}

// strandedAgent returns the entities of a "by" oblique of active verb v:
// an active verb has no agent phrase, so "launched an investigation into
// war crimes by Sri Lankan troops" hangs on the verb what belongs to its
// object, whose owner is the target.
func (s *sentState) strandedAgent(v int) []string {
	if posClass(s.toks[v].Tag) != "VERB" || s.passive(v) {
		return nil
	}
	hasObj := false
	for _, k := range s.kids[v] {
		hasObj = hasObj || s.tree.Rel[k] == "obj"
	}
	if !hasObj {
		return nil
	}
	for _, k := range s.kids[v] {
		if s.rel(k) == "obl" && s.tree.Rel[k] != "obl:agent" && s.caseOf(k) == "by" {
			if out := s.entities(k); len(out) > 0 {
				return out
			}
		}
	}
	return nil
}

// purposeDestination returns the place an act of purpose is done in: the
// country or place the verb a purpose clause v depends on sends or goes
// "to" or "into" ("sent personnel to Bosnia to investigate ...").
func (s *sentState) purposeDestination(v int) []string {
	h := s.tree.Head[v]
	if h < 0 || !s.infinitival(v) {
		return nil
	}
	heads := []int{h}
	switch {
	case s.rel(v) == "advcl" && posClass(s.toks[h].Tag) == "VERB":
	case s.tree.Rel[v] == "acl" && s.rel(h) == "obj" && s.tree.Head[h] >= 0:
		// "sent personnel to Bosnia to investigate", with both
		// hung on "personnel".
		heads = append(heads, s.tree.Head[h])
	default:
		return nil
	}
	var out []string
	for _, prep := range []string{"to", "into"} {
		toks := append(s.slotTokens(heads[0], PrepSlot(prep)), s.slotTokens(heads[len(heads)-1], PrepSlot(prep))...)
		for _, o := range s.slotTokens(heads[len(heads)-1], SlotObj) {
			// "sent personnel to Bosnia", "to Bosnia" on "personnel".
			for _, k := range s.kids[o] {
				if s.rel(k) == "nmod" && s.caseOf(k) == prep {
					toks = append(toks, k)
				}
			}
		}
		for _, t := range toks {
			for _, id := range s.entities(t) {
				if id, e := s.d.place(id); e {
					out = appendUniq(out, id)
				}
			}
		}
	}
	return out
}

// sentPeople reports whether noun n names people someone sends or
// employs, with no owner of their own: "sent 21 personnel", not "the
// right of Russian troops".
func (s *sentState) sentPeople(n int) bool {
	if !isPlural(s.toks[n].Tag) && !isAgent(strings.ToLower(s.lemma[n])) {
		return false
	}
	for _, k := range s.kids[n] {
		if s.tree.Rel[k] == "nmod:poss" || s.rel(k) == "nmod" && s.caseOf(k) == "of" {
			return false
		}
	}
	return true
}

// infinitival reports whether clause v is marked by "to".
func (s *sentState) infinitival(v int) bool {
	for _, k := range s.kids[v] {
		if s.tree.Rel[k] == "mark" && strings.EqualFold(s.toks[k].Text, "to") {
			return true
		}
	}
	return false
}

// placesOf returns the countries and places cue v is located at: the
// first oblique marked by one of preps, in order, that is one or stands
// for one ("outside the British embassy"), or the "in" or "of" modifier of
// such an oblique ("at this jail in northern Israel").
func (s *sentState) placesOf(v int, preps ...string) []string {
	var out []string
	add := func(t int) bool {
		found := false
		for _, id := range s.entities(t) {
			if id, e := s.d.place(id); e {
				out = appendUniq(out, id)
				found = true
			}
		}
		return found
	}
	for _, prep := range preps {
		if len(out) > 0 {
			break
		}
		for _, t := range s.slotTokens(v, PrepSlot(prep)) {
			if add(t) {
				continue
			}
			for _, k := range s.kids[t] {
				if s.rel(k) == "nmod" && (s.caseOf(k) == "in" || s.caseOf(k) == "of") {
					add(k)
				}
			}
		}
	}
	if len(out) == 0 && slices.Contains(preps, "in") {
		// "detained hundreds of protesters in New Delhi", with "in
		// New Delhi" hung on the object or on what it counts.
		for _, o := range s.slotTokens(v, SlotObj) {
			for _, k := range s.kids[o] {
				if s.rel(k) == "nmod" && s.caseOf(k) == "of" && quantityNouns[strings.ToLower(s.lemma[o])] {
					o = k
					break
				}
			}
			for _, k := range s.kids[o] {
				if s.rel(k) == "nmod" && s.caseOf(k) == "in" {
					add(k)
				}
			}
		}
	}
	return out
}

// stoppers are the light verbs that call off what their object noun
// names: the event of a noun cue they govern does not happen ("suspended
// loans", "cancelled the visit"). "End" and "stop" are not among them:
// "ending Russia's war" reports a war that is going on.
var stoppers = wordClass("stopper")

// refusers are the verbs whose complement is an act refused.
var refusers = wordClass("refuser")

// refused reports whether cue v, or the light verb host it is the object
// of, is the complement of a verb of refusal, not itself negated: "failed
// to reach agreement", "refused to withdraw".
func (s *sentState) refused(v, host int) bool {
	for _, u := range []int{v, host} {
		if u < 0 || s.rel(u) != "xcomp" {
			continue
		}
		h := s.tree.Head[u]
		if h < 0 || !refusers[s.lemma[h]] {
			continue
		}
		if _, neg := s.embeddedModality(h); !neg {
			return true
		}
	}
	return false
}

// conditionedUnless reports whether cue v, the light verb host it is the
// object of, or a clause above them has a clause marked "unless" (which a
// parser may attach as an adverbial clause or as a conjunct) after v.
func (s *sentState) conditionedUnless(v, host int) bool {
	us := []int{v, host}
	for u, depth := s.tree.Head[v], 0; u >= 0 && depth < 4; u, depth = s.tree.Head[u], depth+1 {
		us = append(us, u)
	}
	for _, u := range us {
		if u < 0 {
			continue
		}
		for _, k := range s.kids[u] {
			if (s.rel(k) != "advcl" && s.rel(k) != "conj") || k < v {
				continue
			}
			for _, kk := range s.kids[k] {
				if s.tree.Rel[kk] == "mark" && strings.EqualFold(s.toks[kk].Text, "unless") {
					return true
				}
			}
		}
	}
	return false
}

// threatenedParty returns the party the threatened act named by the
// object of threat cue v is aimed at: "threatened further action against
// Russia", "threatened sanctions on Iran".
func (s *sentState) threatenedParty(v int) []string {
	for _, o := range s.slotTokens(v, SlotObj) {
		if s.ment[o] >= 0 {
			continue
		}
		for _, k := range s.kids[o] {
			if c := s.caseOf(k); s.rel(k) == "nmod" && (c == "against" || c == "on") {
				if out := s.entities(k); len(out) > 0 {
					return out
				}
			}
		}
	}
	return nil
}

// conditionSubject returns the party a threat is aimed at when the
// threat names none but its condition does: "threatened to strike unless
// Israel rescinded ...", "threatened sanctions if Iran does not ...". It
// reads the subject of an "unless" or "if" clause on threat cue v or on
// the act v governs.
func (s *sentState) conditionSubject(v int) []string {
	us := []int{v}
	for _, k := range s.kids[v] {
		if r := s.rel(k); r == "xcomp" || r == "ccomp" || r == "obj" {
			us = append(us, k)
		}
	}
	for _, u := range us {
		for _, k := range s.kids[u] {
			if s.rel(k) != "advcl" || k < v {
				continue
			}
			for _, kk := range s.kids[k] {
				if w := strings.ToLower(s.toks[kk].Text); s.tree.Rel[kk] == "mark" && (w == "unless" || w == "if") {
					if out := s.fill(k, []Slot{SlotSubj}); len(out) > 0 {
						return out
					}
				}
			}
		}
	}
	return nil
}

// meetingPlaces returns the places a meeting cue v locates the meeting in:
// "met ... in Beijing", read on the verb or, as parsers often attach it, on
// one of the parties ("met with Xi Jinping in Beijing").
func (s *sentState) meetingPlaces(v int, cue Cue) []string {
	var places []string
	add := func(t int) {
		for _, id := range s.entities(t) {
			if id, ok := s.d.place(id); ok {
				places = appendUniq(places, id)
			}
		}
	}
	for _, t := range s.slotTokens(v, "prep:in") {
		add(t)
	}
	for _, slot := range append(append([]Slot(nil), cue.Actor...), cue.Target...) {
		for _, a := range s.slotTokens(v, slot) {
			for _, k := range s.kids[a] {
				if s.rel(k) == "nmod" && s.caseOf(k) == "in" {
					add(k)
				}
			}
			// "leader Xi Jinping in Beijing": the name in apposition;
			// "Prabowo Subianto in Kuala Lumpur" with the place
			// parsed as part of the name.
			for _, k := range s.kids[a] {
				if s.rel(k) == "appos" || s.rel(k) == "flat" {
					if s.caseOf(k) == "in" {
						add(k)
					}
					for _, kk := range s.kids[k] {
						if (s.rel(kk) == "nmod" || s.rel(kk) == "compound") && s.caseOf(kk) == "in" {
							add(kk)
						}
					}
				}
			}
		}
	}
	return places
}

func containsSlot(slots []Slot, slot Slot) bool {
	for _, x := range slots {
		if x == slot {
			return true
		}
	}
	return false
}

func prepSlots(slots []Slot) []Slot {
	var out []Slot
	for _, x := range slots {
		if x.Prep() != "" {
			out = append(out, x)
		}
	}
	return out
}

// fillAllSlot fills slots from the head of a cue and, failing that, from its
// other words ("imposed sanctions on Russia" with "on Russia" on
// "sanctions").
//
// It returns the slot that gave the entities too, or "".
func (s *sentState) fillAllSlot(toks []int, slots []Slot) ([]string, Slot) {
	for _, t := range toks {
		if out, slot := s.fillSlot(t, slots); len(out) > 0 {
			return out, slot
		}
	}
	return nil, ""
}

// ownerOfSlot returns the entities a target slot of the words toks of a
// cue (its head first) holds through the noun that fills it: whose the thing acted on is ("rejected North
// Korea's demand", "calls by Belarus's rulers", "shelled positions of the
// Palestinian security forces"), the possessor, the "by", "of" or "from"
// modifier, or the demonym or name modifier of the noun. The noun must not
// be a name, and its owner must not be a pronoun.
func (s *sentState) ownerOfSlot(toks []int, slots []Slot) []string {
	for _, v := range toks {
		for _, slot := range slots {
			if slot != SlotObj && slot != SlotIobj && slot.Prep() == "" {
				continue
			}
			var out []string
			for _, t := range s.slotTokens(v, slot) {
				for _, id := range s.owners(t) {
					out = appendUniq(out, id)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	return nil
}

// borderNouns are the nouns of a border between two parties, whose
// "with" names the other side: "massed troops on the border with Kuwait".
var borderNouns = wordClass("border-noun")

// borderWith returns the other side of border noun t, its "with"
// modifier ("on the border with Kuwait", "Iraq's border with Kuwait"), or
// a "with" phrase right after it that the parse hung on the noun's head
// ("deployed tanks along its border with Syria").
func (s *sentState) borderWith(t int) []string {
	if !borderNouns[strings.ToLower(s.lemma[t])] {
		return nil
	}
	with := func(kids []int, after int) []string {
		for _, k := range kids {
			if s.rel(k) != "nmod" || s.caseOf(k) != "with" || k < after {
				continue
			}
			if after >= 0 && !slices.Contains(s.kids[k], after+1) {
				continue // not right after the noun
			}
			if out := s.entities(k); len(out) > 0 {
				return out
			}
		}
		return nil
	}
	if out := with(s.kids[t], -1); len(out) > 0 {
		return out
	}
	if h := s.tree.Head[t]; h >= 0 {
		return with(s.kids[h], t)
	}
	return nil
}

// owners returns the entities that own the thing noun t names (see
// ownerOfSlot), or nil.
func (s *sentState) owners(t int) []string {
	if s.ment[t] >= 0 || !strings.HasPrefix(s.toks[t].Tag, "NN") || strings.HasPrefix(s.toks[t].Tag, "NNP") {
		return nil
	}
	if out := s.borderWith(t); len(out) > 0 {
		return out
	}
	for _, k := range s.modifiers(t) {
		var ok bool
		switch r := s.tree.Rel[k]; {
		case r == "nmod:poss":
			ok = true
		case s.rel(k) == "nmod":
			switch s.caseOf(k) {
			case "by", "of", "from", "in", "for":
				ok = true
			}
		case r == "amod" || r == "compound":
			mi := s.ment[k]
			ok = mi >= 0 && (s.d.rec.Mentions[mi].Form == entity.Demonym || s.d.rec.Mentions[mi].Form == entity.Name)
		}
		if !ok || strings.HasPrefix(s.toks[k].Tag, "PRP") {
			continue // "their vessels": a pronoun owner is too loose a link
		}
		if out := s.entities(k); len(out) > 0 {
			return out
		}
	}
	return nil
}

// clauseObject returns the entities of the object of the clause cue v
// governs, or of its "to", "with" or "for" oblique, or of their owner.
func (s *sentState) clauseObject(v int) []string {
	slots := []Slot{SlotObj, SlotIobj, PrepSlot("to"), PrepSlot("with"), PrepSlot("for")}
	for _, k := range s.kids[v] {
		if s.rel(k) != "xcomp" {
			continue
		}
		if _, neg := s.embeddedModality(k); neg {
			return nil // "vowed not to return ...": not a promise to
		}
		if s.holdsCue(k) {
			return nil // the promised act is an event of its own
		}
		if out := s.fill(k, slots); len(out) > 0 {
			return out
		}
		return s.ownerOfSlot([]int{k}, slots)
	}
	return nil
}

// holdsCue reports whether clause k is itself a cue or has one as its
// object ("to continue military aid").
func (s *sentState) holdsCue(k int) bool {
	if _, _, ok := s.cueAt(k); ok {
		return true
	}
	for _, o := range s.kids[k] {
		if s.tree.Rel[o] == "obj" {
			if _, _, ok := s.cueAt(o); ok {
				return true
			}
		}
	}
	return false
}

// clauseSubject returns the entities of the subject of a clause cue v
// governs.
func (s *sentState) clauseSubject(v int) []string {
	for _, k := range s.kids[v] {
		switch s.rel(k) {
		case "ccomp", "xcomp", "advcl":
			for _, kk := range s.kids[k] {
				if s.tree.Rel[kk] == "nsubj" {
					if out := s.entities(kk); len(out) > 0 {
						return out
					}
				}
			}
		}
	}
	return nil
}

// fill returns the entities of the first slot, in preference order, that
// holds any.
func (s *sentState) fill(v int, slots []Slot) []string {
	out, _ := s.fillSlot(v, slots)
	return out
}

// fillSlot is fill that also returns the slot that gave the entities, or
// "".
func (s *sentState) fillSlot(v int, slots []Slot) ([]string, Slot) {
	for _, slot := range slots {
		var out []string
		for _, t := range s.slotTokens(v, slot) {
			for _, id := range s.entities(t) {
				out = appendUniq(out, id)
			}
		}
		if len(out) > 0 {
			return out, slot
		}
	}
	return nil, ""
}

// protestersIn returns the group that protesters named by no nationality
// form, acting for the country where they protest: "Thousands of
// protesters rallied in Belgrade against the government" are Serbia's, as
// event data codes them. The subject of protest verb v must name people
// ("protesters", "students", "thousands of workers"), and v must have an
// "in" oblique naming a country or a place in one. The event's target is
// the cue's.
func (s *sentState) protestersIn(v int) []string {
	t := s.subjectToken(v)
	if t < 0 && s.rel(v) == "acl" && s.toks[v].Tag == "VBN" {
		// "Thousands of protesters rallied in Belgrade", tagged as
		// a participle on "Thousands": one does not get rallied.
		t = s.tree.Head[v]
	}
	if t < 0 || s.ment[t] >= 0 {
		return nil
	}
	if quantityNouns[strings.ToLower(s.lemma[t])] {
		for _, k := range s.kids[t] {
			if s.rel(k) == "nmod" && s.caseOf(k) == "of" {
				t = k
				break
			}
		}
	}
	lem := strings.ToLower(s.lemma[t])
	if s.ment[t] >= 0 || !isPlural(s.toks[t].Tag) || !(peopleNoun(lem) || isAgent(lem) || quantityNouns[lem]) {
		return nil // "Thousands protested in Tbilisi": people, by number
	}
	for _, k := range s.kids[v] {
		if s.rel(k) != "obl" || s.caseOf(k) != "in" || s.ment[k] < 0 {
			continue
		}
		place, ok := s.d.place(s.d.rec.Mentions[s.ment[k]].Entity)
		if !ok {
			continue
		}
		if c := s.d.impliedCountry(place); c != "" {
			return []string{s.group(t, c)}
		}
	}
	return nil
}

// framingVisit returns the verb that visit or meeting noun v frames as
// the time of an act ("during a visit to China", "on a two-day visit to
// Moscow", "at talks in Geneva"), or -1. The verb's subject is the
// visitor or party.
func (s *sentState) framingVisit(v int, cue Cue) int {
	if posClass(s.toks[v].Tag) != "NOUN" || (cue.Type != Visit && cue.Type != Meet) {
		return -1
	}
	h := s.tree.Head[v]
	if h < 0 || s.rel(v) != "obl" || posClass(s.toks[h].Tag) != "VERB" {
		return -1
	}
	switch s.caseOf(v) {
	case "during", "on", "at", "in", "after", "before", "ahead of":
		return h
	}
	return -1
}

// reciprocal reports whether the verb v acts on "each other" or "one
// another" ("Canada and India expelled each other's diplomats", "blamed
// one another for the clashes"): its actors act on one another.
func (s *sentState) reciprocal(v int) bool {
	for j := v + 1; j+1 < len(s.toks); j++ {
		a, b := strings.ToLower(s.toks[j].Text), strings.ToLower(s.toks[j+1].Text)
		if !(a == "each" && b == "other") && !(a == "one" && b == "another") {
			continue
		}
		for _, x := range []int{j, j + 1} {
			for h, n := s.tree.Head[x], 0; h >= 0 && n < 3; h, n = s.tree.Head[h], n+1 {
				if h == v {
					return true
				}
			}
		}
	}
	return false
}

// plainOffice reports whether office noun v names the office itself, of
// the country or organisation its "of", possessor or demonym names: "the
// 30th president of the United States", "Britain's prime minister", "the
// Ukrainian leader". A qualified office is another one ("deputy chairman",
// "former leader", "rebel leader", "security chief", "democracy leader"),
// and an office of something the name only modifies ("head of the
// Bosnia-Herzegovina delegation", "president of the Russian National
// Olympic Committee") is not the named entity's.
func (s *sentState) plainOffice(v int, cueToks []int) bool {
	for _, k := range s.kids[v] {
		if slices.Contains(cueToks, k) {
			continue
		}
		switch r := s.tree.Rel[k]; {
		case r == "det" || r == "case" || r == "punct" || r == "cop" || r == "appos" || r == "flat" ||
			r == "nsubj" || r == "acl:relcl" || r == "cc" || r == "conj":
		case r == "nummod" || (r == "amod" && ordinal(s.toks[k].Text)):
			// "the 30th president"
		case r == "amod" || r == "compound" || r == "nmod:poss":
			mi := s.ment[k]
			if mi < 0 {
				return false // "former", "deputy", "security", "rebel"
			}
			if m := s.d.rec.Mentions[mi]; m.Type == entity.Person {
				return false // "Tutu's deputy chairman"
			}
		case s.rel(k) == "nmod" && s.caseOf(k) == "of":
			if s.ment[k] < 0 {
				return false // "head of the ... delegation"
			}
		}
	}
	return true
}

// ordinal reports whether w is an ordinal number ("30th", "first").
func ordinal(w string) bool {
	w = strings.ToLower(w)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) && w[0] >= '0' && w[0] <= '9' {
			return true
		}
	}
	switch w {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth":
		return true
	}
	return false
}

// inRole reports whether token t is in a title phrase the recognizer read
// as an office ("Chinese leader Xi Jinping"): its LEADER_OF is the role's.
func (s *sentState) inRole(t int) bool {
	tok := s.toks[t]
	for _, ri := range s.d.sentRoles[s.idx] {
		if r := s.d.rec.Roles[ri]; tok.Start >= r.Start && tok.End <= r.End {
			return true
		}
	}
	return false
}

// backgroundMarks are the conjunctions of a clause that sets an event in
// the past or gives its cause, rather than telling it.
var backgroundMarks = wordClass("background-mark")

// inBackground reports whether token v is in an adverbial clause marked
// as background ("The visit comes weeks after Modi hosted Putin").
func (s *sentState) inBackground(v int) bool {
	for x, n := v, 0; x >= 0 && n < 8; x, n = s.tree.Head[x], n+1 {
		if s.rel(x) != "advcl" {
			continue
		}
		for _, k := range s.kids[x] {
			if s.tree.Rel[k] == "mark" && backgroundMarks[strings.ToLower(s.toks[k].Text)] {
				return true
			}
		}
	}
	return false
}

// without returns the ids of list that are not in drop.
func without(list, drop []string) []string {
	var out []string
	for _, id := range list {
		if !slices.Contains(drop, id) {
			out = append(out, id)
		}
	}
	return out
}

// mediatedParties returns the parties of what passive mediation verb v
// says was mediated: "a ceasefire brokered by Qatar", on a noun the
// parties' verb governs ("Israel and Hamas agreed to a ceasefire brokered
// by ..."), or a conjunct of their verb ("Thailand and Cambodia signed an
// agreement, mediated by Malaysia").
func (s *sentState) mediatedParties(v int) []string {
	h := s.tree.Head[v]
	if h < 0 {
		return nil
	}
	switch s.rel(v) {
	case "acl":
		if g := s.tree.Head[h]; g >= 0 && posClass(s.toks[g].Tag) == "VERB" {
			return s.fill(g, []Slot{SlotSubj})
		}
	case "conj":
		if posClass(s.toks[h].Tag) == "VERB" {
			return s.fill(h, []Slot{SlotSubj})
		}
	}
	return nil
}
