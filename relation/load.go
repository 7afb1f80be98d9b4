package relation

import (
	"sync"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/corpus/parse"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/entity/ner"
)

// loadDefaults fills the parts c lacks with the embedded defaults. The
// parts are independent and each takes tens of milliseconds to decode
// (the parser and the gazetteer most), so they are loaded at the same
// time; the recognizer's gazetteer and model are warmed apart, since
// entity.NewRecognizer loads them one after the other. The error is the
// first in the order analyzer, recognizer, parser, lexicon.
func loadDefaults(c *extractorConfig) error {
	var wg sync.WaitGroup
	var errs [4]error
	if c.analyzer == nil {
		wg.Go(func() { c.analyzer, errs[0] = corpus.New() })
	}
	if c.recognizer == nil {
		// Both are loaded once per process and cached: NewRecognizer
		// below finds them ready. An error here is NewRecognizer's too.
		wg.Go(func() { entity.DefaultGazetteer() })
		wg.Go(func() { ner.Default() })
	}
	if c.parser == nil {
		wg.Go(func() { c.parser, errs[2] = parse.Default() })
	}
	if c.lexicon == nil {
		wg.Go(func() { c.lexicon, errs[3] = DefaultLexicon() })
	}
	wg.Wait()
	if c.recognizer == nil {
		c.recognizer, errs[1] = entity.NewRecognizer()
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
