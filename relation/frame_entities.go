package relation

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/entity"
)

// entityAt resolves the head token of an argument to the entities it
// stands for.
func (s *sentState) entityAt(t int) []string {
	if id := s.rolePhrase(t); id != "" {
		return []string{id}
	}
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
	// "Newly appointed Prime Minister X has refused ...", parsed with
	// the participle as the subject and the name as its object: a
	// participle is no subject; the name it modifies is.
	if s.toks[t].Tag == "VBN" && (s.rel(t) == "nsubj" || s.tree.Rel[t] == "nsubj:pass") {
		for _, k := range s.kids[t] {
			if mi := s.ment[k]; mi >= 0 && s.tree.Rel[k] == "obj" && s.d.rec.Mentions[mi].Form == entity.Name {
				return []string{s.d.rec.Mentions[mi].Entity}
			}
		}
	}
	// "ECOWAS imposed sanctions on the country": the country named
	// last, in this sentence or the one before.
	if id := s.theCountry(t); id != "" {
		return []string{id}
	}
	if id := s.theGovernment(t); id != "" {
		return []string{s.group(t, id)} // anaphora.go
	}
	// "the two leaders", "both sides"
	if isPlural(s.toks[t].Tag) {
		for _, k := range s.kids[t] {
			kw := strings.ToLower(s.toks[k].Text)
			if (s.tree.Rel[k] == "nummod" && kw == "two") || kw == "both" {
				if bodyNouns[strings.ToLower(s.lemma[t])] {
					// "the two countries": the countries of a meeting.
					if p := s.d.recentBodyPair(s.idx); p != nil {
						return p
					}
				}
				if p := s.d.recentPair(s.idx); p != nil {
					return p
				}
				if p := s.d.recentBodyPair(s.idx); p != nil && s.officeHolders(t) {
					// "The foreign ministers of India and China
					// met. The two ministers agreed ...": those
					// who act for the two countries of a meeting.
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
						return []string{s.group(t, s.possessorCountry(t))}
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
	mods := s.modifiers(t)
	if agent {
		// "Israel said its troops had attacked ...": the forces of the
		// one who speaks.
		for _, k := range s.kids[t] {
			if s.tree.Rel[k] != "nmod:poss" || s.ment[k] >= 0 {
				continue
			}
			var owner []string
			switch strings.ToLower(s.toks[k].Text) {
			case "its":
				owner = s.speakerAntecedent(k, false)
			case "their":
				owner = s.speakerAntecedent(k, true)
			}
			switch {
			case len(owner) == 1:
				return []string{s.group(t, owner[0])}
			case len(owner) > 1:
				return owner
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
			if len(out) == 1 {
				out[0] = s.group(t, out[0])
			}
			return out
		case (r == "amod" || r == "compound") && m.Type == entity.Location && s.domesticHead(t) && s.d.impliedCountry(m.Entity) != "":
			// "Darfur rebels", "Cairo police": a body named by the
			// place it acts in acts for the place's country.
			return []string{s.group(t, s.d.impliedCountry(m.Entity))}
		case (r == "amod" || r == "compound") && (agent || isPlural(s.toks[t].Tag)):
			return []string{s.group(t, m.Entity)}
		case agent && (r == "nmod:poss" || (s.rel(k) == "nmod" && (s.caseOf(k) == "of" || s.caseOf(k) == "from"))):
			// "the prime ministers of Greece and Turkey": each
			// conjunct's, when the noun is plural.
			out := []string{m.Entity}
			if isPlural(s.toks[t].Tag) && s.caseOf(k) != "from" {
				for _, c := range s.kids[k] {
					if mc := s.ment[c]; mc >= 0 && s.tree.Rel[c] == "conj" && s.d.rec.Mentions[mc].Type != entity.Person {
						out = appendUniq(out, s.d.rec.Mentions[mc].Entity)
					}
				}
			}
			if len(out) > 1 {
				return out
			}
			return []string{s.group(t, m.Entity)}
		case agent && s.rel(k) == "nmod" && s.caseOf(k) == "in" && inCountryAgents[strings.ToLower(s.lemma[t])] &&
			(m.Type == entity.Country || m.Type == entity.Location && s.d.ents[m.Entity].Code != ""):
			// "police in Kenya", "officials in Beijing": those who
			// govern a country or its capital act for it.
			return []string{s.group(t, m.Entity)}
		}
	}
	if ids := s.domesticAgent(t); ids != nil {
		return ids
	}
	if ids := s.eventParties(t); ids != nil {
		return ids // "The talks called for ..." (anaphora.go)
	}
	return s.eventAnaphor(t) // "condemned the move" (anaphora.go)
}

// Domestic events.
//
// Event coders code "Egyptian riot police dispersed opposition supporters
// in Cairo" as Egypt's police against Egypt's opposition: one country on
// both sides. An agent phrase with no name, demonym or possessive of its
// own ("opposition supporters", "rebels", "riot police") acts for the
// country the sentence puts it in, when the sentence points to exactly one
// country and the phrase names a body that acts at home (domesticKind):
//
//   - a body of that country named in the sentence that acts at home
//     ("Egyptian riot police", "the Sudanese government", "Kenya's
//     opposition"), or
//   - a place in that country where the sentence sets something ("in
//     Cairo", "in southeastern Turkey"),
//
// and no mention of the sentence has an actor code of another country or
// organisation. A country named bare ("Israel killed militants"), a person
// or a country's armed forces ("US troops killed five militants") do not
// anchor: they act abroad as often as at home, and the other party is then
// as often foreign; an embassy or a diplomat acts abroad (abroadAgents).
// So "Turkish troops killed 25 rebels" gives nothing, and "Turkish troops
// killed 25 rebels in Sirnak province" Turkey's troops against Turkey's
// rebels. With no such country in reach, or with a name
// right before the phrase that may be its own, the phrase gives nothing.

// domesticAgent returns the group node agent phrase t acts for as a
// domestic party (see above), or nil.
func (s *sentState) domesticAgent(t int) []string {
	if s.ment[t] >= 0 || !strings.HasPrefix(s.toks[t].Tag, "NN") || strings.HasPrefix(s.toks[t].Tag, "NNP") && t > 0 {
		return nil // a name ("Border Police" unrecognized) but "Police" first
	}
	phrase, kind := s.agentHead(t)
	if !domesticKind(phrase, kind) {
		return nil
	}
	for _, k := range s.modifiers(t) {
		if s.ment[k] >= 0 {
			if _, place := s.d.place(s.d.rec.Mentions[s.ment[k]].Entity); place && s.rel(k) == "nmod" && s.caseOf(k) == "in" {
				continue // "opposition supporters in Cairo": see homeCountry
			}
			return nil // a name of its own that did not resolve
		}
		if s.rel(k) == "nmod" && s.caseOf(k) == "of" {
			return nil // "the full force of the law", "the army of ...": no body alone
		}
		switch s.tree.Rel[k] {
		case "nmod:poss", "det:poss":
			return nil // "its troops", "whose supporters"
		case "det":
			switch strings.ToLower(s.toks[k].Text) {
			case "the", "a", "an", "some", "any", "many", "several", "hundreds", "thousands", "dozens":
			default:
				return nil // "other rebels", "this police"
			}
		}
	}
	if j := t + 1; j < len(s.toks) {
		// "the opposition to lifting the ban", "opposition against
		// the plan": a stance, not a body.
		if w := strings.ToLower(s.toks[j].Text); (w == "to" || w == "against") &&
			(s.tree.Head[j] == t || s.tree.Head[j] >= 0 && s.tree.Head[s.tree.Head[j]] == t) {
			return nil
		}
	}
	// A name right before the phrase that the parse did not hang on it
	// is likely its own: "the Azadliq (Freedom) opposition coalition".
	left := t
	for _, k := range s.kids[t] {
		left = min(left, k)
	}
	for j := left - 1; j >= 0; j-- {
		if w := s.toks[j].Text; w == ")" || w == "'s" || w == "'" {
			continue
		}
		if s.ment[j] >= 0 {
			return nil
		}
		break
	}
	c := s.homeCountry(t)
	if c == "" {
		return nil
	}
	g := s.group(t, c)
	if g == c && strings.Contains(phrase, " ") {
		g = s.groupNamed(c, phrase, s.toks[t].Start)
	}
	return []string{g}
}

// agentHead returns the agent noun or phrase noun t heads, and its kind:
// the noun itself when it is an agent ("police"), else the longest agent
// phrase its adjacent modifiers and it end in ("opposition supporter",
// "riot police"); "" when none.
func (s *sentState) agentHead(t int) (phrase, kind string) {
	lem := strings.ToLower(s.lemma[t])
	words := []string{lem}
	for j := t - 1; j >= 0 && t-j <= 3; j-- {
		if s.tree.Head[j] != t && (s.tree.Head[j] < j || s.tree.Head[j] > t) {
			break
		}
		if r := s.rel(j); r != "compound" && r != "amod" || s.ment[j] >= 0 {
			break
		}
		words = append([]string{strings.ToLower(s.toks[j].Text)}, words...)
	}
	if p, ok := agentPhrase(words); ok {
		return p, agentKind(p)
	}
	if isAgent(lem) {
		return lem, agentKind(lem)
	}
	return "", ""
}

// domesticHead reports whether noun t heads an agent noun or phrase that
// acts at home (see domesticKind).
func (s *sentState) domesticHead(t int) bool {
	p, kind := s.agentHead(t)
	return domesticKind(p, kind)
}

// homeCountry returns the one country the sentence of token t points to
// as the home of its domestic parties (see above), or "".
func (s *sentState) homeCountry(t int) string {
	home := ""
	for k, mi := range s.ment {
		if mi < 0 || (k > 0 && s.ment[k-1] == mi) {
			continue // one look per mention
		}
		id := s.d.rec.Mentions[mi].Entity
		e := s.d.ents[s.d.actsFor(id)]
		if e.Code == "" {
			continue // no actor code: no party of any country
		}
		c := s.d.countryOf(id)
		if c == "" {
			if c = s.d.countryCode[e.Code]; c == "" {
				return "" // an organisation of no country ("UN troops")
			}
		}
		if home != "" && c != home {
			return "" // two countries: whose is unclear
		}
		home = c
	}
	if home == "" {
		return ""
	}
	// The country must anchor as a home body or a place, somewhere in
	// the sentence (not only as the other party).
	for k, mi := range s.ment {
		if mi < 0 || k == t {
			continue
		}
		m := s.d.rec.Mentions[mi]
		if c := s.d.countryOf(m.Entity); c != home {
			continue
		}
		h := s.tree.Head[k]
		n := k // the place phrase: "Sirnak province", "Mindanao island"
		if s.rel(k) == "compound" && h >= 0 && h != t && s.ment[h] < 0 && strings.HasPrefix(s.toks[h].Tag, "NN") {
			n = h
		}
		switch {
		case (s.rel(n) == "obl" || s.rel(n) == "nmod") && s.locative(n, m.Type):
			// "in Cairo", "across Egypt", "on Mindanao island"
			if _, ok := s.d.place(m.Entity); ok {
				return s.d.impliedCountry(m.Entity)
			}
		case h >= 0 && h != t && strings.HasPrefix(s.toks[h].Tag, "NN") && s.ment[h] < 0 &&
			(s.rel(k) == "amod" || s.rel(k) == "compound" || s.tree.Rel[k] == "nmod:poss"):
			// "Egyptian riot police", "Kenya's opposition"
			if p, kind := s.agentHead(h); domesticKind(p, kind) && kind != "MIL" {
				return home
			}
		}
	}
	return ""
}

// rolePhrase returns the person of the title phrase ("Kyrgyz President
// Askar Akayev") that token t heads, or "". A title phrase stands for its
// person whichever of its words the parse makes its head: parsers trained
// on web text often hang the name on the demonym.
func (s *sentState) rolePhrase(t int) string {
	tok := s.toks[t]
	for _, ri := range s.d.sentRoles[s.idx] {
		r := s.d.rec.Roles[ri]
		if tok.Start < r.Start || tok.End > r.End {
			continue
		}
		h := s.tree.Head[t]
		if h < 0 || s.toks[h].Start < r.Start || s.toks[h].End > r.End {
			return r.Person
		}
	}
	return ""
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
var inCountryAgents = wordClass("in-country-agent")

// quantityNouns are the nouns that count or gather what their "of"
// modifier names.
var quantityNouns = wordClass("quantity-noun")

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
	if n := d.mentionsBefore(pos); n > 0 {
		return d.lastPersonAt[n-1]
	}
	return ""
}

// theCountry returns the country "the country" or "the nation" at token t
// refers to: the country last named by name before it, in its sentence or
// the one before, or "" when there is none or t is another phrase ("the
// country's army" is the country, "the whole country" is not read).
func (s *sentState) theCountry(t int) string {
	if low := strings.ToLower(s.toks[t].Text); low != "country" && low != "nation" {
		return ""
	}
	the := false
	for _, k := range s.kids[t] {
		switch s.tree.Rel[k] {
		case "det":
			the = strings.EqualFold(s.toks[k].Text, "the")
		case "amod", "compound", "nmod", "acl", "acl:relcl", "nummod", "appos":
			return "" // "the other country", "the country of origin"
		}
	}
	if !the {
		return ""
	}
	// The mentions that start in this sentence or the one before are
	// those of the two sentences.
	from, near := 0, s.d.sentMentions[s.idx]
	if s.idx > 0 {
		from = s.d.doc.Sentences[s.idx-1].Start
		near = append(slices.Clone(s.d.sentMentions[s.idx-1]), near...)
	}
	before := s.d.mentionsBefore(s.toks[t].Start)
	id, last := "", -1
	for _, mi := range near {
		m := s.d.rec.Mentions[mi]
		if mi < before && mi > last && m.Start >= from && m.Type == entity.Country && m.Form == entity.Name {
			id, last = m.Entity, mi
		}
	}
	return id
}

// recentPair returns the two parties of the latest symmetric relation,
// when it was found in this sentence or the six before it: news names the
// parties of its lead meeting, then says what "the two leaders" did.
func (d *docState) recentPair(sent int) []string {
	if d.pair[0] == "" || sent-d.pairSent > 6 {
		return nil
	}
	return []string{d.pair[0], d.pair[1]}
}

// bodyNouns are the plural nouns that, with "two" or "both", stand for the
// two countries or organisations of a meeting: "the two countries", "both
// sides", "the two neighbours".
var bodyNouns = wordClass("body-noun")

// recentBodyPair returns the two countries or organisations of the latest
// symmetric relation between such, when it was found in this sentence or
// the six before it.
func (d *docState) recentBodyPair(sent int) []string {
	if d.bodyPair[0] == "" || sent-d.bodyPairSent > 6 {
		return nil
	}
	return []string{d.bodyPair[0], d.bodyPair[1]}
}

// isBody reports whether id is a country or an organisation of the
// document, or a group acting for one.
func (d *docState) isBody(id string) bool {
	switch d.ents[id].Type {
	case entity.Country, entity.Organization:
		return true
	}
	return false
}

// modifiers returns the dependents of noun t, and the compound and
// adjective modifiers of its unnamed compound modifiers: a name modifying
// a noun compound modifies the whole ("the U.N. war crimes court", "the US
// arms sale").
func (s *sentState) modifiers(t int) []int {
	mods := s.kids[t]
	for _, k := range s.kids[t] {
		if s.ment[k] < 0 && s.tree.Rel[k] == "compound" {
			for _, kk := range s.kids[k] {
				if r := s.tree.Rel[kk]; r == "compound" || r == "amod" {
					mods = append(mods[:len(mods):len(mods)], kk)
				}
			}
		}
	}
	return mods
}

// locative reports whether nominal n, a place phrase of a mention of type
// typ, says where something is done: "in", "across" or "throughout" a
// place, or "on" an island or other place that is no country ("sanctions
// on Iran" are no place).
func (s *sentState) locative(n int, typ entity.Type) bool {
	switch s.caseOf(n) {
	case "in", "across", "throughout":
		return true
	case "on":
		return typ == entity.Location
	}
	return false
}

// officeHolders reports whether plural noun t names those who hold a
// government's offices ("ministers", "presidents", "leaders", "foreign
// ministers"): with "two" or "both" after a meeting of two countries,
// they are the countries'.
func (s *sentState) officeHolders(t int) bool {
	p, kind := s.agentHead(t)
	return kind == "GOV" || p == "leader"
}
