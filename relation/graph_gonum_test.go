package relation

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/testgraph"

	"github.com/newsgraph/newsgraph/entity"
)

// multigraphBuilder is a testgraph.Builder: it builds a Graph from gonum's
// test cases, naming node n "n/<sortable n>" and typing line l "T<l>", and
// freezes it keeping the test cases' int64 node IDs.
func multigraphBuilder(nodes []graph.Node, edges []testgraph.WeightedLine, _, _ float64) (graph.Graph, []graph.Node, []testgraph.Edge, float64, float64, bool) {
	g := NewGraph()
	ids := make(map[string]int64)
	name := func(n graph.Node) string {
		s := fmt.Sprintf("n/%020d", uint64(n.ID())^(1<<63)) // sorts as the int64 does
		ids[s] = n.ID()
		return s
	}
	for _, n := range nodes {
		if err := g.AddEntity(entity.Entity{ID: name(n)}, 1); err != nil {
			panic(err)
		}
	}
	for _, e := range edges {
		if e.From().ID() == e.To().ID() {
			return nil, nil, nil, 0, 0, false // a Graph has no self-loops
		}
		src, tgt := name(e.From()), name(e.To())
		for _, id := range []string{src, tgt} {
			if err := g.AddEntity(entity.Entity{ID: id}, 1); err != nil {
				panic(err)
			}
		}
		if err := g.AddRelation(Relation{Source: src, Target: tgt, Type: Type(fmt.Sprintf("T%d", e.ID()))}); err != nil {
			panic(err)
		}
	}
	m := newMultigraph(g.Entities(), g.Edges(), func(_ int, n Node) int64 { return ids[n.ID] })
	var ns []graph.Node
	for _, v := range m.nodes {
		ns = append(ns, v)
	}
	var ls []testgraph.Edge
	for _, v := range m.nodes {
		for _, to := range m.nodes {
			for _, l := range m.from[v.id][to.id] {
				ls = append(ls, l)
			}
		}
	}
	return m, ns, ls, 0, 0, true
}

// TestMultigraphConformance runs gonum's conformance suite on Multigraph.
func TestMultigraphConformance(t *testing.T) {
	const useEmpty, reversed = true, true
	t.Run("EdgeExistence", func(t *testing.T) { testgraph.EdgeExistence(t, multigraphBuilder, reversed) })
	t.Run("LineExistence", func(t *testing.T) { testgraph.LineExistence(t, multigraphBuilder, useEmpty, reversed) })
	t.Run("NodeExistence", func(t *testing.T) { testgraph.NodeExistence(t, multigraphBuilder) })
	t.Run("ReturnAdjacentNodes", func(t *testing.T) {
		testgraph.ReturnAdjacentNodes(t, multigraphBuilder, useEmpty, reversed)
	})
	t.Run("ReturnAllLines", func(t *testing.T) { testgraph.ReturnAllLines(t, multigraphBuilder, useEmpty) })
	t.Run("ReturnAllNodes", func(t *testing.T) { testgraph.ReturnAllNodes(t, multigraphBuilder, useEmpty) })
	t.Run("ReturnNodeSlice", func(t *testing.T) { testgraph.ReturnNodeSlice(t, multigraphBuilder, useEmpty) })
}

// gonumLine is what a test reads from a line of a Multigraph.
type gonumLine struct {
	ID, From, To int64
	Attrs        []encoding.Attribute
}

func TestMultigraph(t *testing.T) {
	m := sampleGraph(t).Multigraph()

	// Vertices are numbered in sorted entity-ID order.
	var got []string
	for it := m.Nodes(); it.Next(); {
		v := it.Node().(*Vertex)
		got = append(got, fmt.Sprintf("%d %s", v.ID(), v.DOTID()))
	}
	want := []string{"0 country/chn", "1 country/rus", "2 person/emmanuel-macron",
		"3 person/ursula-von-der-leyen", "4 person/xi-jinping"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Nodes() (-want +got):\n%s", d)
	}

	lines := func(u, v int64) []gonumLine {
		var out []gonumLine
		for it := m.Lines(u, v); it.Next(); {
			l := it.Line().(*Line)
			out = append(out, gonumLine{l.ID(), l.From().ID(), l.To().ID(), l.Attributes()})
		}
		return out
	}
	tests := []struct {
		name string
		u, v int64
		want []gonumLine
	}{{
		name: "a symmetric and an asymmetric type between the same ends: two lines",
		u:    2, v: 4,
		want: []gonumLine{
			{0, 2, 4, []encoding.Attribute{{Key: "label", Value: "MEET"}, {Key: "dir", Value: "none"}}},
			{1, 2, 4, []encoding.Attribute{{Key: "label", Value: "URGE"}}},
		},
	}, {
		name: "a symmetric type is one line from the smaller ID",
		u:    4, v: 2,
	}, {
		name: "negated: dashed",
		u:    3, v: 4,
		want: []gonumLine{{2, 3, 4, []encoding.Attribute{{Key: "label", Value: "MEET"},
			{Key: "style", Value: "dashed"}, {Key: "dir", Value: "none"}}}},
	}, {
		name: "requested: dotted",
		u:    4, v: 1,
		want: []gonumLine{{3, 4, 1, []encoding.Attribute{{Key: "label", Value: "SANCTION"}, {Key: "style", Value: "dotted"}}}},
	}, {
		name: "no line",
		u:    0, v: 1,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, lines(tt.u, tt.v)); d != "" {
				t.Errorf("Lines(%d, %d) (-want +got):\n%s", tt.u, tt.v, d)
			}
			if got := m.HasEdgeFromTo(tt.u, tt.v); got != (len(tt.want) > 0) {
				t.Errorf("HasEdgeFromTo(%d, %d) = %v", tt.u, tt.v, got)
			}
		})
	}

	if v := m.Vertex(xi.ID); v == nil || v.ID() != 4 {
		t.Errorf("Vertex(%q) = %v, want ID 4", xi.ID, v)
	} else if d := cmp.Diff(Node{Entity: xi, Mentions: 4}, v.Node()); d != "" {
		t.Errorf("Vertex(%q).Node() (-want +got):\n%s", xi.ID, d)
	}
	if v := m.Vertex("person/nobody"); v != nil {
		t.Errorf("Vertex(%q) = %v, want nil", "person/nobody", v)
	}
	if n := m.Node(99); n != nil {
		t.Errorf("Node(99) = %v, want nil", n)
	}
	if d := cmp.Diff([]encoding.Attribute{{Key: "label", Value: "China"}, {Key: "shape", Value: "box"}},
		m.Vertex(china.ID).Attributes()); d != "" {
		t.Errorf("Attributes() of China (-want +got):\n%s", d)
	}

	// A line's edge is the graph's, even reversed.
	l := m.Lines(2, 4)
	l.Next()
	r := l.Line().ReversedLine().(*Line)
	if r.From().ID() != 4 || r.To().ID() != 2 || r.ID() != 0 || r.Edge().Source != macron.ID {
		t.Errorf("ReversedLine() = %d→%d #%d with edge %s→%s", r.From().ID(), r.To().ID(), r.ID(), r.Edge().Source, r.Edge().Target)
	}

	// Later changes to the graph do not show in a frozen view.
	g := sampleGraph(t)
	frozen := g.Multigraph()
	if err := g.AddEntity(entity.Entity{ID: "person/new"}, 1); err != nil {
		t.Fatal(err)
	}
	if n := frozen.Nodes().Len(); n != 5 {
		t.Errorf("frozen view has %d nodes after the graph grew, want 5", n)
	}
}

func TestMultigraphEmpty(t *testing.T) {
	m := NewGraph().Multigraph()
	if m.Nodes() != graph.Empty || m.From(0) != graph.Empty || m.To(0) != graph.Empty || m.Lines(0, 1) != graph.Empty {
		t.Errorf("an empty graph's iterators are not graph.Empty")
	}
	if m.Edge(0, 1) != nil {
		t.Errorf("Edge(0, 1) on an empty graph = %v, want nil", m.Edge(0, 1))
	}
}
