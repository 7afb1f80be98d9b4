package frame

import (
	"fmt"
	"strings"
)

// ReadWordClasses reads word classes from text, the content of the file
// name: class<TAB>word lines after a "class<TAB>word" header, with "#"
// comment lines and blank lines. An error names name and the line.
func ReadWordClasses(name, text string) (map[string]map[string]bool, error) {
	out := map[string]map[string]bool{}
	header := false
	for n, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		class, word, ok := strings.Cut(line, "\t")
		if !header {
			if line != "class\tword" {
				return nil, fmt.Errorf("%s:%d: header %q, want \"class\\tword\"", name, n+1, line)
			}
			header = true
			continue
		}
		if !ok || class == "" || word == "" || strings.Contains(word, "\t") || strings.TrimSpace(word) != word {
			return nil, fmt.Errorf("%s:%d: %q is no class<TAB>word line", name, n+1, line)
		}
		if out[class] == nil {
			out[class] = map[string]bool{}
		}
		out[class][word] = true
	}
	return out, nil
}
