package relation

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/entity"
)

// The limits of the page of [WriteHTML]. The page says what it leaves out.
const (
	htmlMaxDocs        = 25     // documents whose text the page shows
	htmlMaxDocBytes    = 60_000 // bytes of each document's text shown
	htmlMaxGraphNodes  = 60     // nodes drawn (the most linked ones)
	htmlMaxEdges       = 400    // relations listed
	htmlMaxEvidence    = 3      // pieces of evidence shown for each relation
	htmlGraphWidth     = 960.0
	htmlGraphHeight    = 600.0
	htmlGraphMargin    = 70.0
	htmlParallelOffset = 34.0 // px between two edges joining the same nodes
)

// WriteHTML writes one self-contained HTML page for the results of one or
// more documents: the graph of their entities and relations, the list of
// relations with the evidence of each, and the text of each document with its
// entity mentions highlighted by entity type. The graph is the merge of the
// results' graphs ([Result.Graph]).
//
// The page needs no network: its styles and its small script are inline, and
// the graph is an inline SVG drawing laid out in Go by a force-directed
// method without randomness, so the same results always give the same bytes.
// Each mention links to its entity's node. Clicking a mention, a node or an
// entity highlights that entity's mentions, node and relations; clicking an
// edge or a relation shows its evidence sentences and cues; a link to the
// page may name a node (#n3) or a relation (#e7) to show. Without the
// script the page still shows everything, with each relation's evidence one
// click away.
//
// The page is capped for large inputs, and says so where it applies: it
// shows the text of the first 25 documents (and at most 60,000 bytes of
// each), draws the 60 most linked entities, lists 400 relations and 3
// pieces of evidence for each. Relations are listed best supported first,
// then in the order of [Graph.Edges]. Entities in no relation are listed, not drawn.
//
// WriteHTML returns an error, and writes nothing, when a result is nil or has
// no document, or when its graph is invalid.
func WriteHTML(w io.Writer, results []*Result) error {
	page, err := newHTMLPage(results)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, page); err != nil {
		return fmt.Errorf("relation: writing HTML: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("relation: writing HTML: %w", err)
	}
	return nil
}

// The data of the page template.
type (
	htmlPage struct {
		Title      string
		Docs       []htmlDoc
		DocsTotal  int
		Entities   []*htmlNode // every entity, by mentions
		Drawn      []*htmlNode // the nodes of the picture
		Isolated   []*htmlNode // entities in no relation
		Edges      []*htmlEdge // the relations listed
		DrawnEdges []*htmlEdge // the edges of the picture
		EdgesTotal int
		Legend     []htmlType
		Width      float64
		Height     float64
		Notes      []string // what the page leaves out
	}
	htmlType struct {
		Name, Class string
		Count       int
	}
	htmlDoc struct {
		Key, ID  string
		Segments []htmlSegment
		Cut      int // bytes left out, 0 when none
		Mentions int
	}
	// htmlSegment is a stretch of text, a mention when Class is set.
	htmlSegment struct {
		Text  string
		Class string // type class of a mention
		Node  string // node key of its entity, "" when none
		Title string // tooltip
	}
	htmlNode struct {
		Key     string // "n3"
		Node    Node
		Label   string
		Class   string
		Degree  int
		X, Y, R float64
	}
	htmlEdge struct {
		Key            string // "e3"
		Edge           Edge
		Source, Target *htmlNode
		Label          string
		Style          string // "", "negated" or "modal"
		PLOVER         string
		Directed       bool
		Confidence     string
		Evidence       []htmlEvidence
		MoreEvidence   int
		Path           string
		LabelX, LabelY float64
		Drawn          bool
	}
	htmlEvidence struct {
		Doc, DocKey string
		Start, End  int
		Cue         string
		Segments    []htmlSegment
	}
)

// newHTMLPage gathers the data of the page of results.
func newHTMLPage(results []*Result) (*htmlPage, error) {
	g := NewGraph()
	var errs []error
	for i, r := range results {
		if r == nil || r.Document == nil {
			errs = append(errs, fmt.Errorf("relation: writing HTML: result %d has no document", i))
			continue
		}
		dg, err := r.Graph()
		if err != nil {
			errs = append(errs, fmt.Errorf("relation: writing HTML: %w", err))
			continue
		}
		g.Merge(dg)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	p := &htmlPage{DocsTotal: len(results), Width: htmlGraphWidth, Height: htmlGraphHeight}
	switch len(results) {
	case 0:
		p.Title = "newsgraph: no documents"
	case 1:
		p.Title = "newsgraph: " + cmp.Or(results[0].Document.ID, "document")
	default:
		p.Title = fmt.Sprintf("newsgraph: %d documents", len(results))
	}

	// Nodes, keyed in entity-ID order.
	nodes := g.Entities()
	edges := g.Edges()
	byID := make(map[string]*htmlNode, len(nodes))
	all := make([]*htmlNode, len(nodes))
	for i, n := range nodes {
		hn := &htmlNode{Key: "n" + strconv.Itoa(i), Node: n, Label: cmp.Or(n.Name, n.ID), Class: typeClass(n.Type)}
		all[i], byID[n.ID] = hn, hn
	}
	for _, e := range edges {
		byID[e.Source].Degree++
		byID[e.Target].Degree++
	}
	p.Entities = slices.Clone(all)
	slices.SortStableFunc(p.Entities, func(a, b *htmlNode) int { return cmp.Compare(b.Node.Mentions, a.Node.Mentions) })
	p.Legend = legend(all)

	// The picture: the most linked nodes, and the edges among them.
	var linked []*htmlNode
	for _, n := range all {
		if n.Degree > 0 {
			linked = append(linked, n)
		} else {
			p.Isolated = append(p.Isolated, n)
		}
	}
	slices.SortStableFunc(p.Isolated, func(a, b *htmlNode) int { return cmp.Compare(b.Node.Mentions, a.Node.Mentions) })
	if len(linked) > htmlMaxGraphNodes {
		top := slices.Clone(linked)
		slices.SortStableFunc(top, func(a, b *htmlNode) int {
			return cmp.Or(cmp.Compare(b.Degree, a.Degree), cmp.Compare(b.Node.Mentions, a.Node.Mentions))
		})
		keep := make(map[*htmlNode]bool)
		for _, n := range top[:htmlMaxGraphNodes] {
			keep[n] = true
		}
		linked = slices.DeleteFunc(linked, func(n *htmlNode) bool { return !keep[n] })
		p.Notes = append(p.Notes, fmt.Sprintf("The graph draws the %d most linked of %d linked entities.",
			htmlMaxGraphNodes, len(keep)+len(top)-htmlMaxGraphNodes))
	}
	p.Drawn = linked

	// Edges: the best supported ones when there are too many.
	p.EdgesTotal = len(edges)
	listed := edges
	if len(edges) > htmlMaxEdges {
		idx := make([]int, len(edges))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(edges[b].Count, edges[a].Count) })
		idx = idx[:htmlMaxEdges]
		listed = make([]Edge, len(idx))
		for i, j := range idx {
			listed[i] = edges[j]
		}
		p.Notes = append(p.Notes, fmt.Sprintf("The page lists the %d best supported of %d relations.", htmlMaxEdges, len(edges)))
	}

	// The best supported relations first.
	listed = slices.Clone(listed)
	slices.SortStableFunc(listed, func(a, b Edge) int { return cmp.Compare(b.Count, a.Count) })

	docs := newHTMLDocIndex(results)
	drawn := make(map[*htmlNode]int)
	for i, n := range p.Drawn {
		drawn[n] = i
	}
	for i, e := range listed {
		he := &htmlEdge{
			Key: "e" + strconv.Itoa(i), Edge: e, Source: byID[e.Source], Target: byID[e.Target],
			Label: edgeLabel(e), PLOVER: plover(e), Directed: !e.Type.Symmetric(),
			Confidence: strconv.FormatFloat(e.Confidence, 'f', 2, 64),
		}
		switch {
		case e.Negated:
			he.Style = "negated"
		case e.Modality != Asserted:
			he.Style = "modal"
		}
		for j, ev := range e.Evidence {
			if j == htmlMaxEvidence {
				he.MoreEvidence = len(e.Evidence) - j
				break
			}
			he.Evidence = append(he.Evidence, docs.evidence(ev, byID))
		}
		_, okS := drawn[he.Source]
		_, okT := drawn[he.Target]
		he.Drawn = okS && okT
		p.Edges = append(p.Edges, he)
		if he.Drawn {
			p.DrawnEdges = append(p.DrawnEdges, he)
		}
	}
	p.layout(drawn)

	// Documents.
	for i, r := range results {
		if i == htmlMaxDocs {
			p.Notes = append(p.Notes, fmt.Sprintf("The page shows the text of the first %d of %d documents.", htmlMaxDocs, len(results)))
			break
		}
		p.Docs = append(p.Docs, docs.document(i, r, byID))
	}
	return p, nil
}

// typeClass returns the CSS class of an entity type.
func typeClass(t entity.Type) string {
	switch t {
	case entity.Person, entity.Country, entity.Organization, entity.Location, entity.Group:
		return "t-" + strings.ToLower(string(t))
	}
	return "t-other"
}

// legend returns the entity types of nodes with their counts, in the order
// of the known types, then the others by name.
func legend(nodes []*htmlNode) []htmlType {
	counts := map[entity.Type]int{}
	for _, n := range nodes {
		counts[n.Node.Type]++
	}
	order := []entity.Type{entity.Person, entity.Country, entity.Organization, entity.Location, entity.Group}
	var others []entity.Type
	for t := range counts {
		if !slices.Contains(order, t) {
			others = append(others, t)
		}
	}
	slices.Sort(others)
	var out []htmlType
	for _, t := range append(order, others...) {
		if counts[t] > 0 {
			name := strings.ToLower(string(t))
			if t == "" {
				name = "untyped"
			}
			out = append(out, htmlType{Name: name, Class: typeClass(t), Count: counts[t]})
		}
	}
	return out
}

// layout places the drawn nodes and routes the drawn edges: edges joining
// the same two nodes bend apart, and each ends at its node's rim.
func (p *htmlPage) layout(drawn map[*htmlNode]int) {
	var links [][2]int
	seen := map[[2]int]bool{}
	for _, e := range p.DrawnEdges {
		l := [2]int{drawn[e.Source], drawn[e.Target]}
		if l[0] > l[1] {
			l[0], l[1] = l[1], l[0]
		}
		if !seen[l] {
			seen[l] = true
			links = append(links, l)
		}
	}
	pos := forceLayout(len(p.Drawn), links, p.Width, p.Height, htmlGraphMargin)
	for i, n := range p.Drawn {
		n.X, n.Y = round1(pos[i].X), round1(pos[i].Y)
		n.R = round1(7 + 3*math.Sqrt(float64(min(n.Node.Mentions, 100))))
	}
	// Edges between the same pair of nodes, in either direction.
	pairs := map[[2]*htmlNode][]*htmlEdge{}
	for _, e := range p.DrawnEdges {
		k := [2]*htmlNode{e.Source, e.Target}
		if e.Source.Key > e.Target.Key {
			k = [2]*htmlNode{e.Target, e.Source}
		}
		pairs[k] = append(pairs[k], e)
	}
	for k, es := range pairs {
		a, b := k[0], k[1]
		dx, dy := b.X-a.X, b.Y-a.Y
		d := max(math.Hypot(dx, dy), 1)
		nx, ny := -dy/d, dx/d // normal of a→b
		for i, e := range es {
			off := (float64(i) - float64(len(es)-1)/2) * htmlParallelOffset
			s, t := e.Source, e.Target
			// Control point of a quadratic curve whose middle is off away
			// from the straight line, on the same side for both directions.
			cx := (a.X+b.X)/2 + 2*off*nx
			cy := (a.Y+b.Y)/2 + 2*off*ny
			x1, y1 := towards(s.X, s.Y, cx, cy, s.R+1)
			x2, y2 := towards(t.X, t.Y, cx, cy, t.R+4)
			e.Path = fmt.Sprintf("M%s %s Q%s %s %s %s", f1(x1), f1(y1), f1(cx), f1(cy), f1(x2), f1(y2))
			e.LabelX = round1(0.25*x1 + 0.5*cx + 0.25*x2)
			e.LabelY = round1(0.25*y1 + 0.5*cy + 0.25*y2)
		}
	}
}

// towards returns the point at distance r from (x, y) towards (tx, ty).
func towards(x, y, tx, ty, r float64) (float64, float64) {
	dx, dy := tx-x, ty-y
	d := math.Hypot(dx, dy)
	if d == 0 {
		return x, y
	}
	return x + dx/d*r, y + dy/d*r
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

func f1(f float64) string { return strconv.FormatFloat(round1(f), 'f', -1, 64) }

// htmlDocIndex finds the mentions of each document, to draw documents and
// evidence sentences with their mentions highlighted.
type htmlDocIndex struct {
	keys     map[string]string           // doc ID: key
	mentions map[string][]entity.Mention // doc ID: sorted, disjoint mentions
}

func newHTMLDocIndex(results []*Result) *htmlDocIndex {
	x := &htmlDocIndex{keys: map[string]string{}, mentions: map[string][]entity.Mention{}}
	for i, r := range results {
		id := r.Document.ID
		if _, ok := x.keys[id]; ok {
			continue // a repeated ID: evidence names the first
		}
		if i < htmlMaxDocs {
			x.keys[id] = "d" + strconv.Itoa(i)
		} else {
			x.keys[id] = ""
		}
		x.mentions[id] = disjoint(r.Mentions, len(r.Document.Text))
	}
	return x
}

// disjoint returns the mentions with a valid span, sorted by start, keeping
// the first, longest one where they overlap.
func disjoint(ms []entity.Mention, n int) []entity.Mention {
	ms = slices.Clone(ms)
	slices.SortStableFunc(ms, func(a, b entity.Mention) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	out := ms[:0]
	end := 0
	for _, m := range ms {
		if m.Start < end || m.Start < 0 || m.End <= m.Start || m.End > n {
			continue
		}
		out = append(out, m)
		end = m.End
	}
	return out
}

// segments cuts text, which starts at byte offset base of its document, into
// plain stretches and mentions.
func segments(text string, base int, ms []entity.Mention, byID map[string]*htmlNode) []htmlSegment {
	var out []htmlSegment
	at := 0
	for _, m := range ms {
		s, e := m.Start-base, m.End-base
		if s < at || e > len(text) {
			continue
		}
		if s > at {
			out = append(out, htmlSegment{Text: text[at:s]})
		}
		seg := htmlSegment{Text: text[s:e], Class: typeClass(m.Type)}
		title := string(m.Type)
		if n, ok := byID[m.Entity]; ok {
			seg.Node, seg.Class = n.Key, n.Class
			title = n.Label + " · " + string(n.Node.Type)
		}
		if m.Form != "" && m.Form != entity.Name {
			title += " (" + string(m.Form) + ")"
		}
		seg.Title = title
		out = append(out, seg)
		at = e
	}
	if at < len(text) {
		out = append(out, htmlSegment{Text: text[at:]})
	}
	return out
}

// document returns the i-th document of the page.
func (x *htmlDocIndex) document(i int, r *Result, byID map[string]*htmlNode) htmlDoc {
	text := r.Document.Text
	d := htmlDoc{Key: "d" + strconv.Itoa(i), ID: r.Document.ID, Mentions: len(r.Mentions)}
	ms := x.mentions[r.Document.ID]
	if i > 0 && x.keys[r.Document.ID] != d.Key {
		ms = disjoint(r.Mentions, len(text)) // a repeated ID
	}
	if len(text) > htmlMaxDocBytes {
		cut := htmlMaxDocBytes
		for _, m := range ms {
			if m.Start < cut && m.End > cut {
				cut = m.Start
			}
		}
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		d.Cut = len(text) - cut
		text = text[:cut]
	}
	d.Segments = segments(text, 0, ms, byID)
	return d
}

// evidence returns a piece of evidence with its sentence's mentions.
func (x *htmlDocIndex) evidence(ev Evidence, byID map[string]*htmlNode) htmlEvidence {
	out := htmlEvidence{Doc: ev.Doc, DocKey: x.keys[ev.Doc], Start: ev.Start, End: ev.End, Cue: ev.Cue}
	var in []entity.Mention
	for _, m := range x.mentions[ev.Doc] {
		if m.Start >= ev.Start && m.End <= ev.End {
			in = append(in, m)
		}
	}
	out.Segments = segments(ev.Text, ev.Start, in, byID)
	return out
}
