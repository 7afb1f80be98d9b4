package relation

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A Cue is a word or phrase that signals a relation, with the argument frame
// that says where in a dependency parse its actor and its target are found.
//
// # Lemma and head
//
// Lemma is the cue in lower-case lemma form, words separated by one space.
// One word of it is the head, the word the parse makes the governor of the
// others: the first word of a VERB cue ("call on", "hold talk", "impose
// sanction"), the last word of a NOUN or ADJ cue ("hunger strike", "air
// strike"). The other words must be connected to the head through dependency
// arcs in the sentence (each a dependent of the head or of another word of
// the cue: compound:prt, obj, compound, amod, fixed, ...); a preposition may
// instead be the case marker of an argument of the head, so "call on"
// matches both "called on France" (on: case of France) and "called on by".
// Word order in the sentence does not matter.
//
// # Slots
//
// Actor and Target list, in order of preference, the dependents of the head
// that may hold the actor and the target (see [Slot]). The first slot that
// holds an entity wins; coordination ("X and Y") gives one relation per
// conjunct. A slot is looked for on the head first, then on the other words
// of the cue ("imposed sanctions on Russia" may attach "on Russia" to
// "sanctions"), and a prep slot of a noun cue on the noun of its "of"
// phrase ("the withdrawal of Russian troops from Moldova"). For a verb in
// the passive, the extractor maps the "by" agent to subj and the passive
// subject (nsubj:pass) to obj, so one frame serves both voices. A slot may appear in both lists ("talks between X and Y").
//
// # Complement
//
// Complement, when not empty, is the modality of the clause the cue
// governs (xcomp, ccomp, or an "of"/"for" gerund: "urged X to leave",
// "accused X of shelling Y", "denied attacking Y"). That clause's own relation
// is coded with this modality. Its actor is the cue's target when the cue has
// one (object control: "urged France to sanction Russia" gives France as the
// actor of the sanctioning), and otherwise the cue's actor (subject control:
// "Russia denied attacking Ukraine", "promised to visit"). When no target
// slot holds an entity and the governed clause has a subject of its own
// ("demanded that Israel ease restrictions", "called for China to work
// with"), that subject is the target.
type Cue struct {
	Lemma      string   // "call on", lower case, lemma form
	POS        string   // part of speech of the head: VERB, NOUN or ADJ
	Type       Type     // the relation the cue signals
	Actor      []Slot   // where the actor is, in order of preference
	Target     []Slot   // where the target is, in order of preference
	Complement Modality // modality of the governed clause, or "" (see above)
	Source     string   // where the cue was read, "cues.tsv:42"; "" for cues built in Go
}

// Words returns the words of c's lemma.
func (c Cue) Words() []string { return strings.Fields(c.Lemma) }

// Head returns the head word of c's lemma: the first word of a VERB cue, the
// last of a NOUN or ADJ cue.
func (c Cue) Head() string { return cueHead(c.Lemma, c.POS) }

func cueHead(lemma, pos string) string {
	if pos == "VERB" {
		head, _, _ := strings.Cut(lemma, " ")
		return head
	}
	return lemma[strings.LastIndexByte(lemma, ' ')+1:]
}

// clone returns c with slot slices of its own.
func (c Cue) clone() Cue {
	c.Actor = slices.Clone(c.Actor)
	c.Target = slices.Clone(c.Target)
	return c
}

// A Slot names a dependent of a cue's head that may hold an actor or a
// target, in terms of Universal Dependencies relations:
//
//	subj       nsubj (and, for a passive verb, the "by" agent)
//	obj        obj (and, for a passive verb, nsubj:pass)
//	iobj       iobj ("gave Ukraine weapons")
//	poss       nmod:poss of a noun cue ("Macron's visit")
//	prep:WORD  obl or nmod whose case marker is WORD ("met with X",
//	           "sanctions on X", "talks between X and Y")
//	compound   a noun modifier of a noun cue ("EU sanctions"); use sparingly
//	amod       an adjective modifier such as a demonym ("Russian attacks");
//	           use sparingly
//	home       no dependent: the country the actor acts for, when the text
//	           names it and no other slot holds a target. For acts done at
//	           home: "Sudan's government lifted a state of emergency",
//	           "Georgian President Eduard Shevardnadze resigned", "Algerian
//	           landowners began a hunger strike". A target slot only, and
//	           after the others.
type Slot string

// The slots other than prep:WORD, which [PrepSlot] makes.
const (
	SlotSubj     Slot = "subj"
	SlotObj      Slot = "obj"
	SlotIobj     Slot = "iobj"
	SlotPoss     Slot = "poss"
	SlotCompound Slot = "compound"
	SlotAmod     Slot = "amod"
	SlotHome     Slot = "home"
)

const prepPrefix = "prep:"

// PrepSlot returns the slot of an oblique or nominal modifier marked by the
// preposition word, such as "prep:with".
func PrepSlot(word string) Slot { return Slot(prepPrefix + word) }

// Prep returns the preposition of a prep:WORD slot, or "" for other slots.
func (s Slot) Prep() string {
	if w, ok := strings.CutPrefix(string(s), prepPrefix); ok {
		return w
	}
	return ""
}

// valid reports whether s is a slot of the vocabulary.
func (s Slot) valid() bool {
	switch s {
	case SlotSubj, SlotObj, SlotIobj, SlotPoss, SlotCompound, SlotAmod, SlotHome:
		return true
	}
	w := s.Prep()
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < 'a' || r > 'z') && r != '_' {
			return false
		}
	}
	return true
}

// cuePOS are the parts of speech a cue head may have.
var cuePOS = []string{"ADJ", "NOUN", "VERB"}

// complements are the modalities a cue's complement may have.
var complements = []Modality{Asserted, Alleged, Denied, Intended, Requested}

// The columns of a cue file, in order.
var cueColumns = [...]string{"lemma", "pos", "type", "actor", "target", "complement"}

// A CueError reports a bad line of a cue file: which file, which line and
// column, which field, and what was wrong.
type CueError struct {
	File   string // name of the input, as given to ReadCues
	Line   int    // 1-based line number
	Column int    // 1-based byte column of the bad field; 0 for the whole line
	Field  string // column name, such as "type"; "" for the whole line
	Err    error
}

// Error returns "relation: file:line:column: field: err".
func (e *CueError) Error() string {
	var b strings.Builder
	b.WriteString("relation: ")
	b.WriteString(e.File)
	b.WriteByte(':')
	b.WriteString(strconv.Itoa(e.Line))
	if e.Column > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Column))
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *CueError) Unwrap() error { return e.Err }

// CueErrors is every bad line of a cue file, in input order.
type CueErrors []*CueError

// Error returns every error of the list, one a line, each naming its
// file:line:column, so a user fixing a cue file sees all that is wrong at
// once.
func (l CueErrors) Error() string {
	if len(l) == 0 {
		return "relation: no errors"
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the errors of the list, for [errors.Is] and [errors.As].
func (l CueErrors) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// maxCueLine bounds the length of a line of a cue file.
const maxCueLine = 64 << 10

// ReadCues reads a cue file: UTF-8 text, one cue a line, six tab-separated
// columns
//
//	lemma	pos	type	actor	target	complement
//
// as [Cue] describes them: actor and target are comma-separated [Slot]s,
// type is a name [ParseType] accepts, and complement (requested, alleged,
// denied, intended, or empty) may be left out with its tab. Blank lines and
// lines starting with "#" are skipped, as is a first line that is the
// column header itself. Name is the name of the input, used in errors and in
// each cue's Source.
//
// ReadCues keeps every good line. Each bad one (a wrong number of columns,
// an unknown type or slot, a lemma repeated with the same part of speech)
// is reported as a [*CueError] naming name:line:column, all of them
// together in a [CueErrors]; an error reading r ends the reading and is
// returned with the cues read so far.
func ReadCues(r io.Reader, name string) ([]Cue, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxCueLine)
	var (
		cues []Cue
		errs CueErrors
		seen = map[cueKey]int{} // line of each lemma+pos read
		line int
	)
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff") // a byte order mark
		}
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if !utf8.ValidString(text) {
			errs = append(errs, &CueError{File: name, Line: line, Err: errors.New("invalid UTF-8")})
			continue
		}
		c, err := parseCue(text)
		if err != nil {
			if ce, ok := err.(*CueError); ok && ce.Field == "" && ce.Err == errHeader && len(cues) == 0 && len(errs) == 0 {
				continue // the header line
			}
			ce := err.(*CueError)
			ce.File, ce.Line = name, line
			errs = append(errs, ce)
			continue
		}
		k := cueKey{c.Lemma, c.POS}
		if prev, dup := seen[k]; dup {
			errs = append(errs, &CueError{File: name, Line: line, Column: 1, Field: "lemma",
				Err: fmt.Errorf("%q %s already given on line %d", c.Lemma, c.POS, prev)})
			continue
		}
		seen[k] = line
		c.Source = name + ":" + strconv.Itoa(line)
		cues = append(cues, c)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = &CueError{File: name, Line: line + 1, Err: fmt.Errorf("line longer than %d bytes", maxCueLine)}
		}
		return cues, err
	}
	if len(errs) > 0 {
		return cues, errs
	}
	return cues, nil
}

// errHeader marks the column header line.
var errHeader = errors.New("column header")

// parseCue parses one line of a cue file. Errors are *CueError without file
// and line.
func parseCue(text string) (Cue, error) {
	fields := strings.Split(text, "\t")
	if len(fields) == 6 && fields[5] == "" {
		fields = fields[:5] // trailing tab, no complement
	}
	if len(fields) >= 2 && fields[0] == cueColumns[0] && fields[1] == cueColumns[1] {
		return Cue{}, &CueError{Err: errHeader}
	}
	if len(fields) < 5 || len(fields) > 6 {
		return Cue{}, &CueError{Err: fmt.Errorf("%d tab-separated columns, want 5 or 6 (%s)",
			len(fields), strings.Join(cueColumns[:], ", "))}
	}
	cols := make([]int, len(fields)) // 1-based byte column of each field
	col := 1
	for i, f := range fields {
		cols[i] = col
		col += len(f) + 1
	}
	bad := func(i int, format string, args ...any) error {
		return &CueError{Column: cols[i], Field: cueColumns[i], Err: fmt.Errorf(format, args...)}
	}
	var c Cue
	c.Lemma = fields[0]
	if err := checkLemma(c.Lemma); err != nil {
		return Cue{}, bad(0, "%v", err)
	}
	c.POS = fields[1]
	if !slices.Contains(cuePOS, c.POS) {
		return Cue{}, bad(1, "part of speech %q, want one of %s", c.POS, strings.Join(cuePOS, ", "))
	}
	t, err := ParseType(fields[2])
	if err != nil {
		return Cue{}, bad(2, "unknown relation type %q", fields[2])
	}
	c.Type = t
	if c.Actor, err = parseSlots(fields[3]); err != nil {
		return Cue{}, bad(3, "%v", err)
	}
	if slices.Contains(c.Actor, SlotHome) {
		return Cue{}, bad(3, "slot %q is a target slot only", SlotHome)
	}
	if c.Target, err = parseSlots(fields[4]); err != nil {
		return Cue{}, bad(4, "%v", err)
	}
	if len(fields) == 6 {
		c.Complement = Modality(fields[5])
		if c.Complement == Asserted || !slices.Contains(complements, c.Complement) {
			return Cue{}, bad(5, "unknown complement %q, want requested, alleged, denied, intended or nothing", fields[5])
		}
	}
	return c, nil
}

// checkLemma reports what is wrong with a cue lemma.
func checkLemma(lemma string) error {
	if lemma == "" {
		return errors.New("empty lemma")
	}
	words := strings.Split(lemma, " ")
	if len(words) > 4 {
		return fmt.Errorf("lemma %q has %d words, at most 4", lemma, len(words))
	}
	for _, w := range words {
		if w == "" {
			return fmt.Errorf("lemma %q: words must be separated by one space", lemma)
		}
		for _, r := range w {
			switch {
			case unicode.IsUpper(r):
				return fmt.Errorf("lemma %q must be lower case", lemma)
			case unicode.IsLetter(r), unicode.IsDigit(r), r == '-', r == '\'', r == '.':
			default:
				return fmt.Errorf("lemma %q: bad character %q", lemma, r)
			}
		}
	}
	return nil
}

// parseSlots parses a comma-separated list of slots.
func parseSlots(s string) ([]Slot, error) {
	if s == "" {
		return nil, errors.New("no slot")
	}
	parts := strings.Split(s, ",")
	slots := make([]Slot, 0, len(parts))
	for _, p := range parts {
		slot := Slot(p)
		if !slot.valid() {
			return nil, fmt.Errorf("unknown slot %q, want subj, obj, iobj, poss, compound, amod, home or prep:WORD", p)
		}
		if slices.Contains(slots, slot) {
			return nil, fmt.Errorf("slot %q given twice", p)
		}
		slots = append(slots, slot)
	}
	return slots, nil
}

// validate reports what is wrong with a cue built in Go.
func (c Cue) validate() error {
	where := c.Source
	if where == "" {
		where = fmt.Sprintf("cue %q %s", c.Lemma, c.POS)
	}
	if err := checkLemma(c.Lemma); err != nil {
		return fmt.Errorf("relation: %s: %v", where, err)
	}
	if !slices.Contains(cuePOS, c.POS) {
		return fmt.Errorf("relation: %s: part of speech %q, want one of %s", where, c.POS, strings.Join(cuePOS, ", "))
	}
	if !c.Type.Known() {
		return fmt.Errorf("relation: %s: unknown relation type %q", where, c.Type)
	}
	for _, slots := range [][]Slot{c.Actor, c.Target} {
		if len(slots) == 0 {
			return fmt.Errorf("relation: %s: an actor and a target slot are required", where)
		}
		for i, s := range slots {
			if !s.valid() {
				return fmt.Errorf("relation: %s: unknown slot %q", where, s)
			}
			if slices.Contains(slots[:i], s) {
				return fmt.Errorf("relation: %s: slot %q given twice", where, s)
			}
		}
	}
	if slices.Contains(c.Actor, SlotHome) {
		return fmt.Errorf("relation: %s: slot %q is a target slot only", where, SlotHome)
	}
	if !slices.Contains(complements, c.Complement) {
		return fmt.Errorf("relation: %s: unknown complement %q", where, c.Complement)
	}
	return nil
}

//go:embed cues.tsv
var cuesTSV string

// cuesPetrarchTSV holds the cues generated from the PETRARCH-2 CAMEO verb
// dictionary by gen_petrarch.go.
//
//go:embed cues_petrarch.tsv
var cuesPetrarchTSV string

//go:generate go run gen_petrarch.go

// defaultCues is the embedded cue files, read once on first use: the
// hand-written cues.tsv and, under it, the generated cues_petrarch.tsv, of
// which a cue with the lemma and part of speech of a hand-written one is
// left out.
var defaultCues = sync.OnceValues(func() ([]Cue, error) {
	hand, err := ReadCues(strings.NewReader(cuesTSV), "cues.tsv")
	if err != nil {
		return nil, err
	}
	gen, err := ReadCues(strings.NewReader(cuesPetrarchTSV), "cues_petrarch.tsv")
	if err != nil {
		return nil, err
	}
	return layerCues(hand, gen), nil
})

// layerCues returns the cues of top and those of bottom whose lemma and
// part of speech no cue of top has.
func layerCues(top, bottom []Cue) []Cue {
	seen := make(map[cueKey]bool, len(top))
	for _, c := range top {
		seen[cueKey{c.Lemma, c.POS}] = true
	}
	out := slices.Clip(top)
	for _, c := range bottom {
		if !seen[cueKey{c.Lemma, c.POS}] {
			out = append(out, c)
		}
	}
	return out
}

// DefaultCues returns the library's own cues, read with [ReadCues] from its
// embedded cues.tsv, written by hand, and cues_petrarch.tsv, generated from
// the PETRARCH-2 CAMEO verb dictionary (MIT licence); a hand-written cue
// wins over a generated one with the same lemma and part of speech. The slice and its cues are the caller's own.
func DefaultCues() ([]Cue, error) {
	cues, err := defaultCues()
	if err != nil {
		return nil, err
	}
	out := make([]Cue, len(cues))
	for i, c := range cues {
		out[i] = c.clone()
	}
	return out, nil
}
