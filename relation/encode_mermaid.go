package relation

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/entity"
)

// WriteMermaid writes g as a Mermaid flowchart, for Markdown pages that
// render Mermaid. Nodes are named n0, n1, ... in sorted entity-ID order (the
// int64 IDs of [Graph.Multigraph]) and labelled with the entity's name, with
// a shape for each entity type: a stadium for a person, a rectangle for a
// country, a hexagon for an organisation, a circle for a place. Each edge is
// labelled with its relation type, "not" before a negated one and the
// modality after one that is not asserted, drawn dotted in both of those
// cases and without an arrowhead when its type is symmetric. The same graph
// always gives the same bytes.
func (g *Graph) WriteMermaid(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString("flowchart LR\n")
	nodes := g.Entities()
	index := make(map[string]int, len(nodes))
	for i, n := range nodes {
		index[n.ID] = i
		label := n.Name
		if label == "" {
			label = n.ID
		}
		opening, closing := mermaidShape(n.Type)
		fmt.Fprintf(&b, "  n%d%s\"%s\"%s\n", i, opening, mermaidEscape(label), closing)
	}
	for _, e := range g.Edges() {
		label := edgeLabel(e)
		link := "-->"
		switch dotted := e.Negated || e.Modality != Asserted; {
		case dotted && e.Type.Symmetric():
			link = "-.-"
		case dotted:
			link = "-.->"
		case e.Type.Symmetric():
			link = "---"
		}
		fmt.Fprintf(&b, "  n%d %s|\"%s\"| n%d\n", index[e.Source], link, mermaidEscape(label), index[e.Target])
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("relation: writing graph Mermaid: %w", err)
	}
	return nil
}

// mermaidShape returns the brackets of a Mermaid node of entity type t.
func mermaidShape(t entity.Type) (opening, closing string) {
	switch t {
	case entity.Person:
		return "([", "])"
	case entity.Organization:
		return "{{", "}}"
	case entity.Location:
		return "((", "))"
	}
	return "[", "]"
}

// mermaidEscaper turns the characters Mermaid or HTML would read as syntax
// into numeric entity codes, and line breaks into spaces. A Replacer is safe
// for concurrent use.
var mermaidEscaper = strings.NewReplacer(
	"#", "#35;", `"`, "#34;", "<", "#60;", ">", "#62;", "&", "#38;",
	"\r\n", " ", "\n", " ", "\r", " ",
)

// mermaidEscape makes s safe inside a quoted Mermaid label.
func mermaidEscape(s string) string { return mermaidEscaper.Replace(s) }
