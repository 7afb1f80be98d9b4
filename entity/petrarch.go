package entity

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// ReadPetrarchActors reads the people of an actor dictionary in the
// TABARI/PETRARCH format, such as the Phoenix.Countries.actors.txt of
// PETRARCH-2 (office holders of every country since the 1950s, with dated
// roles), and returns them as gazetteer entries to add to a [Gazetteer]
// with [Gazetteer.With]:
//
//	AFGHANISTAN_  [AFG]                  a country: skipped
//	ABDELAZIZ_BOUTEFLIKA_  # comment     a person ...
//	+ABDELAZIZ_BOUTEFLIKA_AL_JAZAIRI_    ... another name for them
//		[DZAELI 550101-000101]           ... roles: CAMEO code and dates
//		[DZAGOV >990427]
//
// A person's entry is a PERSON named in title case ("Abdelaziz
// Bouteflika"), whose code is the country (or IGO) of their most recent
// dated government role, else of their first role; an actor with roles but
// no dates is an ORGANIZATION acting for that country. Actors whose code is on
// their own line (countries, organisations, groups) are skipped: the
// default gazetteer names those; so are actors one of whose names is a
// country's name or demonym, a country whose code line was lost; and so
// are actors coded "[---]", the dictionaries' mark for a name that is no
// actor.
//
// The good entries are returned with a [ParseErrors] that names, by
// name:line in line order, every line that cannot be read: invalid UTF-8
// (and the byte; the roles under an unreadable actor line are dropped with
// it, not given to the actor before), a role without a closing "]" or
// empty, a role before any actor, and an actor whose role code names no
// country. Callers should report them even when some entries were read.
func ReadPetrarchActors(r io.Reader, name string) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var (
		out       []Entry
		errs      ParseErrors
		names     []string
		roles     []petrarchRole
		skip      bool
		line      int
		actorLine int // line of the current actor's first name
		roleLine  int // line of the current actor's first role
	)
	bad := func(line int, format string, args ...any) {
		errs = append(errs, &ParseError{File: name, Line: line, Err: fmt.Errorf(format, args...)})
	}
	flush := func() {
		switch {
		case len(names) == 0 && len(roles) > 0 && !skip:
			bad(roleLine, "role with no actor name before it")
		case len(names) > 0 && !skip && len(roles) > 0 && !countryHeader(names):
			e, err := petrarchEntry(names, roles)
			switch {
			case err == errNullActor:
			case err != nil:
				bad(actorLine, "actor %q: %v", names[0], err)
			default:
				out = append(out, e)
			}
		}
		names, roles, skip, roleLine = nil, nil, false, 0
	}
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if off := invalidUTF8(text); off >= 0 {
			bad(line, "invalid UTF-8 at byte %d of the line", off)
			if text != "" && text[0] != '\t' && text[0] != ' ' && text[0] != '+' && text[0] != '#' {
				// An actor's line: its roles are not the actor's before.
				flush()
				skip = true
			}
			continue
		}
		indented := text != "" && (text[0] == '\t' || text[0] == ' ')
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		text = strings.TrimSpace(text)
		switch {
		case text == "":
		case strings.HasPrefix(text, "+"):
			if n := petrarchName(text[1:]); n != "" {
				names = append(names, n)
			}
		case indented && strings.HasPrefix(text, "["):
			role, err := parsePetrarchRole(text)
			if err != nil {
				bad(line, "%v", err)
				continue
			}
			if roleLine == 0 {
				roleLine = line
			}
			roles = append(roles, role)
		default:
			flush()
			actorLine = line
			field := text
			if i := strings.IndexAny(text, " \t["); i >= 0 {
				field = text[:i]
				skip = strings.Contains(text[i:], "[") // the code on its own line
			}
			if n := petrarchName(field); n != "" {
				names = append(names, n)
			}
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		bad(line+1, "%v", err)
	}
	errs.sortByLine() // an actor's error is found at its end
	return out, errs.Err()
}

// countryHeader reports whether an actor's names are those of a country
// (its name or demonym in the default gazetteer): a country's block that
// lost its code, and took the roles of the person after it. The
// Phoenix.Countries.actors.txt of PETRARCH-2 has such a block ("CROATIA_",
// "+CROATIAN_", ... then a Cuban minister's roles), which would make every
// "Croatian" a person.
func countryHeader(names []string) bool {
	g, err := defaultGazetteer()
	if err != nil {
		return false
	}
	for _, n := range names {
		for _, e := range g.Lookup(n) {
			if e.Type == Country {
				return true
			}
		}
	}
	return false
}

// petrarchRole is one dated role of an actor: "[DZAGOV >990427]".
type petrarchRole struct {
	code  string
	start string // YYMMDD, or "" when open
}

func parsePetrarchRole(s string) (petrarchRole, error) {
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return petrarchRole{}, fmt.Errorf("role %q has no closing ]", s)
	}
	f := strings.Fields(s[1:end])
	if len(f) == 0 {
		return petrarchRole{}, fmt.Errorf("empty role %q", s)
	}
	r := petrarchRole{code: f[0]}
	if len(f) > 1 {
		d := strings.TrimLeft(f[1], "<>")
		if i := strings.IndexByte(d, '-'); i >= 0 {
			d = d[:i]
		}
		if strings.HasPrefix(f[1], ">") || strings.Contains(f[1], "-") {
			r.start = d
		}
	}
	return r, nil
}

// errNullActor is what petrarchEntry says of an actor coded "---", the
// dictionaries' mark for a name that is deliberately no actor (a namesake
// of someone else): skipped without an error.
var errNullActor = errors.New("null actor")

// petrarchEntry makes the gazetteer entry of a person from their names and
// roles, or says why it cannot.
func petrarchEntry(names []string, roles []petrarchRole) (Entry, error) {
	best := roles[0]
	bestYear := ""
	for _, r := range roles {
		if !strings.Contains(r.code, "GOV") || r.start == "" {
			continue
		}
		if y := centuryDate(r.start); y > bestYear {
			best, bestYear = r, y
		}
	}
	code := best.code
	if strings.HasPrefix(code, "---") {
		return Entry{}, errNullActor
	}
	if len(code) < 3 {
		return Entry{}, fmt.Errorf("role code %q is too short to name a country (want a code such as DZAGOV or IGOUNO)", code)
	}
	// Only people have dated roles; a body with undated ones ("Afghan
	// National Security Forces  [AFGMIL]") is an organisation acting for
	// its country.
	typ := Organization
	for _, r := range roles {
		if r.start != "" {
			typ = Person
			break
		}
	}
	e := Entity{Name: names[0], Type: typ}
	switch {
	case strings.HasPrefix(code, "IGO"):
		e.Code = "IGO"
	case isUpperASCII(code[:3]):
		e.Code = code[:3]
		e.Country = "country/" + strings.ToLower(code[:3])
	default:
		return Entry{}, fmt.Errorf("role code %q does not start with a country code (want a code such as DZAGOV or IGOUNO)", code)
	}
	e.ID = NewID(typ, e.Name)
	var aliases []string
	for _, n := range names[1:] {
		if n != e.Name {
			aliases = append(aliases, n)
		}
	}
	return Entry{Entity: e, Names: append([]string{e.Name}, aliases...), Source: "petrarch"}, nil
}

// centuryDate turns a YYMMDD date into a sortable YYYYMMDD one, reading
// years below 30 as 20xx.
func centuryDate(d string) string {
	if len(d) < 2 {
		return ""
	}
	if d[:2] < "30" {
		return "20" + d
	}
	return "19" + d
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// petrarchName turns "ABDELAZIZ_BOUTEFLIKA_" into "Abdelaziz Bouteflika".
func petrarchName(s string) string {
	words := strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool { return r == '_' })
	for i, w := range words {
		words[i] = titleWord(w)
	}
	return strings.Join(words, " ")
}

// titleWord writes a word in title case, with each hyphenated part
// capitalised ("AL-ASSAD" → "Al-Assad").
func titleWord(w string) string {
	var b strings.Builder
	upper := true
	for _, r := range w {
		if upper {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		upper = r == '-' || r == '\''
	}
	return b.String()
}
