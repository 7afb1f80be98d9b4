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
// pronouns, "the two leaders", "the two countries", "the government" and
// agent nouns ("EU officials" act for the EU); reads a reaction to an
// earlier sentence's event ("Canberra imposed tariffs ... The move was
// condemned by Beijing": China CRITICIZE Australia) through the event nouns
// of anaphora.tsv; and never links two entities merely because they are
// close.
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
// An agent phrase with no country of its own ("riot police", "opposition
// supporters", "rebels") acts for the one country its sentence anchors, by a
// place of it or a body of it that acts at home, when the sentence names no
// other: both sides of a domestic event are that country's.
//
// # Rules
//
// When a cue's own slots leave its actor or target empty, ordered tables of
// named rules are tried, the first that finds a party winning; parse repairs
// run as one named pass before reading, and the English word classes the
// rules use are one data file (wordclasses.tsv). [Evidence].Rule says how a
// relation was read ("actor=subj;target=place-of-force"), and
// [Extractor.Traced] writes every rule tried for every cue of a document.
// Each rule has hand-written CoNLL-U test cases in testdata/rules.
//
// References reach back across sentences: "the move", "the measures" to an
// earlier event (a reaction to it targets its actor), "the talks", "the
// accord", "the two ministers" to the parties of an earlier meeting, whose
// modality the later relation takes unless it states its own.
//
// Relations of a document become a [Graph], and graphs merge: a corpus's
// graph is the merge of its documents'. The graph is written as JSON (the
// contract in DESIGN.md, [Graph.WriteJSON]), DOT, Mermaid, GraphML, GEXF,
// Neo4j import CSV or a CSV edge list (one WriteX method each), and
// [WriteHTML] writes a self-contained page of documents, their graph and
// the evidence of each edge. [Graph.Multigraph] is a view that satisfies
// gonum's graph.DirectedMultigraph. [Extractor.ExtractAll] streams a corpus
// through a bounded, ordered pool of workers.
//
// # Types
//
// Every [Type] has its PLOVER event type and CAMEO code ([Type.PLOVER],
// [Type.CAMEO]); MEET, SIGN_AGREEMENT, COOPERATE, NEGOTIATE and AGREE are
// symmetric. LEADER_OF and MEMBER_OF come from the offices the text states
// of countries and organisations ("French President Emmanuel Macron", "WHO
// Director-General X", "Conservative MP Y", "X, a spokeswoman for
// Greenpeace").
//
// # Positions
//
// Every piece of evidence satisfies doc.Text[e.Start:e.End] == e.Text: the
// sentence that supports the relation, or a window of at most
// [MaxEvidence] bytes of it around the cue.
//
// # Concurrency and cost
//
// An Extractor and a Lexicon are immutable and safe for concurrent use by
// many goroutines; a Graph is not safe for concurrent mutation. Only
// sentences with two entities (or one and a reference) and a possible cue
// are parsed; the parser is most of the cost of extraction.
//
// Time is linear in a document's length and memory bounded: a document of
// more than [WindowBytes] is analysed and read in windows of sentences
// (references such as "the two leaders" reach back within a window), a
// sentence of more than [MaxParseTokens] tokens is parsed in pieces, and the
// context is checked before every sentence. [WithMaxDocumentSize] refuses
// longer documents with an error naming the limit.
package relation
