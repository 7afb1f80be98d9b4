package data

import _ "embed" // for go:embed

// Hypocorisms is hypocorisms.tsv: the short given names news uses for the
// full ones ("Joe" for "Joseph", "Bill" for "William"), by which package
// entity tells that "Joe Biden" and "Joseph R. Biden, Jr." are one person.
//
//go:embed hypocorisms.tsv
var Hypocorisms string
