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

// TestIrregularForms covers irregular and prefixed irregular verbs EWT train
// never saw, and hyphenated verbs, whose last part inflects.
func TestIrregularForms(t *testing.T) {
	tests := []struct {
		word, tag, want string
	}{
		{"overran", "VBD", "overrun"},
		{"overrode", "VBD", "override"},
		{"forbade", "VBD", "forbid"},
		{"forbidden", "VBN", "forbid"},
		{"undertook", "VBD", "undertake"},
		{"upheld", "VBD", "uphold"},
		{"upheld", "VBN", "uphold"},
		{"overthrew", "VBD", "overthrow"},
		{"shot", "VBD", "shoot"},
		{"fled", "VBD", "flee"},
		{"fled", "VBN", "flee"},
		{"stricken", "VBN", "strike"},
		{"slew", "VBD", "slay"},
		{"slain", "VBN", "slay"},
		{"bade", "VBD", "bid"},
		{"swore", "VBD", "swear"},
		{"sworn", "VBD", "swear"},
		{"rebuilt", "VBD", "rebuild"},
		{"rebuilt", "VBN", "rebuild"},
		{"outran", "VBD", "outrun"},
		{"underwent", "VBD", "undergo"},
		{"misled", "VBD", "mislead"},
		{"withheld", "VBD", "withhold"},
		{"cowrote", "VBD", "cowrite"},
		{"undid", "VBD", "undo"},
		{"unwound", "VBD", "unwind"},
		{"wed", "VBN", "wed"},
		{"sped", "VBD", "speed"},
		{"tear-gassed", "VBD", "tear-gas"},
		{"tear-gassed", "VBN", "tear-gas"},
		{"tear-gassing", "VBG", "tear-gas"},
		{"co-wrote", "VBD", "co-write"},
		{"re-took", "VBD", "re-take"},
		{"gassed", "VBD", "gas"},
		{"rebuilt", "VBP", "rebuild"},
		{"outran", "VBP", "outrun"},
		{"underwent", "JJ", "undergo"},
	}
	for _, tt := range tests {
		if got := lemma.Lemma(tt.word, tt.tag); got != tt.want {
			t.Errorf("Lemma(%q, %q) = %q, want %q", tt.word, tt.tag, got, tt.want)
		}
	}
}

// TestKept covers words the irregular table and the hyphen rule leave as
// they were: forms the EWT tables already get right, hyphenated adjectives,
// past forms with other tags, and regular hyphenated verbs.
func TestKept(t *testing.T) {
	tests := []struct {
		word, tag, want string
	}{
		{"pre-owned", "JJ", "pre-owned"},
		{"overgrown", "JJ", "overgrown"},
		{"outspoken", "JJ", "outspoken"},
		{"shot", "VBP", "shot"},
		{"tear-gassed", "JJ", "tear-gassed"},
		{"broke", "VBN", "broke"},
		{"overridden", "VBN", "override"},
		{"withdrew", "VBD", "withdraw"},
		{"withdrawn", "VBN", "withdraw"},
		{"undertaken", "VBN", "undertake"},
		{"foresaw", "VBD", "foresee"},
		{"foreseen", "VBN", "foresee"},
		{"overthrown", "VBN", "overthrow"},
		{"overtook", "VBD", "overtake"},
		{"prepaid", "VBN", "prepay"},
		{"misunderstood", "VBD", "misunderstand"},
		{"air-dropped", "VBD", "air-drop"},
		{"re-elected", "VBN", "re-elect"},
		{"co-signed", "VBD", "co-sign"},
		{"passed", "VBD", "pass"},
		{"lay", "VBP", "lay"},
		{"saw", "NN", "saw"},
	}
	for _, tt := range tests {
		if got := lemma.Lemma(tt.word, tt.tag); got != tt.want {
			t.Errorf("Lemma(%q, %q) = %q, want %q", tt.word, tt.tag, got, tt.want)
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
