// Package lemma gives the dictionary form (lemma) of an English word from
// its Penn Treebank part-of-speech tag: "accused"/VBD → "accuse",
// "talks"/NNS → "talk", "met"/VBD → "meet", "'s"/VBZ → "be".
//
// It follows the lemmas of Universal Dependencies English EWT. Two tables
// are generated from its training part by gen.go: exceptions (irregular
// forms, a lower-case word and tag to a lemma) and suffix rules learned from
// regular forms (a tag and word ending to an edit: drop some letters, add
// some). A word is looked up in the exceptions first, under its tag and
// then under "*" (forms with one lemma whatever their tag); otherwise the rule for
// its longest listed ending applies; otherwise its lemma is the word in
// lower case. Proper nouns (NNP) keep their form, and plural proper nouns
// (NNPS) keep their case.
//
// Between the exceptions and the rules come forms EWT train is too small to
// hold: a hand-written table of irregular verbs, also after a prefix
// ("overran" → "overrun", "withheld" → "withhold"); a few regular verbs
// that double a final consonant the rules take for double ("gassed" →
// "gas"); and hyphenated verbs and nouns, which inflect their last part
// ("tear-gassed" → "tear-gas", "co-wrote" → "co-write").
//
// # Concurrency and cost
//
// A [Lemmatizer] is immutable and safe for concurrent use. The embedded
// tables (about 200 KB) are parsed once, on the first call of [Lemma] or
// [Default]; a lookup then costs a lower-casing and a few map probes.
package lemma

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run gen.go

//go:embed exceptions.tsv
var exceptionsTSV string

//go:embed suffixes.tsv
var suffixesTSV string

// maxSuffix is the longest word ending a rule may name, in bytes.
const maxSuffix = 6

// Lemmatizer maps words and tags to lemmas. It is immutable after Read.
type Lemmatizer struct {
	exceptions map[string]string // Key(word) + "\t" + tag → lemma
	rules      map[string]edit   // tag + "\t" + ending → edit
}

type edit struct {
	strip int
	add   string
}

var defaultLemmatizer = sync.OnceValues(func() (*Lemmatizer, error) {
	return Read(strings.NewReader(exceptionsTSV), strings.NewReader(suffixesTSV))
})

// Default returns the lemmatizer built from the embedded EWT tables.
func Default() (*Lemmatizer, error) { return defaultLemmatizer() }

// Lemma returns the lemma of word with Penn Treebank tag, using the
// embedded tables. See [Lemmatizer.Lemma].
func Lemma(word, tag string) string {
	l, err := Default()
	if err != nil {
		// The embedded tables are tested; fall back to the word itself.
		return Key(word)
	}
	return l.Lemma(word, tag)
}

// Key returns the form under which word is looked up: lower case, with
// curly apostrophes made straight ("Don’t" → "don't").
func Key(word string) string {
	if !strings.ContainsAny(word, "’‘") {
		return strings.ToLower(word)
	}
	return strings.ToLower(strings.NewReplacer("’", "'", "‘", "'").Replace(word))
}

// Lemma returns the lemma of word with Penn Treebank tag. The result is in
// lower case except for proper nouns and the few forms EWT writes otherwise
// (such as "I"). A word the tables do not cover is returned in lower case.
func (l *Lemmatizer) Lemma(word, tag string) string {
	key := Key(word)
	if lem, ok := l.exceptions[key+"\t"+tag]; ok {
		return lem
	}
	if tag != "NNP" && tag != "NNPS" {
		if lem, ok := l.exceptions[key+"\t*"]; ok {
			return lem
		}
	}
	if tag == "NNP" {
		return word
	}
	if base, ok := irregular(key, tag); ok {
		return base
	}
	if strings.HasPrefix(tag, "VB") {
		if base, ok := doubled[key]; ok {
			return base
		}
	}
	if i := strings.LastIndexByte(key, '-'); i > 0 && i < len(key)-1 && (strings.HasPrefix(tag, "VB") || tag == "NN" || tag == "NNS") {
		// A hyphenated word inflects its last part: tear-gassed, re-elected.
		return key[:i+1] + l.Lemma(key[i+1:], tag)
	}
	base := key
	if tag == "NNPS" {
		base = word
	}
	for n := min(maxSuffix, len(key)-1); n >= 1; n-- {
		if !utf8.RuneStart(key[len(key)-n]) {
			continue
		}
		e, ok := l.rules[tag+"\t"+key[len(key)-n:]]
		if !ok {
			continue
		}
		cut := len(base) - e.strip
		if cut <= 0 || (cut < len(base) && !utf8.RuneStart(base[cut])) {
			break
		}
		return base[:cut] + e.add
	}
	return base
}

// Read builds a lemmatizer from an exceptions table and a suffix-rule table,
// in the TSV formats of the embedded exceptions.tsv ("word, tag, lemma") and
// suffixes.tsv ("tag, suffix, strip, add"). Each starts with a header line;
// lines starting with "#" are comments. Errors name the table and line.
// The built-in irregular verbs and the hyphen rule apply whatever the tables.
func Read(exceptions, suffixes io.Reader) (*Lemmatizer, error) {
	l := &Lemmatizer{exceptions: map[string]string{}, rules: map[string]edit{}}
	err := readTSV(exceptions, "exceptions", 3, func(f []string) error {
		l.exceptions[Key(f[0])+"\t"+f[1]] = f[2]
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(suffixes, "suffixes", 4, func(f []string) error {
		strip, err := strconv.Atoi(f[2])
		if err != nil || strip < 0 || strip > len(f[1]) {
			return fmt.Errorf("bad strip %q for suffix %q", f[2], f[1])
		}
		if len(f[1]) == 0 || len(f[1]) > maxSuffix {
			return fmt.Errorf("suffix %q is not 1 to %d bytes", f[1], maxSuffix)
		}
		l.rules[f[0]+"\t"+f[1]] = edit{strip, f[3]}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

func readTSV(r io.Reader, name string, cols int, row func([]string) error) error {
	sc := bufio.NewScanner(r)
	line, header := 0, false
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !header {
			header = true
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != cols {
			return fmt.Errorf("lemma: %s:%d: %d columns, want %d", name, line, len(f), cols)
		}
		if err := row(f); err != nil {
			return fmt.Errorf("lemma: %s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lemma: %s:%d: %w", name, line, err)
	}
	return nil
}
