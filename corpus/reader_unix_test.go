//go:build unix

package corpus

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// A named pipe, a socket or a link to a folder inside a scanned folder is
// skipped with an error naming it, never opened: opening a pipe with no
// writer would wait forever.
func TestDirReaderSkipsSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Macron met Xi.\n")
	write("z.txt", "Scholz met Biden.\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.Symlink("pipe.txt", filepath.Join(dir, "link-to-pipe.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "b.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(dir, "sub", "loop.txt")); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "s.txt")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
	} else {
		sock = ""
	}

	type result struct {
		ids  []string
		errs []string
	}
	done := make(chan result, 1)
	go func() {
		r := NewDirReader(dir)
		var res result
		for r.Scan() {
			res.ids = append(res.ids, r.Document().ID)
		}
		for _, e := range r.Errors() {
			var nr *NotRegularError
			if !errors.As(e, &nr) {
				res.errs = append(res.errs, "unexpected: "+e.Error())
				continue
			}
			rel, _ := filepath.Rel(dir, e.File)
			res.errs = append(res.errs, filepath.ToSlash(rel)+": "+e.Err.Error())
		}
		done <- res
	}()
	var got result
	select {
	case got = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("NewDirReader waited on a named pipe")
	}
	want := result{
		ids: []string{"a", "b", "z"},
		errs: []string{
			"link-to-pipe.txt: not a regular file (named pipe), skipped",
			"pipe.txt: not a regular file (named pipe), skipped",
		},
	}
	if sock != "" {
		want.errs = append(want.errs, "s.txt: not a regular file (socket), skipped")
	}
	want.errs = append(want.errs, "sub/loop.txt: not a regular file (folder), skipped")
	if d := cmp.Diff(want, got, cmp.AllowUnexported(result{})); d != "" {
		t.Errorf("NewDirReader (-want +got):\n%s", d)
	}
}

// readRegular refuses a pipe without waiting on it, as a file swapped for a
// pipe after listing would be.
func TestReadRegularPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.txt")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := readRegular(p); done <- err }()
	select {
	case err := <-done:
		var nr *NotRegularError
		if !errors.As(err, &nr) || nr.Mode&fs.ModeNamedPipe == 0 {
			t.Errorf("readRegular(pipe) = %v, want a NotRegularError for a named pipe", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("readRegular waited on a named pipe")
	}
}
