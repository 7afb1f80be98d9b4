package lemma

import (
	"strings"
	"testing"
)

// TestIrregularRoundTrip checks that every past tense and past participle in
// irregularVerbs lemmatizes to its base, as VBD and as VBN.
func TestIrregularRoundTrip(t *testing.T) {
	// EWT's own lemmas win over the table where the two differ.
	ewt := map[string]bool{
		"broke\tVBN": true, // "went broke"
	}
	n := 0
	for _, line := range strings.Split(irregularVerbs, "\n") {
		f := strings.Fields(line)
		if len(line) > 0 && len(f) != 3 {
			t.Errorf("irregularVerbs line %q: %d fields, want 3", line, len(f))
			continue
		}
		if len(f) == 0 {
			continue
		}
		n++
		for _, forms := range f[1:] {
			for _, form := range strings.Split(forms, "/") {
				for _, tag := range []string{"VBD", "VBN"} {
					if ewt[form+"\t"+tag] {
						continue
					}
					if got := Lemma(form, tag); got != f[0] {
						t.Errorf("Lemma(%q, %q) = %q, want %q", form, tag, got, f[0])
					}
				}
			}
		}
	}
	if n < 150 {
		t.Errorf("irregularVerbs has %d verbs, want at least 150", n)
	}
}
