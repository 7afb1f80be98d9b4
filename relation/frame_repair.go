package relation

import (
	"strings"

	"github.com/newsgraph/newsgraph/corpus/parse"
	"github.com/newsgraph/newsgraph/entity"
)

// A tagRepair corrects the part-of-speech tag of a token before the
// parser reads the sentence, from what the recognizer knows of it, and
// may make the parser keep the tag it sets. Apply reports whether it
// changed the token.
type tagRepair struct {
	Name  string
	Doc   string
	Apply func(s *sentState, i int, tags []string, keep []bool) bool
}

// tagRepairs are the repairs of the parser's input, applied in order, each
// to every token: a later one overrides an earlier.
var tagRepairs = []tagRepair{
	{
		Name: "name-as-proper-noun",
		Doc: `The capitalised words of a name are proper nouns ("Americans" plural ones), and the parser keeps them so: ` +
			`the recognizer knows better than a tagger that "Albanese" at the start of a sentence or "Friedrich" in ` +
			`"Chancellor Friedrich Merz" is a name. The small words of a name ("Bank of England") keep their tags.`,
		Apply: func(s *sentState, i int, tags []string, keep []bool) bool {
			t := s.toks[i]
			if mi := s.ment[i]; mi < 0 || s.d.rec.Mentions[mi].Form != entity.Name || !isWordToken(t.Text) || !capitalised(t.Text) {
				return false
			}
			if !strings.HasPrefix(t.Tag, "NNP") {
				tags[i] = "NNP"
				if t.Tag == "NNS" {
					tags[i] = "NNPS"
				}
			}
			keep[i] = true
			return tags[i] != t.Tag
		},
	},
	{
		Name: "demonym-as-adjective",
		Doc:  `A demonym the tagger took for a noun or verb is an adjective: "Iranian", "French".`,
		Apply: func(s *sentState, i int, tags []string, keep []bool) bool {
			t := s.toks[i]
			if mi := s.ment[i]; mi < 0 || s.d.rec.Mentions[mi].Form != entity.Demonym ||
				strings.HasPrefix(t.Tag, "JJ") || strings.HasPrefix(t.Tag, "NNP") {
				return false
			}
			tags[i] = "JJ"
			return true
		},
	},
	{
		Name: "past-tense-after-name",
		Doc:  `A participle right after a name, with no auxiliary, before a noun phrase is a past-tense verb: "ECOWAS imposed sanctions on ...".`,
		Apply: func(s *sentState, i int, tags []string, keep []bool) bool {
			if !s.pastTenseAfterSubject(i) {
				return false
			}
			tags[i], keep[i] = "VBD", true
			return true
		},
	},
}

// parserInput returns the words and tags the parser reads, and which tags
// the parser must keep as they are: the sentence's own, with the
// [tagRepairs] applied.
func (s *sentState) parserInput() (words, tags []string, keep []bool) {
	words = make([]string, len(s.toks))
	tags = make([]string, len(s.toks))
	keep = make([]bool, len(s.toks))
	for i, t := range s.toks {
		words[i], tags[i] = t.Text, t.Tag
	}
	for _, r := range tagRepairs {
		for i := range s.toks {
			if r.Apply(s, i, tags, keep) {
				if s.tracing() {
					s.tracef("repair %s: token %d %q %s -> %s", r.Name, i, s.toks[i].Text, s.toks[i].Tag, tags[i])
				}
			}
		}
	}
	return words, tags, keep
}

// parseRepaired is the repair pass that runs before a sentence is read:
// it repairs the parser's input (see [tagRepairs]), parses, parses again
// when the parse has no verb and a noun after a name is a verb's form
// ("lost-verb", see [sentState.lostVerb]), and sets the tree, which
// retags the nouns the parse reads as finite verbs ("headline-verb", see
// [sentState.verbsFromTree]). It returns the tags the parser read.
func (s *sentState) parseRepaired(parseKeep func(words, tags []string, keep []bool) (parse.Tree, error)) ([]string, error) {
	if s.tracing() {
		s.tracef("sentence %q", s.sent.Text)
	}
	words, tags, keep := s.parserInput()
	tree, err := parseKeep(words, tags, keep)
	if err == nil {
		if i, tag := s.lostVerb(tree); i >= 0 {
			if s.tracing() {
				s.tracef("repair lost-verb: token %d %q %s -> %s, parsed again", i, s.toks[i].Text, tags[i], tag)
			}
			tags[i], keep[i] = tag, true
			tree, err = parseKeep(words, tags, keep)
		}
	}
	if err != nil {
		return nil, err
	}
	s.setTree(tree)
	return tags, nil
}
