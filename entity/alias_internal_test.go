package entity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/entity/data"
)

func TestAbbreviates(t *testing.T) {
	tests := []struct {
		short, long string
		want        bool
	}{
		{"WWF", "World Wide Fund for Nature", true},
		{"IDB", "Inter-American Development Bank", true},
		{"MDC", "Movement for Democratic Change", true},
		{"U.N.", "United Nations", true},
		{"CoE", "Council of Europe", true},
		{"WWF", "Coalition for Clean Rivers", false},
		// The first letter must start a word: the "i" of "American" does
		// not make "IAB" of "American Bank".
		{"IAB", "American Bank", false},
		// The match must start in the first two words of the long form.
		{"CR", "The long story of the Clean Rivers", false},
		{"ABC", "ABC", false},
	}
	for _, tt := range tests {
		if got := abbreviates(tt.short, tt.long); got != tt.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v", tt.short, tt.long, got, tt.want)
		}
	}
}

func TestIsShortForm(t *testing.T) {
	for w, want := range map[string]bool{
		"WWF": true, "U.N.": true, "CoE": true, "G7": false, "Nato": false, "the": false, "(": false, "ABCDEFGHIJK": false,
	} {
		if got := isShortForm(w); got != want {
			t.Errorf("isShortForm(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestSpellingKey(t *testing.T) {
	pairs := [][2]string{
		{"Organisation", "Organization"},
		{"organisations", "organizations"},
		{"Defence", "Defense"},
		{"Centre", "Center"},
		{"Programme", "Program"},
		{"Labour", "Labor"},
		{"Harbour", "Harbor"},
		{"Neighbours", "Neighbors"},
	}
	for _, p := range pairs {
		if key(p[0]) != key(p[1]) {
			t.Errorf("key(%q) = %q, key(%q) = %q: want them equal", p[0], key(p[0]), p[1], key(p[1]))
		}
	}
	// Short words keep their keys: "four" is not "for".
	for _, w := range []string{"four", "hour", "your", "tour", "Centreville"} {
		if got, want := key(w), string(appendKeyOnlyString(w)); got != want {
			t.Errorf("key(%q) = %q, want %q", w, got, want)
		}
	}
}

func appendKeyOnlyString(w string) []byte {
	b, _ := appendKeyOnly(nil, w)
	return b
}

func TestParsePersonName(t *testing.T) {
	tests := []struct {
		name string
		want personName
		ok   bool
	}{
		{"Joseph R. Biden, Jr.", personName{given: "joseph", surname: "biden", initials: "r", suffix: "jr"}, true},
		{"Joe Biden", personName{given: "joe", surname: "biden"}, true},
		{"Biden", personName{surname: "biden"}, true},
		{"J. Biden", personName{given: "j", surname: "biden"}, false},
		{"Martin Luther King III", personName{given: "martin", surname: "king", initials: "l", suffix: "iii"}, true},
	}
	for _, tt := range tests {
		got, ok := parsePersonName(tt.name)
		if d := cmp.Diff(tt.want, got, cmp.AllowUnexported(personName{})); d != "" || ok != tt.ok {
			t.Errorf("parsePersonName(%q) = _, %v (-want +got):\n%s", tt.name, ok, d)
		}
	}
	hyp := defaultHypocorisms()
	if !hyp.same("joe", "joseph") || !hyp.same("bill", "william") || hyp.same("joe", "william") {
		t.Error("hypocorisms: Joe/Joseph and Bill/William are one name, Joe/William are not")
	}
}

func TestHypocorismsData(t *testing.T) {
	rows := 0
	err := readTSV(strings.NewReader(data.Hypocorisms), "hypocorisms.tsv", []string{"name", "forms"}, "name",
		func(cols, fields []string, bad func(string, ...any)) { rows++ })
	if err != nil || rows < 40 {
		t.Errorf("hypocorisms.tsv: %d rows, error %v", rows, err)
	}
}

func TestOrgStem(t *testing.T) {
	for name, want := range map[string]string{
		"Labour Party":         "Labour",
		"Tokyo Soir Co Ltd":    "Tokyo Soir",
		"Goldman Sachs & Co":   "Goldman Sachs",
		"Oppenheimer Capital":  "",
		"Corp":                 "",
		"Party of the Regions": "",
	} {
		if got := orgStem(name); got != want {
			t.Errorf("orgStem(%q) = %q, want %q", name, got, want)
		}
	}
}
