package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/relation"
)

// graphFor runs -format json on in and returns the graph.
func graphFor(t *testing.T, args []string, in string) *relation.Graph {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(append([]string{"-format", "json"}, args...), strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("-format json: exit %d: %s", code, errb.String())
	}
	g, err := relation.ReadJSON(&out)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestLibraryFormats checks that each graph format of the library is a
// -format value writing what the library's method writes for the same
// graph, and that -drop-isolated leaves out the entities in no relation.
func TestLibraryFormats(t *testing.T) {
	in := "Macron met Xi in Beijing. Germany and Brazil were not mentioned in any relation."
	g := graphFor(t, nil, in)
	if len(g.Edges()) == 0 || len(g.WithoutIsolated().Entities()) == len(g.Entities()) {
		t.Fatalf("the test needs a graph with edges and isolated nodes: %d edges, %d/%d nodes",
			len(g.Edges()), len(g.WithoutIsolated().Entities()), len(g.Entities()))
	}
	for _, tc := range []struct {
		format string
		write  func(*relation.Graph, *bytes.Buffer) error
	}{
		{"graphml", func(g *relation.Graph, b *bytes.Buffer) error { return g.WriteGraphML(b) }},
		{"gexf", func(g *relation.Graph, b *bytes.Buffer) error { return g.WriteGEXF(b) }},
		{"csv", func(g *relation.Graph, b *bytes.Buffer) error { return g.WriteCSV(b) }},
		{"mermaid", func(g *relation.Graph, b *bytes.Buffer) error { return g.WriteMermaid(b) }},
		{"dot", func(g *relation.Graph, b *bytes.Buffer) error { return g.WriteDOT(b) }},
	} {
		for _, drop := range []bool{false, true} {
			args := []string{"-format", tc.format}
			want := g
			if drop {
				args = append(args, "-drop-isolated")
				want = g.WithoutIsolated()
			}
			var out, errb, wantOut bytes.Buffer
			if code := run(args, strings.NewReader(in), &out, &errb); code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, errb.String())
			}
			if err := tc.write(want, &wantOut); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(wantOut.String(), out.String()); d != "" {
				t.Errorf("%v (-library +command):\n%s", args, d)
			}
		}
	}
}

// TestGraphMLWellFormed reads the command's GraphML with encoding/xml.
func TestGraphMLWellFormed(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-format", "graphml", "../../../corpus/testdata/article.txt"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var doc struct {
		Graph struct {
			Nodes []struct{} `xml:"node"`
			Edges []struct{} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Graph.Nodes) < 10 || len(doc.Graph.Edges) < 10 {
		t.Errorf("%d nodes, %d edges; want at least 10 of each", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
}

// TestNeo4jFolder checks that -format neo4j writes the two import files
// into the -o folder, and is refused without -o.
func TestNeo4jFolder(t *testing.T) {
	in := "Macron met Xi in Beijing. Russia invaded Ukraine."
	var out, errb bytes.Buffer
	if code := run([]string{"-format", "neo4j"}, strings.NewReader(in), &out, &errb); code != ExitUsage || !strings.Contains(errb.String(), "-o DIR") {
		t.Errorf("-format neo4j without -o: exit %d, %q; want %d and a message naming -o DIR", code, errb.String(), ExitUsage)
	}
	dir := filepath.Join(t.TempDir(), "import")
	errb.Reset()
	if code := run([]string{"-format", "neo4j", "-o", dir}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if out.Len() != 0 {
		t.Errorf("standard output %q, want nothing", out.String())
	}
	var wantNodes, wantRels bytes.Buffer
	if err := graphFor(t, nil, in).WriteNeo4jCSV(&wantNodes, &wantRels); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"nodes.csv": wantNodes.String(), "relationships.csv": wantRels.String()} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, string(b)); d != "" {
			t.Errorf("%s (-library +command):\n%s", name, d)
		}
		if _, err := csv.NewReader(bytes.NewReader(b)).ReadAll(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("%d files in the folder, want 2 (no temporary file left)", len(entries))
	}
}

// TestHTMLFormat checks that -format html writes one page holding each
// document's entities and the evidence of its relations.
func TestHTMLFormat(t *testing.T) {
	in := `{"id":"a","text":"Macron met Xi in Beijing."}
{"id":"b","text":"Russia invaded Ukraine."}
`
	var out, errb bytes.Buffer
	if code := run([]string{"-format", "html"}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	page := out.String()
	if !strings.HasPrefix(strings.ToLower(page), "<!doctype html>") {
		t.Errorf("page starts %q", page[:min(40, len(page))])
	}
	for _, want := range []string{"Emmanuel Macron", "Xi Jinping", "Ukraine", " met ", " invaded ", ">a<", ">b<"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"http://", "https://"} {
		if i := strings.Index(page, bad); i >= 0 && !strings.Contains(page[max(0, i-20):i], "xmlns") {
			t.Errorf("page refers to the network: %q", page[max(0, i-20):min(len(page), i+40)])
		}
	}
}

// TestInputHTML checks that -input html reads a page whatever its name,
// as its visible text, not its markup.
func TestInputHTML(t *testing.T) {
	dir := t.TempDir()
	page := write(t, dir, "page.txt", []byte(`<div><script>Putin met Biden.</script><!-- Putin met Biden --><p>Macron met Xi &amp; Li in Beijing.</p></div>`))
	for _, tc := range []struct {
		args []string
		want bool
	}{{[]string{"-input", "html", page}, true}, {[]string{page}, false}} {
		var out, errb bytes.Buffer
		if code := run(append([]string{"-format", "mentions"}, tc.args...), nil, &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errb.String())
		}
		got := out.String()
		if strings.Contains(got, "Putin") == tc.want || strings.Contains(got, "Biden") == tc.want {
			t.Errorf("%v: mentions %s; hidden text read: %v, want %v", tc.args, got, !tc.want, !tc.want)
		}
		if !strings.Contains(got, "Macron") {
			t.Errorf("%v: mentions %s lack Macron", tc.args, got)
		}
	}
}
