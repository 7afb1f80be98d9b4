package relation

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/entity"
)

// TestRuleTablesNamed checks what the names of the rules promise: each is
// short kebab-case, unique across the tables, and documented.
func TestRuleTablesNamed(t *testing.T) {
	seen := map[string]bool{}
	for _, table := range [][]rule{actorRules, targetRules} {
		for _, r := range table {
			if r.Name == "" || strings.Trim(r.Name, "abcdefghijklmnopqrstuvwxyz-") != "" || strings.Contains(r.Name, "--") ||
				strings.HasPrefix(r.Name, "-") || strings.HasSuffix(r.Name, "-") {
				t.Errorf("rule %q: name is not kebab-case", r.Name)
			}
			if seen[r.Name] {
				t.Errorf("rule %q: named twice", r.Name)
			}
			seen[r.Name] = true
			if r.Doc == "" || r.When == nil || r.Read == nil {
				t.Errorf("rule %q: no Doc, When or Read", r.Name)
			}
			if Slot(r.Name).valid() {
				t.Errorf("rule %q: named like a slot, which Evidence.Rule could not tell apart", r.Name)
			}
		}
	}
	for _, r := range tagRepairs {
		if seen[r.Name] {
			t.Errorf("repair %q: named like a rule", r.Name)
		}
		seen[r.Name] = true
	}
}

// TestEvidenceRuleJSON checks that the rule of a piece of evidence goes
// through WriteJSON and ReadJSON, and that evidence with no rule writes no
// "rule" field.
func TestEvidenceRuleJSON(t *testing.T) {
	g := NewGraph()
	for _, id := range []string{"country/fra", "country/chn"} {
		if err := g.AddEntity(entity.Entity{ID: id, Name: id, Type: entity.Country}, 1); err != nil {
			t.Fatal(err)
		}
	}
	text := "France met China."
	for _, r := range []Relation{
		{Source: "country/fra", Target: "country/chn", Type: Meet, Evidence: Evidence{Doc: "d", End: len(text), Text: text, Cue: "met", Rule: "actor=subj;target=obj"}},
		{Source: "country/fra", Target: "country/chn", Type: Criticize, Evidence: Evidence{Doc: "d", End: len(text), Text: text, Cue: "met"}},
	} {
		if err := g.AddRelation(r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := g.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), `"rule":`); n != 1 {
		t.Errorf("%d \"rule\" fields, want 1:\n%s", n, b.String())
	}
	back, err := ReadJSON(&b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(g.Edges(), back.Edges()); diff != "" {
		t.Errorf("edges after a round trip (-want +got):\n%s", diff)
	}
}
