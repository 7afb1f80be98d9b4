package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestReadHTML(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"paragraphs and inline tags",
			"<p>Emman<b>uel</b> Macron met <a href=\"/xi\">Xi</a>.</p><p>Then he left.</p>",
			"Emmanuel Macron met Xi.\nThen he left.\n"},
		{"entities decoded",
			"<p>AT&amp;T&nbsp;&#8217;s &#x201C;deal&#x201D; &lt;3 &copy 2024 &bogus; & more</p>",
			"AT&T\u00a0’s “deal” <3 © 2024 &bogus; & more\n"},
		{"comments, CDATA, doctype and processing instructions",
			"<!DOCTYPE html><?xml version=\"1.0\"?><!-- Xi met Putin --><p>Macron<!-->met<!--->Xi<![CDATA[ hidden ]]></p>",
			"MacronmetXi\n"},
		{"script, style, template and title",
			"<html><head><title>Site | News</title><style>p > a { color: red }</style></head>" +
				"<body><script>if (a < b) { document.write(\"<p>Putin</p>\") }</script>" +
				"<template><p>Biden</p><template>x</template></template><h1>Scholz speaks</h1></body></html>",
			"Scholz speaks\n"},
		{"script end tag in any case, not a prefix",
			"<SCRIPT type=x>var s = '</scripts>'; </ScRiPt >Xi spoke.",
			"Xi spoke."},
		{"attributes with > and quotes",
			"<img alt=\"a > b\" title='it\"s > c' data-x=d>Merkel<br/>Macron",
			"Merkel\nMacron"},
		{"line breaks in text are spaces, kept in pre",
			"<p>Xi\nmet\tPutin</p><pre>a\nb</pre>",
			"Xi met Putin\na\nb\n"},
		{"stray < and unclosed markup",
			"1 < 2 <3 <> x</ y <p", "1 < 2 <3 <> x"},
		{"unclosed comment", "Xi<!-- met Putin", "Xi"},
		{"byte order mark", "\uFEFF<p>Xi</p>", "Xi\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, m := ReadHTML(tt.src)
			if text != tt.want {
				t.Errorf("ReadHTML(%q) text\n got %q\nwant %q", tt.src, text, tt.want)
			}
			checkSourceMap(t, tt.src, text, m)
		})
	}
}

// checkSourceMap checks that m covers text without gaps, in order, and that
// each word of text maps to the source bytes it came from.
func checkSourceMap(t *testing.T, src, text string, m *SourceMap) {
	t.Helper()
	next, prevS := 0, 0
	for _, p := range m.pieces {
		if p.T != next || p.TLen <= 0 || p.S < prevS || p.S+p.SLen > len(src) {
			t.Fatalf("piece %+v out of order after text byte %d, source byte %d", p, next, prevS)
		}
		if !p.whole && normSpace(src[p.S:p.S+p.SLen]) != normSpace(text[p.T:p.T+p.TLen]) {
			t.Fatalf("piece %+v: text %q from source %q", p, text[p.T:p.T+p.TLen], src[p.S:p.S+p.SLen])
		}
		next, prevS = p.T+p.TLen, p.S+p.SLen
	}
	if next != len(text) {
		t.Fatalf("pieces cover %d of %d text bytes", next, len(text))
	}
	prev := 0
	for o := 0; o <= len(text); o++ {
		s, e := m.Span(o, o)
		if s != e || s < prev || s > len(src) {
			t.Fatalf("Span(%d, %d) = %d, %d; previous %d", o, o, s, e, prev)
		}
		prev = s
	}
}

// normSpace turns line breaks, tabs and form feeds into spaces, byte by
// byte (so invalid UTF-8 stays as it is).
func normSpace(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\n' || c == '\r' || c == '\t' || c == '\f' {
			b[i] = ' '
		}
	}
	return string(b)
}

func TestSourceMapSpan(t *testing.T) {
	src := "<p class=x>AT&amp;T</p>\n<!-- c --><p>Emman<b>uel</b> Macron met Xi.</p>"
	text, m := ReadHTML(src)
	tests := []struct{ word, source string }{
		{"AT&T", "AT&amp;T"},
		{"&", "&amp;"},
		{"Macron", "Macron"},
		{"Xi.", "Xi."},
		{"Emmanuel", "Emman<b>uel"},
		{"T\nEmman", "T</p>\n<!-- c --><p>Emman"},
	}
	for _, tt := range tests {
		i := strings.Index(text, tt.word)
		if i < 0 {
			t.Fatalf("%q not in %q", tt.word, text)
		}
		s, e := m.Span(i, i+len(tt.word))
		if got := src[s:e]; got != tt.source {
			t.Errorf("Span of %q = [%d:%d] %q, want %q", tt.word, s, e, got, tt.source)
		}
	}
	var nilMap *SourceMap
	if s, e := nilMap.Span(3, 7); s != 3 || e != 7 {
		t.Errorf("nil SourceMap: Span(3, 7) = %d, %d", s, e)
	}
	// Out of range: clamped to the text, whose first byte is after
	// "<p class=x>" and whose last is the line break for the last "</p>".
	if s, e := m.Span(-5, 1<<30); s != len("<p class=x>") || e != len(src) {
		t.Errorf("Span out of range = %d, %d; want %d, %d", s, e, len("<p class=x>"), len(src))
	}
}

func TestHTMLReaders(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.html":        "<p>Macron met Xi.</p>",
		"a.txt":         "Same ID as a.html.",
		"b.txt":         "  <!DOCTYPE html>\n<p>Scholz&amp;Biden</p>",
		"c.txt":         "<p> is not HTML by its start alone",
		"d.HTM":         "<html><body><script>x</script></body></html>",
		"e.htm":         "<p>bad \xff byte</p>",
		"sub/f.html":    "\uFEFF<HTML lang=en><h1>Putin</h1>",
		"notes.md":      "<html>skipped: not a reader's extension",
		"g-plain.txt":   "<htmlx> is not an html tag",
		"h-doctype.txt": "<!doctypehtml> hmm",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := NewDirReader(dir)
	type doc struct{ ID, Text string }
	var got []doc
	for r.Scan() {
		d := r.Document()
		got = append(got, doc{d.ID, d.Text})
	}
	want := []doc{
		{"a", "Macron met Xi.\n"},
		{"b", "Scholz&Biden\n"},
		{"c", "<p> is not HTML by its start alone"},
		{"g-plain", "<htmlx> is not an html tag"},
		{"h-doctype", "<!doctypehtml> hmm"},
		{"sub/f", "Putin\n"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("NewDirReader (-want +got):\n%s", d)
	}
	var msgs []string
	for _, e := range r.Errors() {
		rel, _ := filepath.Rel(dir, e.File)
		msgs = append(msgs, filepath.ToSlash(rel)+": "+e.Err.Error())
	}
	wantErrs := []string{
		`a.txt: duplicate id "a" (first from ` + filepath.Join(dir, "a.html") + ")",
		"d.HTM: empty text",
		"e.htm: invalid UTF-8 at byte 7",
	}
	if d := cmp.Diff(wantErrs, msgs); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}

	// Open and NewFileReader read an .html file as HTML, with a source map.
	r = Open(filepath.Join(dir, "a.html"))
	if !r.Scan() {
		t.Fatalf("Open(a.html): %v %v", r.Err(), r.Errors())
	}
	d := r.Document()
	if s, e := d.Source.Span(0, 6); d.Text != "Macron met Xi.\n" || files["a.html"][s:e] != "Macron" {
		t.Errorf("Open(a.html) = %q, Span(0, 6) = %d, %d", d.Text, s, e)
	}

	// NewHTMLReader reads any stream as HTML; NewTextReader sniffs it.
	for _, r := range []*Reader{
		NewHTMLReader(strings.NewReader("<b>Xi</b> met <i>Putin</i>"), "s"),
		NewTextReader(strings.NewReader("<html><b>Xi</b> met <i>Putin</i>"), "s"),
	} {
		if !r.Scan() || r.Document().Text != "Xi met Putin" || r.Document().Source == nil {
			t.Errorf("reader of HTML stream: %+v, %v", r.Document(), r.Errors())
		}
	}
	r = NewHTMLReader(strings.NewReader("<script>only</script><!-- -->"), "s")
	if r.Scan() || len(r.Errors()) != 1 || !errors.Is(r.Errors()[0], ErrEmpty) {
		t.Errorf("HTML without visible text: errors %v, want ErrEmpty", r.Errors())
	}
}

// FuzzReadHTML checks that ReadHTML never panics, keeps its source map
// whole and ordered, gives UTF-8 text for UTF-8 input, and leaves input
// without markup as it is (but for white space: line breaks and tabs become
// spaces, and leading ones go).
func FuzzReadHTML(f *testing.F) {
	f.Add("<p>Emman<b>uel</b> Macron &amp; Xi</p><!-- c --><script>a<b</script>")
	f.Add("<img alt='a > b'>x<![CDATA[y]]><template><p>z</template>&#x1F600;&copy")
	f.Add("<pre>a\nb</pre><title>t</title><p a=\"<\"/>")
	f.Add("plain text,\nno markup\t at all")
	f.Fuzz(func(t *testing.T, src string) {
		text, m := ReadHTML(src)
		checkSourceMap(t, src, text, m)
		if utf8.ValidString(src) && !utf8.ValidString(text) {
			t.Fatalf("ReadHTML(%q) = %q: not UTF-8", src, text)
		}
		if !strings.ContainsAny(src, "<&") && !strings.HasPrefix(src, "\uFEFF") {
			// White space that starts the text is not shown.
			pre := strings.TrimLeft(normSpace(src), " ")
			if text != pre {
				t.Fatalf("ReadHTML(%q) = %q, want the text itself", src, text)
			}
		}
	})
}
