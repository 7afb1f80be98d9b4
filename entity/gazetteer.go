package entity

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/tokenize"
)

// Entry is one gazetteer record: an entity and the names and demonyms that
// refer to it. It is what ReadGazetteer and ReadGazetteerJSON return and what
// NewGazetteer and [Gazetteer.With] take.
//
// Entries with the same Entity.ID are merged into one entity: their names and
// demonyms are united, and each non-empty field of a later entry replaces the
// earlier value (a replaced canonical name stays a name of the entity). So an
// entry that gives only an ID and a few aliases adds names to an entity
// defined elsewhere.
type Entry struct {
	// Entity is the entity. ID is required; Name and Type are required of
	// the first entry with this ID. Entity.Name and Entity.Aliases are names
	// of the entity just as Names are.
	Entity Entity
	// Names are further names that refer to the entity ("U.S.", "Macron").
	// A name written with a leading "=" ("=Hamas") matches only in its own
	// case; the "=" is not part of the name.
	Names []string
	// Demonyms are nationality adjectives that refer to the entity
	// ("French"), matched with Form Demonym.
	Demonyms []string
	// Alpha2 is the ISO 3166-1 alpha-2 code of a country ("FR"). It is never
	// matched in text (too many are English words); see [Gazetteer.Country].
	Alpha2 string
	// Tenures are dated roles of the entity (see [Gazetteer.EntityAt]);
	// those of all entries with the entity's ID are kept, oldest first.
	Tenures []Tenure
	// Source is recorded in each Match of the entry's names: "gazetteer"
	// when empty in NewGazetteer, "user" when empty in [Gazetteer.With].
	Source string
}

// Match is a span of words that names an entity of a Gazetteer.
type Match struct {
	Start, End int // word indices, End exclusive
	// Entity is the matched entity. Its Aliases are shared with the
	// gazetteer and must not be modified.
	Entity Entity
	Form   Form   // Name or Demonym
	Source string // the Source of the entry the matched name came from
}

// Gazetteer finds the names of known entities in a sentence's words.
//
// # Matching
//
// Names are split into words the way package corpus splits text (prose's
// tokenizer: "Xi's" is "Xi" "'s", "U.S." one word), and matched word by word,
// longest match first, left to right, without overlap. A word matches a name
// word when both have the same key: case folded, diacritics removed, curly
// apostrophes and dashes made plain, so "Zelenskyý" matches "Zelenskyy" and
// "Cote d’Ivoire" matches "Côte d'Ivoire". Two rules keep common words apart
// from names:
//
//   - A name word with a capital letter matches only words with a capital
//     letter: "France" and "FRANCE" match France, "france" does not, nor do
//     "turkey", "china" or "chad" in lower case.
//   - An acronym, a name word whose letters are all capitals and at most five
//     ("US", "EU", "WHO", "G7"), matches only itself; one of two to four
//     letters also matches its dotted form ("U.S.", "E.U."). So "US" matches
//     and "us" does not. A name written "=Name" in an Entry matches only
//     itself too.
//
// # Precedence
//
// When several entities share a name, the one from the latest layer wins
// (the entries given to [Gazetteer.With] over those of the gazetteer it
// extends), and within a layer the entity whose entry came first.
// [Gazetteer.Lookup] returns them all, best first.
//
// # Concurrency
//
// A Gazetteer is immutable once built and safe for concurrent use.
type Gazetteer struct {
	entries []layered // every entry, for With; nil when reread is set
	// reread returns the entries again, for a gazetteer that does not
	// keep them (the default one: they are 12 MB, and seldom needed).
	reread   func() []layered
	entities []Entity // sorted by ID
	byID     map[string]int
	byCode   map[string]int // alpha-2 and alpha-3 codes of countries
	index    phraseIndex
	terms    [][]candidate // by terminal index, best first
	tenures  [][]Tenure    // by entity index; nil when no entity has any

	// The index of misspelt names (see near), built on first use.
	nearOnce sync.Once
	nearIdx  nearIndex
	nearKeys map[int][]string // entity index → its name keys
}

type layered struct {
	Entry
	layer int
}

// candidate is an entity a phrase of the index refers to.
type candidate struct {
	entity int // index into entities
	form   Form
	source string
	layer  int
	order  int // entry order within the gazetteer
}

// NewGazetteer returns a gazetteer of the given entries. It reports every
// invalid entry: one without an ID, a name or a known type, a name with no
// words, or a Country that is the ID of an entity other than a COUNTRY (an
// ID the gazetteer lacks is allowed, for a gazetteer that extends another).
func NewGazetteer(entries []Entry) (*Gazetteer, error) {
	return build(firstLayer(entries))
}

func firstLayer(entries []Entry) []layered {
	ls := make([]layered, len(entries))
	for i, e := range entries {
		if e.Source == "" {
			e.Source = "gazetteer"
		}
		ls[i] = layered{e, 0}
	}
	return ls
}

// allEntries returns every entry of g, in order.
func (g *Gazetteer) allEntries() []layered {
	if g.entries == nil && g.reread != nil {
		return g.reread()
	}
	return g.entries
}

// With returns a new gazetteer that has g's entries and the given ones, which
// take precedence: a given entry with the ID of an existing entity is merged
// into it (its non-empty fields win), and a name that a given entry shares
// with an existing entity refers to the given entry's entity. g is unchanged.
func (g *Gazetteer) With(entries ...Entry) (*Gazetteer, error) {
	all := g.allEntries()
	layer := 0
	for _, e := range all {
		layer = max(layer, e.layer)
	}
	ls := make([]layered, len(all), len(all)+len(entries))
	copy(ls, all)
	for _, e := range entries {
		if e.Source == "" {
			e.Source = "user"
		}
		ls = append(ls, layered{e, layer + 1})
	}
	return build(ls)
}

// nameRef is a name or demonym of a merged entity.
type nameRef struct {
	text   string
	form   Form
	source string
	layer  int
	order  int
}

type merged struct {
	e       Entity
	alpha2  string
	names   []nameRef
	tenures []Tenure
}

func build(entries []layered) (*Gazetteer, error) {
	var errs []error
	ms := make([]*merged, 0, len(entries))
	byID := make(map[string]*merged, len(entries))
	pool := make([]merged, 0, len(entries)) // one allocation, never grown: pointers stay valid
	for i, le := range entries {
		e := le.Entry
		id := e.Entity.ID
		if id == "" {
			errs = append(errs, fmt.Errorf("entity: entry %d (%q): no ID", i, e.Entity.Name))
			continue
		}
		m := byID[id]
		if m == nil {
			pool = append(pool, merged{e: Entity{ID: id}})
			m = &pool[len(pool)-1]
			byID[id] = m
			ms = append(ms, m)
		}
		add := func(s string, f Form) {
			if strings.TrimSpace(strings.TrimPrefix(s, "=")) == "" {
				errs = append(errs, fmt.Errorf("entity: entry %d (%s): empty %s", i, id, f))
				return
			}
			m.names = append(m.names, nameRef{s, f, e.Source, le.layer, i})
		}
		x := e.Entity
		if x.Name != "" {
			add(x.Name, Name)
			m.e.Name = strings.TrimPrefix(x.Name, "=")
		}
		for _, s := range x.Aliases {
			add(s, Name)
		}
		for _, s := range e.Names {
			add(s, Name)
		}
		for _, s := range e.Demonyms {
			add(s, Demonym)
		}
		if m.tenures == nil {
			m.tenures = e.Tenures // shared until sorted (see below)
		} else {
			m.tenures = append(slices.Clip(m.tenures), e.Tenures...)
		}
		if x.Type != "" {
			switch x.Type {
			case Person, Country, Organization, Location:
				m.e.Type = x.Type
			default:
				errs = append(errs, fmt.Errorf("entity: entry %d (%s): unknown type %q", i, id, x.Type))
			}
		}
		for _, f := range []struct {
			dst *string
			src string
		}{
			{&m.e.Code, x.Code}, {&m.e.Country, x.Country}, {&m.e.Title, x.Title}, {&m.alpha2, e.Alpha2},
		} {
			if f.src != "" {
				*f.dst = f.src
			}
		}
	}

	g := &Gazetteer{entries: entries, byID: make(map[string]int, len(ms)), byCode: make(map[string]int),
		entities: make([]Entity, 0, len(ms)), terms: make([][]candidate, 0, 2*len(ms))}
	slices.SortFunc(ms, func(a, b *merged) int { return strings.Compare(a.e.ID, b.e.ID) })
	for _, m := range ms {
		if m.e.Name == "" || m.e.Type == "" {
			errs = append(errs, fmt.Errorf("entity: %s: no name or no type", m.e.ID))
		}
	}
	for _, m := range ms {
		if c := m.e.Country; c != "" && byID[c] != nil && byID[c].e.Type != Country {
			errs = append(errs, fmt.Errorf("entity: %s: country %q is not a COUNTRY entity", m.e.ID, c))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	tk := tokenize.New()
	var cpool []candidate
	for i, m := range ms {
		for _, n := range m.names {
			if s := strings.TrimPrefix(n.text, "="); n.form == Name && s != m.e.Name && !slices.Contains(m.e.Aliases, s) {
				m.e.Aliases = append(m.e.Aliases, s)
			}
		}
		slices.Sort(m.e.Aliases)
		m.e.Aliases = slices.Clip(m.e.Aliases)
		g.entities = append(g.entities, m.e)
		g.byID[m.e.ID] = i
		if len(m.tenures) > 0 {
			if g.tenures == nil {
				g.tenures = make([][]Tenure, len(ms))
			}
			byStart := func(a, b Tenure) int { return a.Start.Compare(b.Start) }
			if !slices.IsSortedFunc(m.tenures, byStart) {
				m.tenures = slices.Clone(m.tenures) // not the caller's to sort
				slices.SortStableFunc(m.tenures, byStart)
			}
			g.tenures[i] = slices.Clip(m.tenures)
		}
		if m.e.Type == Country {
			if m.alpha2 != "" {
				g.byCode[m.alpha2] = i
			}
			if m.e.Code != "" {
				g.byCode[m.e.Code] = i
			}
		}
		for _, n := range m.names {
			alts, err := nameTokens(tk, n.text, false)
			if err != nil {
				errs = append(errs, fmt.Errorf("entity: %s: %w", m.e.ID, err))
				continue
			}
			for _, node := range g.index.add(alts) {
				t := node.term
				if t < 0 {
					t = len(g.terms)
					node.term = t
					g.terms = append(g.terms, nil)
				}
				c := candidate{i, n.form, n.source, n.layer, n.order}
				if g.terms[t] == nil {
					// Most phrases name one entity: take a slot of
					// one block rather than allocate a slice each.
					if len(cpool) == cap(cpool) {
						cpool = make([]candidate, 0, 4096)
					}
					cpool = append(cpool, c)
					g.terms[t] = cpool[len(cpool)-1 : len(cpool) : len(cpool)]
					continue
				}
				g.terms[t] = append(g.terms[t], c)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for t, cs := range g.terms {
		slices.SortStableFunc(cs, func(a, b candidate) int {
			if a.layer != b.layer {
				return cmp.Compare(b.layer, a.layer)
			}
			return cmp.Compare(a.order, b.order)
		})
		// Keep each entity once, at its best place.
		out := cs[:0]
		for _, c := range cs {
			if !slices.ContainsFunc(out, func(o candidate) bool { return o.entity == c.entity }) {
				out = append(out, c)
			}
		}
		g.terms[t] = slices.Clip(out)
	}
	return g, nil
}

// nameTokens splits a name into words and gives, for each, the ways it may
// match a word of text. With titleCase false a capitalised word asks for a
// capital in the text; titles match in any case.
func nameTokens(tk *tokenize.Tokenizer, name string, anyCase bool) ([][]token, error) {
	exact := strings.HasPrefix(name, "=")
	words := splitName(tk, strings.TrimPrefix(name, "="))
	if len(words) == 0 {
		return nil, fmt.Errorf("name %q has no words", name)
	}
	alts := make([][]token, len(words))
	for i, w := range words {
		switch {
		case exact || isAcronym(w):
			alts[i] = []token{{matchExact, w}}
			if d := dotted(w); d != "" {
				alts[i] = append(alts[i], token{matchExact, d})
			}
		case !anyCase && hasUpper(w):
			alts[i] = []token{{matchCap, key(w)}}
		default:
			alts[i] = []token{{matchAny, key(w)}}
		}
	}
	return alts, nil
}

// Match returns the names of entities among words, longest first, left to
// right and without overlap, sorted by Start. words are a sentence's tokens
// as package corpus splits them.
func (g *Gazetteer) Match(words []string) []Match {
	if len(words) == 0 {
		return nil
	}
	var out []Match
	for i := 0; i < len(words); {
		end, t := g.index.longestAt(words, i, false)
		if t < 0 {
			i++
			continue
		}
		c := g.terms[t][0]
		out = append(out, Match{Start: i, End: end, Entity: g.entities[c.entity], Form: c.form, Source: c.source})
		i = end
	}
	return out
}

// Entity returns the entity with the given ID.
func (g *Gazetteer) Entity(id string) (Entity, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Entity{}, false
	}
	return clone(g.entities[i]), true
}

// Country returns the COUNTRY entity with the given ISO 3166-1 alpha-2 or
// alpha-3 code, such as "FR" or "FRA".
func (g *Gazetteer) Country(code string) (Entity, bool) {
	i, ok := g.byCode[code]
	if !ok {
		return Entity{}, false
	}
	return clone(g.entities[i]), true
}

// Lookup returns the entities that a name or demonym refers to, best first
// (see Precedence), or nil. The name is split and compared as in Match,
// except that a lower-case name may match a capitalised one: Lookup("france")
// finds France, but Lookup("us") does not find the United States.
func (g *Gazetteer) Lookup(name string) []Entity {
	words := splitName(tokenize.New(), name)
	if len(words) == 0 {
		return nil
	}
	end, t := g.index.longestAt(words, 0, true)
	if t < 0 || end != len(words) {
		return nil
	}
	out := make([]Entity, len(g.terms[t]))
	for i, c := range g.terms[t] {
		out[i] = clone(g.entities[c.entity])
	}
	return out
}

// Entities returns every entity, sorted by ID.
func (g *Gazetteer) Entities() []Entity {
	out := make([]Entity, len(g.entities))
	for i, e := range g.entities {
		out[i] = clone(e)
	}
	return out
}

func clone(e Entity) Entity {
	e.Aliases = slices.Clone(e.Aliases)
	return e
}
