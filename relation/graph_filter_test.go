package relation

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/entity"
)

func TestWithoutIsolated(t *testing.T) {
	lonely := entity.Entity{ID: "person/nobody", Name: "Nobody", Type: entity.Person}
	g := build(t, append(sampleEntities(), mentioned{lonely, 5}), sampleRelations())
	got := g.WithoutIsolated()

	var wantNodes []Node
	for _, n := range g.Entities() {
		if n.ID != lonely.ID && n.ID != china.ID { // China is mentioned but in no relation
			wantNodes = append(wantNodes, n)
		}
	}
	if d := cmp.Diff(wantNodes, got.Entities()); d != "" {
		t.Errorf("WithoutIsolated().Entities() (-want +got):\n%s", d)
	}
	if d := cmp.Diff(g.Edges(), got.Edges()); d != "" {
		t.Errorf("WithoutIsolated().Edges() (-want +got):\n%s", d)
	}

	// The copy is independent of g.
	if err := got.AddEntity(lonely, 1); err != nil {
		t.Fatal(err)
	}
	if n, _ := g.Entity(lonely.ID); n.Mentions != 5 {
		t.Errorf("changing the copy changed g: %s has %d mentions, want 5", lonely.ID, n.Mentions)
	}
	if n := len(NewGraph().WithoutIsolated().Entities()); n != 0 {
		t.Errorf("empty graph: %d nodes", n)
	}
}
