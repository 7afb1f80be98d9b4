package corpus

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalyzeEWTOffsets runs the position property over real web text: the
// "# text" lines of UD English-EWT dev, one document per 50 sentences, with
// single line breaks between sentences.
func TestAnalyzeEWTOffsets(t *testing.T) {
	dir := dataDir(t, "ud_english_ewt")
	sents, err := ReadCoNLLU(openFile(t, filepath.Join(dir, "en_ewt-ud-dev.conllu")), "en_ewt-ud-dev.conllu")
	if err != nil {
		t.Fatal(err)
	}
	a := newAnalyzer(t)
	for i := 0; i < len(sents); i += 50 {
		var b strings.Builder
		for _, s := range sents[i:min(i+50, len(sents))] {
			b.WriteString(s.Text)
			b.WriteByte('\n')
		}
		d := &Document{ID: sents[i].ID, Text: b.String()}
		if err := a.Analyze(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if msg := checkOffsets(d.Text, d.Sentences); msg != "" {
			t.Fatalf("document %s: %s", d.ID, msg)
		}
	}
}

// TestTagWordsEWTAccuracy measures TagWords against the gold Penn Treebank
// tags of UD English-EWT dev (web text, not news), so that models trained on
// predicted tags know what they get.
func TestTagWordsEWTAccuracy(t *testing.T) {
	dir := dataDir(t, "ud_english_ewt")
	sents, err := ReadCoNLLU(openFile(t, filepath.Join(dir, "en_ewt-ud-dev.conllu")), "en_ewt-ud-dev.conllu")
	if err != nil {
		t.Fatal(err)
	}
	a := newAnalyzer(t)
	right, total := 0, 0
	for _, s := range sents {
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		for i, tag := range a.TagWords(words) {
			if tag == s.Words[i].XPOS {
				right++
			}
			total++
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("TagWords accuracy on EWT dev: %.4f (%d/%d words)", acc, right, total)
	if acc < 0.85 {
		t.Errorf("TagWords accuracy %.4f < 0.85", acc)
	}
}

// TestTagWordsCoNLLAccuracy does the same on CoNLL-2003 eng.testa (news).
func TestTagWordsCoNLLAccuracy(t *testing.T) {
	dir := dataDir(t, "conll2003")
	docs, err := ReadCoNLL2003(openFile(t, filepath.Join(dir, "eng.testa")), "eng.testa")
	if err != nil {
		t.Fatal(err)
	}
	a := newAnalyzer(t)
	right, total := 0, 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			for i, tag := range a.TagWords(s.Words) {
				if tag == s.POS[i] {
					right++
				}
				total++
			}
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("TagWords accuracy on CoNLL-2003 eng.testa: %.4f (%d/%d words)", acc, right, total)
	if acc < 0.85 {
		t.Errorf("TagWords accuracy %.4f < 0.85", acc)
	}
}
