package corpus

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// LineError reports a bad record in a line-oriented input (JSON Lines,
// CoNLL, CoNLL-U): which input, which line, and what was wrong.
type LineError struct {
	File string // name of the input, as given to the reader
	Line int    // 1-based line number; 0 when the error is about the whole file
	Err  error  // what was wrong
}

// Error returns "corpus: file:line: err", or "corpus: file: err" when Line
// is 0 (an error about a whole file).
func (e *LineError) Error() string {
	if e.Line == 0 {
		return "corpus: " + e.File + ": " + e.Err.Error()
	}
	return "corpus: " + e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *LineError) Unwrap() error { return e.Err }

// ErrorList is every bad record a reader met, in input order. The readers in
// this package keep the good records and return the bad ones as an
// ErrorList, so one bad line never hides the others.
type ErrorList []*LineError

// Error lists every error, one a line: a user fixing a file wants them
// all, not the first and a count of the others.
func (l ErrorList) Error() string {
	if len(l) == 0 {
		return "corpus: no errors"
	}
	return strings.TrimSuffix(l.String(), "\n")
}

// Unwrap returns the errors of the list, for [errors.Is] and [errors.As].
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// String lists every error, one per line.
func (l ErrorList) String() string {
	var b strings.Builder
	for _, e := range l {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

// Errors that the readers and the [Analyzer] wrap in a [LineError] or return
// directly. Test for them with [errors.Is].
var (
	// ErrEmpty means a document's text is empty or only white space and
	// invisible characters (such as NUL or U+200B ZERO WIDTH SPACE).
	ErrEmpty = errors.New("empty text")
	// ErrTooLong means a line is longer than the reader's buffer.
	ErrTooLong = errors.New("line too long")
	// ErrMissingID means a record has no "id" or an empty one.
	ErrMissingID = errors.New(`missing "id"`)
	// ErrMissingText means a record has no "text".
	ErrMissingText = errors.New(`missing "text"`)
)

// DuplicateIDError reports a record whose ID an earlier record already used.
type DuplicateIDError struct {
	ID        string
	FirstLine int    // line of the earlier record, 0 if unknown
	FirstFile string // file of the earlier document, for a folder reader
}

// Error names the ID and, when known, the line or file of its first use.
func (e *DuplicateIDError) Error() string {
	if e.FirstFile != "" {
		return fmt.Sprintf("duplicate id %q (first from %s)", e.ID, e.FirstFile)
	}
	if e.FirstLine > 0 {
		return fmt.Sprintf("duplicate id %q (first on line %d)", e.ID, e.FirstLine)
	}
	return fmt.Sprintf("duplicate id %q", e.ID)
}

// InvalidUTF8Error reports text that is not valid UTF-8.
type InvalidUTF8Error struct {
	Offset int  // byte offset of the first invalid byte
	InLine bool // Offset is into an input line (JSON Lines), not a document text
}

// Error gives the byte offset of the first invalid byte.
func (e *InvalidUTF8Error) Error() string {
	where := ""
	if e.InLine {
		where = " of the line"
	}
	return fmt.Sprintf("invalid UTF-8 at byte %d%s", e.Offset, where)
}
