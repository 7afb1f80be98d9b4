package relation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/entity"
)

// The JSON form of a graph, in the contract of the design document. Field
// order is output order; optional fields are omitted when empty.
type (
	jsonGraph struct {
		Entities  []jsonEntity   `json:"entities"`
		Relations []jsonRelation `json:"relations"`
	}
	jsonEntity struct {
		ID       string   `json:"id"`
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Aliases  []string `json:"aliases"`
		Mentions int      `json:"mentions"`
		Code     string   `json:"code,omitempty"`
		Country  string   `json:"country,omitempty"`
		Title    string   `json:"title,omitempty"`
		AsOf     string   `json:"as_of,omitempty"`
	}
	jsonRelation struct {
		Source     string         `json:"source"`
		Target     string         `json:"target"`
		Type       string         `json:"type"`
		PLOVER     string         `json:"plover,omitempty"`
		Symmetric  bool           `json:"symmetric,omitempty"`
		Negated    bool           `json:"negated,omitempty"`
		Modality   string         `json:"modality,omitempty"`
		Count      int            `json:"count"`
		Confidence float64        `json:"confidence,omitempty"`
		Evidence   []jsonEvidence `json:"evidence"`
	}
	jsonEvidence struct {
		Doc   string `json:"doc"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
		Cue   string `json:"cue"`
		Rule  string `json:"rule,omitempty"`
	}
)

// WriteJSON writes g as one JSON object, one entity or relation a line:
//
//	{"entities": [{"id", "name", "type", "aliases", "mentions", "code"?, "country"?, "title"?, "as_of"?}],
//	 "relations": [{"source", "target", "type", "plover"?, "symmetric"?, "negated"?, "modality"?,
//	                "count", "confidence"?, "evidence": [{"doc", "start", "end", "text", "cue", "rule"?}]}]}
//
// Fields marked ? are omitted when empty or false. "as_of" says, for a
// person with dated offices, the day their code, country and title were
// resolved for (the document's date) or "latest" (see [entity.Entity.AsOf]). "rule" is the
// evidence's [Evidence.Rule]. "plover" is the PLOVER
// event type the relation stands for, from [Type.PLOVERFor] with its
// modality, and omitted for a negated relation, which is no event.
// Entities come in the order of [Graph.Entities] and relations in that of
// [Graph.Edges], so the same graph always gives the same bytes. [ReadJSON]
// reads it back.
func (g *Graph) WriteJSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteString("{\n  \"entities\": [")
	for i, n := range g.Entities() {
		buf.WriteString(sep(i))
		if err := enc.Encode(jsonEntity{
			ID: n.ID, Name: n.Name, Type: string(n.Type), Aliases: append([]string{}, n.Aliases...),
			Mentions: n.Mentions, Code: n.Code, Country: n.Country, Title: n.Title, AsOf: n.AsOf,
		}); err != nil {
			return fmt.Errorf("relation: writing graph JSON: entity %q: %w", n.ID, err)
		}
		buf.Truncate(buf.Len() - 1) // the newline Encode adds
	}
	buf.WriteString(end(len(g.nodes)) + ",\n  \"relations\": [")
	for i, e := range g.Edges() {
		buf.WriteString(sep(i))
		r := jsonRelation{
			Source: e.Source, Target: e.Target, Type: string(e.Type),
			PLOVER: plover(e), Symmetric: e.Type.Symmetric(),
			Negated: e.Negated, Modality: string(e.Modality),
			Count: e.Count, Confidence: e.Confidence,
			Evidence: make([]jsonEvidence, len(e.Evidence)),
		}
		for i, ev := range e.Evidence {
			r.Evidence[i] = jsonEvidence(ev)
		}
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("relation: writing graph JSON: %s -%s-> %s: %w", e.Source, e.Type, e.Target, err)
		}
		buf.Truncate(buf.Len() - 1)
	}
	buf.WriteString(end(len(g.edges)) + "\n}\n")
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("relation: writing graph JSON: %w", err)
	}
	return nil
}

// sep returns what goes before the i-th item of a JSON list written one item
// a line.
func sep(i int) string {
	if i == 0 {
		return "\n    "
	}
	return ",\n    "
}

// end returns what closes a JSON list of n items written one item a line.
func end(n int) string {
	if n == 0 {
		return "]"
	}
	return "\n  ]"
}

// plover returns the PLOVER event type of e: none when it is negated, and
// otherwise the one for its modality (what someone is urged to do has not
// happened).
func plover(e Edge) string {
	if e.Negated {
		return ""
	}
	return e.Type.PLOVERFor(e.Modality)
}

// ReadJSON reads a graph in the form [Graph.WriteJSON] writes. Unknown fields
// are ignored, and so are "plover" and "symmetric", which follow from the
// type. A relation's "count", when present, must equal its number of distinct
// pieces of evidence (1 when it has none).
//
// When the input is not one JSON object of that form, ReadJSON returns a nil
// graph and an error. When only some entities or relations are bad (no ID,
// a duplicate, an unknown entity, a self-loop, a bad span, ...), it returns
// the graph of the good ones and an error that names each bad one by its
// position, such as relations[3].
func ReadJSON(r io.Reader) (*Graph, error) {
	var in jsonGraph
	dec := json.NewDecoder(r)
	if err := dec.Decode(&in); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("relation: graph JSON: byte %d: %w", syn.Offset, err)
		}
		return nil, fmt.Errorf("relation: graph JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("relation: graph JSON: data after the graph object at byte %d", dec.InputOffset())
	}
	g := NewGraph()
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("relation: graph JSON: "+format, args...))
	}
	for i, e := range in.Entities {
		if _, dup := g.nodes[e.ID]; dup {
			bad("entities[%d]: duplicate id %q", i, e.ID)
			continue
		}
		err := g.AddEntity(entity.Entity{
			ID: e.ID, Name: e.Name, Type: entity.Type(e.Type), Aliases: e.Aliases,
			Code: e.Code, Country: e.Country, Title: e.Title, AsOf: e.AsOf,
		}, e.Mentions)
		if err != nil {
			bad("entities[%d]: %w", i, err)
		}
	}
	for i, jr := range in.Relations {
		r := Relation{
			Source: jr.Source, Target: jr.Target, Type: Type(jr.Type),
			Negated: jr.Negated, Modality: Modality(jr.Modality), Confidence: jr.Confidence,
		}
		if _, dup := g.edges[keyOf(r)]; dup {
			bad("relations[%d]: duplicate relation %s -%s-> %s", i, r.Source, r.Type, r.Target)
			continue
		}
		if err := g.readRelation(r, jr); err != nil {
			bad("relations[%d]: %w", i, err)
		}
	}
	return g, errors.Join(errs...)
}

// readRelation adds r with each piece of evidence of jr, or nothing when one
// of them is bad or the count is wrong.
func (g *Graph) readRelation(r Relation, jr jsonRelation) error {
	distinct := make(map[evidenceKey]bool)
	for j, ev := range jr.Evidence {
		r.Evidence = Evidence(ev)
		if err := g.check(r); err != nil {
			return fmt.Errorf("evidence[%d]: %w", j, err)
		}
		if ev == (jsonEvidence{}) {
			continue // no evidence, as WriteJSON never writes
		}
		distinct[evidenceKey{doc: ev.Doc, start: ev.Start, end: ev.End, cue: ev.Cue}] = true
	}
	r.Evidence = Evidence{}
	if err := g.check(r); err != nil {
		return err
	}
	if n := max(1, len(distinct)); jr.Count != 0 && jr.Count != n {
		return fmt.Errorf("count %d but %d distinct pieces of evidence", jr.Count, n)
	}
	g.addRelation(r)
	e := g.edges[keyOf(r)]
	for _, ev := range jr.Evidence {
		e.addEvidence(Evidence(ev))
	}
	return nil
}
