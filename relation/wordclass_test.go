package relation

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/relation/internal/frame"
)

// TestWordClasses checks the embedded word classes against the code: every
// class the code asks for exists and has words, every class of the file is
// asked for, and the file is sorted with no line twice.
func TestWordClasses(t *testing.T) {
	classes, err := frame.ReadWordClasses("wordclasses.tsv", wordClassesTSV)
	if err != nil {
		t.Fatal(err)
	}
	asked := map[string]bool{}
	for _, c := range wordClasses.asked {
		asked[c] = true
		if len(classes[c]) == 0 {
			t.Errorf("the code asks for word class %q, which wordclasses.tsv lacks or leaves empty", c)
		}
	}
	for c := range classes {
		if !asked[c] {
			t.Errorf("wordclasses.tsv has class %q, which no code asks for", c)
		}
	}
	var lines []string
	for _, line := range strings.Split(wordClassesTSV, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") && line != "class\tword" {
			lines = append(lines, line)
		}
	}
	if !slices.IsSorted(lines) {
		t.Error("wordclasses.tsv is not sorted by class, then word")
	}
	if n := len(slices.Compact(slices.Clone(lines))); n != len(lines) {
		t.Errorf("wordclasses.tsv has %d repeated lines", len(lines)-n)
	}
	// The classes of one valued map must not share a word: which value
	// it got would depend on map order.
	for _, prefix := range []string{"obligation-", "embedding-"} {
		owner := map[string]string{}
		for c, words := range classes {
			if !strings.HasPrefix(c, prefix) {
				continue
			}
			for w := range words {
				if o, ok := owner[w]; ok {
					t.Errorf("%q is in both %s and %s", w, o, c)
				}
				owner[w] = c
			}
		}
	}
	// The header documents every class.
	for c := range classes {
		if !strings.Contains(wordClassesTSV, "\n#   "+c+" ") {
			t.Errorf("class %q is not described in the header of wordclasses.tsv", c)
		}
	}
}
