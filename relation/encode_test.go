package relation

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/multi"

	"github.com/newsgraph/newsgraph/entity"
)

// update rewrites the golden files of the relation tests: go test ./relation -update.
// Other test files of the package share it.
var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs (-want +got; go test -update rewrites it):\n%s", path, d)
	}
}

func TestWriteJSONGolden(t *testing.T) {
	var b bytes.Buffer
	if err := sampleGraph(t).WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "graph.golden.json", b.Bytes())
}

func TestWriteDOTGolden(t *testing.T) {
	var b bytes.Buffer
	if err := sampleGraph(t).WriteDOT(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "graph.golden.dot", b.Bytes())
}

func TestWriteMermaidGolden(t *testing.T) {
	var b bytes.Buffer
	if err := sampleGraph(t).WriteMermaid(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "graph.golden.mmd", b.Bytes())
}

func TestWriteMermaidEscapes(t *testing.T) {
	g := build(t, []mentioned{
		{entity.Entity{ID: "organization/x", Name: "Ben & Jerry's \"#1\" <Co>\nLtd", Type: entity.Organization}, 1},
		{entity.Entity{ID: "location/y", Type: entity.Location}, 1},
	}, []Relation{{Source: "organization/x", Target: "location/y", Type: "MEET", Modality: Intended}})
	var b bytes.Buffer
	if err := g.WriteMermaid(&b); err != nil {
		t.Fatal(err)
	}
	want := `flowchart LR
  n0(("location/y"))
  n1{{"Ben #38; Jerry's #34;#35;1#34; #60;Co#62; Ltd"}}
  n0 -.-|"MEET (intended)"| n1
`
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Errorf("WriteMermaid (-want +got):\n%s", d)
	}
}

func TestWriteEmpty(t *testing.T) {
	tests := []struct {
		name  string
		write func(*Graph, *bytes.Buffer) error
		want  string
	}{
		{"json", func(g *Graph, b *bytes.Buffer) error { return g.WriteJSON(b) },
			"{\n  \"entities\": [],\n  \"relations\": []\n}\n"},
		{"dot", func(g *Graph, b *bytes.Buffer) error { return g.WriteDOT(b) }, "digraph {\n}\n"},
		{"mermaid", func(g *Graph, b *bytes.Buffer) error { return g.WriteMermaid(b) }, "flowchart LR\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(NewGraph(), &b); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, b.String()); d != "" {
				t.Errorf("empty graph (-want +got):\n%s", d)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	g := sampleGraph(t)
	if err := g.WriteJSON(failWriter{}); err == nil {
		t.Error("WriteJSON to a failing writer: nil error")
	}
	if err := g.WriteDOT(failWriter{}); err == nil {
		t.Error("WriteDOT to a failing writer: nil error")
	}
	if err := g.WriteMermaid(failWriter{}); err == nil {
		t.Error("WriteMermaid to a failing writer: nil error")
	}
}

// diffGraphs reports the differences between the nodes and edges of two
// graphs.
func diffGraphs(want, got *Graph) string {
	return cmp.Diff(want.Entities(), got.Entities()) + cmp.Diff(want.Edges(), got.Edges())
}

func TestJSONRoundTrip(t *testing.T) {
	want := sampleGraph(t)
	var b bytes.Buffer
	if err := want.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	got, err := ReadJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("ReadJSON(WriteJSON(g)): %v", err)
	}
	if d := diffGraphs(want, got); d != "" {
		t.Errorf("ReadJSON(WriteJSON(g)) (-want +got):\n%s", d)
	}
}

func TestReadJSON(t *testing.T) {
	const ents = `"entities": [
		{"id": "a", "name": "A", "type": "PERSON", "aliases": ["Ay"], "mentions": 2, "code": "FRA", "extra": 1},
		{"id": "b", "name": "B", "type": "COUNTRY", "mentions": 1}]`
	ab := func(rels string) string { return "{" + ents + `, "relations": [` + rels + "]}" }
	a := Node{Entity: entityOf("a", "A", "PERSON", "FRA", "Ay"), Mentions: 2}
	b := Node{Entity: entityOf("b", "B", "COUNTRY", ""), Mentions: 1}
	ev := Evidence{Doc: "d", Start: 4, End: 7, Text: "met", Cue: "met"}
	tests := []struct {
		name      string
		in        string
		wantNodes []Node
		wantEdges []Edge
		wantErr   []string // substrings of the error, in order; nil for none
	}{{
		name: "a symmetric relation written backwards is stored forwards; unknown fields are ignored",
		in: ab(`{"source": "b", "target": "a", "type": "MEET", "plover": "WRONG", "count": 1, "extra": true,
			"evidence": [{"doc": "d", "start": 4, "end": 7, "text": "met", "cue": "met"}]}`),
		wantNodes: []Node{a, b},
		wantEdges: []Edge{{Source: "a", Target: "b", Type: "MEET", Count: 1, Evidence: []Evidence{ev}}},
	}, {
		name:      "no count, no evidence",
		in:        ab(`{"source": "a", "target": "b", "type": "URGE", "modality": "requested", "negated": true}`),
		wantNodes: []Node{a, b},
		wantEdges: []Edge{{Source: "a", Target: "b", Type: "URGE", Modality: Requested, Negated: true, Count: 1}},
	}, {
		name: "bad relations are reported by position and the good ones kept",
		in: ab(`{"source": "a", "target": "a", "type": "MEET"},
			{"source": "a", "target": "b", "type": "ACCUSE", "count": 1, "evidence": [
				{"doc": "d", "start": 4, "end": 7, "text": "met", "cue": "met"}]},
			{"source": "a", "target": "zz", "type": "MEET"},
			{"source": "a", "target": "b", "type": "ACCUSE"},
			{"source": "a", "target": "b", "type": "URGE", "count": 3,
				"evidence": [{"doc": "d", "start": 4, "end": 7, "text": "met", "cue": "met"}]},
			{"source": "a", "target": "b", "type": "PRAISE",
				"evidence": [{"doc": "d", "start": 4, "end": 9, "text": "met", "cue": "met"}]},
			{"source": "a", "target": "b", "type": ""}`),
		wantNodes: []Node{a, b},
		wantEdges: []Edge{{Source: "a", Target: "b", Type: "ACCUSE", Count: 1, Evidence: []Evidence{ev}}},
		wantErr: []string{"relations[0]: ", "self-loop", "relations[2]: ", `"zz" is not an entity`,
			"relations[3]: duplicate relation", "relations[4]: count 3 but 1", "relations[5]: evidence[0]: ",
			"relations[6]: ", "empty relation type"},
	}, {
		name: "bad entities are reported by position and the good ones kept",
		in: `{"entities": [{"id": "a", "name": "A", "type": "PERSON", "aliases": ["Ay"], "mentions": 2, "code": "FRA"},
			{"id": "", "name": "Nobody"}, {"id": "a"}, {"id": "c", "mentions": -2}],
			"relations": [{"source": "a", "target": "c", "type": "MEET"}]}`,
		wantNodes: []Node{a},
		wantEdges: []Edge{},
		wantErr:   []string{"entities[1]: ", "entities[2]: duplicate id", "entities[3]: ", "negative", "relations[0]: "},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := ReadJSON(strings.NewReader(tt.in))
			checkErr(t, err, tt.wantErr)
			if g == nil {
				t.Fatal("ReadJSON returned a nil graph")
			}
			if d := cmp.Diff(tt.wantNodes, g.Entities()); d != "" {
				t.Errorf("Entities() (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.wantEdges, g.Edges()); d != "" {
				t.Errorf("Edges() (-want +got):\n%s", d)
			}
		})
	}
}

func entityOf(id, name, typ, code string, aliases ...string) (e entity.Entity) {
	e.ID, e.Name, e.Type, e.Code, e.Aliases = id, name, entity.Type(typ), code, aliases
	return e
}

// checkErr checks that err holds each of want in order, or is nil when want is.
func checkErr(t *testing.T, err error, want []string) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Errorf("unexpected error: %v", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("nil error, want one mentioning %q", want)
	}
	msg := err.Error()
	for _, w := range want {
		i := strings.Index(msg, w)
		if i < 0 {
			t.Errorf("error lacks %q (in order):\n%v", w, err)
			return
		}
		msg = msg[i+len(w):]
	}
}

func TestReadJSONMalformed(t *testing.T) {
	tests := []struct {
		name, in string
		wantErr  []string
	}{
		{"empty", "", []string{"graph JSON", "EOF"}},
		{"syntax error", `{"entities": [}`, []string{"graph JSON: byte 15"}},
		{"wrong type", `{"entities": {}}`, []string{"graph JSON"}},
		{"float offset", `{"entities": [], "relations": [{"evidence": [{"start": 1.5}]}]}`, []string{"graph JSON"}},
		{"two objects", `{} {}`, []string{"data after the graph object"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := ReadJSON(strings.NewReader(tt.in))
			checkErr(t, err, tt.wantErr)
			if g != nil {
				t.Errorf("ReadJSON(%q) returned a graph with an unreadable input", tt.in)
			}
		})
	}
}

// dotGraph is a gonum multigraph that keeps the DOT IDs and attributes that
// dot.UnmarshalMulti finds.
type dotGraph struct{ *multi.DirectedGraph }

type dotNode struct {
	id    int64
	dotID string
	encoding.Attributes
}

func (n *dotNode) ID() int64           { return n.id }
func (n *dotNode) SetDOTID(id string)  { n.dotID = id }
func (g dotGraph) NewNode() graph.Node { return &dotNode{id: g.DirectedGraph.NewNode().ID()} }
func (g dotGraph) NewLine(from, to graph.Node) graph.Line {
	return &dotLine{Line: g.DirectedGraph.NewLine(from, to).(multi.Line)}
}

type dotLine struct {
	multi.Line
	encoding.Attributes
}

// dotSummary is a node or an edge as a test sees it: "a" or "a -> b", with
// its attributes.
type dotSummary struct {
	Item  string
	Attrs encoding.Attributes
}

// TestDOTParsesBack checks that gonum's DOT decoder reads WriteDOT's output
// back to the same nodes, edges and attributes.
func TestDOTParsesBack(t *testing.T) {
	g := sampleGraph(t)
	var b bytes.Buffer
	if err := g.WriteDOT(&b); err != nil {
		t.Fatal(err)
	}
	dst := dotGraph{multi.NewDirectedGraph()}
	if err := dot.UnmarshalMulti(b.Bytes(), dst); err != nil {
		t.Fatalf("dot.UnmarshalMulti(WriteDOT(g)): %v\n%s", err, b.Bytes())
	}

	var want, got []dotSummary
	m := g.Multigraph()
	for it := m.Nodes(); it.Next(); {
		v := it.Node().(*Vertex)
		want = append(want, dotSummary{v.DOTID(), v.Attributes()})
	}
	for it := m.Edges(); it.Next(); {
		for ls := it.Edge().(multi.Edge).Lines; ls.Next(); {
			l := ls.Line().(*Line)
			want = append(want, dotSummary{l.From().(*Vertex).DOTID() + " -> " + l.To().(*Vertex).DOTID(), dotAttributes(l.Edge())})
		}
	}
	for _, n := range graph.NodesOf(dst.Nodes()) {
		n := n.(*dotNode)
		got = append(got, dotSummary{n.dotID, n.Attributes})
	}
	for _, e := range graph.EdgesOf(dst.Edges()) {
		for _, l := range graph.LinesOf(e.(multi.Edge).Lines) {
			l := l.(*dotLine)
			got = append(got, dotSummary{l.F.(*dotNode).dotID + " -> " + l.T.(*dotNode).dotID, l.Attributes})
		}
	}
	sortSummaries(got)
	sortSummaries(want)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("DOT read back (-want +got):\n%s\nDOT:\n%s", d, b.Bytes())
	}
}

func sortSummaries(s []dotSummary) {
	slices.SortFunc(s, func(a, b dotSummary) int {
		return strings.Compare(a.Item+"\x00"+attrString(a.Attrs), b.Item+"\x00"+attrString(b.Attrs))
	})
}

func attrString(as encoding.Attributes) string {
	var b strings.Builder
	for _, a := range as {
		b.WriteString(a.Key + "=" + a.Value + ";")
	}
	return b.String()
}
