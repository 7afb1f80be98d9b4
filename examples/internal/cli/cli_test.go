package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/relation"
)

// run runs the command in process, with stderr not a terminal.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &Command{Name: "newsgraph", Stdin: stdin, Stdout: stdout, Stderr: stderr,
		IsTerminal: func(io.Writer) bool { return false }}
	return c.Run(context.Background(), args)
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadInput checks that every bad document is reported with where it
// is, that the good ones are still processed, and that the exit status is
// non-zero only when nothing could be processed.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.txt", []byte("French President Emmanuel Macron met Chinese leader Xi Jinping in Beijing."))
	empty := write(t, dir, "empty.txt", []byte("  \n"))
	invalid := write(t, dir, "invalid.txt", []byte("Macron met \xff Xi."))
	jsonl := write(t, dir, "news.jsonl", []byte(`{"id":"a","text":"Macron met Xi Jinping."}
{"id":"b","text":
{"id":"c"}
{"id":"d","text":"Germany condemned Russia."}
`))
	tests := []struct {
		name      string
		args      []string
		wantCode  int
		wantErrs  []string // substrings of standard error
		wantIDs   []string // documents in the mentions output
		stdinText string
	}{{
		name:     "a missing file among good ones",
		args:     []string{"-format", "mentions", good, filepath.Join(dir, "missing.txt")},
		wantCode: 0,
		wantErrs: []string{"missing.txt"},
		wantIDs:  []string{"good"},
	}, {
		name:     "empty and invalid UTF-8 documents",
		args:     []string{"-format", "mentions", empty, invalid, good},
		wantCode: 0,
		wantErrs: []string{"empty.txt", "invalid.txt", "2 failed"},
		wantIDs:  []string{"good"},
	}, {
		name:     "malformed JSON lines name their line",
		args:     []string{"-format", "mentions", jsonl},
		wantCode: 0,
		wantErrs: []string{"news.jsonl:2", "news.jsonl:3"},
		wantIDs:  []string{"a", "d"},
	}, {
		name:     "nothing could be processed",
		args:     []string{"-format", "mentions", empty},
		wantCode: 1,
		wantErrs: []string{"empty.txt"},
	}, {
		name:     "unknown format",
		args:     []string{"-format", "xml", good},
		wantCode: 2,
		wantErrs: []string{`unknown -format "xml"`},
	}, {
		name:      "standard input",
		args:      []string{"-format", "mentions"},
		stdinText: "Macron met Xi Jinping.",
		wantCode:  0,
		wantIDs:   []string{"stdin"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdinText), &out, &errb)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.wantCode, errb.String())
			}
			for _, s := range tt.wantErrs {
				if !strings.Contains(errb.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errb.String())
				}
			}
			var ids []string
			for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
				if line == "" {
					continue
				}
				var d struct{ ID string }
				if err := json.Unmarshal([]byte(line), &d); err != nil {
					t.Fatalf("output line %q: %v", line, err)
				}
				ids = append(ids, d.ID)
			}
			if d := cmp.Diff(tt.wantIDs, ids); d != "" {
				t.Errorf("documents (-want +got):\n%s", d)
			}
		})
	}
}

// TestGraphFormats runs the graph outputs on the bundled article.
func TestGraphFormats(t *testing.T) {
	for _, format := range []string{"json", "dot"} {
		var out, errb bytes.Buffer
		if code := run([]string{"-format", format, "../../../corpus/testdata/article.txt"}, nil, &out, &errb); code != 0 {
			t.Fatalf("-format %s: exit %d: %s", format, code, errb.String())
		}
		if format == "json" {
			var g struct {
				Entities  []json.RawMessage `json:"entities"`
				Relations []json.RawMessage `json:"relations"`
			}
			if err := json.Unmarshal(out.Bytes(), &g); err != nil {
				t.Fatalf("-format json: %v", err)
			}
			if len(g.Entities) < 10 || len(g.Relations) < 10 {
				t.Errorf("-format json: %d entities, %d relations; want at least 10 of each", len(g.Entities), len(g.Relations))
			}
		} else if !strings.HasPrefix(out.String(), "strict digraph") && !strings.HasPrefix(out.String(), "digraph") {
			t.Errorf("-format dot output starts %q", out.String()[:min(40, out.Len())])
		}
	}
}

// TestGraphLines checks -format graphs: one line per document, in input
// order, each a graph relation.ReadJSON reads, and the lines' graphs merged
// the same as -format json's one graph.
func TestGraphLines(t *testing.T) {
	in := `{"id":"a","text":"Macron met Xi in Beijing."}
{"id":"b","text":"Russia invaded Ukraine. Macron met Xi again."}
{"id":"c","text":"Nothing here."}
`
	var out, errb bytes.Buffer
	if code := run([]string{"-input", "jsonl", "-format", "graphs"}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	var ids []string
	merged := relation.NewGraph()
	for _, l := range lines {
		var head struct{ ID string }
		if err := json.Unmarshal([]byte(l), &head); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		ids = append(ids, head.ID)
		g, err := relation.ReadJSON(strings.NewReader(l))
		if err != nil {
			t.Fatalf("ReadJSON(line %s): %v", head.ID, err)
		}
		merged.Merge(g)
	}
	if d := cmp.Diff([]string{"a", "b", "c"}, ids); d != "" {
		t.Errorf("document ids (-want +got):\n%s", d)
	}
	out.Reset()
	if code := run([]string{"-input", "jsonl", "-format", "json"}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	whole, err := relation.ReadJSON(&out)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(whole.Edges(), merged.Edges()); d != "" {
		t.Errorf("merged lines differ from the one graph (-json +graphs):\n%s", d)
	}
	if len(whole.Edges()) < 2 {
		t.Errorf("%d edges; want the meeting and the invasion at least", len(whole.Edges()))
	}
}

// TestUserData runs the command with a gazetteer, a cue file and an actor
// dictionary of the user's own.
func TestUserData(t *testing.T) {
	dir := t.TempDir()
	gaz := write(t, dir, "mine.tsv", []byte("id\ttype\tname\taliases\tcode\tcountry\ttitle\nperson/jane-doe\tPERSON\tJane Doe\tDoe\tNZL\tcountry/nzl\tForeign Minister\n"))
	cues := write(t, dir, "cues.tsv", []byte("# lemma\tpos\ttype\tactor\ttarget\tcomplement\nrebuke\tVERB\tCRITICIZE\tsubj\tobj\n"))
	actors := write(t, dir, "actors.txt", []byte("RINALDO_VASQUEZ_\n\t[CHLGOV >250101]\n"))
	text := write(t, dir, "news.txt", []byte("Jane Doe rebuked Rinaldo Vasquez."))
	var out, errb bytes.Buffer
	args := []string{"-format", "json", "-gazetteer", gaz, "-cues", cues, "-actors", actors, text}
	if code := run(args, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var g struct {
		Entities []struct {
			ID, Code string
		} `json:"entities"`
		Relations []struct {
			Source, Type, Target string
		} `json:"relations"`
	}
	if err := json.Unmarshal(out.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	type rel struct{ Source, Type, Target string }
	var rels []rel
	for _, r := range g.Relations {
		rels = append(rels, rel{r.Source, r.Type, r.Target})
	}
	want := []rel{{"person/jane-doe", "CRITICIZE", "person/rinaldo-vasquez"}}
	if d := cmp.Diff(want, rels); d != "" {
		t.Errorf("relations (-want +got):\n%s", d)
	}
	codes := map[string]string{}
	for _, e := range g.Entities {
		codes[e.ID] = e.Code
	}
	if codes["person/jane-doe"] != "NZL" || codes["person/rinaldo-vasquez"] != "CHL" {
		t.Errorf("codes = %v, want Jane Doe NZL and Rinaldo Vasquez CHL", codes)
	}
}
