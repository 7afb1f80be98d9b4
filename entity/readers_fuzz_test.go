package entity_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/entity"
)

// The gazetteer, actor and title readers must never panic, and the entries
// they return, with or without an error for bad lines, must build a
// gazetteer that matches text without panicking.

var fuzzWords = []string{"President", "Jane", "Doe", "of", "the", "United", "States", "met", "EU", "officials", "in", "Paris", "."}

func fuzzGazetteer(t *testing.T, entries []entity.Entry) {
	t.Helper()
	for _, e := range entries {
		x := e.Entity
		for _, s := range append([]string{x.ID, x.Name, x.Code, x.Country, x.Title, e.Alpha2}, append(e.Names, e.Demonyms...)...) {
			if !utf8.ValidString(s) {
				t.Fatalf("entry %+v has invalid UTF-8 %q", e, s)
			}
		}
	}
	g, err := entity.NewGazetteer(entries)
	if err != nil {
		return
	}
	for _, m := range g.Match(fuzzWords) {
		if m.Start < 0 || m.End <= m.Start || m.End > len(fuzzWords) {
			t.Fatalf("match %+v out of range", m)
		}
	}
}

func FuzzReadGazetteer(f *testing.F) {
	f.Add("id\ttype\tname\taliases\tcode\tcountry\ttitle\nperson/jane-doe\tPERSON\tJane Doe\tDoe\tNZL\tcountry/nzl\tForeign Minister\n")
	f.Add("id\ttype\tname\naaa\tCOUNTRY\tUnited States\n# c\n\n\tx\n")
	f.Add("type\tid\n")
	f.Add("id\ttype\tname\tcountry\nperson/a\tPERSON\tA \xff\tcountry/fra\nperson/b\tPERSON\tB\tcountry/zzz\nperson/c\tPERSON\tC\tcountry/x\ncountry/x\tCOUNTRY\tX\n")
	f.Fuzz(func(t *testing.T, data string) {
		entries, _ := entity.ReadGazetteer(strings.NewReader(data), "f.tsv")
		fuzzGazetteer(t, entries)
	})
}

func FuzzReadGazetteerJSON(f *testing.F) {
	f.Add(`[{"id":"person/jane-doe","type":"PERSON","name":"Jane Doe","names":["Doe"],"code":"NZL"}]`)
	f.Add(`{"id":"x"}`)
	f.Add(`[{"id":"","type":"ORGANIZATION","name":"EU"}, 3]`)
	f.Add("{\"id\":\"p/a\",\"type\":\"PERSON\",\"name\":\"A\xff\",\"country\":\"country/zzz\"}\n{\"id\":\"p/b\",\"country\":\"country/fra\"}")
	f.Fuzz(func(t *testing.T, data string) {
		entries, _ := entity.ReadGazetteerJSON(strings.NewReader(data), "f.json")
		fuzzGazetteer(t, entries)
	})
}

func FuzzReadPetrarchActors(f *testing.F) {
	f.Add("ALGERIA_  [DZA]\n+ALGERIAN_\n\nABDELAZIZ_BOUTEFLIKA_  # x\n\t[DZAELI 550101-000101]\n\t[DZAGOV >990427]\n+BOUTEFLIKA_\n")
	f.Add("JANE_DOE_\n\t[NZLGOV 200101-\n+DOE_\n[\n")
	f.Add("_\n+_\n\t[]\n")
	f.Add("\t[FRAGOV 170514-]\nJOHN_\n\t[---]\nBAD_\n\t[1X]\nO\xc3_\n\t[DEUGOV 211208-]\n")
	f.Fuzz(func(t *testing.T, data string) {
		entries, _ := entity.ReadPetrarchActors(strings.NewReader(data), "f.actors")
		fuzzGazetteer(t, entries)
	})
}

func FuzzReadTitles(f *testing.F) {
	f.Add("title\tforms\thead\nPrime Minister\tPM|premier\tyes\nEnvoy\t\tno\n")
	f.Add("title\nX\n\n#\n")
	f.Fuzz(func(t *testing.T, data string) {
		titles, _ := entity.ReadTitles(strings.NewReader(data), "f.tsv")
		for _, ti := range titles {
			if ti.Name == "" {
				t.Fatalf("title with no name: %+v", ti)
			}
		}
		tt, err := entity.NewTitles(titles)
		if err != nil {
			return
		}
		for i := range fuzzWords {
			if _, end, ok := tt.Match(fuzzWords, i); ok && (end <= i || end > len(fuzzWords)) {
				t.Fatalf("title match at %d ends at %d", i, end)
			}
		}
	})
}
