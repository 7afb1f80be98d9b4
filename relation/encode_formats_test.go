package relation

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/graph/formats/gexf12"

	"github.com/newsgraph/newsgraph/entity"
)

// flatNode and flatEdge are a node and an edge as the one-value-a-cell
// formats (GraphML, GEXF, Neo4j CSV, CSV) hold them: an edge with its count
// and its first piece of evidence.
type flatNode struct {
	ID, Name, Type, Code, Country, Title string
	Mentions                             int
	Aliases                              []string
}

type flatEdge struct {
	Source, Target, Type, Label, PLOVER string
	Symmetric, Negated                  bool
	Modality                            string
	Count                               int
	Confidence                          float64
	Doc                                 string
	Start, End                          int
	Cue, Evidence                       string
}

// flatten returns what the formats should hold for g, from its nodes and
// edges.
func flatten(g *Graph) ([]flatNode, []flatEdge) {
	var nodes []flatNode
	for _, n := range g.Entities() {
		nodes = append(nodes, flatNode{n.ID, n.Name, string(n.Type), n.Code, n.Country, n.Title, n.Mentions, n.Aliases})
	}
	var edges []flatEdge
	for _, e := range g.Edges() {
		label := string(e.Type)
		if e.Negated {
			label = "not " + label
		}
		if e.Modality != "" {
			label += " (" + string(e.Modality) + ")"
		}
		f := flatEdge{Source: e.Source, Target: e.Target, Type: string(e.Type), Label: label,
			PLOVER: plover(e), Symmetric: e.Type.Symmetric(), Negated: e.Negated,
			Modality: string(e.Modality), Count: e.Count, Confidence: e.Confidence}
		if len(e.Evidence) > 0 {
			ev := e.Evidence[0]
			f.Doc, f.Start, f.End, f.Cue, f.Evidence = ev.Doc, ev.Start, ev.End, ev.Cue, ev.Text
		}
		edges = append(edges, f)
	}
	return nodes, edges
}

// hostileGraph has names, aliases, cues and evidence that need escaping in
// every format: quotes, angle brackets, ampersands, commas, semicolons in
// names, line breaks, tabs, emoji and CJK.
func hostileGraph(t testing.TB) *Graph {
	const text = "\"Ben & Jerry's\" <Co>, Ltd.\nmet 習近平 🎉 in a, \"b\"; c."
	return build(t, []mentioned{
		{entity.Entity{ID: "organization/ben-&-jerry's", Name: "\"Ben & Jerry's\" <Co>, Ltd. | Inc.;\nUK",
			Type: entity.Organization, Aliases: []string{"B&J, \"the\" <firm>", "Ben & Jerry 🍦"}, Code: "NGO"}, 2},
		{entity.Entity{ID: "person/xi,jinping", Name: "習近平\t(Xi)", Type: "WORK_OF-ART", Title: "Pres. <&>"}, 1},
		{entity.Entity{ID: "x/no-name"}, 0},
	}, []Relation{{
		Source: "person/xi,jinping", Target: "organization/ben-&-jerry's", Type: "ACCUSE", Modality: Alleged,
		Confidence: 0.25, Evidence: Evidence{Doc: "doc \"1\", <a>", Start: 3, End: 3 + len(text), Text: text, Cue: "met, \"with\" <&>"},
	}, {
		Source: "organization/ben-&-jerry's", Target: "person/xi,jinping", Type: "MEET", Negated: true,
	}})
}

// labelOf is the label of a node of the given name and ID.
func labelOf(name, id string) string {
	if name == "" {
		return id
	}
	return name
}

func encoderGraphs(t *testing.T) map[string]*Graph {
	return map[string]*Graph{"sample": sampleGraph(t), "hostile": hostileGraph(t), "empty": NewGraph()}
}

func TestWriteGraphMLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := sampleGraph(t).WriteGraphML(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "graph.golden.graphml", b.Bytes())
}

func TestWriteGEXFGolden(t *testing.T) {
	var b bytes.Buffer
	if err := sampleGraph(t).WriteGEXF(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "graph.golden.gexf", b.Bytes())
}

func TestWriteNeo4jCSVGolden(t *testing.T) {
	var nodes, rels bytes.Buffer
	if err := sampleGraph(t).WriteNeo4jCSV(&nodes, &rels); err != nil {
		t.Fatal(err)
	}
	golden(t, "graph.golden.neo4j-nodes.csv", nodes.Bytes())
	golden(t, "graph.golden.neo4j-relationships.csv", rels.Bytes())
}

func TestWriteCSVGolden(t *testing.T) {
	var b bytes.Buffer
	if err := sampleGraph(t).WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "graph.golden.csv", b.Bytes())
}

// The GraphML document as the GraphML schema shapes it, for reading back.
type (
	graphmlIn struct {
		XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"http://graphml.graphdrawing.org/xmlns key"`
		Graphs []struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string          `xml:"id,attr"`
				Data []graphmlDataIn `xml:"http://graphml.graphdrawing.org/xmlns data"`
			} `xml:"http://graphml.graphdrawing.org/xmlns node"`
			Edges []struct {
				ID       string          `xml:"id,attr"`
				Source   string          `xml:"source,attr"`
				Target   string          `xml:"target,attr"`
				Directed string          `xml:"directed,attr"`
				Data     []graphmlDataIn `xml:"http://graphml.graphdrawing.org/xmlns data"`
			} `xml:"http://graphml.graphdrawing.org/xmlns edge"`
		} `xml:"http://graphml.graphdrawing.org/xmlns graph"`
	}
	graphmlDataIn struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
)

// attrReader turns the string values of a node or an edge into typed ones,
// recording the first error.
type attrReader struct {
	t    testing.TB
	item string
	vals map[string]string
}

func (r attrReader) str(k string) string { return r.vals[k] }

func (r attrReader) int(k string) int {
	if r.vals[k] == "" {
		return 0
	}
	n, err := strconv.Atoi(r.vals[k])
	if err != nil {
		r.t.Errorf("%s: %s: %v", r.item, k, err)
	}
	return n
}

func (r attrReader) bool(k string) bool {
	b, err := strconv.ParseBool(r.vals[k])
	if err != nil {
		r.t.Errorf("%s: %s: %v", r.item, k, err)
	}
	return b
}

func (r attrReader) float(k string) float64 {
	f, err := strconv.ParseFloat(r.vals[k], 64)
	if err != nil {
		r.t.Errorf("%s: %s: %v", r.item, k, err)
	}
	return f
}

func (r attrReader) list(k, sep string) []string {
	if r.vals[k] == "" {
		return nil
	}
	return strings.Split(r.vals[k], sep)
}

func (r attrReader) node(id string) flatNode {
	return flatNode{id, r.str("name"), r.str("type"), r.str("code"), r.str("country"), r.str("title"),
		r.int("mentions"), r.list("aliases", aliasSeparator)}
}

func (r attrReader) edge(source, target string) flatEdge {
	return flatEdge{Source: source, Target: target, Type: r.str("type"), Label: r.str("label"),
		PLOVER: r.str("plover"), Symmetric: r.bool("symmetric"), Negated: r.bool("negated"),
		Modality: r.str("modality"), Count: r.int("count"), Confidence: r.float("confidence"),
		Doc: r.str("doc"), Start: r.int("start"), End: r.int("end"), Cue: r.str("cue"), Evidence: r.str("evidence")}
}

// readGraphML reads WriteGraphML's output back with encoding/xml into the
// shape of the GraphML schema, checks that every datum refers to a key
// declared for its kind of element and that ids are numbered, and returns
// what it holds.
func readGraphML(t testing.TB, b []byte) ([]flatNode, []flatEdge) {
	t.Helper()
	var doc graphmlIn
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("xml.Unmarshal(WriteGraphML(g)): %v\n%s", err, b)
	}
	if len(doc.Graphs) != 1 || doc.Graphs[0].EdgeDefault != "directed" {
		t.Fatalf("want one directed graph, got %d graphs\n%s", len(doc.Graphs), b)
	}
	keys := map[string]string{} // id: for "/" name
	for _, k := range doc.Keys {
		switch k.Type {
		case "string", "int", "double", "boolean":
		default:
			t.Errorf("key %s: attr.type %q is not a GraphML type", k.ID, k.Type)
		}
		keys[k.ID] = k.For + "/" + k.Name
	}
	values := func(item, kind string, data []graphmlDataIn) attrReader {
		r := attrReader{t, item, map[string]string{}}
		for _, d := range data {
			fk, ok := keys[d.Key]
			kindOf, attr, _ := strings.Cut(fk, "/")
			if !ok || kindOf != kind {
				t.Errorf("%s: data key %q is not a declared %s key", item, d.Key, kind)
			}
			r.vals[attr] = d.Value
		}
		return r
	}
	var nodes []flatNode
	entityID := map[string]string{} // node id: entity ID
	for i, n := range doc.Graphs[0].Nodes {
		if n.ID != "n"+strconv.Itoa(i) {
			t.Errorf("node %d has id %q", i, n.ID)
		}
		r := values(n.ID, "node", n.Data)
		entityID[n.ID] = r.str("id")
		nodes = append(nodes, r.node(r.str("id")))
		if want := labelOf(r.str("name"), r.str("id")); r.str("label") != want {
			t.Errorf("node %s: label %q, want %q", n.ID, r.str("label"), want)
		}
	}
	var edges []flatEdge
	for i, e := range doc.Graphs[0].Edges {
		if e.ID != "e"+strconv.Itoa(i) {
			t.Errorf("edge %d has id %q", i, e.ID)
		}
		r := values(e.ID, "edge", e.Data)
		f := r.edge(entityID[e.Source], entityID[e.Target])
		if want := map[bool]string{true: "false", false: ""}[f.Symmetric]; e.Directed != want {
			t.Errorf("edge %s: directed=%q, want %q", e.ID, e.Directed, want)
		}
		edges = append(edges, f)
	}
	return nodes, edges
}

// readGEXF reads WriteGEXF's output back into gonum's gexf12 types, checks
// that every value is of a declared attribute, and returns what it holds.
func readGEXF(t testing.TB, b []byte) ([]flatNode, []flatEdge) {
	t.Helper()
	var c gexf12.Content
	if err := xml.Unmarshal(b, &c); err != nil {
		t.Fatalf("xml.Unmarshal(WriteGEXF(g)): %v\n%s", err, b)
	}
	declared := map[string]map[string]bool{}
	for _, as := range c.Graph.Attributes {
		declared[as.Class] = map[string]bool{}
		for _, a := range as.Attributes {
			declared[as.Class][a.ID] = true
		}
	}
	values := func(item, class string, av *gexf12.AttValues) attrReader {
		r := attrReader{t, item, map[string]string{}}
		if av == nil {
			t.Errorf("%s has no attvalues", item)
			return r
		}
		for _, v := range av.AttValues {
			if !declared[class][v.For] {
				t.Errorf("%s: attvalue for %q is not a declared %s attribute", item, v.For, class)
			}
			r.vals[v.For] = v.Value
		}
		return r
	}
	var nodes []flatNode
	for _, n := range c.Graph.Nodes.Nodes {
		r := values(n.ID, "node", n.AttValues)
		nodes = append(nodes, r.node(n.ID))
		if want := labelOf(r.str("name"), n.ID); n.Label != want {
			t.Errorf("node %s: label %q, want %q", n.ID, n.Label, want)
		}
	}
	var edges []flatEdge
	for _, e := range c.Graph.Edges.Edges {
		r := values(e.ID, "edge", e.AttValues)
		r.vals["label"] = e.Label
		f := r.edge(e.Source, e.Target)
		if want := map[bool]string{true: "undirected", false: ""}[f.Symmetric]; e.Type != want {
			t.Errorf("edge %s: type %q, want %q", e.ID, e.Type, want)
		}
		if e.Weight != float64(f.Count) {
			t.Errorf("edge %s: weight %v, want its count %d", e.ID, e.Weight, f.Count)
		}
		edges = append(edges, f)
	}
	if c.Graph.Nodes.Count != len(nodes) || c.Graph.Edges.Count != len(edges) {
		t.Errorf("counts %d nodes, %d edges; have %d, %d", c.Graph.Nodes.Count, c.Graph.Edges.Count, len(nodes), len(edges))
	}
	return nodes, edges
}

// readCSV reads a CSV file with a header row into one map a row, failing the
// test unless the header is want.
func readCSV(t testing.TB, file string, b []byte, want []string) []map[string]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v\n%s", file, err, b)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: no header", file)
	}
	if d := cmp.Diff(want, rows[0]); d != "" {
		t.Fatalf("%s header (-want +got):\n%s", file, d)
	}
	var out []map[string]string
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			// "mentions:int" is mentions; ":TYPE" stays.
			if name, _, ok := strings.Cut(h, ":"); ok && name != "" {
				h = name
			}
			m[h] = row[i]
		}
		out = append(out, m)
	}
	return out
}

// readNeo4jCSV reads WriteNeo4jCSV's files back with encoding/csv and
// returns what they hold, with the :LABEL of each node.
func readNeo4jCSV(t testing.TB, nb, rb []byte) ([]flatNode, []string, []flatEdge) {
	t.Helper()
	var nodes []flatNode
	var labels []string
	for _, row := range readCSV(t, "nodes", nb, neo4jNodeHeader) {
		r := attrReader{t, row["id"], row}
		n := r.node(row["id"])
		n.Aliases = r.list("aliases", ";")
		nodes = append(nodes, n)
		labels = append(labels, row[":LABEL"])
	}
	var edges []flatEdge
	for _, row := range readCSV(t, "relationships", rb, neo4jRelHeader) {
		row["type"] = row[":TYPE"]
		r := attrReader{t, row[":START_ID"] + " -> " + row[":END_ID"], row}
		edges = append(edges, r.edge(row[":START_ID"], row[":END_ID"]))
	}
	return nodes, labels, edges
}

// endNames are the names of the ends of an edge in WriteCSV's output.
type endNames struct{ Source, Target string }

// readEdgeCSV reads WriteCSV's output back with encoding/csv and returns
// what it holds.
func readEdgeCSV(t testing.TB, b []byte) ([]flatEdge, []endNames) {
	t.Helper()
	var edges []flatEdge
	var names []endNames
	for _, row := range readCSV(t, "edges", b, csvEdgeHeader) {
		r := attrReader{t, row["source"] + " -> " + row["target"], row}
		edges = append(edges, r.edge(row["source"], row["target"]))
		names = append(names, endNames{row["source_name"], row["target_name"]})
	}
	return edges, names
}

// wantNames returns the names of the ends of the edges of g.
func wantNames(g *Graph) []endNames {
	var out []endNames
	for _, e := range g.Edges() {
		s, _ := g.Entity(e.Source)
		o, _ := g.Entity(e.Target)
		out = append(out, endNames{s.Name, o.Name})
	}
	return out
}

// wantLabels returns the Neo4j :LABEL cells of the nodes of g.
func wantLabels(g *Graph) []string {
	var out []string
	for _, n := range g.Entities() {
		out = append(out, neo4jLabelsOracle[n.Type])
	}
	return out
}

func TestGraphMLReadsBack(t *testing.T) {
	for name, g := range encoderGraphs(t) {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := g.WriteGraphML(&b); err != nil {
				t.Fatal(err)
			}
			nodes, edges := readGraphML(t, b.Bytes())
			wantNodes, wantEdges := flatten(g)
			if d := cmp.Diff(wantNodes, nodes); d != "" {
				t.Errorf("GraphML nodes (-want +got):\n%s", d)
			}
			if d := cmp.Diff(wantEdges, edges); d != "" {
				t.Errorf("GraphML edges (-want +got):\n%s", d)
			}
		})
	}
}

func TestGEXFReadsBack(t *testing.T) {
	for name, g := range encoderGraphs(t) {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := g.WriteGEXF(&b); err != nil {
				t.Fatal(err)
			}
			nodes, edges := readGEXF(t, b.Bytes())
			wantNodes, wantEdges := flatten(g)
			if d := cmp.Diff(wantNodes, nodes); d != "" {
				t.Errorf("GEXF nodes (-want +got):\n%s", d)
			}
			if d := cmp.Diff(wantEdges, edges); d != "" {
				t.Errorf("GEXF edges (-want +got):\n%s", d)
			}
		})
	}
}

func TestNeo4jCSVReadsBack(t *testing.T) {
	for name, g := range encoderGraphs(t) {
		t.Run(name, func(t *testing.T) {
			var nb, rb bytes.Buffer
			if err := g.WriteNeo4jCSV(&nb, &rb); err != nil {
				t.Fatal(err)
			}
			nodes, labels, edges := readNeo4jCSV(t, nb.Bytes(), rb.Bytes())
			wantNodes, wantEdges := flatten(g)
			if d := cmp.Diff(wantNodes, nodes); d != "" {
				t.Errorf("Neo4j nodes (-want +got):\n%s", d)
			}
			if d := cmp.Diff(wantLabels(g), labels); d != "" {
				t.Errorf("Neo4j :LABEL (-want +got):\n%s", d)
			}
			if d := cmp.Diff(wantEdges, edges); d != "" {
				t.Errorf("Neo4j relationships (-want +got):\n%s", d)
			}
		})
	}
}

// neo4jLabelsOracle are the :LABEL cells of the entity types of the test
// graphs.
var neo4jLabelsOracle = map[entity.Type]string{
	entity.Person: "Entity;Person", entity.Country: "Entity;Country", entity.Organization: "Entity;Organization",
	"WORK_OF-ART": "Entity;WorkOfArt", "": "Entity",
}

func TestNeo4jCSVAliasWithDelimiter(t *testing.T) {
	g := build(t, []mentioned{{entity.Entity{ID: "organization/x", Name: "X", Aliases: []string{"A;B"}}, 1}}, nil)
	var nb, rb bytes.Buffer
	err := g.WriteNeo4jCSV(&nb, &rb)
	checkErr(t, err, []string{`entity "organization/x"`, `alias "A;B"`, `delimiter ";"`})
	if nb.Len() != 0 || rb.Len() != 0 {
		t.Errorf("WriteNeo4jCSV wrote %d and %d bytes despite the error", nb.Len(), rb.Len())
	}
}

func TestCSVReadsBack(t *testing.T) {
	for name, g := range encoderGraphs(t) {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := g.WriteCSV(&b); err != nil {
				t.Fatal(err)
			}
			edges, names := readEdgeCSV(t, b.Bytes())
			_, wantEdges := flatten(g)
			if d := cmp.Diff(wantEdges, edges); d != "" {
				t.Errorf("CSV edges (-want +got):\n%s", d)
			}
			if d := cmp.Diff(wantNames(g), names); d != "" {
				t.Errorf("CSV names (-want +got):\n%s", d)
			}
		})
	}
}

func TestNewEncodersFailingWriter(t *testing.T) {
	g := sampleGraph(t)
	var ok bytes.Buffer
	for name, err := range map[string]error{
		"WriteGraphML":                g.WriteGraphML(failWriter{}),
		"WriteGEXF":                   g.WriteGEXF(failWriter{}),
		"WriteCSV":                    g.WriteCSV(failWriter{}),
		"WriteNeo4jCSV nodes":         g.WriteNeo4jCSV(failWriter{}, &ok),
		"WriteNeo4jCSV relationships": g.WriteNeo4jCSV(&ok, failWriter{}),
	} {
		if err == nil {
			t.Errorf("%s to a failing writer: nil error", name)
		}
	}
}

// TestGraphMLValidates validates WriteGraphML's output against the GraphML
// schema (the part of it in testdata/graphml.xsd) with xmllint, from Debian's
// libxml2-utils, and checks that the schema rejects what it should.
func TestGraphMLValidates(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("no xmllint: install Debian's libxml2-utils to validate GraphML against its schema")
	}
	validate := func(doc []byte) error {
		path := filepath.Join(t.TempDir(), "g.graphml")
		if err := os.WriteFile(path, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", filepath.Join("testdata", "graphml.xsd"), path).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v\n%s", err, out)
		}
		return nil
	}
	var sample []byte
	for name, g := range encoderGraphs(t) {
		var b bytes.Buffer
		if err := g.WriteGraphML(&b); err != nil {
			t.Fatal(err)
		}
		if err := validate(b.Bytes()); err != nil {
			t.Errorf("%s graph: GraphML does not validate: %v\n%s", name, err, b.Bytes())
		}
		if name == "sample" {
			sample = b.Bytes()
		}
	}
	// The schema must catch what it is there for.
	for name, bad := range map[string][2]string{
		"an id that is not a name token": {`<node id="n0">`, `<node id="country/chn">`},
		"an edge to no node":             {`source="n2"`, `source="n9"`},
		"data of an undeclared key":      {`<data key="n_name">`, `<data key="n_nom">`},
		"a bad attribute type":           {`attr.type="int"`, `attr.type="integer"`},
	} {
		doc := bytes.Replace(sample, []byte(bad[0]), []byte(bad[1]), 1)
		if bytes.Equal(doc, sample) {
			t.Fatalf("%s: %q is not in the sample GraphML", name, bad[0])
		}
		if validate(doc) == nil {
			t.Errorf("the schema accepts %s", name)
		}
	}
}
