package relation

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/entity"
)

// Graph is a typed multigraph of canonical entities and the relations
// between them, with the evidence for each relation.
//
// # Nodes and edges
//
// A node is an [entity.Entity], keyed by its ID, with the number of times it
// is mentioned. Adding the same entity again sums the mentions, merges the
// aliases and fills in what one side lacks (name, type, code, country,
// title); when both sides know a value and disagree, the smaller string wins
// and a losing name becomes an alias, so the result never depends on the
// order of the calls.
//
// An edge is a relation between two nodes, keyed by (source, target, type,
// negated, modality): "did not meet" and "met" are two edges, and so are an
// alleged attack and an attack. The ends of a symmetric type
// ([Type.Symmetric], such as MEET) are stored in sorted ID order, so that
// "A met B" and "B met A" are one edge.
//
// # Evidence and counts
//
// Each edge keeps a set of [Evidence], one piece for each stretch of text
// that supports it, identified by (doc, start, end, cue). Adding the same
// evidence twice stores it once, so processing a document twice does not
// inflate the graph, while the same relation stated in two sentences (or in
// two verbatim copies of a paragraph, at different offsets) gives two pieces
// of evidence. An edge's Count is the number of its distinct pieces of
// evidence, and 1 for an edge added without any.
//
// # Merging
//
// The graph of a corpus is the [Graph.Merge] of the graphs of its documents:
// merging sums mentions and unites evidence, and is independent of the order
// of the graphs merged. [Graph.Entities] and [Graph.Edges] return sorted
// copies, so every encoder writes the same bytes for the same graph.
//
// # Encoders
//
// [Graph.WriteJSON] writes the graph JSON of the design document and
// [ReadJSON] reads it back; [Graph.WriteDOT] writes Graphviz DOT and
// [Graph.WriteMermaid] a Mermaid flowchart. Each encoder is one WriteX method
// in a file of its own over [Graph.Entities] and [Graph.Edges], or over
// [Graph.Multigraph] for gonum's encoders, so more formats (GraphML, CSV for
// Neo4j) add methods without changing these.
//
// # Concurrency
//
// A Graph is not safe for concurrent mutation: build one graph per goroutine
// (one per document, say) and merge them. Reading methods may run
// concurrently with each other. [Graph.Multigraph] returns a frozen view safe
// for concurrent use.
type Graph struct {
	nodes map[string]*nodeData
	edges map[edgeKey]*edgeData
}

// Node is one node of a [Graph]: a canonical entity and the number of times
// it is mentioned.
type Node struct {
	entity.Entity
	Mentions int
}

// Edge is one typed relation of a [Graph] with its evidence.
type Edge struct {
	Source, Target string // entity IDs; sorted for a symmetric type
	Type           Type
	Negated        bool
	Modality       Modality
	// Count is the number of distinct pieces of evidence, at least 1.
	Count int
	// Confidence is the highest confidence of the relations that made the
	// edge.
	Confidence float64
	// Evidence is sorted by (doc, start, end, cue, text), nil when there is
	// none.
	Evidence []Evidence
}

type nodeData struct {
	e        entity.Entity // Aliases unused: see names
	names    map[string]bool
	mentions int
}

type edgeKey struct {
	source, target string
	typ            Type
	negated        bool
	modality       Modality
}

type evidenceKey struct {
	doc        string
	start, end int
	cue        string
}

type edgeData struct {
	evidence   map[evidenceKey]Evidence
	confidence float64
}

// NewGraph returns an empty graph.
func NewGraph() *Graph {
	return &Graph{
		nodes: make(map[string]*nodeData),
		edges: make(map[edgeKey]*edgeData),
	}
}

// AddEntity adds e as a node mentioned the given number of times, or merges
// it into the node with the same ID (see [Graph]). It returns an error, and
// changes nothing, when e has no ID, when a string in e is not valid UTF-8,
// or when mentions is negative.
func (g *Graph) AddEntity(e entity.Entity, mentions int) error {
	if e.ID == "" {
		return fmt.Errorf("relation: entity %q has no ID", e.Name)
	}
	if mentions < 0 {
		return fmt.Errorf("relation: entity %q: negative mention count %d", e.ID, mentions)
	}
	for _, s := range append([]string{e.ID, e.Name, string(e.Type), e.Code, e.Country, e.Title, e.AsOf}, e.Aliases...) {
		if !utf8.ValidString(s) {
			return fmt.Errorf("relation: entity %q: invalid UTF-8 in %q", e.ID, s)
		}
	}
	g.addEntity(e, mentions)
	return nil
}

func (g *Graph) addEntity(e entity.Entity, mentions int) {
	n, ok := g.nodes[e.ID]
	if !ok {
		n = &nodeData{e: entity.Entity{ID: e.ID}, names: make(map[string]bool)}
		g.nodes[e.ID] = n
	}
	n.mentions += mentions
	n.e.Name = pick(n.e.Name, e.Name)
	n.e.Type = pick(n.e.Type, e.Type)
	n.e.Code = pick(n.e.Code, e.Code)
	n.e.Country = pick(n.e.Country, e.Country)
	n.e.Title = pick(n.e.Title, e.Title)
	n.e.AsOf = pick(n.e.AsOf, e.AsOf)
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		if a != "" {
			n.names[a] = true
		}
	}
}

// pick returns the known one of a and b, or the smaller when both are known,
// so that merging is independent of order.
func pick[S ~string](a, b S) S {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return min(a, b)
}

// AddRelation adds r as an edge, or adds its evidence to the edge with the
// same key (see [Graph]). It returns an error, and changes nothing, when the
// source or the target is not a node of g, when they are the same, when the
// type is empty, when the confidence is not in [0, 1], or when the evidence
// span is invalid (negative, reversed, or of another length than its text).
func (g *Graph) AddRelation(r Relation) error {
	if err := g.check(r); err != nil {
		return fmt.Errorf("relation: %s -%s-> %s: %w", r.Source, r.Type, r.Target, err)
	}
	g.addRelation(r)
	return nil
}

func (g *Graph) check(r Relation) error {
	var errs []error
	if r.Type == "" {
		errs = append(errs, errors.New("empty relation type"))
	}
	for _, id := range []string{r.Source, r.Target} {
		if _, ok := g.nodes[id]; !ok {
			errs = append(errs, fmt.Errorf("%q is not an entity of the graph", id))
		}
	}
	if r.Source == r.Target {
		errs = append(errs, errors.New("self-loop"))
	}
	if math.IsNaN(r.Confidence) || r.Confidence < 0 || r.Confidence > 1 {
		errs = append(errs, fmt.Errorf("confidence %v is not in [0, 1]", r.Confidence))
	}
	ev := r.Evidence
	switch {
	case ev.Start < 0 || ev.End < ev.Start:
		errs = append(errs, fmt.Errorf("evidence span [%d, %d) is invalid", ev.Start, ev.End))
	case ev.Text != "" && len(ev.Text) != ev.End-ev.Start:
		errs = append(errs, fmt.Errorf("evidence text is %d bytes long but its span [%d, %d) is %d",
			len(ev.Text), ev.Start, ev.End, ev.End-ev.Start))
	}
	for _, s := range []string{string(r.Type), string(r.Modality), ev.Doc, ev.Text, ev.Cue} {
		if !utf8.ValidString(s) {
			errs = append(errs, fmt.Errorf("invalid UTF-8 in %q", s))
		}
	}
	return errors.Join(errs...)
}

func keyOf(r Relation) edgeKey {
	k := edgeKey{source: r.Source, target: r.Target, typ: r.Type, negated: r.Negated, modality: r.Modality}
	if r.Type.Symmetric() && k.target < k.source {
		k.source, k.target = k.target, k.source
	}
	return k
}

func (g *Graph) addRelation(r Relation) {
	k := keyOf(r)
	e, ok := g.edges[k]
	if !ok {
		e = &edgeData{evidence: make(map[evidenceKey]Evidence)}
		g.edges[k] = e
	}
	e.confidence = max(e.confidence, r.Confidence)
	e.addEvidence(r.Evidence)
}

func (e *edgeData) addEvidence(ev Evidence) {
	if ev == (Evidence{}) {
		return
	}
	k := evidenceKey{doc: ev.Doc, start: ev.Start, end: ev.End, cue: ev.Cue}
	if old, ok := e.evidence[k]; ok && old.Text != "" && (ev.Text == "" || old.Text < ev.Text || old.Text == ev.Text && old.Rule <= ev.Rule) {
		return // keep the known, smaller text (and rule): independent of order
	}
	e.evidence[k] = ev
}

// Merge adds every node and edge of o to g, summing mentions and uniting
// evidence. Merging a nil graph does nothing; o is not changed.
func (g *Graph) Merge(o *Graph) {
	if o == nil {
		return
	}
	for _, n := range o.Entities() { // a copy: o may be g
		g.addEntity(n.Entity, n.Mentions)
	}
	for _, oe := range o.Edges() {
		r := Relation{Source: oe.Source, Target: oe.Target, Type: oe.Type,
			Negated: oe.Negated, Modality: oe.Modality, Confidence: oe.Confidence}
		g.addRelation(r)
		e := g.edges[keyOf(r)]
		for _, ev := range oe.Evidence {
			e.addEvidence(ev)
		}
	}
}

// Entity returns the node with the given entity ID, and whether there is one.
func (g *Graph) Entity(id string) (Node, bool) {
	n, ok := g.nodes[id]
	if !ok {
		return Node{}, false
	}
	return n.node(), true
}

func (n *nodeData) node() Node {
	e := n.e
	for a := range n.names {
		if a != e.Name {
			e.Aliases = append(e.Aliases, a)
		}
	}
	slices.Sort(e.Aliases)
	return Node{Entity: e, Mentions: n.mentions}
}

// Entities returns a copy of the nodes of g sorted by entity ID. Each node's
// Aliases are sorted, never hold its Name, and are nil when there are none.
func (g *Graph) Entities() []Node {
	out := make([]Node, 0, len(g.nodes))
	for _, n := range g.nodes {
		out = append(out, n.node())
	}
	slices.SortFunc(out, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Edges returns a copy of the edges of g sorted by (source, target, type,
// negated, modality), with their evidence sorted by (doc, start, end, cue,
// text).
func (g *Graph) Edges() []Edge {
	out := make([]Edge, 0, len(g.edges))
	for k, e := range g.edges {
		var ev []Evidence
		for _, x := range e.evidence {
			ev = append(ev, x)
		}
		slices.SortFunc(ev, compareEvidence)
		out = append(out, Edge{
			Source: k.source, Target: k.target, Type: k.typ, Negated: k.negated, Modality: k.modality,
			Count: max(1, len(ev)), Confidence: e.confidence, Evidence: ev,
		})
	}
	slices.SortFunc(out, compareEdges)
	return out
}

func compareEvidence(a, b Evidence) int {
	return cmp.Or(
		strings.Compare(a.Doc, b.Doc),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.End, b.End),
		strings.Compare(a.Cue, b.Cue),
		strings.Compare(a.Text, b.Text),
	)
}

func compareEdges(a, b Edge) int {
	return cmp.Or(
		strings.Compare(a.Source, b.Source),
		strings.Compare(a.Target, b.Target),
		strings.Compare(string(a.Type), string(b.Type)),
		compareBool(a.Negated, b.Negated),
		strings.Compare(string(a.Modality), string(b.Modality)),
	)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}
