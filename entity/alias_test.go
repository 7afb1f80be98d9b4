package entity_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/entity"
)

// node is what the aliasing tests pin of an entity: its ID, its aliases and
// how many mentions of the document resolve to it.
type node struct {
	ID       string
	Aliases  []string
	Mentions int
}

// nodes returns the people and organisations of text.
func nodes(t *testing.T, r *entity.Recognizer, text string) []node {
	t.Helper()
	_, res := recognize(t, r, text)
	count := map[string]int{}
	for _, m := range res.Mentions {
		count[m.Entity]++
	}
	var out []node
	for _, e := range res.Entities {
		if e.Type != entity.Person && e.Type != entity.Organization {
			continue
		}
		out = append(out, node{e.ID, e.Aliases, count[e.ID]})
	}
	return out
}

func TestAliasAcronyms(t *testing.T) {
	r, err := entity.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []node
	}{{
		name: "long form then acronym, gazetteer organisation",
		text: "The World Wide Fund for Nature (WWF) said tiger numbers had fallen. WWF called for action.",
		want: []node{{"org/world-wide-fund-for-nature", []string{"WWF", "World Wildlife Fund"}, 3}},
	}, {
		name: "long form then acronym, unknown organisation",
		text: "The Coalition for Clean Rivers (CCR) sued the mill on Monday. CCR said the mill had polluted the river for years.",
		want: []node{{"org/coalition-for-clean-rivers", []string{"CCR"}, 3}},
	}, {
		name: "acronym first, long form in brackets",
		text: "ZANU (Zimbabwe African National Union) won the vote. Officials of ZANU said turnout was high.",
		want: []node{{"org/zimbabwe-african-national-union", []string{"ZANU"}, 3}},
	}, {
		name: "known as, long form the model missed",
		text: "The Movement for Democratic Change, known as MDC, boycotted the vote. The MDC said it was rigged.",
		want: []node{{"org/movement-for-democratic-change", []string{"MDC"}, 3}},
	}, {
		name: "an acronym the long form does not abbreviate defines nothing",
		text: "The Coalition for Clean Rivers (WWF) sued the mill.",
		want: []node{
			{"org/coalition-for-clean-rivers", nil, 1},
			{"org/world-wide-fund-for-nature", []string{"WWF", "World Wildlife Fund"}, 1},
		},
	}, {
		name: "a lower-case word is not the acronym",
		text: "Delegates of the Union of Textile Workers (UTW) met. The utw clause was dropped.",
		want: []node{{"org/union-of-textile-workers", []string{"UTW"}, 2}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, nodes(t, r, tt.text)); d != "" {
				t.Errorf("Recognize(%q) (-want +got):\n%s", tt.text, d)
			}
		})
	}
}

func TestAliasHeadNouns(t *testing.T) {
	r, err := entity.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []node
	}{{
		name: "the Bank",
		text: "The Inter-American Development Bank approved a loan to Peru. The Bank said the loan would pay for roads.",
		want: []node{{"org/inter-american-development-bank", []string{"IADB", "IDB"}, 2}},
	}, {
		name: "the Union",
		text: "The National Union of Mineworkers called a strike. The Union said pay talks had failed.",
		want: []node{{"org/national-union-of-mineworkers", nil, 2}},
	}, {
		name: "the Front",
		text: "Morocco accused the Polisario Front of breaking the ceasefire. A statement from the Front denied it.",
		want: []node{{"org/polisario-front", []string{"Front"}, 2}},
	}, {
		name: "the Council, head before of",
		text: "The Council of Europe criticised the law. The Council said it breached rights.",
		want: []node{{"org/council-of-europe", []string{"CoE"}, 2}},
	}, {
		name: "a party by its first word",
		text: "The Labour Party met in Brighton. Labour said it would win.",
		want: []node{{"org/labour-party", []string{"Labour"}, 2}},
	}, {
		name: "a company without its legal form",
		text: "Oppenheimer Capital LP said on Monday it would buy the fund. Oppenheimer Capital will pay in cash.",
		want: []node{{"org/oppenheimer-capital-lp", []string{"Oppenheimer Capital"}, 2}},
	}, {
		name: "not a disease the acronym defines",
		text: "Cases of Creutzfeldt-Jakob Disease (CJD) rose. CJD is rare.",
		want: nil,
	}, {
		name: "a head noun before a preposition is another name",
		text: "The Advisory Council met on Monday. She is a member of the Council on Foreign Relations.",
		want: []node{{"org/advisory-council", nil, 1}},
	}, {
		name: "a longer name is another organisation",
		text: "The Inter-American Development Bank approved a loan. The Bank of Japan held rates.",
		want: []node{
			{"org/bank-of-japan", []string{"BOJ", "BoJ"}, 1},
			{"org/inter-american-development-bank", []string{"IADB", "IDB"}, 1},
		},
	}, {
		name: "lower case is no short form",
		text: "The Inter-American Development Bank approved a loan. He walked along the bank of the river.",
		want: []node{{"org/inter-american-development-bank", []string{"IADB", "IDB"}, 1}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, nodes(t, r, tt.text)); d != "" {
				t.Errorf("Recognize(%q) (-want +got):\n%s", tt.text, d)
			}
		})
	}
}

func TestAliasPersons(t *testing.T) {
	r, err := entity.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []node
	}{{
		name: "middle initial, suffix and short given name, in the gazetteer",
		text: "Joseph R. Biden, Jr. met Pierre Dupont in Paris. Joe Biden said the talks were good. Biden left on Tuesday.",
		want: []node{
			{"person/joe-biden", []string{"Biden", "Joseph R. Biden, Jr."}, 3},
			{"person/pierre-dupont", nil, 1},
		},
	}, {
		name: "middle initial, suffix and short given name, not in the gazetteer",
		text: "Harold T. Wexley, Jr. arrived in Lagos on Friday. Harry Wexley said he would stay a week. Wexley met traders.",
		want: []node{{"person/harold-t-wexley-jr", []string{"Harry Wexley", "Wexley"}, 3}},
	}, {
		name: "two people of one surname stay two, and the surname alone is neither",
		text: "Mark Lindqvist and Anna Lindqvist spoke on Monday. Lindqvist said nothing.",
		want: []node{
			{"person/anna-lindqvist", nil, 1},
			{"person/lindqvist", nil, 1},
			{"person/mark-lindqvist", nil, 1},
		},
	}, {
		name: "different middle initials are different people",
		text: "George H. Walker spoke first. George W. Walker spoke next.",
		want: []node{
			{"person/george-h-walker", nil, 1},
			{"person/george-w-walker", nil, 1},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, nodes(t, r, tt.text)); d != "" {
				t.Errorf("Recognize(%q) (-want +got):\n%s", tt.text, d)
			}
		})
	}
}

func TestBritishSpellings(t *testing.T) {
	r, err := entity.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []node
	}{{
		name: "-isation",
		text: "The World Health Organisation warned of a new outbreak.",
		want: []node{{"org/world-health-organization", []string{"WHO", "World Health Organisation"}, 1}},
	}, {
		name: "-our",
		text: "The International Labor Organisation met in Geneva.",
		want: []node{{"org/international-labour-organization", []string{"ILO", "International Labor Office", "International Labor Organisation", "International Labor Organization", "International Labour Office", "International Labour Organisation"}, 1}},
	}, {
		name: "American spelling still matches",
		text: "The World Health Organization warned of a new outbreak.",
		want: []node{{"org/world-health-organization", []string{"WHO", "World Health Organisation"}, 1}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, nodes(t, r, tt.text)); d != "" {
				t.Errorf("Recognize(%q) (-want +got):\n%s", tt.text, d)
			}
		})
	}
}
