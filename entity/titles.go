package entity

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/tokenize"

	"github.com/newsgraph/newsgraph/entity/data"
)

// Title is an office that makes the capitalised name after it a person's
// ("President Emmanuel Macron"), with the words that name it.
type Title struct {
	Name  string   // canonical title: "Prime Minister"
	Forms []string // other words for it: "PM", "premier"; Name is always a form
	// Head says the office is that of a head of state or government, whose
	// holder leads the country (a LEADER_OF relation).
	Head bool
}

// Titles is a lexicon of office titles. Forms match words of text in any
// case and without diacritics ("president", "President", "PRESIDENT"), except
// acronyms such as "PM", which match only in their own case (see
// [Gazetteer]); the longest form wins ("Prime Minister" over "Minister").
//
// Titles is immutable once built and safe for concurrent use.
type Titles struct {
	titles []Title // as given, merged by Name
	byName map[string]int
	index  phraseIndex
	terms  []int // title index by terminal
}

// NewTitles returns a lexicon of the given titles. Titles with the same Name
// are merged: their forms are united, and Head is set if either sets it. A
// form shared by two titles goes to the later one.
func NewTitles(titles []Title) (*Titles, error) {
	t := &Titles{byName: make(map[string]int)}
	var errs []error
	for i, x := range titles {
		if strings.TrimSpace(x.Name) == "" {
			errs = append(errs, fmt.Errorf("entity: title %d: empty name", i))
			continue
		}
		j, ok := t.byName[x.Name]
		if !ok {
			j = len(t.titles)
			t.byName[x.Name] = j
			t.titles = append(t.titles, Title{Name: x.Name})
		}
		m := &t.titles[j]
		m.Head = m.Head || x.Head
		for _, f := range x.Forms {
			if f != x.Name && !slices.Contains(m.Forms, f) {
				m.Forms = append(m.Forms, f)
			}
		}
	}
	tk := tokenize.New()
	termOf := make(map[*trieNode]int)
	// Index the forms in the order given, so that a later title takes a
	// form from an earlier one.
	for _, x := range titles {
		j, ok := t.byName[x.Name]
		if !ok {
			continue
		}
		for _, f := range append([]string{x.Name}, x.Forms...) {
			alts, err := nameTokens(tk, f, true)
			if err != nil {
				errs = append(errs, fmt.Errorf("entity: title %q: %w", x.Name, err))
				continue
			}
			for _, node := range t.index.add(alts) {
				k, ok := termOf[node]
				if !ok {
					k = len(t.terms)
					termOf[node] = k
					node.term = k
					t.terms = append(t.terms, j)
				}
				t.terms[k] = j
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return t, nil
}

// With returns a new lexicon with t's titles and the given ones, which take
// precedence for the forms they share with t's. t is unchanged.
func (t *Titles) With(titles ...Title) (*Titles, error) {
	return NewTitles(append(t.Titles(), titles...))
}

// Match returns the canonical title whose form is longest at word i of words
// and the index just past it, or ok false when no form starts at i.
func (t *Titles) Match(words []string, i int) (title string, end int, ok bool) {
	if i < 0 || i >= len(words) {
		return "", i, false
	}
	end, k := t.index.longestAt(words, i, true)
	if k < 0 {
		return "", i, false
	}
	return t.titles[t.terms[k]].Name, end, true
}

// Head reports whether title is the canonical name of a title of a head of
// state or government.
func (t *Titles) Head(title string) bool {
	j, ok := t.byName[title]
	return ok && t.titles[j].Head
}

// Titles returns the titles of the lexicon, in the order first given.
func (t *Titles) Titles() []Title {
	out := make([]Title, len(t.titles))
	for i, x := range t.titles {
		x.Forms = slices.Clone(x.Forms)
		out[i] = x
	}
	return out
}

var titlesColumns = []string{"title", "forms", "head"}

// ReadTitles reads titles from TSV text, the format of the embedded
// defaults: a header line naming the columns title, forms (several separated
// by "|") and head ("yes" for a head of state or government, else empty or
// "no"), then one title a line. Lines starting with "#" and blank lines are
// ignored. name names the input in errors. It returns the titles of the good
// lines and an error joining a [*ParseError] for each bad line.
//
//	title	forms	head
//	Prime Minister	PM|premier	yes
func ReadTitles(r io.Reader, name string) ([]Title, error) {
	var out []Title
	err := readTSV(r, name, titlesColumns, "title", func(cols, fields []string, bad func(string, ...any)) {
		var x Title
		for i, f := range fields {
			f = strings.TrimSpace(f)
			switch cols[i] {
			case "title":
				x.Name = f
			case "forms":
				x.Forms = list(f)
			case "head":
				switch f {
				case "yes":
					x.Head = true
				case "", "no":
				default:
					bad("head is %q, want yes, no or empty", f)
					return
				}
			}
		}
		if x.Name == "" {
			bad("empty title")
			return
		}
		out = append(out, x)
	})
	return out, err
}

var defaultTitles = sync.OnceValues(func() (*Titles, error) {
	ts, err := ReadTitles(strings.NewReader(data.Titles), "titles.tsv")
	if err != nil {
		return nil, err
	}
	return NewTitles(ts)
})

// DefaultTitles returns the embedded default titles lexicon, read once on
// first use. See package [github.com/newsgraph/newsgraph/entity/data] for
// its contents.
func DefaultTitles() (*Titles, error) { return defaultTitles() }
