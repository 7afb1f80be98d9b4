package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/examples/internal/cli"
	"github.com/newsgraph/newsgraph/relation"
)

func init() {
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(string, string), func(string), error](&readFn{})
	register.Emitter2[string, string]()
	register.DoFn7x1[context.Context, string, string, func(string), func(string), func(string, Entity), func(string, Edge), error](&extractFn{})
	register.Emitter1[string]()
	register.Emitter2[string, Entity]()
	register.Emitter2[string, Edge]()
	register.Combiner1[Entity](&mergeEntitiesFn{})
	register.Combiner1[Edge](&mergeEdgesFn{})
	register.Function2x2(entityLine)
	register.Function2x2(relationLine)
}

// Outputs are the file names a pipeline writes.
type Outputs struct {
	Graphs    string // one JSON line per document: {"id", "entities", "relations"}
	Entities  string // the corpus graph's entities, one JSON object a line
	Relations string // the corpus graph's relations, one JSON object a line
	Errors    string // the lines that could not be read or extracted, one a line
}

// OutputsFor returns the outputs named prefix-graphs.jsonl,
// prefix-entities.jsonl, prefix-relations.jsonl and prefix-errors.txt.
func OutputsFor(prefix string) Outputs {
	return Outputs{
		Graphs:    prefix + "-graphs.jsonl",
		Entities:  prefix + "-entities.jsonl",
		Relations: prefix + "-relations.jsonl",
		Errors:    prefix + "-errors.txt",
	}
}

// Build adds to s the pipeline that reads the JSON Lines files matching
// each glob (gzip-compressed when their names end in .gz), extracts every
// document and writes out. maxEvidence bounds the evidence kept for each
// relation of the corpus graph.
func Build(s beam.Scope, globs []string, out Outputs, maxEvidence int) {
	var files []beam.PCollection
	for _, g := range globs {
		s := s.Scope("match " + g)
		files = append(files, fileio.ReadMatches(s, fileio.MatchFiles(s, g)))
	}
	docs, readErrs := beam.ParDo2(s, &readFn{}, beam.Flatten(s, files...))
	// A file is read by one worker; its documents are spread over all.
	docs = beam.Reshuffle(s, docs)
	graphs, extractErrs, entities, edges := beam.ParDo4(s, &extractFn{}, docs)
	textio.Write(s.Scope("graphs"), out.Graphs, graphs)
	textio.Write(s.Scope("errors"), out.Errors, beam.Flatten(s, readErrs, extractErrs))

	merged := beam.CombinePerKey(s.Scope("entities"), &mergeEntitiesFn{}, entities)
	textio.Write(s.Scope("entities"), out.Entities, beam.ParDo(s.Scope("entities"), entityLine, merged))
	mergedEdges := beam.CombinePerKey(s.Scope("relations"), &mergeEdgesFn{MaxEvidence: maxEvidence}, edges)
	textio.Write(s.Scope("relations"), out.Relations, beam.ParDo(s.Scope("relations"), relationLine, mergedEdges))
}

// readFn reads the documents of a JSON Lines file, gzip-compressed when
// its name ends in .gz, as corpus.NewJSONLReader reads them, so with the
// newsgraph command's rules and errors (file:line). It emits each document,
// keyed by its file, as a JSON line, and each bad line's error.
//
// Beam's textio is not used: in v2.78.0 it reads a compressed file only up
// to as many uncompressed bytes as the file has compressed ones, dropping
// the rest without a word, and it gives no line numbers. A file is read
// whole by one worker, so a corpus comes as many files, as they usually do.
type readFn struct{}

func (readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emitDoc func(string, string), emitError func(string)) error {
	path := file.Metadata.Path
	rc, err := file.Open(ctx)
	if err != nil {
		emitError(fmt.Sprintf("%s: %v", path, err))
		return nil
	}
	defer rc.Close()
	for doc, err := range relation.Documents(corpus.NewJSONLReader(rc, path)) {
		if err != nil {
			var le *corpus.LineError
			if !errors.As(err, &le) {
				err = fmt.Errorf("%s: %w", path, err)
			}
			emitError(err.Error())
			continue
		}
		line := docJSON{ID: doc.ID, Text: doc.Text}
		if !doc.Date.IsZero() {
			line.Date = doc.Date.Format(time.RFC3339)
		}
		b, err := marshal(line)
		if err != nil {
			emitError(fmt.Sprintf("%s: document %q: %v", path, doc.ID, err))
			continue
		}
		emitDoc(path, b)
	}
	return nil
}

// docJSON is a document as readFn passes it on.
type docJSON struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Date string `json:"date,omitempty"`
}

// extractFn extracts the document of one JSON line with one extractor per
// instance, made in Setup, so that each worker loads the models once.
type extractFn struct {
	ex *relation.Extractor
}

func (f *extractFn) Setup() error {
	ex, err := relation.NewExtractor()
	f.ex = ex
	return err
}

// ProcessElement extracts the document of file that readFn made a JSON
// line of. It emits the document's graph line, its entities and its
// relations keyed for the merge, or, for a document that cannot be
// extracted, an error naming the file and the document.
func (f *extractFn) ProcessElement(ctx context.Context, file, line string,
	emitGraph, emitError func(string), emitEntity func(string, Entity), emitEdge func(string, Edge)) error {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	r := corpus.NewJSONLReader(strings.NewReader(line), file)
	if !r.Scan() {
		err := r.Err()
		if errs := r.Errors(); len(errs) > 0 {
			err = errs[0].Err
		}
		emitError(fmt.Sprintf("%s: line %s: %v", file, lineStart(line), err))
		return nil
	}
	doc := r.Document()
	res, err := f.ex.Extract(ctx, doc)
	if err == nil {
		var b []byte
		if b, err = cli.GraphLine(res); err == nil {
			emitGraph(strings.TrimSuffix(string(b), "\n"))
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return err // the bundle is retried
		}
		emitError(fmt.Sprintf("%s: document %q: %v", file, doc.ID, err))
		return nil
	}
	g, _ := res.Graph() // GraphLine has built it without an error
	for _, n := range g.Entities() {
		emitEntity(n.ID, entityOf(n))
	}
	for _, e := range g.Edges() {
		acc := edgeOf(e)
		emitEdge(acc.key(), acc)
	}
	return nil
}

// lineStart quotes the start of a line, to name it in an error.
func lineStart(line string) string {
	const n = 60
	if len(line) <= n {
		return fmt.Sprintf("%q", line)
	}
	i := n
	for i > 0 && !utf8.RuneStart(line[i]) {
		i--
	}
	return fmt.Sprintf("%q...", line[:i])
}

// Entity is a node of the corpus graph being merged, and a line of the
// entities output, in the graph JSON of relation.Graph.WriteJSON.
type Entity struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"` // every name, while merging; then the names but Name
	Mentions int      `json:"mentions"`
	Code     string   `json:"code,omitempty"`
	Country  string   `json:"country,omitempty"`
	Title    string   `json:"title,omitempty"`
}

func entityOf(n relation.Node) Entity {
	return Entity{ID: n.ID, Name: n.Name, Type: string(n.Type), Aliases: union(n.Aliases, []string{n.Name}),
		Mentions: n.Mentions, Code: n.Code, Country: n.Country, Title: n.Title}
}

// mergeEntitiesFn merges the nodes of one entity as relation.Graph does:
// mentions summed, names united, and of two known values the smaller.
type mergeEntitiesFn struct{}

func (mergeEntitiesFn) MergeAccumulators(a, b Entity) Entity {
	return Entity{ID: a.ID, Name: pick(a.Name, b.Name), Type: pick(a.Type, b.Type),
		Aliases: union(a.Aliases, b.Aliases), Mentions: a.Mentions + b.Mentions,
		Code: pick(a.Code, b.Code), Country: pick(a.Country, b.Country), Title: pick(a.Title, b.Title)}
}

// entityLine writes a merged entity as one JSON line.
func entityLine(_ string, e Entity) (string, error) {
	e.Aliases = slices.DeleteFunc(slices.Clone(e.Aliases), func(a string) bool { return a == e.Name || a == "" })
	if e.Aliases == nil {
		e.Aliases = []string{}
	}
	return marshal(e)
}

// Edge is a relation of the corpus graph being merged.
type Edge struct {
	Source, Target, Type string
	Negated              bool
	Modality             string
	Confidence           float64
	// Pieces is the number of distinct pieces of evidence, of which
	// Evidence is a sample.
	Pieces   int
	Evidence []Evidence
}

// relationJSON is a line of the relations output, in the graph JSON of
// relation.Graph.WriteJSON.
type relationJSON struct {
	Source     string     `json:"source"`
	Target     string     `json:"target"`
	Type       string     `json:"type"`
	PLOVER     string     `json:"plover,omitempty"`
	Symmetric  bool       `json:"symmetric,omitempty"`
	Negated    bool       `json:"negated,omitempty"`
	Modality   string     `json:"modality,omitempty"`
	Count      int        `json:"count"`
	Confidence float64    `json:"confidence,omitempty"`
	Evidence   []Evidence `json:"evidence"`
}

// Evidence is one piece of evidence of an [Edge].
type Evidence struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Cue   string `json:"cue"`
}

func edgeOf(e relation.Edge) Edge {
	acc := Edge{Source: e.Source, Target: e.Target, Type: string(e.Type), Negated: e.Negated,
		Modality: string(e.Modality), Confidence: e.Confidence, Pieces: len(e.Evidence),
		Evidence: make([]Evidence, len(e.Evidence))}
	for i, ev := range e.Evidence {
		acc.Evidence[i] = Evidence{Doc: ev.Doc, Start: ev.Start, End: ev.End, Text: ev.Text, Cue: ev.Cue}
	}
	return acc
}

// key is what relation.Graph keys an edge by.
func (e Edge) key() string {
	b, _ := json.Marshal([]any{e.Source, e.Target, e.Type, e.Negated, e.Modality})
	return string(b)
}

// mergeEdgesFn merges the relations of one key: the distinct pieces of
// evidence counted, the highest confidence, and the first MaxEvidence
// pieces of evidence in relation.Graph's order (doc, start, end, cue, text)
// kept, so the sample does not depend on the order of the merges.
//
// Pieces are summed, which counts them as relation.Graph does as long as
// no two documents share an id (a piece of evidence is identified by its
// document's id, span and cue).
type mergeEdgesFn struct {
	MaxEvidence int `json:"maxEvidence"`
}

func (f *mergeEdgesFn) MergeAccumulators(a, b Edge) Edge {
	a.Pieces += b.Pieces
	a.Confidence = max(a.Confidence, b.Confidence)
	ev := append(slices.Clone(a.Evidence), b.Evidence...)
	slices.SortFunc(ev, compareEvidence)
	ev = slices.CompactFunc(ev, func(x, y Evidence) bool {
		return x.Doc == y.Doc && x.Start == y.Start && x.End == y.End && x.Cue == y.Cue
	}) // the first, with the smaller text, is kept
	if f.MaxEvidence >= 0 && len(ev) > f.MaxEvidence {
		ev = ev[:f.MaxEvidence]
	}
	a.Evidence = ev
	return a
}

func compareEvidence(a, b Evidence) int {
	return cmp.Or(strings.Compare(a.Doc, b.Doc), cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End),
		strings.Compare(a.Cue, b.Cue), strings.Compare(a.Text, b.Text))
}

// relationLine writes a merged relation as one JSON line.
func relationLine(_ string, e Edge) (string, error) {
	t := relation.Type(e.Type)
	r := relationJSON{Source: e.Source, Target: e.Target, Type: e.Type, Symmetric: t.Symmetric(),
		Negated: e.Negated, Modality: e.Modality, Count: max(1, e.Pieces), Confidence: e.Confidence,
		Evidence: e.Evidence}
	if !e.Negated {
		r.PLOVER = t.PLOVERFor(relation.Modality(e.Modality))
	}
	if r.Evidence == nil {
		r.Evidence = []Evidence{}
	}
	return marshal(r)
}

func marshal(v any) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// pick returns the known one of a and b, or the smaller when both are.
func pick(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return min(a, b)
}

// union returns the sorted, distinct strings of a and b.
func union(a, b []string) []string {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}
