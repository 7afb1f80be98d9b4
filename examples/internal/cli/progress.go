package cli

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress is the progress bar on standard error: documents done, their
// rate and, once the inputs are counted, the time left.
type progress struct {
	bar  *progressbar.ProgressBar
	once sync.Once
	stop chan struct{} // closed to stop the counting
}

func newProgress(w io.Writer, paths []string, jsonl bool) *progress {
	p := &progress{stop: make(chan struct{})}
	p.bar = progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("documents"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
	go func() {
		if n, ok := countDocuments(paths, jsonl, p.stop); ok {
			p.bar.ChangeMax64(n)
		}
	}()
	return p
}

// add counts one document (or bad record) done.
func (p *progress) add() { p.bar.Add(1) }

// clear takes the bar off the line, for a message to be printed there.
func (p *progress) clear() { p.bar.Clear() }

// finish removes the bar.
func (p *progress) finish() {
	p.once.Do(func() {
		close(p.stop)
		p.bar.Finish()
		p.bar.Clear()
	})
}

// countDocuments counts the documents (and bad records) of the inputs the
// way corpus.Open reads them: a line of JSON Lines, a .txt file of a
// folder, any other file (a line of it with -input jsonl). It is false when the count cannot be known
// (standard input) or was stopped.
func countDocuments(paths []string, jsonl bool, stop <-chan struct{}) (int64, bool) {
	var n int64
	for _, p := range paths {
		select {
		case <-stop:
			return 0, false
		default:
		}
		if p == "-" {
			return 0, false
		}
		info, err := os.Stat(p)
		switch {
		case err != nil:
			n++ // reported as one error
		case info.IsDir():
			filepath.WalkDir(p, func(q string, e fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if q != p && strings.HasPrefix(e.Name(), ".") {
					if e.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if !e.IsDir() && strings.EqualFold(filepath.Ext(q), ".txt") {
					n++
				}
				return nil
			})
		case jsonl || isJSONL(p):
			n += countLines(p, stop)
		default:
			n++
		}
	}
	return n, true
}

func isJSONL(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".jsonl" || ext == ".ndjson"
}

// countLines counts the lines of a file that are not blank.
func countLines(path string, stop <-chan struct{}) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 1
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	var n int64
	blank := true
	for i := 0; ; i++ {
		if i%1024 == 0 {
			select {
			case <-stop:
				return n
			default:
			}
		}
		chunk, err := br.ReadSlice('\n')
		if len(bytes.TrimSpace(chunk)) > 0 {
			blank = false
		}
		if err == nil { // a whole line
			if !blank {
				n++
			}
			blank = true
			continue
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if !blank {
			n++
		}
		return n
	}
}
