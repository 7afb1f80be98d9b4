package relation

import (
	"strings"

	"github.com/newsgraph/newsgraph/relation/internal/frame"
)

// cueFrame is the frame of one cue being read: the cue, its words, and the
// parties its slots and rules have found so far.
type cueFrame struct {
	v    int   // the cue's head token
	cue  Cue   // the cue
	toks []int // the cue's words, its head first
	host int   // the light verb a noun cue is the object of ("held talks"), or -1

	slotActors []string // the actors the cue's own slots gave
	ownActor   bool     // the actor is read off the cue itself (see readCue)

	actors, targets       []string
	actorRule, targetRule string // the slot or rule that gave each, "" for none
}

// A rule reads one party of a cue's frame, the actor or the target, where
// the cue's own slots gave none (see [frame.Rule]). Rules stand in ordered
// tables, [actorRules] and [targetRules], walked in order.
type rule = frame.Rule[*sentState, *cueFrame]

// always is the When of a rule that is always tried.
func always(*sentState, *cueFrame) bool { return true }

// walkRules walks an ordered rule table for the party named role ("actor"
// or "target") of frame f, and returns the entities and the name of the
// first rule that gave any.
func (s *sentState) walkRules(role string, table []rule, f *cueFrame) ([]string, string) {
	var tried func(string, []string)
	if s.tracing() {
		tried = func(name string, out []string) { s.tracef("  %s rule %s: %s", role, name, traceIDs(out)) }
	}
	return frame.Walk(table, s, f, tried)
}

// plover reports whether the frame's cue is of one of the PLOVER types.
func (f *cueFrame) plover(types ...string) bool {
	p := f.cue.Type.PLOVER()
	for _, t := range types {
		if p == t {
			return true
		}
	}
	return false
}

// isNoun reports whether the cue's head is a common noun.
func (s *sentState) isNoun(v int) bool { return posClass(s.toks[v].Tag) == "NOUN" }

// isVerb reports whether the cue's head is a verb.
func (s *sentState) isVerb(v int) bool { return posClass(s.toks[v].Tag) == "VERB" }

// actorRules are the rules that read the actor of a cue whose own actor
// slots hold no entity, in the order they are tried.
var actorRules = []rule{
	{
		Name:  "light-verb-subject",
		Doc:   `The subject of the light verb a noun cue is the object of: "Xi held talks with Putin".`,
		Group: "actor",
		When:  func(s *sentState, f *cueFrame) bool { return f.host >= 0 },
		Read:  func(s *sentState, f *cueFrame) []string { return s.subjects(f.host) },
	},
	{
		Name:  "noun-predicate-subject",
		Doc:   `The subject of a noun cue the parse makes a predicate: "the two leaders held talks" with "held" read as a modifier.`,
		Group: "actor",
		When:  func(s *sentState, f *cueFrame) bool { return s.isNoun(f.v) && len(s.slotTokens(f.v, SlotSubj)) > 0 },
		Read:  func(s *sentState, f *cueFrame) []string { return s.fill(f.v, []Slot{SlotSubj}) },
	},
	{
		Name:  "visit-frame",
		Doc:   `The subject of the verb a visit or meeting noun frames the time of: "During a visit to China, Macron met Xi".`,
		Group: "actor",
		When:  func(s *sentState, f *cueFrame) bool { return s.framingVisit(f.v, f.cue) >= 0 },
		Read:  func(s *sentState, f *cueFrame) []string { return s.subjects(s.framingVisit(f.v, f.cue)) },
	},
	{
		Name:  "protest-oblique",
		Doc:   `The subject of the verb a reason noun is an "in" oblique of: "staged a hunger strike in protest against ...".`,
		Group: "actor",
		When:  func(s *sentState, f *cueFrame) bool { return s.protestOblique(f.v) },
		Read:  func(s *sentState, f *cueFrame) []string { return s.fill(s.tree.Head[f.v], []Slot{SlotSubj}) },
	},
	{
		Name:  "inherited-subject",
		Doc:   `The subject a clause with none takes from the clause it depends on: "France and China met and signed ...", "urged China to respect ...".`,
		Group: "actor",
		When:  func(s *sentState, f *cueFrame) bool { return containsSlot(f.cue.Actor, SlotSubj) },
		Read:  func(s *sentState, f *cueFrame) []string { return s.inheritedSubject(f.v) },
	},
	{
		Name: "protesters-in-place",
		Doc:  `People who protest, named by no nationality, act for the country they protest in: "Thousands of protesters rallied in Belgrade".`,
		When: func(s *sentState, f *cueFrame) bool { return f.plover("PROTEST") && s.isVerb(f.v) },
		Read: func(s *sentState, f *cueFrame) []string { return s.protestersIn(f.v) },
	},
}

// targetRules are the rules that read the target of a cue whose own
// target slots hold no entity, in the order they are tried.
var targetRules = []rule{
	{
		Name: "owner-of-slot",
		Doc:  `The owner of the noun in a target slot: "rejected North Korea's demand", "shelled positions of the Palestinian security forces".`,
		When: always,
		Read: func(s *sentState, f *cueFrame) []string { return s.ownerOfSlot(f.toks, f.cue.Target) },
	},
	{
		Name: "phrase-owner",
		Doc:  `The owner of a noun of the cue's own phrase, other than its actor: "released 500 Iranian prisoners".`,
		When: func(s *sentState, f *cueFrame) bool { return len(f.toks) > 1 },
		Read: func(s *sentState, f *cueFrame) []string {
			for _, t := range f.toks[1:] {
				if out := without(s.owners(t), f.slotActors); len(out) > 0 {
					return out
				}
			}
			return nil
		},
	},
	{
		Name: "clause-subject",
		Doc:  `The subject of the clause a cue of request or intent governs: "demanded that Israel ease ...", "called for China to work ...".`,
		When: func(s *sentState, f *cueFrame) bool { return f.cue.Complement != "" },
		Read: func(s *sentState, f *cueFrame) []string { return s.clauseSubject(f.v) },
	},
	{
		Name: "promised-act-object",
		Doc:  `What a promised act is done to: "promised to democratize Serbia", "agreed to re-open its borders to UN peacekeepers".`,
		When: func(s *sentState, f *cueFrame) bool { return f.cue.Complement == Intended },
		Read: func(s *sentState, f *cueFrame) []string { return s.clauseObject(f.v) },
	},
	{
		Name:  "light-verb-oblique",
		Doc:   `The oblique of the light verb a noun cue is the object of: "held talks with Putin".`,
		Group: "host",
		When:  func(s *sentState, f *cueFrame) bool { return f.host >= 0 },
		Read:  func(s *sentState, f *cueFrame) []string { return s.fill(f.host, prepSlots(f.cue.Target)) },
	},
	{
		Name:  "subject-as-target",
		Doc:   `A cue whose target is its subject, parsed as a participle: "Anwar hosted Prabowo" with "hosted" a modifier of "Anwar".`,
		Group: "host",
		When:  func(s *sentState, f *cueFrame) bool { return containsSlot(f.cue.Target, SlotSubj) },
		Read:  func(s *sentState, f *cueFrame) []string { return s.inheritedSubject(f.v) },
	},
	{
		Name: "threatened-party",
		Doc:  `The party the threatened act is aimed at: "threatened further action against Russia".`,
		When: func(s *sentState, f *cueFrame) bool { return f.plover("THREATEN") },
		Read: func(s *sentState, f *cueFrame) []string { return s.threatenedParty(f.v) },
	},
	{
		Name: "threat-condition",
		Doc:  `The subject of a threat's condition: "threatened to strike unless Israel rescinded ...".`,
		When: func(s *sentState, f *cueFrame) bool { return f.plover("THREATEN") },
		Read: func(s *sentState, f *cueFrame) []string { return s.conditionSubject(f.v) },
	},
	{
		Name: "refused-act-object",
		Doc:  `What a refused act is done to: "declined to meet Xi", "refused to respond to a demand from the US".`,
		When: func(s *sentState, f *cueFrame) bool { return f.plover("REJECT") && f.cue.Complement == "" },
		Read: func(s *sentState, f *cueFrame) []string { return s.clauseObject(f.v) },
	},
	{
		Name: "shared-target",
		Doc:  `The target of the verb coordinated with a verb cue with no object: "donated and personally delivered goods to X".`,
		When: always,
		Read: func(s *sentState, f *cueFrame) []string { return s.sharedTarget(f.v, f.cue) },
	},
	{
		Name: "stranded-object",
		Doc:  `The name right after a verb that the parse took for the subject of a later clause: "accused China of harassing ..., a charge Beijing rejected".`,
		When: func(s *sentState, f *cueFrame) bool { return containsSlot(f.cue.Target, SlotObj) },
		Read: func(s *sentState, f *cueFrame) []string { return s.strandedObject(f.v) },
	},
	{
		Name: "stranded-agent",
		Doc:  `A prepositional target the parse hung elsewhere (see strandedAgent).`,
		When: func(s *sentState, f *cueFrame) bool { return len(prepSlots(f.cue.Target)) > 0 },
		Read: func(s *sentState, f *cueFrame) []string { return s.strandedAgent(f.v) },
	},
	{
		Name: "purpose-destination",
		Doc:  `The destination of a purpose clause (see purposeDestination).`,
		When: always,
		Read: func(s *sentState, f *cueFrame) []string { return s.purposeDestination(f.v) },
	},
	{
		Name: "mediated-parties",
		Doc:  `The parties of what a passive mediation verb says was mediated: "a ceasefire brokered by Qatar".`,
		When: func(s *sentState, f *cueFrame) bool { return f.cue.Type == Consult && s.hasAgent(f.v) },
		Read: func(s *sentState, f *cueFrame) []string { return without(s.mediatedParties(f.v), f.actors) },
	},
	{
		Name: "protest-place",
		Doc:  `A protest with no stated target is against the authorities of the place it is held at: "demonstrated outside the British embassy".`,
		When: func(s *sentState, f *cueFrame) bool { return f.plover("PROTEST") },
		Read: func(s *sentState, f *cueFrame) []string { return s.placesOf(f.v, "outside", "at", "in", "near") },
	},
	{
		Name: "place-of-force",
		Doc:  `Force used on no named party is used in the place it is used in: "bombed rebel bases in northern Iraq"; only with the cue's own actor.`,
		When: func(s *sentState, f *cueFrame) bool {
			return f.ownActor && f.plover("ASSAULT", "FIGHT", "COERCE", "MOBILIZE")
		},
		Read: func(s *sentState, f *cueFrame) []string { return s.placesOf(f.v, "in", "at") },
	},
}

// tracing reports whether the document is traced. Callers check it before
// tracef, so that an untraced document builds no trace arguments.
func (s *sentState) tracing() bool { return s.d.trace != nil }

// tracef writes one line of the rule trace, when the document is traced.
func (s *sentState) tracef(format string, args ...any) {
	if s.d.trace == nil {
		return
	}
	s.d.traceLine(s.sent.Start, format, args...)
}

// traceIDs returns the entity IDs of a trace line, or "-" for none.
func traceIDs(ids []string) string {
	if len(ids) == 0 {
		return "-"
	}
	return strings.Join(ids, ",")
}

// lightVerb returns the light verb noun cue v is the object of ("held
// talks", "imposed sanctions"), which carries out the event the noun
// names, or -1. A standing relation's noun is no event a verb can carry
// out ("killed the deputy chief" does not make the killer a chief), and a
// verb that responds to or recalls what the noun names is an event of its
// own.
func (s *sentState) lightVerb(v int, cue Cue) int {
	if !s.isNoun(v) || cue.Type == LeaderOf || cue.Type == MemberOf {
		return -1
	}
	if h := s.tree.Head[v]; h >= 0 && s.tree.Rel[v] == "obj" && s.isVerb(h) && !s.respondsTo(h, cue) &&
		!recallers[s.lemma[h]] {
		return h
	}
	return -1
}

// slotList returns slots as cues.tsv writes them, comma-separated.
func slotList(slots []Slot) string {
	parts := make([]string, len(slots))
	for i, sl := range slots {
		parts[i] = string(sl)
	}
	return strings.Join(parts, ",")
}

// ruleNames are the names of the rules that read a relation, whose String
// is [Evidence.Rule].
type ruleNames = frame.Names

// ruleString returns r.String(), made once for the document: the few
// combinations of rules recur in every sentence.
func (d *docState) ruleString(r ruleNames) string {
	if str, ok := d.ruleStrings[r]; ok {
		return str
	}
	if d.ruleStrings == nil {
		d.ruleStrings = map[ruleNames]string{}
	}
	str := r.String()
	d.ruleStrings[r] = str
	return str
}
