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
		errs  ErrorList
		b     = docBuilder{cur: AnnotatedDocument{ID: name}}
		ndocs int
	)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			b.endSentence()
			continue
		}
		if fields[0] == "-DOCSTART-" {
			ndocs++
			b.startDocument(fmt.Sprintf("%s#%d", name, ndocs))
			continue
		}
		if len(fields) < 2 {
			errs = append(errs, &LineError{name, sc.line, fmt.Errorf("want at least 2 columns (word tag), got %d", len(fields))})
			b.bad = true
			continue
		}
		tag := fields[len(fields)-1]
		if err := checkTag(tag); err != nil {
			errs = append(errs, &LineError{name, sc.line, err})
			b.bad = true
			continue
		}
		p := ""
		if len(fields) >= 3 {
			p = fields[1]
			b.hasPOS = true
		}
		b.token(fields[0], p, tag)
	}
	docs := b.finish()
	if err := sc.Err(); err != nil {
		errs = append(errs, err)
	}
	return docs, errs.Err()
}

// docBuilder gathers the tagged tokens of a column reader into sentences and
// documents. A sentence with a bad line (bad set) is dropped, and so is a
// document without sentences.
type docBuilder struct {
	docs             []AnnotatedDocument
	cur              AnnotatedDocument
	words, pos, tags []string
	hasPOS, bad      bool
}

// token adds a token with its POS tag ("" when there is none) and entity
// tag to the current sentence.
func (b *docBuilder) token(word, pos, tag string) {
	b.words = append(b.words, word)
	b.pos = append(b.pos, pos)
	b.tags = append(b.tags, tag)
}

// endSentence ends the current sentence, if any.
func (b *docBuilder) endSentence() {
	if len(b.words) > 0 && !b.bad {
		spans, _ := DecodeTags(b.tags) // every tag was checked on its line
		s := AnnotatedSentence{Words: b.words, Spans: spans}
		if b.hasPOS {
			s.POS = b.pos
		}
		b.cur.Sentences = append(b.cur.Sentences, s)
	}
	b.words, b.pos, b.tags, b.hasPOS, b.bad = nil, nil, nil, false, false
}

// startDocument ends the current document and starts one with the given ID.
func (b *docBuilder) startDocument(id string) {
	b.endSentence()
	if len(b.cur.Sentences) > 0 {
		b.docs = append(b.docs, b.cur)
	}
	b.cur = AnnotatedDocument{ID: id}
}

// finish ends the last document and returns them all.
func (b *docBuilder) finish() []AnnotatedDocument {
	b.startDocument("")
	return b.docs
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
		errs  ErrorList
		b     = docBuilder{cur: AnnotatedDocument{ID: name}}
		ndocs int
	)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			b.endSentence()
			continue
		}
		if strings.HasPrefix(line, "#") {
			if id, ok := commentValue(line, "newdoc id"); ok || strings.HasPrefix(line, "# newdoc") {
				ndocs++
				if id == "" {
					id = fmt.Sprintf("%s#%d", name, ndocs)
				}
				b.startDocument(id)
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			errs = append(errs, &LineError{name, sc.line, fmt.Errorf("want at least 3 tab-separated columns (index word tag), got %d", len(cols))})
			b.bad = true
			continue
		}
		if err := checkTag(cols[2]); err != nil {
			errs = append(errs, &LineError{name, sc.line, err})
			b.bad = true
			continue
		}
		b.token(cols[1], "", cols[2])
	}
	docs := b.finish()
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
