package corpus

import (
	"bufio"
	"errors"
	"io"
)

// maxLine is the longest line the line-oriented readers accept: 64 MiB,
// enough for a whole long article on one JSON Lines line.
const maxLine = 64 << 20

// lineScanner is a bufio.Scanner over lines that counts them and keeps
// carriage returns out of the text.
type lineScanner struct {
	sc   *bufio.Scanner
	name string
	line int // number of the line last returned
}

func newLineScanner(r io.Reader, name string) *lineScanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	return &lineScanner{sc: sc, name: name}
}

func (s *lineScanner) Scan() bool {
	if !s.sc.Scan() {
		return false
	}
	s.line++
	return true
}

// Text returns the current line without a trailing "\r".
func (s *lineScanner) Text() string {
	b := s.sc.Bytes()
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return string(b)
}

// Err returns nil at EOF, or a *LineError naming the line that failed: a line
// over 64 MiB gives [ErrTooLong], an I/O error the error itself.
func (s *lineScanner) Err() *LineError {
	err := s.sc.Err()
	if err == nil {
		return nil
	}
	if errors.Is(err, bufio.ErrTooLong) {
		err = ErrTooLong
	}
	return &LineError{File: s.name, Line: s.line + 1, Err: err}
}
