package entity

import (
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/data"
)

// In-document aliasing: the step of resolution that makes one entity of
// the several names one document gives one thing.
//
//   - An acronym the text defines, "World Wide Fund for Nature (WWF)",
//     "WWF (World Wide Fund for Nature)" or "the Movement for Democratic
//     Change, known as MDC", is the long form's entity wherever the
//     document uses it, in that exact case, whatever type the model gave
//     it; an occurrence no other signal found becomes a mention. An
//     acronym is a short form the long form abbreviates by the
//     Schwartz–Hearst test, not a listed one.
//   - "the" and a capitalised head noun ("the Bank", "the Commission")
//     is the latest organisation within aliasWindow sentences before it
//     whose name of two words or more has that head, last ("Inter-American
//     Development Bank") or before "of" ("Bank of England").
//   - Two persons of one surname whose given names agree, directly or by a
//     short form of hypocorisms.tsv, are one person, whatever middle
//     initials or suffixes one of them has ("Joseph R. Biden, Jr.", "Joe
//     Biden"); a surname alone is that person when one person only of the
//     document has that surname. Two different gazetteer persons are never
//     merged.
//
// The entity that stays is the gazetteer's where there is one, else the
// one with the longest name; it takes every name the document gives it as
// an alias. The step is linear in the tokens and mentions of the
// document.
const aliasWindow = 10

// alias merges the entities of res that the document names in several
// ways, and adds the mentions of defined acronyms no other signal found.
func (r *Recognizer) alias(doc *corpus.Document, res *Result) {
	if len(res.Mentions) == 0 {
		return
	}
	a := newAliasing(r, doc, res)
	a.acronyms()
	a.headNouns()
	a.parties()
	a.persons()
	a.apply()
}

type aliasing struct {
	r    *Recognizer
	doc  *corpus.Document
	res  *Result
	toks []corpus.Token // every token of the document, in order
	sent []int          // sentence index of each token
	// cover[t] is the mention covering token t exactly (one token, whole),
	// or -1; part[t] reports a mention covering t in part or with others.
	cover []int
	part  []bool
	// mtok[i] is the token range [start, end) of mention i.
	mtok   [][2]int
	ents   map[string]*Entity
	reset  map[int]string    // mention index → its new entity
	merge  map[string]string // entity ID → the entity it is merged into
	added  []Mention
	addedE map[string]bool // entities of added mentions
	// orgWords are the one-token organisation mentions, by text.
	orgWords map[string]bool
}

func newAliasing(r *Recognizer, doc *corpus.Document, res *Result) *aliasing {
	a := &aliasing{r: r, doc: doc, res: res, ents: map[string]*Entity{},
		reset: map[int]string{}, merge: map[string]string{}, addedE: map[string]bool{}}
	for i, s := range doc.Sentences {
		for _, t := range s.Tokens {
			a.toks = append(a.toks, t)
			a.sent = append(a.sent, i)
		}
	}
	a.cover = make([]int, len(a.toks))
	a.part = make([]bool, len(a.toks))
	for i := range a.cover {
		a.cover[i] = -1
	}
	a.mtok = make([][2]int, len(res.Mentions))
	t := 0
	for i, m := range res.Mentions {
		// Mentions are in document order; a mention inside a token
		// ("US" in "US-led") starts in the token that holds it.
		for t > 0 && a.toks[t-1].End > m.Start {
			t--
		}
		for t < len(a.toks) && a.toks[t].End <= m.Start {
			t++
		}
		end := t
		for end < len(a.toks) && a.toks[end].Start < m.End {
			end++
		}
		a.mtok[i] = [2]int{t, end}
		for k := t; k < end; k++ {
			if end-t == 1 && a.toks[k].Start == m.Start && a.toks[k].End == m.End {
				a.cover[k] = i
			} else {
				a.part[k] = true
			}
		}
	}
	for i := range res.Entities {
		a.ents[res.Entities[i].ID] = &res.Entities[i]
	}
	return a
}

// entityOf returns the current entity of mention i.
func (a *aliasing) entityOf(i int) string {
	if id, ok := a.reset[i]; ok {
		return a.find(id)
	}
	return a.find(a.res.Mentions[i].Entity)
}

func (a *aliasing) find(id string) string {
	for n := 0; n < 8; n++ {
		to, ok := a.merge[id]
		if !ok {
			break
		}
		id = to
	}
	return id
}

// inGazetteer reports whether id is an entity of the gazetteer.
func (a *aliasing) inGazetteer(id string) bool {
	_, ok := a.r.gaz.Entity(id)
	return ok
}

// mentionEndingAt returns the mention whose last token is t-1, or -1.
// Mentions do not overlap, so their ends are in order too.
func (a *aliasing) mentionEndingAt(t int) int {
	if t <= 0 {
		return -1
	}
	i := sort.Search(len(a.mtok), func(i int) bool { return a.mtok[i][1] >= t })
	if i < len(a.mtok) && a.mtok[i][1] == t {
		return i
	}
	return -1
}

// mentionStartingAt returns the mention whose first token is t, or -1.
func (a *aliasing) mentionStartingAt(t int) int {
	i := sort.Search(len(a.mtok), func(i int) bool { return a.mtok[i][0] >= t })
	if i < len(a.mtok) && a.mtok[i][0] == t {
		return i
	}
	return -1
}

// acronyms finds the acronym definitions of the document and resolves
// every exact-case use of a defined acronym to the long form's entity.
func (a *aliasing) acronyms() {
	defs := map[string]string{} // acronym → entity ID
	var order []string
	define := func(short string, long int, end int) {
		if _, ok := defs[short]; ok || !isShortForm(short) {
			return // the first definition holds
		}
		id := ""
		if long >= 0 {
			m := a.res.Mentions[long]
			if m.Type == Person || m.Form != Name || !abbreviates(short, m.Text) {
				return
			}
			id = a.entityOf(long)
		} else if !a.namedOrg(short) {
			return // "Bovine Spongiform Encephalopathy (BSE)": no organisation
		} else if id = a.longForm(short, end); id == "" {
			return
		}
		defs[short] = id
		order = append(order, short)
	}
	for t, tok := range a.toks {
		switch tok.Text {
		case "(":
			if t+2 >= len(a.toks) || a.sent[t+2] != a.sent[t] {
				continue
			}
			// "long form (ACRONYM)"
			if a.toks[t+2].Text == ")" {
				l := a.mentionEndingAt(t)
				if l >= 0 && a.sent[a.mtok[l][0]] != a.sent[t] {
					l = -1
				}
				define(a.toks[t+1].Text, l, t)
			}
			// "ACRONYM (long form)"
			if t > 0 && a.sent[t-1] == a.sent[t] {
				if l := a.mentionStartingAt(t + 1); l >= 0 && a.mtok[l][1] < len(a.toks) && a.toks[a.mtok[l][1]].Text == ")" {
					define(a.toks[t-1].Text, l, -1)
				}
			}
		case "known", "Known":
			// "long form, [also|better|...] known as [the] ACRONYM"
			if t+2 >= len(a.toks) || !strings.EqualFold(a.toks[t+1].Text, "as") {
				continue
			}
			k := t + 2
			if strings.EqualFold(a.toks[k].Text, "the") && k+1 < len(a.toks) {
				k++
			}
			b := t - 1
			if b >= 0 && knownAsAdverb(a.toks[b].Text) {
				b--
			}
			if b < 0 || a.toks[b].Text != "," || a.sent[b] != a.sent[t] || a.sent[k] != a.sent[t] {
				continue
			}
			define(a.toks[k].Text, a.mentionEndingAt(b), b)
		}
	}
	if len(defs) == 0 {
		return
	}
	for _, short := range order {
		id := defs[short]
		// The acronym's own entity, where the gazetteer knows it and the
		// long form is one the model made up, is the better node: merge
		// the long form into it.
		e := a.ents[id]
		if e == nil || a.inGazetteer(id) {
			continue
		}
		for _, g := range a.r.gaz.Lookup(short) {
			if g.ID != id && (g.Type == e.Type || e.Type == Location && g.Type == Country) && strings.Contains(strings.Join(g.Aliases, "|")+"|"+g.Name, short) {
				a.merge[id] = g.ID
				a.ensure(g.ID)
				defs[short] = g.ID
				break
			}
		}
	}
	for t, tok := range a.toks {
		id, ok := defs[tok.Text]
		if !ok {
			continue
		}
		id = a.find(id)
		switch {
		case a.cover[t] >= 0:
			a.reset[a.cover[t]] = id
		case !a.part[t]:
			e := a.ents[id]
			if e == nil {
				continue
			}
			a.added = append(a.added, Mention{Start: tok.Start, End: tok.End, Text: tok.Text,
				Type: e.Type, Form: Name, Entity: id, Score: 0.7, Source: "resolver"})
		}
	}
}

// namedOrg reports whether some mention of the document is the acronym
// short typed as an organisation, as the model or the gazetteer found it.
func (a *aliasing) namedOrg(short string) bool {
	if a.orgWords == nil {
		a.orgWords = map[string]bool{}
		for i, m := range a.res.Mentions {
			if m.Type == Organization && a.mtok[i][1]-a.mtok[i][0] == 1 {
				a.orgWords[m.Text] = true
			}
		}
	}
	return a.orgWords[short]
}

// longForm makes an organisation of the capitalised words before token end
// that short abbreviates ("Zimbabwe African National Union (ZANU)") where
// no other signal found them, and returns its ID, or "". Between the
// capitalised words only "of", "for", "and", "the", "on" and "in" may come.
func (a *aliasing) longForm(short string, end int) string {
	if end <= 0 {
		return ""
	}
	n := len([]rune(short))
	maxWords := min(n+5, 2*n)
	start := end
	for start > 0 && end-start < maxWords && a.sent[start-1] == a.sent[end] && a.cover[start-1] < 0 && !a.part[start-1] {
		w := a.toks[start-1].Text
		if !(capitalised(w) && isNameWord(w)) && !longFormJoiner(w) {
			break
		}
		start--
	}
	// The words short abbreviates: the shortest run ending at end.
	for s := end - 1; s >= start; s-- {
		if !capitalised(a.toks[s].Text) || isAcronym(a.toks[s].Text) {
			continue
		}
		long := a.doc.Text[a.toks[s].Start:a.toks[end-1].End]
		if !capitalised(a.toks[end-1].Text) || end-s < 2 || !abbreviates(short, long) {
			continue
		}
		e := &Entity{ID: NewID(Organization, long), Name: long, Type: Organization}
		if g, ok := a.r.gaz.Entity(e.ID); ok {
			e = &g
		}
		if _, ok := a.ents[e.ID]; !ok {
			a.ents[e.ID] = e
		}
		for k := s; k < end; k++ {
			a.part[k] = true
		}
		a.added = append(a.added, Mention{Start: a.toks[s].Start, End: a.toks[end-1].End, Text: long,
			Type: e.Type, Form: Name, Entity: e.ID, Score: 0.6, Source: "resolver"})
		return e.ID
	}
	return ""
}

func longFormJoiner(w string) bool {
	switch w {
	case "of", "for", "and", "the", "on", "in", "&":
		return true
	}
	return false
}

// ensure makes sure the result holds the entity id, fetching it from the
// gazetteer.
func (a *aliasing) ensure(id string) {
	if _, ok := a.ents[id]; ok {
		return
	}
	e, ok := a.r.gaz.Entity(id)
	if !ok {
		return
	}
	a.ents[id] = &e
	a.addedE[id] = true
}

func knownAsAdverb(w string) bool {
	switch strings.ToLower(w) {
	case "also", "better", "widely", "commonly", "popularly", "locally", "formally", "simply":
		return true
	}
	return false
}

// isShortForm reports whether w can be an acronym: two to ten characters,
// letters, digits, "&", "." or "-", starting with a letter, with two
// capital letters at least ("WWF", "U.N.", "CoE").
func isShortForm(w string) bool {
	if len(w) < 2 || len(w) > 10 {
		return false
	}
	upper := 0
	for i, c := range w {
		switch {
		case unicode.IsUpper(c):
			upper++
		case unicode.IsLetter(c) && i > 0:
		case (unicode.IsDigit(c) || c == '&' || c == '.' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return upper >= 2
}

// abbreviates reports whether short abbreviates long by the test of
// Schwartz and Hearst (2003): the letters and digits of short, taken from
// the last, are found in order from the end of long, the first of them at
// the start of a word of long. Case does not count.
func abbreviates(short, long string) bool {
	s := []rune(strings.ToLower(short))
	l := []rune(strings.ToLower(long))
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if len(l) <= len(s) || !alnum(s[0]) {
		return false
	}
	li := len(l) - 1
	for si := len(s) - 1; si >= 0; si-- {
		c := s[si]
		if !alnum(c) {
			continue
		}
		for li >= 0 && (l[li] != c || si == 0 && li > 0 && alnum(l[li-1])) {
			li--
		}
		if li < 0 {
			return false
		}
		li--
	}
	// The match must start in the first two words of the long form: a
	// long form "defined" by its last words is not that name's.
	return strings.Count(string(l[:li+1]), " ") <= 1
}

// headNouns resolves "the" and a capitalised head noun to the latest
// organisation with that head.
func (a *aliasing) headNouns() {
	type seen struct {
		id   string
		sent int
	}
	heads := map[string]seen{}
	next := 0 // next mention to index
	for t := 0; t+1 < len(a.toks); t++ {
		for next < len(a.mtok) && a.mtok[next][1] <= t {
			m := a.res.Mentions[next]
			if m.Form == Name && a.mtok[next][1]-a.mtok[next][0] >= 2 {
				id := a.entityOf(next)
				first := a.toks[a.mtok[next][0]].Text
				if e := a.ents[id]; e != nil && e.Type == Organization && !strings.EqualFold(first, "the") {
					s := seen{id, a.sent[a.mtok[next][0]]}
					ws := a.toks[a.mtok[next][0]:a.mtok[next][1]]
					heads[key(ws[len(ws)-1].Text)] = s
					for k := 1; k < len(ws); k++ {
						if ws[k].Text == "of" {
							heads[key(ws[k-1].Text)] = s
							break
						}
					}
				}
			}
			next++
		}
		if !strings.EqualFold(a.toks[t].Text, "the") || a.sent[t+1] != a.sent[t] {
			continue
		}
		h := t + 1
		w := a.toks[h].Text
		// "The Bank" as one mention the model made, or "Bank" alone.
		whole := -1
		if i := a.mentionStartingAt(t); i >= 0 && a.mtok[i][1] == h+1 {
			whole = i
		}
		if !capitalised(w) || isAcronym(w) || a.part[h] && whole < 0 || len(w) < 3 {
			continue
		}
		if n := h + 1; n < len(a.toks) && a.sent[n] == a.sent[h] && (capitalised(a.toks[n].Text) || longFormJoiner(a.toks[n].Text)) {
			continue // "the Bank of Japan", "the Bank Holding Company", "the Council on Foreign Relations"
		}
		s, ok := heads[key(w)]
		if !ok || a.sent[t]-s.sent > aliasWindow {
			continue
		}
		if whole >= 0 {
			a.reset[whole] = s.id
			continue
		}
		if i := a.cover[h]; i >= 0 {
			if t := a.res.Mentions[i].Type; t != Location && t != Country {
				a.reset[i] = s.id // not "the Amsterdam defence" after "Ajax Amsterdam"
			}
			continue
		}
		e := a.ents[s.id]
		a.added = append(a.added, Mention{Start: a.toks[t].Start, End: a.toks[h].End,
			Text: a.doc.Text[a.toks[t].Start:a.toks[h].End], Type: e.Type, Form: Description,
			Entity: s.id, Score: 0.6, Source: "resolver"})
	}
}

// parties merges an organisation named without its last word ("Labour",
// "Likud" for "the Labour Party", "the Likud party"; "Oppenheimer Capital"
// for "Oppenheimer Capital LP") into the one the document names in full.
func (a *aliasing) parties() {
	full := map[string]string{} // key of the name without its last word → organisation
	var short []string
	for i := range a.res.Mentions {
		id := a.entityOf(i)
		e := a.ents[id]
		if e == nil || e.Type != Organization {
			continue
		}
		short = append(short, id)
		if stem := orgStem(e.Name); stem != "" {
			full[key(stem)] = id
		}
	}
	for _, id := range short {
		to, ok := full[key(a.ents[id].Name)]
		if !ok || a.find(to) == a.find(id) || a.inGazetteer(id) && a.inGazetteer(to) {
			continue
		}
		if a.inGazetteer(id) {
			a.merge[a.find(to)] = a.find(id)
		} else {
			a.merge[a.find(id)] = a.find(to)
		}
	}
}

// orgStem returns an organisation's name without the word "Party" or a
// company's legal forms at its end ("Tokyo Soir Co Ltd", "Goldman Sachs &
// Co"), or "".
func orgStem(name string) string {
	stem := name
	for {
		i := strings.LastIndexByte(stem, ' ')
		if i <= 0 {
			break
		}
		w := strings.TrimSuffix(strings.ToLower(stem[i+1:]), ".")
		if !legalForm(w) && (w != "&" || stem == name) {
			break
		}
		stem = strings.TrimSpace(stem[:i])
		if w == "party" {
			break
		}
	}
	if stem == name {
		return ""
	}
	return strings.TrimSuffix(stem, " &")
}

// legalForm reports whether w, lower case and without a final dot, is the
// word "party" or a company's legal form.
func legalForm(w string) bool {
	switch w {
	case "party", "inc", "corp", "corporation", "ltd", "limited", "co", "lp", "l.p", "plc", "llc", "ag", "sa", "s.a", "nv", "n.v", "gmbh", "ab", "spa", "bhd":
		return true
	}
	return false
}

// personName is the structure of a person's name.
type personName struct {
	given    string // key of the first given name, "" for a surname alone
	surname  string // key of the surname
	initials string // middle initials, in order
	suffix   string // "jr", "sr", "iii"...
}

func parsePersonName(name string) (personName, bool) {
	var p personName
	ws := strings.Fields(strings.ReplaceAll(name, ",", " "))
	for len(ws) > 1 {
		switch s := strings.TrimSuffix(strings.ToLower(ws[len(ws)-1]), "."); s {
		case "jr", "sr", "ii", "iii", "iv":
			p.suffix = s
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	if len(ws) == 0 {
		return p, false
	}
	p.surname = key(ws[len(ws)-1])
	if len(ws) == 1 {
		return p, true
	}
	p.given = key(strings.TrimSuffix(ws[0], "."))
	for _, w := range ws[1 : len(ws)-1] {
		if r := []rune(strings.TrimSuffix(w, ".")); len(r) == 1 {
			p.initials += string(unicode.ToLower(r[0]))
		} else {
			// A middle name: its initial.
			p.initials += string(unicode.ToLower(r[0]))
		}
	}
	if len([]rune(p.given)) == 1 {
		return p, false // "J. Biden": too little to tell
	}
	return p, true
}

// samePerson reports whether two full names can be one person's.
func samePerson(a, b personName, hyp *hypocorisms) bool {
	if a.surname != b.surname || a.given == "" || b.given == "" {
		return false
	}
	if a.suffix != "" && b.suffix != "" && a.suffix != b.suffix {
		return false
	}
	if a.initials != "" && b.initials != "" && a.initials != b.initials {
		return false
	}
	return a.given == b.given || hyp.same(a.given, b.given)
}

// persons merges the person entities of the document that are one person.
func (a *aliasing) persons() {
	type person struct {
		id    string
		name  personName
		first int // index of the first mention
	}
	bySurname := map[string][]*person{}
	var order []string
	seen := map[string]bool{}
	for i := range a.res.Mentions {
		id := a.entityOf(i)
		e := a.ents[id]
		if seen[id] || e == nil || e.Type != Person {
			continue
		}
		seen[id] = true
		p, ok := parsePersonName(e.Name)
		if !ok {
			continue
		}
		if _, ok := bySurname[p.surname]; !ok {
			order = append(order, p.surname)
		}
		bySurname[p.surname] = append(bySurname[p.surname], &person{id: id, name: p, first: i})
	}
	hyp := defaultHypocorisms()
	better := func(x, y *person) bool { // x is the better node
		gx, gy := a.inGazetteer(x.id), a.inGazetteer(y.id)
		if gx != gy {
			return gx
		}
		nx, ny := len(a.ents[x.id].Name), len(a.ents[y.id].Name)
		if nx != ny {
			return nx > ny
		}
		return x.first < y.first
	}
	for _, sn := range order {
		ps := bySurname[sn]
		if len(ps) < 2 {
			continue
		}
		// Full names first: each joins the first group it agrees with.
		var groups []*person // the node of each group
		var members [][]*person
		for _, p := range ps {
			if p.name.given == "" {
				continue
			}
			joined := false
			for g, root := range groups {
				agree := true
				for _, q := range members[g] {
					agree = agree && samePerson(p.name, q.name, hyp)
				}
				if !agree {
					continue
				}
				if a.inGazetteer(p.id) && a.inGazetteer(root.id) {
					continue // the gazetteer says two people
				}
				members[g] = append(members[g], p)
				if better(p, root) {
					groups[g] = p
				}
				joined = true
				break
			}
			if !joined {
				groups = append(groups, p)
				members = append(members, []*person{p})
			}
		}
		for g, root := range groups {
			for _, p := range members[g] {
				if p != root {
					a.merge[p.id] = root.id
				}
			}
		}
		// A surname alone: the one group of that surname.
		if len(groups) != 1 {
			continue
		}
		for _, p := range ps {
			if p.name.given == "" && !(a.inGazetteer(p.id) && a.inGazetteer(groups[0].id)) {
				a.merge[p.id] = groups[0].id
			}
		}
	}
}

// apply rewrites the result: mentions take their new entities, entities
// merged into others go, the others take their names as aliases.
func (a *aliasing) apply() {
	res := a.res
	if len(a.reset) == 0 && len(a.merge) == 0 && len(a.added) == 0 {
		return
	}
	for i := range res.Mentions {
		id := a.entityOf(i)
		m := &res.Mentions[i]
		if id == m.Entity {
			continue
		}
		e := a.ents[id]
		if e == nil {
			continue
		}
		m.Entity, m.Type = id, e.Type
	}
	for i := range res.Roles {
		res.Roles[i].Person = a.find(res.Roles[i].Person)
		if res.Roles[i].Org != "" {
			res.Roles[i].Org = a.find(res.Roles[i].Org)
		}
	}
	if len(a.added) > 0 {
		res.Mentions = append(res.Mentions, a.added...)
		sort.SliceStable(res.Mentions, func(i, j int) bool { return res.Mentions[i].Start < res.Mentions[j].Start })
	}
	// Merged entities give their offices and codes to the node, in a
	// fixed order.
	froms := make([]string, 0, len(a.merge))
	for from := range a.merge {
		froms = append(froms, from)
	}
	sort.Strings(froms)
	for _, from := range froms {
		to := a.ents[a.find(from)]
		e := a.ents[from]
		if to == nil || e == nil {
			continue
		}
		if to.Title == "" {
			to.Title = e.Title
		}
		if to.Country == "" {
			to.Country = e.Country
		}
		if to.Code == "" {
			to.Code = e.Code
		}
	}
	used := map[string]bool{}
	for _, m := range res.Mentions {
		used[m.Entity] = true
		if e := a.ents[m.Entity]; e != nil && m.Form == Name && m.Text != e.Name && !hasDeterminer(m.Text) {
			e.Aliases = appendUnique(e.Aliases, m.Text)
		}
	}
	for _, ro := range res.Roles {
		used[ro.Person] = true
		if ro.Country != "" {
			used[ro.Country] = true
		}
		if ro.Org != "" {
			used[ro.Org] = true
		}
	}
	out := make([]Entity, 0, len(res.Entities)+len(a.addedE))
	for id, e := range a.ents {
		if !used[id] {
			continue
		}
		if to, ok := a.merge[id]; ok && to != id {
			continue
		}
		sort.Strings(e.Aliases)
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	res.Entities = out
}

// hypocorisms tells whether two given names can be one person's.
type hypocorisms struct {
	rows map[string][]int // key of a name → the rows that hold it
}

func (h *hypocorisms) same(a, b string) bool {
	for _, i := range h.rows[a] {
		for _, j := range h.rows[b] {
			if i == j {
				return true
			}
		}
	}
	return false
}

var defaultHypocorisms = sync.OnceValue(func() *hypocorisms {
	h := &hypocorisms{rows: map[string][]int{}}
	n := 0
	// The embedded table is constant data a test reads without error.
	_ = readTSV(strings.NewReader(data.Hypocorisms), "hypocorisms.tsv", []string{"name", "forms"}, "name",
		func(cols, fields []string, bad func(string, ...any)) {
			for i, f := range fields {
				names := list(f)
				if cols[i] == "name" {
					names = []string{strings.TrimSpace(f)}
				}
				for _, w := range names {
					if w != "" {
						h.rows[key(w)] = append(h.rows[key(w)], n)
					}
				}
			}
			n++
		})
	return h
})

// hasDeterminer reports whether a mention's text starts with "the", as a
// short form ("the Bank") does, which is no name to keep as an alias.
func hasDeterminer(text string) bool {
	w, _, _ := strings.Cut(text, " ")
	return strings.EqualFold(w, "the")
}
