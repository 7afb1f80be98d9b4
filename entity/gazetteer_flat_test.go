package entity

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/jdkato/prose/v3/tokenize"
	"github.com/newsgraph/newsgraph/entity/data"
)

// TestFlatIndexAgreesWithTrie indexes every default name both in the flat
// index and in the pointer trie (phraseIndex, which titles use), and checks
// that both find the same longest phrase everywhere in the names themselves
// and in the bundled article, in both case modes, with the same phrases
// ending at the same places.
func TestFlatIndexAgreesWithTrie(t *testing.T) {
	entries, err := DefaultEntries()
	if err != nil {
		t.Fatal(err)
	}
	tk := tokenize.New()
	var trie phraseIndex
	flat := newFlatIndex(0)
	b := flatBuilder{x: &flat, tk: tk}
	termOf := map[*trieNode]int{}
	flatTerm := map[int]uint32{} // trie terminal → flat terminal
	var sents [][]string
	for _, e := range entries {
		for _, n := range slices.Concat([]string{e.Entity.Name}, e.Entity.Aliases, e.Names, e.Demonyms) {
			if n == "" {
				continue
			}
			alts, err := nameTokens(tk, n, false)
			if err != nil {
				t.Fatal(err)
			}
			nodes := trie.add(alts)
			terms, ok := b.add(n)
			if !ok || len(terms) != len(nodes) {
				t.Fatalf("%q: %d flat terminals, %d in the trie", n, len(terms), len(nodes))
			}
			for i, node := range nodes {
				if node.term < 0 {
					node.term = len(termOf)
					termOf[node] = node.term
					flatTerm[node.term] = terms[i]
				} else if flatTerm[node.term] != terms[i] {
					t.Fatalf("%q: terminal %d in the trie is %d and %d in the flat index", n, node.term, flatTerm[node.term], terms[i])
				}
			}
			sents = append(sents, splitName(tk, n))
		}
	}
	if text, err := os.ReadFile("../corpus/testdata/article.txt"); err == nil {
		sents = append(sents, gzWords(string(text)))
	}
	checked := 0
	for _, ws := range sents {
		for i := range ws {
			for _, anyCase := range []bool{false, true} {
				te, tt := trie.longestAt(ws, i, anyCase)
				fe, ft := flat.longestAt(ws, i, anyCase)
				want := noTerm
				if tt >= 0 {
					want = int(flatTerm[tt])
				}
				if fe != te || ft != want {
					t.Fatalf("%q at %d (anyCase %v): flat ends at %d in %d, trie at %d in %d", ws, i, anyCase, fe, ft, te, want)
				}
				if ft != noTerm {
					checked++
				}
			}
		}
	}
	if checked < len(sents) {
		t.Errorf("only %d phrases found in %d sentences", checked, len(sents))
	}
}

// TestDefaultTenuresLate checks that the default gazetteer, which reads the
// dated roles on first use, has those of a gazetteer built from
// DefaultEntries, which has them from the start.
func TestDefaultTenuresLate(t *testing.T) {
	entries, err := DefaultEntries()
	if err != nil {
		t.Fatal(err)
	}
	eager, err := NewGazetteer(entries)
	if err != nil {
		t.Fatal(err)
	}
	late := gzDefault(t)
	day := time.Date(2010, 6, 1, 0, 0, 0, 0, time.UTC)
	with := 0
	for _, e := range eager.Entities() {
		if d := cmp.Diff(eager.Tenures(e.ID), late.Tenures(e.ID)); d != "" {
			t.Fatalf("Tenures(%s) (-eager +late):\n%s", e.ID, d)
		}
		for _, at := range []time.Time{{}, day} {
			want, _ := eager.EntityAt(e.ID, at)
			got, ok := late.EntityAt(e.ID, at)
			if d := cmp.Diff(want, got); !ok || d != "" {
				t.Fatalf("EntityAt(%s, %v) (-eager +late):\n%s", e.ID, at, d)
			}
		}
		if len(eager.Tenures(e.ID)) > 0 {
			with++
		}
	}
	if with < 10_000 {
		t.Errorf("%d entities with dated roles, want the Phoenix office holders' (over 10,000)", with)
	}
}

// TestGazetteerEntitiesSorted checks that Entities is sorted by ID and that
// Entity finds each of them, whatever the order of the entries.
func TestGazetteerEntitiesSorted(t *testing.T) {
	g, err := NewGazetteer([]Entry{
		{Entity: Entity{ID: "b", Name: "Bee", Type: Person}},
		{Entity: Entity{ID: "c", Name: "Sea", Type: Location}},
		{Entity: Entity{ID: "a", Name: "Ay", Type: Organization}},
		{Entity: Entity{ID: "b", Aliases: []string{"Bea"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []Entity{
		{ID: "a", Name: "Ay", Type: Organization},
		{ID: "b", Name: "Bee", Type: Person, Aliases: []string{"Bea"}},
		{ID: "c", Name: "Sea", Type: Location},
	}
	if d := cmp.Diff(want, g.Entities()); d != "" {
		t.Errorf("Entities (-want +got):\n%s", d)
	}
	for _, e := range want {
		if got, ok := g.Entity(e.ID); !ok || !cmp.Equal(got, e) {
			t.Errorf("Entity(%s) = %+v, %v", e.ID, got, ok)
		}
	}
	for _, id := range []string{"", "0", "ab", "d"} {
		if _, ok := g.Entity(id); ok {
			t.Errorf("Entity(%q) found", id)
		}
	}
}

// BenchmarkMillionNamesMatch matches the bundled article with the default
// gazetteer and with it extended by a million synthetic names, built once
// before the timing: the words/s of the two should be close (the index
// grows, its lookups stay hash lookups).
func BenchmarkMillionNamesMatch(b *testing.B) {
	def := gzDefault(b)
	big, err := def.With(syntheticEntries(1_000_000)...)
	if err != nil {
		b.Fatal(err)
	}
	sents := benchWords(b)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	for _, c := range []struct {
		name string
		g    *Gazetteer
	}{{"default", def}, {"million", big}, {"default-again", def}} {
		runtime.GC()
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range sents {
					c.g.Match(s)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

// TestReadEmbeddedTenures checks that the in-place reader of the embedded
// roles gives what ReadTenures gives, entries or errors, on the embedded
// file and on odd and bad inputs.
func TestReadEmbeddedTenures(t *testing.T) {
	for _, in := range []string{
		data.Roles,
		"# dated roles\nid\troles\nperson/a\tDEU:1998-10-27:2005-11-22:Chancellor|DEU:1990-06-21:1998-10-27:\n",
		"id\troles\r\nperson/a\t IGO:2001-01-01:: Secretary | | USA:::\r\n\nperson/b\n",
		"\ufeffid\troles\nperson/a\tFRA:::\n",
		"roles\tid\nFRA:::\tperson/a\n",
		"id\troles\nperson/a\tFRA:::\textra\n",
		"id\troles\nperson/a\tFRA:2001-13-01::\n",
		"id\troles\nperson/a\tFRA:2005-01-01:2001-01-01:\n",
		"id\troles\nperson/a\tFRA:1:2:3:4\n",
		"id\troles\nperson/a\tFRA\n",
		"id\troles\nperson/a\t:::\n",
		"id\troles\nperson a\tFRA:::\n",
		"id\tname\nperson/a\tA\n",
		"# no header\n",
		"",
	} {
		want, werr := ReadTenures(strings.NewReader(in), "roles.tsv")
		got, err := readEmbeddedTenures(in, "roles.tsv")
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%.60q: entries (-ReadTenures +in place):\n%s", in, d)
		}
		if fmt.Sprint(werr) != fmt.Sprint(err) {
			t.Errorf("%.60q: error %v, want %v", in, err, werr)
		}
	}
}

// TestKeptEntries checks that a layer kept for With gives back the entries
// it was given, whatever their fields.
func TestKeptEntries(t *testing.T) {
	day := time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC)
	in := []Entry{
		{Entity: Entity{ID: "country/fra", Type: Country, Name: "France", Code: "FRA", Aliases: []string{"French Republic", "=FR"}},
			Names: []string{"Frankreich"}, Demonyms: []string{"French", "Français"}, Alpha2: "FR"},
		{},
		{Entity: Entity{ID: "person/x", Name: "Ẋ Ÿ", Country: "country/fra", Title: "President"}, Source: "wiki",
			Tenures: []Tenure{{Code: "FRA", Country: "country/fra", Start: day}}, Names: []string{""}},
		{Entity: Entity{ID: "org/y"}, Demonyms: []string{"Y-ish"}, Tenures: []Tenure{}},
	}
	for _, es := range [][]Entry{in, nil, in[1:2]} {
		got := keep(es).get()
		if d := cmp.Diff(es, got, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("keep(%d entries).get() (-want +got):\n%s", len(es), d)
		}
	}
}

// TestWithKeepsItsOwnEntries checks that a gazetteer's later With uses the
// entries as they were given, not as the caller changed them after.
func TestWithKeepsItsOwnEntries(t *testing.T) {
	es := []Entry{{Entity: Entity{ID: "org/acme", Name: "Acme Widgets", Type: Organization}, Names: []string{"Acme"}}}
	g, err := NewGazetteer(es)
	if err != nil {
		t.Fatal(err)
	}
	g2, err := g.With(Entry{Entity: Entity{ID: "org/zeta", Name: "Zeta Corp", Type: Organization}})
	if err != nil {
		t.Fatal(err)
	}
	es[0].Entity.Name, es[0].Names[0] = "Changed Name", "Changed"
	g3, err := g2.With(Entry{Entity: Entity{ID: "org/acme", Aliases: []string{"ACW"}}})
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Acme", "Widgets", "and", "Zeta", "Corp", "and", "ACW", "and", "Changed"}
	want := []gzSpan{
		{"Acme Widgets", "org/acme", Name, "gazetteer"},
		{"Zeta Corp", "org/zeta", Name, "user"},
		{"ACW", "org/acme", Name, "user"},
	}
	if d := cmp.Diff(want, gzSpans(words, g3.Match(words))); d != "" {
		t.Errorf("Match (-want +got):\n%s", d)
	}
	if e, _ := g3.Entity("org/acme"); e.Name != "Acme Widgets" || !slices.Equal(e.Aliases, []string{"ACW", "Acme"}) {
		t.Errorf("org/acme is %+v", e)
	}
}

// TestDefaultTenuresConcurrent asks a new default gazetteer for dated roles
// from several goroutines at once, as the first calls that read them (run
// it with -race).
func TestDefaultTenuresConcurrent(t *testing.T) {
	g, err := newDefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	want := gzDefault(t)
	ids := []string{"person/a-f-hassan-ariff", "person/kasit-phirom", "person/absalom-themba-dlamini", "country/fra"}
	day := time.Date(2004, 1, 1, 0, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			id := ids[w%len(ids)]
			got, ok := g.EntityAt(id, day)
			exp, _ := want.EntityAt(id, day)
			if !ok || !cmp.Equal(got, exp) {
				t.Errorf("EntityAt(%s) = %+v, want %+v", id, got, exp)
			}
			if d := cmp.Diff(want.Tenures(id), g.Tenures(id)); d != "" {
				t.Errorf("Tenures(%s) (-want +got):\n%s", id, d)
			}
		})
	}
	wg.Wait()
	if len(g.Tenures(ids[0])) == 0 {
		t.Errorf("%s has no dated roles", ids[0])
	}
}

// TestFlatBuilderSplitsAsProse checks that the index builder, which splits
// a name at white space and each piece on its own (remembering how it split
// each piece), gives the words prose's tokenizer gives for the whole name,
// for every default name and for hostile ones.
func TestFlatBuilderSplitsAsProse(t *testing.T) {
	entries, err := DefaultEntries()
	if err != nil {
		t.Fatal(err)
	}
	names := []string{
		"U.S. Department of State", "al-Sadr", "Côte d’Ivoire", "don't", "O'Neill's",
		"AT&T Inc.", "(Hamas)", "\"Quoted\" Name", "Name,Inc", "e-mail me@example.com",
		"http://example.com/x Corp", ":-) Smile", "tab\tseparated\u00a0nbsp", "  spaced   out  ",
		"emoji 🙂 name", "CJK 中国 名", "Jr.", "St. Kitts-Nevis", "1990s Group", "G-7",
		"U.S.", "U.S.", "a\u200bb", "\u2028line sep", "x...", "50%", "$5", "#tag @user",
	}
	for _, e := range entries {
		names = append(names, slices.Concat([]string{e.Entity.Name}, e.Entity.Aliases, e.Names, e.Demonyms)...)
	}
	tk := tokenize.New()
	flat := newFlatIndex(0)
	b := flatBuilder{x: &flat, tk: tokenize.New()}
	for _, n := range names {
		n = strings.TrimPrefix(n, "=")
		want := splitName(tk, n)
		b.add(n)
		if len(want) == 0 {
			want = nil
		}
		got := slices.Clone(b.words)
		if len(got) == 0 {
			got = nil
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%q (-prose +builder):\n%s", n, d)
		}
	}
}

// BenchmarkDefaultGazetteerBuild builds the default gazetteer as
// DefaultGazetteer does on first use (without the dated roles, read later,
// and without keeping the entries): most of a cold start of the recognizer.
func BenchmarkDefaultGazetteerBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newDefaultGazetteer(); err != nil {
			b.Fatal(err)
		}
	}
}
