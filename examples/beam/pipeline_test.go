package main

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	gocmp "github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/examples/internal/cli"
)

// testTexts returns the texts of the test's documents: CoNLL-2003
// documents when NEWSGRAPH_DATA names the annotated data, and otherwise the
// paragraphs of the articles under the repository's testdata.
func testTexts(t *testing.T) []string {
	if dir := os.Getenv("NEWSGRAPH_DATA"); dir != "" {
		texts, err := conllTexts(filepath.Join(dir, "conll2003", "eng.testa"))
		if err != nil {
			t.Fatal(err)
		}
		return texts
	}
	t.Log("NEWSGRAPH_DATA is not set: documents from the testdata articles")
	var texts []string
	for _, p := range []string{"../../corpus/testdata/article.txt", "../../relation/testdata/mideast.txt", "../../relation/testdata/summit.txt"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for para := range strings.SplitSeq(string(b), "\n\n") {
			if strings.TrimSpace(para) != "" {
				texts = append(texts, para)
			}
		}
	}
	return texts
}

// conllTexts returns the documents of a CoNLL-2003 file, a sentence a line.
func conllTexts(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var texts, sents, words []string
	endSentence := func() {
		if len(words) > 0 {
			sents = append(sents, strings.Join(words, " "))
			words = nil
		}
	}
	endDoc := func() {
		endSentence()
		if len(sents) > 0 {
			texts = append(texts, strings.Join(sents, "\n"))
			sents = nil
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "-DOCSTART-"):
			endDoc()
		case strings.TrimSpace(line) == "":
			endSentence()
		default:
			words = append(words, strings.Fields(line)[0])
		}
	}
	endDoc()
	return texts, sc.Err()
}

// jsonLine is a document as a JSON line.
func jsonLine(t *testing.T, id, text string) string {
	b, err := json.Marshal(map[string]string{"id": id, "text": text})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// corpusGraph is the graph JSON of relation.Graph.WriteJSON, decoded.
type corpusGraph struct {
	Entities  []Entity       `json:"entities"`
	Relations []relationJSON `json:"relations"`
}

// TestPipeline runs the pipeline on Beam's direct runner, in process, over
// a few hundred documents in a plain and a gzip file with bad lines among
// them, and checks its outputs against the newsgraph command's on the same
// documents: the same per-document graphs, the same corpus graph (its
// evidence cut to the pipeline's sample), and every bad line reported.
func TestPipeline(t *testing.T) {
	const nDocs, maxEvidence = 300, 3
	texts := testTexts(t)
	var lines []string
	for i := range nDocs {
		lines = append(lines, jsonLine(t, fmt.Sprintf("doc-%03d", i), texts[i%len(texts)]))
	}
	dir := t.TempDir()
	half := nDocs / 2
	plain := strings.Join(lines[:half], "\n") + "\n\n" + `{"id":"bad-1","text":` + "\n"
	zipped := strings.Join(lines[half:], "\n") + "\n" + `{"id":"bad-2"}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(plain), 0o644); err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	io.WriteString(zw, zipped)
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "b.jsonl.gz"), gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	out := OutputsFor(filepath.Join(dir, "out", "corpus"))
	os.MkdirAll(filepath.Join(dir, "out"), 0o755)
	p, s := beam.NewPipelineWithRoot()
	Build(s, []string{filepath.Join(dir, "*.jsonl"), filepath.Join(dir, "*.jsonl.gz")}, out, maxEvidence)
	start := time.Now()
	if _, err := direct.Execute(context.Background(), p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	t.Logf("%d documents through the pipeline on the direct runner in %v", nDocs, time.Since(start))

	// What the command gives on the same documents.
	all := filepath.Join(dir, "all.jsonl")
	if err := os.WriteFile(all, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	command := func(format string) []byte {
		var stdout, stderr bytes.Buffer
		c := &cli.Command{Name: "newsgraph", Stdout: &stdout, Stderr: &stderr, IsTerminal: func(io.Writer) bool { return false }}
		if code := c.Run(context.Background(), []string{"-format", format, all}); code != 0 {
			t.Fatalf("newsgraph -format %s: exit %d: %s", format, code, stderr.String())
		}
		return stdout.Bytes()
	}

	t.Run("graphs", func(t *testing.T) {
		want := strings.Split(strings.TrimSpace(string(command("graphs"))), "\n")
		got := readLines(t, out.Graphs)
		slices.Sort(got) // the ids sort in input order
		if d := gocmp.Diff(want, got); d != "" {
			t.Errorf("per-document graphs differ from newsgraph -format graphs (-want +got):\n%s", d)
		}
	})

	t.Run("corpus graph", func(t *testing.T) {
		var want corpusGraph
		if err := json.Unmarshal(command("json"), &want); err != nil {
			t.Fatal(err)
		}
		for i, r := range want.Relations {
			want.Relations[i].Evidence = r.Evidence[:min(len(r.Evidence), maxEvidence)]
		}
		var got corpusGraph
		for _, l := range readLines(t, out.Entities) {
			var e Entity
			if err := json.Unmarshal([]byte(l), &e); err != nil {
				t.Fatalf("entity line %s: %v", l, err)
			}
			got.Entities = append(got.Entities, e)
		}
		for _, l := range readLines(t, out.Relations) {
			var r relationJSON
			if err := json.Unmarshal([]byte(l), &r); err != nil {
				t.Fatalf("relation line %s: %v", l, err)
			}
			got.Relations = append(got.Relations, r)
		}
		slices.SortFunc(got.Entities, func(a, b Entity) int { return strings.Compare(a.ID, b.ID) })
		slices.SortFunc(got.Relations, func(a, b relationJSON) int {
			return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target),
				strings.Compare(a.Type, b.Type), cmp.Compare(fmt.Sprint(a.Negated), fmt.Sprint(b.Negated)),
				strings.Compare(a.Modality, b.Modality))
		})
		if len(want.Relations) < 20 {
			t.Errorf("only %d relations in the corpus graph: too few to test the merge", len(want.Relations))
		}
		if d := gocmp.Diff(want, got); d != "" {
			t.Errorf("corpus graph differs from newsgraph -format json's (-want +got):\n%s", d)
		}
	})

	t.Run("errors", func(t *testing.T) {
		got := readLines(t, out.Errors)
		slices.Sort(got)
		// The blank line counts: bad-1 is a.jsonl's line 152.
		if len(got) != 2 || !strings.Contains(got[0], "a.jsonl:152:") || !strings.Contains(got[1], "b.jsonl.gz:151:") {
			t.Errorf("errors %q; want the two bad lines, each with its file", got)
		}
	})
}

// readLines returns the lines of a file, without the empty ones.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for l := range strings.SplitSeq(string(b), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

func TestMain(m *testing.M) {
	beam.Init()
	os.Exit(m.Run())
}
