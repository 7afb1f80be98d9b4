package corpus

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Span is an annotated entity in a tokenized sentence: the tokens
// Words[Start:End] (token indices, End exclusive) and the entity type, such
// as "PER" or "LOC".
type Span struct {
	Start, End int
	Type       string
}

// AnnotatedSentence is a gold-annotated sentence: its words, their
// part-of-speech tags and its entity spans.
//
// POS has one tag per word, or is nil when the source has no POS column.
// Spans are in order of Start and never overlap.
type AnnotatedSentence struct {
	Words []string
	POS   []string
	Spans []Span
}

// AnnotatedDocument is a gold-annotated document: an ID and its sentences.
type AnnotatedDocument struct {
	ID        string
	Sentences []AnnotatedSentence
}

// ReadCoNLL2003 reads CoNLL-2003 style columns: one token per line, columns
// separated by white space, blank lines between sentences.
//
// A line of four columns (or three or more) is "word POS ... tag": the first
// column is the word, the second its POS tag and the last its entity tag. A
// line of two columns is "word tag" (as in WNUT-17 and the Broad Twitter
// Corpus), and such sentences have nil POS. Entity tags may be IOB1, IOB2
// (BIO) or IOBES; see [DecodeTags] for the rule.
//
// Lines whose first column is -DOCSTART- separate documents; they are not
// sentences. Documents are named name#1, name#2, ... in order; a file without
// -DOCSTART- lines is one document named name. Documents without sentences are
// dropped.
//
// A bad line (one column, or a bad entity tag) drops its sentence; reading
// goes on, and the error returned is an [ErrorList] of every bad line, each a
// [*LineError] such as "corpus: eng.testa:1043: ...". The good documents are
// returned with it. A read error or a line over 64 MiB ends reading and is the
// last entry of the list.
func ReadCoNLL2003(r io.Reader, name string) ([]AnnotatedDocument, error) {
	sc := newLineScanner(r, name)
	var (
		docs    []AnnotatedDocument
		errs    ErrorList
		cur     = AnnotatedDocument{ID: name}
		ndocs   int
		words   []string
		pos     []string
		tags    []string
		hasPOS  bool
		badSent bool
	)
	flushSentence := func() {
		if len(words) > 0 && !badSent {
			spans, _ := DecodeTags(tags) // every tag was checked on its line
			s := AnnotatedSentence{Words: words, Spans: spans}
			if hasPOS {
				s.POS = pos
			}
			cur.Sentences = append(cur.Sentences, s)
		}
		words, pos, tags, hasPOS, badSent = nil, nil, nil, false, false
	}
	flushDoc := func() {
		flushSentence()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = AnnotatedDocument{}
	}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			flushSentence()
			continue
		}
		if fields[0] == "-DOCSTART-" {
			flushDoc()
			ndocs++
			cur.ID = fmt.Sprintf("%s#%d", name, ndocs)
			continue
		}
		if len(fields) < 2 {
			errs = append(errs, &LineError{name, sc.line, fmt.Errorf("want at least 2 columns (word tag), got %d", len(fields))})
			badSent = true
			continue
		}
		tag := fields[len(fields)-1]
		if err := checkTag(tag); err != nil {
			errs = append(errs, &LineError{name, sc.line, err})
			badSent = true
			continue
		}
		words = append(words, fields[0])
		tags = append(tags, tag)
		p := ""
		if len(fields) >= 3 {
			p = fields[1]
			hasPOS = true
		}
		pos = append(pos, p)
	}
	flushDoc()
	if err := sc.Err(); err != nil {
		errs = append(errs, err)
	}
	return docs, errs.Err()
}

// ReadIOB2 reads the Universal NER .iob2 format: comment lines starting with
// "#", then one token per line with tab-separated columns "index word tag
// ...", and blank lines between sentences. Each "# newdoc id = X" comment
// starts a document with ID X; tokens before the first one belong to a
// document named name. Sentences have nil POS.
//
// Errors are reported as by [ReadCoNLL2003]: bad lines drop their sentence
// and are returned as an [ErrorList], with the good documents.
func ReadIOB2(r io.Reader, name string) ([]AnnotatedDocument, error) {
	sc := newLineScanner(r, name)
	var (
		docs    []AnnotatedDocument
		errs    ErrorList
		cur     = AnnotatedDocument{ID: name}
		ndocs   int
		words   []string
		tags    []string
		badSent bool
	)
	flushSentence := func() {
		if len(words) > 0 && !badSent {
			spans, _ := DecodeTags(tags)
			cur.Sentences = append(cur.Sentences, AnnotatedSentence{Words: words, Spans: spans})
		}
		words, tags, badSent = nil, nil, false
	}
	flushDoc := func() {
		flushSentence()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = AnnotatedDocument{}
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			flushSentence()
			continue
		}
		if strings.HasPrefix(line, "#") {
			if id, ok := commentValue(line, "newdoc id"); ok || strings.HasPrefix(line, "# newdoc") {
				flushDoc()
				ndocs++
				if id == "" {
					id = fmt.Sprintf("%s#%d", name, ndocs)
				}
				cur.ID = id
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			errs = append(errs, &LineError{name, sc.line, fmt.Errorf("want at least 3 tab-separated columns (index word tag), got %d", len(cols))})
			badSent = true
			continue
		}
		if err := checkTag(cols[2]); err != nil {
			errs = append(errs, &LineError{name, sc.line, err})
			badSent = true
			continue
		}
		words = append(words, cols[1])
		tags = append(tags, cols[2])
	}
	flushDoc()
	if err := sc.Err(); err != nil {
		errs = append(errs, err)
	}
	return docs, errs.Err()
}

// commentValue returns the value of a "# key = value" comment line.
func commentValue(line, key string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "#")
	if !ok {
		return "", false
	}
	rest = strings.TrimLeft(rest, " \t")
	rest, ok = strings.CutPrefix(rest, key)
	if !ok {
		return "", false
	}
	rest = strings.TrimLeft(rest, " \t")
	rest, ok = strings.CutPrefix(rest, "=")
	if !ok {
		return "", false
	}
	return strings.TrimSpace(rest), true
}

var errBadTag = errors.New("bad entity tag")

// checkTag reports whether tag is O or one of B-, I-, E-, S- followed by a
// type.
func checkTag(tag string) error {
	if tag == "O" {
		return nil
	}
	prefix, typ, ok := strings.Cut(tag, "-")
	if !ok || typ == "" || len(prefix) != 1 || !strings.Contains("BIES", prefix) {
		return fmt.Errorf("%w %q (want O, B-TYPE, I-TYPE, E-TYPE or S-TYPE)", errBadTag, tag)
	}
	return nil
}
