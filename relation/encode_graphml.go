package relation

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// The GraphML form of a graph (http://graphml.graphdrawing.org/xmlns),
// written through encoding/xml.
type (
	graphmlDoc struct {
		XMLName        xml.Name     `xml:"graphml"`
		XMLNS          string       `xml:"xmlns,attr"`
		XSI            string       `xml:"xmlns:xsi,attr"`
		SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
		Keys           []graphmlKey `xml:"key"`
		Graph          graphmlGraph `xml:"graph"`
	}
	graphmlKey struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	graphmlGraph struct {
		ID          string        `xml:"id,attr"`
		EdgeDefault string        `xml:"edgedefault,attr"`
		Nodes       []graphmlNode `xml:"node"`
		Edges       []graphmlEdge `xml:"edge"`
	}
	graphmlNode struct {
		ID   string        `xml:"id,attr"`
		Data []graphmlData `xml:"data"`
	}
	graphmlEdge struct {
		ID       string        `xml:"id,attr"`
		Source   string        `xml:"source,attr"`
		Target   string        `xml:"target,attr"`
		Directed string        `xml:"directed,attr,omitempty"`
		Data     []graphmlData `xml:"data"`
	}
	graphmlData struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
)

// graphmlKeys are the GraphML attributes of nodes (n_...) and edges (e_...),
// in output order.
var graphmlKeys = []graphmlKey{
	{"n_id", "node", "id", "string"},
	{"n_label", "node", "label", "string"},
	{"n_name", "node", "name", "string"},
	{"n_type", "node", "type", "string"},
	{"n_code", "node", "code", "string"},
	{"n_country", "node", "country", "string"},
	{"n_title", "node", "title", "string"},
	{"n_mentions", "node", "mentions", "int"},
	{"n_aliases", "node", "aliases", "string"},
	{"e_label", "edge", "label", "string"},
	{"e_type", "edge", "type", "string"},
	{"e_plover", "edge", "plover", "string"},
	{"e_symmetric", "edge", "symmetric", "boolean"},
	{"e_negated", "edge", "negated", "boolean"},
	{"e_modality", "edge", "modality", "string"},
	{"e_count", "edge", "count", "int"},
	{"e_confidence", "edge", "confidence", "double"},
	{"e_doc", "edge", "doc", "string"},
	{"e_start", "edge", "start", "int"},
	{"e_end", "edge", "end", "int"},
	{"e_cue", "edge", "cue", "string"},
	{"e_evidence", "edge", "evidence", "string"},
}

// aliasSeparator joins the aliases of a node in the formats that hold one
// string a cell (GraphML, CSV), as GEXF's liststring does.
const aliasSeparator = "|"

// WriteGraphML writes g as a GraphML document, for yEd, Gephi, Cytoscape,
// NetworkX (read_graphml) and igraph.
//
// The graph is directed; an edge of a symmetric type has directed="false".
// Nodes are numbered n0, n1, ... in sorted entity-ID order (the int64 IDs of
// [Graph.Multigraph]), since the GraphML schema wants an XML name token
// where an entity ID has a "/". They have the data keys id (the entity ID),
// label (the name, or the ID when there is none), name, type, code, country,
// title, mentions (int) and aliases (joined by "|", so an alias holding "|"
// reads back as two). Edges are numbered e0, e1, ... in the order of
// [Graph.Edges] and have the data keys label ("not MEET", "ACCUSE
// (alleged)"), type, plover, symmetric, negated (boolean), modality, count
// (int, the number of pieces of evidence), confidence (double), and the
// first piece of evidence: doc, start, end (int), cue and evidence (the
// sentence). String data that is empty is left out. Characters XML 1.0
// cannot hold (control characters other than tab and line breaks) are
// written as U+FFFD. The same graph always gives the same bytes.
func (g *Graph) WriteGraphML(w io.Writer) error {
	doc := graphmlDoc{
		XMLNS:          "http://graphml.graphdrawing.org/xmlns",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys:           graphmlKeys,
		Graph:          graphmlGraph{ID: "G", EdgeDefault: "directed"},
	}
	nodes := g.Entities()
	index := make(map[string]string, len(nodes))
	for i, n := range nodes {
		index[n.ID] = "n" + strconv.Itoa(i)
	}
	for _, n := range nodes {
		label := n.Name
		if label == "" {
			label = n.ID
		}
		var d graphmlDataList
		d.set("n_id", n.ID)
		d.add("n_label", label)
		for _, a := range nodeAttrs(n) {
			d.put("n_"+a.key, a)
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, graphmlNode{ID: index[n.ID], Data: d})
	}
	for i, e := range g.Edges() {
		var d graphmlDataList
		d.add("e_label", edgeLabel(e))
		for _, a := range edgeAttrs(e) {
			d.put("e_"+a.key, a)
		}
		ge := graphmlEdge{ID: "e" + strconv.Itoa(i), Source: index[e.Source], Target: index[e.Target], Data: d}
		if e.Type.Symmetric() {
			ge.Directed = "false"
		}
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("relation: writing graph GraphML: %w", err)
	}
	b.WriteByte('\n')
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("relation: writing graph GraphML: %w", err)
	}
	return nil
}

// graphmlDataList collects the data of a node or an edge.
type graphmlDataList []graphmlData

// set adds the value of key.
func (d *graphmlDataList) set(key, value string) {
	*d = append(*d, graphmlData{Key: key, Value: value})
}

// put adds the value of attribute a under key, unless it is empty and
// need not be written.
func (d *graphmlDataList) put(key string, a attr) {
	if a.always {
		d.set(key, a.value)
	} else {
		d.add(key, a.value)
	}
}

// add adds the value of key unless it is empty.
func (d *graphmlDataList) add(key, value string) {
	if value != "" {
		d.set(key, value)
	}
}
