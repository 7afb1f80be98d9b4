package relation

import "strconv"

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
