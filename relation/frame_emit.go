package relation

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/entity"
)

// emit records the relations of one cue.
func (s *sentState) emit(t Type, actors, targets []string, mod Modality, neg bool, cue string) {
	if len(targets) == 0 && t.Symmetric() && len(actors) >= 2 {
		// "Macron and Xi discussed trade": the parties meet each other.
		defer func(target string) { s.rule.Target = target }(s.rule.Target)
		s.rule.Target = "co-actors"
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
		Evidence: s.evidence(cue),
	})
	s.recordEvent(s.out[len(s.out)-1])
	if !neg && !s.background && (t.Symmetric() || t == Visit) && s.d.isPerson(a) && s.d.isPerson(b) {
		s.d.pair, s.d.pairSent = [2]string{a, b}, s.idx
	}
	if !neg && !s.background && t.Symmetric() && s.d.isBody(a) && s.d.isBody(b) {
		s.d.bodyPair, s.d.bodyPairSent = [2]string{a, b}, s.idx
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
		start, end := evidenceWindow(d.doc.Text, sent.Start, sent.End, r.Start)
		out = append(out, Relation{
			Source: r.Person, Target: r.Country, Type: LeaderOf, Confidence: 0.9,
			Evidence: Evidence{Doc: d.doc.ID, Start: start, End: end, Text: d.doc.Text[start:end], Cue: d.doc.Text[r.Start:r.End],
				Rule: ruleNames{Frame: "office-title"}.String()},
		})
	}
	return out
}

// MaxEvidence is the longest evidence text, in bytes: the evidence of a
// relation in a longer sentence is the stretch of the sentence around its
// cue (see [Evidence]).
const MaxEvidence = 1000

// evidence returns the evidence of a relation the cue at s.cueTok signals:
// the sentence, or a window of it around the cue.
func (s *sentState) evidence(cue string) Evidence {
	at := s.sent.Start
	if s.cueTok >= 0 && s.cueTok < len(s.toks) {
		at = s.toks[s.cueTok].Start
	}
	start, end := evidenceWindow(s.d.doc.Text, s.sent.Start, s.sent.End, at)
	return Evidence{Doc: s.d.doc.ID, Start: start, End: end, Text: s.d.doc.Text[start:end], Cue: cue, Rule: s.d.ruleString(s.rule)}
}

// evidenceWindow returns the sentence [start, end) of text when it is no
// longer than MaxEvidence bytes, or else the window of at most MaxEvidence
// bytes of it centred on byte offset at, its ends moved inwards to the
// nearest rune boundaries (and to spaces, where there are any within the
// window's last tenth), so that the text is valid UTF-8 and cuts no word
// where it need not.
func evidenceWindow(text string, start, end, at int) (int, int) {
	if end-start <= MaxEvidence {
		return start, end
	}
	at = min(max(at, start), end)
	ws := max(start, at-MaxEvidence/2)
	we := min(end, ws+MaxEvidence)
	ws = max(start, we-MaxEvidence)
	for ws < we && !utf8.RuneStart(text[ws]) {
		ws++
	}
	for we > ws && we < len(text) && !utf8.RuneStart(text[we]) {
		we--
	}
	if ws > start {
		// Begin after a space near the window's start.
		if i := strings.IndexByte(text[ws:min(we, ws+MaxEvidence/10)], ' '); i >= 0 && ws+i+1 <= at {
			ws += i + 1
		}
	}
	if we < end {
		// End before a space near the window's end.
		if i := strings.LastIndexByte(text[max(ws, we-MaxEvidence/10):we], ' '); i >= 0 {
			if e := max(ws, we-MaxEvidence/10) + i; e > at {
				we = e
			}
		}
	}
	return ws, we
}
