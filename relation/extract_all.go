package relation

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/newsgraph/newsgraph/corpus"
)

// DocumentError is the error of one document of [Extractor.ExtractAll]:
// the document, and why it could not be extracted.
type DocumentError struct {
	Document *corpus.Document
	Err      error
}

func (e *DocumentError) Error() string {
	if e.Document == nil {
		return fmt.Sprintf("relation: nil document: %v", e.Err)
	}
	return fmt.Sprintf("document %q: %v", e.Document.ID, e.Err)
}

func (e *DocumentError) Unwrap() error { return e.Err }

// ExtractAll extracts every document of docs with up to workers goroutines
// (GOMAXPROCS when workers < 1) and yields each document's result in input
// order, as soon as it and every document before it are done:
//
//	for res, err := range x.ExtractAll(ctx, relation.Documents(r), 0) {
//		if err != nil {
//			log.Print(err) // this document only; the others go on
//			continue
//		}
//		...
//	}
//
// An error from docs (a bad record of a corpus) is yielded in its place,
// and so is a document's extraction error, as a [*DocumentError]; neither
// stops the others, so every document of docs gives exactly one result or
// one error.
//
// Memory is bounded: at most 4×workers documents are read ahead of the
// last result yielded, whatever the size of the corpus. docs is ranged over
// on a goroutine of its own, never concurrently with itself.
//
// When ctx is done, ExtractAll stops reading docs and stops the documents
// in progress; it yields the results finished before, in order, then
// ctx.Err() once, and stops. When the loop body stops early (break or
// return), ExtractAll stops likewise. In both cases the workers and the
// goroutine that ranges over docs have ended when the loop is over: a docs
// iterator that blocks (reading a terminal) holds that up until its current
// step returns.
func (x *Extractor) ExtractAll(ctx context.Context, docs iter.Seq2[*corpus.Document, error], workers int) iter.Seq2[*Result, error] {
	return extractAll(ctx, docs, workers, x.Extract)
}

// extractAll is ExtractAll with the extraction of one document given.
func extractAll(ctx context.Context, docs iter.Seq2[*corpus.Document, error], workers int,
	extract func(context.Context, *corpus.Document) (*Result, error)) iter.Seq2[*Result, error] {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := 4 * workers
	type job struct {
		doc  *corpus.Document
		res  *Result
		err  error
		done chan struct{} // closed when res and err are set
	}
	return func(yield func(*Result, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		defer wg.Wait()
		defer cancel() // runs first: stops the goroutines wg waits for

		// order holds the jobs in input order; its capacity bounds the
		// documents read ahead of the consumer.
		order := make(chan *job, window)
		work := make(chan *job)
		for range workers {
			wg.Go(func() {
				for j := range work {
					if err := ctx.Err(); err != nil {
						j.err = err
					} else {
						j.res, j.err = extract(ctx, j.doc)
						if j.err == nil && j.res == nil {
							j.err = errors.New("relation: no result")
						}
					}
					if j.err != nil {
						j.res, j.err = nil, &DocumentError{Document: j.doc, Err: j.err}
					}
					close(j.done)
				}
			})
		}
		wg.Go(func() {
			defer close(order)
			defer close(work)
			for doc, err := range docs {
				j := &job{doc: doc, err: err, done: make(chan struct{})}
				if err != nil {
					close(j.done)
				}
				select {
				case order <- j:
				case <-ctx.Done():
					return
				}
				if err != nil {
					continue
				}
				select {
				case work <- j:
				case <-ctx.Done():
					j.err = &DocumentError{Document: doc, Err: ctx.Err()}
					close(j.done)
					return
				}
			}
		})

		for j := range order {
			<-j.done
			if err := ctx.Err(); err != nil && j.err != nil && errors.Is(j.err, err) {
				// Cancelled: the documents after this one are
				// cancelled too.
				yield(nil, err)
				return
			}
			if !yield(j.res, j.err) {
				return
			}
		}
		if err := ctx.Err(); err != nil {
			// Cancelled once reading was over, or while reading
			// stopped early.
			yield(nil, err)
		}
	}
}

// Documents returns an iterator over the documents of r, for
// [Extractor.ExtractAll]: each good document with a nil error, each bad
// record's error (see [corpus.Reader.Errors]) in its place among them, and
// last the fatal error that stopped reading, if any ([corpus.Reader.Err]).
// Stopping the loop early closes r.
func Documents(r *corpus.Reader) iter.Seq2[*corpus.Document, error] {
	return func(yield func(*corpus.Document, error) bool) {
		seen := 0 // bad records yielded so far
		flush := func() bool {
			errs := r.Errors()
			for ; seen < len(errs); seen++ {
				if !yield(nil, errs[seen]) {
					return false
				}
			}
			return true
		}
		for r.Scan() {
			if !flush() || !yield(r.Document(), nil) {
				r.Close()
				return
			}
		}
		if !flush() {
			return
		}
		if err := r.Err(); err != nil {
			yield(nil, err)
		}
	}
}
