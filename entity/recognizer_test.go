package entity_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
)

var analyzer = sync.OnceValues(func() (*corpus.Analyzer, error) { return corpus.New() })

func analyse(t testing.TB, text string) *corpus.Document {
	t.Helper()
	a, err := analyzer()
	if err != nil {
		t.Fatal(err)
	}
	d := &corpus.Document{ID: "t", Text: text}
	if err := a.Analyze(context.Background(), d); err != nil {
		t.Fatalf("Analyze(%q): %v", text, err)
	}
	return d
}

// got is the part of a mention these tests pin.
type got struct {
	Text   string
	Type   entity.Type
	Form   entity.Form
	Entity string
}

func recognize(t *testing.T, r *entity.Recognizer, text string) ([]got, *entity.Result) {
	t.Helper()
	d := analyse(t, text)
	res, err := r.Recognize(context.Background(), d)
	if err != nil {
		t.Fatalf("Recognize(%q): %v", text, err)
	}
	var out []got
	for _, m := range res.Mentions {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q: text[%d:%d] = %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
		if m.Entity == "" {
			t.Errorf("mention %q has no entity", m.Text)
		}
		out = append(out, got{m.Text, m.Type, m.Form, m.Entity})
	}
	return out, res
}

func TestRecognize(t *testing.T) {
	r, err := entity.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		want []got
	}{{
		name: "title, demonym and a known leader",
		text: "French President Emmanuel Macron met Chinese leader Xi Jinping in Beijing.",
		want: []got{
			{"French", entity.Country, entity.Demonym, "country/fra"},
			{"Emmanuel Macron", entity.Person, entity.Name, "person/emmanuel-macron"},
			{"Chinese", entity.Country, entity.Demonym, "country/chn"},
			{"Xi Jinping", entity.Person, entity.Name, "person/xi-jinping"},
			{"Beijing", entity.Location, entity.Name, "location/beijing"},
		},
	}, {
		name: "acronyms match only in their own case",
		text: "The EU and the US disagree. Let us meet, said the eu envoy.",
		want: []got{
			{"EU", entity.Organization, entity.Name, "org/european-union"},
			{"US", entity.Country, entity.Name, "country/usa"},
		},
	}, {
		name: "a lower-case common noun is not a country",
		text: "She collected fine china and roast turkey.",
		want: nil,
	}, {
		name: "a name inside a hyphenated word",
		text: "The US-led coalition met.",
		want: []got{{"US", entity.Country, entity.Demonym, "country/usa"}},
	}, {
		name: "an unknown name after a title is a person, and the surname is the same person",
		text: "Foreign Minister Rinaldo Vasquez-Ortega arrived on Monday. Vasquez-Ortega said little.",
		want: []got{
			{"Rinaldo Vasquez-Ortega", entity.Person, entity.Name, "person/rinaldo-vasquez-ortega"},
			{"Vasquez-Ortega", entity.Person, entity.Name, "person/rinaldo-vasquez-ortega"},
		},
	}, {
		name: "a description no person of the text matches keeps its demonym",
		text: "The French president was clear.",
		want: []got{{"French", entity.Country, entity.Demonym, "country/fra"}},
	}, {
		name: "a description resolves to the person holding that office",
		text: "French President Emmanuel Macron spoke. The French president was clear.",
		want: []got{
			{"French", entity.Country, entity.Demonym, "country/fra"},
			{"Emmanuel Macron", entity.Person, entity.Name, "person/emmanuel-macron"},
			{"The French president", entity.Person, entity.Description, "person/emmanuel-macron"},
		},
	}}
	for _, tt := range tests {
		checkRecognize(t, r, tt.name, tt.text, tt.want)
	}
}

func TestRoles(t *testing.T) {
	r, err := entity.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	text := "Ukrainian President Volodymyr Zelenskyy met Foreign Minister Rinaldo Vasquez. " +
		"Qatar's Emir Sheikh Tamim bin Hamad Al Thani arrived."
	_, res := recognize(t, r, text)
	var roles []entity.Role
	for _, ro := range res.Roles {
		ro.Start, ro.End = 0, 0
		roles = append(roles, ro)
	}
	want := []entity.Role{
		{Person: "person/volodymyr-zelenskyy", Title: "President", Country: "country/ukr", Head: true},
		{Person: "person/rinaldo-vasquez", Title: "Foreign Minister"},
		// An honorific between the office and the name.
		{Person: "person/tamim-bin-hamad-al-thani", Title: "Emir", Country: "country/qat", Head: true},
	}
	if d := cmp.Diff(want, roles); d != "" {
		t.Errorf("roles (-want +got):\n%s", d)
	}
}

func TestUserEntryWins(t *testing.T) {
	user := entity.Entry{
		Entity: entity.Entity{ID: "person/paris-hilton", Name: "Paris Hilton", Type: entity.Person},
		Names:  []string{"Paris Hilton"},
	}
	r, err := entity.NewRecognizer(entity.WithEntries(user))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := recognize(t, r, "Paris Hilton flew to Paris.")
	want := []got{
		{"Paris Hilton", entity.Person, entity.Name, "person/paris-hilton"},
		{"Paris", entity.Location, entity.Name, "location/paris"},
	}
	if d := cmp.Diff(want, out); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestRecognizeNotAnalysed(t *testing.T) {
	r, err := entity.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Recognize(context.Background(), &corpus.Document{ID: "raw", Text: "Macron met Xi."})
	if err == nil || !strings.Contains(err.Error(), `"raw"`) {
		t.Errorf("Recognize(unanalysed) error = %v, want one naming the document", err)
	}
}

func TestRecognizeConcurrent(t *testing.T) {
	r, err := entity.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	text := "French President Emmanuel Macron met Chinese leader Xi Jinping in Beijing. Macron urged China to act."
	want, _ := recognize(t, r, text)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := analyse(t, text)
			res, err := r.Recognize(context.Background(), d)
			if err != nil {
				t.Error(err)
				return
			}
			var out []got
			for _, m := range res.Mentions {
				out = append(out, got{m.Text, m.Type, m.Form, m.Entity})
			}
			if d := cmp.Diff(want, out); d != "" {
				t.Errorf("concurrent result differs (-seq +conc):\n%s", d)
			}
		}()
	}
	wg.Wait()
}

// stubModel proposes fixed spans, to test how the recognizer combines a
// model with the gazetteer whatever the trained model says.
type stubModel map[string][]corpus.Span // first word of a sentence → spans

func (m stubModel) Spans(sents []entity.ModelSentence) [][]corpus.Span {
	out := make([][]corpus.Span, len(sents))
	for i, s := range sents {
		if len(s.Words) > 0 {
			out[i] = m[s.Words[0]]
		}
	}
	return out
}

func TestModelAndGazetteer(t *testing.T) {
	model := stubModel{
		"Ships": {{Start: 4, End: 7, Type: "LOC"}}, // South China Sea
		"Neil":  {{Start: 0, End: 2, Type: "PER"}}, // Neil Jordan
		"Later": {{Start: 1, End: 2, Type: "LOC"}}, // Xi, wrongly a place
		"The":   {{Start: 1, End: 3, Type: "ORG"}}, // Acme Bank: not in the gazetteer
		"A":     {{Start: 1, End: 4, Type: "ORG"}}, // Latvian Constitutional Court
	}
	r, err := entity.NewRecognizer(entity.WithModel(model))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []got
	}{{
		name: "a longer place containing a country is a new place, not the country",
		text: "Ships sailed into the South China Sea.",
		want: []got{{"South China Sea", entity.Location, entity.Name, "location/south-china-sea"}},
	}, {
		name: "a longer person name wins over a country inside it; the surname alone follows",
		text: "Neil Jordan made a film. Jordan said so.",
		want: []got{
			{"Neil Jordan", entity.Person, entity.Name, "person/neil-jordan"},
			{"Jordan", entity.Person, entity.Name, "person/neil-jordan"},
		},
	}, {
		name: "on the same span the gazetteer wins",
		text: "Later Xi spoke.",
		want: []got{{"Xi", entity.Person, entity.Name, "person/xi-jinping"}},
	}, {
		name: "the model finds what the gazetteer does not know",
		text: "The Acme Bank failed.",
		want: []got{{"Acme Bank", entity.Organization, entity.Name, "org/acme-bank"}},
	}}
	for _, tt := range tests {
		checkRecognize(t, r, tt.name, tt.text, tt.want)
	}

	// A new organisation named with a demonym acts for that country.
	_, res := recognize(t, r, "A Latvian Constitutional Court ruled.")
	e, ok := res.Entity("org/latvian-constitutional-court")
	if !ok || e.Code != "LVA" || e.Country != "country/lva" {
		t.Errorf("Latvian Constitutional Court = %+v, %v; want code LVA, country country/lva", e, ok)
	}
}

// checkRecognize runs one named case of a table of recognizer tests.
func checkRecognize(t *testing.T, r *entity.Recognizer, name, text string, want []got) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		out, _ := recognize(t, r, text)
		if d := cmp.Diff(want, out); d != "" {
			t.Errorf("Recognize(%q) (-want +got):\n%s", text, d)
		}
	})
}

// TestRecognizeMisspelt checks that misspelt names the model finds take
// the gazetteer's entity, and so its actor code.
func TestRecognizeMisspelt(t *testing.T) {
	r, err := entity.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	out, _ := recognize(t, r, "Ethopia has agreed to re-open its borders. President Francois Mitterand welcomed him.")
	got := map[string]string{}
	for _, m := range out {
		got[m.Text] = m.Entity
	}
	want := map[string]string{"Ethopia": "country/eth", "Francois Mitterand": "person/francois-mitterrand"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q resolved to %q, want %q", k, got[k], v)
		}
	}
}
