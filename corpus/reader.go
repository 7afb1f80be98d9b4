package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Reader reads documents one at a time, in the manner of [bufio.Scanner]:
//
//	r := corpus.NewJSONLReader(f, "news.jsonl")
//	for r.Scan() {
//		d := r.Document()
//		...
//	}
//	if err := r.Err(); err != nil { ... } // fatal: reading stopped early
//	for _, e := range r.Errors() { ... }  // bad records, skipped
//
// Scan stops at the end of the input or at the first fatal error: an I/O
// error or a missing file or folder. Err returns that error, sticky, and nil
// at the end of the input.
//
// A bad record is not fatal: it is skipped, and a [*LineError] naming its
// file and line (line 0 for a whole file) is added to Errors, which holds
// every bad record met so far, so a caller streaming a large corpus can look
// after each Scan. Bad records are documents whose text is empty or only
// white space ([ErrEmpty]) or not valid UTF-8 ([*InvalidUTF8Error]), and, in
// JSON Lines, lines that are not a JSON object, lack "id" ([ErrMissingID]) or
// "text" ([ErrMissingText]), repeat an earlier line's id
// ([*DuplicateIDError]; the first is kept), or are over 64 MiB
// ([*TooLongError]).
//
// A Reader is not safe for concurrent use.
type Reader struct {
	next   func() (*Document, bool) // next document; false at end or on a fatal error
	doc    *Document
	err    error
	errs   ErrorList
	closer io.Closer
	done   bool
}

// Scan advances to the next good document, which [Reader.Document] then
// returns. It returns false at the end of the input or on a fatal error.
func (r *Reader) Scan() bool {
	if r.done {
		return false
	}
	d, ok := r.next()
	if !ok {
		r.done, r.doc = true, nil
		r.Close()
		return false
	}
	r.doc = d
	return true
}

// Document returns the document read by the last call to [Reader.Scan]. Each
// call to Scan returns a new *Document, so the caller may keep it.
func (r *Reader) Document() *Document { return r.doc }

// Err returns the fatal error that stopped reading, or nil if the reader
// reached the end of its input.
func (r *Reader) Err() error { return r.err }

// Errors returns the bad records skipped so far, in input order.
func (r *Reader) Errors() ErrorList { return r.errs }

// Close releases the file opened by [Open], if any. It is called
// automatically when Scan returns false, and is needed only when the caller
// stops early.
func (r *Reader) Close() error {
	if r.closer == nil {
		return nil
	}
	c := r.closer
	r.closer = nil
	return c.Close()
}

func (r *Reader) fail(err error) (*Document, bool) {
	if r.err == nil {
		r.err = err
	}
	return nil, false
}

// checkText returns the error that makes text a bad document, or nil.
func checkText(text string) error {
	if off := invalidOffset(text); off >= 0 {
		return &InvalidUTF8Error{Offset: off}
	}
	if isBlankText(text) {
		return ErrEmpty
	}
	return nil
}

// NewTextReader returns a Reader of one document: all of rd, with the given
// ID, which also names it in errors. Text that starts as an HTML page does
// ("<!doctype html" or "<html", after white space) is read as HTML, as by
// [NewHTMLReader]. A leading UTF-8 byte order mark is
// dropped (so are they by the other readers of text files), and offsets are
// into the text after it.
func NewTextReader(rd io.Reader, id string) *Reader {
	return newStreamReader(rd, id, func(id string, b []byte) (*Document, error) { return textDocument(id, id, b) })
}

// newStreamReader returns a Reader of one document, made by doc from all
// of rd: a read error is fatal, a bad document a bad record, both naming id.
func newStreamReader(rd io.Reader, id string, doc func(id string, b []byte) (*Document, error)) *Reader {
	r := new(Reader)
	read := false
	r.next = func() (*Document, bool) {
		if read {
			return nil, false
		}
		read = true
		b, err := io.ReadAll(rd)
		if err != nil {
			return r.fail(&LineError{File: id, Err: err})
		}
		d, err := doc(id, b)
		if err != nil {
			r.errs = append(r.errs, &LineError{File: id, Err: err})
			return nil, false
		}
		return d, true
	}
	return r
}

// textDocument makes the document of a text file or stream named name,
// read as HTML when the name or the content says HTML.
func textDocument(id, name string, b []byte) (*Document, error) {
	if isHTMLName(name) || looksHTML(b) {
		return htmlDocument(id, b)
	}
	text := strings.TrimPrefix(string(b), "\uFEFF")
	if err := checkText(text); err != nil {
		return nil, err
	}
	return &Document{ID: id, Text: text}, nil
}

// NewFileReader returns a Reader of one document, the text file at path,
// whose ID is the file's base name without its extension ("news/a1.txt" has
// ID "a1"). A file named "*.html" or "*.htm", or whose content starts as
// HTML does, is read as HTML, as by [NewHTMLReader]. A file that cannot be read is a fatal error; an empty file or one
// that is not UTF-8 is a bad record.
func NewFileReader(path string) *Reader {
	r := new(Reader)
	read := false
	r.next = func() (*Document, bool) {
		if read {
			return nil, false
		}
		read = true
		b, err := os.ReadFile(path)
		if err != nil {
			return r.fail(err)
		}
		d, err := textDocument(fileID(filepath.Base(path)), path, b)
		if err != nil {
			r.errs = append(r.errs, &LineError{File: path, Err: err})
			return nil, false
		}
		return d, true
	}
	return r
}

// readRegular reads the file at path if it is a regular file. It opens the
// file without blocking and checks what it opened, so a file replaced by a
// named pipe after the folder was listed is not waited on.
func readRegular(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &NotRegularError{Mode: info.Mode().Type()}
	}
	return io.ReadAll(f)
}

func fileID(name string) string {
	return strings.TrimSuffix(name, filepath.Ext(name))
}

// NewDirReader returns a Reader of the text and HTML files under dir,
// recursively, in lexical order of their paths. It reads the files whose
// names end in ".txt", ".html" or ".htm" (in any case) and skips everything
// else, including files and folders whose names start with "."; a file
// without an extension is skipped too, since such names (README, LICENSE)
// are seldom articles. HTML files, and text files whose content starts as
// HTML does, are read as by [NewHTMLReader].
//
// Only regular files are opened. A named pipe, socket or device with one of
// those extensions, or a symbolic link to one, is skipped with a
// [*NotRegularError] among the bad records, never waited on; a symbolic
// link to a regular file is followed, one to a folder is not.
//
// A document's ID is its path relative to dir, with forward slashes and
// without the extension ("2024/05/a1.txt" has ID "2024/05/a1"); a file
// whose ID an earlier one has ("a.html" after "a.htm") is a bad record
// ([*DuplicateIDError]). A missing
// or unreadable dir is a fatal error; a file or sub-folder that cannot be
// read, an empty file or one that is not UTF-8 is a bad record.
func NewDirReader(dir string) *Reader {
	r := new(Reader)
	var paths []string
	seen := make(map[string]string) // file of each ID read
	listed := false
	r.next = func() (*Document, bool) {
		if !listed {
			listed = true
			if err := r.list(dir, &paths); err != nil {
				return r.fail(err)
			}
		}
		for len(paths) > 0 {
			p := paths[0]
			paths = paths[1:]
			b, err := readRegular(p)
			if err != nil {
				r.errs = append(r.errs, &LineError{File: p, Err: err})
				continue
			}
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				rel = filepath.Base(p)
			}
			id := filepath.ToSlash(fileID(rel))
			if first, dup := seen[id]; dup {
				// "a.txt" and "a.html" would both be "a".
				r.errs = append(r.errs, &LineError{File: p, Err: &DuplicateIDError{ID: id, FirstFile: first}})
				continue
			}
			d, err := textDocument(id, p, b)
			if err != nil {
				r.errs = append(r.errs, &LineError{File: p, Err: err})
				continue
			}
			seen[id] = p
			return d, true
		}
		return nil, false
	}
	return r
}

func (r *Reader) list(dir string, paths *[]string) error {
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			r.errs = append(r.errs, &LineError{File: p, Err: err})
			if e != nil && e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != dir && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() || !readsExt(e.Name()) {
			return nil
		}
		// Only regular files are read: a named pipe would be waited on
		// forever, a device read without end. A symbolic link is followed
		// to a regular file only (a link to a folder is not walked, so
		// links cannot loop).
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := os.Stat(p)
			if err != nil {
				r.errs = append(r.errs, &LineError{File: p, Err: err})
				return nil
			}
			mode = info.Mode().Type()
		}
		if !mode.IsRegular() {
			r.errs = append(r.errs, &LineError{File: p, Err: &NotRegularError{Mode: mode}})
			return nil
		}
		*paths = append(*paths, p)
		return nil
	})
}

// readsExt reports whether a folder reader reads a file of this name: text
// (".txt") or HTML (".html", ".htm"), in any case.
func readsExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".html", ".htm":
		return true
	}
	return false
}

// NotRegularError reports a file in a folder that is not a regular file (a
// named pipe, a socket, a device, or a link to one or to a folder), which a
// folder reader skips without opening.
type NotRegularError struct {
	Mode fs.FileMode // the file's type bits
}

// Error names the kind of file.
func (e *NotRegularError) Error() string {
	kind := "special file"
	switch m := e.Mode; {
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeCharDevice != 0:
		kind = "character device"
	case m&fs.ModeDevice != 0:
		kind = "device"
	case m&fs.ModeDir != 0:
		kind = "folder"
	}
	return "not a regular file (" + kind + "), skipped"
}

// NewJSONLReader returns a Reader of JSON Lines, one document per line:
//
//	{"id": "a1", "text": "French President Emmanuel Macron ..."}
//
// Other fields are ignored and blank lines skipped. name is used in errors
// ("news.jsonl:1043").
//
// Lines may be up to 64 MiB long. A longer line is a bad record, reported as
// a [*LineError] wrapping a [*TooLongError] (which matches [ErrTooLong]) with
// its size; it is read past without being held in memory, and reading goes
// on with the next line.
func NewJSONLReader(rd io.Reader, name string) *Reader {
	return newJSONLReader(rd, name, maxLine)
}

// newJSONLReader is NewJSONLReader with a limit on the line length, which
// tests make small.
func newJSONLReader(rd io.Reader, name string, limit int) *Reader {
	r := new(Reader)
	sc := newLineScannerLimit(rd, name, limit)
	sc.skipLong = true
	seen := make(map[string]int)
	r.next = func() (*Document, bool) {
		for sc.Scan() {
			if le := sc.Long(); le != nil {
				r.errs = append(r.errs, le)
				continue
			}
			line := sc.Bytes()
			if isBlank(line) {
				continue
			}
			d, err := jsonDocument(line)
			if err == nil {
				if first, dup := seen[d.ID]; dup {
					err = &DuplicateIDError{ID: d.ID, FirstLine: first}
				}
			}
			if err != nil {
				r.errs = append(r.errs, &LineError{File: name, Line: sc.line, Err: err})
				continue
			}
			seen[d.ID] = sc.line
			return d, true
		}
		if err := sc.Err(); err != nil {
			return r.fail(err)
		}
		return nil, false
	}
	return r
}

func jsonDocument(line []byte) (*Document, error) {
	if off := invalidOffset(string(line)); off >= 0 {
		// encoding/json would quietly turn invalid bytes into U+FFFD.
		return nil, &InvalidUTF8Error{Offset: off, InLine: true}
	}
	var rec struct {
		ID   *string `json:"id"`
		Text *string `json:"text"`
		Date *string `json:"date"`
	}
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, err
	}
	if rec.ID == nil || *rec.ID == "" {
		return nil, ErrMissingID
	}
	if rec.Text == nil {
		return nil, ErrMissingText
	}
	if isBlankText(*rec.Text) {
		return nil, ErrEmpty
	}
	d := &Document{ID: *rec.ID, Text: *rec.Text}
	if rec.Date != nil && *rec.Date != "" {
		t, err := ParseDate(*rec.Date)
		if err != nil {
			return nil, err
		}
		d.Date = t
	}
	return d, nil
}

// dateLayouts are the forms of a document date [ParseDate] accepts.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02", "20060102", "2006-01", "2006"}

// ParseDate reads a document's date: RFC 3339 ("2024-05-06T10:00:00Z"), a
// day ("2024-05-06", "20240506"), a month ("2024-05") or a year ("2024").
// The error names the forms it accepts.
func ParseDate(s string) (time.Time, error) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q is not RFC 3339, YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY", s)
}

// Open returns a Reader for path: [NewDirReader] for a folder,
// [NewJSONLReader] for a file whose name ends in ".jsonl" or ".ndjson", and
// [NewFileReader] for any other file, which reads HTML (a name ending in
// ".html" or ".htm", or content starting "<!doctype html" or "<html") as by
// [NewHTMLReader]. A path that cannot be opened gives a Reader whose Err
// reports it.
func Open(path string) *Reader {
	info, err := os.Stat(path)
	if err != nil {
		r := new(Reader)
		r.next = func() (*Document, bool) { return r.fail(err) }
		return r
	}
	if info.IsDir() {
		return NewDirReader(path)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		f, err := os.Open(path)
		if err != nil {
			r := new(Reader)
			r.next = func() (*Document, bool) { return r.fail(err) }
			return r
		}
		r := NewJSONLReader(f, path)
		r.closer = f
		return r
	}
	return NewFileReader(path)
}
