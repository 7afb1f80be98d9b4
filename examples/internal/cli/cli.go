// Package cli is the newsgraph command, shared by examples/newsgraph and its
// alias examples/extract so that both give the same output.
package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/relation"
	"golang.org/x/term"
)

// Exit statuses of [Command.Run].
const (
	ExitOK          = 0   // every document, or some, processed
	ExitFailed      = 1   // no document processed, or the output could not be written
	ExitUsage       = 2   // a bad flag
	ExitInterrupted = 130 // stopped by a signal; the output holds what was done
)

// Command is the command with its standard streams.
type Command struct {
	Name   string // in messages: "newsgraph", "extract"
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer

	// IsTerminal reports whether w is a terminal, where a progress bar is
	// shown. Nil means: w is an *os.File on a terminal.
	IsTerminal func(w io.Writer) bool
}

// Main runs the command on the process's arguments and streams, with
// SIGINT and SIGTERM stopping it cleanly (a second signal kills it), and
// returns the exit status.
func Main(name string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // the next signal has its default effect
	}()
	c := &Command{Name: name, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	return c.Run(ctx, os.Args[1:])
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// options are the parsed flags.
type options struct {
	format     *outputFormat
	input      string
	workers    int
	quiet      bool
	output     string
	dropIso    bool
	gazetteers []string
	cueFiles   []string
	actorFiles []string
	paths      []string
}

const usage = `usage: %[1]s [flags] [FILE|DIR|- ...]

%[1]s reads English news and prints the graph of the people, countries,
organisations and places in it and the relations between them.

With no file, or with "-", it reads standard input: JSON Lines when its
first line is a JSON object with "text", one text otherwise. A directory is
read recursively (its *.txt, *.html and *.htm files); *.jsonl and *.ndjson
files are JSON Lines, one {"id": ..., "text": ..., "date": ...} object a line
("date", optional, is the day of publication: office holders are those of
that day); an HTML page is read as its visible text; any other file is one
text.

-format json (the default), dot, mermaid, graphml (Gephi, yEd, NetworkX),
gexf (Gephi) and csv (an edge list) print one graph for all the input, held
in memory until the end (-drop-isolated leaves out entities in no
relation); neo4j writes nodes.csv and relationships.csv for neo4j-admin
database import into the folder -o names; html writes one self-contained
page with each document's text, its entities and the graph with the
evidence of each relation. graphs prints one JSON line per document, its id
and its graph in the json format, as each is done, so a corpus of any size
streams through in constant memory; mentions prints one JSON line per
document with its entity mentions.

A document that cannot be read or analysed is reported on standard error
with its file and line, and the others are still processed. The exit status
is 1 when no document could be processed, 2 for a bad flag, and 130 when
interrupted (the output then holds the documents done).

Flags:
`

// parseFlags parses args; a nil options and a status mean: exit with it.
func (c *Command) parseFlags(args []string) (*options, int) {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	var o options
	format := fs.String("format", "json", "output: "+formatNames())
	fs.StringVar(&o.input, "input", "", "input format: text, jsonl or html (default: jsonl for *.jsonl and *.ndjson files and for standard input that starts with a JSON object, html for *.html and *.htm files and text that starts as an HTML page does, text otherwise)")
	fs.BoolVar(&o.dropIso, "drop-isolated", false, "leave out entities in no relation (graph formats)")
	fs.IntVar(&o.workers, "j", runtime.GOMAXPROCS(0), "documents processed at once")
	fs.BoolVar(&o.quiet, "q", false, "no progress bar")
	fs.StringVar(&o.output, "o", "", "write to `FILE` (written whole at the end, or not at all) instead of standard output")
	version := fs.Bool("version", false, "print the version and exit")
	fs.Var((*listFlag)(&o.gazetteers), "gazetteer", "a gazetteer `FILE` of your own, TSV or JSON (.json), in the defaults' format; repeatable")
	fs.Var((*listFlag)(&o.cueFiles), "cues", "a relation cue `FILE` of your own, TSV in the defaults' format; repeatable")
	fs.Var((*listFlag)(&o.actorFiles), "actors", "a PETRARCH/TABARI actor dictionary `FILE` whose people to add to the gazetteer; repeatable")
	fs.Usage = func() {
		fmt.Fprintf(c.Stderr, usage, c.Name)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, ExitOK
		}
		return nil, ExitUsage
	}
	if *version {
		fmt.Fprintf(c.Stdout, "%s %s %s\n", c.Name, moduleVersion(), runtime.Version())
		return nil, ExitOK
	}
	if o.format = lookupFormat(*format); o.format == nil {
		fmt.Fprintf(c.Stderr, "%s: unknown -format %q (want %s)\n", c.Name, *format, formatNames())
		return nil, ExitUsage
	}
	switch o.input {
	case "", "text", "jsonl", "html":
	default:
		fmt.Fprintf(c.Stderr, "%s: unknown -input %q (want text, jsonl or html)\n", c.Name, o.input)
		return nil, ExitUsage
	}
	if o.format.dir != nil && o.output == "" {
		fmt.Fprintf(c.Stderr, "%s: -format %s writes files into a folder: give it with -o DIR\n", c.Name, o.format.name)
		return nil, ExitUsage
	}
	if o.workers < 1 {
		o.workers = 1
	}
	o.paths = fs.Args()
	if len(o.paths) == 0 {
		o.paths = []string{"-"}
	}
	return &o, ExitOK
}

// moduleVersion is the version of the module the command was built from:
// v1.2.3 when installed with go install, "(devel)" when run from source.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && v == "(devel)" {
			v += " " + s.Value
		}
	}
	return v
}

// Run runs the command with args (without the command's name) and returns
// the exit status. When ctx is done, it stops reading, writes the output of
// the documents done and returns [ExitInterrupted].
func (c *Command) Run(ctx context.Context, args []string) int {
	o, status := c.parseFlags(args)
	if o == nil {
		return status
	}
	ex, err := newExtractor(o, c.Stderr, c.Name)
	if err != nil {
		printErrors(c.Stderr, c.Name, err)
		return ExitFailed
	}
	var out *output
	if o.format.dir == nil {
		if out, err = createOutput(o.output, c.Stdout); err != nil {
			fmt.Fprintf(c.Stderr, "%s: %v\n", c.Name, err)
			return ExitFailed
		}
	} else {
		out = discardOutput() // the format writes its own files into -o
	}

	isTerm := c.IsTerminal
	if isTerm == nil {
		isTerm = isTerminal
	}
	var bar *progress
	if !o.quiet && isTerm(c.Stderr) {
		bar = newProgress(c.Stderr, o.paths, o.input == "jsonl")
		defer bar.finish()
	}
	report := func(err error) {
		if bar != nil {
			bar.clear()
		}
		fmt.Fprintf(c.Stderr, "%s: %v\n", c.Name, err)
	}

	in := &inputs{paths: o.paths, input: o.input, stdin: &ctxReader{ctx: ctx, r: c.Stdin}}
	w := o.format.start(out.w, o.output, o.dropIso)
	ok, failed := 0, 0
	interrupted := false
	for res, err := range ex.ExtractAll(ctx, in.documents(), o.workers) {
		if bar != nil {
			bar.add()
		}
		if err != nil {
			if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				interrupted = true
				break
			}
			failed++
			report(err)
			continue
		}
		if err := w.add(res); err != nil {
			failed++
			report(err)
			continue
		}
		ok++
	}
	if bar != nil {
		bar.finish()
	}
	if err := w.end(); err != nil {
		out.abort()
		fmt.Fprintf(c.Stderr, "%s: writing output: %v\n", c.Name, err)
		return ExitFailed
	}
	if err := out.commit(); err != nil {
		fmt.Fprintf(c.Stderr, "%s: writing output: %v\n", c.Name, err)
		return ExitFailed
	}
	if interrupted {
		fmt.Fprintf(c.Stderr, "%s: interrupted: the output holds the %d document(s) done\n", c.Name, ok)
		return ExitInterrupted
	}
	if failed > 0 {
		fmt.Fprintf(c.Stderr, "%s: %d document(s) processed, %d failed\n", c.Name, ok, failed)
	}
	if ok == 0 {
		if failed == 0 {
			fmt.Fprintf(c.Stderr, "%s: no input documents\n", c.Name)
		}
		return ExitFailed
	}
	return ExitOK
}

// output is where the result goes: standard output, or a temporary file
// beside the -o file that replaces it once written whole.
type output struct {
	w      io.Writer
	file   *os.File // the temporary file, or nil for standard output
	target string
	buf    *bufio.Writer
}

// discardOutput is the output of a format that writes files of its own.
func discardOutput() *output {
	b := bufio.NewWriter(io.Discard)
	return &output{w: b, buf: b}
}

func createOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" {
		b := bufio.NewWriterSize(stdout, 64<<10)
		return &output{w: b, buf: b}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("-o %s: %w", path, err)
	}
	b := bufio.NewWriterSize(f, 64<<10)
	return &output{w: b, file: f, target: path, buf: b}, nil
}

// commit flushes the output and, for -o, puts the file in place.
func (o *output) commit() error {
	err := o.buf.Flush()
	if o.file == nil {
		return err
	}
	mode := os.FileMode(0o644)
	if info, statErr := os.Stat(o.target); statErr == nil {
		mode = info.Mode().Perm()
	}
	if err == nil {
		err = o.file.Chmod(mode)
	}
	if cerr := o.file.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(o.file.Name(), o.target)
	}
	if err != nil {
		os.Remove(o.file.Name())
		return fmt.Errorf("-o %s: %w", o.target, err)
	}
	return nil
}

// abort drops the -o file's temporary file, leaving any older file as it was.
func (o *output) abort() {
	if o.file != nil {
		o.file.Close()
		os.Remove(o.file.Name())
	}
}

// newExtractor builds what processes a document, with the user's
// gazetteer, cue and actor files. When only mentions are wanted it is an
// extractor with no relation cues, which therefore parses nothing.
func newExtractor(o *options, stderr io.Writer, name string) (*relation.Extractor, error) {
	var errs []error
	var entries []entity.Entry
	for _, p := range o.gazetteers {
		es, err := readFile(p, func(f io.Reader) ([]entity.Entry, error) {
			if strings.HasSuffix(strings.ToLower(p), ".json") {
				return entity.ReadGazetteerJSON(f, p)
			}
			return entity.ReadGazetteer(f, p)
		})
		errs = append(errs, err)
		entries = append(entries, es...)
	}
	var cues []relation.Cue
	for _, p := range o.cueFiles {
		cs, err := readFile(p, func(f io.Reader) ([]relation.Cue, error) { return relation.ReadCues(f, p) })
		errs = append(errs, err)
		cues = append(cues, cs...)
	}
	// Dictionary people join the gazetteer; unlike the user's own entries
	// they do not override the other signals. Real dictionaries have odd
	// lines: each bad one is reported, and the good ones are used.
	var actors []entity.Entry
	for _, p := range o.actorFiles {
		es, err := readFile(p, func(f io.Reader) ([]entity.Entry, error) { return entity.ReadPetrarchActors(f, p) })
		if err != nil && len(es) > 0 {
			printErrors(stderr, name+": skipped", err)
			err = nil
		}
		errs = append(errs, err)
		actors = append(actors, es...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var ropts []entity.Option
	if len(entries) > 0 {
		ropts = append(ropts, entity.WithEntries(entries...))
	}
	if len(actors) > 0 {
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
	xopts := []relation.Option{relation.WithRecognizer(rec)}
	if o.format.mentionsOnly {
		none, err := relation.NewLexicon(nil)
		if err != nil {
			return nil, err
		}
		xopts = append(xopts, relation.WithLexicon(none))
	} else {
		xopts = append(xopts, relation.WithCues(cues...))
	}
	return relation.NewExtractor(xopts...)
}

// readFile opens path and reads it with read.
func readFile[T any](path string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f)
}

// printErrors prints every error in err, one a line: the errors of a list
// (errors.Join, a reader's list of bad lines) each on its own, not the
// first and a count of the others.
func printErrors(w io.Writer, prefix string, err error) {
	for _, e := range leaves(err) {
		fmt.Fprintf(w, "%s: %v\n", prefix, e)
	}
}

// leaves flattens the lists of errors in err.
func leaves(err error) []error {
	if err == nil {
		return nil
	}
	var list interface{ Unwrap() []error }
	if !errors.As(err, &list) {
		return []error{err}
	}
	var out []error
	for _, e := range list.Unwrap() {
		out = append(out, leaves(e)...)
	}
	return out
}

// inputs are the command's input paths, "-" for standard input.
type inputs struct {
	paths []string
	input string // -input: "", "text", "jsonl" or "html"
	stdin io.Reader
}

// documents reads every input in turn, opening each only when the one
// before is done, and yields its documents and bad records.
func (in *inputs) documents() iter.Seq2[*corpus.Document, error] {
	return func(yield func(*corpus.Document, error) bool) {
		for _, p := range in.paths {
			name := p
			if p == "-" {
				name = "stdin"
			}
			r, closer, err := in.open(p)
			if err != nil {
				if !yield(nil, err) {
					return
				}
				continue
			}
			more := true
			for d, err := range relation.Documents(r) {
				var le *corpus.LineError
				if err != nil && !errors.As(err, &le) {
					err = fmt.Errorf("%s: %w", name, err)
				}
				if more = yield(d, err); !more {
					break
				}
			}
			if closer != nil {
				closer.Close()
			}
			if !more {
				return
			}
		}
	}
}

// open returns the reader of one input, and what to close after it.
func (in *inputs) open(p string) (*corpus.Reader, io.Closer, error) {
	if p == "-" {
		r, err := openStdin(in.stdin, in.input)
		return r, nil, err
	}
	switch in.input {
	case "jsonl":
		f, err := os.Open(p)
		if err != nil {
			return corpus.Open(p), nil, nil // reports the error in its place
		}
		return corpus.NewJSONLReader(f, p), f, nil
	case "text":
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return corpus.NewFileReader(p), nil, nil
		}
	case "html":
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			f, err := os.Open(p)
			if err != nil {
				return corpus.Open(p), nil, nil // reports the error in its place
			}
			id := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
			return corpus.NewHTMLReader(f, id), f, nil
		}
	}
	return corpus.Open(p), nil, nil
}

// listFlag is a flag that may be given many times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }
