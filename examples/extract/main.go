// Command extract is the former name of [newsgraph], kept as an alias: the
// same command, with the same flags and output.
//
// [newsgraph]: https://pkg.go.dev/github.com/newsgraph/newsgraph/examples/newsgraph
package main

import (
	"os"

	"github.com/newsgraph/newsgraph/examples/internal/cli"
)

func main() { os.Exit(cli.Main("extract")) }
