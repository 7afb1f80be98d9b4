package relation

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/entity"
)

// Groups.
//
// An agent phrase ("Egyptian police", "Sudan's government", "EU officials")
// acts for the country or organisation it names, and a relation it takes
// part in is, as event coders read it, a relation of that country or
// organisation: "EU officials accused China" is the EU accusing China. The
// graph says so: the phrase is read as a group node (type GROUP, ID
// "group/egy-police") that collapses onto the entity it acts for when the
// relation is added.
//
// It does not collapse when that would make the relation a loop: "Egyptian
// police dispersed Egyptian demonstrators", "Croatia is investigating war
// crimes by Croatian extremists", "Sudan's government lifted a state of
// emergency" (in Sudan). Domestic events are between a country and a body
// acting for it, or between two such bodies, and event data codes them with
// the same actor code on both sides; the group node keeps them in a graph
// that has no self-loops.

// group returns the group node of agent phrase t acting for entity id, or
// id itself when the head noun t names no people or body (a plural noun or
// an agent noun of agents.txt): "Egyptian territory" is Egypt.
func (s *sentState) group(t int, id string) string {
	lem := strings.ToLower(s.lemma[t])
	if isPlural(s.toks[t].Tag) && lem == strings.ToLower(s.toks[t].Text) && strings.HasSuffix(lem, "s") && !isAgent(lem) {
		// A lemmatizer that left a plural alone: "troops", "landowners".
		lem = strings.TrimSuffix(lem, "s")
	}
	if !isAgent(lem) && !(isPlural(s.toks[t].Tag) && peopleNoun(lem)) {
		return id
	}
	return s.groupNamed(id, lem, s.toks[t].Start)
}

// groupNamed returns the group node of the people or body lem acting for
// entity id, named at byte offset start, or id itself when id is no
// country or organisation with a code.
func (s *sentState) groupNamed(id, lem string, start int) string {
	e, ok := s.d.ents[id]
	if !ok || (e.Type != entity.Country && e.Type != entity.Organization) || e.Code == "" {
		return id
	}
	_, tail, _ := strings.Cut(id, "/")
	gid := entity.NewID(entity.Group, tail+" "+lem)
	if _, ok := s.d.groups[gid]; !ok {
		s.d.groups[gid] = entity.Entity{
			ID: gid, Name: e.Name + " " + lem, Type: entity.Group, Code: e.Code,
			Country: s.d.countryOf(id),
		}
	}
	s.d.groupOf[gid] = id
	if armedNouns[lem] {
		s.d.armed[gid] = true
	}
	if s.d.groupSeen[gid] == nil {
		s.d.groupSeen[gid] = map[int]bool{}
	}
	s.d.groupSeen[gid][start] = true
	return gid
}

// actsFor returns the entity group id acts for, or id itself when it is
// not a group.
func (d *docState) actsFor(id string) string {
	if e, ok := d.groupOf[id]; ok {
		return e
	}
	return id
}

// endpoints returns the nodes a relation of type t from a to b joins: the
// entities the groups among them act for, unless both then are one, when
// each group stays a node of its own. ok is false when a and b are one node
// either way, or when a country or its armed forces use force on its own
// armed forces: "Iraqi artillery was shelling the city and Iraqi tanks" is
// a parse that coordinated the wrong phrases, not a war of Iraq on its
// tanks. (Its forces fighting in Iraq, or Iraqi rebels, are another matter.)
func (d *docState) endpoints(t Type, a, b string) (string, string, bool) {
	ca, cb := d.actsFor(a), d.actsFor(b)
	switch {
	case ca != cb:
		return ca, cb, true
	case a != b && force(t) && (d.armed[a] || a == ca) && d.armed[b]:
		return "", "", false
	case a != b:
		for _, id := range []string{a, b} {
			if _, ok := d.groupOf[id]; ok {
				d.used[id] = true
				d.ents[id] = d.groups[id]
			}
		}
		return a, b, true
	}
	return "", "", false
}

// home returns the country entity id acts for, when the document names it:
// a country itself, the country a group or person acts for.
func (d *docState) home(id string) string {
	c := d.countryOf(d.actsFor(id))
	if e, ok := d.ents[c]; ok && e.Type == entity.Country {
		return c
	}
	// A person whose code a title gave ("Algeria's leading human rights
	// activist"): the country of the code.
	code := d.ents[d.actsFor(id)].Code
	if code == "" {
		return ""
	}
	return d.countryCode[code]
}

// usedGroups returns the group nodes of the document's relations, sorted
// by ID, with the number of phrases that named them.
func (d *docState) usedGroups() ([]entity.Entity, map[string]int) {
	var out []entity.Entity
	counts := map[string]int{}
	for id := range d.used {
		out = append(out, d.groups[id])
		counts[id] = len(d.groupSeen[id])
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, counts
}

// place returns the country or place entity id stands for (a group stands
// for the one it acts for: "outside the British embassy"), and whether it
// is one.
func (d *docState) place(id string) (string, bool) {
	id = d.actsFor(id)
	e, ok := d.ents[id]
	return id, ok && (e.Type == entity.Country || e.Type == entity.Location)
}

// foreignParty reports whether the sentence names an entity with an actor
// code other than that of country c: an act with no stated target is read
// as done at home only where no other party is in sight ("Israeli troops
// opened fire, killing two Palestinians" is no act on Israel).
func (s *sentState) foreignParty(c string) bool {
	code := s.d.ents[c].Code
	for _, mi := range s.ment {
		if mi < 0 {
			continue
		}
		if e := s.d.ents[s.d.rec.Mentions[mi].Entity]; e.Code != "" && e.Code != code {
			return true
		}
	}
	return false
}

// armedNouns are the agent nouns of a country's armed forces.
var armedNouns = wordClass("armed-noun")

// force reports whether t is a use of force.
func force(t Type) bool {
	switch t.PLOVER() {
	case "FIGHT", "ASSAULT":
		return true
	}
	return false
}

// peopleNoun reports whether a plural noun's lemma names people by what
// they do or are, by its ending: "landowners", "doctors", "extremists",
// "civilians", "students", "refugees", "fishermen". It keeps a verb the
// tagger took for a plural noun ("France expels ...") from being a group.
func peopleNoun(lem string) bool {
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "ee", "man", "men"} {
		if strings.HasSuffix(lem, suf) {
			return true
		}
	}
	return false
}

// impliedCountry returns the country place id is in, made an entity of the
// document when no mention names it ("protesters rallied in Belgrade": a
// group acting for Serbia), or "" when the place has none or the gazetteer
// does not know it.
func (d *docState) impliedCountry(id string) string {
	c := d.countryOf(id)
	if c == "" {
		return ""
	}
	if _, ok := d.ents[c]; ok {
		return c
	}
	if d.gaz == nil {
		return ""
	}
	e, ok := d.gaz.Entity(c)
	if !ok {
		return ""
	}
	d.ents[c] = e
	d.implied[c] = e
	return c
}

// usedImplied returns the implied countries that are nodes of rels,
// sorted by ID.
func (d *docState) usedImplied(rels []Relation) []entity.Entity {
	var out []entity.Entity
	if len(d.implied) == 0 {
		return nil
	}
	nodes := map[string]bool{}
	for _, r := range rels {
		nodes[r.Source], nodes[r.Target] = true, true
	}
	for id, e := range d.implied {
		if nodes[id] {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
