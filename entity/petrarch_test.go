package entity_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/entity"
)

func TestReadPetrarchActors(t *testing.T) {
	const dict = `# a comment
ALGERIA_  [DZA]
+ALGERIAN_

ABDELAZIZ_BOUTEFLIKA_  # CountryInfo.txt
	[DZAELI 550101-000101]
	[DZAGOV >990427]
	[DZAELI]
+BOUTEFLIKA_
JAVIER_PEREZ_DE_CUELLAR_
	[IGOUNO 820101-911231]
NO_ROLES_AT_ALL_
BROKEN_ROLE_
	[DZAGOV 990427
CROATIA_
+CROATIAN_
	[CUBGOV 030101-050831]
`
	got, err := entity.ReadPetrarchActors(strings.NewReader(dict), "actors.txt")
	if err == nil || !strings.Contains(err.Error(), "actors.txt:14") {
		t.Errorf("error = %v, want one naming actors.txt:14", err)
	}
	want := []entity.Entry{{
		Entity: entity.Entity{ID: "person/abdelaziz-bouteflika", Name: "Abdelaziz Bouteflika", Type: entity.Person, Code: "DZA", Country: "country/dza"},
		Names:  []string{"Abdelaziz Bouteflika", "Bouteflika"},
		Source: "petrarch",
	}, {
		Entity: entity.Entity{ID: "person/javier-perez-de-cuellar", Name: "Javier Perez De Cuellar", Type: entity.Person, Code: "IGO"},
		Names:  []string{"Javier Perez De Cuellar"},
		Source: "petrarch",
	}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ReadPetrarchActors (-want +got):\n%s", d)
	}
}

// Every bad line of an actor file is reported, by line, while the good
// actors around it are still returned; a deliberate null actor ("[---]")
// is skipped without an error.
func TestReadPetrarchActorsErrors(t *testing.T) {
	const dict = "\t[FRAGOV 170514-]\n" + // 1: a role before any actor
		"EMMANUEL_MACRON_\n" + // 2
		"\t[FRAGOV >170514]\n" + // 3
		"JOHN_SMITH_  # a namesake\n" + // 4
		"\t[---]\n" + // 5
		"BAD_CODE_\n" + // 6
		"\t[123GOV 990101-]\n" + // 7
		"SHORT_CODE_\n" + // 8
		"\t[FR 990101-]\n" + // 9
		"OLAF_SCH\xc3OLZ_\n" + // 10: invalid UTF-8
		"\t[DEUGOV 211208-250506]\n" + // 11: not a role of the actor before
		"ANGELA_MERKEL_\n" + // 12
		"\t[DEUGOV 051122\n" + // 13: no ]
		"\t[DEUGOV 051122-211208]\n" // 14
	got, err := entity.ReadPetrarchActors(strings.NewReader(dict), "a.txt")
	var ids []string
	for _, e := range got {
		ids = append(ids, e.Entity.ID)
	}
	if d := cmp.Diff([]string{"person/emmanuel-macron", "person/angela-merkel"}, ids); d != "" {
		t.Errorf("actors (-want +got):\n%s", d)
	}
	var l entity.ParseErrors
	if !errors.As(err, &l) {
		t.Fatalf("error %T %v is not a ParseErrors", err, err)
	}
	var msgs []string
	for _, e := range l {
		msgs = append(msgs, e.Error())
	}
	want := []string{
		"a.txt:1: role with no actor name before it",
		`a.txt:6: actor "Bad Code": role code "123GOV" does not start with a country code (want a code such as DZAGOV or IGOUNO)`,
		`a.txt:8: actor "Short Code": role code "FR" is too short to name a country (want a code such as DZAGOV or IGOUNO)`,
		"a.txt:10: invalid UTF-8 at byte 8 of the line",
		`a.txt:13: role "[DEUGOV 051122" has no closing ]`,
	}
	if d := cmp.Diff(want, msgs); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
}
