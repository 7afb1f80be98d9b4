package relation

// WithoutIsolated returns a copy of g without the nodes that have no edge,
// for a picture of who did what to whom without the entities that are only
// mentioned. The copy shares nothing with g.
func (g *Graph) WithoutIsolated() *Graph {
	out := NewGraph()
	linked := make(map[string]bool)
	for k := range g.edges {
		linked[k.source] = true
		linked[k.target] = true
	}
	for _, n := range g.Entities() {
		if linked[n.ID] {
			out.addEntity(n.Entity, n.Mentions)
		}
	}
	for _, e := range g.Edges() {
		r := Relation{Source: e.Source, Target: e.Target, Type: e.Type,
			Negated: e.Negated, Modality: e.Modality, Confidence: e.Confidence}
		out.addRelation(r)
		d := out.edges[keyOf(r)]
		for _, ev := range e.Evidence {
			d.addEvidence(ev)
		}
	}
	return out
}
