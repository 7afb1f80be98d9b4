package relation_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/relation"
)

var batchExtractorOnce = sync.OnceValues(func() (*relation.Extractor, error) { return relation.NewExtractor() })

func batchExtractor(t *testing.T) *relation.Extractor {
	t.Helper()
	ex, err := batchExtractorOnce()
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// batchTexts are short news texts of different lengths, so that workers
// finish out of order.
var batchTexts = []string{
	"French President Emmanuel Macron met Chinese leader Xi Jinping in Beijing.",
	"Russia invaded Ukraine. Germany condemned Russia and urged Moscow to withdraw its troops.",
	"Nothing here.",
	"The European Union imposed sanctions on Iran. Iran accused the EU of hypocrisy. " +
		"Israel threatened to attack Iran. The United States urged Israel to show restraint.",
	"Japan signed a trade agreement with Australia.",
	"Turkish President Recep Tayyip Erdogan visited Egypt on Monday and met Egyptian President Abdel Fattah al-Sisi.",
}

// docsOf returns n fresh documents cycling through texts, with ids d0, d1, ...
func docsOf(n int) []*corpus.Document {
	docs := make([]*corpus.Document, n)
	for i := range docs {
		docs[i] = &corpus.Document{ID: fmt.Sprintf("d%d", i), Text: batchTexts[i%len(batchTexts)]}
	}
	return docs
}

// seqOf yields docs with no error.
func seqOf(docs []*corpus.Document) iter.Seq2[*corpus.Document, error] {
	return func(yield func(*corpus.Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}

// graphJSON is a result's graph as JSON, what the comparison is about.
func graphJSON(t *testing.T, res *relation.Result) string {
	t.Helper()
	g, err := res.Graph()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := g.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return res.Document.ID + " " + b.String()
}

// TestExtractAllOrder checks that ExtractAll yields what sequential
// Extract calls give, in input order, whatever the worker count.
func TestExtractAllOrder(t *testing.T) {
	ex := batchExtractor(t)
	ctx := context.Background()
	const n = 24
	var want []string
	for _, d := range docsOf(n) {
		res, err := ex.Extract(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, graphJSON(t, res))
	}
	for _, workers := range []int{1, 3, 8, 0} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			var got []string
			for res, err := range ex.ExtractAll(ctx, seqOf(docsOf(n)), workers) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, graphJSON(t, res))
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("ExtractAll differs from sequential Extract (-want +got):\n%s", d)
			}
		})
	}
}

// TestExtractAllErrorsInPlace checks that an error of the input and a
// document that cannot be extracted are yielded in their place, and that
// the documents after them go on.
func TestExtractAllErrorsInPlace(t *testing.T) {
	ex := batchExtractor(t)
	badRecord := errors.New("news.jsonl:2: not a JSON object")
	docs := func(yield func(*corpus.Document, error) bool) {
		_ = yield(&corpus.Document{ID: "a", Text: batchTexts[0]}, nil) &&
			yield(nil, badRecord) &&
			yield(&corpus.Document{ID: "b", Text: batchTexts[1]}, nil) &&
			yield(&corpus.Document{ID: "bad", Text: "Macron met \xff Xi."}, nil) &&
			yield(&corpus.Document{ID: "c", Text: batchTexts[2]}, nil)
	}
	var got []string
	for res, err := range ex.ExtractAll(context.Background(), docs, 2) {
		var de *relation.DocumentError
		switch {
		case err == nil:
			got = append(got, res.Document.ID)
		case errors.As(err, &de):
			if res != nil {
				t.Errorf("result %v with error %v", res, err)
			}
			got = append(got, "error in "+de.Document.ID)
		case errors.Is(err, badRecord):
			got = append(got, "bad record")
		default:
			t.Errorf("unexpected error %v", err)
		}
	}
	want := []string{"a", "bad record", "b", "error in bad", "c"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("results (-want +got):\n%s", d)
	}
}

// endless yields documents until stopped, counting them.
func endless(read *atomic.Int64) iter.Seq2[*corpus.Document, error] {
	return func(yield func(*corpus.Document, error) bool) {
		for i := 0; ; i++ {
			read.Add(1)
			if !yield(&corpus.Document{ID: fmt.Sprintf("d%d", i), Text: batchTexts[i%len(batchTexts)]}, nil) {
				return
			}
		}
	}
}

// checkNoLeak fails if goroutines started after before are still running
// a little while later.
func checkNoLeak(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines, %d before:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestExtractAllBreak checks that breaking out of the loop stops the
// workers and the reading, leaving no goroutine behind, and that reading
// keeps a bounded distance ahead of the consumer.
func TestExtractAllBreak(t *testing.T) {
	ex := batchExtractor(t)
	before := runtime.NumGoroutine()
	var read atomic.Int64
	const workers = 3
	got := 0
	for res, err := range ex.ExtractAll(context.Background(), endless(&read), workers) {
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("d%d", got); res.Document.ID != want {
			t.Fatalf("result %d is %s, want %s", got, res.Document.ID, want)
		}
		got++
		if got == 10 {
			// Let the reader run as far ahead as it may.
			time.Sleep(200 * time.Millisecond)
			if ahead := read.Load() - int64(got); ahead > 4*workers+2 {
				t.Errorf("%d documents read ahead of the consumer with %d workers", ahead, workers)
			}
			break
		}
	}
	checkNoLeak(t, before)
}

// TestExtractAllCancel checks that cancelling the context yields the
// results done, then the context's error once, and stops everything.
func TestExtractAllCancel(t *testing.T) {
	ex := batchExtractor(t)
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var read atomic.Int64
	var ids []string
	var errs []error
	for res, err := range ex.ExtractAll(ctx, endless(&read), 2) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, res.Document.ID)
		if len(ids) == 5 {
			cancel()
		}
		if len(ids) > 1000 {
			t.Fatal("no end after cancel")
		}
	}
	if d := cmp.Diff([]error{context.Canceled}, errs, cmp.Comparer(func(a, b error) bool { return errors.Is(b, a) })); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
	for i, id := range ids {
		if want := fmt.Sprintf("d%d", i); id != want {
			t.Fatalf("result %d is %s, want %s (results: %v)", i, id, want, ids)
		}
	}
	if len(ids) < 5 {
		t.Errorf("%d results before the cancel, want 5", len(ids))
	}
	checkNoLeak(t, before)
}

// TestExtractAllCancelledBefore checks a context done before the start.
func TestExtractAllCancelledBefore(t *testing.T) {
	ex := batchExtractor(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var got []error
	for res, err := range ex.ExtractAll(ctx, seqOf(docsOf(20)), 2) {
		if err == nil {
			t.Errorf("result %s after the context was done", res.Document.ID)
			continue
		}
		got = append(got, err)
	}
	if len(got) != 1 || !errors.Is(got[0], context.Canceled) {
		t.Errorf("errors %v, want context.Canceled once", got)
	}
}

// TestDocuments checks the adapter from a corpus.Reader: bad records in
// their place, the good documents, in order.
func TestDocuments(t *testing.T) {
	in := `{"id":"a","text":"Macron met Xi."}
{"id":"b","text":
{"id":"c","text":"Germany condemned Russia."}
{"id":"c","text":"A duplicate."}
{"id":"d","text":"Japan signed a deal with Australia."}
`
	var got []string
	for d, err := range relation.Documents(corpus.NewJSONLReader(strings.NewReader(in), "news.jsonl")) {
		if err != nil {
			var le *corpus.LineError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *corpus.LineError", err)
			}
			got = append(got, fmt.Sprintf("%s:%d", le.File, le.Line))
			continue
		}
		got = append(got, d.ID)
	}
	want := []string{"a", "news.jsonl:2", "c", "news.jsonl:4", "d"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Documents (-want +got):\n%s", d)
	}
}
