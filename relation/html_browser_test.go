package relation

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
)

// chromium returns the path of a Chromium browser: $CHROMIUM, or chromium or
// chromium-browser on the PATH; "" when there is none.
func chromium() string {
	if c := os.Getenv("CHROMIUM"); c != "" {
		return c
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// runChromium runs headless Chromium on args and returns its standard output.
func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	base := []string{"--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
		"--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, stderr.Bytes())
	}
	return stdout.Bytes()
}

// TestHTMLInBrowser writes the page of an article, loads it in headless
// Chromium, checks the DOM after the page's script ran, and saves a
// screenshot. The article is testdata/summit.txt, or the file named by
// $NEWSGRAPH_PAGE_ARTICLE; the page goes to $NEWSGRAPH_PAGE_HTML and the
// screenshot to $NEWSGRAPH_PAGE_PNG, or to a temporary directory:
//
//	NEWSGRAPH_PAGE_ARTICLE=$PWD/../../shared/acceptance/seed/article.txt NEWSGRAPH_PAGE_PNG=$PWD/testdata/page.png go test -run HTMLInBrowser ./relation
func TestHTMLInBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no Chromium: install Debian's chromium package or set $CHROMIUM to run the browser test of the HTML page")
	}
	article := cmpOr(os.Getenv("NEWSGRAPH_PAGE_ARTICLE"), filepath.Join("testdata", "summit.txt"))
	text, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSuffix(filepath.Base(article), filepath.Ext(article))
	res, err := ex.Extract(context.Background(), &corpus.Document{ID: id, Text: string(text)})
	if err != nil {
		t.Fatal(err)
	}
	results := []*Result{res}
	page, err := newHTMLPage(results)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.DrawnEdges) == 0 {
		t.Fatalf("%s: no relation to draw", article)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "page.html")
	if p := os.Getenv("NEWSGRAPH_PAGE_HTML"); p != "" {
		if path, err = filepath.Abs(p); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := WriteHTML(&b, results); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + path

	// The page opens on the relation its URL names: the best supported one.
	first := page.Edges[0]
	dom := string(runChromium(t, bin, "--dump-dom", url+"#"+first.Key))
	opened := regexp.MustCompile(`<details class="rel[^"]* hl" id="` + first.Key + `"[^>]* open="">`)
	if !opened.MatchString(dom) {
		t.Errorf("the page opened on #%s does not show that relation's evidence", first.Key)
	}
	for _, n := range []*htmlNode{first.Source, first.Target} {
		if !strings.Contains(dom, fmt.Sprintf(`<g class="node %s hl" data-node="%s"`, n.Class, n.Key)) {
			t.Errorf("the page opened on #%s does not highlight node %s (%s)", first.Key, n.Key, n.Label)
		}
	}
	// The script ran and counted what is drawn.
	if want := fmt.Sprintf(`data-ready="%d nodes, %d edges"`, len(page.Drawn), len(page.DrawnEdges)); !strings.Contains(dom, want) {
		t.Errorf("the DOM lacks %s: the page's script did not run, or drew something else", want)
	}
	for _, n := range page.Entities {
		chip := fmt.Sprintf(`data-node="%s" href="#%s"`, n.Key, n.Key)
		if !strings.Contains(dom, chip) || !strings.Contains(dom, html.EscapeString(n.Label)) {
			t.Errorf("the DOM lacks entity %s (%s)", n.Node.ID, n.Label)
		}
	}
	for _, e := range page.Edges {
		if !strings.Contains(dom, fmt.Sprintf(`id="%s" data-edge="%s"`, e.Key, e.Key)) ||
			!strings.Contains(dom, ">"+html.EscapeString(e.Label)+"<") {
			t.Errorf("the DOM lacks relation %s %s %s", e.Edge.Source, e.Label, e.Edge.Target)
		}
		for _, ev := range e.Evidence {
			if !strings.Contains(dom, `<span class="cue">`+html.EscapeString(ev.Cue)+"</span>") {
				t.Errorf("the DOM lacks the cue %q of relation %s", ev.Cue, e.Key)
			}
		}
	}
	linked := 0
	for _, m := range res.Mentions {
		if m.Entity != "" {
			linked++
		}
	}
	if got := strings.Count(dom, `<a class="m `); got < linked {
		t.Errorf("the DOM has %d linked mentions in text and evidence, want at least the document's %d", got, linked)
	}

	png := os.Getenv("NEWSGRAPH_PAGE_PNG")
	if png == "" {
		png = filepath.Join(dir, "page.png")
	} else if png, err = filepath.Abs(png); err != nil {
		t.Fatal(err)
	}
	runChromium(t, bin, "--screenshot="+png, "--window-size=1400,1000", url)
	shot, err := os.ReadFile(png)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if !bytes.HasPrefix(shot, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("%s is not a PNG", png)
	}
	t.Logf("screenshot of the page of %s: %s", article, png)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
