package relation

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
)

// extractFile runs the default extractor over a file and returns the
// document's graph, checking that every offset slices the text it claims.
func extractFile(t *testing.T, path string) *Graph {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	id := filepath.Base(path)
	doc := &corpus.Document{ID: id, Text: string(raw)}
	res, err := ex.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range res.Mentions {
		if doc.Text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q at %d:%d slices %q", m.Text, m.Start, m.End, doc.Text[m.Start:m.End])
		}
	}
	for _, r := range res.Relations {
		ev := r.Evidence
		if doc.Text[ev.Start:ev.End] != ev.Text {
			t.Errorf("evidence of %s %s %s at %d:%d does not slice its text", r.Source, r.Type, r.Target, ev.Start, ev.End)
		}
	}
	g, err := res.Graph()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestArticleGraph pins the whole graph of the bundled seed article, as
// reviewed by hand: go test ./relation -run ArticleGraph -update rewrites
// it after a deliberate change, and the diff is then reviewed like code.
func TestArticleGraph(t *testing.T) {
	g := extractFile(t, "../corpus/testdata/article.txt")
	var b bytes.Buffer
	if err := g.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "article.golden.json", b.Bytes())

	// The paragraphs repeated verbatim add evidence, never an edge: no two
	// edges join the same pair with the same type.
	seen := map[[3]string]bool{}
	for _, e := range g.Edges() {
		k := [3]string{e.Source, string(e.Type), e.Target}
		if seen[k] {
			t.Errorf("duplicate edge %v", k)
		}
		seen[k] = true
	}
}

// expectedGraph is the hand-written expectation of a test article: the
// entities and the edges, without evidence.
type expectedGraph struct {
	Entities []expectedEntity `json:"entities"`
	Edges    []expectedEdge   `json:"relations"`
}

type expectedEntity struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Code string `json:"code,omitempty"`
}

type expectedEdge struct {
	Source   string   `json:"source"`
	Type     Type     `json:"type"`
	Target   string   `json:"target"`
	Negated  bool     `json:"negated,omitempty"`
	Modality Modality `json:"modality,omitempty"`
}

// TestArticleExpectations checks articles written for these tests about
// other leaders, countries and organisations (an ASEAN summit; mediation
// and sanctions in the Middle East and Africa) against the graph a careful
// reader expects (testdata/NAME.expected.json, written and checked by hand;
// each file lists what is known to be missed).
func TestArticleExpectations(t *testing.T) {
	for _, name := range []string{"summit", "mideast"} {
		t.Run(name, func(t *testing.T) {
			g := extractFile(t, "testdata/"+name+".txt")
			raw, err := os.ReadFile("testdata/" + name + ".expected.json")
			if err != nil {
				t.Fatal(err)
			}
			var want expectedGraph
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			var got expectedGraph
			for _, n := range g.Entities() {
				got.Entities = append(got.Entities, expectedEntity{n.ID, string(n.Type), n.Code})
			}
			for _, e := range g.Edges() {
				got.Edges = append(got.Edges, expectedEdge{e.Source, e.Type, e.Target, e.Negated, e.Modality})
			}
			if d := cmp.Diff(want.Entities, got.Entities); d != "" {
				t.Errorf("%s entities (-want +got):\n%s", name, d)
			}
			if d := cmp.Diff(want.Edges, got.Edges); d != "" {
				t.Errorf("%s relations (-want +got):\n%s", name, d)
			}
		})
	}
}
