package entity

import (
	"sort"
	"strings"

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
	persons := map[string]*Entity{} // IDs of the persons of this document
	for _, i := range order {
		s := &spans[i]
		if s.form != Name {
			continue
		}
		if s.entity != "" {
			if e, ok := rs.entity(s.entity); ok && e.Type == Person {
				persons[e.ID] = e
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
				persons[e.ID] = e
			}
			continue
		}
		if s.typ == Person {
			if e := partOf(name, persons); e != nil {
				s.entity = e.ID
				continue
			}
			e = rs.newEntity(Person, name)
			persons[e.ID] = e
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
		if e := partOf(text(*s), persons); e != nil && !strings.EqualFold(e.Name, text(*s)) {
			s.entity, s.typ, s.source = e.ID, Person, "resolver"
		}
	}

	// Offices stated in the text.
	var roles []Role
	for i := range spans {
		s := spans[i]
		if s.form != Name || s.typ != Person || s.entity == "" {
			continue
		}
		if role, ok := r.office(doc, words, spans, i); ok { // offices.go
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
	for i := range spans {
		s := &spans[i]
		if s.form == Description {
			s.entity = rs.describe(*s, lastPerson, roles)
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

// partOf returns the one person whose name contains name as its last or
// first words ("Macron" in "Emmanuel Macron"), or nil when there is none or
// more than one.
func partOf(name string, persons map[string]*Entity) *Entity {
	words := strings.Fields(strings.ToLower(name))
	if len(words) == 0 {
		return nil
	}
	var found *Entity
	ids := make([]string, 0, len(persons))
	for id := range persons {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		e := persons[id]
		for _, full := range append([]string{e.Name}, e.Aliases...) {
			fw := strings.Fields(strings.ToLower(full))
			if len(fw) <= len(words) {
				continue
			}
			if equalWords(fw[len(fw)-len(words):], words) || equalWords(fw[:len(words)], words) {
				if found != nil && found != e {
					return nil
				}
				found = e
				break
			}
		}
	}
	return found
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
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
		// A country word right before the title.
		for j := range spans {
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

// describe resolves a description mention to a person of the document.
func (rs *resolution) describe(s span, lastPerson map[string]int, roles []Role) string {
	best, bestAt := "", -1
	for id, at := range lastPerson {
		e, ok := rs.entity(id)
		if !ok || !strings.EqualFold(e.Title, s.title) && !titleMatches(roles, id, s.title) {
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

func titleMatches(roles []Role, id, title string) bool {
	for _, r := range roles {
		if r.Person == id && strings.EqualFold(r.Title, title) {
			return true
		}
	}
	return false
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
