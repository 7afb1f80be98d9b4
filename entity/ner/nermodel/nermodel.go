// Package nermodel holds the default entity recognition model as bytes, in
// the format that [github.com/newsgraph/newsgraph/entity/ner.Load] reads.
//
// It imports nothing, so a program pays for the model (1.2 MB in the
// binary) only when it imports this package, which ner.Default does.
// The model's header records the command, data and seed that made it.
package nermodel

import _ "embed"

// Model is the trained model file.
//
//go:embed model.bin
var Model []byte
