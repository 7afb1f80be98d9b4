package parse

import (
	"io"

	"github.com/newsgraph/newsgraph/corpus"
)

// ReadTreebank reads a CoNLL-U treebank and tags each sentence's word forms
// with a, as the pipeline tags text at run time, so that training and
// evaluation see predicted tags, never the treebank's. name names the input
// in errors, as in [corpus.ReadCoNLLU], whose partial results it keeps.
func ReadTreebank(r io.Reader, name string, a *corpus.Analyzer) ([]corpus.UDSentence, [][]string, error) {
	sents, err := corpus.ReadCoNLLU(r, name)
	tags := make([][]string, len(sents))
	for i, s := range sents {
		words := make([]string, len(s.Words))
		for j, w := range s.Words {
			words[j] = w.Form
		}
		tags[i] = a.TagWords(words)
	}
	return sents, tags, err
}
