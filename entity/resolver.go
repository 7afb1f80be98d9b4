package entity

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/corpus"
)

// resolution is the per-document state of resolving mentions to entities.
type resolution struct {
	r        *Recognizer
	doc      *corpus.Document
	entities map[string]*Entity
	surfaces map[string]map[string]bool // entity ID → surface forms seen
}

// entity returns the document's copy of the entity with the given ID,
// fetching it from the gazetteer the first time.
func (rs *resolution) entity(id string) (*Entity, bool) {
	if e, ok := rs.entities[id]; ok {
		return e, true
	}
	e, ok := rs.r.gaz.EntityAt(id, rs.doc.Date) // a person's role on the document's date
	if !ok {
		return nil, false
	}
	e.Aliases = append([]string(nil), e.Aliases...)
	rs.entities[id] = &e
	return &e, true
}

// newEntity registers an entity found by the model or the rules.
func (rs *resolution) newEntity(t Type, name string) *Entity {
	id := NewID(t, name)
	if e, ok := rs.entity(id); ok {
		return e
	}
	e := &Entity{ID: id, Name: name, Type: t}
	rs.entities[id] = e
	return e
}

// resolve turns the candidate spans of a document into resolved mentions.
func (r *Recognizer) resolve(doc *corpus.Document, words [][]string, spans []span) *Result {
	rs := &resolution{r: r, doc: doc, entities: map[string]*Entity{}, surfaces: map[string]map[string]bool{}}
	text := func(s span) string {
		if s.bend > 0 {
			return doc.Text[s.bstart:s.bend]
		}
		toks := doc.Sentences[s.sent].Tokens
		return doc.Text[toks[s.start].Start:toks[s.end-1].End]
	}

	// Names the gazetteer or the model knows, longest first, so that a
	// surname can be linked to a full name wherever it comes in the text.
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		sa, sb := spans[order[a]], spans[order[b]]
		return sa.end-sa.start > sb.end-sb.start
	})
	persons := newPersonSet() // the persons of this document
	for _, i := range order {
		s := &spans[i]
		if s.form != Name {
			continue
		}
		if s.entity != "" {
			if e, ok := rs.entity(s.entity); ok && e.Type == Person {
				persons.add(e)
			}
			continue
		}
		name := text(*s)
		e := rs.lookup(name, s.typ)
		if e == nil && s.source == "model" {
			e = rs.near(name, s.typ)
		}
		if e != nil {
			s.entity, s.typ = e.ID, e.Type
			if e.Type == Person {
				persons.add(e)
			}
			continue
		}
		if s.typ == Person {
			if e := persons.partOf(name); e != nil {
				s.entity = e.ID
				continue
			}
			e = rs.newEntity(Person, name)
			persons.add(e)
			s.entity = e.ID
			continue
		}
		e = rs.newEntity(s.typ, name)
		rs.inheritCountry(e, s.inner)
		s.entity = e.ID
	}

	// A place name that is also the surname of a person the document names
	// in full is that person ("Neil Jordan ... Jordan said"), unless a
	// preposition of place comes before it ("in Jordan").
	for i := range spans {
		s := &spans[i]
		if s.form != Name || s.source != "gazetteer" || s.end-s.start != 1 ||
			(s.typ != Country && s.typ != Location) {
			continue
		}
		if s.start > 0 && placePreposition(words[s.sent][s.start-1]) {
			continue
		}
		if e := persons.partOf(text(*s)); e != nil && !strings.EqualFold(e.Name, text(*s)) {
			s.entity, s.typ, s.source = e.ID, Person, "resolver"
		}
	}

	// Offices stated in the text.
	var roles []Role
	parties := newPartyIndex(spans, words)
	for i := range spans {
		s := spans[i]
		if s.form != Name || s.typ != Person || s.entity == "" {
			continue
		}
		if role, ok := r.office(doc, words, spans, parties, i); ok { // offices.go
			role.Person = s.entity
			roles = append(roles, role)
			if e, ok := rs.entity(s.entity); ok {
				if e.Title == "" {
					e.Title = role.Title
				}
				if e.Country == "" && role.Country != "" {
					e.Country = role.Country
				}
				if e.Code == "" && role.Country != "" {
					if c, ok := rs.entity(role.Country); ok {
						e.Code = c.Code
					}
				}
			}
		}
	}

	// Descriptions: "the French president" is the person of the document
	// who holds that title for that country, the latest one mentioned.
	res := &Result{}
	var lastPerson = map[string]int{} // entity ID → index of latest mention
	titled := rs.newTitleIndex(roles) // the persons of lastPerson by title
	for i := range spans {
		s := &spans[i]
		if s.form == Description {
			s.entity = rs.describe(*s, lastPerson, titled)
			if s.entity == "" {
				if s.country == "" {
					continue
				}
				// No person of the document holds that office: keep
				// the demonym ("the French president" still names
				// France), the word after the determiner.
				s.start, s.end = s.start+1, s.start+2
				s.entity, s.form, s.typ, s.source = s.country, Demonym, Country, "gazetteer"
			}
		}
		if s.entity == "" {
			continue
		}
		e, ok := rs.entity(s.entity)
		if !ok {
			continue
		}
		toks := doc.Sentences[s.sent].Tokens
		m := Mention{
			Start: toks[s.start].Start, End: toks[s.end-1].End,
			Type: e.Type, Form: s.form, Entity: e.ID, Score: s.score, Source: s.source,
		}
		if s.bend > 0 {
			m.Start, m.End = s.bstart, s.bend
		}
		m.Text = doc.Text[m.Start:m.End]
		if e.Type == Person {
			if _, ok := lastPerson[e.ID]; !ok {
				titled.add(e)
			}
			lastPerson[e.ID] = len(res.Mentions)
		}
		if s.form == Name && m.Text != e.Name {
			set := rs.surfaces[e.ID]
			if set == nil {
				set = map[string]bool{}
				rs.surfaces[e.ID] = set
			}
			set[m.Text] = true
		}
		res.Mentions = append(res.Mentions, m)
	}
	res.Roles = roles

	used := map[string]bool{}
	for _, m := range res.Mentions {
		used[m.Entity] = true
	}
	for _, ro := range roles {
		used[ro.Person] = true
		if ro.Country != "" {
			used[ro.Country] = true
		}
	}
	for id := range used {
		e, ok := rs.entity(id)
		if !ok {
			continue
		}
		for s := range rs.surfaces[id] {
			e.Aliases = appendUnique(e.Aliases, s)
		}
		sort.Strings(e.Aliases)
		res.Entities = append(res.Entities, *e)
	}
	sort.Slice(res.Entities, func(a, b int) bool { return res.Entities[a].ID < res.Entities[b].ID })
	r.alias(doc, res) // one node per thing: see alias.go
	return res
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// lookup finds a gazetteer entity for a name the model found, of a type
// compatible with the model's.
func (rs *resolution) lookup(name string, t Type) *Entity {
	var best *Entity
	for _, e := range rs.r.gaz.Lookup(name) {
		if !compatible(t, e.Type) && !(t == Location && e.Type == Country) {
			continue
		}
		ee, ok := rs.entity(e.ID)
		if !ok {
			continue
		}
		if best == nil || (ee.Type == Country && best.Type != Country) {
			best = ee
		}
	}
	return best
}

// near finds the gazetteer entity a misspelt name the model found stands
// for ("Ethopia", "Francois Mitterand"; see Gazetteer.near): a country for
// a place, a person for a person.
func (rs *resolution) near(name string, t Type) *Entity {
	accept := func(et Type) bool {
		return et == t || (t == Location || t == Country) && et == Country
	}
	if t != Person && t != Location && t != Country {
		return nil
	}
	g, ok := rs.r.gaz.near(name, accept)
	if !ok {
		return nil
	}
	e, ok := rs.entity(g.ID)
	if !ok {
		return nil
	}
	return e
}

// personSet is the persons of a document, indexed by the first and last
// words of their names, so that finding the person a part of a name stands
// for costs the same whatever the number of persons.
type personSet struct {
	byID map[string]*Entity
	// byPart maps the first or last k words of a name or alias of a
	// person, lower-cased and joined by spaces, to the persons with
	// such a name of more than k words, once each.
	byPart map[string][]*Entity
}

func newPersonSet() *personSet {
	return &personSet{byID: map[string]*Entity{}, byPart: map[string][]*Entity{}}
}

// add adds person e, with its name and aliases as they are now.
func (ps *personSet) add(e *Entity) {
	if _, ok := ps.byID[e.ID]; ok {
		return
	}
	ps.byID[e.ID] = e
	for _, full := range append([]string{e.Name}, e.Aliases...) {
		fw := strings.Fields(strings.ToLower(full))
		for k := 1; k < len(fw); k++ {
			ps.addPart(strings.Join(fw[len(fw)-k:], " "), e)
			ps.addPart(strings.Join(fw[:k], " "), e)
		}
	}
}

func (ps *personSet) addPart(key string, e *Entity) {
	list := ps.byPart[key]
	if len(list) > 1 {
		return // no more need be known: the part names no one person
	}
	if len(list) == 1 && list[0].ID == e.ID {
		return
	}
	ps.byPart[key] = append(list, e)
}

// partOf returns the one person whose name or alias has name as its last
// or first words, and more words besides ("Macron" in "Emmanuel Macron"),
// or nil when there is none or more than one.
func (ps *personSet) partOf(name string) *Entity {
	words := strings.Fields(strings.ToLower(name))
	if len(words) == 0 {
		return nil
	}
	if list := ps.byPart[strings.Join(words, " ")]; len(list) == 1 {
		return list[0]
	}
	return nil
}

// roleBefore reads the office stated just before the person span i:
// "[the] [French|France's] President <name>".
func (r *Recognizer) roleBefore(doc *corpus.Document, words []string, spans []span, i int) (Role, bool) {
	s := spans[i]
	// The title must end right before the name.
	// The longest title wins: "Foreign Minister", not "Minister".
	for k := max(0, s.start-4); k < s.start; k++ {
		title, end, ok := r.titles.Match(words, k)
		if !ok || end != s.start {
			continue
		}
		// "Qatar's Emir Sheikh Tamim", "President Dr. X": an
		// honorific between the office and the name; the office is
		// the title.
		for k2 := max(0, k-4); k2 < k; k2++ {
			if outer, end2, ok := r.titles.Match(words, k2); ok && end2 == k {
				title, k = outer, k2
				break
			}
		}
		role := Role{Title: title, Head: r.titles.Head(title)}
		first := k
		// A country word right before the title, among the spans of
		// the sentence (spans are in sentence order).
		for j := sort.Search(len(spans), func(j int) bool { return spans[j].sent >= s.sent }); j < len(spans) && spans[j].sent == s.sent; j++ {
			c := spans[j]
			if c.sent == s.sent && c.end == k && (c.form == Demonym || c.typ == Country) && c.entity != "" {
				role.Country = c.entity
				first = c.start
				break
			}
			// "France's President": the possessive comes between.
			if c.sent == s.sent && c.end == k-1 && isPossessive(words[k-1]) && c.typ == Country && c.entity != "" {
				role.Country = c.entity
				first = c.start
				break
			}
		}
		toks := doc.Sentences[s.sent].Tokens
		role.Start, role.End = toks[first].Start, toks[s.end-1].End
		return role, true
	}
	return Role{}, false
}

// describe resolves a description mention to a person of the document:
// of the persons of lastPerson with its title, the one mentioned last.
func (rs *resolution) describe(s span, lastPerson map[string]int, titled *titleIndex) string {
	best, bestAt := "", -1
	for _, id := range titled.byTitle[foldKey(s.title)] {
		at := lastPerson[id]
		e, ok := rs.entity(id)
		if !ok {
			continue
		}
		if s.country != "" && e.Country != s.country {
			continue
		}
		if at > bestAt || (at == bestAt && id < best) {
			best, bestAt = id, at
		}
	}
	return best
}

// titleIndex is the persons a description may refer to by title: those
// with the title as theirs, or in an office the text states.
type titleIndex struct {
	roles   map[string][]string // person → titles of the roles stated
	byTitle map[string][]string // foldKey(title) → IDs of persons, once each
}

func (rs *resolution) newTitleIndex(roles []Role) *titleIndex {
	ti := &titleIndex{roles: map[string][]string{}, byTitle: map[string][]string{}}
	for _, r := range roles {
		ti.roles[r.Person] = append(ti.roles[r.Person], r.Title)
	}
	return ti
}

// add indexes person e under its title and the titles of its roles.
func (ti *titleIndex) add(e *Entity) {
	seen := map[string]bool{}
	for _, t := range append([]string{e.Title}, ti.roles[e.ID]...) {
		if k := foldKey(t); !seen[k] {
			seen[k] = true
			ti.byTitle[k] = append(ti.byTitle[k], e.ID)
		}
	}
}

// foldKey returns a key equal for two strings exactly when
// [strings.EqualFold] holds for them: each rune replaced by the least rune
// of its case-folding orbit.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}

// placePreposition reports whether w is a preposition that introduces a
// place ("in Jordan", "to Washington").
func placePreposition(w string) bool {
	switch strings.ToLower(w) {
	case "in", "to", "from", "at", "into", "across", "near", "toward", "towards", "via", "of", "visit", "visited", "visiting":
		return true
	}
	return false
}

// inheritCountry gives an organisation or place the text names for the first
// time the country whose name, demonym or capital its own name contains,
// as event coders do: the "Latvian Constitutional Court" acts for Latvia,
// "South Lebanon" lies in Lebanon, the "Baghdad University Medical School"
// in Iraq.
func (rs *resolution) inheritCountry(e *Entity, inner []string) {
	if (e.Type != Organization && e.Type != Location) || e.Country != "" || e.Code != "" {
		return
	}
	if e.Type == Location && isWaterBody(e.Name) {
		return // the South China Sea is not China's
	}
	for _, id := range inner {
		c, ok := rs.entity(id)
		if !ok {
			continue
		}
		country := c.ID
		if c.Type != Country {
			country = c.Country
		}
		if country == "" {
			continue
		}
		if cc, ok := rs.entity(country); ok && cc.Type == Country {
			e.Country, e.Code = cc.ID, cc.Code
			return
		}
	}
}

// isWaterBody reports whether a place name ends in a word for a sea, a
// strait or a river, which no country's name in it makes that country's.
func isWaterBody(name string) bool {
	i := strings.LastIndexByte(name, ' ')
	switch strings.ToLower(name[i+1:]) {
	case "sea", "ocean", "gulf", "strait", "straits", "bay", "channel", "river", "lake", "sound":
		return true
	}
	return false
}
