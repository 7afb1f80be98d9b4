package relation

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

func TestReadCues(t *testing.T) {
	in := "\ufeff# a comment after a byte order mark\n" +
		"lemma\tpos\ttype\tactor\ttarget\tcomplement\n" + // a bare header line
		"\n" +
		"meet\tVERB\tMEET\tsubj\tobj,prep:with\n" +
		"call on\tVERB\tURGE\tsubj\tprep:on\trequested\n" +
		"visit\tNOUN\tVISIT\tposs\tprep:to,prep:in\t\n" + // trailing tab
		"  # an indented comment\r\n" +
		"demand\tNOUN\tDEMAND\tposs\tprep:on\trequested\r\n" // old PLOVER name, CRLF
	got, err := ReadCues(strings.NewReader(in), "my.tsv")
	if err != nil {
		t.Fatalf("ReadCues: %v", err)
	}
	want := []Cue{
		{Lemma: "meet", POS: "VERB", Type: Meet, Actor: []Slot{SlotSubj}, Target: []Slot{SlotObj, "prep:with"}, Source: "my.tsv:4"},
		{Lemma: "call on", POS: "VERB", Type: Urge, Actor: []Slot{SlotSubj}, Target: []Slot{"prep:on"}, Complement: Requested, Source: "my.tsv:5"},
		{Lemma: "visit", POS: "NOUN", Type: Visit, Actor: []Slot{SlotPoss}, Target: []Slot{"prep:to", "prep:in"}, Source: "my.tsv:6"},
		{Lemma: "demand", POS: "NOUN", Type: Request, Actor: []Slot{SlotPoss}, Target: []Slot{"prep:on"}, Complement: Requested, Source: "my.tsv:8"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ReadCues (-want +got):\n%s", d)
	}
}

func TestReadCuesErrors(t *testing.T) {
	tests := []struct {
		name, line string
		want       string // the error message
	}{
		{"bad type", "meet\tVERB\tMEETS\tsubj\tobj",
			`relation: f.tsv:2:11: type: unknown relation type "MEETS"`},
		{"bad actor slot", "meet\tVERB\tMEET\tsubject\tobj",
			`relation: f.tsv:2:16: actor: unknown slot "subject", want subj, obj, iobj, poss, compound, amod, home or prep:WORD`},
		{"bad target slot", "meet\tVERB\tMEET\tsubj\tobj,prep:",
			`relation: f.tsv:2:21: target: unknown slot "prep:", want subj, obj, iobj, poss, compound, amod, home or prep:WORD`},
		{"bad prep", "meet\tVERB\tMEET\tsubj\tprep:With",
			`relation: f.tsv:2:21: target: unknown slot "prep:With", want subj, obj, iobj, poss, compound, amod, home or prep:WORD`},
		{"home actor", "meet\tVERB\tMEET\tsubj,home\tobj",
			`relation: f.tsv:2:16: actor: slot "home" is a target slot only`},
		{"empty target", "meet\tVERB\tMEET\tsubj\t",
			`relation: f.tsv:2:21: target: no slot`},
		{"repeated slot", "meet\tVERB\tMEET\tsubj\tobj,obj",
			`relation: f.tsv:2:21: target: slot "obj" given twice`},
		{"too few columns", "meet\tVERB\tMEET\tsubj",
			`relation: f.tsv:2: 4 tab-separated columns, want 5 or 6 (lemma, pos, type, actor, target, complement)`},
		{"too many columns", "meet\tVERB\tMEET\tsubj\tobj\trequested\textra",
			`relation: f.tsv:2: 7 tab-separated columns, want 5 or 6 (lemma, pos, type, actor, target, complement)`},
		{"spaces not tabs", "meet VERB MEET subj obj",
			`relation: f.tsv:2: 1 tab-separated columns, want 5 or 6 (lemma, pos, type, actor, target, complement)`},
		{"bad pos", "meet\tVB\tMEET\tsubj\tobj",
			`relation: f.tsv:2:6: pos: part of speech "VB", want one of ADJ, NOUN, VERB`},
		{"bad complement", "urge\tVERB\tURGE\tsubj\tobj\tasked",
			`relation: f.tsv:2:25: complement: unknown complement "asked", want requested, alleged, denied, intended or nothing`},
		{"upper-case lemma", "Meet\tVERB\tMEET\tsubj\tobj",
			`relation: f.tsv:2:1: lemma: lemma "Meet" must be lower case`},
		{"double space", "call  on\tVERB\tURGE\tsubj\tprep:on",
			`relation: f.tsv:2:1: lemma: lemma "call  on": words must be separated by one space`},
		{"empty lemma", "\tVERB\tURGE\tsubj\tprep:on",
			`relation: f.tsv:2:1: lemma: empty lemma`},
		{"duplicate", "visit\tNOUN\tVISIT\tposs\tprep:to",
			`relation: f.tsv:2:1: lemma: "visit" NOUN already given on line 1`},
		{"invalid UTF-8", "me\xffet\tVERB\tMEET\tsubj\tobj",
			`relation: f.tsv:2: invalid UTF-8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := "visit\tNOUN\tVISIT\tposs\tprep:to\n" + tt.line + "\nmeet\tNOUN\tMEET\tposs\tprep:with\n"
			cues, err := ReadCues(strings.NewReader(in), "f.tsv")
			if err == nil {
				t.Fatalf("ReadCues(%q) = nil error, want %q", tt.line, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("ReadCues(%q) error\n got %s\nwant %s", tt.line, err, tt.want)
			}
			var ce *CueError
			if !errors.As(err, &ce) || ce.File != "f.tsv" || ce.Line != 2 {
				t.Errorf("error %v: want a *CueError for f.tsv line 2, got %#v", err, ce)
			}
			// The good lines around the bad one are kept.
			var lemmas []string
			for _, c := range cues {
				lemmas = append(lemmas, c.Lemma)
			}
			if d := cmp.Diff([]string{"visit", "meet"}, lemmas); d != "" {
				t.Errorf("cues kept (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadCuesReportsEveryBadLine(t *testing.T) {
	in := "meet\tVERB\tMEETS\tsubj\tobj\nurge\tVERB\tURGE\tsubj\tobj\nvisit\tNOUN\tVISIT\tposs\n"
	cues, err := ReadCues(strings.NewReader(in), "f.tsv")
	var list CueErrors
	if !errors.As(err, &list) {
		t.Fatalf("error %v is not CueErrors", err)
	}
	var lines []int
	for _, e := range list {
		lines = append(lines, e.Line)
	}
	if d := cmp.Diff([]int{1, 3}, lines); d != "" {
		t.Errorf("bad lines (-want +got):\n%s", d)
	}
	if len(cues) != 1 || cues[0].Lemma != "urge" {
		t.Errorf("cues = %v, want the urge cue", cues)
	}
	// Every bad line is in the message, each with its file:line:column.
	want := `relation: f.tsv:1:11: type: unknown relation type "MEETS"` + "\n" +
		`relation: f.tsv:3: 4 tab-separated columns, want 5 or 6 (lemma, pos, type, actor, target, complement)`
	if err.Error() != want {
		t.Errorf("error\n got %s\nwant %s", err, want)
	}
}

func TestReadCuesTooLong(t *testing.T) {
	in := "meet\tVERB\tMEET\tsubj\tobj\n" + strings.Repeat("x", maxCueLine+1) + "\n"
	cues, err := ReadCues(strings.NewReader(in), "f.tsv")
	var ce *CueError
	if !errors.As(err, &ce) || ce.Line != 2 {
		t.Fatalf("error %v: want a *CueError on line 2", err)
	}
	if len(cues) != 1 {
		t.Errorf("got %d cues, want the 1 before the long line", len(cues))
	}
}

func TestReadCuesReaderError(t *testing.T) {
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader("meet\tVERB\tMEET\tsubj\tobj\n"), iotest.ErrReader(boom))
	cues, err := ReadCues(r, "f.tsv")
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want %v", err, boom)
	}
	if len(cues) != 1 {
		t.Errorf("got %d cues, want 1", len(cues))
	}
}

func TestDefaultCues(t *testing.T) {
	cues, err := DefaultCues()
	if err != nil {
		t.Fatalf("DefaultCues: %v", err)
	}
	if len(cues) < 400 {
		t.Errorf("%d default cues, want at least 400", len(cues))
	}
	for _, c := range cues {
		if err := c.validate(); err != nil {
			t.Error(err)
		}
		if !c.Type.Known() {
			t.Errorf("%s: unknown type %q", c.Source, c.Type)
		}
		if p, err := ParseType(string(c.Type)); err != nil || p != c.Type {
			t.Errorf("%s: type %q is not a canonical name", c.Source, c.Type)
		}
		for _, s := range slices.Concat(c.Actor, c.Target) {
			if !s.valid() {
				t.Errorf("%s: bad slot %q", c.Source, s)
			}
		}
		if c.Head() == "" || !slices.Contains(c.Words(), c.Head()) {
			t.Errorf("%s: head %q not among words %q", c.Source, c.Head(), c.Words())
		}
		// A possessor is found on nouns only, a subject on verbs and
		// predicate nouns and adjectives.
		if c.POS == "VERB" && (slices.Contains(c.Actor, SlotPoss) && !slices.Contains(c.Actor, SlotSubj)) {
			t.Errorf("%s: verb cue with a possessor actor and no subject", c.Source)
		}
	}
	// Each file is kept sorted by lemma, then part of speech.
	for i := 1; i < len(cues); i++ {
		a, b := cues[i-1], cues[i]
		fa, _, _ := strings.Cut(a.Source, ":")
		fb, _, _ := strings.Cut(b.Source, ":")
		sameFile := fa == fb
		if sameFile && compareCues(a, b) > 0 {
			t.Errorf("cue file not sorted: %s %q before %s %q", a.Source, a.Lemma, b.Source, b.Lemma)
			break
		}
	}
	// Every event type has cues.
	have := map[Type]bool{}
	for _, c := range cues {
		have[c.Type] = true
	}
	for _, ty := range Types() {
		if !have[ty] {
			t.Errorf("no default cue for %s", ty)
		}
	}
}

// TestDefaultCuesAreCopies checks that a caller changing the default cues
// does not change what the next caller gets.
func TestDefaultCuesAreCopies(t *testing.T) {
	a, err := DefaultCues()
	if err != nil {
		t.Fatal(err)
	}
	a[0].Lemma = "changed"
	a[0].Actor[0] = "changed"
	b, _ := DefaultCues()
	if b[0].Lemma == "changed" || b[0].Actor[0] == "changed" {
		t.Errorf("DefaultCues shares its data with callers: %+v", b[0])
	}
}

func TestSlot(t *testing.T) {
	tests := []struct {
		s     Slot
		prep  string
		valid bool
	}{
		{SlotSubj, "", true},
		{SlotObj, "", true},
		{SlotIobj, "", true},
		{SlotPoss, "", true},
		{SlotCompound, "", true},
		{SlotAmod, "", true},
		{SlotHome, "", true},
		{PrepSlot("with"), "with", true},
		{"prep:out_of", "out_of", true},
		{"prep:", "", false},
		{"prep:With", "With", false},
		{"nsubj", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := tt.s.Prep(); got != tt.prep {
			t.Errorf("Slot(%q).Prep() = %q, want %q", tt.s, got, tt.prep)
		}
		if got := tt.s.valid(); got != tt.valid {
			t.Errorf("Slot(%q).valid() = %t, want %t", tt.s, got, tt.valid)
		}
	}
}

func TestCueHead(t *testing.T) {
	tests := []struct {
		lemma, pos, head string
	}{
		{"meet", "VERB", "meet"},
		{"call on", "VERB", "call"},
		{"impose martial law", "VERB", "impose"},
		{"air strike", "NOUN", "strike"},
		{"hunger strike", "NOUN", "strike"},
		{"critical", "ADJ", "critical"},
	}
	for _, tt := range tests {
		c := Cue{Lemma: tt.lemma, POS: tt.pos}
		if got := c.Head(); got != tt.head {
			t.Errorf("Cue{%q, %s}.Head() = %q, want %q", tt.lemma, tt.pos, got, tt.head)
		}
	}
}

// FuzzReadCues checks that ReadCues never panics and that every cue it
// returns is valid.
func FuzzReadCues(f *testing.F) {
	f.Add("meet\tVERB\tMEET\tsubj\tobj,prep:with\n")
	f.Add("call on\tVERB\tURGE\tsubj\tprep:on\trequested\n")
	f.Add("# c\nlemma\tpos\ttype\tactor\ttarget\tcomplement\nx\tNOUN\tATTACK\tposs,amod\tprep:on\t\n")
	f.Add("\xff\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		cues, _ := ReadCues(strings.NewReader(in), "fuzz")
		for _, c := range cues {
			if err := c.validate(); err != nil {
				t.Errorf("ReadCues(%q) returned an invalid cue: %v", in, err)
			}
		}
		if _, err := NewLexicon(cues); err != nil {
			t.Errorf("NewLexicon(ReadCues(%q)): %v", in, err)
		}
	})
}
