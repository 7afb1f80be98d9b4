package entity_test

import (
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
