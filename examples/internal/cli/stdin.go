package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/corpus"
)

// maxFirstLine bounds the first line read to tell JSON Lines from text, as
// corpus.NewJSONLReader bounds every line.
const maxFirstLine = 64 << 20

// openStdin returns the reader of standard input: JSON Lines or one text
// as input says, or, when it says nothing, as the input looks. Input that
// starts with "{" is JSON Lines if its first line is a JSON object with
// "text"; otherwise it is refused, since reading a broken JSON Lines corpus
// as one text document would hide the mistake.
func openStdin(stdin io.Reader, input string) (*corpus.Reader, error) {
	switch input {
	case "jsonl":
		return corpus.NewJSONLReader(stdin, "stdin"), nil
	case "text":
		return corpus.NewTextReader(stdin, "stdin"), nil
	case "html":
		return corpus.NewHTMLReader(stdin, "stdin"), nil
	}
	br := bufio.NewReaderSize(stdin, 64<<10)
	var head []byte // the blank start and the first line
	for {
		b, err := br.ReadByte()
		if err != nil {
			if err != io.EOF {
				return nil, fmt.Errorf("stdin: %w", err)
			}
			break
		}
		head = append(head, b)
		if !isSpace(b) {
			br.UnreadByte()
			head = head[:len(head)-1]
			break
		}
	}
	rest := io.Reader(br)
	if first, err := br.Peek(1); err == nil && first[0] == '{' {
		line, err := readLine(br)
		if err != nil {
			return nil, fmt.Errorf("stdin: %w", err)
		}
		if err := checkJSONLine(line); err != nil {
			return nil, fmt.Errorf("stdin:%d: standard input starts with %q, like JSON Lines, but %v; "+
				"fix it, or give -input text to read it as one text", bytes.Count(head, []byte("\n"))+1, "{", err)
		}
		rest = io.MultiReader(bytes.NewReader(head), bytes.NewReader(line), br)
		return corpus.NewJSONLReader(rest, "stdin"), nil
	}
	return corpus.NewTextReader(io.MultiReader(bytes.NewReader(head), rest), "stdin"), nil
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// readLine reads up to and including the next newline, or to the end.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		part, err := br.ReadSlice('\n')
		line = append(line, part...)
		if len(line) > maxFirstLine {
			return nil, fmt.Errorf("first line over %d bytes", maxFirstLine)
		}
		switch {
		case err == nil, err == io.EOF:
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			return nil, err
		}
	}
}

// checkJSONLine reports why line is not a JSON object with "text".
func checkJSONLine(line []byte) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		return fmt.Errorf("its first line is not a JSON object: %v", err)
	}
	if _, ok := obj["text"]; !ok {
		return errors.New(`its first line has no "text"`)
	}
	return nil
}

// ctxReader is r, whose Read returns ctx's error once ctx is done, even
// while a read of r is blocked (on a terminal), so an interrupt is not held
// up by standard input. The blocked read is left to finish in the
// background; the command is about to exit.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

type readResult struct {
	n   int
	err error
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if c.r == nil {
		return 0, io.EOF
	}
	buf := make([]byte, len(p)) // not p: the read may outlive this call
	done := make(chan readResult, 1)
	go func() {
		n, err := c.r.Read(buf)
		done <- readResult{n, err}
	}()
	select {
	case r := <-done:
		return copy(p, buf[:r.n]), r.err
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}
