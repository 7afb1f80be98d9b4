// Package entity finds the people, countries, organisations and places in a
// document and resolves their mentions to canonical entities.
//
// A [Recognizer] reads a document that [corpus.Analyzer] has split into
// sentences and tokens and returns its [Mention]s, the canonical [Entity]
// values they resolve to, and the offices ([Role]) the text states. It
// combines, in this order of precedence:
//
//   - the user's own gazetteer entries ([WithEntries]), which always win for
//     their span;
//   - the default [Gazetteer] (countries generated from CLDR, capitals,
//     international organisations, office holders) and a statistical
//     [Model] (by default package ner's): of two overlapping spans the
//     longer wins, the gazetteer's on a tie;
//   - rules: a title from the [Titles] lexicon before a capitalised name
//     makes a person ("Foreign Minister Rinaldo Vasquez") and, with a
//     demonym or country before it, gives the office and its country.
//
// Every mention records its source ("user", "gazetteer", "model", "rule",
// "resolver").
//
// # Resolution
//
// Within a document a surname after the full name is the same person
// ("Macron" after "Emmanuel Macron"); a place name that is the surname of a
// person named in full is that person; a description ("the French
// president") is the person of the document who holds that office for that
// country, and names the country when no one does; a name inside a
// hyphenated modifier ("US-led") is a demonym-form mention of its country.
// An organisation or place the model finds takes the country whose name,
// demonym or capital its own name holds, as event coders do.
//
// One thing is one entity however the document names it: an acronym the
// text defines ("World Wide Fund for Nature (WWF)", "ZANU (Zimbabwe African
// National Union)", "..., known as MDC") is the long form wherever it
// comes; "the Bank" is the latest organisation whose name has that head;
// "Joseph R. Biden, Jr.", "Joe Biden" and "Biden" are one person (short
// given names from hypocorisms.tsv). Gazetteer matching folds British
// spellings to American ones ("Organisation", "Defence", "Centre",
// "Labour"); a party named by its first word ("Labour") is the party the
// document names in full.
//
// # Offices
//
// A [Role] is read from a title before the name, perhaps with adjectives
// after a country's possessive ("Chile's left-wing President X"), from
// "of" after the name ("Prime Minister X of Japan"), from an apposition
// ("X, secretary-general of the United Nations") and from "X's Likud
// party". With an organisation (Role.Org) the office makes the person its
// leader or, for the offices org_titles.tsv lists as such and for deputies,
// a member (Role.Member). A former office ("former", "late", "then-") makes
// the person neither.
//
// # Positions
//
// Every mention satisfies doc.Text[m.Start:m.End] == m.Text.
//
// # Concurrency and cost
//
// A Recognizer, a Gazetteer and a Titles lexicon are immutable once built and
// safe for concurrent use. The default gazetteer (about 46,500 entries:
// countries, parties, organisations, armed groups, office holders) is built
// once per process, on first use (about 75 ms of CPU, 10 MB of heap; the
// dated roles are read on the first [Gazetteer.EntityAt]); the default model
// is decoded once (under 60 ms). A user gazetteer of a million names builds
// in a few seconds and matches at the default's speed.
package entity
