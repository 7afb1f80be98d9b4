package relation

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/corpus/lemma"
	"github.com/newsgraph/newsgraph/corpus/parse"
	"github.com/newsgraph/newsgraph/entity"
)

// docState is what extraction keeps across the sentences of one document.
type docState struct {
	doc      *corpus.Document
	rec      *entity.Result
	lex      *Lexicon
	ents     map[string]entity.Entity
	pair     [2]string // the two parties of the latest symmetric relation
	pairSent int       // the sentence it was found in

	// The two parties of the latest symmetric relation between countries
	// or organisations, and its sentence: "the two countries".
	bodyPair     [2]string
	bodyPairSent int

	groups    map[string]entity.Entity // group nodes of agent phrases (see group)
	groupOf   map[string]string        // group → the entity it acts for
	groupSeen map[string]map[int]bool  // group → byte offsets of the phrases naming it
	used      map[string]bool          // groups that are nodes of a relation
	armed     map[string]bool          // groups that are armed forces

	events []pastEvent // relations of the last sentences, for event nouns (see anaphora.go)

	gaz     *entity.Gazetteer        // for the countries of places (see impliedCountry)
	implied map[string]entity.Entity // countries no mention names, implied by a place

	// Indexes, so that no sentence or token looks through the whole
	// document: the cost of a document grows with its length, not with
	// its square.
	sentMentions [][]int           // sentence → indices of the mentions overlapping it, ascending
	sentRoles    [][]int           // sentence → indices of the roles overlapping it, ascending
	endMax       []int             // endMax[i] = the largest End of Mentions[:i+1]
	lastPersonAt []string          // lastPersonAt[i] = the person of the last person mention of Mentions[:i+1]
	countryCode  map[string]string // actor code → the first country of rec.Entities with it

	trace       *strings.Builder     // the rule trace of the document, or nil (see Extractor.Traced)
	ruleStrings map[ruleNames]string // Evidence.Rule of each rule combination (see ruleString)
}

// traceLine adds a line to the document's rule trace, which names the
// document and the byte offset at, of the sentence being read.
func (d *docState) traceLine(at int, format string, args ...any) {
	fmt.Fprintf(d.trace, "%s:%d: ", d.doc.ID, at)
	fmt.Fprintf(d.trace, format, args...)
	d.trace.WriteByte('\n')
}

func newDocState(doc *corpus.Document, rec *entity.Result, lex *Lexicon) *docState {
	d := &docState{doc: doc, rec: rec, lex: lex, ents: make(map[string]entity.Entity, len(rec.Entities)), pairSent: -100, bodyPairSent: -100,
		groups: map[string]entity.Entity{}, groupOf: map[string]string{}, groupSeen: map[string]map[int]bool{}, used: map[string]bool{},
		armed: map[string]bool{}, implied: map[string]entity.Entity{}}
	for _, e := range rec.Entities {
		d.ents[e.ID] = e
	}
	d.index()
	return d
}

// index fills the indexes of the document's mentions, roles and entities.
func (d *docState) index() {
	sents := d.doc.Sentences
	d.sentMentions = make([][]int, len(sents))
	d.endMax = make([]int, len(d.rec.Mentions))
	d.lastPersonAt = make([]string, len(d.rec.Mentions))
	end, person := 0, ""
	for mi, m := range d.rec.Mentions {
		for _, si := range overlapping(sents, m.Start, m.End) {
			d.sentMentions[si] = append(d.sentMentions[si], mi)
		}
		end = max(end, m.End)
		if m.Type == entity.Person {
			person = m.Entity
		}
		d.endMax[mi], d.lastPersonAt[mi] = end, person
	}
	d.sentRoles = make([][]int, len(sents))
	for ri, r := range d.rec.Roles {
		for _, si := range overlapping(sents, r.Start, r.End) {
			d.sentRoles[si] = append(d.sentRoles[si], ri)
		}
	}
	d.countryCode = map[string]string{}
	for _, e := range d.rec.Entities {
		if _, ok := d.countryCode[e.Code]; !ok && e.Type == entity.Country && e.Code != "" {
			d.countryCode[e.Code] = e.ID
		}
	}
}

// overlapping returns the indices of the sentences that share a byte with
// [start, end), or, for an empty span, that hold its offset.
func overlapping(sents []corpus.Sentence, start, end int) []int {
	var out []int
	for si := sort.Search(len(sents), func(i int) bool { return sents[i].End > start }); si < len(sents); si++ {
		if sents[si].Start >= end && !(start == end && sents[si].Start <= start) {
			break
		}
		out = append(out, si)
	}
	return out
}

// mentionsBefore returns the number of mentions, in document order, that
// come before the first one ending after byte offset pos.
func (d *docState) mentionsBefore(pos int) int {
	return sort.Search(len(d.endMax), func(i int) bool { return d.endMax[i] > pos })
}

// sentState is one sentence being read for relations.
type sentState struct {
	d     *docState
	idx   int
	sent  corpus.Sentence
	toks  []corpus.Token
	ment  []int // token → index of its mention in d.rec.Mentions, or -1
	tree  parse.Tree
	kids  [][]int
	lemma []string
	out   []Relation

	cueTok     int       // the token of the cue being read, -1 for none (see evidence)
	rule       ruleNames // the rules of the relations being emitted (see Evidence.Rule)
	fr         cueFrame  // the frame of the cue being read (see readCue)
	firstModal int       // 1 + index of the first modal verb, len(toks)+1 if none; 0 until known

	// background is set while a cue in a clause of time or cause is read
	// ("weeks after Modi hosted Putin"): its parties are not "the two
	// leaders" of what follows.
	background bool

	// reacting is set while the targets of a reaction cue are read, whose
	// actors are reactors: an event noun there stands for an earlier
	// relation (see eventAnaphor).
	reacting bool
	reactors []string

	// carried is the earlier event an event noun subject of the cue
	// being read stands for, whose modality the cue's relation takes
	// (see carryModality in anaphora.go).
	carried *pastEvent
}

func (d *docState) sentence(i int) *sentState {
	return d.piece(i, d.doc.Sentences[i])
}

// piece returns the sentState of sent, sentence i of the document or a
// piece of it (see pieces).
func (d *docState) piece(i int, sent corpus.Sentence) *sentState {
	s := &sentState{d: d, idx: i, sent: sent, toks: sent.Tokens, cueTok: -1}
	s.ment = make([]int, len(s.toks))
	for j := range s.ment {
		s.ment[j] = -1
	}
	mentions := d.sentMentions[i]
	for _, mi := range mentions {
		m := d.rec.Mentions[mi]
		if m.End <= s.sent.Start || m.Start >= s.sent.End {
			continue
		}
		for j := s.tokenFrom(m.Start); j < len(s.toks) && s.toks[j].End <= m.End; j++ {
			s.ment[j] = mi
		}
	}
	// A name or demonym that begins a hyphenated word of agency or
	// ownership ("British-flagged", "US-led", "Russian-backed") stands
	// for the word where no mention covers it; "Surinamese-born",
	// "American-style" or "pro-Moscow" do not.
	for _, mi := range mentions {
		m := d.rec.Mentions[mi]
		for j := s.tokenFrom(m.Start); j < len(s.toks) && s.toks[j].Start == m.Start; j++ {
			if t := s.toks[j]; s.ment[j] < 0 && m.End < t.End && agencySuffix(t.Text) {
				s.ment[j] = mi
			}
		}
	}
	return s
}

// tokenFrom returns the index of the first token of the sentence that
// starts at or after byte offset pos.
func (s *sentState) tokenFrom(pos int) int {
	return sort.Search(len(s.toks), func(j int) bool { return s.toks[j].Start >= pos })
}

// agencySuffixes end the hyphenated words whose first part acts or owns:
// "US-led", "Iranian-backed", "British-flagged".
var agencySuffixes = wordList("agency-suffix")

func agencySuffix(w string) bool {
	w = strings.ToLower(w)
	for _, suf := range agencySuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// worthParsing reports whether the sentence can hold a relation: two
// mentions of different entities, or one and a pronoun or plural reference;
// or two mentions of one entity ("Egyptian police dispersed Egyptian
// demonstrators"), or one and a cue of an act at home ("Egyptian
// demonstrators rioted"), which groups of its (see [sentState.group]) may
// hold.
func (s *sentState) worthParsing() bool {
	seen := map[string]bool{}
	refs, mentions := 0, 0
	for j, mi := range s.ment {
		if mi >= 0 {
			if j == 0 || s.ment[j-1] != mi {
				mentions++
			}
			seen[s.d.rec.Mentions[mi].Entity] = true
			continue
		}
		switch strings.ToLower(s.toks[j].Text) {
		case "he", "she", "him", "her", "his":
			refs = max(refs, 1)
		case "country", "nation", "government":
			if j > 0 && strings.EqualFold(s.toks[j-1].Text, "the") {
				refs = max(refs, 1) // "the country", "the government": a country named before
			}
		default:
			if j > 0 && s.d.recentEvents(s.idx) && eventNounWord(s.toks[j].Text) != nil {
				refs = max(refs, 1) // "the move": an event of a sentence before
			}
			if domesticWord(s.toks[j].Text) {
				refs = max(refs, 1) // "police", "rebels": a domestic party (domesticAgent)
			}
		case "they", "them", "their", "two", "both":
			if s.d.recentPair(s.idx) != nil || s.d.recentBodyPair(s.idx) != nil {
				refs = 2 // a plural reference to the two parties of a meeting
			}
		}
	}
	if len(seen)+refs >= 2 {
		return true
	}
	return len(seen) == 1 && (mentions >= 2 || s.mayHoldCue(func(c Cue) bool { return containsSlot(c.Target, SlotHome) }))
}

// pastTenseAfterSubject reports whether token i, tagged a past participle,
// is a past-tense main verb: right after a name ("ECOWAS imposed sanctions
// on ..."), with no auxiliary or modal before it, and followed by the start
// of a noun phrase. Taggers trained on other text now and then call such a
// verb a participle, and a parse then makes it a modifier of the noun
// after it. After a common noun the participle is as often right
// ("figures released two weeks ago"), and is left alone.
func (s *sentState) pastTenseAfterSubject(i int) bool {
	if i == 0 || i+1 >= len(s.toks) || s.toks[i].Tag != "VBN" {
		return false
	}
	switch next := s.toks[i+1]; next.Tag {
	case "DT", "PRP$", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS":
	default:
		if !strings.EqualFold(next.Text, "at") || i+2 >= len(s.toks) || !strings.EqualFold(s.toks[i+2].Text, "least") {
			return false
		}
	}
	if s.modalBefore(i) {
		return false
	}
	for j := max(0, i-4); j < i; j++ {
		switch tag := s.toks[j].Tag; {
		case strings.HasPrefix(tag, "VB"):
			switch strings.ToLower(s.toks[j].Text) {
			case "be", "is", "are", "was", "were", "been", "being", "has", "have", "had", "having", "get", "got", "gets":
				if i-j <= 4 {
					return false // an auxiliary: "has imposed", "were killed"
				}
			}
		}
	}
	mi := s.ment[i-1]
	return mi >= 0 && s.d.rec.Mentions[mi].Form == entity.Name && s.d.rec.Mentions[mi].Type != entity.Location
}

// modalBefore reports whether a modal verb comes before token i. The
// first modal of the sentence is found once, so that a long sentence costs
// no more per token than a short one.
func (s *sentState) modalBefore(i int) bool {
	if s.firstModal == 0 {
		s.firstModal = len(s.toks) + 1
		for j, t := range s.toks {
			if t.Tag == "MD" {
				s.firstModal = j + 1
				break
			}
		}
	}
	return s.firstModal-1 < i
}

// capitalised reports whether w begins with an upper-case letter or a
// digit ("G7", "9/11" aside, names begin with a capital).
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isWordToken reports whether a token holds a letter or digit (and so is
// not punctuation or a possessive ending inside a name).
func isWordToken(w string) bool {
	if w == "'s" || w == "’s" {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func (s *sentState) setTree(t parse.Tree) {
	s.tree = t
	s.kids = make([][]int, len(t.Head))
	for i, h := range t.Head {
		if h >= 0 && h < len(t.Head) {
			s.kids[h] = append(s.kids[h], i)
		}
	}
	s.verbsFromTree()
	s.lemmatize()
}

// verbsFromTree retags the words the tagger took for nouns and the parse
// reads as finite verbs with a subject before them, from the parser's own
// tags: headlines drop the words that make a verb plain ("Jordan expels
// Iraqi diplomat", "Dole blasts Clinton"). The document's tokens are not
// changed; the sentence reads a copy.
func (s *sentState) verbsFromTree() {
	copied := false
	for i, tag := range s.tree.Tag {
		if i >= len(s.toks) || !strings.HasPrefix(s.toks[i].Tag, "NN") || !finiteVerb(tag) {
			continue
		}
		subj := false
		for _, k := range s.kids[i] {
			subj = subj || s.tree.Rel[k] == "nsubj" && k < i
		}
		if !subj {
			continue
		}
		if !copied {
			s.toks = slices.Clone(s.toks)
			copied = true
		}
		if s.tracing() {
			s.tracef("repair headline-verb: token %d %q %s -> %s", i, s.toks[i].Text, s.toks[i].Tag, tag)
		}
		s.toks[i].Tag = tag
	}
	if copied {
		s.lemma = nil
	}
}

// lemmatize fills s.lemma, once.
func (s *sentState) lemmatize() {
	if s.lemma != nil {
		return
	}
	s.lemma = make([]string, len(s.toks))
	for i, tok := range s.toks {
		s.lemma[i] = lemma.Lemma(tok.Text, tok.Tag)
		if tok.Tag == "NNS" {
			s.lemma[i] = s.singular(s.lemma[i], tok.Text)
		}
	}
}

// singular returns the singular of a plural noun the lemmatizer left as
// it is, where a cue or the agent list uses it: the treebank the
// lemmatizer learned from keeps "troops" and "supplies" whole, while the
// lexicon reads "send troop" and "send supply".
func (s *sentState) singular(lem, form string) string {
	if lem != strings.ToLower(form) || len(lem) < 4 || !strings.HasSuffix(lem, "s") {
		return lem
	}
	for _, sg := range []string{strings.TrimSuffix(lem, "ies") + "y", strings.TrimSuffix(lem, "s")} {
		if sg != lem+"y" && (s.d.lex.hasWord(sg) || isAgent(sg)) {
			return sg
		}
	}
	return lem
}

// mayHoldCue reports whether any token of the sentence could head a cue of
// the lexicon, so that a sentence without one is not parsed at all. It reads
// the tags alone, before any parse, and so errs on the side of a cue: a
// participle the tagger called an adjective counts as the verb it may be
// ("Putin telephoned Scholz"), as cueAt reads it once the parse shows an
// object.
//
// With a filter, only the cues it accepts count.
func (s *sentState) mayHoldCue(filter ...func(Cue) bool) bool {
	s.lemmatize()
	any := func(cues []Cue) bool {
		for _, c := range cues {
			if len(filter) == 0 || filter[0](c) {
				return true
			}
		}
		return false
	}
	for i, t := range s.toks {
		pos := posClass(t.Tag)
		if pos == "" {
			continue
		}
		if any(lookupHead(s.d.lex, s.lemma[i], t.Text, pos)) {
			return true
		}
		if pos == "ADJ" && strings.HasSuffix(strings.ToLower(t.Text), "ed") &&
			any(lookupHead(s.d.lex, strings.ToLower(t.Text), t.Text, "VERB")) {
			return true
		}
		if pos == "NOUN" && i > 0 && !strings.HasPrefix(t.Tag, "NNP") {
			// "Putin spoke by phone with Erdogan", "Jordan expels
			// Iraqi diplomat": a verb the tagger took for a noun,
			// which the parser's own tagger may set right.
			for _, vt := range []string{"VBD", "VBZ"} {
				if l := lemma.Lemma(t.Text, vt); any(lookupHead(s.d.lex, l, t.Text, "VERB")) {
					return true
				}
			}
		}
	}
	return false
}

// rel returns the dependency relation of token i without its subtype.
func (s *sentState) rel(i int) string {
	r := s.tree.Rel[i]
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

// caseOf returns the lemma of the case marker of nominal i ("with" in "with
// Xi"), or "".
//
// A parser sometimes hangs the preposition on a modifier that precedes the
// head ("with Australian Prime Minister Anthony Albanese", "with" on
// "Minister"; "to 50 Iranian dissidents", "to" on the number): the case
// marker of the first such modifier counts too.
func (s *sentState) caseOf(i int) string {
	var parts []string
	for _, k := range s.kids[i] {
		if s.infinitiveTo(k) {
			continue
		}
		if s.tree.Rel[k] == "case" || s.tree.Rel[k] == "fixed" && len(parts) > 0 {
			parts = append(parts, strings.ToLower(s.toks[k].Text))
		}
	}
	if len(parts) == 0 {
		for _, k := range s.kids[i] {
			if k > i {
				break
			}
			switch s.tree.Rel[k] {
			case "nmod:desc", "compound", "amod", "flat", "det", "nummod":
				for _, kk := range s.kids[k] {
					if s.tree.Rel[kk] == "case" && kk < k && !s.infinitiveTo(kk) {
						return strings.ToLower(s.toks[kk].Text)
					}
				}
			}
		}
	}
	return strings.Join(parts, " ")
}

func posClass(tag string) string {
	switch {
	case strings.HasPrefix(tag, "VB"):
		return "VERB"
	case strings.HasPrefix(tag, "NN") && tag != "NNP" && tag != "NNPS":
		return "NOUN"
	case strings.HasPrefix(tag, "JJ"):
		return "ADJ"
	}
	return ""
}

// lostVerb returns a word of a sentence whose parse t has no verb that is
// most likely its verb, and that verb's tag: a common noun or an "-ed"
// adjective right after a name whose form is a verb's past or third person
// ("Putin spoke by phone with Erdogan", tagged as the noun "spoke";
// "Norway facilitated peace talks"), with a verb cue for that verb. It returns -1 when the parse has a verb, or no such word.
func (s *sentState) lostVerb(t parse.Tree) (int, string) {
	for _, tag := range t.Tag {
		if posClass(tag) == "VERB" || tag == "MD" {
			return -1, ""
		}
	}
	for i := 1; i < len(s.toks); i++ {
		tag := t.Tag[i]
		adjective := strings.HasPrefix(tag, "JJ") && strings.HasSuffix(strings.ToLower(s.toks[i].Text), "ed")
		if (!strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "NNP")) && !adjective {
			continue // "Norway facilitated peace talks", tagged an adjective
		}
		if mi := s.ment[i-1]; mi < 0 || s.d.rec.Mentions[mi].Form != entity.Name || s.ment[i] >= 0 {
			continue
		}
		low := strings.ToLower(s.toks[i].Text)
		for _, vt := range []string{"VBD", "VBZ"} {
			l := lemma.Lemma(s.toks[i].Text, vt)
			if vt == "VBZ" && !strings.HasSuffix(low, "s") || vt == "VBD" && l == low {
				continue // no past or third-person form
			}
			if len(lookupHead(s.d.lex, l, s.toks[i].Text, "VERB")) > 0 {
				return i, vt
			}
		}
	}
	return -1, ""
}
