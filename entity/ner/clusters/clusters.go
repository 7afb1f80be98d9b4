// Package clusters holds word clusters learnt from unlabelled English text,
// which the entity tagger of package ner reads as features: words that occur
// in the same contexts share a cluster, so a name never seen in annotated
// data still looks like the names it keeps company with.
//
// Each word form (case kept, digits read as 0) has a path of up to 16 bits
// in a binary tree of clusters; words whose paths share a longer prefix are
// more alike. The file clusters.txt is made by gen.go (see its header for
// the method, the sources and their licences):
//
//	NEWSGRAPH_DATA=/path/to/data go generate ./entity/ner/clusters
//
// The table is parsed once, on first use, in a few milliseconds.
package clusters

//go:generate go run gen.go -o clusters.txt

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed clusters.txt
var text []byte

// MaxBits is the length of the longest path.
const MaxBits = 16

// Table maps word forms to cluster codes.
type Table struct {
	codes map[string]uint32
}

var def = sync.OnceValues(func() (*Table, error) { return Parse(text) })

// Default returns the embedded table, parsed on first use.
func Default() (*Table, error) { return def() }

// Parse reads a table in the format of clusters.txt: lines of a path of 0s
// and 1s ("-" for the empty path), a tab and words separated by spaces;
// lines starting with # are comments.
func Parse(data []byte) (*Table, error) {
	t := &Table{codes: make(map[string]uint32, bytes.Count(data, []byte{' '})+bytes.Count(data, []byte{'\n'}))}
	line := 0
	for len(data) > 0 {
		line++
		var l []byte
		l, data, _ = bytes.Cut(data, []byte{'\n'})
		if len(l) == 0 || l[0] == '#' {
			continue
		}
		path, words, ok := bytes.Cut(l, []byte{'\t'})
		if !ok {
			return nil, fmt.Errorf("clusters: line %d: no tab after the path", line)
		}
		if len(path) > MaxBits {
			return nil, fmt.Errorf("clusters: line %d: path of %d bits, at most %d", line, len(path), MaxBits)
		}
		code := uint32(1)
		if !bytes.Equal(path, []byte{'-'}) {
			for _, c := range path {
				if c != '0' && c != '1' {
					return nil, fmt.Errorf("clusters: line %d: path %q is not made of 0s and 1s", line, path)
				}
				code = code<<1 | uint32(c-'0')
			}
		}
		for len(words) > 0 {
			var w []byte
			w, words, _ = bytes.Cut(words, []byte{' '})
			if len(w) > 0 {
				t.codes[string(w)] = code
			}
		}
	}
	return t, nil
}

// Text returns the embedded clusters.txt, which [Default] parses.
func Text() []byte { return text }

// Len returns the number of words in the table.
func (t *Table) Len() int { return len(t.codes) }

// Code returns the cluster code of a word: 1 followed by the bits of its
// path (so 0b1 is the root, 0b101 the path "01"), or 0 when the table does
// not know the word. Digits are read as 0. A word that starts with a
// capital and is not known as written is looked up capitalised ("PARIS" as
// "Paris"), then in lower case ("The" as "the"). buf is
// scratch space, returned for reuse.
func (t *Table) Code(w string, buf []byte) (uint32, []byte) {
	if t == nil {
		return 0, buf
	}
	buf = buf[:0]
	plain := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= '0' && c <= '9' {
			plain = false
		}
	}
	if plain {
		if c, ok := t.codes[w]; ok {
			return c, buf
		}
	}
	buf = append(buf, w...)
	for i, c := range buf {
		if c >= '0' && c <= '9' {
			buf[i] = '0'
		}
	}
	if !plain {
		if c, ok := t.codes[string(buf)]; ok {
			return c, buf
		}
	}
	r0, _ := utf8.DecodeRune(buf)
	if !unicode.IsUpper(r0) {
		return 0, buf
	}
	// Capitalised, then lower case.
	low := buf[:0]
	first := true
	var tmp [utf8.UTFMax]byte
	for _, r := range string(buf) { // the conversion copies buf
		if first {
			r = unicode.ToUpper(r)
			first = false
		} else {
			r = unicode.ToLower(r)
		}
		n := utf8.EncodeRune(tmp[:], r)
		low = append(low, tmp[:n]...)
	}
	if c, ok := t.codes[string(low)]; ok {
		return c, low
	}
	r, n := utf8.DecodeRune(low)
	if unicode.IsUpper(r) {
		lr := unicode.ToLower(r)
		if utf8.RuneLen(lr) == n {
			utf8.EncodeRune(low, lr)
			if c, ok := t.codes[string(low)]; ok {
				return c, low
			}
		}
	}
	return 0, low
}

// Prefix returns the code of the first k bits of code's path, or code itself
// when its path is not longer than k.
func Prefix(code uint32, k int) uint32 {
	n := Bits(code)
	if n <= k {
		return code
	}
	return code >> (n - k)
}

// Bits returns the length of code's path.
func Bits(code uint32) int {
	n := -1
	for code != 0 {
		code >>= 1
		n++
	}
	return n
}
