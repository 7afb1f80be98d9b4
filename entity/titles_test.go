package entity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/entity/data"
)

func TestTitlesMatch(t *testing.T) {
	ts, err := DefaultTitles()
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		Title string
		End   int
		OK    bool
	}
	tests := []struct {
		name, text string
		i          int
		want       result
	}{
		{"capitalised", "President Emmanuel Macron", 0, result{"President", 1, true}},
		{"lower case after a demonym", "the French president said", 2, result{"President", 3, true}},
		{"longest form", "Prime Minister Keir Starmer", 0, result{"Prime Minister", 2, true}},
		{"shorter form alone", "Minister Jane Roe", 0, result{"Minister", 1, true}},
		{"multiword", "Secretary of State Marco Rubio", 0, result{"Secretary of State", 3, true}},
		{"hyphenated word", "UN Secretary-General António Guterres", 1, result{"Secretary-General", 2, true}},
		{"form to canonical", "Foreign Secretary Yvette Cooper", 0, result{"Foreign Minister", 2, true}},
		{"acronym form", "PM Narendra Modi", 0, result{"Prime Minister", 1, true}},
		{"acronym in lower case is not a title", "at 3 pm on Monday", 2, result{"", 2, false}},
		{"all caps", "PRIME MINISTER", 0, result{"Prime Minister", 2, true}},
		{"leader", "Chinese leader Xi Jinping", 1, result{"Leader", 2, true}},
		{"not a title", "Emmanuel Macron", 0, result{"", 0, false}},
		{"out of range", "President", 5, result{"", 5, false}},
		{"negative", "President", -1, result{"", -1, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := gzWords(tt.text)
			var got result
			got.Title, got.End, got.OK = ts.Match(ws, tt.i)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Match(%q, %d) (-want +got):\n%s", ws, tt.i, d)
			}
		})
	}
	for title, head := range map[string]bool{"President": true, "Prime Minister": true, "Chancellor": true, "Leader": true,
		"Foreign Minister": false, "Vice President": false, "Secretary-General": false, "no such title": false} {
		if got := ts.Head(title); got != head {
			t.Errorf("Head(%q) = %v, want %v", title, got, head)
		}
	}
	if n := len(ts.Titles()); n < 60 {
		t.Errorf("%d default titles, want at least 60", n)
	}
	checkSorted(t, "titles.tsv", data.Titles)
}

func TestTitlesWith(t *testing.T) {
	base, err := DefaultTitles()
	if err != nil {
		t.Fatal(err)
	}
	ts, err := base.With(Title{Name: "Hetman", Forms: []string{"Grand Hetman"}, Head: true}, Title{Name: "Minister", Forms: []string{"Secretary"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text, want string
		ts         *Titles
	}{
		{"Grand Hetman Ivan", "Hetman", ts},
		{"Secretary Rubio", "Minister", ts},
		{"Secretary Rubio", "Secretary", base},
	} {
		if got, _, _ := tt.ts.Match(gzWords(tt.text), 0); got != tt.want {
			t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if !ts.Head("Hetman") || base.Head("Hetman") {
		t.Error("Head(Hetman) wrong, or the base lexicon changed")
	}
	if _, err := NewTitles([]Title{{Name: " "}}); err == nil {
		t.Error("NewTitles with an empty name: no error")
	}
}

func TestReadTitles(t *testing.T) {
	const in = "# titles\ntitle\tforms\thead\nKing\tMonarch\tyes\nMayor\nBad\t\tmaybe\n\tx\t\nToo\tmany\tyes\tfields\n"
	got, err := ReadTitles(strings.NewReader(in), "t.tsv")
	want := []Title{{Name: "King", Forms: []string{"Monarch"}, Head: true}, {Name: "Mayor"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ReadTitles (-want +got):\n%s", d)
	}
	wantErr := "t.tsv:5: head is \"maybe\", want yes, no or empty\nt.tsv:6: empty title\nt.tsv:7: 4 fields, the header has 3"
	if err == nil || err.Error() != wantErr {
		t.Errorf("ReadTitles error:\n%v\nwant:\n%s", err, wantErr)
	}
	if _, err := ReadTitles(strings.NewReader("name\n"), "t.tsv"); err == nil || !strings.HasPrefix(err.Error(), "t.tsv:1: unknown column") {
		t.Errorf("ReadTitles with a bad header: error %v", err)
	}
}

func BenchmarkTitlesMatch(b *testing.B) {
	ts, err := DefaultTitles()
	if err != nil {
		b.Fatal(err)
	}
	ws := gzWords("French President Emmanuel Macron met Chinese leader Xi Jinping and the Secretary of State in Beijing.")
	b.ReportAllocs()
	for b.Loop() {
		for i := range ws {
			ts.Match(ws, i)
		}
	}
	b.ReportMetric(float64(len(ws)*b.N)/b.Elapsed().Seconds(), "words/s")
}

func ExampleTitles_Match() {
	ts, err := DefaultTitles()
	if err != nil {
		panic(err)
	}
	words := []string{"the", "French", "prime", "minister", ",", "Sébastien", "Lecornu"}
	title, end, ok := ts.Match(words, 2)
	fmt.Println(title, end, ok, ts.Head(title))
	// Output:
	// Prime Minister 4 true true
}
