package corpus

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// drain reads r to the end and returns its documents and each error's text.
func drain(r *Reader) (docs []Document, errs []string) {
	for r.Scan() {
		docs = append(docs, *r.Document())
	}
	for _, e := range r.Errors() {
		errs = append(errs, e.Error())
	}
	return docs, errs
}

func TestJSONLReader(t *testing.T) {
	r := NewJSONLReader(openFile(t, "testdata/docs.jsonl"), "docs.jsonl")
	docs, errs := drain(r)
	if err := r.Err(); err != nil {
		t.Fatalf("Err() = %v, want nil", err)
	}
	want := []Document{
		{ID: "a1", Text: "Macron met Xi in Beijing."},
		{ID: "a5", Text: "Zoë “quoted” 中文 🙂."},
	}
	if d := cmp.Diff(want, docs); d != "" {
		t.Errorf("documents (-want +got):\n%s", d)
	}
	wantErrs := []string{
		"corpus: docs.jsonl:3: unexpected end of JSON input",
		`corpus: docs.jsonl:4: missing "id"`,
		`corpus: docs.jsonl:5: missing "text"`,
		"corpus: docs.jsonl:6: empty text",
		`corpus: docs.jsonl:7: duplicate id "a1" (first on line 1)`,
	}
	if d := cmp.Diff(wantErrs, errs); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
	list := r.Errors()
	for i, target := range []error{nil, ErrMissingID, ErrMissingText, ErrEmpty} {
		if target != nil && !errors.Is(list[i], target) {
			t.Errorf("error %d = %v, want one wrapping %v", i, list[i], target)
		}
	}
	var dup *DuplicateIDError
	if !errors.As(list[4], &dup) || dup.ID != "a1" {
		t.Errorf("error 4 = %v, want a DuplicateIDError", list[4])
	}
}

func TestJSONLReaderInvalidUTF8(t *testing.T) {
	in := "{\"id\":\"x\",\"text\":\"ab\xffc\"}\n{\"id\":\"y\",\"text\":\"ok\"}\n"
	r := NewJSONLReader(strings.NewReader(in), "in.jsonl")
	docs, _ := drain(r)
	if len(docs) != 1 || docs[0].ID != "y" {
		t.Errorf("docs = %v, want only y", docs)
	}
	var u *InvalidUTF8Error
	if errs := r.Errors(); len(errs) != 1 || !errors.As(errs[0], &u) || u.Offset != 20 || errs[0].Line != 1 {
		t.Errorf("Errors() = %v, want invalid UTF-8 at byte 20 of line 1", errs)
	}
}

func TestJSONLReaderLongLines(t *testing.T) {
	long := strings.Repeat("word ", 30_000) // 150 KB: past bufio.Scanner's default 64 KiB
	in := fmt.Sprintf(`{"id":"long","text":%q}`+"\n", long)
	r := NewJSONLReader(strings.NewReader(in), "long.jsonl")
	docs, errs := drain(r)
	if r.Err() != nil || len(errs) != 0 || len(docs) != 1 || docs[0].Text != long {
		t.Fatalf("long line: %d docs, errs %v, Err %v", len(docs), errs, r.Err())
	}

	// A line over 64 MiB is reported with its line, size and the limit,
	// and the lines after it are still read.
	huge := `{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"` + strings.Repeat("x", maxLine) + "\"}\n" + `{"id":"c","text":"y"}` + "\n"
	r = NewJSONLReader(strings.NewReader(huge), "huge.jsonl")
	docs, errs = drain(r)
	if d := cmp.Diff([]string{"a", "c"}, docIDs(docs)); d != "" {
		t.Errorf("documents around a huge line (-want +got):\n%s", d)
	}
	if r.Err() != nil {
		t.Errorf("Err() = %v, want nil: a long line is not fatal", r.Err())
	}
	want := []error{&LineError{File: "huge.jsonl", Line: 2, Err: &TooLongError{Size: int64(maxLine) + 20, Limit: maxLine}}}
	if d := cmp.Diff(want, errsAsErrors(r.Errors())); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
	if len(errs) > 0 && !errors.Is(r.Errors()[0], ErrTooLong) {
		t.Errorf("%v does not match ErrTooLong", errs[0])
	}
}

func TestJSONLReaderLineLimit(t *testing.T) {
	// With a limit of 30 bytes: every line over it is reported, none is
	// lost, whatever its line break, and a last line without one counts.
	in := `{"id":"a","text":"short"}` + "\n" +
		`{"id":"b","text":"a bit too long for it"}` + "\r\n" +
		`{"id":"c","text":"ok"}` + "\r\n" +
		"\n" +
		`{"id":"d","text":"` + strings.Repeat("long ", 100_000) + `"}` + "\n" +
		`{"id":"e","text":"also ok"}` + "\n" +
		`{"id":"f","text":"far too long, at the end"}`
	r := newJSONLReader(strings.NewReader(in), "lim.jsonl", 30)
	docs, errs := drain(r)
	if d := cmp.Diff([]string{"a", "c", "e"}, docIDs(docs)); d != "" {
		t.Errorf("documents (-want +got):\n%s", d)
	}
	want := []error{
		&LineError{File: "lim.jsonl", Line: 2, Err: &TooLongError{Size: 41, Limit: 30}},
		&LineError{File: "lim.jsonl", Line: 5, Err: &TooLongError{Size: 500_020, Limit: 30}},
		&LineError{File: "lim.jsonl", Line: 7, Err: &TooLongError{Size: 44, Limit: 30}},
	}
	if d := cmp.Diff(want, errsAsErrors(r.Errors())); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
	if r.Err() != nil {
		t.Errorf("Err() = %v, want nil", r.Err())
	}
	if got := errs[0]; got != "corpus: lim.jsonl:2: line of 41 bytes is over the limit of 30 bytes" {
		t.Errorf("message %q", got)
	}
}

func docIDs(docs []Document) []string {
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	return ids
}

func errsAsErrors(l ErrorList) []error {
	var out []error
	for _, e := range l {
		out = append(out, e)
	}
	return out
}

func TestJSONLReaderIOError(t *testing.T) {
	in := io.MultiReader(strings.NewReader(`{"id":"a","text":"x"}`+"\n"), iotest.ErrReader(io.ErrUnexpectedEOF))
	r := NewJSONLReader(in, "broken.jsonl")
	docs, _ := drain(r)
	if len(docs) != 1 || !errors.Is(r.Err(), io.ErrUnexpectedEOF) {
		t.Errorf("docs %d, Err %v; want 1 and io.ErrUnexpectedEOF", len(docs), r.Err())
	}
}

func TestDirReader(t *testing.T) {
	r := NewDirReader("testdata/dir")
	docs, errs := drain(r)
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	want := []Document{
		{ID: "a", Text: "First file, with a byte order mark.\n"},
		{ID: "b", Text: "Second file.\n"},
		{ID: "sub/c", Text: "Nested.\n"},
	}
	if d := cmp.Diff(want, docs); d != "" {
		t.Errorf("documents (-want +got):\n%s", d)
	}
	wantErrs := []string{
		"corpus: " + filepath.Join("testdata/dir/sub/empty.txt") + ": empty text",
		"corpus: " + filepath.Join("testdata/dir/sub/latin1.txt") + ": invalid UTF-8 at byte 4",
	}
	if d := cmp.Diff(wantErrs, errs); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}

	r = NewDirReader("testdata/no-such-dir")
	if r.Scan() || !errors.Is(r.Err(), os.ErrNotExist) {
		t.Errorf("missing dir: Err() = %v, want ErrNotExist", r.Err())
	}
}

func TestFileAndTextReaders(t *testing.T) {
	r := NewFileReader("testdata/dir/b.txt")
	docs, errs := drain(r)
	if d := cmp.Diff([]Document{{ID: "b", Text: "Second file.\n"}}, docs); d != "" || errs != nil || r.Err() != nil {
		t.Errorf("NewFileReader: (-want +got):\n%s errs %v, Err %v", d, errs, r.Err())
	}
	r = NewFileReader("testdata/missing.txt")
	if r.Scan() || !errors.Is(r.Err(), os.ErrNotExist) {
		t.Errorf("missing file: Err() = %v, want ErrNotExist", r.Err())
	}
	r = NewTextReader(strings.NewReader(" \n\t"), "blank")
	if docs, errs := drain(r); len(docs) != 0 || len(errs) != 1 || !errors.Is(r.Errors()[0], ErrEmpty) {
		t.Errorf("blank text: docs %v, errs %v", docs, errs)
	}
}

func TestOpen(t *testing.T) {
	tests := []struct {
		path string
		ids  []string
	}{
		{"testdata/dir", []string{"a", "b", "sub/c"}},
		{"testdata/docs.jsonl", []string{"a1", "a5"}},
		{"testdata/article.txt", []string{"article"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := Open(tt.path)
			defer r.Close()
			var ids []string
			for r.Scan() {
				ids = append(ids, r.Document().ID)
			}
			if r.Err() != nil {
				t.Fatal(r.Err())
			}
			if d := cmp.Diff(tt.ids, ids); d != "" {
				t.Errorf("IDs (-want +got):\n%s", d)
			}
		})
	}
	if r := Open("testdata/nope.jsonl"); r.Scan() || r.Err() == nil {
		t.Error("Open of a missing path: want a fatal error")
	}
}

func TestJSONLReaderDate(t *testing.T) {
	in := `{"id": "a", "text": "Macron met Xi.", "date": "2023-04-06"}
{"id": "b", "text": "Macron met Xi.", "date": "2023-04-06T10:30:00Z"}
{"id": "c", "text": "Macron met Xi.", "date": "2023"}
{"id": "d", "text": "Macron met Xi.", "date": "April 6"}
{"id": "e", "text": "Macron met Xi."}
`
	docs, errs := drain(NewJSONLReader(strings.NewReader(in), "d.jsonl"))
	var got []string
	for _, d := range docs {
		got = append(got, d.ID+" "+d.Date.Format(time.RFC3339))
	}
	want := []string{
		"a 2023-04-06T00:00:00Z",
		"b 2023-04-06T10:30:00Z",
		"c 2023-01-01T00:00:00Z",
		"e 0001-01-01T00:00:00Z",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("dates (-want +got):\n%s", d)
	}
	wantErrs := []string{`corpus: d.jsonl:4: date "April 6" is not RFC 3339, YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY`}
	if d := cmp.Diff(wantErrs, errs); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
}

// An ErrorList's message lists every error, one a line.
func TestErrorListMessage(t *testing.T) {
	in := "{bad\n" + `{"id":"a"}` + "\n" + `{"text":"x"}` + "\n"
	r := NewJSONLReader(strings.NewReader(in), "e.jsonl")
	drain(r)
	got := strings.Split(r.Errors().Error(), "\n")
	if len(got) != 3 || !strings.HasPrefix(got[0], "corpus: e.jsonl:1: ") || got[1] != `corpus: e.jsonl:2: missing "text"` || got[2] != `corpus: e.jsonl:3: missing "id"` {
		t.Errorf("ErrorList.Error() = %q, want the three errors one a line", got)
	}
}
