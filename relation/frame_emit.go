package relation

import (
	"sort"

	"github.com/newsgraph/newsgraph/entity"
)

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
	if a == "" || b == "" {
		return
	}
	a2, b2 := s.forCapital(t, a, true), s.forCapital(t, b, t.Symmetric())
	switch {
	case s.d.actsFor(a2) != s.d.actsFor(b2):
		a, b = a2, b2
	case a2 != a && !t.Symmetric():
		// "a crackdown by Paris" on Corsica: a domestic act, by the
		// government the capital stands for.
		a, b = s.groupNamed(a2, "government", s.sent.Start), b2
	}
	a, b, ok := s.d.endpoints(t, a, b)
	if !ok {
		return
	}
	if _, ok := s.d.ents[a]; !ok {
		return
	}
	if _, ok := s.d.ents[b]; !ok {
		return
	}
	if t == LeaderOf && s.d.ents[b].Type == entity.Location {
		return // "president of the Glenview, Ill.-based company": a place has no leader here
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
	if !neg && !s.background && (t.Symmetric() || t == Visit) && s.d.isPerson(a) && s.d.isPerson(b) {
		s.d.pair, s.d.pairSent = [2]string{a, b}, s.idx
	}
}

// unknownPlace reports whether entity id is a place with no actor code.
func (d *docState) unknownPlace(id string) bool {
	e := d.ents[id]
	return e.Type == entity.Location && e.Code == ""
}

// visits adds a VISIT from each party whose country is not the place's.
func (s *sentState) visits(parties []string, place string, mod Modality, cue string) {
	pc := s.d.countryOf(place)
	if pc == "" {
		return
	}
	for _, p := range parties {
		if c := s.d.countryOf(p); c != "" && c != pc {
			s.add(Visit, p, place, mod, false, cue)
		}
	}
}

// isPerson reports whether id is a person of the document.
func (d *docState) isPerson(id string) bool { return d.ents[id].Type == entity.Person }

// countryOf returns the country an entity is or belongs to.
func (d *docState) countryOf(id string) string {
	e, ok := d.ents[d.actsFor(id)]
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
