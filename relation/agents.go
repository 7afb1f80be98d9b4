package relation

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed agents.txt
var agentsTxt string

// agentsPetrarchTSV holds the agent nouns generated from the Phoenix agents
// dictionary by gen_petrarch.go: "riot police<TAB>COP".
//
//go:embed agents_petrarch.tsv
var agentsPetrarchTSV string

// An agentTable is what is known of agent nouns: the single-word ones, and
// the phrases by their head (last) word.
type agentTable struct {
	words   []string            // sorted single-word agent nouns
	phrases map[string][]string // head word → agent phrases ending in it
	kinds   map[string]string   // generated phrase or word → kind of body (GOV, MIL, ...)
}

// agents is read once: agents.txt, then agents_petrarch.tsv.
var agents = sync.OnceValue(func() *agentTable {
	t := &agentTable{phrases: map[string][]string{}, kinds: map[string]string{}}
	add := func(p string) {
		if i := strings.LastIndexByte(p, ' '); i >= 0 {
			t.phrases[p[i+1:]] = append(t.phrases[p[i+1:]], p)
		} else {
			t.words = append(t.words, p)
		}
	}
	for _, line := range strings.Split(agentsTxt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p, kind, _ := strings.Cut(line, "\t")
		if kind = strings.TrimSpace(kind); kind != "" {
			t.kinds[p] = kind
		}
		add(p)
	}
	for _, line := range strings.Split(agentsPetrarchTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p, kind, _ := strings.Cut(line, "\t")
		if _, ok := t.kinds[p]; !ok {
			t.kinds[p] = kind // agents.txt's kind wins
		}
		add(p)
	}
	sort.Strings(t.words)
	t.words = slices.Compact(t.words)
	return t
})

// isAgent reports whether a noun lemma names people or a body that can act
// for a country or an organisation: a word of agents.txt or of the Phoenix
// agents dictionary.
func isAgent(lemma string) bool {
	list := agents().words
	i := sort.SearchStrings(list, lemma)
	return i < len(list) && list[i] == lemma
}

// agentPhrase reports whether the lower-case words, a noun's modifiers and
// the noun itself last ("riot police", "opposition supporter"), end in an
// agent phrase of more than one word, and returns the longest such phrase.
// It is for a head noun that is no agent alone: "police" is, but "base" in
// "rebel base" is not, and no phrase of the dictionaries ends in it.
func agentPhrase(words []string) (string, bool) {
	if len(words) < 2 {
		return "", false
	}
	best := ""
	for _, p := range agents().phrases[words[len(words)-1]] {
		n := strings.Count(p, " ") + 1
		if n <= len(words) && strings.Join(words[len(words)-n:], " ") == p && len(p) > len(best) {
			best = p
		}
	}
	return best, best != ""
}

// agentKind returns the kind of body (GOV, MIL, COP, OPP, REB, ...) of an
// agent noun or phrase: the one agents.txt gives it, else the one the
// Phoenix agents dictionary gives it, or "" when neither does.
func agentKind(phrase string) string { return agents().kinds[phrase] }

// abroadAgents are the agent nouns of a government's people and bodies
// that act abroad (an embassy, its envoys): with no country of their own
// in their phrase, they are no domestic party of the sentence's country.
var abroadAgents = wordClass("abroad-agent")

// domesticKind reports whether an agent noun or phrase of kind kind acts
// in its own country: police, opposition, rebels, armed groups, the
// military, the legislature and the government's bodies at home. The
// kind is the Phoenix role code (see agentKind); abroadAgents are not.
func domesticKind(phrase, kind string) bool {
	switch kind {
	case "COP", "OPP", "REB", "UAF", "MIL", "LEG", "GOV":
		head := phrase
		if i := strings.LastIndexByte(phrase, ' '); i >= 0 {
			head = phrase[i+1:]
		}
		return !abroadAgents[head]
	}
	return false
}

// domesticWord reports whether the word w, singular or plural, is an agent
// noun of a domestic kind ("police", "rebels", "troops"): a sentence that
// names one country and holds such nouns may hold a domestic event (see
// domesticAgent).
func domesticWord(w string) bool {
	low := strings.ToLower(w)
	for _, form := range []string{low, strings.TrimSuffix(low, "s"), strings.TrimSuffix(low, "es")} {
		if isAgent(form) && domesticKind(form, agentKind(form)) {
			return true
		}
	}
	return false
}
