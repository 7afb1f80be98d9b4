package relation

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/entity"
)

// affiliate gives a person the recognizer left without an actor code the
// code of the country or organisation the person's title names, as event
// coders read "U.N. mediator Diego Cordovez", "Iran's religious leader
// Ayatollah Ruhollah Khomeini" or "Kofi Annan, UN secretary-general": the
// person acts for the UN, or for Iran.
//
// The title is read from word order, which holds where a parse of a long
// name phrase does not: before the name, a country or organisation (or its
// possessive), adjectives and one or more title nouns listed in agents.txt,
// and perhaps a comma;
// or after it, a comma, the country or organisation, adjectives or nouns
// and a title noun, or a comma, title nouns and "of" or "for" the country
// or organisation. A person coded by the recognizer keeps its code.
//
// The code is set on the document's result entities, which the recognizer
// built for this document alone.
func (s *sentState) affiliate() {
	for t := range s.toks {
		mi := s.ment[t]
		if mi < 0 || (t > 0 && s.ment[t-1] == mi) {
			continue // not a mention, or not its first token
		}
		m := s.d.rec.Mentions[mi]
		if m.Type != entity.Person || m.Form != entity.Name || s.d.ents[m.Entity].Code != "" {
			continue
		}
		end := t
		for end+1 < len(s.toks) && s.ment[end+1] == mi {
			end++
		}
		code := s.titleBefore(t)
		if code == "" {
			code = s.titleAfter(end)
		}
		if code == "" {
			continue
		}
		e := s.d.ents[m.Entity]
		e.Code = code
		s.d.ents[m.Entity] = e
		ents := s.d.rec.Entities // sorted by ID
		if i := sort.Search(len(ents), func(i int) bool { return ents[i].ID >= m.Entity }); i < len(ents) && ents[i].ID == m.Entity {
			ents[i].Code = code
		}
	}
}

// actorCode returns the code of the country or organisation mention at
// token i, or "".
func (s *sentState) actorCode(i int) string {
	mi := s.ment[i]
	if mi < 0 {
		return ""
	}
	e := s.d.ents[s.d.rec.Mentions[mi].Entity]
	if e.Type != entity.Country && e.Type != entity.Organization {
		return ""
	}
	return e.Code
}

// titleBefore reads "[country or organisation]['s] [adjectives] title
// nouns [,]" right before token t.
func (s *sentState) titleBefore(t int) string {
	titled := false
	if t > 0 && s.toks[t-1].Text == "," {
		t-- // "Russia's foreign minister, Sergei Lavrov"
	}
	for i := t - 1; i >= 0 && i >= t-6; i-- {
		switch tok := s.toks[i]; {
		case s.ment[i] < 0 && s.isTitleNoun(i):
			titled = true
		case s.ment[i] < 0 && strings.HasPrefix(tok.Tag, "JJ"):
		case tok.Text == "'s" || tok.Text == "’s":
			if !titled {
				return ""
			}
		default:
			if !titled {
				return ""
			}
			return s.actorCode(i)
		}
	}
	return ""
}

// titleAfter reads ", [the] [country or organisation]['s] [adjectives or
// nouns] title noun" or ", [the] title nouns of [the] country or
// organisation" right after token end.
func (s *sentState) titleAfter(end int) string {
	i := end + 1
	if i >= len(s.toks) || s.toks[i].Text != "," {
		return ""
	}
	i++
	if i < len(s.toks) && strings.EqualFold(s.toks[i].Text, "the") {
		i++
	}
	if i >= len(s.toks) {
		return ""
	}
	if s.ment[i] < 0 {
		return s.titleOf(i)
	}
	mi := s.ment[i]
	code := s.actorCode(i)
	for i < len(s.toks) && s.ment[i] == mi {
		i++
	}
	if i < len(s.toks) && (s.toks[i].Text == "'s" || s.toks[i].Text == "’s") {
		i++
	}
	for j := i; j < len(s.toks) && j < i+4 && s.ment[j] < 0; j++ {
		if s.isTitleNoun(j) {
			return code
		}
		if tag := s.toks[j].Tag; !strings.HasPrefix(tag, "NN") && !strings.HasPrefix(tag, "JJ") && tag != "VBG" {
			break // "Algeria's leading human rights activist" goes on
		}
	}
	return ""
}

// titleOf reads "[adjectives] title nouns of|for [the] country or
// organisation" from token i: "Jens Stoltenberg, secretary general of
// NATO".
func (s *sentState) titleOf(i int) string {
	titled := false
	for j := i; j < len(s.toks) && j < i+5; j++ {
		switch w := strings.ToLower(s.toks[j].Text); {
		case s.ment[j] >= 0:
			return ""
		case s.isTitleNoun(j):
			titled = true
		case (w == "of" || w == "for") && titled:
			k := j + 1
			if k < len(s.toks) && strings.EqualFold(s.toks[k].Text, "the") {
				k++
			}
			if k < len(s.toks) {
				return s.actorCode(k)
			}
			return ""
		case strings.HasPrefix(s.toks[j].Tag, "JJ") && !titled:
		default:
			return ""
		}
	}
	return ""
}

// isTitleNoun reports whether token i is a noun listed in agents.txt,
// whatever its tag: between a name and a country or organisation, the
// tagger's "VBZ" for "envoy" or "JJ" for "secretary-general" is wrong.
func (s *sentState) isTitleNoun(i int) bool {
	return isAgent(strings.ToLower(s.lemma[i])) || isAgent(strings.ToLower(s.toks[i].Text))
}

// affiliations turns the offices in organisations the document states
// into LEADER_OF and MEMBER_OF relations: "WHO Director-General Tedros"
// leads the WHO, "Conservative MP Ann Widdecombe" is a member of the
// Conservative Party (see entity's offices.go).
func (d *docState) affiliations() []Relation {
	var out []Relation
	for _, r := range d.rec.Roles {
		if r.Org == "" || r.Person == r.Org {
			continue
		}
		if _, ok := d.ents[r.Org]; !ok {
			continue
		}
		si := sort.Search(len(d.doc.Sentences), func(i int) bool { return d.doc.Sentences[i].End > r.Start })
		if si == len(d.doc.Sentences) {
			continue
		}
		sent := d.doc.Sentences[si]
		t := LeaderOf
		if r.Member {
			t = MemberOf
		}
		out = append(out, Relation{
			Source: r.Person, Target: r.Org, Type: t, Confidence: 0.85,
			Evidence: Evidence{Doc: d.doc.ID, Start: sent.Start, End: sent.End, Text: sent.Text, Cue: d.doc.Text[r.Start:r.End],
				Rule: ruleNames{Frame: "org-title"}.String()},
		})
	}
	return out
}
