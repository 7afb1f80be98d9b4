package relation_test

import (
	"context"
	"sort"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/relation"
)

var defaultExtractor = sync.OnceValues(func() (*relation.Extractor, error) { return relation.NewExtractor() })

func extractor(t testing.TB) *relation.Extractor {
	t.Helper()
	ex, err := defaultExtractor()
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// triple is the part of a relation these tests pin.
type triple struct {
	Source, Type, Target string
	Negated              bool
	Modality             relation.Modality
}

func triples(t *testing.T, res *relation.Result) []triple {
	t.Helper()
	var out []triple
	seen := map[triple]bool{}
	for _, r := range res.Relations {
		s, tg := r.Source, r.Target
		if r.Type.Symmetric() && tg < s {
			s, tg = tg, s
		}
		tr := triple{s, string(r.Type), tg, r.Negated, r.Modality}
		if !seen[tr] {
			seen[tr] = true
			out = append(out, tr)
		}
		ev := r.Evidence
		if got := res.Document.Text[ev.Start:ev.End]; got != ev.Text {
			t.Errorf("evidence text[%d:%d] = %q, want %q", ev.Start, ev.End, got, ev.Text)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Target < b.Target
	})
	return out
}

func TestExtract(t *testing.T) {
	ex := extractor(t)
	const (
		macron = "person/emmanuel-macron"
		xi     = "person/xi-jinping"
		fra    = "country/fra"
		chn    = "country/chn"
		rus    = "country/rus"
		ukr    = "country/ukr"
		deu    = "country/deu"
		hun    = "country/hun"
		eu     = "org/european-union"
	)
	tests := []struct {
		name string
		text string
		want []triple
	}{{
		name: "meeting in a foreign capital, with titles",
		text: "French President Emmanuel Macron met with Chinese leader Xi Jinping in Beijing.",
		want: []triple{
			{macron, "LEADER_OF", fra, false, ""},
			{macron, "MEET", xi, false, ""},
			{macron, "VISIT", "location/beijing", false, ""},
			{xi, "LEADER_OF", chn, false, ""},
		},
	}, {
		name: "passive voice",
		text: "Russia was condemned by Germany.",
		want: []triple{{deu, "CRITICIZE", rus, false, ""}},
	}, {
		name: "coordinated actors",
		text: "France and Germany condemned Russia.",
		want: []triple{
			{deu, "CRITICIZE", rus, false, ""},
			{fra, "CRITICIZE", rus, false, ""},
		},
	}, {
		name: "negation",
		text: "Emmanuel Macron did not meet Xi Jinping.",
		want: []triple{{macron, "MEET", xi, true, ""}},
	}, {
		name: "names close together but unrelated",
		text: "Emmanuel Macron spoke in Paris on Monday while Xi Jinping stayed in Beijing.",
		want: nil,
	}, {
		name: "officials act for their country",
		text: "Hungarian officials criticized the EU.",
		want: []triple{{hun, "CRITICIZE", eu, false, ""}},
	}, {
		name: "accused of: the accusation and the alleged act",
		text: "Germany accused Russia of attacking Ukraine.",
		want: []triple{
			{deu, "ACCUSE", rus, false, ""},
			{rus, "ATTACK", ukr, false, relation.Alleged},
		},
	}, {
		name: "urged to: the request and the requested act",
		text: "France urged China to impose sanctions on Russia.",
		want: []triple{
			{chn, "SANCTION", rus, false, relation.Requested},
			{fra, "URGE", chn, false, ""},
		},
	}, {
		name: "the target owns what is acted on",
		text: "Poland rejected Germany's proposal for a new pipeline.",
		want: []triple{{"country/pol", "REJECT", deu, false, ""}},
	}, {
		name: "a responding verb keeps its own event over a noun cue",
		text: "Hungary rejected calls by the EU for new elections.",
		want: []triple{{hun, "REJECT", eu, false, ""}},
	}, {
		name: "a pronoun subject of reported speech is the speaker",
		text: "Germany announced that it will sanction Iran.",
		want: []triple{{deu, "SANCTION", "country/irn", false, relation.Intended}},
	}, {
		name: "they: the plural speaker; a reported intention",
		text: "French officials said they would meet Chinese diplomats.",
		want: []triple{{chn, "MEET", fra, false, relation.Intended}},
	}, {
		name: "an act promised unless the other side yields is a threat",
		text: "Russia said it would withdraw its troops from Syria unless Turkey ended the offensive.",
		want: []triple{{rus, "THREATEN", "country/syr", false, ""}},
	}, {
		name: "a stative participle reads as its adjective",
		text: "Hungary is opposed to German mediation.",
		want: []triple{{hun, "REJECT", deu, false, ""}},
	}, {
		name: "reported obligation: the speaker demands of the subject",
		text: "France said Russia should withdraw from Ukraine.",
		want: []triple{
			{fra, "URGE", rus, false, ""},
			{rus, "RETREAT", ukr, false, relation.Requested},
		},
	}, {
		name: "a name modifying a noun compound",
		text: "The EU human rights commission criticized Hungary.",
		want: []triple{{eu, "CRITICIZE", hun, false, ""}},
	}, {
		name: "what a promise governs is intended",
		text: "Britain promised aid to Mozambique.",
		want: []triple{
			{"country/gbr", "AGREE", "country/moz", false, ""},
			{"country/gbr", "AID", "country/moz", false, relation.Intended},
		},
	}, {
		name: "coordinated demonyms act together",
		text: "French and German warships launched attacks on Libya.",
		want: []triple{
			{deu, "ATTACK", "country/lby", false, ""},
			{fra, "ATTACK", "country/lby", false, ""},
		},
	}, {
		name: "a protest is against the place it is held in",
		text: "Ukrainian farmers protested at a border crossing in Poland.",
		want: []triple{{ukr, "PROTEST", "country/pol", false, ""}},
	}, {
		name: "a capitalised title is an agent noun",
		text: "U.S. Secretary of State Warren Christopher telephoned Russia.",
		want: []triple{{"person/warren-christopher", "CONSULT", rus, false, ""}},
	}, {
		name: "a promise is about what the promised act is done to",
		text: "Turkey promised to democratize Armenia.",
		want: []triple{{"country/arm", "AGREE", "country/tur", false, ""}},
	}, {
		name: "failing to agree is a rejection",
		text: "Poland and Hungary failed to reach agreement.",
		want: []triple{
			{hun, "REJECT", "country/pol", false, ""},
			{hun, "SIGN_AGREEMENT", "country/pol", true, ""},
			{"country/pol", "REJECT", hun, false, ""},
		},
	}, {
		name: "unable to act: the act did not happen",
		text: "Syria was unable to reach an agreement with Israel on the Golan Heights.",
		want: []triple{{"country/isr", "SIGN_AGREEMENT", "country/syr", true, ""}},
	}, {
		name: "unable to agree: a symmetric act that did not happen",
		text: "Greece and Turkey were unable to agree on a new border.",
		want: []triple{{"country/grc", "AGREE", "country/tur", true, ""}},
	}, {
		name: "unable to use force",
		text: "Israeli troops were unable to capture the Lebanese village.",
		want: []triple{{"country/isr", "FIGHT", "country/lbn", true, ""}},
	}, {
		name: "not able to act: a negated implicative",
		text: "Egypt was not able to mediate between Sudan and Ethiopia.",
		want: []triple{
			{"country/egy", "CONSULT", "country/eth", true, ""},
			{"country/egy", "CONSULT", "country/sdn", true, ""},
		},
	}, {
		name: "did not manage to act",
		text: "Turkey did not manage to sign a deal with Greece.",
		want: []triple{{"country/grc", "SIGN_AGREEMENT", "country/tur", true, ""}},
	}, {
		name: "refusing to act is a rejection",
		text: "Germany refused to withdraw its troops from Mali.",
		want: []triple{
			{deu, "REJECT", "country/mli", false, ""},
			{deu, "RETREAT", "country/mli", false, relation.Denied},
		},
	}, {
		name: "a quantity stands for what it counts; a protest outside an embassy",
		text: "Thousands of Kenyan students demonstrated outside the British embassy in Nairobi.",
		want: []triple{{"country/ken", "PROTEST", "country/gbr", false, ""}},
	}, {
		name: "force used on no named party targets the place",
		text: "Turkish warplanes bombed rebel bases in northern Iraq.",
		want: []triple{{"country/tur", "ATTACK", "country/irq", false, ""}},
	}, {
		name: "the owner of a noun of a phrase cue",
		text: "The Iraqi government released 500 Iranian prisoners.",
		want: []triple{{"country/irq", "RETREAT", "country/irn", false, ""}},
	}, {
		name: "a purpose clause acts where its verb sends",
		text: "The UN sent inspectors to Iran to investigate the nuclear program.",
		want: []triple{{"org/united-nations", "INVESTIGATE", "country/irn", false, ""}},
	}, {
		name: "force used on those in a place",
		text: "Indian police detained hundreds of protesters in New Delhi.",
		// The protesters, with no country of their own, are India's
		// (a domestic event, see domestic_test.go).
		want: []triple{{"group/ind-police", "COERCE", "group/ind-protester", false, ""}},
	}, {
		name: "an obligation above an intention makes it requested",
		text: "Germany said that Russia must be ready to negotiate with Ukraine.",
		want: []triple{
			{deu, "REQUEST", rus, false, ""},
			{rus, "NEGOTIATE", ukr, false, relation.Requested},
		},
	}, {
		name: "aid called off is a sanction, not aid",
		text: "The World Bank suspended loans to Zimbabwe.",
		want: []triple{{"org/world-bank", "SANCTION", "country/zwe", false, ""}},
	}, {
		name: "a title heading its name is an agent noun",
		text: "Pope Francis praised Argentina.",
		want: []triple{{"person/francis", "PRAISE", "country/arg", false, ""}},
	}, {
		name: "coordinated subjects of a with-frame act on each other",
		text: "Thailand and Cambodia exchanged fire along their disputed border.",
		want: []triple{
			{"country/khm", "FIGHT", "country/tha", false, ""},
			{"country/tha", "FIGHT", "country/khm", false, ""},
		},
	}, {
		name: "a by-phrase on an active verb belongs to its object",
		text: "The United Nations launched an investigation into alleged war crimes by Sri Lankan troops.",
		want: []triple{{"org/united-nations", "INVESTIGATE", "country/lka", false, ""}},
	}, {
		name: "a wire dateline's city is not the subject of the story's first sentence",
		text: "PARIS (Reuters) - France accused Russia of meddling in its election.",
		want: []triple{{"country/fra", "ACCUSE", rus, false, ""}},
	}, {
		// "expel" is the clause of "plans" (acl), and a reported
		// intention is an intention: negated and intended.
		name: "no plans to act: the act is denied",
		text: "Germany said it had no plans to expel Russian diplomats.",
		want: []triple{{deu, "SANCTION", rus, true, relation.Intended}},
	}, {
		name: "the police in a country act for it",
		text: "Police in Kenya arrested two Ugandan journalists.",
		want: []triple{{"country/ken", "COERCE", "country/uga", false, ""}},
	}, {
		name: "a verb the tagger takes for an adjective is still a cue, and its sentence is parsed",
		text: "Vladimir Putin telephoned Friedrich Merz.",
		want: []triple{{"person/vladimir-putin", "CONSULT", "person/friedrich-merz", false, ""}},
	}, {
		name: "a finite adverbial clause whose subject the parse lost does not take the main clause's",
		text: "Kyrgyz President Askar Akayev resigned Monday as the opposition threatened to storm his office in Bishkek.",
		want: []triple{
			{"person/askar-akayev", "LEADER_OF", "country/kgz", false, ""},
			{"person/askar-akayev", "RETREAT", "country/kgz", false, ""},
		},
	}, {
		name: "an ethnic group in a country acts for the country it lives in",
		text: "Ethnic Serbs in Croatia accused Germany of arming the rebels.",
		want: []triple{{"country/hrv", "ACCUSE", deu, false, ""}},
	}, {
		name: "a people demonym under another country's demonym acts for that country",
		text: "Bosnian Serbs accused Germany of arming the rebels.",
		want: []triple{{"country/bih", "ACCUSE", deu, false, ""}},
	}, {
		name: "a threat naming no party is aimed at the subject of its condition",
		text: "France threatened to leave the talks if Russia did not withdraw.",
		want: []triple{{fra, "THREATEN", rus, false, ""}},
	}, {
		name: "a refusal to act on a party rejects that party",
		text: "Germany refused to deal with Iran.",
		want: []triple{{deu, "REJECT", "country/irn", false, ""}},
	}, {
		name: "the residents of a place act for its country",
		text: "Residents of Gaza accused Egypt of closing the crossing.",
		want: []triple{{"location/gaza-strip", "ACCUSE", "country/egy", false, ""}},
	}, {
		name: "a place no gazetteer entry codes does not act",
		text: "Ruritania has agreed to re-open its borders to UN peacekeepers.",
		want: nil,
	}, {
		name: "a people demonym alone acts for its own country",
		text: "Serbs accused Germany of arming the rebels.",
		want: []triple{{"country/srb", "ACCUSE", deu, false, ""}},
	}, {
		name: "a pronoun subject the parse made an expletive is the speaker",
		text: "Peru's government announced that it is prepared to impose a curfew.",
		want: []triple{{"group/per-government", "COERCE", "country/per", false, relation.Intended}},
	}, {
		name: "a fronted participle (\"Newly elected President X\") is no subject; the name it modifies is",
		text: "Newly elected Peruvian President Juan Perezoso has refused to respond to a demand from the Chilean President.",
		want: []triple{
			{"person/juan-perezoso", "LEADER_OF", "country/per", false, ""},
			{"person/juan-perezoso", "REJECT", "country/chl", false, ""},
		},
	}, {
		name: "a threatened act against a party threatens it",
		text: "Chile has threatened further action against Peru.",
		want: []triple{{"country/chl", "THREATEN", "country/per", false, ""}},
	}, {
		name: "a coordinated verb shares its conjunct's target, through what the object measures",
		text: "Two Swiss charities donated and personally delivered 500 tonnes of food to Bolivia.",
		want: []triple{{"country/che", "AID", "country/bol", false, ""}},
	}, {
		name: "a verb responding to a noun cue does not carry it out",
		text: "Chile denounced the invasion of Peru.",
		want: []triple{{"country/chl", "CRITICIZE", "country/per", false, ""}},
	}, {
		name: "commemorating a killing is no killing",
		text: "Kenyan students commemorated the killing of Ugandan protesters.",
		want: nil,
	}, {
		name: "a killing mourned keeps its own actor",
		text: "Israelis mourned the killing of an Israeli soldier by Hezbollah.",
		want: []triple{{"org/hezbollah", "ASSAULT", "country/isr", false, ""}},
	}, {
		name: "condemning an attack is no attack",
		text: "Chile condemned the attack against Peru.",
		want: nil,
	}, {
		name: "a union of a country calls off a strike at home, after talks it held",
		text: "The Bolivian Union of Miners has called off a strike after talks with the Bolivian government.",
		want: []triple{
			{"country/bol", "MEET", "org/bolivian-union-of-miners", false, ""},
			{"org/bolivian-union-of-miners", "CONCEDE", "country/bol", false, ""},
		},
	}, {
		name: "one barred from acting is the object, and does not act",
		text: "Chile barred Peruvian officials from visiting Bolivia.",
		want: []triple{{"country/per", "VISIT", "country/bol", true, ""}},
	}, {
		name: "a conjunct verb after arguments of its own does not share its target",
		text: "Bolivian players rallied from a 2-5 deficit but then played erratically against Chile.",
		want: nil,
	}, {
		name: "a phrase the parse hung on a day is the verb's",
		text: "Kenya's president launched a mediation effort on Saturday between Ethiopia and Eritrea.",
		want: []triple{
			{"country/ken", "CONSULT", "country/eri", false, ""},
			{"country/ken", "CONSULT", "country/eth", false, ""},
		},
	}, {
		name: "a reduced passive: the noun is acted on, the by-phrase acts",
		text: "Two Ugandan journalists arrested by Kenyan police were released on Monday.",
		want: []triple{{"country/ken", "COERCE", "country/uga", false, ""}},
	}, {
		name: "a reduced passive with no agent: the noun does not act",
		text: "Two Ugandan journalists arrested in Kenya were released on Monday.",
		want: nil,
	}, {
		name: "a reduced passive set off by commas",
		text: "The Russian diplomat, expelled by Britain last week, returned to Moscow.",
		want: []triple{{"country/gbr", "SANCTION", "country/rus", false, ""}},
	}, {
		name: "a main verb the tagger took for a participle is no reduced passive",
		text: "The American diplomat arrived in Belgrade two days after the vote.",
		want: []triple{{"country/usa", "VISIT", "location/belgrade", false, ""}},
	}, {
		name: "the object of a verb is no office of the verb's subject",
		text: "Germany killed the deputy chief of the Russian army.",
		want: []triple{{"country/deu", "ASSAULT", "org/russian-armed-forces", false, ""}},
	}, {
		name: "a plural the lemmatizer keeps whole still makes a cue phrase",
		text: "France sent troops to Mali. Turkey cut off supplies to Armenia.",
		want: []triple{
			{fra, "MOBILIZE", "country/mli", false, ""},
			{"country/tur", "SANCTION", "country/arm", false, ""},
		},
	}, {
		name: "the forces of the one who speaks, with the clause's subject parsed as the speech verb's object",
		text: "Israel said its troops had attacked Hamas positions in Gaza.",
		want: []triple{{"country/isr", "ATTACK", "org/hamas", false, relation.Reported}},
	}, {
		name: "a passive agent the parse hung on an oblique",
		text: "Sanctions were imposed on Iraq by the United Nations in 1990.",
		want: []triple{{"org/united-nations", "SANCTION", "country/irq", false, ""}},
	}, {
		name: "a particle of the verb before the preposition",
		text: "Russia pulled its troops out of Syria. Iraq said a column of tanks pulled out of Kuwait.",
		want: []triple{{rus, "RETREAT", "country/syr", false, ""}},
	}, {
		name: "a first name a treebank tagger takes for a common noun",
		text: "German Chancellor Friedrich Merz has met with Indian Prime Minister Narendra Modi in New Delhi.",
		want: []triple{
			{"person/friedrich-merz", "LEADER_OF", deu, false, ""},
			{"person/friedrich-merz", "MEET", "person/narendra-modi", false, ""},
			{"person/friedrich-merz", "VISIT", "location/new-delhi", false, ""},
			{"person/narendra-modi", "LEADER_OF", "country/ind", false, ""},
		},
	}, {
		name: "a long name right after the verb, parsed as an oblique, is its object",
		text: "Modi hosted Russian President Vladimir Putin in New Delhi.",
		want: []triple{
			{"person/vladimir-putin", "LEADER_OF", rus, false, ""},
			{"person/vladimir-putin", "VISIT", "location/new-delhi", false, ""},
			{"person/vladimir-putin", "VISIT", "person/narendra-modi", false, ""},
		},
	}, {
		name: "the country named before",
		text: "ECOWAS imposed sanctions on Niger after the coup. The African Union also suspended the country. The other country protested.",
		want: []triple{
			{"org/african-union", "SANCTION", "country/ner", false, ""},
			{"org/economic-community-of-west-african-states", "SANCTION", "country/ner", false, ""},
		},
	}, {
		name: "a verb after a name is past tense, and the name its subject when the parse strands it after 'and'",
		text: "The African Union suspended Niger after the military coup, and the Economic Community of West African States imposed sanctions on the country.",
		want: []triple{
			{"org/african-union", "SANCTION", "country/ner", false, ""},
			{"org/economic-community-of-west-african-states", "SANCTION", "country/ner", false, ""},
		},
	}, {
		name: "a headline verb the tagger took for a plural noun",
		text: "Jordan expels Iraqi diplomat after bread riots.",
		want: []triple{{"country/jor", "SANCTION", "country/irq", false, ""}},
	}, {
		name: "protesters of no stated nationality act for the country they protest in, named or not",
		text: "Thousands of protesters rallied in Belgrade against the government of President Aleksandar Vucic.",
		want: []triple{{"country/srb", "PROTEST", "person/aleksandar-vucic", false, ""}},
	}, {
		name: "criticism drawn from a party is that party's",
		text: "India banned exports of wheat, drawing criticism from the G7.",
		want: []triple{{"org/group-of-seven", "CRITICIZE", "country/ind", false, ""}},
	}, {
		name: "a noun cue a stopper stopped is negated",
		text: "Hungary vetoed the European Union's aid package for Ukraine.",
		want: []triple{
			{hun, "REJECT", eu, false, ""},
			{eu, "AID", ukr, true, ""},
		},
	}, {
		name: "what is ratified is whose the object is (a symmetric type: smaller ID first)",
		text: "Turkey agreed to ratify Sweden's NATO membership.",
		want: []triple{{"country/swe", "SIGN_AGREEMENT", "country/tur", false, relation.Intended}},
	}, {
		name: "those who encourage a war do not wage it",
		text: "France accused Iran of encouraging the war against Israel.",
		want: []triple{{fra, "ACCUSE", "country/irn", false, ""}},
	}, {
		name: "a capital as a party stands for its country, named or not; a visit is to the city",
		text: "Beijing called on Seoul to stop the missionaries. Kim Jong Un visited Beijing.",
		want: []triple{
			{chn, "URGE", "country/kor", false, ""},
			{"person/kim-jong-un", "VISIT", "location/beijing", false, ""},
		},
	}, {
		name: "the one who acts during a visit is the visitor",
		text: "During a three-day visit to China, Macron met Xi.",
		want: []triple{
			{macron, "MEET", xi, false, ""},
			{macron, "VISIT", chn, false, ""},
		},
	}, {
		name: "an infinitive after a verb is an act of its own, not a word of the verb's phrase",
		text: "Macron has pledged to support Ukraine.",
		want: []triple{{macron, "SUPPORT", ukr, false, relation.Intended}},
	}, {
		name: "names after a fronted phrase are the subject the parse hung on it",
		text: "In a phone call on Tuesday, Biden and Xi discussed Taiwan and trade.",
		want: []triple{{"person/joe-biden", "MEET", xi, false, ""}},
	}, {
		name: "a capital as an actor is always its government; at home, a group of its own",
		text: "Beijing responded by banning imports of Japanese seafood. Paris announced a crackdown on Corsican separatists in France.",
		want: []triple{
			{chn, "COERCE", "country/jpn", false, ""},
			{"group/fra-government", "COERCE", "group/fra-separatist", false, ""}, // domestic_test.go
		},
	}, {
		name: "parties that act on each other",
		text: "Canada and India expelled each other's diplomats.",
		want: []triple{
			{"country/can", "SANCTION", "country/ind", false, ""},
			{"country/ind", "SANCTION", "country/can", false, ""},
		},
	}, {
		name: "a visit implied by a meeting is as sure as the meeting",
		text: "The Kremlin said Putin and Trump had agreed to meet in Budapest.",
		want: []triple{
			{"person/donald-trump", "AGREE", "person/vladimir-putin", false, relation.Reported},
			{"person/donald-trump", "MEET", "person/vladimir-putin", false, relation.Intended},
			{"person/donald-trump", "VISIT", "location/budapest", false, relation.Intended},
			{"person/vladimir-putin", "VISIT", "location/budapest", false, relation.Intended},
		},
	}, {
		name: "the office holders of two countries act for both",
		text: "The prime ministers of Greece and Turkey met on the sidelines of the NATO summit.",
		want: []triple{{"country/grc", "MEET", "country/tur", false, ""}},
	}, {
		name: "calling for sanctions against a country denounces it",
		text: "South Korea's president called for sanctions against North Korea after the missile launch.",
		want: []triple{{"country/kor", "CRITICIZE", "country/prk", false, ""}},
	}, {
		name: "an office in apposition",
		text: "Keir Starmer, Britain's prime minister, urged Israel to allow aid into Gaza. The Ukrainian leader, Volodymyr Zelenskyy, spoke.",
		want: []triple{
			{"person/keir-starmer", "LEADER_OF", "country/gbr", false, ""},
			{"person/keir-starmer", "URGE", "country/isr", false, ""},
			{"person/volodymyr-zelenskyy", "LEADER_OF", ukr, false, ""},
		},
	}, {
		name: "a qualified office, or the office of what a name only modifies, is not the name's",
		text: "Ejup Ganic, head of the Bosnian delegation, spoke. Alex Boraine, Tutu's deputy chairman, spoke. Ronny Brunswijk, the Surinamese rebel leader, spoke.",
		want: nil,
	}, {
		name: "the owner of a compound's thing is the name modifying the compound",
		text: "China's foreign ministry said in a statement that it firmly opposed the US arms sale to Taiwan.",
		want: []triple{{chn, "REJECT", "country/usa", false, relation.Reported}},
	}, {
		name: "a possessor the parse made a second subject beside a name is no actor",
		text: "Ukraine's Zelenskyy thanked Britain for the new aid package.",
		want: []triple{{"person/volodymyr-zelenskyy", "PRAISE", "country/gbr", false, ""}},
	}, {
		name: "parties of a meeting in a background clause are not the two leaders that follow",
		text: "Merz met Modi in New Delhi. The visit comes weeks after Modi hosted Russian President Vladimir Putin in New Delhi. The two leaders signed agreements on trade.",
		want: []triple{
			{"person/friedrich-merz", "MEET", "person/narendra-modi", false, ""},
			{"person/friedrich-merz", "SIGN_AGREEMENT", "person/narendra-modi", false, ""},
			{"person/friedrich-merz", "VISIT", "location/new-delhi", false, ""},
			{"person/vladimir-putin", "LEADER_OF", rus, false, ""},
			{"person/vladimir-putin", "VISIT", "location/new-delhi", false, ""},
			{"person/vladimir-putin", "VISIT", "person/narendra-modi", false, ""},
		},
	}, {
		name: "the actors of a phrase cue are not its targets too",
		text: "North Korea test-fired a hypersonic missile, drawing condemnation from Japan and South Korea.",
		want: []triple{
			{"country/jpn", "CRITICIZE", "country/prk", false, ""},
			{"country/kor", "CRITICIZE", "country/prk", false, ""},
		},
	}, {
		name: "a mediator named by a passive's agent mediates between the parties of what it mediated",
		text: "Thailand and Cambodia signed a ceasefire agreement in Kuala Lumpur, mediated by Malaysia.",
		want: []triple{
			{"country/khm", "SIGN_AGREEMENT", "country/tha", false, ""},
			{"country/mys", "CONSULT", "country/khm", false, ""},
			{"country/mys", "CONSULT", "country/tha", false, ""},
		},
	}, {
		name: "what a document says, its issuer says",
		text: "China issued a statement condemning the Japanese move. The UN Security Council adopted a resolution calling on Israel to halt settlement building.",
		want: []triple{
			{chn, "CRITICIZE", "country/jpn", false, ""},
			{"org/united-nations-security-council", "URGE", "country/isr", false, ""},
		},
	}, {
		name: "a sentence whose only verb the tagger took for a noun is still read",
		text: "Algeria faults Britain over Islamists gathering.",
		want: []triple{{"country/dza", "CRITICIZE", "country/gbr", false, ""}},
	}, {
		name: "a sentence parsed with no verb is parsed again with the noun after a name that is a verb's form",
		text: "Putin spoke by phone with Erdogan on Tuesday.",
		want: []triple{{"person/vladimir-putin", "CONSULT", "person/recep-tayyip-erdogan", false, ""}},
	}, {
		name: "a country in a hyphenated word of agency or ownership; not one of birth or style",
		text: "Iranian forces seized a British-flagged tanker in the Strait of Hormuz. Freddy Pinas, a Surinamese-born visitor, accused Ronny Brunswijk.",
		want: []triple{
			{"country/irn", "COERCE", "country/gbr", false, ""},
			{"person/freddy-pinas", "ACCUSE", "person/ronny-brunswijk", false, ""},
		},
	}, {
		name: "the two leaders of a meeting six sentences back",
		text: "Merz met Modi in New Delhi. Trade was discussed. The talks were long. Officials were hopeful. Prices rose. Markets fell. The two leaders signed agreements on trade.",
		want: []triple{
			{"person/friedrich-merz", "MEET", "person/narendra-modi", false, ""},
			{"person/friedrich-merz", "SIGN_AGREEMENT", "person/narendra-modi", false, ""},
			{"person/friedrich-merz", "VISIT", "location/new-delhi", false, ""},
		},
	}, {
		name: "a verb the taggers took for an adjective, in a sentence with no verb",
		text: "Norway facilitated peace talks between Colombia and the rebels.",
		want: []triple{{"country/nor", "CONSULT", "country/col", false, ""}},
	}, {
		name: "a host of negotiations between two parties consults both",
		text: "Egypt is hosting indirect negotiations between Israel and Hamas in Cairo.",
		want: []triple{
			{"country/egy", "CONSULT", "country/isr", false, ""},
			{"country/egy", "CONSULT", "org/hamas", false, ""},
		},
	}, {
		name: "a protest filed against a party is against it; thousands who protest act for where they do",
		text: "The Philippines filed a diplomatic protest against China over the incident. Thousands protested in Tbilisi against a new law.",
		want: []triple{
			{"country/geo", "PROTEST", "location/tbilisi", false, ""},
			{"country/phl", "CRITICIZE", chn, false, ""},
		},
	}, {
		name: "an act one is urged to stop is not requested",
		text: "The United States urged China to stop supplying weapons to Russia.",
		want: []triple{
			{chn, "AID", rus, true, relation.Requested},
			{"country/usa", "URGE", chn, false, ""},
		},
	}, {
		name: "a hearer is no lost subject",
		text: "Germany told Russia the talks had failed.",
		want: nil,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ex.Extract(context.Background(), &corpus.Document{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, triples(t, res)); d != "" {
				t.Errorf("Extract(%q) (-want +got):\n%s", tt.text, d)
			}
		})
	}
}

// TestAffiliation pins the codes a title phrase gives people the recognizer
// left without one.
func TestAffiliation(t *testing.T) {
	ex := extractor(t)
	tests := []struct {
		name, text, person, want string
	}{{
		name:   "an organisation's title before the name",
		text:   "U.N. envoy Tomas Lindqvist accused Serbia of obstruction.",
		person: "person/tomas-lindqvist", want: "IGO",
	}, {
		name:   "a country's possessive and an adjective before the title",
		text:   "Ukraine's chief negotiator Ivan Petrenko rejected Russia's proposal.",
		person: "person/ivan-petrenko", want: "UKR",
	}, {
		name:   "a title and a comma before the name",
		text:   "Ukraine's chief negotiator, Ivan Petrenko, rejected Russia's proposal.",
		person: "person/ivan-petrenko", want: "UKR",
	}, {
		name:   "a place and a comma before the name gives none",
		text:   "In Ukraine, Ivan Petrenko rejected Russia's proposal.",
		person: "person/ivan-petrenko", want: "",
	}, {
		name:   "an apposition after the name",
		text:   "Turkey rejected calls by Piet Hendriks, UN special rapporteur, to free the journalists.",
		person: "person/piet-hendriks", want: "IGO",
	}, {
		name:   "an apposition with a title of an organisation",
		text:   "Turkey rejected calls by Piet Hendriks, head of the United Nations refugee agency, to open the border.",
		person: "person/piet-hendriks", want: "IGO",
	}, {
		name:   "an apposition with no title gives none",
		text:   "Turkey rejected calls by Piet Hendriks, a friend of Norway, to open the border.",
		person: "person/piet-hendriks", want: "",
	}, {
		name:   "a title with no country or organisation gives none",
		text:   "Archbishop Piet Hendriks criticised Kenya.",
		person: "person/piet-hendriks", want: "",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ex.Extract(context.Background(), &corpus.Document{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			got, found := "", false
			for _, e := range res.Entities {
				if e.ID == tt.person {
					got, found = e.Code, true
				}
			}
			if !found {
				t.Fatalf("Extract(%q): no entity %s in %v", tt.text, tt.person, res.Entities)
			}
			if got != tt.want {
				t.Errorf("Extract(%q): code of %s = %q, want %q", tt.text, tt.person, got, tt.want)
			}
		})
	}
}

// TestGroups pins the group nodes of agent phrases: they collapse onto the
// country they act for, unless the relation would then be a loop, and an
// act at home ("home" target slot) is on the actor's own country.
func TestGroups(t *testing.T) {
	ex := extractor(t)
	tests := []struct {
		name, text string
		want       []triple
		groups     []entity.Entity // the GROUP entities of the result
	}{{
		name: "two groups of one country stay two nodes",
		text: "Kenyan police arrested Kenyan opposition activists on Monday.",
		want: []triple{{"group/ken-police", "COERCE", "group/ken-activist", false, ""}},
		groups: []entity.Entity{
			{ID: "group/ken-activist", Name: "Kenya activist", Type: entity.Group, Code: "KEN", Country: "country/ken"},
			{ID: "group/ken-police", Name: "Kenya police", Type: entity.Group, Code: "KEN", Country: "country/ken"},
		},
	}, {
		name: "a group acting on another country is its own country",
		text: "Kenyan police arrested two British tourists on Monday.",
		want: []triple{{"country/ken", "COERCE", "country/gbr", false, ""}},
	}, {
		name: "a country acting on a group of its own",
		text: "Peru is investigating killings by Peruvian soldiers.",
		want: []triple{{"country/per", "INVESTIGATE", "group/per-soldier", false, ""}},
		groups: []entity.Entity{
			{ID: "group/per-soldier", Name: "Peru soldier", Type: entity.Group, Code: "PER", Country: "country/per"},
		},
	}, {
		name: "a protest with no target is at home",
		text: "Bolivian miners rioted on Tuesday.",
		want: []triple{{"group/bol-miner", "PROTEST", "country/bol", false, ""}},
		groups: []entity.Entity{
			{ID: "group/bol-miner", Name: "Bolivia miner", Type: entity.Group, Code: "BOL", Country: "country/bol"},
		},
	}, {
		name: "a protest with a target is not at home",
		text: "Chilean students demonstrated against Argentina.",
		want: []triple{{"country/chl", "PROTEST", "country/arg", false, ""}},
	}, {
		name: "no act at home where another party is in sight",
		text: "Israeli troops opened fire, killing two Palestinians.",
		want: []triple{{"country/isr", "ASSAULT", "country/pse", false, ""}},
	}, {
		name: "a country's forces fighting at home",
		text: "Iraqi troops were fighting in northern Iraq.",
		want: []triple{{"group/irq-troop", "FIGHT", "country/irq", false, ""}},
		groups: []entity.Entity{
			{ID: "group/irq-troop", Name: "Iraq troop", Type: entity.Group, Code: "IRQ", Country: "country/irq"},
		},
	}, {
		name: "no force on a country's own armed forces",
		text: "A spokesman of the Iraqi National Congress said Iraqi artillery was shelling the town and Iraqi tanks had advanced to within 10 km of Mosul.",
		want: nil,
	}, {
		name: "a plural the tagger made of a verb is no group",
		text: "France expels African, Air France unions protest.", // a CoNLL-2003 headline
		want: nil,
	}, {
		name: "in protest: the verb's own subject, not one inherited from far above",
		// CoNLL-2003 news; the actor of the protest is the Palestinians.
		text: "In Jerusalem, Israeli security forces were bracing for thousands of Palestinians expected to answer Arafat's call earlier this week to come to the city holy to Moslems, Arabs and Jews to pray in protest against Israel's settlement policy in the West Bank and delay in peace negotiations.",
		want: nil,
	}, {
		name: "a boycott with no named target is at home",
		text: "The Kenyan opposition boycotted the vote.",
		want: []triple{{"group/ken-opposition", "PROTEST", "country/ken", false, ""}},
		groups: []entity.Entity{
			{ID: "group/ken-opposition", Name: "Kenya opposition", Type: entity.Group, Code: "KEN", Country: "country/ken"},
		},
	}, {
		name: "a leader resigns from his country's office",
		text: "Peruvian President Juan Perezoso resigned on Sunday.",
		want: []triple{
			{"person/juan-perezoso", "LEADER_OF", "country/per", false, ""},
			{"person/juan-perezoso", "RETREAT", "country/per", false, ""},
		},
	}, {
		name: "a government lifts a curfew at home",
		text: "Bolivia's government lifted a curfew on Monday.",
		want: []triple{{"group/bol-government", "CONCEDE", "country/bol", false, ""}},
		groups: []entity.Entity{
			{ID: "group/bol-government", Name: "Bolivia government", Type: entity.Group, Code: "BOL", Country: "country/bol"},
		},
	}, {
		name: "in protest against: the reason noun takes the verb's subject",
		text: "Tomas Lindqvist, Norway's leading human rights activist, began a hunger strike in protest against arrests by Norwegian police.",
		want: []triple{{"person/tomas-lindqvist", "PROTEST", "country/nor", false, ""}},
	}, {
		name: "a purpose clause on the noun of a verb's cue phrase has the verb's subject",
		text: "Thai police opened fire to disperse Cambodian protesters.",
		want: []triple{{"country/tha", "COERCE", "country/khm", false, ""}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ex.Extract(context.Background(), &corpus.Document{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, triples(t, res)); d != "" {
				t.Errorf("Extract(%q) (-want +got):\n%s", tt.text, d)
			}
			var groups []entity.Entity
			for _, e := range res.Entities {
				if e.Type == entity.Group {
					groups = append(groups, e)
				}
			}
			if d := cmp.Diff(tt.groups, groups); d != "" {
				t.Errorf("Extract(%q) groups (-want +got):\n%s", tt.text, d)
			}
			g, err := res.Graph()
			if err != nil {
				t.Fatalf("Graph: %v", err)
			}
			for _, e := range tt.groups {
				// Each group is named once in these sentences.
				if n, ok := g.Entity(e.ID); !ok || n.Mentions != 1 {
					t.Errorf("graph node %s: %+v, %t; want one mention", e.ID, n, ok)
				}
			}
		})
	}
}

// TestCuePhrases pins cues of the PLOVER types and modes news uses most:
// light verbs and verb+particle phrases, a verb phrase that overrides the
// noun cue it governs, nouns with the actor in an "of" phrase, and
// complements of intent nouns.
func TestCuePhrases(t *testing.T) {
	ex := extractor(t)
	tests := []struct {
		name, text string
		want       []triple
	}{{
		name: "verb+particle: beat up (ASSAULT beat)",
		text: "Indonesian soldiers beat up East Timorese students.",
		want: []triple{{"country/idn", "ASSAULT", "country/tls", false, ""}},
	}, {
		name: "light verb with an indirect object: give an ultimatum",
		text: "The United States gave Iraq an ultimatum.",
		want: []triple{{"country/usa", "THREATEN", "country/irq", false, ""}},
	}, {
		name: "lifting an embargo eases a sanction; the noun cue it governs does not apply",
		text: "The United States lifted its embargo on Vietnam.",
		want: []triple{{"country/usa", "RETREAT", "country/vnm", false, ""}},
	}, {
		name: "reducing aid is a sanction, not aid",
		text: "The United States reduced aid to Egypt.",
		want: []triple{{"country/usa", "SANCTION", "country/egy", false, ""}},
	}, {
		name: "withdrawing peacekeepers is SANCTION withdraw, not a military retreat",
		text: "The UN withdrew its peacekeepers from Rwanda.",
		want: []triple{{"org/united-nations", "SANCTION", "country/rwa", false, ""}},
	}, {
		name: "a ceasefire declared with a party",
		text: "Armenia declared a ceasefire with Azerbaijan on Sunday.",
		want: []triple{{"country/arm", "RETREAT", "country/aze", false, ""}},
	}, {
		name: "verb, particle and preposition: pulling out of a deal rejects it",
		text: "The United States pulled out of the nuclear deal with Iran.",
		want: []triple{{"country/usa", "REJECT", "country/irn", false, ""}},
	}, {
		name: "withdrawing from a treaty rejects the other party",
		text: "North Korea withdrew from the nuclear treaty with the United States.",
		want: []triple{{"country/prk", "REJECT", "country/usa", false, ""}},
	}, {
		name: "placed under house arrest",
		text: "Israeli troops placed Yasser Arafat under house arrest.",
		want: []triple{{"country/isr", "COERCE", "person/yasser-arafat", false, ""}},
	}, {
		name: "an arrest warrant issued for a person",
		text: "Spain issued an arrest warrant for Augusto Pinochet.",
		want: []triple{{"country/esp", "COERCE", "person/augusto-pinochet", false, ""}},
	}, {
		name: "a hyphenated noun phrase: fact-finding mission",
		text: "The European Union sent a fact-finding mission to Kosovo.",
		want: []triple{{"org/european-union", "INVESTIGATE", "country/xkx", false, ""}},
	}, {
		name: "an intent noun governs its clause: expressed readiness to negotiate",
		text: "Iran expressed readiness to negotiate with the United States.",
		want: []triple{{"country/irn", "NEGOTIATE", "country/usa", false, relation.Intended}},
	}, {
		name: "an intent noun's owner acts: Iran's readiness to negotiate",
		text: "Iran's readiness to negotiate with the United States surprised analysts.",
		want: []triple{{"country/irn", "NEGOTIATE", "country/usa", false, relation.Intended}},
	}, {
		name: "an intent noun with a pronoun owner: its willingness to negotiate",
		text: "Syria announced its willingness to negotiate with Israel.",
		want: []triple{{"country/isr", "NEGOTIATE", "country/syr", false, relation.Intended}},
	}, {
		name: "a plan announced: the planned act is intended, by the verb's subject",
		text: "Russia announced a plan to withdraw its troops from Moldova.",
		want: []triple{{"country/rus", "RETREAT", "country/mda", false, relation.Intended}},
	}, {
		name: "a bid to act is intended",
		text: "Iraq made a bid to annex Kuwait.",
		want: []triple{{"country/irq", "FIGHT", "country/kwt", false, relation.Intended}},
	}, {
		name: "an attempt to kill is the assault itself, not an intention",
		text: "Sudanese agents made an attempt to kill Egyptian President Hosni Mubarak.",
		want: []triple{
			{"country/sdn", "ASSAULT", "person/hosni-mubarak", false, ""},
			{"person/hosni-mubarak", "LEADER_OF", "country/egy", false, ""},
		},
	}, {
		name: "an intent noun whose clause the parse hung on the verb",
		text: "Pakistan reaffirmed its intention to sign the treaty with India.",
		want: []triple{{"country/ind", "SIGN_AGREEMENT", "country/pak", false, relation.Intended}},
	}, {
		name: "a failure to act: the owner's act did not happen",
		text: "Iraq's failure to sign the agreement with Kuwait angered the United States.",
		want: []triple{{"country/irq", "SIGN_AGREEMENT", "country/kwt", true, ""}},
	}, {
		name: "a noun cue that is the subject of a verb reads its own slots: talks resumed",
		text: "Talks between Israel and Syria resumed in Washington.",
		want: []triple{{"country/isr", "MEET", "country/syr", false, ""}},
	}, {
		name: "the verb a noun cue is the subject of gives its modality",
		text: "Talks between Israel and Syria will resume next week.",
		want: []triple{{"country/isr", "MEET", "country/syr", false, relation.Intended}},
	}, {
		name: "the verb a noun cue is the subject of gives its negation",
		text: "Talks between Israel and Syria did not resume.",
		want: []triple{{"country/isr", "MEET", "country/syr", true, ""}},
	}, {
		name: "a passive with no agent leaves the event to its subject noun: talks were resumed",
		text: "Talks between Israel and Syria were resumed on Monday.",
		want: []triple{{"country/isr", "MEET", "country/syr", false, ""}},
	}, {
		name: "a visit that was cancelled did not happen",
		text: "Khatami's visit to France was cancelled.",
		want: []triple{{"person/mohammad-khatami", "VISIT", "country/fra", true, ""}},
	}, {
		name: "a noun cue's slot hung on its of-phrase: the withdrawal of troops from a country began",
		text: "The withdrawal of Russian troops from Moldova began on Monday.",
		want: []triple{{"country/rus", "RETREAT", "country/mda", false, ""}},
	}, {
		name: "the visit of a leader to a country",
		text: "The visit of Iranian President Mohammad Khatami to France began on Monday.",
		want: []triple{
			{"person/mohammad-khatami", "LEADER_OF", "country/irn", false, ""},
			{"person/mohammad-khatami", "VISIT", "country/fra", false, ""},
		},
	}, {
		name: "a number before a demonym noun keeps the target: asylum granted to 50 Iranian dissidents",
		text: "Germany granted asylum to 50 Iranian dissidents.",
		want: []triple{{"country/deu", "AID", "country/irn", false, ""}},
	}, {
		name: "the passive of a double object verb, with the agent hung on the object",
		text: "Iraq was given an ultimatum by the United States.",
		want: []triple{{"country/usa", "THREATEN", "country/irq", false, ""}},
	}, {
		name: "the passive subject of a double object verb is the recipient (iobj)",
		text: "Ukraine was given military aid by the United States.",
		want: []triple{{"country/usa", "AID", "country/ukr", false, ""}},
	}, {
		name: "weapons sent to a recipient in the passive",
		text: "Ukraine was sent weapons by Poland.",
		want: []triple{{"country/pol", "AID", "country/ukr", false, ""}},
	}, {
		name: "assistance offered to a recipient in the passive",
		text: "Iraq was offered assistance by Japan.",
		want: []triple{{"country/irq", "AGREE", "country/jpn", false, ""}},
	}, {
		name: "a predicative object: held hostage",
		text: "Iraq held Kuwaiti diplomats hostage.",
		want: []triple{{"country/irq", "ASSAULT", "country/kwt", false, ""}},
	}, {
		name: "a reduced passive the parse took for the main verb: the one held hostage holds no one",
		text: "A French aid worker, held hostage in Chechnya for three weeks, said on Sunday he had been beaten.",
		want: nil,
	}, {
		name: "hostages taken in a country",
		text: "Iraqi soldiers took hostages in Kuwait.",
		want: []triple{{"country/irq", "ASSAULT", "country/kwt", false, ""}},
	}, {
		name: "a predicative object: found guilty, with the party a modifier of the adjective",
		text: "An Israeli court found the Palestinian activist guilty.",
		want: []triple{{"country/isr", "SANCTION", "country/pse", false, ""}},
	}, {
		name: "a predicative object: declared persona non grata",
		text: "Kenya declared the Ugandan diplomat persona non grata.",
		want: []triple{{"country/ken", "SANCTION", "country/uga", false, ""}},
	}, {
		name: "troops massed on the border with a country mobilise against it",
		text: "Iraq massed troops on the border with Kuwait.",
		want: []triple{{"country/irq", "MOBILIZE", "country/kwt", false, ""}},
	}, {
		name: "troops deployed near the border with a country",
		text: "North Korea deployed troops near the border with South Korea.",
		want: []triple{{"country/prk", "MOBILIZE", "country/kor", false, ""}},
	}, {
		name: "the border's other side hung on the object: along its border with Syria",
		text: "Turkey deployed tanks along its border with Syria.",
		want: []triple{{"country/tur", "MOBILIZE", "country/syr", false, ""}},
	}, {
		name: "a border on another word of the cue: put on alert along the border with",
		text: "India put its troops on alert along the border with Pakistan.",
		want: []triple{{"country/ind", "MOBILIZE", "country/pak", false, ""}},
	}, {
		name: "bowing to pressure concedes to whoever applied it",
		text: "The Chinese government bowed to pressure from the United States.",
		want: []triple{{"country/chn", "CONCEDE", "country/usa", false, ""}},
	}, {
		name: "taking to the streets against a person is a protest",
		text: "Thousands of Serbs took to the streets against Slobodan Milosevic.",
		want: []triple{{"country/srb", "PROTEST", "person/slobodan-milosevic", false, ""}},
	}, {
		name: "balking at a plan rejects its owner",
		text: "Israel balked at the US peace plan.",
		want: []triple{{"country/isr", "REJECT", "country/usa", false, ""}},
	}, {
		name: "leaving for a capital is a visit",
		text: "Vladimir Putin left for Beijing on Monday.",
		want: []triple{{"person/vladimir-putin", "VISIT", "location/beijing", false, ""}},
	}, {
		name: "warships dispatched to a sea",
		text: "China dispatched warships to the South China Sea.",
		want: []triple{{"country/chn", "MOBILIZE", "location/south-china-sea", false, ""}},
	}, {
		name: "refugees repatriated",
		text: "Vietnam repatriated 500 Cambodian refugees.",
		want: []triple{{"country/vnm", "RETREAT", "country/khm", false, ""}},
	}, {
		name: "an embassy opened is diplomatic support",
		text: "Canada opened an embassy in Ukraine.",
		want: []triple{{"country/can", "SUPPORT", "country/ukr", false, ""}},
	}, {
		name: "a joint venture is mutual cooperation",
		text: "Toyota formed a joint venture with General Motors.",
		want: []triple{{"org/general-motors", "COOPERATE", "org/toyota", false, ""}},
	}, {
		name: "independence granted is a concession",
		text: "Britain granted independence to Kenya in 1963.",
		want: []triple{{"country/gbr", "CONCEDE", "country/ken", false, ""}},
	}, {
		name: "troops advancing on a town",
		text: "Iraqi forces advanced on the Kurdish town of Arbil.",
		want: []triple{{"country/irq", "FIGHT", "location/erbil", false, ""}},
	}, {
		name: "inspectors admitted: the target is the body the cue's own noun names",
		text: "Iraq admitted UN inspectors on Monday.",
		want: []triple{{"country/irq", "RETREAT", "org/united-nations", false, ""}},
	}, {
		name: "easing a blockade is a retreat, not the blockade",
		text: "Israel eased its blockade of Gaza.",
		want: []triple{{"country/isr", "RETREAT", "location/gaza-strip", false, ""}},
	}, {
		name: "a handover of territory",
		text: "Britain's handover of Hong Kong to China takes place in 1997.",
		want: []triple{{"country/gbr", "RETREAT", "country/chn", false, ""}},
	}, {
		name: "chemical weapons used against a country",
		text: "Iraq used chemical weapons against Iran.",
		want: []triple{{"country/irq", "ASSAULT", "country/irn", false, ""}},
	}, {
		name: "pulling out of talks halts negotiations (SANCTION), not a military pull-out",
		text: "Syria pulled out of the peace talks with Israel.",
		want: []triple{{"country/syr", "SANCTION", "country/isr", false, ""}},
	}, {
		name: "a labour strike begun is a protest at home, not an attack",
		text: "Nigerian teachers began a strike over unpaid wages.",
		want: []triple{{"group/nga-teacher", "PROTEST", "country/nga", false, ""}},
	}, {
		name: "gratitude expressed to a party",
		text: "Iran expressed gratitude to Japan for its help.",
		want: []triple{{"country/irn", "PRAISE", "country/jpn", false, ""}},
	}, {
		name: "wounding is physical assault",
		text: "Israeli troops wounded three Palestinians.",
		want: []triple{{"country/isr", "ASSAULT", "country/pse", false, ""}},
	}, {
		name: "inspectors obstructed: the body the agent noun acts for is rejected",
		text: "Iraq obstructed UN inspectors.",
		want: []triple{{"country/irq", "REJECT", "org/united-nations", false, ""}},
	}, {
		name: "stones thrown at a party",
		text: "Palestinian youths threw stones at Israeli soldiers.",
		want: []triple{{"country/pse", "ASSAULT", "country/isr", false, ""}},
	}, {
		name: "a flag burnt: the target is the country its demonym names",
		text: "Iranian students burned American flags.",
		want: []triple{{"country/irn", "PROTEST", "country/usa", false, ""}},
	}, {
		name: "refugees taken in: aid to the country they come from",
		text: "Germany took in Syrian refugees.",
		want: []triple{{"country/deu", "AID", "country/syr", false, ""}},
	}, {
		name: "boycotting talks rejects the other party, not a protest",
		text: "Syria boycotted the talks with Israel.",
		want: []triple{{"country/syr", "REJECT", "country/isr", false, ""}},
	}, {
		name: "an arrest ordered is an arrest, not a request",
		text: "Spain ordered the arrest of Augusto Pinochet.",
		want: []triple{{"country/esp", "COERCE", "person/augusto-pinochet", false, ""}},
	}, {
		name: "an envoy sent",
		text: "Egypt sent an envoy to Sudan.",
		want: []triple{{"country/egy", "CONSULT", "country/sdn", false, ""}},
	}, {
		name: "accusations exchanged: coordinated subjects accuse each other",
		text: "India and Pakistan exchanged accusations over the killings.",
		want: []triple{
			{"country/ind", "ACCUSE", "country/pak", false, ""},
			{"country/pak", "ACCUSE", "country/ind", false, ""},
		},
	}, {
		name: "a boycott lifted is a retreat, not the boycott",
		text: "The United States lifted its boycott of the Moscow Olympics.",
		want: []triple{{"country/usa", "RETREAT", "country/rus", false, ""}}, // the Moscow Olympics stand for their host
	}, {
		name: "an offensive halted is a de-escalation",
		text: "Russia halted its offensive against Chechnya.",
		want: []triple{{"country/rus", "RETREAT", "location/chechnya", false, ""}},
	}, {
		name: "an invitation accepted: the clause of its noun is intended",
		text: "Chinese President Jiang Zemin accepted an invitation to visit Japan.",
		want: []triple{
			{"person/jiang-zemin", "LEADER_OF", "country/chn", false, ""},
			{"person/jiang-zemin", "VISIT", "country/jpn", false, relation.Intended},
		},
	}, {
		name: "talks sought are a request to meet",
		text: "Iraq sought talks with Kuwait.",
		want: []triple{{"country/irq", "REQUEST", "country/kwt", false, ""}},
	}, {
		name: "assurances given",
		text: "Russia gave assurances to Ukraine.",
		want: []triple{{"country/rus", "AGREE", "country/ukr", false, ""}},
	}, {
		name: "an alert level raised in a city",
		text: "Israeli police raised their alert level in Jerusalem.",
		want: []triple{{"country/isr", "MOBILIZE", "location/jerusalem", false, ""}},
	}, {
		name: "a passive recipient of a light-verb phrase is its target",
		text: "Kenya was granted independence by Britain in 1963.",
		want: []triple{{"country/gbr", "CONCEDE", "country/ken", false, ""}},
	}, {
		name: "asylum granted with the recipient as first object",
		text: "Germany granted Iranian dissidents asylum.",
		want: []triple{{"country/deu", "AID", "country/irn", false, ""}},
	}, {
		name: "a protest made to a government is criticism of it",
		text: "Iran protested to Germany over the arrest of its diplomat.",
		want: []triple{{"country/irn", "CRITICIZE", "country/deu", false, ""}},
	}, {
		name: "a protest lodged to a government",
		text: "Iran lodged a protest to Germany over the arrest of its diplomat.",
		want: []triple{{"country/irn", "CRITICIZE", "country/deu", false, ""}},
	}, {
		name: "an infinitive marker is no preposition of a cue: protested to demand",
		text: "Kenyan students protested to demand the release of opposition leaders.",
		want: []triple{{"group/ken-student", "PROTEST", "country/ken", false, ""}},
	}, {
		name: "a cue's own infinitive marker is no preposition of it: to protest against",
		text: "Kenyan students marched through Nairobi on Monday to protest against Uganda.",
		want: []triple{{"country/ken", "PROTEST", "country/uga", false, ""}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ex.Extract(context.Background(), &corpus.Document{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, triples(t, res)); d != "" {
				t.Errorf("Extract(%q) (-want +got):\n%s", tt.text, d)
			}
		})
	}
}
