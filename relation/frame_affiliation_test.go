package relation_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
)

// TestOffices pins the LEADER_OF and MEMBER_OF relations of the offices the
// text states in organisations and countries, construction by construction.
func TestOffices(t *testing.T) {
	ex := extractor(t)
	type edge struct{ Source, Type, Target string }
	tests := []struct {
		name, text string
		want       []edge
	}{
		// An organisation before the title.
		{"organisation title", "WHO Director-General Tedros Adhanom Ghebreyesus warned of the outbreak.",
			[]edge{{"person/tedros-adhanom-ghebreyesus", "LEADER_OF", "org/world-health-organization"}}},
		{"organisation office noun", "IMF chief Kristalina Georgieva praised the reforms.",
			[]edge{{"person/kristalina-georgieva", "LEADER_OF", "org/international-monetary-fund"}}},
		{"organisation possessive", "The Bank of England's governor Mark Carney raised rates.",
			[]edge{{"person/mark-carney", "LEADER_OF", "org/bank-of-england"}}},
		{"organisation spokesman", "Likud spokesman Yonatan Urich denied the report.",
			[]edge{{"person/yonatan-urich", "MEMBER_OF", "org/likud"}}},
		// A party by its first word, where the document names it.
		{"party leader", "The Labour Party met in Brighton. Labour leader Tony Blair said it would win.",
			[]edge{{"person/tony-blair", "LEADER_OF", "org/labour-party"}}},
		{"party MP", "The Conservative Party lost seats. Conservative MP Ann Widdecombe criticised the plan.",
			[]edge{{"person/ann-widdecombe", "MEMBER_OF", "org/conservative-party"}}},
		{"party not named", "Conservative MP Ann Widdecombe criticised the plan.", nil},
		// Adjectives between a country's possessive and the title.
		{"possessive adjective title", "Chile's left-wing President Gabriel Boric met traders.",
			[]edge{{"person/gabriel-boric", "LEADER_OF", "country/chl"}}},
		{"possessive two adjectives", "Peru's embattled new President Dina Boluarte called for calm.",
			[]edge{{"person/dina-boluarte", "LEADER_OF", "country/per"}}},
		{"possessive adjective, not a head", "Kenya's outspoken Senator Amos Wako criticised the plan.", nil},
		// A country by its adjective alone.
		{"demonym president", "Czech President Petr Pavel arrived on Monday.",
			[]edge{{"person/petr-pavel", "LEADER_OF", "country/cze"}}},
		{"demonym prime minister", "Dutch Prime Minister Mark Rutte resigned.",
			[]edge{{"person/mark-rutte", "LEADER_OF", "country/nld"}}},
		{"demonym premier", "Italian Premier Romano Prodi spoke.",
			[]edge{{"person/romano-prodi", "LEADER_OF", "country/ita"}}},
		// "of" after the name.
		{"of country", "Prime Minister Shinzo Abe of Japan arrived on Monday.",
			[]edge{{"person/shinzo-abe", "LEADER_OF", "country/jpn"}}},
		{"of country, president", "President Nana Akufo-Addo of Ghana arrived on Monday.",
			[]edge{{"person/nana-akufo-addo", "LEADER_OF", "country/gha"}}},
		{"of organisation", "Secretary-General Kofi Annan of the United Nations arrived on Monday.",
			[]edge{{"person/kofi-annan", "LEADER_OF", "org/united-nations"}}},
		// Apposition.
		{"apposition of", "Kofi Annan, secretary-general of the United Nations, arrived in Baghdad.",
			[]edge{{"person/kofi-annan", "LEADER_OF", "org/united-nations"}}},
		{"apposition organisation title", "Jens Stoltenberg, the NATO secretary general, spoke on Monday.",
			[]edge{{"person/jens-stoltenberg", "LEADER_OF", "org/north-atlantic-treaty-organization"}}},
		{"apposition spokeswoman for", "Jane Roe, a spokeswoman for Greenpeace, said the ship had left.",
			[]edge{{"person/jane-roe", "MEMBER_OF", "org/greenpeace"}}},
		{"apposition member of", "Ayman Odeh, a member of the Knesset, protested.",
			[]edge{{"person/ayman-odeh", "MEMBER_OF", "org/knesset"}}},
		{"apposition with no office", "Piet Hendriks, a friend of Greenpeace, spoke.", nil},
		// "<name>'s <party>".
		{"possessive party", "Netanyahu's Likud party won the vote.",
			[]edge{{"person/benjamin-netanyahu", "LEADER_OF", "org/likud"}}},
		{"possessive Party", "The Labour Party met. Blair's Labour Party won the vote.",
			[]edge{{"person/tony-blair", "LEADER_OF", "org/labour-party"}}},
		{"possessive organisation, not a party", "Tom Smith's Greenpeace protested.", nil},
		// Qualified offices.
		{"deputy is a member", "Hamas deputy leader Saleh al-Arouri was killed.",
			[]edge{{"person/saleh-al-arouri", "MEMBER_OF", "org/hamas"}}},
		{"former is nothing", "Former WHO Director-General Margaret Chan spoke.", nil},
		{"former country leader is nothing", "Former French President Nicolas Sarkozy spoke.", nil},
		{"under is no rank", "She served at the Department of Labor under President Barack Obama from 2014.", nil},
		{"a lower-case title of a contest", "Takeda won, with championship leader Aaron Slight of New Zealand second.", nil},
		{"a demonym in a hyphenated word", "Police held Nadarajah Muralidaran, Swiss-based leader of the rebels, in Zurich.", nil},
		{"chief executive officer of", "Kimberly Lewis is the Chief Executive Officer of Projectsyz Inc, a business in Alabama.", nil},
		{"of an organisation's part", "Adelbert Knobl, head of the International Monetary Fund's mission in Ukraine, spoke.", nil},
		{"a rank between office and name", "NATO spokesman Lieutenant Colonel Max Marriner told Reuters the situation was calm.",
			[]edge{{"person/max-marriner", "MEMBER_OF", "org/north-atlantic-treaty-organization"}}},
		{"an office under the organisation", "The film recounts the life of Michael Collins, the Irish Republican Army's Director of Intelligence, in Dublin.", nil},
		{"acting leads", "IMF acting chief Jan Kowalski praised the reforms.",
			[]edge{{"person/jan-kowalski", "LEADER_OF", "org/international-monetary-fund"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ex.Extract(context.Background(), &corpus.Document{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []edge
			for _, tr := range triples(t, res) {
				if tr.Type == "LEADER_OF" || tr.Type == "MEMBER_OF" {
					got = append(got, edge{tr.Source, tr.Type, tr.Target})
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Extract(%q) (-want +got):\n%s", tt.text, d)
			}
		})
	}
}
