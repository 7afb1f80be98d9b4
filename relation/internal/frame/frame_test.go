package frame

import (
	"strings"
	"testing"
)

func TestRuleNamesString(t *testing.T) {
	for _, c := range []struct {
		r    Names
		want string
	}{
		{Names{}, ""},
		{Names{Actor: "subj", Target: "obj"}, "actor=subj;target=obj"},
		{Names{Actor: "light-verb-subject", Target: "prep:with", Then: "meeting-place"}, "actor=light-verb-subject;target=prep:with;then=meeting-place"},
		{Names{Frame: "office-title"}, "frame=office-title"},
		{Names{Target: "subj"}, "target=subj"},
	} {
		if got := c.r.String(); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.r, got, c.want)
		}
	}
}

// TestWalk checks the order of a table's walk and that rules of a group
// are alternatives: the first whose When holds is the only one read.
func TestWalk(t *testing.T) {
	type st struct{ when map[string]bool }
	give := func(out ...string) func(*st, *int) []string {
		return func(_ *st, n *int) []string { *n++; return out }
	}
	when := func(name string) func(*st, *int) bool { return func(s *st, _ *int) bool { return s.when[name] } }
	table := []Rule[*st, *int]{
		{Name: "a", Group: "g", When: when("a"), Read: give()},
		{Name: "b", Group: "g", When: when("b"), Read: give("x")},
		{Name: "c", When: when("c"), Read: give()},
		{Name: "d", When: when("d"), Read: give("y", "z")},
		{Name: "e", When: when("e"), Read: give("w")},
	}
	all := map[string]bool{"a": true, "b": true, "c": true, "d": true, "e": true}
	for _, c := range []struct {
		when  map[string]bool
		want  string
		rule  string
		tried string
	}{
		{all, "y,z", "d", "a c d"},                               // a holds and gives nothing: b is skipped
		{map[string]bool{"b": true, "d": true}, "x", "b", "b"},   // b is the group's first that holds
		{map[string]bool{"c": true, "e": true}, "w", "e", "c e"}, // c gives nothing
		{map[string]bool{}, "", "", ""},                          // none holds
	} {
		var tried []string
		n := 0
		out, rule := Walk(table, &st{c.when}, &n, func(name string, _ []string) { tried = append(tried, name) })
		if strings.Join(out, ",") != c.want || rule != c.rule || strings.Join(tried, " ") != c.tried || n != len(tried) {
			t.Errorf("when %v: got %v by %q after %v (%d reads), want %s by %q after %s", c.when, out, rule, tried, n, c.want, c.rule, c.tried)
		}
	}
	if out, rule := Walk(table, &st{all}, new(int), nil); rule != "d" || len(out) != 2 {
		t.Errorf("with no tried func: got %v by %q", out, rule)
	}
}

func TestReadWordClassesErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"word\tclass\n", `x.tsv:1: header "word\tclass"`},
		{"# c\nclass\tword\nstopper\n", `x.tsv:3: "stopper" is no class<TAB>word line`},
		{"class\tword\nstopper\t suspend\n", `x.tsv:2:`},
		{"class\tword\n\tsuspend\n", `x.tsv:2:`},
	} {
		_, err := ReadWordClasses("x.tsv", c.text)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got error %v, want one with %q", c.text, err, c.want)
		}
	}
	got, err := ReadWordClasses("x.tsv", "# c\n\nclass\tword\nstopper\tsuspend\nstopper\thalt\n")
	if err != nil || len(got) != 1 || !got["stopper"]["suspend"] || !got["stopper"]["halt"] {
		t.Errorf("got %v, %v", got, err)
	}
}
