package relation

import (
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/multi"

	"github.com/newsgraph/newsgraph/entity"
)

// Multigraph is a frozen view of a [Graph] that satisfies gonum's
// [graph.DirectedMultigraph], so that gonum's algorithms and encoders work on
// it. Its nodes are [*Vertex] values and its lines [*Line] values.
//
// # IDs
//
// Entity IDs are the truth: the int64 IDs gonum needs are assigned 0, 1, 2,
// ... in sorted entity-ID order, and line IDs likewise in the order of
// [Graph.Edges]. They are only stable for a given graph.
//
// An edge of a symmetric type is one line, from the smaller entity ID to the
// larger.
//
// # Concurrency
//
// A Multigraph is immutable and safe for concurrent use. Later changes to the
// Graph it came from do not show in it. Every iterator it returns is new and
// owns its slice.
type Multigraph struct {
	nodes    []*Vertex // sorted by ID
	byID     map[int64]*Vertex
	byEntity map[string]*Vertex
	from     map[int64]map[int64][]*Line // from[u][v]: lines u→v sorted by ID
	to       map[int64]map[int64][]*Line // to[v][u]: lines u→v sorted by ID
}

var _ graph.DirectedMultigraph = (*Multigraph)(nil)

// Vertex is a node of a [Multigraph]: a [Node] with the int64 ID gonum needs.
// It implements gonum's dot.Node (its DOT ID is the entity ID) and
// [encoding.Attributer] (its label is the entity's name).
type Vertex struct {
	id   int64
	node Node
}

// Line is one edge of a [Multigraph]: an [Edge] with the int64 ID gonum
// needs. It implements [encoding.Attributer] (its label is the relation type).
type Line struct {
	id       int64
	from, to *Vertex
	edge     *Edge
}

// Multigraph returns a frozen view of g for gonum (see [Multigraph]).
func (g *Graph) Multigraph() *Multigraph {
	return newMultigraph(g.Entities(), g.Edges(), func(i int, _ Node) int64 { return int64(i) })
}

// newMultigraph builds a view of nodes (sorted by ID) and edges whose ends are
// among them, numbering nodes with id and lines by their position.
func newMultigraph(nodes []Node, edges []Edge, id func(int, Node) int64) *Multigraph {
	m := &Multigraph{
		nodes:    make([]*Vertex, len(nodes)),
		byID:     make(map[int64]*Vertex, len(nodes)),
		byEntity: make(map[string]*Vertex, len(nodes)),
		from:     make(map[int64]map[int64][]*Line),
		to:       make(map[int64]map[int64][]*Line),
	}
	for i, n := range nodes {
		v := &Vertex{id: id(i, n), node: n}
		m.nodes[i] = v
		m.byID[v.id] = v
		m.byEntity[n.ID] = v
	}
	slices.SortFunc(m.nodes, func(a, b *Vertex) int { return compareInt64(a.id, b.id) })
	for i := range edges {
		e := &edges[i]
		l := &Line{id: int64(i), from: m.byEntity[e.Source], to: m.byEntity[e.Target], edge: e}
		if l.from == nil || l.to == nil {
			continue // not built by Graph: cannot happen
		}
		add(m.from, l.from.id, l.to.id, l)
		add(m.to, l.to.id, l.from.id, l)
	}
	return m
}

func add(m map[int64]map[int64][]*Line, a, b int64, l *Line) {
	if m[a] == nil {
		m[a] = make(map[int64][]*Line)
	}
	m[a][b] = append(m[a][b], l)
}

func compareInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Vertex returns the vertex of the entity with the given ID, or nil when
// there is none.
func (m *Multigraph) Vertex(entityID string) *Vertex {
	return m.byEntity[entityID]
}

// Node returns the vertex with the given int64 ID, or nil.
func (m *Multigraph) Node(id int64) graph.Node {
	if v, ok := m.byID[id]; ok {
		return v
	}
	return nil
}

// Nodes returns all the vertices, sorted by ID.
func (m *Multigraph) Nodes() graph.Nodes {
	if len(m.nodes) == 0 {
		return graph.Empty
	}
	out := make([]graph.Node, len(m.nodes))
	for i, v := range m.nodes {
		out[i] = v
	}
	return iterator.NewOrderedNodes(out)
}

// From returns the vertices that the vertex with the given ID has lines to,
// sorted by ID.
func (m *Multigraph) From(id int64) graph.Nodes {
	return m.ends(m.from[id])
}

// To returns the vertices that have lines to the vertex with the given ID,
// sorted by ID.
func (m *Multigraph) To(id int64) graph.Nodes {
	return m.ends(m.to[id])
}

func (m *Multigraph) ends(lines map[int64][]*Line) graph.Nodes {
	if len(lines) == 0 {
		return graph.Empty
	}
	out := make([]graph.Node, 0, len(lines))
	for id := range lines {
		out = append(out, m.byID[id])
	}
	slices.SortFunc(out, func(a, b graph.Node) int { return compareInt64(a.ID(), b.ID()) })
	return iterator.NewOrderedNodes(out)
}

// Edges returns every pair of vertices joined by lines as a [multi.Edge]
// holding those lines, sorted by (from, to) ID.
func (m *Multigraph) Edges() graph.Edges {
	var out []graph.Edge
	for _, u := range m.nodes {
		for it := m.From(u.id); it.Next(); {
			out = append(out, m.Edge(u.id, it.Node().ID()))
		}
	}
	if len(out) == 0 {
		return graph.Empty
	}
	return iterator.NewOrderedEdges(out)
}

// HasEdgeBetween reports whether there is a line between the vertices with
// IDs x and y, in either direction.
func (m *Multigraph) HasEdgeBetween(x, y int64) bool {
	return m.HasEdgeFromTo(x, y) || m.HasEdgeFromTo(y, x)
}

// HasEdgeFromTo reports whether there is a line from the vertex with ID u to
// the one with ID v.
func (m *Multigraph) HasEdgeFromTo(u, v int64) bool {
	return len(m.from[u][v]) > 0
}

// Edge returns the lines from the vertex with ID u to the one with ID v as a
// [multi.Edge], or nil when there is none.
func (m *Multigraph) Edge(u, v int64) graph.Edge {
	ls := m.from[u][v]
	if len(ls) == 0 {
		return nil
	}
	return multi.Edge{F: m.byID[u], T: m.byID[v], Lines: lineIterator(ls)}
}

// Lines returns the lines from the vertex with ID u to the one with ID v,
// sorted by ID.
func (m *Multigraph) Lines(u, v int64) graph.Lines {
	ls := m.from[u][v]
	if len(ls) == 0 {
		return graph.Empty
	}
	return lineIterator(ls)
}

func lineIterator(ls []*Line) graph.Lines {
	out := make([]graph.Line, len(ls))
	for i, l := range ls {
		out[i] = l
	}
	return iterator.NewOrderedLines(out)
}

// ID returns the int64 ID of v in its [Multigraph].
func (v *Vertex) ID() int64 { return v.id }

// DOTID returns the entity ID, such as "person/xi-jinping".
func (v *Vertex) DOTID() string { return v.node.ID }

// Node returns a copy of the graph node of v.
func (v *Vertex) Node() Node {
	n := v.node
	n.Aliases = slices.Clone(n.Aliases)
	return n
}

// Attributes returns the DOT attributes of v: its name as the label, and a
// shape that tells its entity type.
func (v *Vertex) Attributes() []encoding.Attribute {
	label := v.node.Name
	if label == "" {
		label = v.node.ID
	}
	attrs := []encoding.Attribute{{Key: "label", Value: label}}
	if shape := shape(v.node.Type); shape != "" {
		attrs = append(attrs, encoding.Attribute{Key: "shape", Value: shape})
	}
	return attrs
}

// shape returns the Graphviz node shape of an entity type, or "" for the
// default.
func shape(t entity.Type) string {
	switch t {
	case entity.Country:
		return "box"
	case entity.Organization:
		return "hexagon"
	case entity.Location:
		return "octagon"
	}
	return ""
}

// ID returns the int64 ID of l in its [Multigraph].
func (l *Line) ID() int64 { return l.id }

// From returns the source vertex of l.
func (l *Line) From() graph.Node { return l.from }

// To returns the target vertex of l.
func (l *Line) To() graph.Node { return l.to }

// ReversedLine returns a copy of l with its ends swapped and the same ID and
// edge.
func (l *Line) ReversedLine() graph.Line {
	return &Line{id: l.id, from: l.to, to: l.from, edge: l.edge}
}

// Edge returns a copy of the graph edge of l. For a reversed line, its Source
// and Target are those of the graph, not swapped.
func (l *Line) Edge() Edge {
	e := *l.edge
	e.Evidence = slices.Clone(e.Evidence)
	return e
}

// Attributes returns the DOT attributes of l: the relation type as the
// label, a dashed line when it is negated, a dotted one when its modality is
// not asserted, and no arrowhead when its type is symmetric.
func (l *Line) Attributes() []encoding.Attribute {
	e := l.edge
	attrs := []encoding.Attribute{{Key: "label", Value: string(e.Type)}}
	switch {
	case e.Negated:
		attrs = append(attrs, encoding.Attribute{Key: "style", Value: "dashed"})
	case e.Modality != Asserted:
		attrs = append(attrs, encoding.Attribute{Key: "style", Value: "dotted"})
	}
	if e.Type.Symmetric() {
		attrs = append(attrs, encoding.Attribute{Key: "dir", Value: "none"})
	}
	return attrs
}
