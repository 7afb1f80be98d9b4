// Package relation extracts typed relations between the entities of a
// document and gathers them into a graph.
//
// An [Extractor] runs the whole pipeline on a [corpus.Document]: analysis
// (sentences, tokens, tags), entity recognition and resolution
// ([entity.Recognizer]), a dependency parse of each sentence that can hold a
// relation ([parse.Parser]), and the reading of every relation cue of the
// [Lexicon] over that parse. A [Cue] is a lemma with an argument frame: the
// slots of the parse that hold the actor and the target (subject, object,
// an oblique "with" or "against", a possessor, ...) and the modality of the
// clause it governs. The extractor reads passive voice, coordination,
// control and participle clauses, relative clauses, negation and modality
// (alleged, requested, intended, denied, reported) from the parse; resolves
// pronouns, "the two leaders" and agent nouns ("EU officials" act for the
// EU); and never links two entities merely because they are close.
//
// An agent phrase is a group node (entity type GROUP, "group/egy-police")
// that collapses onto the country or organisation it acts for, unless the
// relation would then be a loop: "Egyptian police dispersed Egyptian
// demonstrators" joins two groups of Egypt, "Croatia is investigating war
// crimes by Croatian extremists" Croatia and a group of its own, as event
// data codes domestic events with one actor code on both sides. A cue's
// "home" target slot reads an act with no stated target as done on the
// actor's own country ("Algerian landowners began a hunger strike",
// "Georgian President Eduard Shevardnadze resigned").
//
// Relations of a document become a [Graph], and graphs merge: a corpus's
// graph is the merge of its documents'. The graph is written as JSON (the
// contract in DESIGN.md), DOT or Mermaid, and [Graph.Multigraph] is a view
// that satisfies gonum's graph.DirectedMultigraph.
//
// # Types
//
// Every [Type] has its PLOVER event type and CAMEO code ([Type.PLOVER],
// [Type.CAMEO]); MEET, SIGN_AGREEMENT, COOPERATE, NEGOTIATE and AGREE are
// symmetric. LEADER_OF comes from the offices the text states ("French
// President Emmanuel Macron").
//
// # Positions
//
// Every piece of evidence satisfies doc.Text[e.Start:e.End] == e.Text: the
// sentence that supports the relation.
//
// # Concurrency and cost
//
// An Extractor and a Lexicon are immutable and safe for concurrent use by
// many goroutines; a Graph is not safe for concurrent mutation. Only
// sentences with two entities (or one and a reference) and a possible cue
// are parsed; the parser is most of the cost of extraction.
package relation
