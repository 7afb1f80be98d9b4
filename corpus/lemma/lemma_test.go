package lemma_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v3/tag"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/corpus/lemma"
)

func TestLemma(t *testing.T) {
	tests := []struct {
		word, tag, want string
	}{
		{"accused", "VBD", "accuse"},
		{"accused", "VBN", "accuse"},
		{"urging", "VBG", "urge"},
		{"talks", "NNS", "talk"},
		{"talks", "VBZ", "talk"},
		{"met", "VBD", "meet"},
		{"signed", "VBD", "sign"},
		{"held", "VBD", "hold"},
		{"held", "VBN", "hold"},
		{"visits", "VBZ", "visit"},
		{"visits", "NNS", "visit"},
		{"leaders", "NNS", "leader"},
		{"Leaders", "NNS", "leader"},
		{"said", "VBD", "say"},
		{"was", "VBD", "be"},
		{"'s", "VBZ", "be"},
		{"n't", "RB", "not"},
		{"n’t", "RB", "not"},
		{"countries", "NNS", "country"},
		{"stopped", "VBD", "stop"},
		{"bigger", "JJR", "big"},
		{"France", "NNP", "France"},
		{"Americans", "NNPS", "American"},
		{"children", "NNS", "child"},
		{"the", "DT", "the"},
		{"The", "DT", "the"},
		{"", "NN", ""},
		{"😀", "NN", "😀"},
		{"s", "NNS", "s"},
		{"ÉTÉS", "NNS", "été"},
	}
	for _, tt := range tests {
		got := lemma.Lemma(tt.word, tt.tag)
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("Lemma(%q, %q) (-want +got):\n%s", tt.word, tt.tag, d)
		}
	}
}

func TestRead(t *testing.T) {
	l, err := lemma.Read(strings.NewReader("word\ttag\tlemma\nmice\tNNS\tmouse\n"),
		strings.NewReader("# rules\ntag\tsuffix\tstrip\tadd\nNNS\ts\t1\t\nVBZ\ties\t3\ty\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := []string{l.Lemma("mice", "NNS"), l.Lemma("cats", "NNS"), l.Lemma("tries", "VBZ"), l.Lemma("runs", "VB")}
	want := []string{"mouse", "cat", "try", "runs"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, exc, sfx, want string }{
		{"columns", "word\ttag\tlemma\nmice\tNNS\n", "h\n", "lemma: exceptions:2: 2 columns, want 3"},
		{"strip", "h\n", "h\nNNS\ts\tx\t\n", `lemma: suffixes:2: bad strip "x" for suffix "s"`},
		{"long", "h\n", "h\nNNS\tabcdefg\t1\t\n", `lemma: suffixes:2: suffix "abcdefg" is not 1 to 6 bytes`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := lemma.Read(strings.NewReader(tt.exc), strings.NewReader(tt.sfx))
			if err == nil || err.Error() != tt.want {
				t.Errorf("Read error = %v, want %s", err, tt.want)
			}
		})
	}
}

// minDevAccuracy is the dev accuracy reached with prose tags, less 0.005.
const minDevAccuracy = 0.941

// TestDevAccuracy scores the lemmas of EWT dev with prose's predicted tags.
func TestDevAccuracy(t *testing.T) {
	dir := os.Getenv("NEWSGRAPH_DATA")
	if dir == "" {
		t.Skip("NEWSGRAPH_DATA is not set; it names the folder holding ud_english_ewt/")
	}
	f, err := os.Open(filepath.Join(dir, "ud_english_ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := corpus.ReadCoNLLU(f, "en_ewt-ud-dev.conllu")
	if err != nil {
		t.Fatal(err)
	}
	tagger, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	var n, ok, okGold int
	for _, s := range sents {
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		for i, tok := range tagger.Tag(words) {
			w := s.Words[i]
			n++
			if lemma.Lemma(w.Form, tok.Tag) == w.Lemma {
				ok++
			}
			if lemma.Lemma(w.Form, w.XPOS) == w.Lemma {
				okGold++
			}
		}
	}
	acc, accGold := float64(ok)/float64(n), float64(okGold)/float64(n)
	t.Logf("EWT dev lemma accuracy: %.4f with prose tags, %.4f with gold tags (%d words)", acc, accGold, n)
	if acc < minDevAccuracy {
		t.Errorf("accuracy %.4f with prose tags, want ≥ %.4f", acc, minDevAccuracy)
	}
}
