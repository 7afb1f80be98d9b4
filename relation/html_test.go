package relation

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
)

// mentionsOf returns the mentions of the given entities at every place their
// name or alias appears in text, as a recognizer would find them.
func mentionsOf(text string, ents ...entity.Entity) []entity.Mention {
	var out []entity.Mention
	for _, e := range ents {
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			for at := 0; ; {
				i := strings.Index(text[at:], name)
				if i < 0 {
					break
				}
				s := at + i
				out = append(out, entity.Mention{Start: s, End: s + len(name), Text: name, Type: e.Type,
					Form: entity.Name, Entity: e.ID, Score: 1, Source: "gazetteer"})
				at = s + len(name)
			}
		}
	}
	return out
}

// sampleResult is the result of sampleText: its entities, the mentions of
// their names, and sampleRelations.
func sampleResult() *Result {
	ents := []entity.Entity{china, russia, macron, vdl, xi}
	ms := mentionsOf(sampleText, ents...)
	ms = append(ms, entity.Mention{Start: 17, End: 24, Text: "Beijing", Type: entity.Location, Form: entity.Name})
	return &Result{
		Document:  &corpus.Document{ID: "article", Text: sampleText},
		Mentions:  disjoint(ms, len(sampleText)),
		Entities:  ents,
		Relations: sampleRelations(),
	}
}

func TestWriteHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, []*Result{sampleResult()}); err != nil {
		t.Fatal(err)
	}
	golden(t, "page.golden.html", b.Bytes())

	var again bytes.Buffer
	if err := WriteHTML(&again, []*Result{sampleResult()}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("WriteHTML gave other bytes the second time")
	}
}

var anchorRE = regexp.MustCompile(`<a class="m [^"]*" data-node="(n\d+)" href="#n\d+" title="[^"]*">([^<]*)</a>`)

// TestWriteHTMLMentions checks that the document's text is on the page
// whole, with each mention linked to the node of its entity.
func TestWriteHTMLMentions(t *testing.T) {
	res := sampleResult()
	p, err := newHTMLPage([]*Result{res})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteHTML(&b, []*Result{res}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	doc := page[strings.Index(page, `<p class="text">`):]
	doc = doc[:strings.Index(doc, "</p>")]

	keys := map[string]string{}
	for _, n := range p.Entities {
		keys[n.Node.ID] = n.Key
	}
	type link struct{ Node, Text string }
	var want, got []link
	for _, m := range res.Mentions {
		if m.Entity != "" {
			want = append(want, link{keys[m.Entity], m.Text})
		}
	}
	for _, m := range anchorRE.FindAllStringSubmatch(doc, -1) {
		got = append(got, link{m[1], m[2]})
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("mention links (-want +got):\n%s", d)
	}
	plain := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(strings.TrimPrefix(doc, `<p class="text">`), "")
	if plain != sampleText {
		t.Errorf("the page's text is\n%q\nwant\n%q", plain, sampleText)
	}
}

// TestWriteHTMLEscapes checks that hostile text, names, cues and document
// IDs are escaped, so that the page holds one script: its own.
func TestWriteHTMLEscapes(t *testing.T) {
	const text = `<script>alert("x")</script> & "Ben & Jerry's" <b>met</b> 習近平 🎉 in Paris.`
	bj := entity.Entity{ID: `organization/"><script>`, Name: `"Ben & Jerry's"`, Type: entity.Organization}
	xi := entity.Entity{ID: "person/xi", Name: "習近平", Type: entity.Person, Aliases: []string{`</title><script>`}}
	ms := mentionsOf(text, bj, xi)
	res := &Result{
		Document: &corpus.Document{ID: `doc"><img src=x onerror=alert(1)>`, Text: text},
		Mentions: disjoint(ms, len(text)),
		Entities: []entity.Entity{bj, xi},
		Relations: []Relation{{Source: bj.ID, Target: xi.ID, Type: `MEET<script>`, Confidence: 0.5,
			Evidence: Evidence{Doc: `doc"><img src=x onerror=alert(1)>`, Start: 0, End: len(text), Text: text, Cue: `<b>met</b>`}}},
	}
	var b bytes.Buffer
	if err := WriteHTML(&b, []*Result{res}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("the page has %d <script elements, want 1 (its own)", n)
	}
	for _, bad := range []string{"<img", "<b>met", `alert("x")`, `onerror=alert(1)>`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	for _, good := range []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;", "&lt;b&gt;met&lt;/b&gt;", "習近平", "🎉",
		"MEET&lt;script&gt;", "&#34;Ben &amp; Jerry&#39;s&#34;"} {
		if !strings.Contains(page, good) {
			t.Errorf("the page lacks %q", good)
		}
	}
	if !utf8.ValidString(page) {
		t.Error("the page is not valid UTF-8")
	}
}

func TestWriteHTMLErrors(t *testing.T) {
	good := sampleResult()
	bad := sampleResult()
	bad.Relations = append(bad.Relations, Relation{Source: xi.ID, Target: "person/nobody", Type: "MEET"})
	tests := []struct {
		name    string
		results []*Result
		wantErr []string
	}{
		{"nil result", []*Result{good, nil}, []string{"result 1 has no document"}},
		{"no document", []*Result{{}}, []string{"result 0 has no document"}},
		{"bad graph", []*Result{bad}, []string{`document "article"`, `"person/nobody" is not an entity`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			checkErr(t, WriteHTML(&b, tt.results), tt.wantErr)
			if b.Len() != 0 {
				t.Errorf("WriteHTML wrote %d bytes despite the error", b.Len())
			}
		})
	}
	if err := WriteHTML(failWriter{}, []*Result{good}); err == nil {
		t.Error("WriteHTML to a failing writer: nil error")
	}
}

func TestWriteHTMLEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>newsgraph: no documents</title>", "0 entities · 0 relations"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the page of no documents lacks %q", want)
		}
	}
}

// TestWriteHTMLCaps checks that a large input gives a page of bounded size
// that says what it leaves out.
func TestWriteHTMLCaps(t *testing.T) {
	var results []*Result
	for i := range htmlMaxDocs + 5 {
		r := sampleResult()
		r.Document = &corpus.Document{ID: fmt.Sprintf("doc%02d", i), Text: sampleText}
		for j := range r.Relations {
			r.Relations[j].Evidence.Doc = r.Document.ID
		}
		results = append(results, r)
	}
	// A long document whose cut would fall inside a mention and a
	// multi-byte character.
	long := strings.Repeat("é", htmlMaxDocBytes/2-2) + "xEmmanuel Macron met Xi Jinping."
	results[0] = &Result{
		Document: &corpus.Document{ID: "long", Text: long},
		Mentions: mentionsOf(long, macron, xi),
		Entities: []entity.Entity{macron, xi},
	}
	var b bytes.Buffer
	if err := WriteHTML(&b, results); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := strings.Count(page, `<article class="panel doc"`); n != htmlMaxDocs {
		t.Errorf("the page shows %d documents, want %d", n, htmlMaxDocs)
	}
	for _, want := range []string{
		fmt.Sprintf("The page shows the text of the first %d of %d documents.", htmlMaxDocs, htmlMaxDocs+5),
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// The cut falls before the mention it would split.
	kept := strings.Index(long, "Emmanuel")
	if want := fmt.Sprintf("The rest of this document (%d bytes) is not shown.", len(long)-kept); !strings.Contains(page, want) {
		t.Errorf("the page lacks %q", want)
	}
	if !utf8.ValidString(page) {
		t.Error("the cut splits a character")
	}
	// The evidence of the 30 copies of the MEET is capped.
	if !strings.Contains(page, fmt.Sprintf("and %d more pieces of evidence", 2*(htmlMaxDocs+4)-htmlMaxEvidence)) {
		t.Errorf("the page does not say how many pieces of evidence it leaves out: %q", regexp.MustCompile(`and \d+ more[^<]*`).FindAllString(page, -1))
	}
}

func TestForceLayout(t *testing.T) {
	for _, tt := range []struct {
		n     int
		links [][2]int
	}{
		{0, nil}, {1, nil}, {2, [][2]int{{0, 1}}}, {3, nil},
		{8, [][2]int{{0, 1}, {1, 2}, {2, 0}, {3, 4}, {5, 6}}},
	} {
		const w, h, margin = 400.0, 300.0, 20.0
		pos := forceLayout(tt.n, tt.links, w, h, margin)
		if len(pos) != tt.n {
			t.Fatalf("forceLayout(%d): %d positions", tt.n, len(pos))
		}
		for i, p := range pos {
			if math.IsNaN(p.X) || math.IsNaN(p.Y) || p.X < margin-1e-6 || p.X > w-margin+1e-6 ||
				p.Y < margin-1e-6 || p.Y > h-margin+1e-6 {
				t.Errorf("forceLayout(%d, %v): node %d at %v, outside the box", tt.n, tt.links, i, p)
			}
		}
		if d := cmp.Diff(pos, forceLayout(tt.n, tt.links, w, h, margin)); d != "" {
			t.Errorf("forceLayout(%d) is not deterministic:\n%s", tt.n, d)
		}
		for i := range pos {
			for j := i + 1; j < len(pos); j++ {
				if math.Hypot(pos[i].X-pos[j].X, pos[i].Y-pos[j].Y) < 5 {
					t.Errorf("forceLayout(%d, %v): nodes %d and %d overlap at %v, %v", tt.n, tt.links, i, j, pos[i], pos[j])
				}
			}
		}
	}
}

// TestHTMLParallelEdges checks that edges joining the same two nodes are
// drawn apart.
func TestHTMLParallelEdges(t *testing.T) {
	p, err := newHTMLPage([]*Result{sampleResult()})
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{}
	for _, e := range p.DrawnEdges {
		if prev, ok := paths[e.Path]; ok {
			t.Errorf("edges %s and %s have the same path %s", prev, e.Key, e.Path)
		}
		paths[e.Path] = e.Key
	}
	if len(p.DrawnEdges) != 4 {
		t.Errorf("%d edges drawn, want the sample's 4", len(p.DrawnEdges))
	}
}
