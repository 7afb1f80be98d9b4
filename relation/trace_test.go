package relation_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/relation"
)

// TestTracedConcurrent extracts documents from several goroutines through
// one traced Extractor and checks that each document's lines come whole,
// and that the untraced Extractor is not changed.
func TestTracedConcurrent(t *testing.T) {
	x, err := relation.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	tx := x.Traced(&buf)
	const n = 8
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc := &corpus.Document{ID: fmt.Sprintf("d%d", i), Text: "Japan protested to China on Monday and recalled its ambassador from Beijing."}
			if _, err := tx.Extract(context.Background(), doc); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	perDoc := len(lines) / n
	if perDoc == 0 || len(lines) != perDoc*n {
		t.Fatalf("%d trace lines for %d documents", len(lines), n)
	}
	for i := 0; i < len(lines); i += perDoc {
		id, _, _ := strings.Cut(lines[i], ":")
		for _, l := range lines[i : i+perDoc] {
			if !strings.HasPrefix(l, id+":") {
				t.Fatalf("the lines of %s are mixed with others: %q", id, l)
			}
		}
	}
	buf.Reset()
	if _, err := x.Extract(context.Background(), &corpus.Document{ID: "u", Text: "Japan protested to China."}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 0 {
		t.Errorf("the untraced Extractor wrote %q", buf.String())
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestTracedWriteError(t *testing.T) {
	x, err := relation.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	_, err = x.Traced(failWriter{}).Extract(context.Background(), &corpus.Document{ID: "d1", Text: "Japan protested to China."})
	if err == nil || !strings.Contains(err.Error(), `"d1"`) || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("got %v, want an error naming d1 and the write error", err)
	}
}
