package entity

import (
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/entity/data"
)

// CapitalTitle is the Title of a LOCATION entity that is its country's
// capital, as a gazetteer of your own marks one (the "title" column of a
// gazetteer TSV, or Entity.Title of an [Entry]): a capital stands for its
// country's government in news ("Washington criticised ...").
const CapitalTitle = "capital"

// defaultCapitals maps the IDs of the default gazetteer's capitals
// (capitals.tsv) to their countries, read once.
var defaultCapitals = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(data.Capitals, "\n") {
		f := strings.Split(line, "\t")
		if len(f) == 6 && strings.HasPrefix(f[0], "location/") && f[5] != "" {
			out[f[0]] = f[5]
		}
	}
	return out
})

// IsCapital reports whether the entity with the given ID is a capital of
// g: a LOCATION entity of g with a country that is one of the default
// gazetteer's capitals or whose Title is [CapitalTitle]. The country is
// the entity's Country.
func (g *Gazetteer) IsCapital(id string) bool {
	i, ok := g.find(id)
	if !ok {
		return false
	}
	e := &g.entities[i]
	if e.Type != Location || e.Country == "" {
		return false
	}
	return e.Title == CapitalTitle || defaultCapitals()[id] != ""
}

// Capital returns the capital of the country with the given entity ID (a
// country with two seats, constitutional and of government, has the first
// by ID), and whether g has one. It looks through g's entities, so a caller
// that asks often keeps the answer.
func (g *Gazetteer) Capital(country string) (Entity, bool) {
	best := -1
	for _, i := range g.byID {
		e := &g.entities[i]
		if e.Country == country && e.Type == Location && (e.Title == CapitalTitle || defaultCapitals()[e.ID] != "") {
			best = int(i)
			break // byID is sorted: the first by ID
		}
	}
	if best < 0 {
		return Entity{}, false
	}
	return clone(g.entities[best]), true
}
