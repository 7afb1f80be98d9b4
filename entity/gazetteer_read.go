package entity

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ParseError is an error in a line of a gazetteer or titles file.
type ParseError struct {
	File string // the name given to the reader
	Line int    // 1-based
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

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
// ReadGazetteer returns the entries of the good lines and an error that
// joins a [*ParseError] for each bad line.
func ReadGazetteer(r io.Reader, name string) ([]Entry, error) {
	var entries []Entry
	err := readTSV(r, name, gazetteerColumns, "id", func(cols, fields []string, bad func(string, ...any)) {
		var e Entry
		for i, f := range fields {
			f = strings.TrimSpace(f)
			switch cols[i] {
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
		if err := checkEntry(e); err != nil {
			bad("%v", err)
			return
		}
		entries = append(entries, e)
	})
	return entries, err
}

// readTSV reads the hand-kept TSV format of the defaults: a header line
// naming columns from allowed (required among them), then a row a line;
// blank lines and lines starting with "#" are skipped, as is a byte order
// mark. row is called with the header's columns and each row's fields (no
// more fields than columns) and reports a bad row through bad. The error
// joins a [*ParseError] for each bad line.
func readTSV(r io.Reader, name string, allowed []string, required string, row func(cols, fields []string, bad func(string, ...any))) error {
	var (
		errs []error
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
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if cols == nil {
			var err error
			if cols, err = header(fields, allowed, required); err != nil {
				bad("%v", err)
				return errors.Join(errs...)
			}
			continue
		}
		if len(fields) > len(cols) {
			bad("%d fields, the header has %d", len(fields), len(cols))
			continue
		}
		row(cols, fields, bad)
	}
	if err := sc.Err(); err != nil {
		line++
		bad("%v", err)
	} else if cols == nil {
		bad("no header line")
	}
	return errors.Join(errs...)
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
// returns the good entries and an error joining a [*ParseError] for each bad
// object; a syntax error ends the reading.
func ReadGazetteerJSON(r io.Reader, name string) ([]Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{name, 1, err}
	}
	lineAt := func(off int64) int { return 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n")) }
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	array := len(trimmed) > 0 && trimmed[0] == '['
	if array {
		if _, err := dec.Token(); err != nil {
			return nil, &ParseError{name, lineAt(dec.InputOffset()), err}
		}
	}
	var (
		entries []Entry
		errs    []error
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
				return entries, errors.Join(errs...)
			}
			errs = append(errs, &ParseError{name, lineAt(start), err})
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
	}
	if array {
		if _, err := dec.Token(); err != nil {
			errs = append(errs, &ParseError{name, lineAt(dec.InputOffset()), err})
		}
	}
	return entries, errors.Join(errs...)
}
