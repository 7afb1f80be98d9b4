package corpus

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// UDWord is a syntactic word of a CoNLL-U sentence. Fields hold the columns
// verbatim ("_" where the source has no value), except Head.
type UDWord struct {
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int // 1-based index of the head word in the sentence; 0 for the root
	Deprel                         string
}

// UDSentence is a sentence of a CoNLL-U treebank: its sent_id and text
// comments and its syntactic words. Word i (0-based) has CoNLL-U ID i+1.
type UDSentence struct {
	ID, Text string
	Words    []UDWord
}

// ReadCoNLLU reads a CoNLL-U file (Universal Dependencies): comment lines
// starting with "#", one word per line in ten tab-separated columns, blank
// lines between sentences. The "# sent_id = " and "# text = " comments give
// the sentence's ID and Text. Multiword-token lines (IDs like 3-4) and empty
// nodes (IDs like 8.1) are skipped, so Words are the basic tree's syntactic
// words.
//
// A bad line (too few columns, a word ID out of sequence, a bad HEAD, or a
// HEAD past the end of its sentence) drops its sentence; reading goes on and
// the error returned is an [ErrorList] with a [*LineError] for every bad line,
// returned with the good sentences. A read error or a line over 64 MiB ends
// reading and is the last entry.
func ReadCoNLLU(r io.Reader, name string) ([]UDSentence, error) {
	sc := newLineScanner(r, name)
	var (
		sents []UDSentence
		errs  ErrorList
		cur   UDSentence
		lines []int // line of each word in cur
		bad   bool
	)
	flush := func() {
		if len(cur.Words) > 0 && !bad {
			for i, w := range cur.Words {
				if w.Head > len(cur.Words) {
					errs = append(errs, &LineError{name, lines[i], fmt.Errorf("HEAD %d is past the last word (%d)", w.Head, len(cur.Words))})
					bad = true
				}
			}
			if !bad {
				sents = append(sents, cur)
			}
		}
		cur, lines, bad = UDSentence{}, lines[:0], false
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "#") {
			if v, ok := commentValue(line, "sent_id"); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(line, "# text = "); ok {
				cur.Text = v
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			errs = append(errs, &LineError{name, sc.line, fmt.Errorf("want 10 tab-separated columns, got %d", len(cols))})
			bad = true
			continue
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // multiword token or empty node
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || id != len(cur.Words)+1 {
			errs = append(errs, &LineError{name, sc.line, fmt.Errorf("word ID %q, want %d", cols[0], len(cur.Words)+1)})
			bad = true
			continue
		}
		head, err := strconv.Atoi(cols[6])
		if err != nil || head < 0 {
			errs = append(errs, &LineError{name, sc.line, fmt.Errorf("bad HEAD %q", cols[6])})
			bad = true
			continue
		}
		cur.Words = append(cur.Words, UDWord{
			Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5],
			Head: head, Deprel: cols[7],
		})
		lines = append(lines, sc.line)
	}
	flush()
	if err := sc.Err(); err != nil {
		errs = append(errs, err)
	}
	return sents, errs.Err()
}
