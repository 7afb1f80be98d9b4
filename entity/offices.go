package entity

import (
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/data"
)

// Offices of organisations and countries stated around a person's name.
// Besides "[the] [French|France's] President <name>" (roleBefore), the
// office of a person is read from:
//
//   - an organisation before the title, perhaps with "'s": "WHO
//     Director-General Tedros", "the Bank of England's governor Mark
//     Carney", "IMF chief Kristalina Georgieva";
//   - a party named by its first word where the document names the party:
//     "Conservative MP Ann Widdecombe" after "the Conservative Party";
//   - adjectives between a country and the title: "Chile's left-wing
//     President Gabriel Boric";
//   - "of" after the name: "Prime Minister Shinzo Abe of Japan";
//   - an apposition: "Kofi Annan, secretary-general of the United
//     Nations", "Jens Stoltenberg, the NATO secretary general", "Jane Roe,
//     a spokeswoman for Greenpeace";
//   - "<name>'s <party>": "Netanyahu's Likud party" makes its leader.
//
// What the office makes the person of an organisation, its leader or a
// member, is data (org_titles.tsv); a title with no row there names no
// organisation's office.

// orgOffice is what a title makes its holder of an organisation.
type orgOffice uint8

const (
	noOffice orgOffice = iota
	leaderOffice
	memberOffice
)

var defaultOrgOffices = sync.OnceValues(func() (map[string]orgOffice, error) {
	return readOrgOffices(strings.NewReader(data.OrgTitles), "org_titles.tsv")
})

func readOrgOffices(r *strings.Reader, name string) (map[string]orgOffice, error) {
	out := map[string]orgOffice{}
	err := readTSV(r, name, []string{"title", "office"}, "title", func(cols, fields []string, bad func(string, ...any)) {
		var title string
		var o orgOffice
		for i, f := range fields {
			f = strings.TrimSpace(f)
			switch cols[i] {
			case "title":
				title = key(f)
			case "office":
				switch f {
				case "leader":
					o = leaderOffice
				case "member":
					o = memberOffice
				default:
					bad("office is %q, want leader or member", f)
					return
				}
			}
		}
		if title == "" || o == noOffice {
			bad("empty title or office")
			return
		}
		out[title] = o
	})
	return out, err
}

// officeOf returns what the title (a canonical title or an office noun)
// makes its holder of an organisation.
func officeOf(title string) orgOffice {
	m, err := defaultOrgOffices()
	if err != nil {
		return noOffice
	}
	return m[key(title)]
}

// officeNounAt returns the office noun of org_titles.tsv of one or two words
// at word i and the index past it, or ok false.
func officeNounAt(words []string, i int) (title string, end int, ok bool) {
	for n := 2; n >= 1; n-- {
		if i+n > len(words) {
			continue
		}
		t := strings.Join(words[i:i+n], " ")
		if officeOf(t) != noOffice {
			return t, i + n, true
		}
	}
	return "", i, false
}

// office reads the office stated for the person span i, roleBefore's and
// the constructions above. A former office ("former WHO Director-General",
// "the late President", "then-Prime Minister") is no one's office now: the
// role keeps its title but leads and belongs to nothing.
func (r *Recognizer) office(doc *corpus.Document, words [][]string, spans []span, parties partyIndex, i int) (Role, bool) {
	role, ok := r.readOffice(doc, words, spans, parties, i)
	if !ok {
		return role, ok
	}
	toks := doc.Sentences[spans[i].sent].Tokens
	ws := words[spans[i].sent]
	past := false
	for k := titleStartOf(toks, role.Start); k < len(ws) && toks[k].End <= role.End; k++ {
		past = past || pastQualifier(ws[k])
	}
	if k := titleStartOf(toks, role.Start); k > 0 && pastQualifier(ws[k-1]) {
		past = true
	}
	if past {
		role.Head, role.Org, role.Member = false, "", false
	}
	return role, true
}

// pastQualifier reports whether w makes an office a past one.
func pastQualifier(w string) bool {
	w = strings.ToLower(w)
	switch w {
	case "former", "ex", "late", "then", "outgoing", "ousted", "deposed", "erstwhile":
		return true
	}
	return strings.HasPrefix(w, "ex-") || strings.HasPrefix(w, "then-")
}

// rankQualifier reports whether w makes the office after it a lesser one
// of the same organisation ("deputy leader", "vice chairman"), whose holder
// is a member, not the leader; and, with ok, that w qualifies at all
// ("acting", "interim" holders lead).
func rankQualifier(w string) (member, ok bool) {
	switch strings.ToLower(w) {
	case "deputy", "vice", "assistant", "associate":
		return true, true
	case "acting", "interim", "caretaker":
		return false, true
	}
	return false, false
}

func (r *Recognizer) readOffice(doc *corpus.Document, words [][]string, spans []span, parties partyIndex, i int) (Role, bool) {
	s := spans[i]
	ws := words[s.sent]
	toks := doc.Sentences[s.sent].Tokens
	role, ok := r.roleBefore(doc, ws, spans, i)
	if !ok {
		// An office noun that is no title of the lexicon: "IMF chief
		// Kristalina Georgieva".
		for k := max(0, s.start-2); k < s.start; k++ {
			if t, end, found := officeNounAt(ws, k); found && end == s.start {
				role, ok = Role{Title: t, Start: toks[k].Start, End: toks[s.end-1].End}, true
				break
			}
		}
		if ok {
			// Only with an organisation before it.
			if org, first, lesser := qualifiedOrgBefore(spans, i, ws, s.sent, titleStartOf(toks, role.Start)); org != "" {
				role.Org, role.Start = org, toks[first].Start
				role.Member = officeOf(role.Title) == memberOffice || lesser
				return role, true
			}
			ok = false
		}
	}
	if ok {
		k := titleStartOf(toks, role.Start)
		if role.Country != "" {
			return role, true
		}
		o := officeOf(role.Title)
		// An organisation, or a party by its first word, before the title.
		if o != noOffice {
			if org, first, lesser := qualifiedOrgBefore(spans, i, ws, s.sent, k); org != "" {
				role.Org, role.Member, role.Start = org, o == memberOffice || lesser, toks[first].Start
				return role, true
			}
			if k > 0 && capitalised(ws[k-1]) && !spanCovers(spans, i, s.sent, k-1) {
				if org := parties[key(ws[k-1])+" party"]; org != "" {
					role.Org, role.Member, role.Start = org, o == memberOffice, toks[k-1].Start
					return role, true
				}
			}
		}
		// "Chile's left-wing President": adjectives between the country
		// and the title.
		if c, first := countryBefore(spans, i, ws, doc.Sentences[s.sent].Tokens, s.sent, k); c != "" {
			role.Country, role.Start = c, toks[first].Start
			return role, true
		}
		// "Prime Minister Shinzo Abe of Japan", with the title written
		// as one, not "championship leader Aaron Slight of New Zealand".
		if id, typ, last := afterOf(spans, i, ws, s.sent, s.end); id != "" && capitalised(ws[k]) {
			switch {
			case typ == Country:
				role.Country = id
			case typ == Organization && o != noOffice:
				role.Org, role.Member = id, o == memberOffice
			default:
				return role, true
			}
			role.End = toks[last].End
		}
		return role, true
	}
	if role, ok := r.apposition(doc, ws, spans, i); ok {
		return role, true
	}
	return partyOf(doc, ws, spans, i)
}

// titleStartOf returns the index of the token that starts at byte offset
// off.
func titleStartOf(toks []corpus.Token, off int) int {
	for k, t := range toks {
		if t.Start >= off {
			return k
		}
	}
	return len(toks)
}

// sentSpans returns the range [lo, hi) of spans in the sentence of span i.
func sentSpans(spans []span, i int) (int, int) {
	lo, hi := i, i+1
	for lo > 0 && spans[lo-1].sent == spans[i].sent {
		lo--
	}
	for hi < len(spans) && spans[hi].sent == spans[i].sent {
		hi++
	}
	return lo, hi
}

// spanCovers reports whether a span of sentence sent covers token t.
func spanCovers(spans []span, i, sent, t int) bool {
	lo, hi := sentSpans(spans, i)
	for _, c := range spans[lo:hi] {
		if c.start <= t && t < c.end {
			return true
		}
	}
	return false
}

// spanEndingAt returns the index of the resolved span of the sentence that
// ends at token end, or -1.
func spanEndingAt(spans []span, i, end int) int {
	lo, hi := sentSpans(spans, i)
	for j := lo; j < hi; j++ {
		if spans[j].end == end && spans[j].entity != "" {
			return j
		}
	}
	return -1
}

// spanStartingAt returns the index of the resolved span of the sentence that
// starts at token start, or -1.
func spanStartingAt(spans []span, i, start int) int {
	lo, hi := sentSpans(spans, i)
	for j := lo; j < hi; j++ {
		if spans[j].start == start && spans[j].entity != "" {
			return j
		}
	}
	return -1
}

// orgBefore returns the organisation right before token k, perhaps with
// "'s" ("the Bank of England's governor"), and its first token.
func orgBefore(spans []span, i int, words []string, sent, k int) (string, int) {
	end := k
	if end > 0 && isPossessive(words[end-1]) {
		end--
	}
	j := spanEndingAt(spans, i, end)
	if j < 0 || spans[j].typ != Organization || spans[j].form != Name {
		return "", 0
	}
	return spans[j].entity, spans[j].start
}

// qualifiedOrgBefore is orgBefore with a rank qualifier between the
// organisation and the title ("Hamas deputy leader", "IMF acting chief"),
// which makes the holder a member (lesser) or not.
func qualifiedOrgBefore(spans []span, i int, words []string, sent, k int) (org string, first int, lesser bool) {
	if k > 0 {
		if m, ok := rankQualifier(words[k-1]); ok {
			k, lesser = k-1, m
		}
	}
	org, first = orgBefore(spans, i, words, sent, k)
	return org, first, lesser
}

// countryBefore returns the country before token k with one or two
// adjectives between ("Chile's left-wing President", "Russia's
// hardline President"), and its first token.
func countryBefore(spans []span, i int, words []string, toks []corpus.Token, sent, k int) (string, int) {
	j := k
	for n := 0; n < 2 && j > 0 && isAdjective(words[j-1], toks[j-1].Tag); n++ {
		j--
	}
	if j == k {
		return "", 0
	}
	end := j
	poss := end > 0 && isPossessive(words[end-1])
	if poss {
		end--
	}
	c := spanEndingAt(spans, i, end)
	if c < 0 || spans[c].typ != Country || !poss && spans[c].form != Demonym || spans[c].bend > 0 {
		return "", 0
	}
	return spans[c].entity, spans[c].start
}

// isAdjective reports whether a word between a possessive and a title is an
// adjective of the kind news puts there: "left-wing", "embattled", "new".
func isAdjective(w, tag string) bool {
	if capitalised(w) || isDeterminer(w) {
		return false
	}
	return strings.HasPrefix(tag, "JJ") || tag == "VBN" || strings.Contains(w, "-")
}

// afterOf returns the country or organisation of "of [the] <name>" right
// after token end, its type and its last token.
func afterOf(spans []span, i int, words []string, sent, end int) (string, Type, int) {
	if end >= len(words) || words[end] != "of" {
		return "", "", 0
	}
	k := end + 1
	if k < len(words) && strings.EqualFold(words[k], "the") {
		k++
	}
	j := spanStartingAt(spans, i, k)
	if j < 0 || spans[j].form != Name || spans[j].typ != Country && spans[j].typ != Organization || !wholeName(words, spans[j].end) {
		return "", "", 0
	}
	return spans[j].entity, spans[j].typ, spans[j].end - 1
}

// wholeName reports whether the name that ends before word end is the
// whole of what "of" introduces: not "the International Monetary Fund's
// mission", nor "the White House Military Office" of which a name was
// found in part.
func wholeName(words []string, end int) bool {
	if end >= len(words) {
		return true
	}
	return !isPossessive(words[end]) && !capitalised(words[end])
}

// partyIndex maps the key of each two-word organisation name "<w> Party"
// the document names to its entity, so that "Conservative MP X" finds the
// Conservative Party in one look-up.
type partyIndex map[string]string

// newPartyIndex indexes the organisation name spans of a document.
func newPartyIndex(spans []span, words [][]string) partyIndex {
	idx := partyIndex{}
	for _, s := range spans {
		if s.typ != Organization || s.entity == "" || s.form != Name || s.end-s.start != 2 {
			continue
		}
		sw := words[s.sent][s.start:s.end]
		k := key(sw[0]) + " " + key(sw[1])
		if _, dup := idx[k]; !dup {
			idx[k] = s.entity // the first, as a scan in document order finds
		}
	}
	return idx
}

// apposition reads ", [the|a|an] [<org>['s]] [adjectives] <office>
// [of|for|at [the] <country or org>]" right after the person span i.
func (r *Recognizer) apposition(doc *corpus.Document, words []string, spans []span, i int) (Role, bool) {
	s := spans[i]
	toks := doc.Sentences[s.sent].Tokens
	k := s.end
	if k >= len(words) || words[k] != "," {
		return Role{}, false
	}
	k++
	if k < len(words) && isDeterminer(words[k]) {
		k++
	}
	var org string
	var orgType Type
	if j := spanStartingAt(spans, i, k); j >= 0 && spans[j].form == Name && (spans[j].typ == Organization || spans[j].typ == Country) {
		org, orgType = spans[j].entity, spans[j].typ
		k = spans[j].end
		if k < len(words) && isPossessive(words[k]) {
			k++
		}
	} else if j >= 0 && spans[j].form == Demonym && spans[j].bend == 0 { // not "Swiss-based"
		org, orgType = spans[j].entity, Country
		k = spans[j].end
	}
	for n := 0; n < 2 && k < len(words) && isAdjective(words[k], toks[k].Tag) && !r.officeWordAt(words, k); n++ {
		k++
	}
	title, end, ok := r.titles.Match(words, k)
	if !ok {
		if title, end, ok = officeNounAt(words, k); !ok {
			return Role{}, false
		}
	}
	last := end - 1
	if org != "" && end < len(words) && words[end] == "of" {
		return Role{}, false // "the Irish Republican Army's Director of Intelligence": an office under it
	}
	if org == "" {
		// "secretary-general of the United Nations", "a spokeswoman
		// for Greenpeace".
		if end < len(words) && (words[end] == "of" || words[end] == "for" || words[end] == "at") {
			q := end + 1
			if q < len(words) && strings.EqualFold(words[q], "the") {
				q++
			}
			if j := spanStartingAt(spans, i, q); j >= 0 && spans[j].form == Name && (spans[j].typ == Organization || spans[j].typ == Country) && wholeName(words, spans[j].end) {
				org, orgType, last = spans[j].entity, spans[j].typ, spans[j].end-1
			}
		}
	}
	if org == "" {
		return Role{}, false
	}
	role := Role{Title: title, Head: r.titles.Head(title), Start: toks[s.start].Start, End: toks[last].End}
	if orgType == Country {
		role.Country = org
		return role, true
	}
	o := officeOf(title)
	if o == noOffice {
		return Role{}, false
	}
	role.Org, role.Member = org, o == memberOffice
	return role, true
}

// officeWordAt reports whether word k starts a title or an office noun.
func (r *Recognizer) officeWordAt(words []string, k int) bool {
	if _, _, ok := r.titles.Match(words, k); ok {
		return true
	}
	_, _, ok := officeNounAt(words, k)
	return ok
}

// partyOf reads "<name>'s <party>" ("Netanyahu's Likud party"), which
// news writes of a party's leader: an organisation named "... Party" or
// followed by "party".
func partyOf(doc *corpus.Document, words []string, spans []span, i int) (Role, bool) {
	s := spans[i]
	k := s.end
	if k >= len(words) || !isPossessive(words[k]) {
		return Role{}, false
	}
	j := spanStartingAt(spans, i, k+1)
	if j < 0 || spans[j].typ != Organization || spans[j].form != Name {
		return Role{}, false
	}
	last := spans[j].end - 1
	switch {
	case strings.EqualFold(words[last], "party"):
	case last+1 < len(words) && strings.EqualFold(words[last+1], "party"):
		last++
	default:
		return Role{}, false
	}
	toks := doc.Sentences[s.sent].Tokens
	return Role{Title: "Leader", Org: spans[j].entity, Start: toks[s.start].Start, End: toks[last].End}, true
}
