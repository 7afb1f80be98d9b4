package entity

import (
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/entity/data"
)

func TestOrgTitlesData(t *testing.T) {
	m, err := readOrgOffices(strings.NewReader(data.OrgTitles), "org_titles.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for title, want := range map[string]orgOffice{
		"Secretary-General": leaderOffice, "secretary-general": leaderOffice, "Spokesman": memberOffice,
		"member": memberOffice, "Ambassador": noOffice,
	} {
		if got := m[key(title)]; got != want {
			t.Errorf("org_titles.tsv: office of %q = %d, want %d", title, got, want)
		}
	}
}

func TestReadOrgOfficesErrors(t *testing.T) {
	in := "title\toffice\nChairperson\tleader\nSpokesman\tboss\n"
	m, err := readOrgOffices(strings.NewReader(in), "mine.tsv")
	var pe *ParseError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "mine.tsv:3") {
		t.Errorf("readOrgOffices: error %v, want a ParseError at mine.tsv:3", err)
	}
	if m[key("Chairperson")] != leaderOffice {
		t.Errorf("readOrgOffices kept %v, want the good line's Chairperson", m)
	}
}
