package relation

import (
	"fmt"
	"io"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/iterator"
)

// WriteDOT writes g as a Graphviz DOT digraph through gonum's DOT encoder.
// Nodes are named by entity ID and labelled with the entity's name, with a
// shape for each entity type (see [Vertex.Attributes]). Each edge is labelled
// with its relation type, "not" before a negated one and the modality after
// one that is not asserted ("not MEET", "ACCUSE (alleged)"); it is drawn
// dashed when negated, dotted when not asserted, and without an arrowhead
// when its type is symmetric. Nodes and edges are sorted by ID, so the same
// graph always gives the same bytes.
func (g *Graph) WriteDOT(w io.Writer) error {
	b, err := dot.MarshalMulti(dotView{g.Multigraph()}, "", "", "  ")
	if err != nil {
		return fmt.Errorf("relation: writing graph DOT: %w", err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("relation: writing graph DOT: %w", err)
	}
	return nil
}

// dotView is a Multigraph whose lines carry the DOT attributes of
// [dotAttributes] in place of those of [Line.Attributes].
type dotView struct{ *Multigraph }

// Lines returns the lines from u to v with their DOT attributes.
func (m dotView) Lines(u, v int64) graph.Lines {
	ls := m.from[u][v]
	if len(ls) == 0 {
		return graph.Empty
	}
	out := make([]graph.Line, len(ls))
	for i, l := range ls {
		out[i] = dotViewLine{l}
	}
	return iterator.NewOrderedLines(out)
}

// dotViewLine is a line with the DOT attributes of its edge.
type dotViewLine struct{ *Line }

// Attributes returns the DOT attributes of l (see [dotAttributes]).
func (l dotViewLine) Attributes() []encoding.Attribute { return dotAttributes(*l.edge) }

// dotAttributes returns the DOT attributes of e: its label (see [edgeLabel]),
// a dashed line when it is negated, a dotted one when its modality is not
// asserted, and no arrowhead when its type is symmetric.
func dotAttributes(e Edge) []encoding.Attribute {
	attrs := []encoding.Attribute{{Key: "label", Value: edgeLabel(e)}}
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
