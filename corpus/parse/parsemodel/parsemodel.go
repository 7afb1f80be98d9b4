// Package parsemodel holds the embedded English dependency parser model,
// trained on Universal Dependencies English EWT with prose's predicted tags.
//
// It is a data leaf: it exports bytes and imports nothing, so only programs
// that parse link the model in. The model is about 36 MB, its hash tables stored as the parser uses them; the format is
// defined and read by package [github.com/newsgraph/newsgraph/corpus/parse].
package parsemodel

import _ "embed"

// Model is the default parser model. It is read-only: callers must not
// modify it.
//
//go:embed model.bin
var Model []byte
