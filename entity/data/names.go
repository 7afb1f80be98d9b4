package data

import _ "embed" // for go:embed

// Hypocorisms is hypocorisms.tsv: the short given names news uses for the
// full ones ("Joe" for "Joseph", "Bill" for "William"), by which package
// entity tells that "Joe Biden" and "Joseph R. Biden, Jr." are one person.
//
//go:embed hypocorisms.tsv
var Hypocorisms string

// OrgTitles is org_titles.tsv: what a title makes its holder of the
// organisation the text names with it, its leader or a member.
//
//go:embed org_titles.tsv
var OrgTitles string
