package relation

import (
	"slices"
	"sort"
	"strings"
	"unicode"

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
}

func newDocState(doc *corpus.Document, rec *entity.Result, lex *Lexicon) *docState {
	d := &docState{doc: doc, rec: rec, lex: lex, ents: make(map[string]entity.Entity, len(rec.Entities)), pairSent: -100}
	for _, e := range rec.Entities {
		d.ents[e.ID] = e
	}
	return d
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
}

func (d *docState) sentence(i int) *sentState {
	s := &sentState{d: d, idx: i, sent: d.doc.Sentences[i], toks: d.doc.Sentences[i].Tokens}
	s.ment = make([]int, len(s.toks))
	for j := range s.ment {
		s.ment[j] = -1
	}
	for mi, m := range d.rec.Mentions {
		if m.End <= s.sent.Start || m.Start >= s.sent.End {
			continue
		}
		for j, t := range s.toks {
			if t.Start >= m.Start && t.End <= m.End {
				s.ment[j] = mi
			}
		}
	}
	return s
}

// worthParsing reports whether the sentence can hold a relation: two
// mentions of different entities, or one and a pronoun or plural reference.
func (s *sentState) worthParsing() bool {
	seen := map[string]bool{}
	refs := 0
	for j, mi := range s.ment {
		if mi >= 0 {
			seen[s.d.rec.Mentions[mi].Entity] = true
			continue
		}
		switch strings.ToLower(s.toks[j].Text) {
		case "he", "she", "him", "her", "his":
			refs = max(refs, 1)
		case "they", "them", "their", "two", "both":
			if s.d.recentPair(s.idx) != nil {
				refs = 2 // a plural reference to the two parties of a meeting
			}
		}
	}
	return len(seen)+refs >= 2
}

// parserInput returns the words and tags the parser reads. The tags of the
// tokens of a name are made proper-noun tags, and those of a demonym
// adjective tags, whatever the tagger said: the recognizer knows better
// than a part-of-speech tagger that "Albanese" at the start of a sentence
// is a name, and the parse depends on it.
func (s *sentState) parserInput() (words, tags []string) {
	words = make([]string, len(s.toks))
	tags = make([]string, len(s.toks))
	for i, t := range s.toks {
		words[i], tags[i] = t.Text, t.Tag
		mi := s.ment[i]
		if mi < 0 {
			continue
		}
		switch m := s.d.rec.Mentions[mi]; m.Form {
		case entity.Name:
			if !strings.HasPrefix(t.Tag, "NNP") && isWordToken(t.Text) {
				tags[i] = "NNP"
				if t.Tag == "NNS" {
					tags[i] = "NNPS"
				}
			}
		case entity.Demonym:
			if !strings.HasPrefix(t.Tag, "JJ") && !strings.HasPrefix(t.Tag, "NNP") {
				tags[i] = "JJ"
			}
		}
	}
	return words, tags
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
	s.lemma = make([]string, len(s.toks))
	for i, tok := range s.toks {
		s.lemma[i] = lemma.Lemma(tok.Text, tok.Tag)
	}
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
// "Minister"): the case marker of the first such modifier counts too.
func (s *sentState) caseOf(i int) string {
	var parts []string
	for _, k := range s.kids[i] {
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
			case "nmod:desc", "compound", "amod", "flat", "det":
				for _, kk := range s.kids[k] {
					if s.tree.Rel[kk] == "case" && kk < k {
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
	for _, l := range lemmaVariants(s.lemma[v], s.toks[v].Text, pos) {
		if len(cands) > 0 {
			break
		}
		cands = s.d.lex.Lookup(l, pos)
	}
	if len(cands) == 0 && s.verbTaggedAdjective(v) {
		for _, l := range lemmaVariants(strings.ToLower(s.toks[v].Text), s.toks[v].Text, "VERB") {
			if cands = s.d.lex.Lookup(l, "VERB"); len(cands) > 0 {
				break
			}
		}
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
		skipped := false
		for _, w := range words {
			if w == head && !skipped {
				skipped = true
				continue
			}
			k := s.attached(v, w)
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
// w: a dependent of v, or the case marker of one.
func (s *sentState) attached(v int, w string) int {
	if k := s.attachedTo(v, w); k >= 0 {
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
			if kk := s.attachedTo(k, w); kk >= 0 {
				return kk
			}
		}
	}
	return -1
}

// attachedTo returns a dependent of v, or the case marker of one, whose
// lemma or lower-cased form is w, or -1.
func (s *sentState) attachedTo(v int, w string) int {
	for _, k := range s.kids[v] {
		switch s.rel(k) {
		case "ccomp", "conj", "parataxis", "csubj":
			// Another clause, not a word of the cue: "announced that
			// it will sanction Iran" is no "announce sanction".
			continue
		}
		if s.lemma[k] == w || strings.ToLower(s.toks[k].Text) == w {
			return k
		}
		switch s.rel(k) {
		case "obl", "nmod", "obj", "advcl", "xcomp":
			for _, c := range s.kids[k] {
				if (s.tree.Rel[c] == "case" || s.tree.Rel[c] == "mark") && strings.ToLower(s.toks[c].Text) == w {
					return c
				}
			}
		}
	}
	return -1
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
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		}
	}
	return false
}

// slotTokens returns the tokens that fill a frame slot of cue token v.
func (s *sentState) slotTokens(v int, slot Slot) []int {
	passive := s.passive(v)
	var out []int
	switch {
	case slot == "subj":
		if passive {
			for _, k := range s.kids[v] {
				if s.tree.Rel[k] == "obl:agent" || s.rel(k) == "obl" && s.caseOf(k) == "by" {
					out = append(out, k)
				}
			}
			return out
		}
		for _, k := range s.kids[v] {
			// A stative participle's subject is parsed as passive.
			if s.tree.Rel[k] == "nsubj" || s.tree.Rel[k] == "nsubj:pass" {
				out = append(out, s.relativeHead(v, k))
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
	case slot == "obj":
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
	case slot == "iobj":
		for _, k := range s.kids[v] {
			if s.tree.Rel[k] == "iobj" {
				out = append(out, k)
			}
		}
	case slot == "poss":
		for _, k := range s.kids[v] {
			if s.tree.Rel[k] == "nmod:poss" {
				out = append(out, k)
			}
		}
	case slot == "compound" || slot == "amod":
		for _, k := range s.kids[v] {
			if s.rel(k) == string(slot) {
				out = append(out, k)
			}
		}
	case slot.Prep() != "":
		want := slot.Prep()
		for _, k := range s.kids[v] {
			r := s.rel(k)
			if (r == "obl" || r == "nmod") && s.tree.Rel[k] != "nmod:poss" && s.caseOf(k) == want {
				out = append(out, k)
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
				}
			}
		}
	}
	return out
}

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
var speechVerbs = map[string]bool{
	"say": true, "announce": true, "confirm": true, "state": true, "declare": true,
	"add": true, "insist": true, "reiterate": true, "stress": true, "indicate": true,
	"tell": true, "warn": true, "vow": true, "pledge": true, "promise": true, "decide": true,
	"claim": true, "signal": true, "conclude": true,
}

// speakerAntecedent resolves a third-person pronoun to the subject of the
// clause that governs it: the subject of a speech verb whose complement
// the pronoun is the subject of ("NATO said it would ..."), or the subject
// of the verb whose object the pronoun's noun is ("the ILO reiterated its
// demand"). Plural pronouns ("they", "their") take a plural or coordinated
// subject, singular ones ("it", "its") a country or an organisation.
func (s *sentState) speakerAntecedent(t int, plural bool) []string {
	h := s.tree.Head[t]
	if h < 0 {
		return nil
	}
	var subj int = -1
	switch s.tree.Rel[t] {
	case "nsubj", "nsubj:pass":
		if s.rel(h) != "ccomp" || s.tree.Head[h] < 0 || !speechVerbs[s.lemma[s.tree.Head[h]]] {
			return nil
		}
		subj = s.subjectToken(s.tree.Head[h])
	case "nmod:poss":
		// "X reiterated its demand": the noun is the object of a verb
		// whose subject owns it.
		if s.rel(h) != "obj" || s.tree.Head[h] < 0 {
			return nil
		}
		subj = s.subjectToken(s.tree.Head[h])
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
	if e := s.d.ents[ents[0]]; e.Type != entity.Country && e.Type != entity.Organization {
		return nil
	}
	return ents
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

// entityAt resolves the head token of an argument to the entities it
// stands for.
func (s *sentState) entityAt(t int) []string {
	if mi := s.ment[t]; mi >= 0 {
		if id := s.residence(t); id != "" {
			return []string{id}
		}
		return []string{s.d.rec.Mentions[mi].Entity}
	}
	low := strings.ToLower(s.toks[t].Text)
	switch low {
	case "he", "him", "his", "she", "her":
		if id := s.d.lastPerson(s.toks[t].Start); id != "" {
			return []string{id}
		}
		return nil
	case "they", "them", "their", "both":
		if p := s.pluralAntecedent(t); p != nil {
			return p
		}
		if p := s.d.recentPair(s.idx); p != nil {
			return p
		}
		return s.speakerAntecedent(t, true)
	case "it", "its":
		return s.speakerAntecedent(t, false)
	}
	// "the two leaders", "both sides"
	if isPlural(s.toks[t].Tag) {
		for _, k := range s.kids[t] {
			kw := strings.ToLower(s.toks[k].Text)
			if (s.tree.Rel[k] == "nummod" && kw == "two") || kw == "both" {
				if p := s.d.recentPair(s.idx); p != nil {
					return p
				}
			}
		}
	}
	// "Thousands of Iraqi Kurds", "a group of Chechen refugees": a
	// quantity stands for what it counts.
	if quantityNouns[strings.ToLower(s.lemma[t])] {
		for _, k := range s.kids[t] {
			if s.rel(k) == "nmod" && s.caseOf(k) == "of" {
				return s.entityAt(k)
			}
		}
	}
	// A name in apposition or compound: "leader Xi Jinping".
	for _, k := range s.kids[t] {
		switch s.rel(k) {
		case "appos", "flat", "compound":
			if mi := s.ment[k]; mi >= 0 {
				m := s.d.rec.Mentions[mi]
				if m.Form == entity.Name && (m.Type == entity.Person || m.Type == entity.Organization) && isAgent(strings.ToLower(s.lemma[t])) {
					if m.Type == entity.Organization && s.rel(k) == "compound" && s.possessorCountry(t) != "" {
						// "Nicaragua's Sandinista government":
						// the government is the country's.
						return []string{s.possessorCountry(t)}
					}
					return []string{m.Entity}
				}
			}
		}
	}
	// People or things acting for a country or organisation, as event
	// coders read them: any noun under a demonym ("Swiss doctors", "the
	// Russian army"), a plural or agent noun under a name ("EU officials",
	// "Hamas fighters"), an agent noun with a possessor or an "of" ("the
	// ministry of ..."). Agent nouns are listed in agents.txt.
	if strings.HasPrefix(s.toks[t].Tag, "JJ") {
		// "to war-torn Mozambique" parsed with the adjective as the
		// head and the name as its dependent.
		for _, k := range s.kids[t] {
			if mi := s.ment[k]; mi >= 0 && k > t && s.d.rec.Mentions[mi].Form == entity.Name {
				switch s.rel(k) {
				case "obj", "nmod", "obl", "compound", "flat", "appos":
					return []string{s.d.rec.Mentions[mi].Entity}
				}
			}
		}
		// ... or with the name as the adjective's sibling.
		if n := t + 1; n < len(s.toks) && s.tree.Head[n] == s.tree.Head[t] {
			if mi := s.ment[n]; mi >= 0 && s.d.rec.Mentions[mi].Form == entity.Name {
				return []string{s.d.rec.Mentions[mi].Entity}
			}
		}
		return nil
	}
	if !strings.HasPrefix(s.toks[t].Tag, "NN") {
		return nil
	}
	agent := isAgent(strings.ToLower(s.lemma[t]))
	mods := s.kids[t]
	for _, k := range s.kids[t] {
		// "the U.N. war crimes court": a name modifying a noun
		// compound modifies the whole.
		if s.ment[k] < 0 && s.tree.Rel[k] == "compound" {
			for _, kk := range s.kids[k] {
				if s.tree.Rel[kk] == "compound" || s.tree.Rel[kk] == "amod" {
					mods = append(mods[:len(mods):len(mods)], kk)
				}
			}
		}
	}
	for _, k := range mods {
		mi := s.ment[k]
		if mi < 0 {
			continue
		}
		m := s.d.rec.Mentions[mi]
		if m.Type == entity.Person {
			continue
		}
		r := s.tree.Rel[k]
		switch {
		case r == "amod" && m.Form == entity.Demonym:
			// "French and Egyptian warships": each demonym, as a
			// conjunct or, where the parse lost the coordination,
			// right before "and" or a comma.
			out := []string{m.Entity}
			for _, c := range s.kids[k] {
				if mc := s.ment[c]; mc >= 0 && s.tree.Rel[c] == "conj" && s.d.rec.Mentions[mc].Form == entity.Demonym {
					out = appendUniq(out, s.d.rec.Mentions[mc].Entity)
				}
			}
			for j := k - 1; j >= 1; j -= 2 {
				w := s.toks[j].Text
				mc := s.ment[j-1]
				if (w != "and" && w != ",") || mc < 0 || s.d.rec.Mentions[mc].Form != entity.Demonym {
					break
				}
				out = appendUniq(out, s.d.rec.Mentions[mc].Entity)
			}
			return out
		case (r == "amod" || r == "compound") && (agent || isPlural(s.toks[t].Tag)):
			return []string{m.Entity}
		case agent && (r == "nmod:poss" || (s.rel(k) == "nmod" && (s.caseOf(k) == "of" || s.caseOf(k) == "from"))):
			return []string{m.Entity}
		case agent && s.rel(k) == "nmod" && s.caseOf(k) == "in" && inCountryAgents[strings.ToLower(s.lemma[t])] &&
			(m.Type == entity.Country || m.Type == entity.Location && s.d.ents[m.Entity].Code != ""):
			// "police in Kenya", "officials in Beijing": those who
			// govern a country or its capital act for it.
			return []string{m.Entity}
		}
	}
	return nil
}

// residence returns the country a people demonym at token t lives in or
// belongs to, as event coders code a group by where it lives: "ethnic
// Albanians in south Serbia" act for Serbia, "Kurds of Iraq" and "Bosnian
// Serbs" for Iraq and Bosnia.
// It returns "" for any other token, or a demonym with no such country.
func (s *sentState) residence(t int) string {
	mi := s.ment[t]
	if mi < 0 || s.d.rec.Mentions[mi].Form != entity.Demonym || !strings.HasSuffix(strings.ToLower(s.toks[t].Text), "s") {
		return ""
	}
	for _, k := range s.kids[t] {
		if mk := s.ment[k]; mk >= 0 && k < t && (s.rel(k) == "amod" || s.rel(k) == "compound") &&
			s.d.rec.Mentions[mk].Entity != s.d.rec.Mentions[mi].Entity {
			// "Bosnian Serbs", "Iraqi Kurds": the country before
			// the people is where they live.
			if id := s.d.rec.Mentions[mk].Entity; s.d.ents[id].Type == entity.Country {
				return id
			}
		}
		if s.rel(k) != "nmod" || (s.caseOf(k) != "in" && s.caseOf(k) != "of") {
			continue
		}
		if mk := s.ment[k]; mk >= 0 && mk != mi {
			if id := s.d.rec.Mentions[mk].Entity; s.d.ents[id].Type == entity.Country {
				return id
			}
		}
	}
	return ""
}

// inCountryAgents are the agent nouns that, placed "in" a country or its
// capital, act for it: "police in Kenya", "officials in Beijing".
var inCountryAgents = map[string]bool{
	"official": true, "authority": true, "police": true, "government": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "diplomat": true,
}

// quantityNouns are the nouns that count or gather what their "of"
// modifier names.
var quantityNouns = map[string]bool{
	"thousand": true, "thousands": true, "hundred": true, "hundreds": true, "dozen": true, "dozens": true,
	"million": true, "millions": true, "group": true, "number": true, "crowd": true, "handful": true,
	"band": true, "some": true, "many": true, "most": true, "majority": true,
}

// possessorCountry returns the country named as the possessor of noun t
// ("Nicaragua's government"), or "".
func (s *sentState) possessorCountry(t int) string {
	for _, k := range s.kids[t] {
		if mi := s.ment[k]; mi >= 0 && s.tree.Rel[k] == "nmod:poss" {
			if id := s.d.rec.Mentions[mi].Entity; s.d.ents[id].Type == entity.Country {
				return id
			}
		}
	}
	return ""
}

// finiteVerb reports whether tag is that of a finite verb form, which
// has a subject of its own.
func finiteVerb(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" }

func isPlural(tag string) bool { return tag == "NNS" || tag == "NNPS" }

func isNominal(tag string) bool { return strings.HasPrefix(tag, "NN") || tag == "PRP" }

// lastPerson returns the person mentioned last before byte offset pos.
func (d *docState) lastPerson(pos int) string {
	id := ""
	for _, m := range d.rec.Mentions {
		if m.End > pos {
			break
		}
		if m.Type == entity.Person {
			id = m.Entity
		}
	}
	return id
}

// recentPair returns the two parties of the latest symmetric relation,
// when it was found in this sentence or the three before it.
func (d *docState) recentPair(sent int) []string {
	if d.pair[0] == "" || sent-d.pairSent > 3 {
		return nil
	}
	return []string{d.pair[0], d.pair[1]}
}

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
		s.readCue(v, f.cue, f.toks)
	}
	s.obligations()
	return s.out
}

// obligationModals are the modal verbs that make a reported clause a
// demand, with the relation type of the demand.
var obligationModals = map[string]Type{"must": Request, "should": Urge, "ought": Urge}

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
		s.emit(t, actors, targets, mod, neg, s.toks[h].Text)
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
	actors := s.fillAll(cueToks, cue.Actor)
	targets := s.fillAll(cueToks, cue.Target)
	// The actor is read off the cue itself, or off the noun a
	// participle modifies, not inherited from a clause above.
	ownActor := len(actors) > 0 || s.rel(v) == "acl"
	if len(targets) == 0 {
		targets = s.ownerOfSlot(v, cue.Target)
	}
	if len(targets) == 0 {
		// "released 500 Iranian prisoners": the owner of a noun of
		// the cue's phrase.
		for _, t := range cueToks[1:] {
			if targets = s.owners(t); len(targets) > 0 {
				break
			}
		}
	}
	if len(targets) == 0 && cue.Complement != "" {
		// "demanded that Israel ease ...", "called for China to work":
		// the subject of the governed clause is the one asked.
		targets = s.clauseSubject(v)
		if len(targets) == 0 && cue.Complement == Intended {
			// "promised to democratize Serbia", "agreed to
			// re-open its borders to UN peacekeepers": what the
			// promised act is done to is what the promise is about.
			targets = s.clauseObject(v)
		}
	}
	host := -1 // the light verb a noun cue is the object of: "held talks"
	// A standing relation's noun is no event a verb can carry out: "killed
	// the deputy chief" does not make the killer a chief.
	if posClass(s.toks[v].Tag) == "NOUN" && cue.Type != LeaderOf && cue.Type != MemberOf {
		if h := s.tree.Head[v]; h >= 0 && s.tree.Rel[v] == "obj" && posClass(s.toks[h].Tag) == "VERB" {
			host = h
		}
	}
	if len(actors) == 0 {
		switch {
		case host >= 0:
			actors = s.subjects(host)
		case posClass(s.toks[v].Tag) == "NOUN" && len(s.slotTokens(v, SlotSubj)) > 0:
			// A noun cue the parse makes a predicate: "the two
			// leaders held talks" with "held" read as a modifier.
			actors = s.fill(v, []Slot{SlotSubj})
		case containsSlot(cue.Actor, "subj"):
			actors = s.inheritedSubject(v)
		}
	}
	if len(targets) == 0 {
		switch {
		case host >= 0:
			targets = s.fill(host, prepSlots(cue.Target))
		case containsSlot(cue.Target, SlotSubj):
			// "Anwar hosted Prabowo" with "hosted" parsed as a
			// participle on "Anwar": the host is the target.
			targets = s.inheritedSubject(v)
		}
	}
	if len(targets) == 0 && cue.Type.PLOVER() == "THREATEN" {
		targets = s.conditionSubject(v)
	}
	if len(targets) == 0 && cue.Type.PLOVER() == "REJECT" && cue.Complement == "" {
		// "refused to respond to a demand from the US", "declined to
		// meet Xi": what the refused act is done to is what is
		// rejected.
		targets = s.clauseObject(v)
	}
	if len(targets) == 0 && containsSlot(cue.Target, SlotObj) {
		targets = s.strandedObject(v)
	}
	if len(targets) == 0 && len(prepSlots(cue.Target)) > 0 {
		targets = s.strandedAgent(v)
	}
	if len(targets) == 0 {
		targets = s.purposeDestination(v)
	}
	if len(targets) == 0 {
		switch cue.Type.PLOVER() {
		case "PROTEST":
			// "prisoners rioted at this jail in northern Israel",
			// "demonstrated outside the British embassy": a protest
			// with no stated target is against the authorities of
			// the place it is held at, as event coders read it.
			targets = s.placesOf(v, "outside", "at", "in", "near")
		case "ASSAULT", "FIGHT", "COERCE", "MOBILIZE":
			// "bombed rebel bases in northern Iraq", "arrested 12
			// in Cairo": force used on no named party is used in
			// the place it is used in. Not when the actor is
			// inherited: a parse that hangs a clause on the wrong
			// verb makes both guesses wrong together.
			if ownActor {
				targets = s.placesOf(v, "in", "at")
			}
		}
	}
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
	text := s.cueText(v, cueToks, host)
	t := cue.Type
	if mod == Intended && !neg && s.conditionedUnless(v, host) && t.PLOVER() != "" {
		// "will withdraw its force from Chad unless ...": an act
		// promised on a condition the target must meet is a threat.
		t, mod = Threaten, Asserted
	}
	if len(targets) == 0 && len(actors) >= 2 && !t.Symmetric() && containsSlot(cue.Target, PrepSlot("with")) {
		// "Thailand and Cambodia exchanged fire", the reciprocal of
		// "Thailand exchanged fire with Cambodia": each with the other.
		for _, a := range actors {
			s.emit(t, []string{a}, actors, mod, neg, text)
		}
	} else {
		s.emit(t, actors, targets, mod, neg, text)
	}
	if s.refused(v, host) && t.PLOVER() != "" && t != Reject && t != Deny {
		// "failed to reach agreement", "refused to withdraw": the
		// refusal is an event of its own.
		if len(targets) == 0 && t.Symmetric() {
			for _, a := range actors {
				s.emit(Reject, []string{a}, actors, Asserted, false, text)
			}
		} else {
			s.emit(Reject, actors, targets, Asserted, false, text)
		}
	}

	// A cue on a meeting held in a place: the parties from elsewhere
	// visited it.
	if cue.Type == Meet || cue.Type == Visit {
		for _, place := range s.meetingPlaces(v, cue) {
			s.visits(append(append([]string(nil), actors...), targets...), place, text)
		}
	}
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
				if e := s.d.ents[id]; e.Type == entity.Country || e.Type == entity.Location {
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
			if e := s.d.ents[id]; e.Type == entity.Country || e.Type == entity.Location {
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
var stoppers = map[string]bool{
	"suspend": true, "halt": true, "cut": true, "freeze": true, "cancel": true,
	"withhold": true, "terminate": true, "scrap": true, "postpone": true,
}

// refusers are the verbs whose complement is an act refused.
var refusers = map[string]bool{"refuse": true, "fail": true, "decline": true}

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
			if e, ok := s.d.ents[id]; ok && (e.Type == entity.Location || e.Type == entity.Country) {
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

// fillAll fills slots from the head of a cue and, failing that, from its
// other words ("imposed sanctions on Russia" with "on Russia" on
// "sanctions").
func (s *sentState) fillAll(toks []int, slots []Slot) []string {
	for _, t := range toks {
		if out := s.fill(t, slots); len(out) > 0 {
			return out
		}
	}
	return nil
}

// ownerOfSlot returns the entities a target slot of cue v holds through
// the noun that fills it: whose the thing acted on is ("rejected North
// Korea's demand", "calls by Belarus's rulers", "shelled positions of the
// Palestinian security forces"), the possessor, the "by", "of" or "from"
// modifier, or the demonym or name modifier of the noun. The noun must not
// be a name, and its owner must not be a pronoun.
func (s *sentState) ownerOfSlot(v int, slots []Slot) []string {
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
	return nil
}

// owners returns the entities that own the thing noun t names (see
// ownerOfSlot), or nil.
func (s *sentState) owners(t int) []string {
	if s.ment[t] >= 0 || !strings.HasPrefix(s.toks[t].Tag, "NN") || strings.HasPrefix(s.toks[t].Tag, "NNP") {
		return nil
	}
	for _, k := range s.kids[t] {
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
		return s.ownerOfSlot(k, slots)
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
	for _, slot := range slots {
		var out []string
		for _, t := range s.slotTokens(v, slot) {
			for _, id := range s.entities(t) {
				out = appendUniq(out, id)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

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

// inheritedSubject reads the subject a clause without one takes from the
// clause it depends on: a conjoined verb shares its head's subject; the
// complement of "urge X to" or "accuse X of" has X; a participle clause has
// its head's subject ("..., urging them to"); a participle modifying a noun
// has that noun ("officials accusing China").
func (s *sentState) inheritedSubject(v int) []string {
	for depth := 0; depth < 6; depth++ {
		h := s.tree.Head[v]
		if h < 0 {
			return nil
		}
		switch s.rel(v) {
		case "conj":
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
				return nil
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
			return nil
		}
		return nil
	}
	return nil
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
	neg := false
	for _, k := range s.kids[v] {
		if s.rel(k) == "advmod" || s.tree.Rel[k] == "neg" || s.rel(k) == "det" {
			switch strings.ToLower(s.toks[k].Text) {
			case "not", "n't", "never", "no":
				neg = true
			}
		}
	}
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
		prevAcl = (r == "acl" && s.tree.Rel[u] != "acl:relcl") || (r == "advcl" && isNominal(s.toks[h].Tag))
		if r != "conj" {
			if r == "xcomp" && negating[s.lemma[h]] {
				neg = true // "failed to reach agreement"
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

// negating lists the verbs whose complement did not happen.
var negating = map[string]bool{"fail": true, "decline": true, "neglect": true}

// embedding gives the modality of a clause under a verb that is not itself
// a relation cue.
var embedding = map[string]Modality{
	"say": Reported, "tell": Reported, "report": Reported, "state": Reported, "add": Reported,
	"claim": Alleged, "allege": Alleged, "suspect": Alleged,
	"plan": Intended, "intend": Intended, "want": Intended, "hope": Intended, "seek": Intended,
	"aim": Intended, "try": Intended, "promise": Intended, "vow": Intended, "expect": Intended,
	"prepare": Intended, "prepared": Intended, "ready": Intended, "willing": Intended, "determined": Intended,
	"refuse": Denied, "deny": Denied, "refrain": Denied,
}

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

// emit records the relations of one cue.
func (s *sentState) emit(t Type, actors, targets []string, mod Modality, neg bool, cue string) {
	if len(targets) == 0 && t.Symmetric() && len(actors) >= 2 {
		// "Macron and Xi discussed trade": the parties meet each other.
		for i := range actors {
			for j := i + 1; j < len(actors); j++ {
				s.add(t, actors[i], actors[j], mod, neg, cue)
			}
		}
		return
	}
	for _, a := range actors {
		for _, b := range targets {
			s.add(t, a, b, mod, neg, cue)
		}
	}
}

func (s *sentState) add(t Type, a, b string, mod Modality, neg bool, cue string) {
	if a == "" || b == "" || a == b {
		return
	}
	if _, ok := s.d.ents[a]; !ok {
		return
	}
	if _, ok := s.d.ents[b]; !ok {
		return
	}
	if s.d.unknownPlace(a) || (t.Symmetric() && s.d.unknownPlace(b)) {
		// "Ethopia has agreed ...": a place no gazetteer entry ties
		// to a country does not act; it is most often a name the
		// recognizer took for one.
		return
	}
	s.out = append(s.out, Relation{
		Source: a, Target: b, Type: t, Negated: neg, Modality: mod, Confidence: 0.8,
		Evidence: Evidence{Doc: s.d.doc.ID, Start: s.sent.Start, End: s.sent.End, Text: s.sent.Text, Cue: cue},
	})
	if !neg && (t.Symmetric() || t == Visit) && s.d.isPerson(a) && s.d.isPerson(b) {
		s.d.pair, s.d.pairSent = [2]string{a, b}, s.idx
	}
}

// unknownPlace reports whether entity id is a place with no actor code.
func (d *docState) unknownPlace(id string) bool {
	e := d.ents[id]
	return e.Type == entity.Location && e.Code == ""
}

// visits adds a VISIT from each party whose country is not the place's.
func (s *sentState) visits(parties []string, place, cue string) {
	pc := s.d.countryOf(place)
	if pc == "" {
		return
	}
	for _, p := range parties {
		if c := s.d.countryOf(p); c != "" && c != pc {
			s.add(Visit, p, place, Asserted, false, cue)
		}
	}
}

// isPerson reports whether id is a person of the document.
func (d *docState) isPerson(id string) bool { return d.ents[id].Type == entity.Person }

// countryOf returns the country an entity is or belongs to.
func (d *docState) countryOf(id string) string {
	e, ok := d.ents[id]
	if !ok {
		return ""
	}
	if e.Type == entity.Country {
		return e.ID
	}
	return e.Country
}

// leaders turns the offices the document states into LEADER_OF relations.
func (d *docState) leaders() []Relation {
	var out []Relation
	for _, r := range d.rec.Roles {
		if !r.Head || r.Country == "" || r.Person == r.Country {
			continue
		}
		si := sort.Search(len(d.doc.Sentences), func(i int) bool { return d.doc.Sentences[i].End > r.Start })
		if si == len(d.doc.Sentences) {
			continue
		}
		sent := d.doc.Sentences[si]
		out = append(out, Relation{
			Source: r.Person, Target: r.Country, Type: LeaderOf, Confidence: 0.9,
			Evidence: Evidence{Doc: d.doc.ID, Start: sent.Start, End: sent.End, Text: sent.Text, Cue: d.doc.Text[r.Start:r.End]},
		})
	}
	return out
}
