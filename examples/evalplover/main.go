// Command evalplover scores the relation extractor against PLOVER
// gold-standard event records.
//
// Usage:
//
//	go run ./examples/evalplover [-v] [RECORDS.json]
//
// RECORDS.json defaults to $NEWSGRAPH_DATA/plover_dev/plover_gsr_dev.json.
// Each record is a sentence with a PLOVER event type and its source and
// target actors as ISO 3166 alpha-3 or IGO codes. Every distinct sentence is
// one document; a record is matched when the document yields a relation whose
// PLOVER type is the record's (DEMAND = REQUEST, DISAPPROVE = ACCUSE), whose
// source entity's code is one of the record's source codes and whose target
// entity's code is one of its target codes (any, when it has none), the rule
// of shared/acceptance/plover_score.py. An extracted event is (document,
// PLOVER type, source code, target code); it is correct when it matches a
// record of its document.
//
// It prints, per event type and overall, the records fully matched and the
// precision of the extracted events, then the misses grouped by cause:
// entity not found (a gold actor's code is on no entity of the document), no
// cue (no relation at all), wrong type (a relation between the right actors
// with another type), wrong actor (the right type between other actors).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/relation"
)

func main() {
	verbose := flag.Bool("v", false, "print every miss and every wrong event")
	actors := flag.String("actors", "", "a PETRARCH/TABARI actor dictionary whose people to add to the gazetteer (such as Phoenix.Countries.actors.txt)")
	flag.Parse()
	path := flag.Arg(0)
	if path == "" {
		data := os.Getenv("NEWSGRAPH_DATA")
		if data == "" {
			fmt.Fprintln(os.Stderr, "evalplover: name a records file or set NEWSGRAPH_DATA")
			os.Exit(2)
		}
		path = filepath.Join(data, "plover_dev", "plover_gsr_dev.json")
	}
	recs, err := readRecords(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "evalplover: %v\n", err)
		os.Exit(1)
	}
	ex, err := newExtractor(*actors)
	if err != nil {
		fmt.Fprintf(os.Stderr, "evalplover: %v\n", err)
		os.Exit(1)
	}
	rep, err := evaluate(context.Background(), ex, recs)
	if err != nil {
		fmt.Fprintf(os.Stderr, "evalplover: %v\n", err)
		os.Exit(1)
	}
	rep.print(os.Stdout, *verbose)
}

// Actor is one source or target of a gold record.
type Actor struct {
	Text string `json:"actorText"`
	Code string `json:"code"`
}

// Record is one PLOVER gold-standard event record.
type Record struct {
	ID     string  `json:"id"`
	Event  string  `json:"event"`
	Text   string  `json:"text"`
	Source []Actor `json:"source"`
	Target []Actor `json:"target"`
	doc    string
}

// readRecords reads the records of a PLOVER gold-standard file, skipping
// its DOCUMENT record, and names the distinct sentences plover-0001, ...
func readRecords(path string) ([]Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var recs []Record
	docs := map[string]string{}
	for i, m := range raw {
		var r Record
		if err := json.Unmarshal(m, &r); err != nil {
			// A record whose actors are not a list: read them as one.
			var alt struct {
				Record
				Source json.RawMessage `json:"source"`
				Target json.RawMessage `json:"target"`
			}
			if err2 := json.Unmarshal(m, &alt); err2 != nil {
				return nil, fmt.Errorf("%s: record %d: %w", path, i, err)
			}
			r = alt.Record
			r.Source, r.Target = actors(alt.Source), actors(alt.Target)
		}
		if r.Event == "DOCUMENT" || r.Text == "" {
			continue
		}
		if _, ok := docs[r.Text]; !ok {
			docs[r.Text] = fmt.Sprintf("plover-%04d", len(docs)+1)
		}
		r.doc = docs[r.Text]
		recs = append(recs, r)
	}
	return recs, nil
}

// actors reads a source or target given as a list, one object or a string,
// as plover_score.py does.
func actors(raw json.RawMessage) []Actor {
	var list []Actor
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	var one Actor
	if json.Unmarshal(raw, &one) == nil && one.Code != "" {
		return []Actor{one}
	}
	var code string
	if json.Unmarshal(raw, &code) == nil && code != "" {
		return []Actor{{Code: code}}
	}
	return nil
}

// canon maps the PLOVER 0.5 names to the current ones.
func canon(t string) string {
	t = strings.ToUpper(t)
	switch t {
	case "DEMAND":
		return "REQUEST"
	case "DISAPPROVE":
		return "ACCUSE"
	}
	return t
}

func codes(as []Actor) map[string]bool {
	out := map[string]bool{}
	for _, a := range as {
		if a.Code != "" {
			out[strings.ToUpper(a.Code)] = true
		}
	}
	return out
}

// event is one extracted event.
type event struct {
	doc, typ, src, tgt string
}

func (r Record) matches(e event) bool {
	if e.doc != r.doc || e.typ != canon(r.Event) || !codes(r.Source)[e.src] {
		return false
	}
	tc := codes(r.Target)
	return len(tc) == 0 || tc[e.tgt]
}

// report is the outcome of an evaluation.
type report struct {
	recs    []Record
	hit     []bool
	cause   []string
	events  []event
	correct []bool
	texts   map[string]string
}

// evaluate runs the extractor on every distinct sentence of recs.
func evaluate(ctx context.Context, ex *relation.Extractor, recs []Record) (*report, error) {
	rep := &report{recs: recs, texts: map[string]string{}}
	codesOf := map[string]map[string]bool{} // doc → entity codes found
	byDoc := map[string][]event{}
	seen := map[event]bool{}
	for _, r := range recs {
		if _, done := rep.texts[r.doc]; done {
			continue
		}
		rep.texts[r.doc] = r.Text
		res, err := ex.Extract(ctx, &corpus.Document{ID: r.doc, Text: r.Text})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.doc, err)
		}
		code := map[string]string{}
		found := map[string]bool{}
		for _, e := range res.Entities {
			code[e.ID] = strings.ToUpper(e.Code)
			if e.Code != "" {
				found[strings.ToUpper(e.Code)] = true
			}
		}
		codesOf[r.doc] = found
		// Events are read from the document's graph, as plover_score.py
		// reads them from the graph JSON: symmetric edges in the graph's
		// order, each edge's "plover" type as WriteJSON gives it.
		g, err := res.Graph()
		if err != nil {
			return nil, err
		}
		for _, edge := range g.Edges() {
			if edge.Negated {
				continue // not an event; the JSON gives it no plover type
			}
			t := canon(edge.Type.PLOVERFor(edge.Modality))
			if t == "" {
				continue
			}
			ev := event{r.doc, t, code[edge.Source], code[edge.Target]}
			if !seen[ev] {
				seen[ev] = true
				byDoc[r.doc] = append(byDoc[r.doc], ev)
				rep.events = append(rep.events, ev)
			}
		}
	}
	for _, r := range recs {
		hit := false
		for _, e := range byDoc[r.doc] {
			if r.matches(e) {
				hit = true
				break
			}
		}
		rep.hit = append(rep.hit, hit)
		rep.cause = append(rep.cause, missCause(r, hit, codesOf[r.doc], byDoc[r.doc]))
	}
	for _, e := range rep.events {
		ok := false
		for _, r := range recs {
			if r.matches(e) {
				ok = true
				break
			}
		}
		rep.correct = append(rep.correct, ok)
	}
	return rep, nil
}

// missCause says why a record was not matched, or "" when it was.
func missCause(r Record, hit bool, found map[string]bool, evs []event) string {
	if hit {
		return ""
	}
	src, tgt := codes(r.Source), codes(r.Target)
	anyOf := func(set map[string]bool) bool {
		for c := range set {
			if found[c] {
				return true
			}
		}
		return false
	}
	if !anyOf(src) || (len(tgt) > 0 && !anyOf(tgt)) {
		return "entity not found"
	}
	if len(evs) == 0 {
		return "no cue"
	}
	for _, e := range evs {
		if src[e.src] && (len(tgt) == 0 || tgt[e.tgt]) {
			return "wrong type"
		}
	}
	return "wrong actor"
}

func (rep *report) print(w io.Writer, verbose bool) {
	type tally struct{ hit, n, ok, ev int }
	per := map[string]*tally{}
	get := func(t string) *tally {
		if per[t] == nil {
			per[t] = &tally{}
		}
		return per[t]
	}
	matched := 0
	causes := map[string]int{}
	for i, r := range rep.recs {
		t := get(canon(r.Event))
		t.n++
		if rep.hit[i] {
			t.hit++
			matched++
		} else {
			causes[rep.cause[i]]++
		}
	}
	correct := 0
	for i, e := range rep.events {
		t := get(e.typ)
		t.ev++
		if rep.correct[i] {
			t.ok++
			correct++
		}
	}
	types := make([]string, 0, len(per))
	for t := range per {
		types = append(types, t)
	}
	sort.Strings(types)
	fmt.Fprintf(w, "%-12s %9s %7s %11s %7s\n", "type", "matched", "recall", "correct", "prec.")
	for _, t := range types {
		c := per[t]
		fmt.Fprintf(w, "%-12s %4d/%-4d %6.1f%% %5d/%-5d %6.1f%%\n", t, c.hit, c.n, pct(c.hit, c.n), c.ok, c.ev, pct(c.ok, c.ev))
	}
	fmt.Fprintln(w, "misses by cause:")
	for _, c := range []string{"entity not found", "no cue", "wrong type", "wrong actor"} {
		fmt.Fprintf(w, "  %-17s %d\n", c, causes[c])
	}
	// A record whose target codes are all among its source codes
	// ("Egyptian police ... demonstrators", EGY → EGY) matches only an
	// edge between two entities with the same code: a graph has no
	// self-loops, so most of these cannot be matched.
	same := 0
	for i, r := range rep.recs {
		if rep.hit[i] {
			continue
		}
		src, tgt := codes(r.Source), codes(r.Target)
		inSrc := len(tgt) > 0
		for c := range tgt {
			inSrc = inSrc && src[c]
		}
		if inSrc {
			same++
		}
	}
	fmt.Fprintf(w, "  of them, source = target code: %d\n", same)
	if verbose {
		for i, r := range rep.recs {
			if !rep.hit[i] {
				var got []string
				for _, e := range rep.events {
					if e.doc == r.doc {
						got = append(got, e.src+" "+e.typ+" "+e.tgt)
					}
				}
				fmt.Fprintf(w, "miss %s (%s): want %v %s %v; got %v; %s\n", r.doc, rep.cause[i],
					keys(codes(r.Source)), canon(r.Event), keys(codes(r.Target)), got, rep.texts[r.doc])
			}
		}
		for i, e := range rep.events {
			if !rep.correct[i] {
				fmt.Fprintf(w, "wrong %s: %s %s %s; %s\n", e.doc, e.src, e.typ, e.tgt, rep.texts[e.doc])
			}
		}
	}
	fmt.Fprintf(w, "PLOVER records matched %d/%d = %.1f%%; events correct %d/%d = %.1f%%\n",
		matched, len(rep.recs), pct(matched, len(rep.recs)), correct, len(rep.events), pct(correct, len(rep.events)))
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// newExtractor returns the default extractor, with the people of a
// PETRARCH actor dictionary added to its gazetteer when one is named.
func newExtractor(actors string) (*relation.Extractor, error) {
	if actors == "" {
		return relation.NewExtractor()
	}
	f, err := os.Open(actors)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := entity.ReadPetrarchActors(f, actors)
	if err != nil {
		fmt.Fprintf(os.Stderr, "evalplover: %v\n", err)
	}
	g, err := entity.DefaultGazetteer()
	if err != nil {
		return nil, err
	}
	if g, err = g.With(entries...); err != nil {
		return nil, err
	}
	rec, err := entity.NewRecognizer(entity.WithGazetteer(g))
	if err != nil {
		return nil, err
	}
	return relation.NewExtractor(relation.WithRecognizer(rec))
}
