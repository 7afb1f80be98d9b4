// Command newsgraph reads English news and prints the graph of the people,
// countries, organisations and places in it and the relations between them.
//
// Install it with
//
//	go install github.com/newsgraph/newsgraph/examples/newsgraph@latest
//
// Usage:
//
//	newsgraph [-format json|dot|mermaid|graphs|mentions] [-input text|jsonl] [-o FILE] [-q] [-j N]
//		[-gazetteer FILE] [-cues FILE] [-actors FILE] [FILE|DIR|- ...]
//
// With no file, or with "-", it reads standard input: JSON Lines when its
// first line is a JSON object with "text", one text otherwise (a standard
// input that starts with "{" but is not JSON Lines is refused, not read as
// one text). A directory is read recursively (its *.txt files); *.jsonl and
// *.ndjson files are JSON Lines, one {"id": ..., "text": ...} object a line.
//
// -format json (the default), dot and mermaid print one graph for all the
// input, held in memory until the end; graphs prints one JSON line per
// document, its id and its graph in the json format, as each is done, so
// that a corpus of any size streams through in constant memory (merge the
// lines with relation.ReadJSON and Graph.Merge, or load them elsewhere);
// mentions prints one JSON line per document with its entity mentions.
// Documents are processed -j at a time (GOMAXPROCS by default), the output
// in input order.
//
// -o FILE writes to a temporary file beside FILE, renamed to FILE once the
// output is whole, so a failed run leaves FILE as it was. When standard
// error is a terminal a progress bar shows the documents done, their rate
// and, when the inputs are files, the time left; -q hides it.
//
// A document that cannot be read or analysed (a missing file, invalid
// UTF-8, a malformed JSON line, an empty text) is reported on standard error
// with its file and line, and the others are still processed; the exit
// status is 1 only when no document could be processed. Every bad line of a
// -gazetteer, -cues or -actors file is reported. An interrupt (SIGINT,
// SIGTERM) stops reading and writes the output of the documents done, then
// exits with status 130; a second interrupt kills the command at once.
// -version prints the module version.
package main

import (
	"os"

	"github.com/newsgraph/newsgraph/examples/internal/cli"
)

func main() {
	os.Exit(cli.Main("newsgraph"))
}
