package relation

import (
	"strconv"
	"strings"
)

// The attributes every tabular or key-value encoder (GraphML, GEXF, Neo4j
// CSV, CSV) writes for an edge. An edge may rest on many pieces of evidence
// while these formats hold one value a cell, so they carry the count of
// pieces and the first piece in the order of [Graph.Edges]: its document,
// span, cue and sentence. The JSON encoder keeps them all.

// edgeLabel returns the label a reader sees on an edge: its type, with "not"
// before a negated one and the modality after one that is not asserted, as in
// "not MEET" or "ACCUSE (alleged)".
func edgeLabel(e Edge) string {
	label := string(e.Type)
	if e.Negated {
		label = "not " + label
	}
	if e.Modality != Asserted {
		label += " (" + string(e.Modality) + ")"
	}
	return label
}

// firstEvidence returns the first piece of evidence of e, and whether it has
// any.
func firstEvidence(e Edge) (Evidence, bool) {
	if len(e.Evidence) == 0 {
		return Evidence{}, false
	}
	return e.Evidence[0], true
}

// formatFloat writes f in the shortest form that reads back to f.
func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// attr is one attribute of a node or an edge for the key-value encoders
// (GraphML, GEXF): its key, its value, and whether it is written when
// empty.
type attr struct {
	key, value string
	always     bool
}

// nodeAttrs returns the attributes of n, in the order they are written.
func nodeAttrs(n Node) []attr {
	return []attr{
		{"name", n.Name, false},
		{"type", string(n.Type), false},
		{"code", n.Code, false},
		{"country", n.Country, false},
		{"title", n.Title, false},
		{"mentions", strconv.Itoa(n.Mentions), true},
		{"aliases", strings.Join(n.Aliases, aliasSeparator), false},
	}
}

// edgeAttrs returns the attributes of e, in the order they are written:
// its type and modality, then its first piece of evidence if it has one.
func edgeAttrs(e Edge) []attr {
	as := []attr{
		{"type", string(e.Type), false},
		{"plover", plover(e), false},
		{"symmetric", strconv.FormatBool(e.Type.Symmetric()), true},
		{"negated", strconv.FormatBool(e.Negated), true},
		{"modality", string(e.Modality), false},
		{"count", strconv.Itoa(e.Count), true},
		{"confidence", formatFloat(e.Confidence), true},
	}
	if ev, ok := firstEvidence(e); ok {
		as = append(as,
			attr{"doc", ev.Doc, false},
			attr{"start", strconv.Itoa(ev.Start), true},
			attr{"end", strconv.Itoa(ev.End), true},
			attr{"cue", ev.Cue, false},
			attr{"evidence", ev.Text, false})
	}
	return as
}
