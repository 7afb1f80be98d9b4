package ner

import (
	"bytes"
	"sync"

	"github.com/newsgraph/newsgraph/entity/ner/nermodel"
)

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return Load(bytes.NewReader(nermodel.Model))
})

// Default returns the embedded model, trained on CoNLL-2003 English, which
// emits PER, LOC and ORG spans. It is decoded once per process, on first use,
// and shared: the model is immutable.
func Default() (*Model, error) { return defaultModel() }
