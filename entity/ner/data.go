package ner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/newsgraph/newsgraph/corpus"
)

// The formats [ReadAnnotated] reads.
const (
	FormatCoNLL = "conll" // CoNLL columns: word, POS, ..., entity tag (IOB1, IOB2 or IOBES)
	FormatIOB2  = "iob2"  // Universal NER .iob2: index, word, tag
	FormatJSONL = "jsonl" // JSON Lines of texts with labelled byte spans
)

// ReadAnnotated reads gold-annotated documents for training or evaluation in
// the given format, and replaces every part-of-speech tag with the one a
// predicts, since only predicted tags exist at run time.
//
// JSON Lines texts ({"id": ..., "text": ..., "entities": [{"start": ...,
// "end": ..., "type": ...}]}, byte offsets) are split into sentences and
// tokens by a; a span must start and end on token boundaries within one
// sentence. A span that does not is left out and reported, with the document
// and its offsets, in the returned error.
//
// Errors in the input do not stop reading: the good documents are returned
// with an error listing every bad line or span.
func ReadAnnotated(r io.Reader, name, format string, a *corpus.Analyzer) ([]corpus.AnnotatedDocument, error) {
	var (
		docs []corpus.AnnotatedDocument
		err  error
	)
	switch format {
	case FormatCoNLL:
		docs, err = corpus.ReadCoNLL2003(r, name)
	case FormatIOB2:
		docs, err = corpus.ReadIOB2(r, name)
	case FormatJSONL:
		var sdocs []corpus.SpanDocument
		sdocs, err = corpus.ReadSpanJSONL(r, name)
		var errs []error
		if err != nil {
			errs = append(errs, err)
		}
		for _, sd := range sdocs {
			d, derr := alignSpans(sd, a)
			if derr != nil {
				errs = append(errs, derr)
			}
			if len(d.Sentences) > 0 {
				docs = append(docs, d)
			}
		}
		err = errors.Join(errs...)
	default:
		return nil, fmt.Errorf("ner: unknown format %q (want %s, %s or %s)", format, FormatCoNLL, FormatIOB2, FormatJSONL)
	}
	for i := range docs {
		for j := range docs[i].Sentences {
			s := &docs[i].Sentences[j]
			s.POS = a.TagWords(s.Words)
		}
	}
	return docs, err
}

// alignSpans tokenises a span document and turns its byte spans into token
// spans.
func alignSpans(sd corpus.SpanDocument, a *corpus.Analyzer) (corpus.AnnotatedDocument, error) {
	out := corpus.AnnotatedDocument{ID: sd.ID}
	d := corpus.Document{ID: sd.ID, Text: sd.Text}
	if err := a.Analyze(context.Background(), &d); err != nil {
		return out, err
	}
	var errs []error
	used := make([]bool, len(sd.Spans))
	for _, s := range d.Sentences {
		as := corpus.AnnotatedSentence{Words: make([]string, len(s.Tokens))}
		for i, t := range s.Tokens {
			as.Words[i] = t.Text
		}
		for k, sp := range sd.Spans {
			if used[k] || sp.Start < s.Start || sp.End > s.End {
				continue
			}
			i := sort.Search(len(s.Tokens), func(i int) bool { return s.Tokens[i].Start >= sp.Start })
			j := sort.Search(len(s.Tokens), func(j int) bool { return s.Tokens[j].End >= sp.End })
			if i >= len(s.Tokens) || j >= len(s.Tokens) || s.Tokens[i].Start != sp.Start || s.Tokens[j].End != sp.End || j < i {
				continue
			}
			used[k] = true
			as.Spans = append(as.Spans, corpus.Span{Start: i, End: j + 1, Type: sp.Type})
		}
		sort.SliceStable(as.Spans, func(x, y int) bool { return as.Spans[x].Start < as.Spans[y].Start })
		out.Sentences = append(out.Sentences, as)
	}
	for k, sp := range sd.Spans {
		if !used[k] {
			errs = append(errs, fmt.Errorf("ner: %s: span [%d,%d) %s %q does not start and end on token boundaries within one sentence", sd.ID, sp.Start, sp.End, sp.Type, sd.Text[sp.Start:sp.End]))
		}
	}
	return out, errors.Join(errs...)
}
