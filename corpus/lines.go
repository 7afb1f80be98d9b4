package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// maxLine is the longest line the line-oriented readers accept: 64 MiB,
// enough for a whole long article on one JSON Lines line.
const maxLine = 64 << 20

// TooLongError reports a line longer than a reader accepts. It matches
// [ErrTooLong] under [errors.Is].
type TooLongError struct {
	Size  int64 // length of the line in bytes, without its line break
	Limit int   // longest line the reader accepts
}

// Error gives the line's size and the limit.
func (e *TooLongError) Error() string {
	return fmt.Sprintf("line of %d bytes is over the limit of %d bytes", e.Size, e.Limit)
}

// Is reports whether target is [ErrTooLong].
func (e *TooLongError) Is(target error) bool { return target == ErrTooLong }

// lineScanner reads lines, counts them and keeps line breaks ("\n" or
// "\r\n") out of the text. A line over the limit is never held in memory:
// it is read past in pieces. When skipLong is set, such a line is returned
// as an empty line with Long set, and scanning goes on; otherwise it ends
// scanning with a [*TooLongError].
type lineScanner struct {
	r        *bufio.Reader
	name     string
	line     int // number of the line last returned
	limit    int
	skipLong bool

	buf  []byte
	long *LineError // the current line was over the limit and skipped
	err  error      // sticky: io.EOF at the end, or what stopped reading
}

func newLineScanner(r io.Reader, name string) *lineScanner {
	return newLineScannerLimit(r, name, maxLine)
}

func newLineScannerLimit(r io.Reader, name string, limit int) *lineScanner {
	return &lineScanner{r: bufio.NewReaderSize(r, 64*1024), name: name, limit: limit}
}

func (s *lineScanner) Scan() bool {
	if s.err != nil {
		return false
	}
	s.long = nil
	s.buf = s.buf[:0]
	var size int64  // bytes of the line read so far, line break included
	var tail []byte // the line's last two bytes so far
	over := false
	for {
		chunk, err := s.r.ReadSlice('\n')
		size += int64(len(chunk))
		tail = append(tail, chunk[max(0, len(chunk)-2):]...)
		tail = tail[max(0, len(tail)-2):]
		if !over {
			s.buf = append(s.buf, chunk...)
			if n := len(bytes.TrimRight(s.buf, "\r\n")); n > s.limit {
				over = true
				s.buf = s.buf[:0]
			}
		}
		switch err {
		case nil:
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			if size == 0 {
				s.err = io.EOF
				return false
			}
			s.err = io.EOF // the last line has no line break
		default:
			s.line++
			s.err = err
			return false
		}
		break
	}
	s.line++
	if over {
		tl := &TooLongError{Size: size - int64(len(tail)-len(bytes.TrimRight(tail, "\r\n"))), Limit: s.limit}
		s.long = &LineError{File: s.name, Line: s.line, Err: tl}
		if !s.skipLong {
			s.err = s.long
			return false
		}
		return true
	}
	s.buf = bytes.TrimSuffix(s.buf, []byte("\n"))
	s.buf = bytes.TrimSuffix(s.buf, []byte("\r"))
	return true
}

// Bytes returns the current line without its line break; it is valid until
// the next Scan. It is empty for a line over the limit.
func (s *lineScanner) Bytes() []byte { return s.buf }

// Text returns the current line without its line break.
func (s *lineScanner) Text() string { return string(s.buf) }

// Long returns the error about the current line when it was over the limit
// and skipped, else nil.
func (s *lineScanner) Long() *LineError { return s.long }

// Err returns nil at EOF, or a *LineError naming the line that failed: a line
// over the limit without skipLong gives a [*TooLongError], an I/O error the
// error itself.
func (s *lineScanner) Err() *LineError {
	switch err := s.err.(type) {
	case nil:
		return nil
	case *LineError:
		return err
	}
	if s.err == io.EOF {
		return nil
	}
	return &LineError{File: s.name, Line: s.line, Err: s.err}
}
