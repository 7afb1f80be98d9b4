package relation

import (
	"fmt"
	"io"

	"gonum.org/v1/gonum/graph/encoding/dot"
)

// WriteDOT writes g as a Graphviz DOT digraph through gonum's DOT encoder.
// Nodes are named by entity ID and labelled with the entity's name, with a
// shape for each entity type; each edge is labelled with its relation type,
// dashed when negated, dotted when not asserted, and drawn without an
// arrowhead when its type is symmetric. Nodes and edges are sorted by ID, so
// the same graph always gives the same bytes. See [Line.Attributes] and
// [Vertex.Attributes].
func (g *Graph) WriteDOT(w io.Writer) error {
	b, err := dot.MarshalMulti(g.Multigraph(), "", "", "  ")
	if err != nil {
		return fmt.Errorf("relation: writing graph DOT: %w", err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("relation: writing graph DOT: %w", err)
	}
	return nil
}
