package entity

import (
	"errors"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/entity/data"
)

// defaultFiles are the embedded gazetteer files, in the order they are
// merged.
var defaultFiles = []struct{ name, text string }{
	{"countries.tsv", data.Countries},
	{"country_names.tsv", data.CountryNames},
	{"capitals.tsv", data.Capitals},
	{"places.tsv", data.Places},
	{"organizations.tsv", data.Organizations},
	{"people.tsv", data.People},
	{"former_leaders.tsv", data.FormerLeaders},
}

// DefaultEntries returns the entries of the embedded default gazetteer, read
// with ReadGazetteer from the files of package
// [github.com/newsgraph/newsgraph/entity/data].
func DefaultEntries() ([]Entry, error) {
	var all []Entry
	var errs []error
	for _, f := range defaultFiles {
		es, err := ReadGazetteer(strings.NewReader(f.text), f.name)
		if err != nil {
			errs = append(errs, err)
		}
		all = append(all, es...)
	}
	return all, errors.Join(errs...)
}

var defaultGazetteer = sync.OnceValues(func() (*Gazetteer, error) {
	es, err := DefaultEntries()
	if err != nil {
		return nil, err
	}
	return NewGazetteer(es)
})

// DefaultGazetteer returns the embedded default gazetteer, built once on
// first use: every country and territory (names and codes generated from
// CLDR, with the short forms and demonyms news uses), capitals, notable
// cities, regions and disputed territories, international
// organisations and heads of state and government. Extend it with
// [Gazetteer.With].
func DefaultGazetteer() (*Gazetteer, error) { return defaultGazetteer() }
