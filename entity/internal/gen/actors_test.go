package gen

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fakeData writes a small shared data folder: Party Facts, Phoenix actor
// files, CoNLL-2003 train and briefings, each with a case for a filter.
func fakeData(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"partyfacts/partyfacts-core-parties.csv": "country,partyfacts_id,technical,name_short,name,name_english,name_other,year_first,year_last,share,share_year,new,wikipedia,description,comment,created,modified\n" +
			"SWE,1,,SD,Sverigedemokraterna,Sweden Democrats,,1988,,20.5,2022,,,,,,\n" +
			"FIN,2,,SDP,Suomen Sosialidemokraattinen Puolue,Social Democratic Party of Finland,,1899,,25,2000,,,,,,\n" +
			"DNK,3,,SDP,Socialdemokratiet,Social Democrats of Denmark,,1871,,30,2000,,,,,,\n" + // SDP in two countries
			"NLD,4,,Forward,Vooruit,Forward,,2000,,1,2000,,,,,,\n" + // a common word
			"CZE,5,,RMS,Republikani Miroslava Sladka,Republicans of Miroslav Sladek,,1990,,0.9,2002,,,,,,\n" + // a minor party's acronym
			"AGO,6,10,indep,independent,independent,,,,,,,,,,,\n" + // technical
			"FRA,7,,PS,Parti socialiste,Socialist Party (France),,1969,,30,2000,,,,,,\n",
		"petrarch2_dictionaries/Phoenix.Countries.actors.txt": "GERMANY_ [DEU]\n+GERMAN_\n" +
			"HANS_MUSTERMANN_  # CountryInfo.txt\n+CHANCELLOR_HANS_MUSTERMANN_\n+MUSTERMANN_\n" +
			"\t[DEUGOV 980101-051122] # Chancellor of Germany\n\t[DEUELI >051123]\n" +
			"KARL_SCHMIDT_\n+SCHMIDT_\n\t[DEUGOV 900101-951231]\n" +
			"ANNA_SCHMIDT_\n\t[AUTGOV 900101-951231]\n",
		"petrarch2_dictionaries/Phoenix.International.actors.txt": "WORLD_FOOD_FUND_ [IGOUNOAGR]\n+WFF_\n" +
			"JANE_ROE_ [NGO]\n", // undated, no word of an organisation: left out
		"petrarch2_dictionaries/Phoenix.MilNonState.actors.txt": "RED_HAND_FRONT_ [GBRREB]\n+RHF_\n",
		"conll2003/eng.train":                 "-DOCSTART- -X- O O\n\nforward RB O O\nforward RB O O\n",
		"wh_briefings/wh_briefing_room.jsonl": `{"text": "we move forward and the socialist party"}` + "\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestGenerateFilters(t *testing.T) {
	dir := fakeData(t)
	hand, err := ReadHand(map[string]string{
		"countries.tsv": "id\ttype\tname\tcode\n" +
			"country/swe\tCOUNTRY\tSweden\tSWE\ncountry/fin\tCOUNTRY\tFinland\tFIN\ncountry/dnk\tCOUNTRY\tDenmark\tDNK\n" +
			"country/nld\tCOUNTRY\tNetherlands\tNLD\ncountry/cze\tCOUNTRY\tCzechia\tCZE\ncountry/fra\tCOUNTRY\tFrance\tFRA\n" +
			"country/deu\tCOUNTRY\tGermany\tDEU\ncountry/aut\tCOUNTRY\tAustria\tAUT\ncountry/gbr\tCOUNTRY\tUnited Kingdom\tGBR\n",
		"names.tsv": "id\tdemonyms\ncountry/deu\tGerman\n",
	}, "title\tforms\thead\nChancellor\t\tyes\n")
	if err != nil {
		t.Fatal(err)
	}
	words, err := ReadWords(dir)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Generate(dir, hand, words)
	if err != nil {
		t.Fatal(err)
	}
	names := func(rows []Row) map[string][]string {
		out := map[string][]string{}
		for _, r := range rows {
			out[r.ID] = append([]string{r.Name}, r.Aliases...)
		}
		return out
	}
	wantParties := map[string][]string{
		"org/sweden-democrats":                   {"Sweden Democrats", "Sverigedemokraterna"},                                   // no "SD": two letters
		"org/social-democratic-party-of-finland": {"Social Democratic Party of Finland", "Suomen Sosialidemokraattinen Puolue"}, // no SDP: Denmark's too
		"org/social-democrats-of-denmark":        {"Social Democrats of Denmark", "Socialdemokratiet"},
		"org/vooruit":                            {"Vooruit"},                                                        // not "Forward": a common word
		"org/republicans-of-miroslav-sladek":     {"Republicans of Miroslav Sladek", "Republikani Miroslava Sladka"}, // no RMS: under 10%
		"org/socialist-party":                    {"Socialist Party", "Parti socialiste"},                            // not "France", a country's name
	}
	if d := cmp.Diff(wantParties, names(a.Parties)); d != "" {
		t.Errorf("parties (-want +got):\n%s", d)
	}
	wantOrgs := map[string][]string{
		"org/world-food-fund": {"World Food Fund", "WFF"},
		"org/red-hand-front":  {"Red Hand Front", "RHF"},
	}
	if d := cmp.Diff(wantOrgs, names(a.Orgs)); d != "" {
		t.Errorf("organisations (-want +got):\n%s", d)
	}
	for _, o := range a.Orgs {
		if want := map[string]string{"org/world-food-fund": "IGO", "org/red-hand-front": "GBR"}[o.ID]; o.Code != want {
			t.Errorf("%s: code %q, want %q", o.ID, o.Code, want)
		}
	}
	// People: the title before a name is taken off; a surname two people
	// share is no name of either.
	wantPeople := map[string][]string{
		"person/hans-mustermann": {"Hans Mustermann", "Mustermann"},
		"person/karl-schmidt":    {"Karl Schmidt"},
		"person/anna-schmidt":    {"Anna Schmidt"},
	}
	if d := cmp.Diff(wantPeople, names(a.People)); d != "" {
		t.Errorf("people (-want +got):\n%s", d)
	}
	wantRoles := []Role{{Code: "DEU", Start: "1998-01-01", End: "2005-11-22", Title: "Chancellor"}, {Code: "DEU", Start: "2005-11-23"}}
	if d := cmp.Diff(wantRoles, a.Roles["person/hans-mustermann"]); d != "" {
		t.Errorf("roles of Hans Mustermann (-want +got):\n%s", d)
	}
	for _, why := range []string{"name: shared by parties of several countries", "name: one word that is a common word",
		"name: a name of the hand-kept files", "name: one word of two letters or less",
		"technical rows (independents, others)"} {
		if a.Dropped["parties.tsv"][why] == 0 {
			t.Errorf("parties.tsv: nothing dropped for %q: %v", why, a.Dropped["parties.tsv"])
		}
	}
	if !slices.Contains(ActorFiles, "roles.tsv") {
		t.Error("ActorFiles lacks roles.tsv")
	}
}
