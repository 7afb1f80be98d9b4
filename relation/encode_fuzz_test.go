package relation

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzReadJSON checks that ReadJSON never panics, and that whatever graph it
// reads, WriteJSON writes JSON that reads back without error to the same
// graph and the same bytes.
func FuzzReadJSON(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "graph.golden.json")); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		``,
		`{}`,
		`{"entities": [], "relations": []}`,
		`{"entities": [{"id": "a"}, {"id": "b", "aliases": ["b", "B"]}], "relations": [{"source": "b", "target": "a", "type": "MEET"}]}`,
		`{"entities": [{"id": "a", "name": "\u00e9"}, {"id": "b"}], "relations": [{"source": "a", "target": "b", "type": "URGE", "negated": true, "modality": "requested", "count": 2, "confidence": 0.5, "evidence": [{"doc": "d", "start": 0, "end": 2, "text": "\u00e9", "cue": "x"}, {"doc": "d", "start": 3, "end": 3}]}]}`,
		`{"entities": [{"id": "a", "mentions": -1}], "relations": [{"source": "a", "target": "a", "type": "MEET"}]}`,
		`{"entities": [{"id": "a"}, {"id": "a"}]} trailing`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		g, _ := ReadJSON(bytes.NewReader(in))
		if g == nil {
			return
		}
		var first bytes.Buffer
		if err := g.WriteJSON(&first); err != nil {
			t.Fatalf("WriteJSON: %v", err)
		}
		again, err := ReadJSON(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("ReadJSON(WriteJSON(g)): %v\n%s", err, first.Bytes())
		}
		if d := diffGraphs(g, again); d != "" {
			t.Errorf("ReadJSON(WriteJSON(g)) (-want +got):\n%s", d)
		}
		var second bytes.Buffer
		if err := again.WriteJSON(&second); err != nil {
			t.Fatalf("WriteJSON: %v", err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("WriteJSON is not stable:\n%s\nthen:\n%s", first.Bytes(), second.Bytes())
		}
	})
}

// FuzzEncoders checks that for whatever graph ReadJSON reads, GraphML, GEXF,
// Neo4j CSV and CSV read back to the same nodes and edges, short of what
// each format cannot hold: XML has no control characters but tab and line
// breaks (written as U+FFFD), GraphML and GEXF join aliases with "|",
// encoding/csv reads a quoted CR LF as LF, and an alias holding ";" is an
// error for Neo4j.
func FuzzEncoders(f *testing.F) {
	for _, s := range []string{
		`{"entities": [{"id": "a"}, {"id": "b", "aliases": ["b|c", "B;"]}], "relations": [{"source": "b", "target": "a", "type": "MEET"}]}`,
		`{"entities": [{"id": "a/\u0001", "name": "x\r\ny\u0000"}, {"id": "b", "type": "WORK_OF_ART"}], "relations": [{"source": "a/\u0001", "target": "b", "type": "URGE", "negated": true, "modality": "requested", "confidence": 0.125, "evidence": [{"doc": "d,\"", "start": 0, "end": 3, "text": "\r\n\t", "cue": "<&>"}]}]}`,
		`{"entities": [{"id": "\ufffe"}, {"id": " "}], "relations": [{"source": " ", "target": "\ufffe", "type": "ACCUSE", "modality": "alleged"}]}`,
	} {
		f.Add([]byte(s))
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "graph.golden.json")); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		g, _ := ReadJSON(bytes.NewReader(in))
		if g == nil {
			return
		}
		nodes, edges := flatten(g)

		xmlNodes, xmlEdges := mapFlat(nodes, edges, xmlSafe)
		for i := range xmlNodes {
			if a := strings.Join(xmlNodes[i].Aliases, aliasSeparator); a != "" {
				xmlNodes[i].Aliases = strings.Split(a, aliasSeparator)
			}
		}
		var b bytes.Buffer
		if err := g.WriteGraphML(&b); err != nil {
			t.Fatal(err)
		}
		gotNodes, gotEdges := readGraphML(t, b.Bytes())
		if d := cmp.Diff(xmlNodes, gotNodes) + cmp.Diff(xmlEdges, gotEdges); d != "" {
			t.Errorf("GraphML read back (-want +got):\n%s", d)
		}
		b.Reset()
		if err := g.WriteGEXF(&b); err != nil {
			t.Fatal(err)
		}
		gotNodes, gotEdges = readGEXF(t, b.Bytes())
		if d := cmp.Diff(xmlNodes, gotNodes) + cmp.Diff(xmlEdges, gotEdges); d != "" {
			t.Errorf("GEXF read back (-want +got):\n%s", d)
		}

		csvNodes, csvEdges := mapFlat(nodes, edges, func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") })
		b.Reset()
		if err := g.WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		gotEdges, _ = readEdgeCSV(t, b.Bytes())
		if d := cmp.Diff(csvEdges, gotEdges); d != "" {
			t.Errorf("CSV read back (-want +got):\n%s", d)
		}
		var nb, rb bytes.Buffer
		err := g.WriteNeo4jCSV(&nb, &rb)
		delimited := slices.ContainsFunc(nodes, func(n flatNode) bool {
			return slices.ContainsFunc(n.Aliases, func(a string) bool { return strings.Contains(a, neo4jArrayDelimiter) })
		})
		if delimited {
			if err == nil {
				t.Error("WriteNeo4jCSV wrote an alias holding the array delimiter")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		gotNodes, _, gotEdges = readNeo4jCSV(t, nb.Bytes(), rb.Bytes())
		if d := cmp.Diff(csvNodes, gotNodes) + cmp.Diff(csvEdges, gotEdges); d != "" {
			t.Errorf("Neo4j CSV read back (-want +got):\n%s", d)
		}
	})
}

// xmlSafe replaces the characters XML 1.0 cannot hold with U+FFFD, as
// encoding/xml writes them.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}

// mapFlat applies f to every string of nodes and edges.
func mapFlat(nodes []flatNode, edges []flatEdge, f func(string) string) ([]flatNode, []flatEdge) {
	var ns []flatNode
	for _, n := range nodes {
		n.ID, n.Name, n.Type, n.Code, n.Country, n.Title = f(n.ID), f(n.Name), f(n.Type), f(n.Code), f(n.Country), f(n.Title)
		var as []string
		for _, a := range n.Aliases {
			as = append(as, f(a))
		}
		n.Aliases = as
		ns = append(ns, n)
	}
	var es []flatEdge
	for _, e := range edges {
		e.Source, e.Target, e.Type, e.Label, e.PLOVER = f(e.Source), f(e.Target), f(e.Type), f(e.Label), f(e.PLOVER)
		e.Modality, e.Doc, e.Cue, e.Evidence = f(e.Modality), f(e.Doc), f(e.Cue), f(e.Evidence)
		es = append(es, e)
	}
	return ns, es
}
