package main

import (
	"github.com/newsgraph/newsgraph/entity/ner"
)

// gazetteer returns the gazetteer function used for training, or nil until
// the default gazetteer exists.
func gazetteer() (ner.GazFunc, error) { return nil, nil }
