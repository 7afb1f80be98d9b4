// Command extract reads English news and prints the graph of the people,
// countries, organisations and places in it and the relations between them.
//
// Usage:
//
//	extract [-format json|dot|graphs|mentions] [-input text|jsonl] [FILE|DIR ...]
//
// With no file it reads standard input. A directory is read recursively.
// -format json (the default) and dot print one graph for all the input,
// held in memory until the end; graphs prints one JSON line per document,
// its id and its graph in the json format, as each is done, so that a
// corpus of any size streams through in constant memory (merge the lines
// with relation.ReadJSON and Graph.Merge, or load them elsewhere);
// mentions prints one JSON line per document with its entity mentions.
//
// A document that cannot be read or analysed (a missing file, invalid
// UTF-8, a malformed JSON line, an empty text) is reported on standard error
// with its file and line, and the others are still processed; the exit
// status is non-zero only when no document could be processed.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/relation"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command, returning the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output: json, dot, graphs (a JSON line per document) or mentions")
	input := fs.String("input", "", "input format: text or jsonl (default: jsonl for *.jsonl files, text otherwise)")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "documents processed at once")
	var gazetteers, cueFiles listFlag
	fs.Var(&gazetteers, "gazetteer", "a gazetteer file of your own, TSV or JSON (.json), in the defaults' format; repeatable")
	fs.Var(&cueFiles, "cues", "a relation cue file of your own, TSV in the defaults' format; repeatable")
	var actorFiles listFlag
	fs.Var(&actorFiles, "actors", "a PETRARCH/TABARI actor dictionary whose people to add to the gazetteer; repeatable")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: extract [-format json|dot|graphs|mentions] [-input text|jsonl] [-gazetteer FILE] [-cues FILE] [-actors FILE] [FILE|DIR ...]\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch *format {
	case "json", "dot", "graphs", "mentions":
	default:
		fmt.Fprintf(stderr, "extract: unknown -format %q (want json, dot, graphs or mentions)\n", *format)
		return 2
	}
	switch *input {
	case "", "text", "jsonl":
	default:
		fmt.Fprintf(stderr, "extract: unknown -input %q (want text or jsonl)\n", *input)
		return 2
	}
	if *workers < 1 {
		*workers = 1
	}
	extract, err := newPipeline(*format == "mentions", gazetteers, cueFiles, actorFiles)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return 1
	}

	readers := openAll(fs.Args(), *input, stdin)
	out := bufio.NewWriter(stdout)
	defer out.Flush()

	graph := relation.NewGraph()
	ok, failed := 0, 0
	report := func(err error) {
		failed++
		fmt.Fprintf(stderr, "extract: %v\n", err)
	}
	ctx := context.Background()
	process(ctx, extract, readers, *workers, report, func(res *relation.Result) {
		ok++
		switch *format {
		case "mentions":
			writeMentions(out, res)
		case "graphs":
			if err := writeGraphLine(out, res); err != nil {
				report(err)
			}
		default:
			g, err := res.Graph()
			if err != nil {
				report(err)
				return
			}
			graph.Merge(g)
		}
	})
	switch *format {
	case "json":
		err = graph.WriteJSON(out)
	case "dot":
		err = graph.WriteDOT(out)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "extract: writing output: %v\n", err)
		return 1
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "extract: %d document(s) processed, %d failed\n", ok, failed)
	}
	if ok == 0 {
		if failed == 0 {
			fmt.Fprintln(stderr, "extract: no input documents")
		}
		return 1
	}
	return 0
}

// source is one input: a reader of documents, what to call it and what to
// close after it.
type source struct {
	name   string
	r      *corpus.Reader
	closer io.Closer
}

// openAll opens each named file or directory, or standard input.
func openAll(paths []string, input string, stdin io.Reader) []source {
	if len(paths) == 0 {
		if input == "jsonl" {
			return []source{{name: "stdin", r: corpus.NewJSONLReader(stdin, "stdin")}}
		}
		return []source{{name: "stdin", r: corpus.NewTextReader(stdin, "stdin")}}
	}
	var out []source
	for _, p := range paths {
		switch input {
		case "jsonl":
			f, err := os.Open(p)
			if err != nil {
				// Open reports the missing file through the reader.
				out = append(out, source{name: p, r: corpus.Open(p)})
				continue
			}
			out = append(out, source{name: p, r: corpus.NewJSONLReader(f, p), closer: f})
		case "text":
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				out = append(out, source{name: p, r: corpus.NewFileReader(p)})
				continue
			}
			out = append(out, source{name: p, r: corpus.Open(p)})
		default:
			out = append(out, source{name: p, r: corpus.Open(p)})
		}
	}
	return out
}

// process extracts every document of the readers with n workers, calling
// done for each result in input order and report for each error.
func process(ctx context.Context, extract extractFunc, srcs []source, n int, report func(error), done func(*relation.Result)) {
	type job struct {
		doc *corpus.Document
		res *relation.Result
		err error
		fin chan struct{}
	}
	jobs := make(chan *job, 4*n)
	order := make(chan *job, 4*n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res, j.err = extract(ctx, j.doc)
				if j.err == nil && j.res == nil {
					j.err = errors.New("no result")
				}
				close(j.fin)
			}
		}()
	}
	go func() {
		fail := func(err error) {
			j := &job{err: err, fin: make(chan struct{})}
			close(j.fin)
			order <- j
		}
		for _, s := range srcs {
			seen := 0 // bad records reported so far
			flush := func() {
				errs := s.r.Errors()
				for _, err := range errs[seen:] {
					fail(err)
				}
				seen = len(errs)
			}
			for s.r.Scan() {
				flush()
				j := &job{doc: s.r.Document(), fin: make(chan struct{})}
				order <- j
				jobs <- j
			}
			flush()
			if err := s.r.Err(); err != nil {
				fail(fmt.Errorf("%s: %w", s.name, err))
			}
			s.r.Close()
			if s.closer != nil {
				s.closer.Close()
			}
		}
		close(jobs)
		close(order)
	}()
	for j := range order {
		<-j.fin
		if j.err != nil {
			if j.doc != nil {
				report(fmt.Errorf("document %q: %w", j.doc.ID, j.err))
			} else {
				report(j.err)
			}
			continue
		}
		done(j.res)
	}
	wg.Wait()
}

// mentionJSON is one mention of the -format mentions stream.
type mentionJSON struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Type   string `json:"type"`
	Text   string `json:"text"`
	Name   string `json:"name"`
	Form   string `json:"form"`
	Entity string `json:"entity"`
	Source string `json:"source,omitempty"`
}

// writeMentions prints one JSON line with the document's mentions.
func writeMentions(w io.Writer, res *relation.Result) {
	names := map[string]string{}
	for _, e := range res.Entities {
		names[e.ID] = e.Name
	}
	ms := make([]mentionJSON, 0, len(res.Mentions))
	for _, m := range res.Mentions {
		ms = append(ms, mentionJSON{Start: m.Start, End: m.End, Type: string(m.Type), Text: m.Text,
			Name: names[m.Entity], Form: string(m.Form), Entity: m.Entity, Source: m.Source})
	}
	line, _ := json.Marshal(struct {
		ID       string        `json:"id"`
		Entities []mentionJSON `json:"entities"`
	}{res.Document.ID, ms})
	w.Write(append(line, '\n'))
}

// writeGraphLine writes the graph of one document as one JSON line:
// {"id": ..., "entities": [...], "relations": [...]}, the graph in the
// json format with the document's id first.
func writeGraphLine(w io.Writer, res *relation.Result) error {
	g, err := res.Graph()
	if err != nil {
		return err
	}
	var buf, compact bytes.Buffer
	if err := g.WriteJSON(&buf); err != nil {
		return err
	}
	if err := json.Compact(&compact, buf.Bytes()); err != nil {
		return fmt.Errorf("document %q: %w", res.Document.ID, err)
	}
	id, _ := json.Marshal(res.Document.ID)
	line := append([]byte(`{"id":`), id...)
	if body := compact.Bytes()[1:]; len(body) > 1 {
		line = append(line, ',')
		line = append(line, body...)
	} else {
		line = append(line, '}')
	}
	_, err = w.Write(append(line, '\n'))
	return err
}

// listFlag is a flag that may be given many times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// extractFunc processes one document.
type extractFunc func(context.Context, *corpus.Document) (*relation.Result, error)

// newPipeline builds what processes a document: the whole extractor, or,
// when only mentions are wanted, analysis and recognition alone. The user's
// gazetteer and cue files are read here.
func newPipeline(mentionsOnly bool, gazetteers, cueFiles, actorFiles []string) (extractFunc, error) {
	var entries []entity.Entry
	for _, p := range gazetteers {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		var es []entity.Entry
		if strings.HasSuffix(strings.ToLower(p), ".json") {
			es, err = entity.ReadGazetteerJSON(f, p)
		} else {
			es, err = entity.ReadGazetteer(f, p)
		}
		f.Close()
		if err != nil {
			return nil, err
		}
		entries = append(entries, es...)
	}
	var cues []relation.Cue
	for _, p := range cueFiles {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		cs, err := relation.ReadCues(f, p)
		f.Close()
		if err != nil {
			return nil, err
		}
		cues = append(cues, cs...)
	}
	analyzer, err := corpus.New()
	if err != nil {
		return nil, err
	}
	var ropts []entity.Option
	if len(entries) > 0 {
		ropts = append(ropts, entity.WithEntries(entries...))
	}
	if len(actorFiles) > 0 {
		// Dictionary people join the gazetteer; unlike the user's own
		// entries they do not override the other signals.
		var actors []entity.Entry
		for _, p := range actorFiles {
			f, err := os.Open(p)
			if err != nil {
				return nil, err
			}
			es, err := entity.ReadPetrarchActors(f, p)
			f.Close()
			if err != nil && len(es) == 0 {
				return nil, err
			}
			actors = append(actors, es...)
		}
		g, err := entity.DefaultGazetteer()
		if err != nil {
			return nil, err
		}
		if g, err = g.With(actors...); err != nil {
			return nil, err
		}
		ropts = append(ropts, entity.WithGazetteer(g))
	}
	rec, err := entity.NewRecognizer(ropts...)
	if err != nil {
		return nil, err
	}
	if mentionsOnly {
		return func(ctx context.Context, d *corpus.Document) (*relation.Result, error) {
			if err := analyzer.Analyze(ctx, d); err != nil {
				return nil, err
			}
			r, err := rec.Recognize(ctx, d)
			if err != nil {
				return nil, err
			}
			return &relation.Result{Document: d, Mentions: r.Mentions, Entities: r.Entities, Roles: r.Roles}, nil
		}, nil
	}
	ex, err := relation.NewExtractor(relation.WithAnalyzer(analyzer), relation.WithRecognizer(rec), relation.WithCues(cues...))
	if err != nil {
		return nil, err
	}
	return ex.Extract, nil
}
