package relation_test

import (
	"context"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/relation"
)

// TestEventAnaphora pins event nouns that refer back to an earlier sentence
// ("the move", "the measures", "the talks"): a reaction to one is a
// reaction to whoever did what it stands for. The examples are written for
// this test in the style of wire news (none is from the PLOVER records or the
// seed article); each construction has at least three, and the negative
// cases show where precision wins over recall.
func TestEventAnaphora(t *testing.T) {
	ex := extractor(t)
	const (
		aus = "country/aus"
		chn = "country/chn"
		rus = "country/rus"
		usa = "country/usa"
	)
	tests := []struct {
		name string
		text string
		want []triple // each must be among the relations
		not  []triple // none may be
	}{
		// "the move", "the decision", "the step": any act.
		{
			name: "move: passive condemnation of an earlier sanction",
			text: "Canberra imposed tariffs on Chinese wine. The move was condemned by Beijing.",
			want: []triple{{chn, "CRITICIZE", aus, false, ""}},
		}, {
			name: "decision: an expulsion condemned",
			text: "Moscow expelled two Estonian diplomats on Monday. Estonia condemned the decision.",
			want: []triple{{"country/est", "CRITICIZE", rus, false, ""}},
		}, {
			name: "step: a border closure criticised",
			text: "Turkey closed its border with Syria. Damascus criticised the step.",
			want: []triple{{"country/syr", "CRITICIZE", "country/tur", false, ""}},
		}, {
			name: "move: a planned sanction condemned, the condemnation asserted",
			text: "Canberra plans to impose tariffs on Chinese wine. Beijing condemned the move.",
			want: []triple{{chn, "CRITICIZE", aus, false, ""}, {aus, "SANCTION", chn, false, relation.Intended}},
		}, {
			name: "move: promised aid welcomed",
			text: "Japan pledged aid to the Philippines after the typhoon. Manila welcomed the move.",
			want: []triple{{"country/phl", "PRAISE", "country/jpn", false, ""}},
		},
		// "the measures", "the sanctions", "the ban": sanctions and coercion.
		{
			name: "measures: sanctions rejected",
			text: "The European Union imposed new sanctions on Belarus. Minsk rejected the measures.",
			want: []triple{{"country/blr", "REJECT", "org/european-union", false, ""}},
		}, {
			name: "sanctions: denounced two sentences on",
			text: "Washington imposed sanctions on Venezuela. The Treasury said more would follow. Caracas denounced the sanctions.",
			want: []triple{{"country/ven", "CRITICIZE", usa, false, ""}},
		}, {
			name: "ban: a trade ban condemned",
			text: "China banned imports of Australian coal. Canberra condemned the ban.",
			want: []triple{{aus, "CRITICIZE", chn, false, ""}},
		},
		{
			name: "expulsions: protested against",
			text: "Poland expelled three Belarusian diplomats. Minsk protested against the expulsions.",
			want: []triple{{"country/blr", "PROTEST", "country/pol", false, ""}},
		},
		// "the arrests", "the detention", "the seizure": coercion.
		{
			name: "arrests: criticised by the country of those held",
			text: "Egypt arrested three Sudanese journalists in Cairo. Khartoum criticised the arrests.",
			want: []triple{{"country/sdn", "CRITICIZE", "country/egy", false, ""}},
		}, {
			name: "detention: condemned",
			text: "Iran detained two French tourists in Tehran. Paris condemned the detention.",
			want: []triple{{"country/fra", "CRITICIZE", "country/irn", false, ""}},
		}, {
			name: "seizure: denounced",
			text: "Greece seized a Turkish fishing boat near Lesbos. Ankara denounced the seizure.",
			want: []triple{{"country/tur", "CRITICIZE", "country/grc", false, ""}},
		},
		// "the attack", "the strikes", "the launches": force.
		{
			name: "launches: missiles fired, condemned by their target",
			text: "North Korea fired two ballistic missiles at Japan. Tokyo strongly condemned the launches.",
			want: []triple{{"country/jpn", "CRITICIZE", "country/prk", false, ""}},
		}, {
			name: "attack: air strikes condemned",
			text: "Israeli warplanes attacked Syrian army posts near Damascus. Syria condemned the attack.",
			want: []triple{{"country/syr", "CRITICIZE", "country/isr", false, ""}},
		}, {
			name: "attacks: shelling condemned by a third country",
			text: "Russia bombed the Ukrainian city of Kharkiv. France condemned the attacks.",
			want: []triple{{"country/fra", "CRITICIZE", rus, false, ""}},
		}, {
			name: "strikes: condemned by the government of the place hit",
			text: "Turkish aircraft struck Kurdish positions in Iraq on Sunday. Baghdad condemned the strikes.",
			want: []triple{{"country/irq", "CRITICIZE", "country/tur", false, ""}},
		},
		// "the talks", "the meeting": both parties.
		{
			name: "talks: welcomed, both parties",
			text: "Iran and the United States held talks in Muscat. Britain welcomed the talks.",
			want: []triple{{"country/gbr", "PRAISE", "country/irn", false, ""}, {"country/gbr", "PRAISE", usa, false, ""}},
		}, {
			name: "meeting: criticised, both parties",
			text: "Putin met Erdogan in Sochi. Kyiv criticised the meeting.",
			want: []triple{{"country/ukr", "CRITICIZE", "person/vladimir-putin", false, ""}},
		}, {
			name: "talks: supported",
			text: "India and Pakistan held talks in Geneva. Washington supported the talks.",
			want: []triple{{usa, "SUPPORT", "country/ind", false, ""}, {usa, "SUPPORT", "country/pak", false, ""}},
		},
		// "the two countries", "both sides": the countries or
		// organisations of an earlier symmetric relation.
		{
			name: "both sides: two organisations of an agreement",
			text: "Hamas and Fatah signed a reconciliation agreement in Cairo. Both sides urged Israel to lift the blockade.",
			want: []triple{{"org/fatah", "URGE", "country/isr", false, ""}, {"org/hamas", "URGE", "country/isr", false, ""}},
		}, {
			name: "the two neighbours: two countries of talks",
			text: "Greece and Turkey held talks on Tuesday. The two neighbours agreed to reopen talks with Cyprus.",
			want: []triple{{"country/cyp", "MEET", "country/grc", false, relation.Intended}, {"country/cyp", "MEET", "country/tur", false, relation.Intended}},
		}, {
			name: "the two countries: two countries of a deal, three sentences on",
			text: "Ethiopia and Eritrea signed a peace deal. Crowds cheered. Flights resumed. The two countries urged Sudan to join the talks.",
			want: []triple{{"country/eri", "URGE", "country/sdn", false, ""}, {"country/eth", "URGE", "country/sdn", false, ""}},
		},
		// "the charge", "the accusation": what a denial answers.
		{
			name: "accusation: denied",
			text: "Ethiopia accused Sudan of harbouring gunmen. Khartoum denied the accusation.",
			want: []triple{{"country/sdn", "DENY", "country/eth", false, ""}},
		}, {
			name: "allegations: rejected",
			text: "Rwanda accused Uganda of backing rebels. Kampala rejected the allegations.",
			want: []triple{{"country/uga", "REJECT", "country/rwa", false, ""}},
		}, {
			name: "charges: denied by a person",
			text: "Iraq accused Kuwait of stealing its oil. Kuwaiti Foreign Minister Sabah al-Ahmad denied the charges.",
			want: []triple{{"person/sabah-al-ahmad", "DENY", "country/irq", false, ""}},
		},
		// "the government": the one country named just before.
		{
			name: "government: of the country of the place named before",
			text: "Rebels attacked a police post in Chad. The government accused Sudan of backing the rebels.",
			want: []triple{{"country/tcd", "ACCUSE", "country/sdn", false, ""}},
		}, {
			name: "government: of the country named before",
			text: "Floods hit northern Bangladesh on Monday. The government appealed to Japan for aid.",
			want: []triple{{"country/bgd", "URGE", "country/jpn", false, ""}},
		}, {
			name: "government: of the capital's country",
			text: "Students protested in Jakarta. The government blamed Malaysia for the unrest.",
			want: []triple{{"country/idn", "ACCUSE", "country/mys", false, ""}},
		},
		// Negative cases.
		{
			name: "the government after two countries is nobody's",
			text: "Serbia recalled its ambassador from Albania. The government also expelled two diplomats from Greece.",
			not:  []triple{{"country/srb", "COERCE", "country/grc", false, ""}, {"country/alb", "COERCE", "country/grc", false, ""}},
		}, {
			name: "a government with a modifier is not the one named before",
			text: "Floods hit northern Bangladesh on Monday. The Indian government appealed to Japan for aid.",
			not:  []triple{{"country/bgd", "URGE", "country/jpn", false, ""}},
		}, {
			name: "the two countries of an agreement not signed",
			text: "Japan and South Korea did not sign the agreement. The two countries urged China to act.",
			not:  []triple{{"country/jpn", "URGE", chn, false, ""}, {"country/kor", "URGE", chn, false, ""}},
		}, {
			name: "the two countries of talks too far back",
			text: "Ethiopia and Eritrea signed a peace deal. Crowds cheered. Flights resumed. Prices fell. Trade grew. Markets rose. Banks opened. The two countries urged Sudan to join the talks.",
			not:  []triple{{"country/eri", "URGE", "country/sdn", false, ""}, {"country/eth", "URGE", "country/sdn", false, ""}},
		}, {
			name: "a possessor names another actor",
			text: "Canberra imposed tariffs on Chinese wine. Beijing condemned Russia's move.",
			not:  []triple{{chn, "CRITICIZE", aus, false, ""}},
		}, {
			name: "two events with different actors fit equally",
			text: "Canberra imposed tariffs on Chinese wine and Washington imposed sanctions on Chinese firms. The move was condemned by Beijing.",
			not:  []triple{{chn, "CRITICIZE", aus, false, ""}, {chn, "CRITICIZE", usa, false, ""}},
		}, {
			name: "the event is too far back",
			text: "Canberra imposed tariffs on Chinese wine. Exports fell. Prices rose. Growers were worried. The move was condemned by Beijing.",
			not:  []triple{{chn, "CRITICIZE", aus, false, ""}},
		}, {
			name: "the noun cannot stand for a meeting",
			text: "Putin met Erdogan in Sochi. Kyiv condemned the measures.",
			not:  []triple{{"country/ukr", "CRITICIZE", "person/vladimir-putin", false, ""}, {"country/ukr", "CRITICIZE", "person/recep-tayyip-erdogan", false, ""}},
		}, {
			name: "the sentence names a party of its own",
			text: "Canberra imposed tariffs on Chinese wine. Beijing condemned the move and urged Japan to stay calm.",
			not:  []triple{{chn, "CRITICIZE", aus, false, ""}},
		}, {
			name: "an act that did not happen",
			text: "Canberra did not impose tariffs on Chinese wine. Beijing welcomed the decision.",
			not:  []triple{{chn, "PRAISE", aus, false, ""}},
		}, {
			name: "a party's own people defend its act",
			text: "Canberra imposed tariffs on Chinese wine. Australian officials defended the move.",
			not:  []triple{{"group/aus-official", "SUPPORT", aus, false, ""}},
		}, {
			name: "a party's minister defends its act",
			text: "Canberra imposed tariffs on Chinese wine. Australian Trade Minister Simon Birmingham defended the move.",
			not:  []triple{{"person/simon-birmingham", "SUPPORT", aus, false, ""}},
		}, {
			name: "talks one party hosted: welcoming them praises no host",
			text: "Egypt hosted talks between Israel and Hamas in Cairo. Qatar welcomed the talks.",
			not:  []triple{{"country/qat", "PRAISE", "country/egy", false, ""}},
		}, {
			name: "an indefinite noun refers to no earlier act",
			text: "Canberra imposed tariffs on Chinese wine. Beijing condemned such moves.",
			not:  []triple{{chn, "CRITICIZE", aus, false, ""}},
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
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("Extract(%q): unwanted %v; got %v", tt.text, n, got)
				}
			}
		})
	}
}

// TestEventParties pins a meeting or an agreement named again as the
// subject of a later sentence ("The talks urged ...", "The accord calls on
// ..."): its parties act. The relation takes the modality of the event the
// noun stands for, unless the later sentence negates or qualifies its own;
// a reaction to an earlier event keeps its own modality (the condemnation
// of sanctions only planned happened). "The two ministers" after a meeting
// of two countries' ministers are the two countries. The examples are
// written for this test in the style of wire news; none is from the PLOVER
// records or the seed article.
func TestEventParties(t *testing.T) {
	ex := extractor(t)
	const (
		arg = "country/arg"
		bra = "country/bra"
		jpn = "country/jpn"
		kor = "country/kor"
		prk = "country/prk"
		ken = "country/ken"
		uga = "country/uga"
		som = "country/som"
		pry = "country/pry"
	)
	tests := []struct {
		name string
		text string
		want []triple
		not  []triple
	}{
		// The talks, the pact, the accord as a subject: the parties.
		{
			name: "talks: the parties urge",
			text: "Japan and South Korea held talks in Seoul on Friday. The talks urged North Korea to return to negotiations.",
			want: []triple{{jpn, "URGE", prk, false, ""}, {kor, "URGE", prk, false, ""}},
		}, {
			name: "pact: the parties accuse",
			text: "Kenya and Uganda signed a security pact on Tuesday. The pact accuses Somalia of harbouring militants.",
			want: []triple{{ken, "ACCUSE", som, false, ""}, {uga, "ACCUSE", som, false, ""}},
		}, {
			name: "agreement: the parties call on a third",
			text: "Brazil and Argentina signed a trade agreement on Monday. The agreement calls on Paraguay to cut tariffs.",
			want: []triple{{arg, "URGE", pry, false, ""}, {bra, "URGE", pry, false, ""}},
		},
		// Modality carried from the event the noun stands for.
		{
			name: "accord only agreed to: its call is intended",
			text: "Brazil and Argentina agreed to sign a trade accord. The accord calls on Paraguay to cut tariffs.",
			want: []triple{{arg, "URGE", pry, false, relation.Intended}, {bra, "URGE", pry, false, relation.Intended}},
			not:  []triple{{arg, "URGE", pry, false, ""}, {bra, "URGE", pry, false, ""}},
		}, {
			name: "pact only promised: its accusation is intended",
			text: "Kenya and Uganda promised to sign a security pact. The pact accuses Somalia of harbouring militants.",
			want: []triple{{ken, "ACCUSE", som, false, relation.Intended}, {uga, "ACCUSE", som, false, relation.Intended}},
		}, {
			name: "talks only agreed to: what they urge is intended",
			text: "Japan and South Korea agreed to hold talks in Seoul. The talks urged North Korea to return to negotiations.",
			want: []triple{{jpn, "URGE", prk, false, relation.Intended}, {kor, "URGE", prk, false, relation.Intended}},
		}, {
			name: "the later sentence's own negation wins",
			text: "Kenya and Uganda promised to sign a security pact. The pact does not accuse Somalia of harbouring militants.",
			want: []triple{{ken, "ACCUSE", som, true, ""}},
			not:  []triple{{ken, "ACCUSE", som, false, relation.Intended}},
		},
		// A reaction keeps its own modality.
		{
			name: "planned sanctions condemned: the condemnation is asserted",
			text: "Canberra plans to impose sanctions on Chinese firms. The measures were condemned by Beijing.",
			want: []triple{{"country/chn", "CRITICIZE", "country/aus", false, ""}},
		}, {
			name: "threatened tariffs criticised: asserted",
			text: "Washington threatened to impose tariffs on Mexico. Mexico City criticised the move.",
			want: []triple{{"country/mex", "CRITICIZE", "country/usa", false, ""}},
		}, {
			name: "an announced expulsion condemned: asserted",
			text: "Russia said it would expel two Estonian diplomats. Estonia condemned the decision.",
			want: []triple{{"country/est", "CRITICIZE", "country/rus", false, ""}},
		},
		// "The two ministers", "both leaders": the two countries.
		{
			name: "two ministers of two countries",
			text: "The foreign ministers of India and China met in Beijing. The two ministers agreed to reopen border talks.",
			want: []triple{{"country/chn", "AGREE", "country/ind", false, ""}},
		}, {
			name: "two presidents of two countries",
			text: "The presidents of Kenya and Uganda met in Nairobi on Friday. The two presidents urged Sudan to end the war.",
			want: []triple{{ken, "URGE", "country/sdn", false, ""}, {uga, "URGE", "country/sdn", false, ""}},
		}, {
			name: "both leaders of two countries",
			text: "The prime ministers of Greece and Turkey held talks in Athens. Both leaders called on Cyprus to resume negotiations.",
			want: []triple{{"country/grc", "URGE", "country/cyp", false, ""}, {"country/tur", "URGE", "country/cyp", false, ""}},
		},
		// Negative cases.
		{
			name: "two meetings with different parties fit equally",
			text: "France met Germany on Monday and Italy met Spain on Tuesday. The talks urged Iran to halt enrichment.",
			not: []triple{
				{"country/fra", "URGE", "country/irn", false, ""}, {"country/ita", "URGE", "country/irn", false, ""},
				{"country/deu", "URGE", "country/irn", false, ""}, {"country/esp", "URGE", "country/irn", false, ""},
			},
		}, {
			name: "an accord not signed stands for nothing",
			text: "Brazil and Argentina did not sign the accord. The accord calls on Paraguay to cut tariffs.",
			not:  []triple{{arg, "URGE", pry, false, ""}, {bra, "URGE", pry, false, ""}},
		}, {
			name: "the summit too far back",
			text: "Egypt and Jordan held a summit in Amman. Prices rose. Trade fell. Markets closed. The summit urged Israel to lift the blockade.",
			not:  []triple{{"country/egy", "URGE", "country/isr", false, ""}, {"country/jor", "URGE", "country/isr", false, ""}},
		}, {
			name: "another party's summit",
			text: "Egypt and Jordan held talks in Amman. Saudi Arabia's summit urged Israel to lift the blockade.",
			not:  []triple{{"country/egy", "URGE", "country/isr", false, ""}, {"country/jor", "URGE", "country/isr", false, ""}},
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
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("Extract(%q): unwanted %v; got %v", tt.text, n, got)
				}
			}
		})
	}
}
