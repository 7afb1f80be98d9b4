package relation_test

import (
	"context"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/corpus"
)

// TestDomesticEvents pins domestic events: an agent phrase with no country
// of its own ("opposition supporters", "rebels", "police") acts for the one
// country its sentence puts it in, so that "Egyptian riot police dispersed
// opposition supporters in Cairo" is Egypt's police against Egypt's
// opposition, as event coders code it, and an agent with no country in
// reach gives nothing.
//
// Sources of the examples: "conll03" marks a sentence of CoNLL-2003 English
// (train or testa), "conll04" one of CoNLL04, "White House statement" one
// of the unscored White House briefing-room texts, "wire" one written for
// this test in the style of wire news. None is from the PLOVER records or the
// seed article. Each construction has at least three.
func TestDomesticEvents(t *testing.T) {
	ex := extractor(t)
	tests := []struct {
		name   string
		text   string
		want   []triple // each must be among the relations
		noNode []string // no relation may have one of these as an end
		none   bool     // no relation at all
	}{
		// The other party is a body of one country that acts at home
		// (police, government, opposition, troops named by a
		// demonym, a possessive or a country's name): the phrase
		// with no country acts for the same.
		{
			name: "conll03: police of a country detain militants",
			text: "Egypt police detain 26 suspected Moslem militants .",
			want: []triple{{"group/egy-police", "COERCE", "group/egy-militant", false, ""}},
		}, {
			name: "conll03: a government's demand of insurgents",
			text: "But the Nepali government said the insurgents must give up violence before it negotiates with them .",
			want: []triple{{"group/npl-government", "REQUEST", "group/npl-insurgent", false, ""}},
		}, {
			name: "conll03: the opposition accuses the police",
			text: "Nepali opposition parties have accused the police of having killed more people than the insurgents .",
			want: []triple{{"group/npl-party", "ACCUSE", "group/npl-police", false, ""}},
		}, {
			name: "wire: police fire tear gas at opposition protesters",
			text: "Kenyan police fired tear gas at opposition protesters in Nairobi.",
			want: []triple{{"group/ken-police", "ASSAULT", "group/ken-protester", false, ""}},
		},
		// The sentence sets the event in a place of one country ("in
		// Harare", "In Djibouti"): both unnamed parties act for it.
		{
			name: "wire: police in a country arrest activists",
			text: "Police in Zimbabwe arrested dozens of opposition activists on Saturday.",
			want: []triple{{"group/zwe-police", "COERCE", "group/zwe-activist", false, ""}},
		}, {
			name: "wire: activists and police clash in a capital",
			text: "Opposition activists clashed with police in Harare.",
			want: []triple{{"group/zwe-activist", "FIGHT", "group/zwe-police", false, ""}},
		}, {
			name: "wire: a multi-word agent phrase in a city, the sentence's first word a noun",
			text: "Police arrested 40 opposition supporters in Lagos after the rally.",
			want: []triple{{"group/nga-police", "COERCE", "group/nga-supporter", false, ""}},
		}, {
			name: "wire: security forces and rebels in a region",
			text: "Security forces killed three rebels in Chechnya on Tuesday.",
			want: []triple{{"group/rus-force", "ASSAULT", "group/rus-rebel", false, ""}},
		}, {
			name: "wire: troops and rebels in a province",
			text: "Turkish troops killed 25 rebels in Sirnak province on Tuesday.",
			want: []triple{{"group/tur-troop", "ASSAULT", "group/tur-rebel", false, ""}},
		}, {
			name: "wire: troops and rebels on an island",
			text: "Philippine troops clashed with rebels on Mindanao island.",
			want: []triple{{"group/phl-troop", "FIGHT", "group/phl-rebel", false, ""}},
		}, {
			name: "conll04: a demonstration repressed by the police",
			text: "( Excerpts ) In Djibouti , a demonstration in the Afar district of Arhiba was violently repressed by the police this morning.",
			want: []triple{{"group/dji-police", "COERCE", "country/dji", false, ""}},
		}, {
			name: "wire: the brief's own example, riot police and supporters in a capital",
			text: "Egyptian riot police dispersed opposition supporters in Cairo on Monday.",
			want: []triple{{"group/egy-police", "COERCE", "group/egy-supporter", false, ""}},
		},
		// A body named by the place it acts in ("Darfur rebels",
		// "Kabul police") acts for the place's country.
		{
			name: "wire: a region's rebels accused by their government",
			text: "The Sudanese government accused Darfur rebels of violating the ceasefire.",
			want: []triple{{"group/sdn-government", "ACCUSE", "group/sdn-rebel", false, ""}},
		}, {
			name: "wire: a capital's police arrest militants",
			text: "Kabul police arrested two militants on Friday.",
			want: []triple{{"group/afg-police", "COERCE", "group/afg-militant", false, ""}},
		}, {
			name: "wire: a city's police detain protesters",
			text: "Moscow police detained dozens of opposition protesters on Saturday.",
			want: []triple{{"group/rus-police", "COERCE", "group/rus-protester", false, ""}},
		}, {
			name: "wire: a territory's militants fire on a foreign army",
			text: "Gaza militants fired rockets at Israeli troops.",
			want: []triple{{"country/pse", "FIGHT", "country/isr", false, ""}},
		},
		// No agent noun on the other side: force used in a place is
		// used on the place, as before.
		{
			name: "wire: people, no body, detained in a city",
			text: "Indian police detained hundreds in New Delhi.",
			want: []triple{{"country/ind", "COERCE", "location/new-delhi", false, ""}},
		},
		// No country in reach, or more than one: nothing invented.
		{
			name: "wire: no country named",
			text: "Police arrested opposition supporters on Sunday.",
			none: true,
		}, {
			name:   "wire: two countries named, whose rebels is unclear",
			text:   "Burmese troops attacked Karen rebels near the Thai border.",
			noNode: []string{"group/mmr-rebel", "group/tha-rebel"},
		}, {
			name:   "wire: a country named bare acts abroad as often as at home",
			text:   "Israel killed three militants in an air strike.",
			noNode: []string{"group/isr-militant"},
		}, {
			name:   "wire: protesters at a foreign embassy are not the embassy's country's",
			text:   "Protesters stormed the Chinese embassy.",
			noNode: []string{"group/chn-protester"},
		}, {
			name: "wire: an organisation of no country",
			text: "UN peacekeepers clashed with rebels in the north.",
			none: true,
		}, {
			name:   "wire: a country's troops abroad",
			text:   "US troops killed five militants in a raid.",
			noNode: []string{"group/usa-militant"},
		}, {
			name:   "conll03: opposition as a stance, not a body",
			text:   "The California Avocado Commission -- which has spearheaded the opposition to lifting the ban -- said new data shows the department underestimated the pest problem in Mexico .",
			noNode: []string{"group/mex-opposition"},
		}, {
			name:   "White House statement: force as power, not a body",
			text:   "It is long overdue that the U.S. government utilizes the full force of current domestic preferences to support America's workers and businesses.",
			noNode: []string{"group/usa-force"},
		}, {
			name:   "wire: the force of the law",
			text:   "Police in Ohio will use the full force of the law against rioters.",
			noNode: []string{"group/usa-force"},
		}, {
			name:   "wire: a name right before the phrase may be its own",
			text:   "Leaders of the Azadliq (Freedom) opposition bloc agreed to call off the rally in Baku.",
			noNode: []string{"group/aze-bloc"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ex.Extract(context.Background(), &corpus.Document{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			got := triples(t, res)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("Extract(%q): missing %v; got %v", tt.text, w, got)
				}
			}
			for _, r := range res.Relations {
				if tt.none || slices.Contains(tt.noNode, r.Source) || slices.Contains(tt.noNode, r.Target) {
					t.Errorf("Extract(%q): unwanted %s %s %s", tt.text, r.Source, r.Type, r.Target)
				}
			}
		})
	}
}
