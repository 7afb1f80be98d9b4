package parse

import (
	"fmt"

	"github.com/newsgraph/newsgraph/corpus"
)

// Score is the attachment accuracy of a parser on a treebank.
type Score struct {
	Tokens, Punct int     // words scored; of them, punctuation (gold UPOS PUNCT)
	UAS, LAS      float64 // over all words, punctuation included, as in CoNLL 2018
	UASNoPunct    float64 // over words that are not punctuation, as in CoNLL-X
	LASNoPunct    float64
}

// String formats s on one line.
func (s Score) String() string {
	return fmt.Sprintf("UAS %.4f LAS %.4f (all %d words); without punctuation UAS %.4f LAS %.4f (%d words)",
		s.UAS, s.LAS, s.Tokens, s.UASNoPunct, s.LASNoPunct, s.Tokens-s.Punct)
}

// Evaluate parses each sentence's word forms with tags[i] and scores the
// heads and relations against the treebank's. Relations are compared in
// full, subtypes included.
func (p *Parser) Evaluate(sents []corpus.UDSentence, tags [][]string) (Score, error) {
	if len(sents) != len(tags) {
		return Score{}, fmt.Errorf("parse: %d sentences but %d tag rows", len(sents), len(tags))
	}
	var s Score
	var u, l, up, lp int
	for i, sent := range sents {
		if len(sent.Words) == 0 {
			continue
		}
		words := make([]string, len(sent.Words))
		for j, w := range sent.Words {
			words[j] = w.Form
		}
		t, err := p.Parse(words, tags[i])
		if err != nil {
			return Score{}, fmt.Errorf("parse: sentence %d (%s): %w", i, sent.ID, err)
		}
		for j, w := range sent.Words {
			punct := w.UPOS == "PUNCT"
			s.Tokens++
			if punct {
				s.Punct++
			}
			if t.Head[j]+1 == w.Head {
				u++
				if !punct {
					up++
				}
				if t.Rel[j] == w.Deprel {
					l++
					if !punct {
						lp++
					}
				}
			}
		}
	}
	if s.Tokens > 0 {
		s.UAS, s.LAS = float64(u)/float64(s.Tokens), float64(l)/float64(s.Tokens)
	}
	if n := s.Tokens - s.Punct; n > 0 {
		s.UASNoPunct, s.LASNoPunct = float64(up)/float64(n), float64(lp)/float64(n)
	}
	return s, nil
}
