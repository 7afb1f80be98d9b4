package relation

import "testing"

// TestDomesticWords pins which agent nouns act at home (domesticWord): the
// kinds agents.txt gives its words ("force", "opposition") and those the
// Phoenix dictionary gives ("police" COP, "rebel" REB), and the nouns of a
// government's people abroad or of no political kind, which are not.
func TestDomesticWords(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"police", true}, {"rebels", true}, {"troops", true}, {"forces", true}, {"opposition", true},
		{"protesters", true}, {"militants", true}, {"guerrillas", true}, {"government", true},
		{"diplomats", false}, {"embassy", false}, {"envoy", false}, // act abroad
		{"students", false}, {"officials", false}, {"spokesman", false}, // no kind
		{"wine", false}, {"patrols", false},
	} {
		if got := domesticWord(tt.word); got != tt.want {
			t.Errorf("domesticWord(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	if k := agentKind("force"); k != "MIL" {
		t.Errorf(`agentKind("force") = %q, want "MIL" (agents.txt)`, k)
	}
	if k := agentKind("police"); k != "COP" {
		t.Errorf(`agentKind("police") = %q, want "COP" (agents_petrarch.tsv)`, k)
	}
}
