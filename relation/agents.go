package relation

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

//go:embed agents.txt
var agentsTxt string

// agentNouns is the sorted list of agent nouns, read once from agents.txt.
var agentNouns = sync.OnceValue(func() []string {
	var out []string
	for _, line := range strings.Split(agentsTxt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	sort.Strings(out)
	return out
})

// isAgent reports whether a noun lemma names people or a body that can act
// for a country or an organisation.
func isAgent(lemma string) bool {
	list := agentNouns()
	i := sort.SearchStrings(list, lemma)
	return i < len(list) && list[i] == lemma
}
