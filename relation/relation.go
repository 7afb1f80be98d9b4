package relation

// Type is the kind of a relation, such as MEET or ACCUSE.
type Type string

// Modality says whether a relation is asserted to have happened.
type Modality string

// The modalities.
const (
	Asserted  Modality = ""          // reported as fact
	Alleged   Modality = "alleged"   // what someone is accused of
	Requested Modality = "requested" // what someone is urged or asked to do
	Intended  Modality = "intended"  // planned, promised, expected
	Denied    Modality = "denied"    // what someone denies
	Reported  Modality = "reported"  // attributed speech
)

// Evidence is the stretch of a document that supports a relation: the
// sentence of its cue, or, in a sentence longer than [MaxEvidence] bytes,
// a window of at most that many bytes of it around the cue, cut at rune
// boundaries (and, where it can be, between words).
//
// The invariant is doc.Text[e.Start:e.End] == e.Text.
type Evidence struct {
	Doc   string // document ID
	Start int    // byte offset of the sentence (or window) in the document
	End   int
	Text  string
	Cue   string // the words that signal the relation, "met with"

	// Rule names how the relation was read: key=value pairs joined by
	// ";", in the order frame, actor, target, then. A relation read off
	// a cue's frame has actor= and target=, each the cue's slot that
	// held the party, as cues.tsv names it ("subj", "obj",
	// "prep:with"), or the named rule that found it where the slots held
	// none ("light-verb-subject", "place-of-force"); a target may also be
	// "co-actors" (the actors of a symmetric cue with each other),
	// "reciprocal" ("exchanged fire" with each other) or "home" (an act at
	// home). then= names a relation made from the frame's: "refusal",
	// "unless-threat", "meeting-place". A relation read from no cue's
	// frame has frame= alone: "office-title", "org-title", "obligation".
	// Example: "actor=light-verb-subject;target=prep:with".
	Rule string
}

// Relation is one typed, directed link between two entities found in a
// document.
type Relation struct {
	Source     string // entity ID of the actor
	Target     string // entity ID of the one acted upon
	Type       Type
	Negated    bool
	Modality   Modality
	Confidence float64
	Evidence   Evidence
}
