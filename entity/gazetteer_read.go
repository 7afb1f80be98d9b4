package entity

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/entity/data"
)

// ParseError is an error in a line of a gazetteer or titles file.
type ParseError struct {
	File string // the name given to the reader
	Line int    // 1-based
	Err  error
}

// Error returns "file:line: err".
func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// setField sets the field of e that the gazetteer column col holds to f.
func (e *Entry) setField(col, f string) {
	switch col {
	case "id":
		e.Entity.ID = f
	case "type":
		e.Entity.Type = Type(f)
	case "name":
		e.Entity.Name = f
	case "aliases":
		e.Names = list(f)
	case "demonyms":
		e.Demonyms = list(f)
	case "code":
		e.Entity.Code = f
	case "alpha2":
		e.Alpha2 = f
	case "country":
		e.Entity.Country = f
	case "title":
		e.Entity.Title = f
	}
}

// ParseErrors is every bad line of an input, in line order, as the readers
// of this package return it: one bad line never hides another.
type ParseErrors []*ParseError

// Error lists every error, one a line (never "and 12 more").
func (l ParseErrors) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the errors of the list, for [errors.Is] and [errors.As].
func (l ParseErrors) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Err returns l as an error, or nil when l is empty.
func (l ParseErrors) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// sortByLine orders l by line, keeping the order of errors on one line.
func (l ParseErrors) sortByLine() {
	slices.SortStableFunc(l, func(a, b *ParseError) int { return cmp.Compare(a.Line, b.Line) })
}

// gazetteerColumns are the columns a gazetteer TSV file may have.
var gazetteerColumns = []string{"id", "type", "name", "aliases", "demonyms", "code", "alpha2", "country", "title"}

// ReadGazetteer reads gazetteer entries from TSV text, the format of the
// embedded defaults. name names the input in errors ("people.tsv").
//
// Lines starting with "#" and blank lines are ignored. The first other line
// is the header: tab-separated column names from id, type, name, aliases,
// demonyms, code, alpha2, country and title, in any order; id is required.
// Each further line is one [Entry]; aliases and demonyms hold several values
// separated by "|"; a line may leave trailing columns out. For example:
//
//	id	type	name	aliases	code	country	title
//	person/emmanuel-macron	PERSON	Emmanuel Macron	Macron	FRA	country/fra	President
//
// A line that only adds names to an entity defined elsewhere needs no type
// or name (see [Entry] on merging):
//
//	id	aliases	demonyms
//	country/fra	French Republic	French
//
// A country names an entity: the ID of an entry of the same input or of a
// country of the embedded defaults ("country/fra"); a user's country in
// another file of theirs is not known here, so give it in the same file.
//
// ReadGazetteer returns the entries of the good lines and a [ParseErrors]
// with a [*ParseError] naming name:line for each bad line: too many fields,
// invalid UTF-8 (with its byte in the line), a missing or empty id, an
// unknown type, a type but no name, or a country that names no entity.
func ReadGazetteer(r io.Reader, name string) ([]Entry, error) {
	var (
		entries []Entry
		lines   []int
	)
	errs := readTSVLines(r, name, gazetteerColumns, "id", func(line int, cols, fields []string, bad func(string, ...any)) {
		var e Entry
		for i, f := range fields {
			f = strings.TrimSpace(f)
			e.setField(cols[i], f)
		}
		if err := checkEntry(e); err != nil {
			bad("%v", err)
			return
		}
		entries = append(entries, e)
		lines = append(lines, line)
	})
	entries, errs = checkCountries(entries, lines, name, errs)
	return entries, errs.Err()
}

// checkCountries drops the entries whose Country names no entity, neither
// one of entries nor a country of the embedded defaults, and adds an error
// at the entry's line for each to errs, in line order.
func checkCountries(entries []Entry, lines []int, name string, errs ParseErrors) ([]Entry, ParseErrors) {
	ids := make(map[string]bool, len(entries))
	for _, e := range entries {
		ids[e.Entity.ID] = true
	}
	known := defaultCountryIDs()
	out := entries[:0]
	n := len(errs)
	for i, e := range entries {
		if c := e.Entity.Country; c != "" && !ids[c] && !known[c] {
			errs = append(errs, &ParseError{name, lines[i], fmt.Errorf("country %q names no entity (want the id of a country, such as \"country/fra\", in this file or the defaults)", c)})
			continue
		}
		out = append(out, e)
	}
	if len(errs) > n {
		errs.sortByLine()
	}
	return out, errs
}

// defaultCountryIDs is the set of the IDs of the embedded countries,
// read from the id column of data.Countries, the first file of the
// defaults; ReadGazetteer, which reads the defaults too, cannot ask the
// default gazetteer.
var defaultCountryIDs = sync.OnceValue(func() map[string]bool {
	ids := make(map[string]bool)
	for _, line := range strings.Split(data.Countries, "\n") {
		id, _, _ := strings.Cut(line, "\t")
		if strings.HasPrefix(id, "country/") {
			ids[strings.TrimSpace(id)] = true
		}
	}
	return ids
})

// readTSV reads the hand-kept TSV format of the defaults: a header line
// naming columns from allowed (required among them), then a row a line;
// blank lines and lines starting with "#" are skipped, as is a byte order
// mark. row is called with the header's columns and each row's fields (no
// more fields than columns) and reports a bad row through bad. The error is
// a [ParseErrors] with an error for each bad line.
func readTSV(r io.Reader, name string, allowed []string, required string, row func(cols, fields []string, bad func(string, ...any))) error {
	return readTSVLines(r, name, allowed, required, func(_ int, cols, fields []string, bad func(string, ...any)) {
		row(cols, fields, bad)
	}).Err()
}

// readTSVLines is readTSV that also tells row the line number, and returns
// the errors as they are. A line that is not UTF-8 is a bad line.
func readTSVLines(r io.Reader, name string, allowed []string, required string, row func(line int, cols, fields []string, bad func(string, ...any))) ParseErrors {
	var (
		errs ParseErrors
		cols []string
		line int
	)
	bad := func(format string, args ...any) {
		errs = append(errs, &ParseError{name, line, fmt.Errorf(format, args...)})
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff") // a byte order mark
		}
		if off := invalidUTF8(text); off >= 0 {
			bad("invalid UTF-8 at byte %d of the line", off)
			if cols == nil && !strings.HasPrefix(text, "#") && strings.TrimSpace(text) != "" {
				return errs // a bad header: nothing after it can be read
			}
			continue
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if cols == nil {
			var err error
			if cols, err = header(fields, allowed, required); err != nil {
				bad("%v", err)
				return errs
			}
			continue
		}
		if len(fields) > len(cols) {
			bad("%d fields, the header has %d", len(fields), len(cols))
			continue
		}
		row(line, cols, fields, bad)
	}
	if err := sc.Err(); err != nil {
		line++
		bad("%v", err)
	} else if cols == nil {
		bad("no header line")
	}
	return errs
}

// invalidUTF8 returns the byte offset of the first invalid UTF-8 sequence
// in s, or -1 if s is valid.
func invalidUTF8(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}

// header checks a header line against the allowed columns.
func header(fields, allowed []string, required string) ([]string, error) {
	seen := make(map[string]bool)
	for i, f := range fields {
		f = strings.TrimSpace(f)
		fields[i] = f
		known := false
		for _, a := range allowed {
			known = known || a == f
		}
		switch {
		case !known:
			return nil, fmt.Errorf("unknown column %q in header (want some of %s)", f, strings.Join(allowed, ", "))
		case seen[f]:
			return nil, fmt.Errorf("column %q twice in header", f)
		}
		seen[f] = true
	}
	if !seen[required] {
		return nil, fmt.Errorf("header has no %q column", required)
	}
	return fields, nil
}

// list splits a "|"-separated list, dropping empty items.
func list(s string) []string {
	var out []string
	for _, x := range strings.Split(s, "|") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// checkEntry reports what is wrong with one entry on its own.
func checkEntry(e Entry) error {
	switch {
	case e.Entity.ID == "":
		return errors.New("empty id")
	case strings.ContainsAny(e.Entity.ID, " \t"):
		return fmt.Errorf("id %q has a space", e.Entity.ID)
	}
	switch e.Entity.Type {
	case "", Person, Country, Organization, Location:
	default:
		return fmt.Errorf("unknown type %q (want PERSON, COUNTRY, ORGANIZATION or LOCATION)", e.Entity.Type)
	}
	if e.Entity.Type != "" && e.Entity.Name == "" {
		return errors.New("a type but no name")
	}
	return nil
}

// jsonEntry is the JSON form of an Entry.
type jsonEntry struct {
	ID       string   `json:"id"`
	Type     Type     `json:"type"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Demonyms []string `json:"demonyms"`
	Code     string   `json:"code"`
	Alpha2   string   `json:"alpha2"`
	Country  string   `json:"country"`
	Title    string   `json:"title"`
}

// ReadGazetteerJSON reads gazetteer entries from JSON: an array of objects,
// or a stream of objects such as JSON Lines, each with the fields of the TSV
// columns of [ReadGazetteer] ("aliases" and "demonyms" are arrays):
//
//	[{"id": "person/jane-doe", "type": "PERSON", "name": "Jane Doe",
//	  "aliases": ["Doe"], "code": "GBR", "country": "country/gbr", "title": "Minister"}]
//
// name names the input in errors, which give the line of the object. It
// returns the good entries and a [ParseErrors] with a [*ParseError] for each
// bad object (as for ReadGazetteer, and an unknown field or invalid UTF-8);
// a syntax error ends the reading. The cost is linear in the input however
// many objects are bad.
func ReadGazetteerJSON(r io.Reader, name string) ([]Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, ParseErrors{{name, 1, err}}
	}
	// Lines are counted forward from the last offset asked about, so that
	// reporting many bad objects costs one pass over the input, not one
	// pass each.
	countedTo, countedLine := 0, 1
	lineAt := func(off int64) int {
		o := min(int(off), len(data))
		if o < countedTo {
			return 1 + bytes.Count(data[:o], []byte("\n"))
		}
		countedLine += bytes.Count(data[countedTo:o], []byte("\n"))
		countedTo = o
		return countedLine
	}
	// encoding/json would quietly turn invalid UTF-8 into U+FFFD: find it
	// first, and report the objects that hold it.
	var invalid []int
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				invalid = append(invalid, i)
			}
			i += size
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	array := len(trimmed) > 0 && trimmed[0] == '['
	if array {
		if _, err := dec.Token(); err != nil {
			return nil, ParseErrors{{name, lineAt(dec.InputOffset()), err}}
		}
	}
	var (
		entries []Entry
		lines   []int
		errs    ParseErrors
	)
	for dec.More() {
		start := dec.InputOffset()
		if array || start > 0 {
			// InputOffset is at the separator; the object starts after it.
			rest := data[start:]
			start += int64(len(rest) - len(bytes.TrimLeft(rest, " \t\r\n,")))
		}
		var j jsonEntry
		if err := dec.Decode(&j); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
				errs = append(errs, &ParseError{name, lineAt(dec.InputOffset()), err})
				entries, errs = checkCountries(entries, lines, name, errs)
				return entries, errs.Err()
			}
			errs = append(errs, &ParseError{name, lineAt(start), err})
			continue
		}
		if k, _ := slices.BinarySearch(invalid, int(start)); k < len(invalid) && invalid[k] < int(dec.InputOffset()) {
			off := invalid[k]
			line := lineAt(int64(off))
			lineStart := bytes.LastIndexByte(data[:off], '\n') + 1
			errs = append(errs, &ParseError{name, line, fmt.Errorf("invalid UTF-8 at byte %d of the line", off-lineStart)})
			continue
		}
		e := Entry{
			Entity:   Entity{ID: j.ID, Type: j.Type, Name: j.Name, Code: j.Code, Country: j.Country, Title: j.Title},
			Names:    j.Aliases,
			Demonyms: j.Demonyms,
			Alpha2:   j.Alpha2,
		}
		if err := checkEntry(e); err != nil {
			errs = append(errs, &ParseError{name, lineAt(start), err})
			continue
		}
		entries = append(entries, e)
		lines = append(lines, lineAt(start))
	}
	if array {
		if _, err := dec.Token(); err != nil {
			errs = append(errs, &ParseError{name, lineAt(dec.InputOffset()), err})
		}
	}
	entries, errs = checkCountries(entries, lines, name, errs)
	return entries, errs.Err()
}
