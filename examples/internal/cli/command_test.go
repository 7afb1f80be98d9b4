package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/relation"
)

// lineIDs returns the ids of the JSON lines of out.
func lineIDs(t *testing.T, out string) []string {
	t.Helper()
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var d struct{ ID string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("output line %q: %v", line, err)
		}
		ids = append(ids, d.ID)
	}
	return ids
}

const threeDocs = `{"id":"a","text":"Macron met Xi in Beijing."}
{"id":"b","text":"Russia invaded Ukraine. Macron met Xi again."}
{"id":"c","text":"Germany condemned Russia."}
`

// TestStdin checks how standard input is read: "-" among files, JSON Lines
// told from text by its first line, and broken JSON Lines refused rather
// than read as one text.
func TestStdin(t *testing.T) {
	dir := t.TempDir()
	file := write(t, dir, "f.txt", []byte("Japan signed a trade agreement with Australia."))
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
		wantIDs  []string
		wantErrs []string
	}{{
		name:    "JSON Lines detected",
		args:    []string{"-format", "mentions"},
		stdin:   threeDocs,
		wantIDs: []string{"a", "b", "c"},
	}, {
		name:    "JSON Lines after blank lines, with a bad line named by its number",
		args:    []string{"-format", "mentions", "-"},
		stdin:   "\n  \n" + `{"id":"a","text":"Macron met Xi."}` + "\n{\"id\":\"b\"}\n",
		wantIDs: []string{"a"},
		// The blank lines count: the bad line is the fourth.
		wantErrs: []string{"stdin:4"},
	}, {
		name:    "text that is not JSON",
		args:    []string{"-format", "mentions"},
		stdin:   "  Macron met Xi Jinping in Beijing.",
		wantIDs: []string{"stdin"},
	}, {
		name:    "text with a brace inside",
		args:    []string{"-format", "mentions"},
		stdin:   "Macron {said} it.",
		wantIDs: []string{"stdin"},
	}, {
		name:     "broken JSON Lines refused",
		args:     []string{"-format", "mentions"},
		stdin:    `{"id":"a","text":"Macron met Xi.` + "\n" + `{"id":"b","text":"Xi met Macron."}` + "\n",
		wantCode: 1,
		wantErrs: []string{"stdin:1", "like JSON Lines", "-input text"},
	}, {
		name:     "a JSON object without text refused",
		args:     []string{"-format", "mentions"},
		stdin:    `{"id":"a","body":"Macron met Xi."}`,
		wantCode: 1,
		wantErrs: []string{`no "text"`},
	}, {
		name:    "-input text reads JSON as one text",
		args:    []string{"-format", "mentions", "-input", "text"},
		stdin:   `{"id":"a","text":"Macron met Xi."}`,
		wantIDs: []string{"stdin"},
	}, {
		name:    "- between files, in order",
		args:    []string{"-format", "mentions", file, "-", file},
		stdin:   threeDocs,
		wantIDs: []string{"f", "a", "b", "c", "f"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &out, &errb)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.wantCode, errb.String())
			}
			for _, s := range tt.wantErrs {
				if !strings.Contains(errb.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errb.String())
				}
			}
			if d := cmp.Diff(tt.wantIDs, lineIDs(t, out.String())); d != "" {
				t.Errorf("documents (-want +got):\n%s", d)
			}
		})
	}
}

// TestOutputFile checks -o: the file holds what standard output would, and
// a run that cannot write it leaves the old file as it was and no
// temporary file behind.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	var want, errb bytes.Buffer
	if code := run([]string{"-format", "graphs"}, strings.NewReader(threeDocs), &want, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	path := filepath.Join(dir, "out.jsonl")
	write(t, dir, "out.jsonl", []byte("old\n"))
	var out bytes.Buffer
	if code := run([]string{"-format", "graphs", "-o", path}, strings.NewReader(threeDocs), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if out.Len() != 0 {
		t.Errorf("standard output has %q with -o", out.String())
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want.String(), string(got)); d != "" {
		t.Errorf("-o file differs from standard output (-want +got):\n%s", d)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the folder: %v", entries)
	}

	// A folder that does not exist: an error naming the file, no output.
	bad := filepath.Join(dir, "missing", "out.json")
	errb.Reset()
	if code := run([]string{"-o", bad}, strings.NewReader(threeDocs), &out, &errb); code != 1 || !strings.Contains(errb.String(), bad) {
		t.Errorf("-o %s: exit %d, stderr %q; want 1 and an error naming the file", bad, code, errb.String())
	}
}

// TestVersion checks -version prints the command's name and a version.
func TestVersion(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-version"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	// A test binary has no module version: "(devel)".
	if !regexp.MustCompile(`^newsgraph (v\S+|\(devel\)\S*( \S+)?) go\S+\n$`).MatchString(out.String()) {
		t.Errorf("-version printed %q", out.String())
	}
}

// TestMermaid checks -format mermaid writes the merged graph as a
// flowchart with the relation between the two leaders.
func TestMermaid(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-format", "mermaid"}, strings.NewReader(threeDocs), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "flowchart") || !strings.Contains(out.String(), "MEET") {
		t.Errorf("-format mermaid wrote:\n%s", out.String())
	}
}

// TestProgress checks the progress bar is drawn on a terminal only, and
// never with -q.
func TestProgress(t *testing.T) {
	dir := t.TempDir()
	news := write(t, dir, "news.jsonl", []byte(threeDocs))
	for _, tt := range []struct {
		name     string
		terminal bool
		args     []string
		wantBar  bool
	}{
		{"terminal", true, []string{news}, true},
		{"terminal, -q", true, []string{"-q", news}, false},
		{"not a terminal", false, []string{news}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			c := &Command{Name: "newsgraph", Stdout: &out, Stderr: &errb,
				IsTerminal: func(w io.Writer) bool { return w == &errb && tt.terminal }}
			if code := c.Run(context.Background(), tt.args); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			if got := strings.Contains(errb.String(), "docs"); got != tt.wantBar {
				t.Errorf("progress bar drawn: %v, want %v; stderr %q", got, tt.wantBar, errb.String())
			}
			if !tt.wantBar && errb.Len() != 0 {
				t.Errorf("stderr %q, want nothing", errb.String())
			}
		})
	}
}

func TestCountDocuments(t *testing.T) {
	dir := t.TempDir()
	news := write(t, dir, "news.jsonl", []byte(threeDocs+"\n  \n"+`{"id":"d"}`))
	write(t, dir, "sub/a.txt", nil)
	write(t, dir, "sub/b.TXT", nil)
	write(t, dir, "sub/.hidden.txt", nil)
	write(t, dir, "sub/README", nil)
	n, ok := countDocuments([]string{news, filepath.Join(dir, "sub"), filepath.Join(dir, "missing.txt")}, false, nil)
	if !ok || n != 4+2+1 {
		t.Errorf("countDocuments = %d, %v; want 7, true", n, ok)
	}
	if _, ok := countDocuments([]string{news, "-"}, false, nil); ok {
		t.Error("countDocuments with standard input is known")
	}
}

// TestEveryUserFileError checks every bad line of a cue or gazetteer file
// is printed, each with its file and line, not the first and a count.
func TestEveryUserFileError(t *testing.T) {
	dir := t.TempDir()
	cues := write(t, dir, "cues.tsv", []byte("rebuke\tVERB\tNOPE\tsubj\tobj\nscold\tVERB\tCRITICIZE\tsubj\nchide\tVERB\tCRITICIZE\tsubj\tobj\nberate\tVERB\tCRITICIZE\twho\tobj\n"))
	gaz := write(t, dir, "mine.tsv", []byte("id\ttype\tname\nperson/x\tNOTATYPE\tX\nperson/y\tPERSON\t\n"))
	var out, errb bytes.Buffer
	code := run([]string{"-cues", cues, "-gazetteer", gaz}, strings.NewReader("Macron met Xi."), &out, &errb)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"cues.tsv:1", "cues.tsv:2", "cues.tsv:4", "mine.tsv:2", "mine.tsv:3"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
	if strings.Contains(errb.String(), "more") {
		t.Errorf("stderr counts errors instead of printing them:\n%s", errb.String())
	}
}

// blockingReader yields data, then cancels the run and blocks, as a
// terminal would, until the test ends.
type blockingReader struct {
	data   *strings.Reader
	cancel func()
	block  chan struct{}
}

func (r *blockingReader) Read(p []byte) (int, error) {
	if r.data.Len() > 0 {
		return r.data.Read(p)
	}
	time.Sleep(300 * time.Millisecond) // let some documents finish
	r.cancel()
	<-r.block
	return 0, io.EOF
}

// TestInterrupt checks an interrupt while standard input blocks: the
// command returns at once with ExitInterrupted and a message, and the
// output is whole and holds documents done, in order.
func TestInterrupt(t *testing.T) {
	for _, format := range []string{"graphs", "json"} {
		t.Run(format, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			in := &blockingReader{data: strings.NewReader(threeDocs), cancel: cancel, block: make(chan struct{})}
			defer close(in.block)
			var out, errb bytes.Buffer
			c := &Command{Name: "newsgraph", Stdin: in, Stdout: &out, Stderr: &errb,
				IsTerminal: func(io.Writer) bool { return false }}
			code := c.Run(ctx, []string{"-format", format, "-input", "jsonl", "-j", "1"})
			if code != ExitInterrupted || !strings.Contains(errb.String(), "interrupted") {
				t.Errorf("exit %d, stderr %q; want %d and a message", code, errb.String(), ExitInterrupted)
			}
			if format == "json" {
				if _, err := relation.ReadJSON(&out); err != nil {
					t.Errorf("the output is not a whole graph: %v", err)
				}
				return
			}
			ids := lineIDs(t, out.String())
			if d := cmp.Diff([]string{"a", "b", "c"}[:len(ids)], ids); d != "" {
				t.Errorf("documents written (-want +got):\n%s", d)
			}
		})
	}
}
