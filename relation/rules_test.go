package relation

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/relation/internal/frame"
)

// readCase reads the relations of case c with its own parse, through
// readDocument, the seam where the Extractor gives the parser's.
func readCase(c *frame.Case, lex *Lexicon, gaz *entity.Gazetteer) ([]string, error) {
	res, err := readDocument(context.Background(), c.Doc, c.Result, lex, gaz, nil, func(s *sentState) error {
		s.setTree(c.Tree)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, r := range res.Relations {
		line := fmt.Sprintf("%s %s %s %s", r.Source, r.Type, r.Target, r.Evidence.Rule)
		if r.Negated {
			line += " negated"
		}
		if r.Modality != Asserted {
			line += " modality=" + string(r.Modality)
		}
		out = append(out, line)
	}
	return out, nil
}

// TestRules reads every case of testdata/rules with its own parse and
// checks the relations and the rules that read them; and that every rule
// of the actor and target tables has a case whose relation it reads.
func TestRules(t *testing.T) {
	gaz, err := entity.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("testdata/rules/*.conllu")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/rules/*.conllu: %v", err)
	}
	positive, negative := map[string]int{}, map[string]int{}
	cases := 0
	for _, f := range files {
		cs, err := frame.ReadCases(f, gaz)
		if err != nil {
			t.Error(err)
			continue
		}
		for _, c := range cs {
			cases++
			got, err := readCase(&c, lex, gaz)
			if err != nil {
				t.Errorf("%s: %v", c.Where, err)
				continue
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(c.Expect))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s (%s): %q: relations (-want +got):\n%s", c.Where, c.ID, c.Doc.Text, diff)
			}
			for _, e := range c.Expect {
				f := strings.Fields(e)
				if len(f) < 4 {
					t.Errorf("%s: # expect = %q: want SOURCE TYPE TARGET RULE", c.Where, e)
					continue
				}
				for _, part := range strings.Split(f[3], ";") {
					if _, name, ok := strings.Cut(part, "="); ok {
						positive[name]++
					}
				}
			}
			for _, n := range c.Negative {
				negative[n]++
				for _, e := range c.Expect {
					if strings.Contains(e, "="+n+";") || strings.HasSuffix(strings.Fields(e)[3], "="+n) {
						t.Errorf("%s: a negative case of %s whose relation %q it reads", c.Where, n, e)
					}
				}
			}
		}
	}
	for _, table := range [][]rule{actorRules, targetRules} {
		for _, r := range table {
			if positive[r.Name] == 0 {
				t.Errorf("rule %s has no case in testdata/rules (a relation whose Rule names it)", r.Name)
			}
		}
	}
	for n := range negative {
		if !slices.ContainsFunc(append(slices.Clone(actorRules), targetRules...), func(r rule) bool { return r.Name == n }) {
			t.Errorf("a negative case of %q, which is no rule", n)
		}
	}
	t.Logf("%d cases; %d rules", cases, len(actorRules)+len(targetRules))
}
