// Package data holds the embedded default gazetteer and titles lexicon of
// package entity, as TSV text in the format entity.ReadGazetteer and
// entity.ReadTitles read.
//
// It is a data leaf on purpose: it exports text and imports nothing, so a
// program that never uses the default gazetteer never links it in.
//
// # Files
//
//   - countries.tsv (10 KB): every ISO 3166-1 country and territory,
//     generated from CLDR by gen.go; never edit it by hand.
//   - country_names.tsv (9 KB): the short forms news uses ("US", "U.S.",
//     "Britain") and the demonyms ("French") of the countries.
//   - capitals.tsv (11 KB): the capital of every country, as a LOCATION.
//   - places.tsv (39 KB): notable cities, regions and disputed or
//     occupied territories that are not capitals, each a LOCATION with its
//     country.
//   - organizations.tsv (18 KB): international organisations,
//     groupings and national institutions.
//   - people.tsv (14 KB): heads of state and government and other
//     office holders, with their titles and countries.
//   - former_leaders.tsv (29 KB): former heads of state and government
//     since the 1970s, for news archives and past event data.
//   - titles.tsv (3 KB): the office words that make the next
//     capitalised name a person.
//
// 137 KB in all. The hand-kept files are sorted by their first column, with
// a header line and # comments.
package data

import _ "embed" // for go:embed

//go:generate go run gen.go
//go:generate go run gen_actors.go

// Countries is countries.tsv: the generated countries and territories.
//
//go:embed countries.tsv
var Countries string

// CountryNames is country_names.tsv: short forms and demonyms.
//
//go:embed country_names.tsv
var CountryNames string

// Capitals is capitals.tsv: capitals as LOCATION entities.
//
//go:embed capitals.tsv
var Capitals string

// Places is places.tsv: sub-national places (cities, regions, disputed and
// occupied territories) as LOCATION entities with their country.
//
//go:embed places.tsv
var Places string

// Organizations is organizations.tsv: international organisations and
// groupings, and national institutions that act for a country.
//
//go:embed organizations.tsv
var Organizations string

// People is people.tsv: office holders with titles and countries.
//
//go:embed people.tsv
var People string

// FormerLeaders is former_leaders.tsv: former heads of state and
// government with their titles and countries.
//
//go:embed former_leaders.tsv
var FormerLeaders string

// Titles is titles.tsv: office words and whether each is a head of state or
// government.
//
//go:embed titles.tsv
var Titles string

// Parties is parties.tsv: political parties of every country, generated
// from Party Facts by gen_actors.go.
//
//go:embed parties.tsv
var Parties string

// Actors is actors.tsv: international and non-governmental organisations,
// companies and non-state groups, generated from the PETRARCH-2 Phoenix
// actor dictionaries by gen_actors.go.
//
//go:embed actors.tsv
var Actors string

// OfficeHolders is office_holders.tsv: people with dated roles that the
// hand-kept files lack, generated from the Phoenix actor dictionaries by
// gen_actors.go.
//
//go:embed office_holders.tsv
var OfficeHolders string

// Roles is roles.tsv: the dated roles of people, by entity ID, generated
// from the Phoenix actor dictionaries by gen_actors.go.
//
//go:embed roles.tsv
var Roles string

// BaseFiles returns the gazetteer files that gen_actors.go does not make,
// by name: the generated rows must not contradict them.
func BaseFiles() map[string]string {
	return map[string]string{
		"countries.tsv":      Countries,
		"country_names.tsv":  CountryNames,
		"capitals.tsv":       Capitals,
		"places.tsv":         Places,
		"organizations.tsv":  Organizations,
		"people.tsv":         People,
		"former_leaders.tsv": FormerLeaders,
	}
}
