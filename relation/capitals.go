package relation

import (
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/entity/data"
)

// capitals is the set of the entity IDs of the default gazetteer's
// capitals, read once from its data.
var capitals = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(data.Capitals, "\n") {
		id, _, _ := strings.Cut(line, "\t")
		if strings.HasPrefix(id, "location/") {
			out[id] = true
		}
	}
	return out
})

// forCapital returns the country a capital stands for as a party to a
// relation of type t ("Washington criticised Lula", "Kyiv accused
// Moscow", "Beijing responded by banning imports"), or id itself: for a
// place that is no capital, and for a target where the relation is done in
// or to the city itself (a visit, a meeting held there, force used on it, a
// protest held in it). A city never acts: as an actor a capital is always
// its government.
func (s *sentState) forCapital(t Type, id string, actor bool) string {
	if !capitals()[id] {
		return id
	}
	if !actor {
		if t == Visit || t == Meet {
			return id
		}
		switch t.PLOVER() {
		case "ASSAULT", "FIGHT", "COERCE", "MOBILIZE", "PROTEST":
			return id
		}
	}
	if c := s.d.impliedCountry(id); c != "" {
		return c
	}
	return id
}
