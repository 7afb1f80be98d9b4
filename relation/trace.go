package relation

import (
	"io"
	"sync"
)

// Traced returns an Extractor that extracts as x does and writes, for each
// document, the trace of how its relations were read to w: one line for
// each sentence parsed, each repair of its parse, each cue read, the
// entities its actor and target slots held, each rule tried for a party
// the slots left empty and what it found ("-" for nothing), and each
// relation made from another. A line begins with the document's ID and the
// byte offset of its sentence:
//
//	d1:0: cue "recalled" SANCTION at token 7
//	d1:0:   actor slots subj: -
//	d1:0:   target slots prep:from,prep:to: location/beijing
//	d1:0:   actor rule inherited-subject: country/jpn
//
// The rules are named as in [Evidence.Rule]. A document's lines are
// written together once it is done, so that documents read at the same
// time do not mix their lines; a write error is returned by the Extract
// call of that document. x is not changed. Tracing costs time and memory
// in proportion to the lines written; it is meant for finding out why a
// relation was or was not found.
func (x *Extractor) Traced(w io.Writer) *Extractor {
	y := *x
	y.trace = &tracer{w: w}
	return &y
}

// tracer writes the traces of documents to one writer.
type tracer struct {
	mu sync.Mutex
	w  io.Writer
}

// write writes the trace of one document.
func (t *tracer) write(s string) error {
	if s == "" {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	_, err := io.WriteString(t.w, s)
	return err
}
