package relation

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/entity"
)

// csvEdgeHeader is the header of [Graph.WriteCSV].
var csvEdgeHeader = []string{
	"source", "source_name", "target", "target_name", "type", "label", "plover", "symmetric",
	"negated", "modality", "count", "confidence", "doc", "start", "end", "cue", "evidence",
}

// WriteCSV writes the edges of g as a CSV edge list (RFC 4180, as
// encoding/csv writes it), one row per edge in the order of [Graph.Edges]
// after a header row:
//
//	source,source_name,target,target_name,type,label,plover,symmetric,negated,modality,count,confidence,doc,start,end,cue,evidence
//
// source and target are entity IDs, the names their entities' names, label
// reads "not MEET" or "ACCUSE (alleged)", symmetric and negated are true or
// false, count is the number of pieces of evidence, and doc, start, end, cue
// and evidence (the sentence) are those of the first piece, empty when the
// edge has none. Nodes without an edge are not written: see
// [Graph.WriteNeo4jCSV] for the nodes. The same graph always gives the same
// bytes.
func (g *Graph) WriteCSV(w io.Writer) error {
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.Write(csvEdgeHeader)
	for _, e := range g.Edges() {
		ev, _ := firstEvidence(e)
		start, end := "", ""
		if len(e.Evidence) > 0 {
			start, end = strconv.Itoa(ev.Start), strconv.Itoa(ev.End)
		}
		cw.Write([]string{
			e.Source, g.nodes[e.Source].e.Name, e.Target, g.nodes[e.Target].e.Name,
			string(e.Type), edgeLabel(e), plover(e), strconv.FormatBool(e.Type.Symmetric()),
			strconv.FormatBool(e.Negated), string(e.Modality), strconv.Itoa(e.Count),
			formatFloat(e.Confidence), ev.Doc, start, end, ev.Cue, ev.Text,
		})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("relation: writing graph CSV: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("relation: writing graph CSV: %w", err)
	}
	return nil
}

// The headers of [Graph.WriteNeo4jCSV].
var (
	neo4jNodeHeader = []string{
		"id:ID", ":LABEL", "name", "type", "code", "country", "title", "mentions:int", "aliases:string[]",
	}
	neo4jRelHeader = []string{
		":START_ID", ":END_ID", ":TYPE", "label", "plover", "symmetric:boolean", "negated:boolean",
		"modality", "count:int", "confidence:double", "doc", "start:int", "end:int", "cue", "evidence",
	}
)

// neo4jArrayDelimiter separates the elements of an array property, the
// default of neo4j-admin's --array-delimiter.
const neo4jArrayDelimiter = ";"

// WriteNeo4jCSV writes g as the two CSV files of Neo4j's bulk importer,
// nodes and relationships, with the header conventions of
// "neo4j-admin database import full":
//
//	neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --multiline-fields=true neo4j
//
// The nodes file has the columns id:ID (the entity ID), :LABEL ("Entity" and
// the entity type, "Entity;Person"), name, type, code, country, title,
// mentions:int and aliases:string[] (separated by ";", the importer's
// default array delimiter). The relationships file has one row per edge, in
// the order of [Graph.Edges]: :START_ID, :END_ID, :TYPE (the relation type,
// MEET), label ("not MEET", "ACCUSE (alleged)"), plover,
// symmetric:boolean, negated:boolean, modality, count:int (the number of
// pieces of evidence), confidence:double, and the first piece of evidence:
// doc, start:int, end:int, cue and evidence (the sentence). An empty cell is
// no property for the importer. Evidence sentences may hold line breaks, so
// import with --multiline-fields=true.
//
// An alias that holds ";" cannot be written as an element of an array: it is
// an error naming the entity, and nothing is written. The same graph always
// gives the same bytes.
func (g *Graph) WriteNeo4jCSV(nodes, relationships io.Writer) error {
	var nb, rb bytes.Buffer
	nw, rw := csv.NewWriter(&nb), csv.NewWriter(&rb)
	nw.Write(neo4jNodeHeader)
	for _, n := range g.Entities() {
		for _, a := range n.Aliases {
			if strings.Contains(a, neo4jArrayDelimiter) {
				return fmt.Errorf("relation: writing graph Neo4j CSV: entity %q: alias %q holds the array delimiter %q",
					n.ID, a, neo4jArrayDelimiter)
			}
		}
		nw.Write([]string{
			n.ID, neo4jLabels(n.Type), n.Name, string(n.Type), n.Code, n.Country, n.Title,
			strconv.Itoa(n.Mentions), strings.Join(n.Aliases, neo4jArrayDelimiter),
		})
	}
	rw.Write(neo4jRelHeader)
	for _, e := range g.Edges() {
		ev, _ := firstEvidence(e)
		start, end := "", ""
		if len(e.Evidence) > 0 {
			start, end = strconv.Itoa(ev.Start), strconv.Itoa(ev.End)
		}
		rw.Write([]string{
			e.Source, e.Target, string(e.Type), edgeLabel(e), plover(e),
			strconv.FormatBool(e.Type.Symmetric()), strconv.FormatBool(e.Negated), string(e.Modality),
			strconv.Itoa(e.Count), formatFloat(e.Confidence), ev.Doc, start, end, ev.Cue, ev.Text,
		})
	}
	nw.Flush()
	rw.Flush()
	if err := errors.Join(nw.Error(), rw.Error()); err != nil {
		return fmt.Errorf("relation: writing graph Neo4j CSV: %w", err)
	}
	if _, err := nodes.Write(nb.Bytes()); err != nil {
		return fmt.Errorf("relation: writing graph Neo4j CSV nodes: %w", err)
	}
	if _, err := relationships.Write(rb.Bytes()); err != nil {
		return fmt.Errorf("relation: writing graph Neo4j CSV relationships: %w", err)
	}
	return nil
}

// neo4jLabels returns the Neo4j labels of a node of entity type t: "Entity",
// and t in the case Neo4j uses (PERSON is Person, WORK_OF_ART WorkOfArt),
// keeping only letters and digits.
func neo4jLabels(t entity.Type) string {
	var b strings.Builder
	upper := true
	for _, r := range string(t) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if upper {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			upper = false
		default:
			upper = true
		}
	}
	if b.Len() == 0 || b.String() == "Entity" {
		return "Entity"
	}
	return "Entity" + neo4jArrayDelimiter + b.String()
}
