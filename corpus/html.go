package corpus

import (
	"html"
	"io"
	"path/filepath"
	"sort"
	"strings"
)

// HTML input
//
// A document read from HTML has as its Text the visible text of the page,
// not the markup: tags, comments, CDATA sections, processing instructions
// and the content of script, style, template, title, textarea and similar
// elements are left out, character references ("&amp;", "&#8217;") are
// decoded, and line breaks and tabs inside text become spaces, since HTML
// shows them as spaces. Block elements (p, div, h1, li, td, br, ...) end a
// line ("\n"), so a paragraph or heading is never run into the next, and
// inline ones (b, a, span, ...) add nothing: "Emman<b>uel</b>" is
// "Emmanuel".
//
// So every offset the pipeline produces is an offset into Text, as for any
// document, and text[x.Start:x.End] == x.Text holds as always. The
// document's [SourceMap] (Document.Source) then maps any span of Text back
// to the bytes of the original HTML it came from:
//
//	start, end := d.Source.Span(m.Start, m.End) // into the HTML file
//
// The other design, keeping the HTML bytes as Text with the markup blanked
// out, would put offsets straight into the file, but cannot decode "&amp;"
// without changing byte lengths, so "AT&amp;T" could never be the name
// "AT&T"; a map keeps both.

// SourceMap maps byte offsets in a document's Text to byte offsets in the
// input it was read from, for documents whose Text is not that input
// verbatim (HTML). A nil *SourceMap is the identity. A SourceMap is
// immutable and safe for concurrent use.
type SourceMap struct {
	pieces []piece // in Text order, covering Text without gaps
}

// piece is a stretch of Text [T, T+TLen) that came from the source bytes
// [S, S+SLen). Copied text (perhaps with white space changed to spaces)
// maps byte for byte; a whole piece (a decoded character reference, or a
// line break standing for a tag) maps only as a whole.
type piece struct {
	T, TLen, S, SLen int
	whole            bool
}

// Span returns the span of the source that the span [start, end) of Text
// came from. A span that starts or ends inside a decoded character
// reference is widened to the whole reference, so the source span always
// holds all the markup of the text span. Offsets out of range are clamped to
// the text. On a nil SourceMap Span returns start, end.
func (m *SourceMap) Span(start, end int) (int, int) {
	if m == nil || len(m.pieces) == 0 {
		return start, end
	}
	last := m.pieces[len(m.pieces)-1]
	n := last.T + last.TLen
	start = min(max(start, 0), n)
	end = min(max(end, start), n)
	// The piece holding byte start: the last one with T <= start.
	i := sort.Search(len(m.pieces), func(i int) bool { return m.pieces[i].T > start }) - 1
	p := m.pieces[max(i, 0)]
	s := p.S
	if !p.whole {
		s = p.S + start - p.T
	}
	if end == start {
		return s, s
	}
	// The piece holding byte end-1: the last one with T < end.
	j := sort.Search(len(m.pieces), func(j int) bool { return m.pieces[j].T >= end }) - 1
	q := m.pieces[max(j, 0)]
	e := q.S + q.SLen
	if !q.whole {
		e = q.S + end - q.T
	}
	return s, e
}

// ReadHTML returns the visible text of the HTML page src and the map of its
// offsets into src, as described under "HTML input" above. It never fails:
// any byte sequence is read the forgiving way browsers read it (a stray "<"
// is text, an unclosed comment runs to the end). The caller checks that src
// is UTF-8.
func ReadHTML(src string) (string, *SourceMap) {
	var h htmlReader
	h.read(src)
	return h.text.String(), &SourceMap{pieces: h.pieces}
}

// NewHTMLReader returns a Reader of one document: the visible text of the
// HTML page read from rd (see [ReadHTML]), with a [SourceMap] into its bytes
// as Document.Source, and the given ID, which also names it in errors. A
// page that is not UTF-8 is a bad record naming the byte offset in rd; one
// with no visible text is [ErrEmpty].
func NewHTMLReader(rd io.Reader, id string) *Reader {
	return newStreamReader(rd, id, htmlDocument)
}

func htmlDocument(id string, b []byte) (*Document, error) {
	src := string(b)
	if off := invalidOffset(src); off >= 0 {
		return nil, &InvalidUTF8Error{Offset: off}
	}
	text, m := ReadHTML(src)
	if isBlankText(text) {
		return nil, ErrEmpty
	}
	return &Document{ID: id, Text: text, Source: m}, nil
}

// isHTMLName reports whether a file name says HTML (".html", ".htm").
func isHTMLName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return true
	}
	return false
}

// looksHTML reports whether b starts as an HTML page does: "<!doctype html"
// or "<html", in any case, after white space and a byte order mark.
func looksHTML(b []byte) bool {
	s := strings.TrimLeft(strings.TrimPrefix(string(b[:min(len(b), 1024)]), "\uFEFF"), " \t\r\n\f")
	for _, p := range []string{"<!doctype html", "<html"} {
		if len(s) < len(p) || !strings.EqualFold(s[:len(p)], p) {
			continue
		}
		if len(s) == len(p) || strings.IndexByte(" \t\r\n\f/>", s[len(p)]) >= 0 {
			return true
		}
	}
	return false
}

// htmlReader builds the visible text of a page and its source map.
type htmlReader struct {
	text     strings.Builder
	pieces   []piece
	template int // depth of template elements: their content is inert
	pre      int // depth of pre elements: their line breaks are kept
}

// hiddenElements are the elements whose content is never shown: raw text
// (script, style), escapable raw text not shown in the page (title,
// textarea), and obsolete raw-text elements. Their content is skipped up to
// the matching end tag, as browsers do.
var hiddenElements = map[string]bool{
	"script": true, "style": true, "title": true, "textarea": true,
	"xmp": true, "iframe": true, "noembed": true, "noframes": true,
}

// blockElements end a line of text before and after them.
var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"br": true, "caption": true, "dd": true, "details": true, "dialog": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "head": true, "header": true, "hgroup": true, "hr": true,
	"html": true, "li": true, "main": true, "nav": true, "ol": true, "option": true,
	"p": true, "pre": true, "section": true, "summary": true, "table": true,
	"tbody": true, "td": true, "tfoot": true, "th": true, "thead": true, "tr": true,
	"ul": true,
}

func (h *htmlReader) read(src string) {
	i := 0
	if strings.HasPrefix(src, "\uFEFF") {
		i = len("\uFEFF")
	}
	for i < len(src) {
		switch src[i] {
		case '<':
			i = h.markup(src, i)
		case '&':
			i = h.charRef(src, i)
		default:
			j := i + strings.IndexAny(src[i:], "<&")
			if j < i {
				j = len(src)
			}
			h.verbatim(src, i, j)
			i = j
		}
	}
}

// verbatim adds src[i:j], text without markup, with line breaks, tabs and
// form feeds as spaces (outside pre).
func (h *htmlReader) verbatim(src string, i, j int) {
	if h.template > 0 {
		return
	}
	if h.pre == 0 {
		// White space that starts a line is not shown.
		if t := h.text.String(); t == "" || t[len(t)-1] == '\n' {
			for i < j && isTagSpace(src[i]) {
				i++
			}
		}
	}
	if i == j {
		return
	}
	t := h.text.Len()
	for k := i; k < j; k++ {
		c := src[k]
		switch {
		case c == '\n' && h.pre > 0:
		case c == '\n' || c == '\r' || c == '\t' || c == '\f':
			c = ' '
		}
		h.text.WriteByte(c)
	}
	if n := len(h.pieces); n > 0 {
		p := &h.pieces[n-1]
		if !p.whole && p.T+p.TLen == t && p.S+p.SLen == i {
			p.TLen += j - i
			p.SLen += j - i
			return
		}
	}
	h.pieces = append(h.pieces, piece{T: t, TLen: j - i, S: i, SLen: j - i})
}

// replaced adds s, which stands for the source bytes [i, j).
func (h *htmlReader) replaced(s string, i, j int) {
	if h.template > 0 || s == "" {
		return
	}
	h.pieces = append(h.pieces, piece{T: h.text.Len(), TLen: len(s), S: i, SLen: j - i, whole: true})
	h.text.WriteString(s)
}

// lineBreak ends the current line, standing for the tag at [i, j), unless
// the text is empty or already ends a line.
func (h *htmlReader) lineBreak(i, j int) {
	if h.template > 0 {
		return
	}
	t := h.text.String()
	if t == "" || t[len(t)-1] == '\n' {
		return
	}
	h.replaced("\n", i, j)
}

// charRef reads the character reference at src[i] ("&amp;", "&#39;",
// "&#x2019;", or a legacy one without ";") and returns where it ends. A "&"
// that starts none is text.
func (h *htmlReader) charRef(src string, i int) int {
	j := i + 1
	for j < len(src) && j-i < 40 && (isASCIIAlnum(src[j]) || src[j] == '#') {
		j++
	}
	if j < len(src) && src[j] == ';' {
		j++
	}
	ref := src[i:j]
	if dec := html.UnescapeString(ref); j > i+1 && dec != ref {
		h.replaced(dec, i, j)
		return j
	}
	h.verbatim(src, i, i+1)
	return i + 1
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// markup reads the markup that starts with the "<" at src[i] and returns
// where it ends. A "<" that starts no markup is text.
func (h *htmlReader) markup(src string, i int) int {
	rest := src[i:]
	switch {
	case strings.HasPrefix(rest, "<!--"):
		// A comment ends at "-->"; "<!-->" and "<!--->" are empty ones.
		body := rest[4:]
		switch {
		case strings.HasPrefix(body, ">"):
			return i + 5
		case strings.HasPrefix(body, "->"):
			return i + 6
		}
		if k := strings.Index(body, "-->"); k >= 0 {
			return i + 4 + k + 3
		}
		return len(src)
	case len(rest) >= 9 && strings.EqualFold(rest[:9], "<![CDATA["):
		if k := strings.Index(rest[9:], "]]>"); k >= 0 {
			return i + 9 + k + 3
		}
		return len(src)
	case len(rest) >= 2 && (rest[1] == '!' || rest[1] == '?'):
		// A doctype, processing instruction or bogus comment, up to ">".
		if k := strings.IndexByte(rest, '>'); k >= 0 {
			return i + k + 1
		}
		return len(src)
	case len(rest) >= 3 && rest[1] == '/' && isASCIILetter(rest[2]):
		name, end := tagEnd(src, i+2)
		h.endTag(name, i, end)
		return end
	case len(rest) >= 3 && rest[1] == '/':
		// "</>" is dropped; "</" and anything else is a bogus comment.
		if k := strings.IndexByte(rest, '>'); k >= 0 {
			return i + k + 1
		}
		return len(src)
	case len(rest) >= 2 && isASCIILetter(rest[1]):
		name, end := tagEnd(src, i+1)
		selfClosing := end >= 2 && src[end-2] == '/' && end-2 > i+len(name)
		return h.startTag(src, name, selfClosing, i, end)
	}
	h.verbatim(src, i, i+1)
	return i + 1
}

// tagEnd reads a tag's name, which starts at src[i], and its attributes, and
// returns the name in lower case and the offset just past the tag's ">" (or
// the end of src). A ">" inside a quoted attribute value does not end the
// tag.
func tagEnd(src string, i int) (string, int) {
	j := i
	for j < len(src) && !isTagSpace(src[j]) && src[j] != '/' && src[j] != '>' {
		j++
	}
	name := strings.ToLower(src[i:j])
	for j < len(src) {
		switch c := src[j]; {
		case c == '>':
			return name, j + 1
		case c == '"' || c == '\'':
			// A quote starts a value only after "=" (and spaces); elsewhere
			// it is part of an attribute name, as browsers read it.
			k := j - 1
			for k > i && isTagSpace(src[k]) {
				k--
			}
			if src[k] != '=' {
				j++
				continue
			}
			q := strings.IndexByte(src[j+1:], c)
			if q < 0 {
				return name, len(src)
			}
			j += 1 + q + 1
		default:
			j++
		}
	}
	return name, len(src)
}

func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// startTag handles the start tag <name ...> at [i, end) and returns where
// reading goes on: past the element's content when it is hidden.
func (h *htmlReader) startTag(src, name string, selfClosing bool, i, end int) int {
	switch {
	case name == "template":
		if !selfClosing {
			h.template++
		}
		return end
	case name == "pre" && !selfClosing:
		h.pre++
	case hiddenElements[name] && !selfClosing:
		h.lineBreakIfBlock(name, i, end)
		return closingTag(src, name, end)
	}
	h.lineBreakIfBlock(name, i, end)
	return end
}

func (h *htmlReader) endTag(name string, i, end int) {
	switch name {
	case "template":
		if h.template > 0 {
			h.template--
		}
		return
	case "pre":
		if h.pre > 0 {
			h.pre--
		}
	}
	h.lineBreakIfBlock(name, i, end)
}

func (h *htmlReader) lineBreakIfBlock(name string, i, end int) {
	if blockElements[name] || name == "title" || name == "textarea" {
		h.lineBreak(i, end)
	}
}

// closingTag returns the offset just past the end tag </name> that closes
// a raw-text element whose content starts at i, or the end of src if none
// does: "</name" in any case, then white space, "/" or ">".
func closingTag(src, name string, i int) int {
	for {
		k := strings.Index(src[i:], "</")
		if k < 0 {
			return len(src)
		}
		j := i + k + 2
		if len(src)-j >= len(name) && strings.EqualFold(src[j:j+len(name)], name) {
			after := j + len(name)
			if after == len(src) || isTagSpace(src[after]) || src[after] == '/' || src[after] == '>' {
				_, end := tagEnd(src, j)
				return end
			}
		}
		i = j
	}
}
