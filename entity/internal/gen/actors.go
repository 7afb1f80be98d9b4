package gen

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/entity"
)

// Row is one generated gazetteer row.
type Row struct {
	ID, Type, Name string
	Aliases        []string
	Code, Country  string
	Title          string
}

// Role is one dated role of a person, as written in roles.tsv:
// "CODE:START:END:TITLE", dates as YYYY-MM-DD, empty when open.
type Role struct {
	Code       string // "FRA", "IGO", "NGO"
	Start, End string // YYYY-MM-DD or ""
	Title      string
}

func (r Role) String() string { return r.Code + ":" + r.Start + ":" + r.End + ":" + r.Title }

// Actors is what Generate makes from the shared data.
type Actors struct {
	Parties []Row // Party Facts
	Orgs    []Row // Phoenix International and MilNonState organisations
	People  []Row // Phoenix people with dated roles
	Roles   map[string][]Role
	// Dropped counts, per output file, what each filter left out.
	Dropped map[string]map[string]int
}

func (a *Actors) drop(file, why string) {
	if a.Dropped[file] == nil {
		a.Dropped[file] = map[string]int{}
	}
	a.Dropped[file][why]++
}

// Hand is what the hand-kept default files say, which generated rows must
// not contradict: they win for the same ID or name.
type Hand struct {
	IDs       map[string]bool
	Names     map[string]string // lower-case name → ID
	Countries map[string]bool   // alpha-3 codes of the country entities
	CountryOf map[string]string // lower-case country name or demonym → alpha-3
	Titles    map[string]bool   // lower-case words of the titles lexicon
}

// ReadHand reads the hand-kept gazetteer files and the titles lexicon.
func ReadHand(files map[string]string, titles string) (*Hand, error) {
	h := &Hand{IDs: map[string]bool{}, Names: map[string]string{}, Countries: map[string]bool{},
		CountryOf: map[string]string{}, Titles: map[string]bool{}}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		es, err := entity.ReadGazetteer(strings.NewReader(files[name]), name)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			h.IDs[e.Entity.ID] = true
			code := ""
			if strings.HasPrefix(e.Entity.ID, "country/") {
				code = strings.ToUpper(strings.TrimPrefix(e.Entity.ID, "country/"))
				h.Countries[code] = true
			}
			for _, n := range append(append([]string{e.Entity.Name}, e.Names...), e.Entity.Aliases...) {
				n = strings.TrimPrefix(n, "=")
				if n == "" {
					continue
				}
				if _, ok := h.Names[strings.ToLower(n)]; !ok {
					h.Names[strings.ToLower(n)] = e.Entity.ID
				}
				if code != "" {
					h.CountryOf[strings.ToLower(n)] = code
				}
			}
			for _, d := range e.Demonyms {
				h.Names[strings.ToLower(d)] = e.Entity.ID
				if code != "" {
					h.CountryOf[strings.ToLower(d)] = code
				}
			}
		}
	}
	for line := range strings.SplitSeq(titles, "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "title\t") {
			continue
		}
		f := strings.Split(line, "\t")
		for _, t := range f[:min(2, len(f))] {
			for _, form := range strings.Split(t, "|") {
				for w := range strings.FieldsFuncSeq(form, func(r rune) bool { return r == ' ' || r == '-' }) {
					h.Titles[strings.ToLower(w)] = true
				}
			}
		}
	}
	for _, w := range honorifics {
		h.Titles[w] = true
	}
	return h, nil
}

// honorifics are the words before a name that are not offices.
var honorifics = []string{"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady",
	"sen", "sen.", "rep", "rep.", "senator", "gen", "gen.", "col", "col.", "maj", "maj.", "capt", "capt.", "lt", "lt.",
	"sheikh", "sheik", "prince", "princess", "emir", "sultan", "imam", "rev", "rev.", "reverend", "father", "brother"}

// Words tells which words are ordinary English: counts from unlabelled news
// and from the tokens of an annotated corpus.
type Words struct {
	Lower  map[string]int            // lower-case occurrences of a word, by its lower-case form
	Other  map[string]int            // occurrences of a capitalised phrase (up to six words) outside any entity (CoNLL tag O), by its lower-case form
	Entity map[string]map[string]int // lower-case phrase → CoNLL type → occurrences as a whole entity
}

// maxPhrase is the longest phrase Words counts outside entities.
const maxPhrase = 6

// ReadWords counts the words of CoNLL-2003 train and of the White House
// briefings under dir.
func ReadWords(dir string) (*Words, error) {
	w := &Words{Lower: map[string]int{}, Other: map[string]int{}, Entity: map[string]map[string]int{}}
	f, err := os.Open(filepath.Join(dir, "conll2003", "eng.train"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var toks, tags []string
	sentence := func() {
		for i := 0; i < len(toks); i++ {
			if tags[i] == "O" {
				for j := i + 1; j <= min(len(toks), i+maxPhrase) && tags[j-1] == "O"; j++ {
					if unicode.IsUpper([]rune(toks[i])[0]) {
						w.Other[strings.ToLower(strings.Join(toks[i:j], " "))]++
					}
				}
				continue
			}
			typ := tags[i][2:]
			j := i + 1
			for j < len(toks) && tags[j] == "I-"+typ {
				j++
			}
			p := strings.ToLower(strings.Join(toks[i:j], " "))
			if w.Entity[p] == nil {
				w.Entity[p] = map[string]int{}
			}
			w.Entity[p][typ]++
			i = j - 1
		}
		toks, tags = toks[:0], tags[:0]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 4 || fs[0] == "-DOCSTART-" {
			sentence()
			continue
		}
		tok, tag := fs[0], fs[len(fs)-1]
		toks, tags = append(toks, tok), append(tags, tag)
		if isLowerWord(tok) {
			w.Lower[tok]++
		}
	}
	sentence()
	if err := sc.Err(); err != nil {
		return nil, err
	}
	b, err := os.Open(filepath.Join(dir, "wh_briefings", "wh_briefing_room.jsonl"))
	if err != nil {
		return nil, err
	}
	defer b.Close()
	sc = bufio.NewScanner(b)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var doc struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return nil, fmt.Errorf("wh_briefing_room.jsonl: %v", err)
		}
		for tok := range strings.FieldsFuncSeq(doc.Text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
			if isLowerWord(tok) {
				w.Lower[tok]++
			}
		}
	}
	return w, sc.Err()
}

func isLowerWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) && r != '\'' && r != '-' {
			return false
		}
	}
	return true
}

// common reports whether a one-word name is an ordinary word: written in
// lower case at least twice in the counted text.
func (w *Words) common(word string) bool {
	return !strings.Contains(word, " ") && w.Lower[strings.ToLower(word)] >= 2
}

// misleading says why a name of an entity of CoNLL type typ would mislead
// in news, as CoNLL-2003 train tags it, or "": it is found outside any
// entity at least twice and more often than as an entity, or as an entity
// of another type (MISC included) more often than of typ.
func (w *Words) misleading(name, typ string) string {
	name = strings.ToLower(name)
	ent, same := 0, w.Entity[name][typ]
	for _, n := range w.Entity[name] {
		ent += n
	}
	switch {
	case w.Other[name] >= 2 && w.Other[name] > ent:
		return "found outside names in CoNLL-2003 train more often than as one"
	case ent-same > same:
		return "a name of another type in CoNLL-2003 train"
	}
	return ""
}

// Generate makes the rows of the parties, organisations and people files
// and the dated roles from the shared data folder dir.
func Generate(dir string, hand *Hand, words *Words) (*Actors, error) {
	a := &Actors{Roles: map[string][]Role{}, Dropped: map[string]map[string]int{}}
	if err := a.parties(filepath.Join(dir, "partyfacts", "partyfacts-core-parties.csv"), hand, words); err != nil {
		return nil, err
	}
	var blocks []block
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		bs, err := readPhoenix(filepath.Join(dir, "petrarch2_dictionaries", f), f)
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, bs...)
	}
	a.phoenix(blocks, hand, words)
	return a, nil
}

// cleanName tidies a name of the data: spaces, parenthesised parts taken
// out (returned apart), and a leading "The" dropped.
func cleanName(s string) (string, []string) {
	var paren []string
	for {
		i := strings.IndexAny(s, "([")
		j := strings.IndexAny(s, ")]")
		if i < 0 || j < i {
			break
		}
		if p := strings.TrimSpace(s[i+1 : j]); p != "" && s[i] == '(' {
			paren = append(paren, p)
		}
		s = s[:i] + " " + s[j+1:]
	}
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimSuffix(s, ",")
	if rest, ok := strings.CutPrefix(s, "The "); ok && strings.Contains(rest, " ") {
		s = rest
	}
	return s, paren
}

// latin reports whether every letter of s is a Latin one, and s has a
// capital letter.
func latin(s string) bool {
	upper := false
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}

// nameCheck says why a name cannot be a generated name, or "" when it can.
func nameCheck(name, typ string, hand *Hand, words *Words) string {
	switch {
	case !latin(name):
		return "not in Latin letters or no capital"
	case strings.ContainsAny(name, "|\t"):
		return "a tab or bar in the name"
	case len(name) < 2:
		return "shorter than two letters"
	case hand.Names[strings.ToLower(name)] != "":
		return "a name of the hand-kept files"
	}
	if words.common(name) {
		return "one word that is a common word"
	}
	for _, w := range strings.Fields(name)[1:] {
		if isLowerWord(w) && !smallWords[w] && words.common(w) {
			return "an English word in lower case other than of, the, and..."
		}
	}
	if ws := strings.Fields(name); smallWords[strings.ToLower(ws[len(ws)-1])] || strings.HasSuffix(name, "&") {
		return "ends in of, the, and..."
	}
	if !strings.Contains(name, " ") && utf8.RuneCountInString(name) <= 2 {
		return "one word of two letters or less"
	}
	return words.misleading(name, typ)
}

func (a *Actors) parties(path string, hand *Hand, words *Words) error {
	const file = "parties.tsv"
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	type party struct {
		id      int
		country string
		names   []string
		share   float64 // best vote share, per cent
	}
	var ps []party
	owners := map[string]map[string]bool{} // lower-case name → countries
	parties := map[string]int{}            // lower-case name → parties
	line := 1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			return fmt.Errorf("%s:%d: %v", path, line, err)
		}
		get := func(c string) string { return strings.TrimSpace(rec[col[c]]) }
		if get("technical") != "" {
			a.drop(file, "technical rows (independents, others)")
			continue
		}
		id, err := strconv.Atoi(get("partyfacts_id"))
		if err != nil {
			return fmt.Errorf("%s:%d: partyfacts_id: %v", path, line, err)
		}
		p := party{id: id, country: get("country")}
		p.share, _ = strconv.ParseFloat(get("share"), 64)
		var raw []string
		for _, f := range []string{get("name_english"), get("name"), get("name_short")} {
			raw = append(raw, strings.FieldsFunc(f, func(r rune) bool { return r == '/' || r == '|' })...)
		}
		seen := map[string]bool{}
		for _, n := range raw {
			n, paren := cleanName(n)
			for _, x := range append([]string{n}, paren...) {
				if x == "" || seen[strings.ToLower(x)] {
					continue
				}
				seen[strings.ToLower(x)] = true
				p.names = append(p.names, x)
				if owners[strings.ToLower(x)] == nil {
					owners[strings.ToLower(x)] = map[string]bool{}
				}
				owners[strings.ToLower(x)][p.country] = true
				parties[strings.ToLower(x)]++
			}
		}
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(x, y party) int { return x.id - y.id })
	used := map[string]bool{}
	for _, p := range ps {
		var names []string
		for _, n := range p.names {
			k := strings.ToLower(n)
			if why := nameCheck(n, "ORG", hand, words); why != "" {
				a.drop(file, "name: "+why)
				continue
			}
			if len(owners[k]) > 1 {
				a.drop(file, "name: shared by parties of several countries")
				continue
			}
			if isAcronymName(n) && p.share < minShare {
				a.drop(file, fmt.Sprintf("name: an acronym of a party that never won %g%% of the vote", minShare))
				continue
			}
			if len(strings.Fields(n)) <= 2 && !slices.ContainsFunc(strings.Fields(n), func(w string) bool { return !words.common(w) }) && p.share < minShare {
				a.drop(file, fmt.Sprintf("name: one or two common words, of a party that never won %g%% of the vote", minShare))
				continue
			}
			if parties[k] > 1 {
				a.drop(file, "name: shared by several parties of one country")
				continue
			}
			names = append(names, n)
		}
		if len(names) == 0 {
			a.drop(file, "party: no name left")
			continue
		}
		row := Row{Type: "ORGANIZATION", Name: names[0], Aliases: names[1:]}
		if hand.Countries[p.country] {
			row.Code, row.Country = p.country, "country/"+strings.ToLower(p.country)
		} else {
			a.drop(file, "code: not an ISO 3166 country of the gazetteer (kept without code)")
		}
		row.ID = uniqueID(entity.NewID(entity.Organization, row.Name), p.country, hand, used)
		a.Parties = append(a.Parties, row)
	}
	return nil
}

// minShare is the vote share, in per cent, below which a party's acronym
// or a name of one or two common words is too little known to be a name:
// "RMS" is more often something else than the Czech Republicans.
const minShare = 10.0

func uniqueID(id, code string, hand *Hand, used map[string]bool) string {
	if hand.IDs[id] || used[id] {
		id += "-" + strings.ToLower(code)
	}
	for i := 2; hand.IDs[id] || used[id]; i++ {
		id = strings.TrimSuffix(id, "-"+strconv.Itoa(i-1)) + "-" + strconv.Itoa(i)
	}
	used[id] = true
	return id
}

// block is one actor of a Phoenix dictionary.
type block struct {
	file  string
	names []string // upper case, words joined by spaces
	code  string   // the code on the actor's own line, if any
	roles []phRole
}

type phRole struct {
	code       string // CAMEO actor code: "DEUGOV", "IGOUNO"
	start, end string // YYYY-MM-DD or ""
	dated      bool
	comment    string
}

func readPhoenix(path, file string) ([]block, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []block
	var cur *block
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.ReplaceAll(sc.Text(), "\x1a", "")
		indented := text != "" && (text[0] == '\t' || text[0] == ' ')
		body, comment, _ := strings.Cut(text, "#")
		body = strings.TrimSpace(body)
		comment = strings.TrimSpace(strings.SplitN(comment, "#", 2)[0])
		switch {
		case body == "":
		case strings.HasPrefix(body, "+"):
			if cur != nil {
				if n := phName(body[1:]); n != "" {
					cur.names = append(cur.names, n)
				}
			}
		case indented && strings.HasPrefix(body, "["):
			if cur != nil {
				cur.roles = append(cur.roles, phRoles(body, comment)...)
			}
		default:
			out = append(out, block{file: file})
			cur = &out[len(out)-1]
			name := body
			if i := strings.IndexByte(body, '['); i >= 0 {
				name = body[:i]
				rs := phRoles(body[i:], comment)
				if len(rs) == 1 && !rs[0].dated {
					cur.code = rs[0].code
				} else {
					cur.roles = append(cur.roles, rs...)
				}
			}
			if n := phName(name); n != "" {
				cur.names = append(cur.names, n)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %v", path, line+1, err)
	}
	return out, nil
}

func phName(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", " ")
	return strings.Join(strings.Fields(s), " ")
}

// phRoles reads the roles of "[DEUGOV 19981027-20051122][DEUELI]".
func phRoles(s, comment string) []phRole {
	var out []phRole
	for {
		i := strings.IndexByte(s, '[')
		j := strings.IndexByte(s, ']')
		if i < 0 || j < i {
			return out
		}
		f := strings.Fields(s[i+1 : j])
		s = s[j+1:]
		if len(f) == 0 {
			continue
		}
		r := phRole{code: f[0], comment: comment}
		if len(f) > 1 {
			d := f[1]
			r.dated = true
			switch {
			case strings.HasPrefix(d, ">"):
				r.start = phDate(d[1:])
			case strings.HasPrefix(d, "<"):
				r.end = phDate(d[1:])
			default:
				x, y, _ := strings.Cut(d, "-")
				r.start, r.end = phDate(x), phDate(y)
			}
			if r.start == "" && r.end == "" {
				r.dated = false // a date that cannot be read
			}
		}
		out = append(out, r)
	}
}

// phDate reads YYMMDD (years below 30 are 20xx) or YYYYMMDD.
func phDate(s string) string {
	var t time.Time
	var err error
	switch len(s) {
	case 6:
		c := "19"
		if s[:2] < "30" {
			c = "20"
		}
		t, err = time.Parse("20060102", c+s)
	case 8:
		t, err = time.Parse("20060102", s)
	default:
		return ""
	}
	if err != nil {
		return ""
	}
	return t.Format("2006-01-02")
}

// smallWords stay in lower case in a name written from upper case.
var smallWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true,
	"at": true, "to": true, "de": true, "del": true, "della": true, "der": true, "den": true, "van": true,
	"von": true, "da": true, "dos": true, "das": true, "du": true, "la": true, "le": true, "y": true,
	"bin": true, "ibn": true, "bint": true, "al": true, "el": true, "des": true, "against": true, "with": true}

// orgWords mark an undated actor's name as an organisation's.
var orgWords = map[string]bool{"union": true, "organization": true, "organisation": true, "association": true,
	"council": true, "committee": true, "fund": true, "bank": true, "front": true, "army": true, "brigade": true,
	"brigades": true, "movement": true, "party": true, "group": true, "league": true, "federation": true,
	"institute": true, "foundation": true, "agency": true, "commission": true, "society": true, "inc": true,
	"corporation": true, "company": true, "corp": true, "network": true, "alliance": true, "forces": true,
	"center": true, "centre": true, "programme": true, "program": true, "office": true, "court": true,
	"trust": true, "international": true, "nations": true, "community": true, "conference": true,
	"secretariat": true, "cells": true, "nuclei": true, "faction": true, "militia": true, "jihad": true,
	"mujahideen": true, "tigers": true, "liberation": true, "resistance": true, "revolutionary": true,
	"partners": true, "holdings": true, "industries": true, "technologies": true, "pharmaceuticals": true,
	"ltd": true, "plc": true, "llc": true, "l.p.": true, "group's": true, "board": true, "parliament": true}

// companySuffixes are left out of a company's usual name.
var companySuffixes = []string{" Inc", " Inc.", " Corporation", " Corp", " Corp.", " Company", " Co", " Co.",
	" Ltd", " Ltd.", " L.P.", " LLC", " PLC", " Holdings", " Limited"}

// caseName writes an upper-case name of the dictionaries in title case;
// a one-word name of up to five letters is an acronym and stays.
func caseName(s string) string {
	ws := strings.Fields(s)
	if len(ws) == 1 && len(ws[0]) <= 5 && !strings.ContainsAny(ws[0], "-'") {
		return ws[0]
	}
	for i, w := range ws {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && smallWords[lw]:
			ws[i] = lw
		case !hasVowel(w) && len(w) <= 6 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '/' }) < 0:
			// an acronym inside a name: "EC/UNFPA"
		default:
			ws[i] = titleWord(w)
		}
	}
	return strings.Join(ws, " ")
}

func hasVowel(s string) bool { return strings.ContainsAny(strings.ToLower(s), "aeiouy") }

func titleWord(w string) string {
	var b strings.Builder
	upper := true
	for _, r := range w {
		if upper {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		upper = r == '-' || r == '/' || r == '.'
	}
	return b.String()
}

// codeOf maps a CAMEO actor code to the gazetteer's code and country.
func codeOf(c string, hand *Hand) (code, country string, ok bool) {
	if len(c) < 3 {
		return "", "", false
	}
	p := c[:3]
	switch {
	case p == "IGO" || p == "NGO" || p == "MNC":
		if p == "MNC" {
			p = "" // a company acts for no state: its country, no code
		}
		if len(c) >= 6 && hand.Countries[c[3:6]] {
			return p, "country/" + strings.ToLower(c[3:6]), true
		}
		return p, "", true
	case p == "IMG" || p == "INT" || p == "UIS":
		return "", "", true
	case hand.Countries[p]:
		return p, "country/" + strings.ToLower(p), true
	}
	return "", "", false
}

func (a *Actors) phoenix(blocks []block, hand *Hand, words *Words) {
	const orgFile, personFile = "actors.tsv", "office_holders.tsv"
	type person struct {
		names []string
		roles []Role
		hand  string // the hand-kept entity it is, if any
	}
	var people []*person
	var orgs []Row
	surnames := map[string]int{} // lower-case word → persons it ends a name of
	for _, b := range blocks {
		dated := false
		for _, r := range b.roles {
			dated = dated || r.dated
		}
		if dated {
			p := &person{}
			for _, n := range b.names {
				n = stripTitles(caseName(n), hand)
				if n == "" {
					a.drop(personFile, "name: a title or honorific with no name after it")
					continue
				}
				if !slices.Contains(p.names, n) {
					p.names = append(p.names, n)
				}
			}
			for _, r := range b.roles {
				if !r.dated {
					continue
				}
				code, _, ok := codeOf(r.code, hand)
				if !ok || code == "" {
					a.drop(personFile, "role: code of no country, IGO or NGO")
					continue
				}
				if r.start != "" && r.end != "" && r.end < r.start {
					a.drop(personFile, "role: ends before it starts")
					continue
				}
				p.roles = append(p.roles, Role{Code: code, Start: r.start, End: r.end, Title: roleTitle(r.comment, hand)})
			}
			if len(p.names) == 0 || len(p.roles) == 0 {
				a.drop(personFile, "person: no name or no usable role")
				continue
			}
			if slices.ContainsFunc(p.names, func(n string) bool {
				id := hand.Names[strings.ToLower(n)]
				return strings.HasPrefix(id, "country/") || strings.HasPrefix(id, "location/")
			}) {
				a.drop(personFile, "person: a name is a country's or place's (a country's block given a person's roles)")
				continue
			}
			for _, n := range p.names {
				if id := hand.Names[strings.ToLower(n)]; strings.HasPrefix(id, "person/") {
					p.hand = id
				}
			}
			if id := entity.NewID(entity.Person, p.names[0]); p.hand == "" && hand.IDs[id] {
				p.hand = id
			}
			if p.hand == "" {
				seen := map[string]bool{}
				for _, n := range p.names {
					ws := strings.Fields(n)
					if l := strings.ToLower(ws[len(ws)-1]); !seen[l] {
						seen[l] = true
						surnames[l]++
					}
				}
			}
			people = append(people, p)
			continue
		}
		// An organisation, a group or a person without dates.
		code := b.code
		if code == "" && len(b.roles) > 0 {
			code = b.roles[0].code
		}
		if b.file == "Phoenix.Countries.actors.txt" {
			a.drop(orgFile, "Countries file: country or national body (the hand-kept files name those)")
			continue
		}
		if code == "" {
			a.drop(orgFile, "actor: no code")
			continue
		}
		isOrg := false
		for _, n := range b.names {
			for _, w := range strings.Fields(strings.ToLower(n)) {
				isOrg = isOrg || orgWords[strings.Trim(w, ",.")]
			}
			isOrg = isOrg || (!strings.Contains(n, " ") && len(n) <= 5)
		}
		if !isOrg {
			a.drop(orgFile, "actor: undated and no word of an organisation's name (a person or unclear)")
			continue
		}
		c, country, ok := codeOf(code, hand)
		if !ok {
			a.drop(orgFile, "actor: code of no country, IGO, NGO or international group")
			continue
		}
		var names []string
		for _, n := range b.names {
			n, paren := cleanName(caseName(n))
			for _, x := range append([]string{n}, paren...) {
				if x != "" && !slices.Contains(names, x) {
					names = append(names, x)
				}
				for _, s := range companySuffixes {
					if y, ok := strings.CutSuffix(x, s); ok && strings.Contains(y, " ") && !slices.Contains(names, y) {
						names = append(names, strings.TrimSuffix(y, ","))
					}
				}
			}
		}
		known := false
		for _, n := range names {
			known = known || hand.Names[strings.ToLower(n)] != ""
		}
		if known {
			a.drop(orgFile, "actor: one of its names is in the hand-kept files")
			continue
		}
		orgs = append(orgs, Row{Type: "ORGANIZATION", Name: "", Aliases: names, Code: c, Country: country})
	}

	// Organisations: a name given to two actors of different codes is
	// dropped from both; the dictionaries list some actors twice, with the
	// same code, and the first keeps the name.
	codes := map[string]map[string]bool{}
	for _, o := range orgs {
		for _, n := range o.Aliases {
			k := strings.ToLower(n)
			if codes[k] == nil {
				codes[k] = map[string]bool{}
			}
			codes[k][o.Code+"/"+o.Country] = true
		}
	}
	used := map[string]bool{}
	taken := map[string]bool{}
	for _, o := range orgs {
		var names []string
		for _, n := range o.Aliases {
			k := strings.ToLower(n)
			if why := nameCheck(n, "ORG", hand, words); why != "" {
				a.drop(orgFile, "name: "+why)
				continue
			}
			if len(codes[k]) > 1 {
				a.drop(orgFile, "name: shared by actors of different codes")
				continue
			}
			if taken[k] {
				a.drop(orgFile, "name: of an actor listed again (the first keeps it)")
				continue
			}
			taken[k] = true
			names = append(names, n)
		}
		if len(names) == 0 {
			a.drop(orgFile, "actor: no name left")
			continue
		}
		o.Name, o.Aliases = names[0], names[1:]
		o.ID = uniqueID(entity.NewID(entity.Organization, o.Name), o.Code, hand, used)
		a.Orgs = append(a.Orgs, o)
	}

	// People.
	count := map[string]int{}
	for _, p := range people {
		if p.hand != "" {
			continue
		}
		for _, n := range p.names {
			count[strings.ToLower(n)]++
		}
	}
	for _, p := range people {
		slices.SortFunc(p.roles, func(x, y Role) int { return strings.Compare(x.Start+x.End, y.Start+y.End) })
		p.roles = slices.Compact(p.roles)
		if p.hand != "" {
			a.Roles[p.hand] = mergeRoles(a.Roles[p.hand], p.roles)
			continue
		}
		var names []string
		for _, n := range p.names {
			k := strings.ToLower(n)
			one := !strings.Contains(n, " ")
			switch {
			case nameCheck(n, "PER", hand, words) != "":
				a.drop(personFile, "name: "+nameCheck(n, "PER", hand, words))
			case count[k] > 1:
				a.drop(personFile, "name: shared by several people")
			case one && surnames[k] > 1:
				a.drop(personFile, "name: one word that ends the names of several people")
			case one && !slices.ContainsFunc(p.names, func(m string) bool { return strings.HasSuffix(m, " "+n) }):
				a.drop(personFile, "name: one word that is not the surname of a longer name")
			default:
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			a.drop(personFile, "person: no name left")
			continue
		}
		// The canonical name is the first of two words or more.
		for i, n := range names {
			if strings.Contains(n, " ") {
				names[0], names[i] = names[i], names[0]
				break
			}
		}
		latest := p.roles[0]
		for _, r := range p.roles {
			if r.Start >= latest.Start {
				latest = r
			}
		}
		row := Row{Type: "PERSON", Name: names[0], Aliases: names[1:], Code: latest.Code, Title: latest.Title}
		if hand.Countries[latest.Code] {
			row.Country = "country/" + strings.ToLower(latest.Code)
		}
		row.ID = uniqueID(entity.NewID(entity.Person, row.Name), row.Code, hand, used)
		a.People = append(a.People, row)
		a.Roles[row.ID] = p.roles
	}
}

func mergeRoles(a, b []Role) []Role {
	out := append(slices.Clone(a), b...)
	slices.SortFunc(out, func(x, y Role) int { return strings.Compare(x.Start+x.End+x.Code, y.Start+y.End+y.Code) })
	return slices.Compact(out)
}

// stripTitles takes the titles, honorifics, demonyms and country names
// before the last word of a person's name off it ("UN Secretary-General Ban
// Ki-Moon" → "Ban Ki-Moon").
func stripTitles(name string, hand *Hand) string {
	ws := strings.Fields(name)
	cut := 0
	for i, w := range ws[:len(ws)-1] {
		lw := strings.ToLower(w)
		parts := strings.Split(lw, "-")
		title := hand.Titles[lw] || hand.CountryOf[lw] != "" || (len(parts) > 1 && hand.Titles[parts[0]] && hand.Titles[parts[len(parts)-1]])
		if title || lw == "un" || lw == "u.n." || lw == "us" || lw == "u.s." {
			cut = i + 1
		}
	}
	return strings.Join(ws[cut:], " ")
}

// roleTitle reads the office in a role's comment, "Chancellor of Germany":
// the words before " of " when what follows names a country.
func roleTitle(comment string, hand *Hand) string {
	t, place, ok := strings.Cut(comment, " of ")
	if !ok {
		return ""
	}
	place = strings.TrimPrefix(strings.TrimSpace(place), "the ")
	if hand.CountryOf[strings.ToLower(place)] == "" || len(strings.Fields(t)) > 4 {
		return ""
	}
	t = strings.TrimSpace(t)
	if t == "" || strings.ContainsAny(t, ":|\t") || !unicode.IsUpper([]rune(t)[0]) {
		return ""
	}
	return t
}

// WriteRows writes rows in the gazetteer's TSV format under a header
// comment (head, one line a string), with a line for each count of what
// the filters dropped.
func WriteRows(w io.Writer, head []string, dropped map[string]int, rows []Row) error {
	bw := bufio.NewWriter(w)
	for _, h := range head {
		fmt.Fprintln(bw, strings.TrimRight("# "+h, " "))
	}
	writeDropped(bw, dropped)
	fmt.Fprintln(bw, "id\ttype\tname\taliases\tcode\tcountry\ttitle")
	rows = slices.Clone(rows)
	slices.SortFunc(rows, func(a, b Row) int { return strings.Compare(a.ID, b.ID) })
	for _, r := range rows {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Type, r.Name, strings.Join(r.Aliases, "|"), r.Code, r.Country, r.Title)
	}
	return bw.Flush()
}

func writeDropped(bw *bufio.Writer, dropped map[string]int) {
	if len(dropped) == 0 {
		return
	}
	fmt.Fprintln(bw, "#")
	fmt.Fprintln(bw, "# Left out by the generator's filters:")
	for _, k := range slices.Sorted(maps.Keys(dropped)) {
		fmt.Fprintf(bw, "#   %6d  %s\n", dropped[k], k)
	}
}

// WriteRoles writes the dated roles as "id<TAB>roles" lines, each role
// CODE:START:END:TITLE and roles separated by "|", sorted by id.
func WriteRoles(w io.Writer, head []string, roles map[string][]Role) error {
	bw := bufio.NewWriter(w)
	for _, h := range head {
		fmt.Fprintln(bw, strings.TrimRight("# "+h, " "))
	}
	fmt.Fprintln(bw, "id\troles")
	for _, id := range slices.Sorted(maps.Keys(roles)) {
		var parts []string
		for _, r := range roles[id] {
			parts = append(parts, r.String())
		}
		fmt.Fprintf(bw, "%s\t%s\n", id, strings.Join(parts, "|"))
	}
	return bw.Flush()
}

// ActorFiles are the files WriteActors writes.
var ActorFiles = []string{"parties.tsv", "actors.tsv", "office_holders.tsv", "roles.tsv"}

// WriteActors generates the parties, organisations, office holders and roles
// files from the shared data folder dir into outDir, not contradicting the
// hand-kept files (name → text) and the titles lexicon.
func WriteActors(dir, outDir string, handFiles map[string]string, titles string) error {
	hand, err := ReadHand(handFiles, titles)
	if err != nil {
		return err
	}
	words, err := ReadWords(dir)
	if err != nil {
		return err
	}
	a, err := Generate(dir, hand, words)
	if err != nil {
		return err
	}
	const gen = "Code generated by go run gen_actors.go from the shared data folder; DO NOT EDIT."
	const filters = "Names are left out when they are common English words (one word written in lower case twice in CoNLL-2003 train or the White House briefings, or tagged O there more often than as a name), shared by entities of several countries or several entities, or names of the hand-kept files, which win."
	partyfacts := []string{gen, "",
		"Political parties of every country from Party Facts (partyfacts-core-parties.csv, github.com/hdigital/partyfactsdata),",
		"MIT licence, Copyright (c) 2022 Party Facts authors. Doring, Holger, and Sven Regel. 2019. \"Party Facts: A Database",
		"of Political Parties Worldwide.\" Party Politics 25(2): 97-109.",
		"Each party has its English names, its name in the original language when written in Latin letters and its short",
		"name; its code is its country's.", ""}
	phoenix := []string{gen, "",
		"From the PETRARCH-2 Phoenix actor dictionaries (github.com/openeventdata/petrarch2), MIT licence,",
		"Copyright (c) 2014/2015 Open Event Data Alliance; the actor data derive from CountryInfo.txt.", ""}
	for _, f := range []struct {
		name string
		head []string
		rows []Row
	}{
		{"parties.tsv", append(partyfacts, filters), a.Parties},
		{"actors.tsv", append(slices.Clone(phoenix), "International organisations (code IGO), non-governmental ones (NGO), companies (no code, their country) and", "armed and other non-state groups (their country's code, none for an international one), from", "Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt.", filters), a.Orgs},
		{"office_holders.tsv", append(slices.Clone(phoenix), "People with dated roles from Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and", "Phoenix.MilNonState.actors.txt whom the hand-kept files lack; code, country and title are those of their latest", "role (see roles.tsv for all of them). Titles, honorifics and demonyms before a name are taken off it.", filters), a.People},
	} {
		var buf strings.Builder
		if err := WriteRows(&buf, f.head, a.Dropped[f.name], f.rows); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(outDir, f.name), []byte(buf.String()), 0o644); err != nil {
			return err
		}
	}
	var buf strings.Builder
	head := append(slices.Clone(phoenix), "The dated roles of people, by entity ID: CODE:START:END:TITLE, code as in the gazetteer,",
		"dates YYYY-MM-DD (empty when open), title when the dictionary's comment names one.")
	if err := WriteRoles(&buf, head, a.Roles); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(outDir, "roles.tsv"), []byte(buf.String()), 0o644)
}

// isAcronymName reports whether a name is one word of capitals and digits.
func isAcronymName(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '.' }) < 0
}
