package relation

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/entity"
)

// The fixture: a short document with a paragraph repeated verbatim, as in the
// seed article, and the relations an extractor would find in it.
const sampleText = "Macron met Xi in Beijing. " + // 0..25
	"Xi did not meet von der Leyen. " + // 26..56
	"Macron urged Xi to rein in Russia. " + // 57..91
	"Macron met Xi in Beijing." // 92..117: the first sentence again

var (
	macron = entity.Entity{ID: "person/emmanuel-macron", Name: "Emmanuel Macron", Type: entity.Person,
		Aliases: []string{"Macron"}, Code: "FRA", Country: "country/fra", Title: "President"}
	xi = entity.Entity{ID: "person/xi-jinping", Name: "Xi Jinping", Type: entity.Person,
		Aliases: []string{"Xi"}, Code: "CHN", Country: "country/chn"}
	vdl = entity.Entity{ID: "person/ursula-von-der-leyen", Name: "Ursula von der Leyen",
		Type: entity.Person, Aliases: []string{"von der Leyen"}, Code: "IGO"}
	russia = entity.Entity{ID: "country/rus", Name: "Russia", Type: entity.Country, Code: "RUS"}
	china  = entity.Entity{ID: "country/chn", Name: "China", Type: entity.Country, Code: "CHN",
		Aliases: []string{"Beijing"}}
)

func span(doc string, start, end int, cue string) Evidence {
	return Evidence{Doc: doc, Start: start, End: end, Text: sampleText[start:end], Cue: cue}
}

// sampleRelations are the relations of sampleText; the two MEETs of the
// repeated sentence run in both directions to exercise symmetry.
func sampleRelations() []Relation {
	return []Relation{
		{Source: macron.ID, Target: xi.ID, Type: "MEET", Confidence: 0.9, Evidence: span("article", 0, 25, "met")},
		{Source: xi.ID, Target: vdl.ID, Type: "MEET", Negated: true, Confidence: 0.8,
			Evidence: span("article", 26, 56, "did not meet")},
		{Source: macron.ID, Target: xi.ID, Type: "URGE", Confidence: 0.7, Evidence: span("article", 57, 91, "urged")},
		{Source: xi.ID, Target: russia.ID, Type: "SANCTION", Modality: Requested, Confidence: 0.6,
			Evidence: span("article", 57, 91, "rein in")},
		{Source: xi.ID, Target: macron.ID, Type: "MEET", Confidence: 0.5, Evidence: span("article", 92, 117, "met")},
	}
}

type mentioned struct {
	e        entity.Entity
	mentions int
}

func sampleEntities() []mentioned {
	return []mentioned{{macron, 3}, {xi, 4}, {vdl, 1}, {russia, 1}, {china, 2}}
}

// build returns the graph of the given entities and relations, failing the
// test on any error.
func build(t testing.TB, ents []mentioned, rels []Relation) *Graph {
	t.Helper()
	g := NewGraph()
	for _, m := range ents {
		if err := g.AddEntity(m.e, m.mentions); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range rels {
		if err := g.AddRelation(r); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func sampleGraph(t testing.TB) *Graph {
	return build(t, sampleEntities(), sampleRelations())
}

func TestSampleGraph(t *testing.T) {
	g := sampleGraph(t)
	wantNodes := []Node{
		{Entity: china, Mentions: 2},
		{Entity: russia, Mentions: 1},
		{Entity: macron, Mentions: 3},
		{Entity: vdl, Mentions: 1},
		{Entity: xi, Mentions: 4},
	}
	if d := cmp.Diff(wantNodes, g.Entities()); d != "" {
		t.Errorf("Entities() (-want +got):\n%s", d)
	}
	wantEdges := []Edge{
		{Source: macron.ID, Target: xi.ID, Type: "MEET", Count: 2, Confidence: 0.9, Evidence: []Evidence{
			span("article", 0, 25, "met"), span("article", 92, 117, "met")}},
		{Source: macron.ID, Target: xi.ID, Type: "URGE", Count: 1, Confidence: 0.7, Evidence: []Evidence{
			span("article", 57, 91, "urged")}},
		{Source: vdl.ID, Target: xi.ID, Type: "MEET", Negated: true, Count: 1, Confidence: 0.8,
			Evidence: []Evidence{span("article", 26, 56, "did not meet")}},
		{Source: xi.ID, Target: russia.ID, Type: "SANCTION", Modality: Requested, Count: 1, Confidence: 0.6,
			Evidence: []Evidence{span("article", 57, 91, "rein in")}},
	}
	if d := cmp.Diff(wantEdges, g.Edges()); d != "" {
		t.Errorf("Edges() (-want +got):\n%s", d)
	}
}

func TestAddEntity(t *testing.T) {
	tests := []struct {
		name string
		add  []mentioned
		want Node
	}{{
		name: "mentions sum and aliases merge, sorted, without the name",
		add: []mentioned{
			{entity.Entity{ID: "person/x", Name: "Ann Lee", Aliases: []string{"Lee", "Ann Lee"}}, 2},
			{entity.Entity{ID: "person/x", Name: "Ann Lee", Aliases: []string{"Ms Lee", "Lee"}}, 3},
		},
		want: Node{Entity: entity.Entity{ID: "person/x", Name: "Ann Lee", Aliases: []string{"Lee", "Ms Lee"}}, Mentions: 5},
	}, {
		name: "known code, country and title are kept when the other side lacks them",
		add: []mentioned{
			{entity.Entity{ID: "person/x", Name: "Ann Lee", Type: entity.Person, Code: "KOR", Title: "President"}, 1},
			{entity.Entity{ID: "person/x", Country: "country/kor"}, 1},
			{entity.Entity{ID: "person/x", Name: "Ann Lee"}, 0},
		},
		want: Node{Entity: entity.Entity{ID: "person/x", Name: "Ann Lee", Type: entity.Person,
			Code: "KOR", Country: "country/kor", Title: "President"}, Mentions: 2},
	}, {
		name: "a conflicting name becomes an alias whatever the order",
		add: []mentioned{
			{entity.Entity{ID: "country/gbr", Name: "United Kingdom"}, 1},
			{entity.Entity{ID: "country/gbr", Name: "Britain"}, 1},
		},
		want: Node{Entity: entity.Entity{ID: "country/gbr", Name: "Britain", Aliases: []string{"United Kingdom"}}, Mentions: 2},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, reverse := range []bool{false, true} {
				g := NewGraph()
				for i := range tt.add {
					m := tt.add[i]
					if reverse {
						m = tt.add[len(tt.add)-1-i]
					}
					if err := g.AddEntity(m.e, m.mentions); err != nil {
						t.Fatal(err)
					}
				}
				if d := cmp.Diff([]Node{tt.want}, g.Entities()); d != "" {
					t.Errorf("reverse=%v: Entities() (-want +got):\n%s", reverse, d)
				}
			}
		})
	}
}

func TestAddEntityErrors(t *testing.T) {
	tests := []struct {
		name     string
		e        entity.Entity
		mentions int
	}{
		{"no ID", entity.Entity{Name: "Nobody"}, 1},
		{"negative mentions", entity.Entity{ID: "person/x"}, -1},
		{"invalid UTF-8 alias", entity.Entity{ID: "person/x", Aliases: []string{"\xff"}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewGraph()
			if err := g.AddEntity(tt.e, tt.mentions); err == nil {
				t.Errorf("AddEntity(%+v, %d) = nil error, want one", tt.e, tt.mentions)
			}
			if n := len(g.Entities()); n != 0 {
				t.Errorf("after a failed AddEntity the graph has %d nodes, want 0", n)
			}
		})
	}
}

func TestAddRelationErrors(t *testing.T) {
	ok := Relation{Source: macron.ID, Target: xi.ID, Type: "MEET", Evidence: span("article", 0, 25, "met")}
	tests := []struct {
		name   string
		change func(*Relation)
	}{
		{"self-loop", func(r *Relation) { r.Target = r.Source }},
		{"unknown source", func(r *Relation) { r.Source = "person/nobody" }},
		{"unknown target", func(r *Relation) { r.Target = "person/nobody" }},
		{"empty source", func(r *Relation) { r.Source = "" }},
		{"empty type", func(r *Relation) { r.Type = "" }},
		{"confidence above 1", func(r *Relation) { r.Confidence = 1.5 }},
		{"NaN confidence", func(r *Relation) { r.Confidence = math.NaN() }},
		{"negative start", func(r *Relation) { r.Evidence.Start = -1 }},
		{"end before start", func(r *Relation) { r.Evidence.Start, r.Evidence.End = 25, 0 }},
		{"text of another length than the span", func(r *Relation) { r.Evidence.End = 20 }},
		{"invalid UTF-8 cue", func(r *Relation) { r.Evidence.Cue = "m\xffet" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := build(t, sampleEntities(), nil)
			r := ok
			tt.change(&r)
			if err := g.AddRelation(r); err == nil {
				t.Errorf("AddRelation(%+v) = nil error, want one", r)
			}
			if n := len(g.Edges()); n != 0 {
				t.Errorf("after a failed AddRelation the graph has %d edges, want 0", n)
			}
		})
	}
	if err := build(t, sampleEntities(), nil).AddRelation(ok); err != nil {
		t.Errorf("AddRelation(%+v) = %v, want nil (the base case must be valid)", ok, err)
	}
}

func TestAddRelationKeys(t *testing.T) {
	meet := func(src, tgt string, ev Evidence) Relation {
		return Relation{Source: src, Target: tgt, Type: "MEET", Evidence: ev}
	}
	first := span("article", 0, 25, "met")
	repeat := span("article", 92, 117, "met")
	tests := []struct {
		name string
		rels []Relation
		want []Edge
	}{{
		name: "symmetric type: A-B and B-A are one edge in sorted order",
		rels: []Relation{meet(xi.ID, macron.ID, first), meet(macron.ID, xi.ID, repeat)},
		want: []Edge{{Source: macron.ID, Target: xi.ID, Type: "MEET", Count: 2, Evidence: []Evidence{first, repeat}}},
	}, {
		name: "the same evidence twice is stored once",
		rels: []Relation{meet(macron.ID, xi.ID, first), meet(macron.ID, xi.ID, first), meet(xi.ID, macron.ID, first)},
		want: []Edge{{Source: macron.ID, Target: xi.ID, Type: "MEET", Count: 1, Evidence: []Evidence{first}}},
	}, {
		name: "the same evidence with another cue is another piece",
		rels: []Relation{meet(macron.ID, xi.ID, first), meet(macron.ID, xi.ID, span("article", 0, 25, "in Beijing"))},
		want: []Edge{{Source: macron.ID, Target: xi.ID, Type: "MEET", Count: 2,
			Evidence: []Evidence{span("article", 0, 25, "in Beijing"), first}}},
	}, {
		name: "the same span in another document is another piece",
		rels: []Relation{meet(macron.ID, xi.ID, span("b", 0, 25, "met")), meet(macron.ID, xi.ID, first)},
		want: []Edge{{Source: macron.ID, Target: xi.ID, Type: "MEET", Count: 2,
			Evidence: []Evidence{first, span("b", 0, 25, "met")}}},
	}, {
		name: "no evidence counts 1",
		rels: []Relation{meet(macron.ID, xi.ID, Evidence{}), meet(xi.ID, macron.ID, Evidence{})},
		want: []Edge{{Source: macron.ID, Target: xi.ID, Type: "MEET", Count: 1}},
	}, {
		name: "the same evidence with another text keeps the smaller known text, whatever the order",
		rels: []Relation{
			meet(macron.ID, xi.ID, Evidence{Doc: "article", Start: 0, End: 3, Cue: "met"}),
			meet(macron.ID, xi.ID, Evidence{Doc: "article", Start: 0, End: 3, Text: "zzz", Cue: "met"}),
			meet(macron.ID, xi.ID, Evidence{Doc: "article", Start: 0, End: 3, Text: "aaa", Cue: "met"}),
			meet(macron.ID, xi.ID, Evidence{Doc: "article", Start: 0, End: 3, Cue: "met"}),
		},
		want: []Edge{{Source: macron.ID, Target: xi.ID, Type: "MEET", Count: 1,
			Evidence: []Evidence{{Doc: "article", Start: 0, End: 3, Text: "aaa", Cue: "met"}}}},
	}, {
		name: "asymmetric type keeps its direction",
		rels: []Relation{
			{Source: xi.ID, Target: macron.ID, Type: "URGE", Evidence: first},
			{Source: macron.ID, Target: xi.ID, Type: "URGE", Evidence: first},
		},
		want: []Edge{
			{Source: macron.ID, Target: xi.ID, Type: "URGE", Count: 1, Evidence: []Evidence{first}},
			{Source: xi.ID, Target: macron.ID, Type: "URGE", Count: 1, Evidence: []Evidence{first}},
		},
	}, {
		name: "negation and modality are part of the key",
		rels: []Relation{
			{Source: macron.ID, Target: xi.ID, Type: "ACCUSE", Evidence: first},
			{Source: macron.ID, Target: xi.ID, Type: "ACCUSE", Negated: true, Evidence: first},
			{Source: macron.ID, Target: xi.ID, Type: "ACCUSE", Modality: Alleged, Evidence: first},
		},
		want: []Edge{
			{Source: macron.ID, Target: xi.ID, Type: "ACCUSE", Count: 1, Evidence: []Evidence{first}},
			{Source: macron.ID, Target: xi.ID, Type: "ACCUSE", Modality: Alleged, Count: 1, Evidence: []Evidence{first}},
			{Source: macron.ID, Target: xi.ID, Type: "ACCUSE", Negated: true, Count: 1, Evidence: []Evidence{first}},
		},
	}, {
		name: "the highest confidence wins",
		rels: []Relation{
			{Source: macron.ID, Target: xi.ID, Type: "MEET", Confidence: 0.4, Evidence: first},
			{Source: xi.ID, Target: macron.ID, Type: "MEET", Confidence: 0.9, Evidence: first},
			{Source: macron.ID, Target: xi.ID, Type: "MEET", Confidence: 0.6, Evidence: first},
		},
		want: []Edge{{Source: macron.ID, Target: xi.ID, Type: "MEET", Count: 1, Confidence: 0.9, Evidence: []Evidence{first}}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := build(t, sampleEntities(), tt.rels)
			if d := cmp.Diff(tt.want, g.Edges()); d != "" {
				t.Errorf("Edges() (-want +got):\n%s", d)
			}
			rev := slices.Clone(tt.rels)
			slices.Reverse(rev)
			if d := cmp.Diff(tt.want, build(t, sampleEntities(), rev).Edges()); d != "" {
				t.Errorf("relations added in reverse: Edges() (-want +got):\n%s", d)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	rels := sampleRelations()
	ents := sampleEntities()
	// Two documents: the second repeats the first's last relation with
	// other evidence, and mentions some of the same entities.
	doc2 := []Relation{
		{Source: macron.ID, Target: xi.ID, Type: "MEET", Confidence: 0.3,
			Evidence: Evidence{Doc: "other", Start: 5, End: 10, Text: "abcde", Cue: "talks"}},
		rels[4],
	}
	ents2 := []mentioned{{entity.Entity{ID: xi.ID, Name: "Xi Jinping", Aliases: []string{"President Xi"}}, 2}, {macron, 1}}

	g1 := build(t, ents, rels[:3])
	g2 := build(t, ents2, doc2)
	g3 := build(t, []mentioned{{xi, 0}, {russia, 0}}, rels[3:4])
	want := build(t, append(append(append([]mentioned{}, ents...), ents2...), mentioned{xi, 0}, mentioned{russia, 0}),
		append(append(append([]Relation{}, rels[:3]...), doc2...), rels[3]))

	orders := map[string][]*Graph{
		"1,2,3": {g1, g2, g3},
		"3,2,1": {g3, g2, g1},
		"2,1,3": {g2, g1, g3},
	}
	for name, gs := range orders {
		t.Run(name, func(t *testing.T) {
			got := NewGraph()
			for _, g := range gs {
				got.Merge(g)
			}
			got.Merge(nil)
			if d := cmp.Diff(want.Entities(), got.Entities()); d != "" {
				t.Errorf("Entities() (-want +got):\n%s", d)
			}
			if d := cmp.Diff(want.Edges(), got.Edges()); d != "" {
				t.Errorf("Edges() (-want +got):\n%s", d)
			}
		})
	}

	// Merging graphs leaves them unchanged.
	if d := cmp.Diff(build(t, ents2, doc2).Edges(), g2.Edges()); d != "" {
		t.Errorf("Merge changed its argument (-want +got):\n%s", d)
	}
}

func TestMergeSelf(t *testing.T) {
	g := sampleGraph(t)
	before := g.Edges()
	g.Merge(g)
	if d := cmp.Diff(before, g.Edges()); d != "" {
		t.Errorf("g.Merge(g) changed the edges (-want +got):\n%s", d)
	}
	for _, n := range g.Entities() {
		want, _ := sampleGraph(t).Entity(n.ID)
		if n.Mentions != 2*want.Mentions {
			t.Errorf("after g.Merge(g) %s has %d mentions, want %d", n.ID, n.Mentions, 2*want.Mentions)
		}
	}
}

func TestEntity(t *testing.T) {
	g := sampleGraph(t)
	got, ok := g.Entity(xi.ID)
	if d := cmp.Diff(Node{Entity: xi, Mentions: 4}, got); !ok || d != "" {
		t.Errorf("Entity(%q) = _, %v (-want +got):\n%s", xi.ID, ok, d)
	}
	if _, ok := g.Entity("person/nobody"); ok {
		t.Errorf("Entity(%q) found a node", "person/nobody")
	}
	// The returned aliases are a copy.
	got.Aliases[0] = "changed"
	if again, _ := g.Entity(xi.ID); again.Aliases[0] != "Xi" {
		t.Errorf("changing a returned alias changed the graph: %q", again.Aliases)
	}
}

// TestDeterministic builds the same graph by adding in many orders and
// checks that every encoder writes the same bytes.
func TestDeterministic(t *testing.T) {
	encoders := map[string]func(*Graph, *bytes.Buffer) error{
		"json":    func(g *Graph, b *bytes.Buffer) error { return g.WriteJSON(b) },
		"dot":     func(g *Graph, b *bytes.Buffer) error { return g.WriteDOT(b) },
		"mermaid": func(g *Graph, b *bytes.Buffer) error { return g.WriteMermaid(b) },
	}
	ref := sampleGraph(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for name, enc := range encoders {
		var want bytes.Buffer
		if err := enc(ref, &want); err != nil {
			t.Fatal(err)
		}
		for i := range 20 {
			ents, rels := sampleEntities(), sampleRelations()
			rng.Shuffle(len(ents), func(i, j int) { ents[i], ents[j] = ents[j], ents[i] })
			rng.Shuffle(len(rels), func(i, j int) { rels[i], rels[j] = rels[j], rels[i] })
			var got bytes.Buffer
			if err := enc(build(t, ents, rels), &got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(want.Bytes(), got.Bytes()) {
				t.Fatalf("%s: order %d gives other bytes:\n%s\nwant:\n%s", name, i, got.Bytes(), want.Bytes())
			}
		}
		if strings.TrimSpace(want.String()) == "" {
			t.Errorf("%s: empty output", name)
		}
	}
}

// TestConcurrentReads reads one graph and one frozen view from several
// goroutines; run with -race.
func TestConcurrentReads(t *testing.T) {
	g := sampleGraph(t)
	m := g.Multigraph()
	var want bytes.Buffer
	if err := g.WriteJSON(&want); err != nil {
		t.Fatal(err)
	}
	wantLines := m.Lines(2, 4).Len()
	errs := make(chan string, 8)
	for range 8 {
		go func() {
			var b bytes.Buffer
			switch {
			case g.WriteJSON(&b) != nil || !bytes.Equal(b.Bytes(), want.Bytes()):
				errs <- "WriteJSON gave other bytes"
			case m.Lines(2, 4).Len() != wantLines || m.Vertex(xi.ID).ID() != 4:
				errs <- "the frozen view changed"
			default:
				errs <- ""
			}
		}()
	}
	for range 8 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}
