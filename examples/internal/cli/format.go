package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/relation"
)

// outputFormat is one -format. Exactly one of its writers is set:
//
//   - line writes each document's output as it is done (a JSON line), in
//     constant memory;
//   - graph writes the merge of every document's graph at the end;
//   - results writes every document's result at the end (all of them are
//     kept, for outputs that show the documents' text);
//   - dir writes the merged graph at the end as files in the -o folder.
type outputFormat struct {
	name         string
	line         func(w io.Writer, res *relation.Result) error
	graph        func(g *relation.Graph, w io.Writer) error
	results      func(w io.Writer, rs []*relation.Result) error
	dir          func(g *relation.Graph, dir string) error
	mentionsOnly bool // needs entity mentions only, no relations
}

// formats are the -format values, in the order the usage lists them.
var formats = []*outputFormat{
	{name: "json", graph: (*relation.Graph).WriteJSON},
	{name: "dot", graph: (*relation.Graph).WriteDOT},
	{name: "mermaid", graph: (*relation.Graph).WriteMermaid},
	{name: "graphml", graph: (*relation.Graph).WriteGraphML},
	{name: "gexf", graph: (*relation.Graph).WriteGEXF},
	{name: "csv", graph: (*relation.Graph).WriteCSV},
	{name: "neo4j", dir: writeNeo4j},
	{name: "html", results: relation.WriteHTML},
	{name: "graphs", line: writeGraphLine},
	{name: "mentions", line: writeMentions, mentionsOnly: true},
}

func lookupFormat(name string) *outputFormat {
	for _, f := range formats {
		if f.name == name {
			return f
		}
	}
	return nil
}

func formatNames() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// formatWriter gathers the results of a run into the output.
type formatWriter struct {
	f            *outputFormat
	w            io.Writer
	dir          string // -o, for a dir format
	dropIsolated bool   // leave out entities in no relation
	graph        *relation.Graph
	results      []*relation.Result
}

// start begins the output to w, or, for a dir format, to the folder dir.
func (f *outputFormat) start(w io.Writer, dir string, dropIsolated bool) *formatWriter {
	fw := &formatWriter{f: f, w: w, dir: dir, dropIsolated: dropIsolated}
	if f.graph != nil || f.dir != nil {
		fw.graph = relation.NewGraph()
	}
	return fw
}

// add takes one document's result.
func (fw *formatWriter) add(res *relation.Result) error {
	switch {
	case fw.f.line != nil:
		return fw.f.line(fw.w, res)
	case fw.graph != nil:
		g, err := res.Graph()
		if err != nil {
			return err
		}
		fw.graph.Merge(g)
	default:
		fw.results = append(fw.results, res)
	}
	return nil
}

// end writes what is written at the end.
func (fw *formatWriter) end() error {
	g := fw.graph
	if g != nil && fw.dropIsolated {
		g = g.WithoutIsolated()
	}
	switch {
	case fw.f.graph != nil:
		return fw.f.graph(g, fw.w)
	case fw.f.dir != nil:
		return fw.f.dir(g, fw.dir)
	case fw.f.results != nil:
		return fw.f.results(fw.w, fw.results)
	}
	return nil
}

// writeNeo4j writes the graph as the two files of neo4j-admin database
// import, dir/nodes.csv and dir/relationships.csv, each written whole
// beside its final name and then renamed into place; dir is made if need be.
func writeNeo4j(g *relation.Graph, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	nodes, err := createOutput(filepath.Join(dir, "nodes.csv"), nil)
	if err != nil {
		return err
	}
	rels, err := createOutput(filepath.Join(dir, "relationships.csv"), nil)
	if err != nil {
		nodes.abort()
		return err
	}
	if err := g.WriteNeo4jCSV(nodes.w, rels.w); err != nil {
		nodes.abort()
		rels.abort()
		return err
	}
	if err := nodes.commit(); err != nil {
		rels.abort()
		return err
	}
	return rels.commit()
}

// mentionJSON is one mention of the -format mentions stream.
type mentionJSON struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Type   string `json:"type"`
	Text   string `json:"text"`
	Name   string `json:"name"`
	Form   string `json:"form"`
	Entity string `json:"entity"`
	Source string `json:"source,omitempty"`
}

// writeMentions writes one JSON line with the document's mentions.
func writeMentions(w io.Writer, res *relation.Result) error {
	names := map[string]string{}
	for _, e := range res.Entities {
		names[e.ID] = e.Name
	}
	ms := make([]mentionJSON, 0, len(res.Mentions))
	for _, m := range res.Mentions {
		ms = append(ms, mentionJSON{Start: m.Start, End: m.End, Type: string(m.Type), Text: m.Text,
			Name: names[m.Entity], Form: string(m.Form), Entity: m.Entity, Source: m.Source})
	}
	line, err := json.Marshal(struct {
		ID       string        `json:"id"`
		Entities []mentionJSON `json:"entities"`
	}{res.Document.ID, ms})
	if err != nil {
		return fmt.Errorf("document %q: %w", res.Document.ID, err)
	}
	_, err = w.Write(append(line, '\n'))
	return err
}

// writeGraphLine writes the graph of one document as one JSON line:
// {"id": ..., "entities": [...], "relations": [...]}, the graph in the
// json format with the document's id first.
func writeGraphLine(w io.Writer, res *relation.Result) error {
	line, err := GraphLine(res)
	if err != nil {
		return err
	}
	_, err = w.Write(line)
	return err
}

// GraphLine returns the graph of one document as one JSON line, ending in
// a newline, as -format graphs writes it: {"id": ..., "entities": [...],
// "relations": [...]}, the graph in the json format with the document's id
// first.
func GraphLine(res *relation.Result) ([]byte, error) {
	g, err := res.Graph()
	if err != nil {
		return nil, err
	}
	var buf, compact bytes.Buffer
	if err := g.WriteJSON(&buf); err != nil {
		return nil, err
	}
	if err := json.Compact(&compact, buf.Bytes()); err != nil {
		return nil, fmt.Errorf("document %q: %w", res.Document.ID, err)
	}
	id, err := json.Marshal(res.Document.ID)
	if err != nil {
		return nil, err
	}
	line := append([]byte(`{"id":`), id...)
	if body := compact.Bytes()[1:]; len(body) > 1 {
		line = append(line, ',')
		line = append(line, body...)
	} else {
		line = append(line, '}')
	}
	return append(line, '\n'), nil
}
