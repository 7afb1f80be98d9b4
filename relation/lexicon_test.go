package relation

import (
	"fmt"
	"log"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func lemmas(cues []Cue) []string {
	var out []string
	for _, c := range cues {
		out = append(out, c.Lemma+"/"+c.POS)
	}
	return out
}

func TestLexiconLookup(t *testing.T) {
	lex, err := NewLexicon([]Cue{
		{Lemma: "call", POS: "NOUN", Type: Urge, Actor: []Slot{SlotPoss}, Target: []Slot{"prep:on"}},
		{Lemma: "call on", POS: "VERB", Type: Urge, Actor: []Slot{SlotSubj}, Target: []Slot{"prep:on"}},
		{Lemma: "call for", POS: "VERB", Type: Urge, Actor: []Slot{SlotSubj}, Target: []Slot{"prep:for"}},
		{Lemma: "call off talk", POS: "VERB", Type: Reject, Actor: []Slot{SlotSubj}, Target: []Slot{"prep:with"}},
		{Lemma: "phone call", POS: "NOUN", Type: Consult, Actor: []Slot{SlotPoss}, Target: []Slot{"prep:with"}},
		{Lemma: "strike", POS: "NOUN", Type: Attack, Actor: []Slot{SlotPoss}, Target: []Slot{"prep:on"}},
		{Lemma: "hunger strike", POS: "NOUN", Type: Protest, Actor: []Slot{SlotPoss}, Target: []Slot{"prep:against"}},
		{Lemma: "meet", POS: "VERB", Type: Meet, Actor: []Slot{SlotSubj}, Target: []Slot{SlotObj}},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		head, pos string
		want      []string
	}{
		{"call", "VERB", []string{"call off talk/VERB", "call for/VERB", "call on/VERB"}},
		{"call", "NOUN", []string{"phone call/NOUN", "call/NOUN"}},
		{"call", "", []string{"call off talk/VERB", "call for/VERB", "call on/VERB", "phone call/NOUN", "call/NOUN"}},
		{"strike", "NOUN", []string{"hunger strike/NOUN", "strike/NOUN"}},
		{"strike", "VERB", nil},
		{"hunger", "NOUN", nil},
		{"meet", "VERB", []string{"meet/VERB"}},
		{"met", "VERB", nil},
		{"call on", "VERB", nil}, // Lookup takes a head word; Get takes a lemma
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, lemmas(lex.Lookup(tt.head, tt.pos))); d != "" {
			t.Errorf("Lookup(%q, %q) (-want +got):\n%s", tt.head, tt.pos, d)
		}
	}
	c, ok := lex.Get("call on", "VERB")
	if !ok || c.Type != Urge {
		t.Errorf(`Get("call on", "VERB") = %v, %t`, c, ok)
	}
	if _, ok := lex.Get("call on", "NOUN"); ok {
		t.Errorf(`Get("call on", "NOUN") found a cue`)
	}
}

func TestLexiconResultsAreCopies(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	got := lex.Lookup("meet", "VERB")
	got[0].Actor[0] = "changed"
	got[0].Target = append(got[0].Target, "changed")
	again := lex.Lookup("meet", "VERB")
	if again[0].Actor[0] != SlotSubj || len(again[0].Target) != 2 {
		t.Errorf("Lookup shares its data with callers: %+v", again[0])
	}
	all := lex.Cues()
	all[0].Actor[0] = "changed"
	if c, _ := lex.Get(all[0].Lemma, all[0].POS); c.Actor[0] == "changed" {
		t.Errorf("Cues shares its data with callers")
	}
}

func TestDefaultLexiconMultiword(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lemma, pos string
		want       Type
		complement Modality
	}{
		{"call on", "VERB", Urge, Requested},
		{"call for", "VERB", Urge, Requested},
		{"hold talk", "VERB", Meet, ""},
		{"impose sanction", "VERB", Sanction, ""},
		{"strike deal", "VERB", SignAgreement, ""},
		{"strike", "VERB", Attack, ""},
		{"hunger strike", "NOUN", Protest, ""},
		{"accuse", "VERB", Accuse, Alleged},
		{"deny", "VERB", Deny, Denied},
		{"visit", "NOUN", Visit, ""},
		{"talk", "NOUN", Meet, ""},
	}
	for _, tt := range tests {
		c, ok := lex.Get(tt.lemma, tt.pos)
		if !ok {
			t.Errorf("no default cue %q %s", tt.lemma, tt.pos)
			continue
		}
		if c.Type != tt.want || c.Complement != tt.complement {
			t.Errorf("cue %q %s: %s %q, want %s %q", tt.lemma, tt.pos, c.Type, c.Complement, tt.want, tt.complement)
		}
		// Every cue is found by looking up its head.
		found := false
		for _, h := range lex.Lookup(c.Head(), c.POS) {
			found = found || h.Lemma == c.Lemma
		}
		if !found {
			t.Errorf("Lookup(%q, %s) misses %q", c.Head(), c.POS, c.Lemma)
		}
	}
	// "strike deal" comes before "strike" for the head "strike".
	if got := lemmas(lex.Lookup("strike", "VERB")); len(got) < 2 || got[len(got)-1] != "strike/VERB" {
		t.Errorf(`Lookup("strike", "VERB") = %v, want the bare verb last`, got)
	}
}

func TestLexiconWith(t *testing.T) {
	base, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	n := base.Len()
	mine := []Cue{
		// Replaces the default "meet" verb.
		{Lemma: "meet", POS: "VERB", Type: Negotiate, Actor: []Slot{SlotSubj}, Target: []Slot{"prep:with"}},
		// New.
		{Lemma: "rendezvous", POS: "VERB", Type: Meet, Actor: []Slot{SlotSubj}, Target: []Slot{"prep:with"}},
	}
	lex, err := base.With(mine...)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := lex.Len(), n+1; got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}
	if c, _ := lex.Get("meet", "VERB"); c.Type != Negotiate {
		t.Errorf("user cue did not win: %+v", c)
	}
	if c, _ := lex.Get("meet", "NOUN"); c.Type != "" {
		t.Errorf("unexpected meet NOUN: %+v", c)
	}
	if c, _ := lex.Get("meeting", "NOUN"); c.Type != Meet {
		t.Errorf("default cue lost: %+v", c)
	}
	if _, ok := lex.Get("rendezvous", "VERB"); !ok {
		t.Errorf("new cue missing")
	}
	// The base is unchanged.
	if c, _ := base.Get("meet", "VERB"); c.Type != Meet || base.Len() != n {
		t.Errorf("With changed its receiver: %+v, len %d", c, base.Len())
	}
	// The zero and nil lexicons are empty and extensible.
	var zero Lexicon
	if zero.Len() != 0 || zero.Lookup("meet", "") != nil {
		t.Errorf("zero Lexicon not empty")
	}
	var nilLex *Lexicon
	if l, err := nilLex.With(mine[1]); err != nil || l.Len() != 1 {
		t.Errorf("nil.With = %v, %v", l, err)
	}
}

func TestLexiconErrors(t *testing.T) {
	good := Cue{Lemma: "meet", POS: "VERB", Type: Meet, Actor: []Slot{SlotSubj}, Target: []Slot{SlotObj}}
	tests := []struct {
		name string
		cues []Cue
		want string
	}{
		{"duplicate", []Cue{good, good},
			`relation: cue "meet" VERB given twice (a cue built in Go and a cue built in Go)`},
		{"duplicate from files", []Cue{
			func() Cue { c := good; c.Source = "a.tsv:3"; return c }(),
			func() Cue { c := good; c.Source = "b.tsv:9"; return c }()},
			`relation: cue "meet" VERB given twice (a.tsv:3 and b.tsv:9)`},
		{"unknown type", []Cue{{Lemma: "meet", POS: "VERB", Type: "MEETS", Actor: []Slot{SlotSubj}, Target: []Slot{SlotObj}}},
			`relation: cue "meet" VERB: unknown relation type "MEETS"`},
		{"no target", []Cue{{Lemma: "meet", POS: "VERB", Type: Meet, Actor: []Slot{SlotSubj}}},
			`relation: cue "meet" VERB: an actor and a target slot are required`},
		{"bad slot", []Cue{{Lemma: "meet", POS: "VERB", Type: Meet, Actor: []Slot{"nsubj"}, Target: []Slot{SlotObj}, Source: "x.tsv:1"}},
			`relation: x.tsv:1: unknown slot "nsubj"`},
		{"bad pos", []Cue{{Lemma: "meet", POS: "verb", Type: Meet, Actor: []Slot{SlotSubj}, Target: []Slot{SlotObj}}},
			`relation: cue "meet" verb: part of speech "verb", want one of ADJ, NOUN, VERB`},
		{"bad complement", []Cue{{Lemma: "meet", POS: "VERB", Type: Meet, Actor: []Slot{SlotSubj}, Target: []Slot{SlotObj}, Complement: Reported}},
			`relation: cue "meet" VERB: unknown complement "reported"`},
		{"bad lemma", []Cue{{Lemma: " meet", POS: "VERB", Type: Meet, Actor: []Slot{SlotSubj}, Target: []Slot{SlotObj}}},
			`relation: cue " meet" VERB: lemma " meet": words must be separated by one space`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewLexicon(tt.cues)
			if err == nil || err.Error() != tt.want {
				t.Errorf("NewLexicon error\n got %v\nwant %s", err, tt.want)
			}
			base, _ := NewLexicon(nil)
			if _, err := base.With(tt.cues...); err == nil {
				t.Errorf("With accepted bad cues")
			}
		})
	}
}

func TestLexiconConcurrent(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	heads := []string{"meet", "call", "strike", "talk", "visit", "sanction", "accuse"}
	want := make([][]Cue, len(heads))
	for i, h := range heads {
		want[i] = lex.Lookup(h, "")
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for i, h := range heads {
				got := lex.Lookup(h, "")
				if d := cmp.Diff(want[i], got); d != "" {
					t.Errorf("concurrent Lookup(%q) (-want +got):\n%s", h, d)
				}
				if len(got) > 0 {
					got[0].Actor[0] = "scribble" // a caller's own copy
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkLexiconLookup(b *testing.B) {
	lex, err := DefaultLexicon()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		lex.Lookup("call", "VERB")
		lex.Lookup("meet", "VERB")
		lex.Lookup("house", "NOUN")
	}
}

func ExampleReadCues() {
	const mine = `# my cues
# lemma	pos	type	actor	target	complement
rendezvous	VERB	MEET	subj	prep:with
lean on	VERB	URGE	subj	prep:on	requested
scold	VERB	CRITICISE	subj	obj
`
	cues, err := ReadCues(strings.NewReader(mine), "mycues.tsv")
	for _, c := range cues {
		fmt.Println(c.Lemma, c.POS, c.Type, c.Actor, c.Target, c.Complement, c.Source)
	}
	fmt.Println(err)
	// Output:
	// rendezvous VERB MEET [subj] [prep:with]  mycues.tsv:3
	// lean on VERB URGE [subj] [prep:on] requested mycues.tsv:4
	// relation: mycues.tsv:5:12: type: unknown relation type "CRITICISE"
}

func ExampleLexicon_With() {
	lex, err := DefaultLexicon()
	if err != nil {
		log.Fatal(err)
	}
	mine, err := ReadCues(strings.NewReader(
		"lean on\tVERB\tURGE\tsubj\tprep:on\trequested\n"+
			"welcome\tVERB\tVISIT\tobj\tsubj\n"), // hosting, not praise
		"mycues.tsv")
	if err != nil {
		log.Fatal(err)
	}
	lex, err = lex.With(mine...)
	if err != nil {
		log.Fatal(err)
	}
	for _, head := range []string{"lean", "welcome"} {
		for _, c := range lex.Lookup(head, "VERB") {
			fmt.Println(c.Lemma, c.Type, c.Actor, c.Target, c.Source)
		}
	}
	// Output:
	// lean on URGE [subj] [prep:on] mycues.tsv:1
	// welcome VISIT [obj] [subj] mycues.tsv:2
}

func ExampleLexicon_Lookup() {
	lex, err := DefaultLexicon()
	if err != nil {
		log.Fatal(err)
	}
	// The extractor looks up the lemma of each verb and noun of a parsed
	// sentence, and takes the first cue whose other words it finds.
	for _, c := range lex.Lookup("call", "VERB") {
		line := fmt.Sprintf("%-16s %-8s actor %v target %v %s", c.Lemma, c.Type, c.Actor, c.Target, c.Complement)
		fmt.Println(strings.TrimSpace(line))
	}
	// Output:
	// call for sanction CRITICIZE actor [subj] target [prep:against prep:on]
	// call off meeting REJECT   actor [subj] target [prep:with]
	// call off protest CONCEDE  actor [subj] target [prep:against home]
	// call off strike  CONCEDE  actor [subj] target [prep:against home]
	// call off talk    REJECT   actor [subj] target [prep:with]
	// call off visit   REJECT   actor [subj] target [prep:to]
	// call up reserve  MOBILIZE actor [subj] target [home]
	// call up reservist MOBILIZE actor [subj] target [home]
	// call for         URGE     actor [subj] target [prep:for] requested
	// call on          URGE     actor [subj] target [prep:on] requested
	// call upon        URGE     actor [subj] target [prep:upon] requested
}
