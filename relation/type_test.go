package relation

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTypeTableSorted(t *testing.T) {
	ts := Types()
	if !slices.IsSorted(ts) {
		t.Errorf("Types() not sorted: %v", ts)
	}
	if len(slices.Compact(slices.Clone(ts))) != len(ts) {
		t.Errorf("Types() has duplicates: %v", ts)
	}
}

// TestEveryPLOVERTypeHasAType checks the issue's requirement that every
// PLOVER event type is some relation type's PLOVER type.
func TestEveryPLOVERTypeHasAType(t *testing.T) {
	covered := map[string]bool{}
	for _, ty := range Types() {
		covered[ty.PLOVER()] = true
	}
	for _, p := range []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
		"RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
		"MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "INVESTIGATE"} {
		if !covered[p] {
			t.Errorf("no relation type has PLOVER type %s", p)
		}
		// A PLOVER type that is also our type name maps to itself.
		if ty, err := ParseType(p); err == nil && ty.PLOVER() != p {
			t.Errorf("%s.PLOVER() = %q, want %q", ty, ty.PLOVER(), p)
		}
	}
}

func TestTypeAttributes(t *testing.T) {
	type attrs struct {
		PLOVER, CAMEO string
		Symmetric     bool
	}
	tests := []struct {
		t    Type
		want attrs
	}{
		{Meet, attrs{"CONSULT", "040", true}},
		{Visit, attrs{"CONSULT", "042", false}},
		{Urge, attrs{"REQUEST", "020", false}},
		{Accuse, attrs{"ACCUSE", "112", false}},
		{Criticize, attrs{"ACCUSE", "111", false}},
		{SignAgreement, attrs{"SUPPORT", "057", true}},
		{Deny, attrs{"REJECT", "016", false}},
		{Support, attrs{"SUPPORT", "050", false}},
		{Praise, attrs{"SUPPORT", "051", false}},
		{Threaten, attrs{"THREATEN", "130", false}},
		{Sanction, attrs{"SANCTION", "163", false}},
		{Attack, attrs{"ASSAULT", "190", false}},
		{Cooperate, attrs{"COOPERATE", "060", true}},
		{Negotiate, attrs{"CONSULT", "046", true}},
		{Agree, attrs{"AGREE", "030", true}},
		{Consult, attrs{"CONSULT", "040", false}}, // the mediator, caller or host acts
		{Fight, attrs{"FIGHT", "190", false}},
		{LeaderOf, attrs{"", "", false}},
		{MemberOf, attrs{"", "", false}},
		{"NO_SUCH_TYPE", attrs{"", "", false}},
	}
	for _, tt := range tests {
		got := attrs{tt.t.PLOVER(), tt.t.CAMEO(), tt.t.Symmetric()}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", tt.t, d)
		}
	}
}

func TestEveryEventHasCAMEO(t *testing.T) {
	for _, ty := range Types() {
		if (ty.PLOVER() == "") != (ty.CAMEO() == "") {
			t.Errorf("%s: PLOVER %q but CAMEO %q", ty, ty.PLOVER(), ty.CAMEO())
		}
		if !ty.Known() {
			t.Errorf("%s not Known", ty)
		}
	}
}

func TestPLOVERFor(t *testing.T) {
	tests := []struct {
		t    Type
		m    Modality
		want string
	}{
		{Meet, Asserted, "CONSULT"},
		{Meet, Reported, "CONSULT"},
		{Meet, Intended, "AGREE"},
		{Visit, Intended, "AGREE"},
		{Aid, Intended, "AGREE"},
		{Retreat, Intended, "AGREE"},
		{Concede, Intended, "AGREE"},
		{Sanction, Intended, "THREATEN"},
		{Fight, Intended, "THREATEN"},
		{Reject, Intended, "REJECT"},
		{Support, Requested, ""},
		{Support, Alleged, ""},
		{Attack, Denied, ""},
		{LeaderOf, Asserted, ""},
	}
	for _, tt := range tests {
		if got := tt.t.PLOVERFor(tt.m); got != tt.want {
			t.Errorf("%s.PLOVERFor(%q) = %q, want %q", tt.t, tt.m, got, tt.want)
		}
	}
}

func TestParseType(t *testing.T) {
	tests := []struct {
		in      string
		want    Type
		wantErr bool
	}{
		{"MEET", Meet, false},
		{" meet ", Meet, false},
		{"sign agreement", SignAgreement, false},
		{"Sign-Agreement", SignAgreement, false},
		{"leader_of", LeaderOf, false},
		{"DEMAND", Request, false},
		{"disapprove", Criticize, false},
		{"", "", true},
		{"MEETS", "", true},
		{"MEET\x00", "", true},
	}
	for _, tt := range tests {
		got, err := ParseType(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseType(%q) = %q, %v; want %q, error %t", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	for _, ty := range Types() {
		if got, err := ParseType(string(ty)); err != nil || got != ty {
			t.Errorf("ParseType(%q) = %q, %v", ty, got, err)
		}
	}
}

func ExampleType_PLOVER() {
	for _, t := range []Type{Meet, Visit, Urge, Accuse, SignAgreement, Attack, LeaderOf} {
		fmt.Printf("%-14s PLOVER %-8q CAMEO %-5q symmetric %t\n", t, t.PLOVER(), t.CAMEO(), t.Symmetric())
	}
	// Output:
	// MEET           PLOVER "CONSULT" CAMEO "040" symmetric true
	// VISIT          PLOVER "CONSULT" CAMEO "042" symmetric false
	// URGE           PLOVER "REQUEST" CAMEO "020" symmetric false
	// ACCUSE         PLOVER "ACCUSE" CAMEO "112" symmetric false
	// SIGN_AGREEMENT PLOVER "SUPPORT" CAMEO "057" symmetric true
	// ATTACK         PLOVER "ASSAULT" CAMEO "190" symmetric false
	// LEADER_OF      PLOVER ""       CAMEO ""    symmetric false
}

func ExampleParseType() {
	for _, s := range []string{"meet", "sign agreement", "DEMAND", "MEETS"} {
		t, err := ParseType(s)
		fmt.Printf("%q %v\n", t, err)
	}
	// Output:
	// "MEET" <nil>
	// "SIGN_AGREEMENT" <nil>
	// "REQUEST" <nil>
	// "" relation: unknown relation type "MEETS"
}
