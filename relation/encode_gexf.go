package relation

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"gonum.org/v1/gonum/graph/formats/gexf12"
)

// gexfNodeAttrs and gexfEdgeAttrs are the GEXF attributes of nodes and
// edges; their IDs are their titles.
var (
	gexfNodeAttrs = []gexf12.Attribute{
		{ID: "name", Title: "name", Type: "string"},
		{ID: "type", Title: "type", Type: "string"},
		{ID: "code", Title: "code", Type: "string"},
		{ID: "country", Title: "country", Type: "string"},
		{ID: "title", Title: "title", Type: "string"},
		{ID: "mentions", Title: "mentions", Type: "integer"},
		{ID: "aliases", Title: "aliases", Type: "liststring"},
	}
	gexfEdgeAttrs = []gexf12.Attribute{
		{ID: "type", Title: "type", Type: "string"},
		{ID: "plover", Title: "plover", Type: "string"},
		{ID: "symmetric", Title: "symmetric", Type: "boolean"},
		{ID: "negated", Title: "negated", Type: "boolean"},
		{ID: "modality", Title: "modality", Type: "string"},
		{ID: "count", Title: "count", Type: "integer"},
		{ID: "confidence", Title: "confidence", Type: "double"},
		{ID: "doc", Title: "doc", Type: "string"},
		{ID: "start", Title: "start", Type: "integer"},
		{ID: "end", Title: "end", Type: "integer"},
		{ID: "cue", Title: "cue", Type: "string"},
		{ID: "evidence", Title: "evidence", Type: "string"},
	}
)

// WriteGEXF writes g as a GEXF 1.2 document (gonum's gexf12 types), for
// Gephi.
//
// Nodes have the entity ID as their id, the name (or the ID when there is
// none) as their label, and the attributes name, type, code, country, title,
// mentions (integer) and aliases (liststring, joined by "|", so an alias
// holding "|" reads back as two). Edges are
// numbered e0, e1, ... in the order of [Graph.Edges], labelled "not MEET" or
// "ACCUSE (alleged)" as in DOT, undirected when their type is symmetric,
// weighted by their count, and have the attributes type, plover, symmetric,
// negated (boolean), modality, count (integer), confidence (double), and the
// first piece of evidence: doc, start, end (integer), cue and evidence (the
// sentence). Empty string attributes are left out. No modification date is
// written, so the same graph always gives the same bytes.
func (g *Graph) WriteGEXF(w io.Writer) error {
	c := gexf12.Content{
		Version: "1.2",
		Meta:    &gexf12.Meta{Creator: "newsgraph", Description: "people, countries and organisations in the news and their relations"},
		Graph: gexf12.Graph{
			DefaultEdgeType: "directed",
			Mode:            "static",
			Attributes: []gexf12.Attributes{
				{Class: "node", Attributes: gexfNodeAttrs},
				{Class: "edge", Attributes: gexfEdgeAttrs},
			},
		},
	}
	for _, n := range g.Entities() {
		label := n.Name
		if label == "" {
			label = n.ID
		}
		var v gexfValues
		for _, a := range nodeAttrs(n) {
			v.put(a)
		}
		c.Graph.Nodes.Nodes = append(c.Graph.Nodes.Nodes,
			gexf12.Node{ID: n.ID, Label: label, AttValues: &gexf12.AttValues{AttValues: v}})
	}
	c.Graph.Nodes.Count = len(c.Graph.Nodes.Nodes)
	for i, e := range g.Edges() {
		var v gexfValues
		for _, a := range edgeAttrs(e) {
			v.put(a)
		}
		ge := gexf12.Edge{
			ID: "e" + strconv.Itoa(i), Source: e.Source, Target: e.Target, Label: edgeLabel(e),
			Weight: float64(e.Count), AttValues: &gexf12.AttValues{AttValues: v},
		}
		if e.Type.Symmetric() {
			ge.Type = "undirected"
		}
		c.Graph.Edges.Edges = append(c.Graph.Edges.Edges, ge)
	}
	c.Graph.Edges.Count = len(c.Graph.Edges.Edges)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(c); err != nil {
		return fmt.Errorf("relation: writing graph GEXF: %w", err)
	}
	b.WriteByte('\n')
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("relation: writing graph GEXF: %w", err)
	}
	return nil
}

// gexfValues collects the attribute values of a node or an edge.
type gexfValues []gexf12.AttValue

// set adds the value of the attribute id.
func (v *gexfValues) set(id, value string) { *v = append(*v, gexf12.AttValue{For: id, Value: value}) }

// put adds the value of attribute a, unless it is empty and need not be
// written.
func (v *gexfValues) put(a attr) {
	if a.always {
		v.set(a.key, a.value)
	} else {
		v.add(a.key, a.value)
	}
}

// add adds the value of the attribute id unless it is empty.
func (v *gexfValues) add(id, value string) {
	if value != "" {
		v.set(id, value)
	}
}
