package relation

import (
	"fmt"
	"slices"
	"strings"
)

// The relation types. The first group is the library's own vocabulary, the
// words a reader of news uses; the second adds every PLOVER event type that
// the first does not already name, so that any PLOVER event has a type.
//
// Each type's PLOVER event type, CAMEO code and symmetry are given by the
// methods [Type.PLOVER], [Type.CAMEO] and [Type.Symmetric]; the table they
// read is in plover.go. LeaderOf and MemberOf are standing relations, not
// events: they have neither a PLOVER type nor a CAMEO code.
const (
	Meet          Type = "MEET"           // meet, hold talks, discuss (PLOVER CONSULT)
	Visit         Type = "VISIT"          // visit a country or a person (PLOVER CONSULT, visitor is the actor)
	Urge          Type = "URGE"           // urge, call on, appeal to (PLOVER REQUEST)
	Accuse        Type = "ACCUSE"         // accuse, blame, charge (PLOVER ACCUSE)
	SignAgreement Type = "SIGN_AGREEMENT" // sign or conclude an agreement (PLOVER SUPPORT)
	Deny          Type = "DENY"           // deny what another said (PLOVER REJECT)
	Support       Type = "SUPPORT"        // back, endorse, defend (PLOVER SUPPORT)
	Criticize     Type = "CRITICIZE"      // criticize, condemn, denounce (PLOVER ACCUSE)
	Praise        Type = "PRAISE"         // praise, welcome, thank (PLOVER SUPPORT)
	Threaten      Type = "THREATEN"       // threaten, warn (PLOVER THREATEN)
	Sanction      Type = "SANCTION"       // sanction, embargo, cut ties (PLOVER SANCTION)
	Attack        Type = "ATTACK"         // attack, strike, wage war on (PLOVER ASSAULT)
	Cooperate     Type = "COOPERATE"      // cooperate, partner, work with (PLOVER COOPERATE)
	Negotiate     Type = "NEGOTIATE"      // negotiate, bargain (PLOVER CONSULT)
	LeaderOf      Type = "LEADER_OF"      // heads a country or an organisation; not an event
	MemberOf      Type = "MEMBER_OF"      // belongs to an organisation; not an event

	Agree       Type = "AGREE"       // agree to, promise, offer (PLOVER AGREE)
	Consult     Type = "CONSULT"     // telephone, mediate, host (PLOVER CONSULT)
	Concede     Type = "CONCEDE"     // ease restrictions, lift a ban, pardon (PLOVER CONCEDE)
	Aid         Type = "AID"         // give aid, donate, grant asylum (PLOVER AID)
	Retreat     Type = "RETREAT"     // withdraw, release, resign (PLOVER RETREAT)
	Request     Type = "REQUEST"     // demand, ask, request (PLOVER REQUEST, formerly DEMAND)
	Reject      Type = "REJECT"      // reject, refuse, veto (PLOVER REJECT)
	Protest     Type = "PROTEST"     // demonstrate, boycott, go on strike (PLOVER PROTEST)
	Mobilize    Type = "MOBILIZE"    // deploy or mass troops, put on alert (PLOVER MOBILIZE)
	Coerce      Type = "COERCE"      // arrest, detain, seize, ban, deport (PLOVER COERCE)
	Assault     Type = "ASSAULT"     // kill, abduct, torture, bomb (PLOVER ASSAULT)
	Fight       Type = "FIGHT"       // shell, invade, clash with (PLOVER FIGHT)
	Investigate Type = "INVESTIGATE" // investigate, probe, inspect (PLOVER INVESTIGATE)
)

// Types returns every known relation type, sorted by name.
func Types() []Type {
	ts := make([]Type, len(typeTable))
	for i, row := range typeTable {
		ts[i] = row.t
	}
	return ts
}

// ParseType returns the relation type named s. Case and surrounding space do
// not matter, and "-" or " " may stand for "_" ("sign agreement"). The
// PLOVER 0.5 names DEMAND and DISAPPROVE are accepted for [Request] and
// [Criticize], the types their later names REQUEST and ACCUSE (disapprove)
// cover.
func ParseType(s string) (Type, error) {
	name := strings.ToUpper(strings.TrimSpace(s))
	name = strings.NewReplacer("-", "_", " ", "_").Replace(name)
	switch name {
	case "DEMAND":
		return Request, nil
	case "DISAPPROVE":
		return Criticize, nil
	}
	if _, ok := lookupType(Type(name)); ok {
		return Type(name), nil
	}
	return "", fmt.Errorf("relation: unknown relation type %q", s)
}

// Known reports whether t is one of the types of [Types].
func (t Type) Known() bool {
	_, ok := lookupType(t)
	return ok
}

// PLOVER returns the PLOVER event type of a relation of type t reported as
// fact, such as "CONSULT" for [Meet], or "" when t is not an event
// ([LeaderOf], [MemberOf], an unknown type).
//
// The names are those of the PLOVER manual (REQUEST, ACCUSE), with FIGHT and
// INVESTIGATE kept apart as the PLOVER 0.5 gold-standard records keep them;
// the 2021 manual folds them into ASSAULT and ACCUSE.
func (t Type) PLOVER() string {
	row, _ := lookupType(t)
	return row.plover
}

// PLOVERFor returns the PLOVER event type of a relation of type t reported
// with modality m, following the PLOVER manual's rules for what has not
// happened yet:
//
//   - asserted or reported: t.PLOVER();
//   - intended cooperation (a meeting, visit, support, cooperation, aid,
//     retreat or concession to come): AGREE, as the PLOVER 0.5 records code
//     "agreed to resign", "is prepared to lift the ban", "agreed to
//     postpone the demonstration" and CAMEO 035 "express intent to yield";
//     intended material conflict (sanctions, force, arrests, protest to
//     come): THREATEN; intended verbal acts keep their own type;
//   - requested, alleged or denied: "", since what someone is urged to do,
//     accused of or denies is not itself an event (the urging, accusing or
//     denying is).
//
// A negated relation ("did not meet") is not an event either; callers skip
// it.
func (t Type) PLOVERFor(m Modality) string {
	row, ok := lookupType(t)
	if !ok || row.plover == "" {
		return ""
	}
	switch m {
	case Asserted, Reported:
		return row.plover
	case Intended:
		switch {
		case row.quad == verbalCooperation || row.quad == materialCooperation:
			return "AGREE"
		case row.quad == materialConflict:
			return "THREATEN"
		}
		return row.plover
	}
	return ""
}

// CAMEO returns the CAMEO event code that best stands for type t: a
// three-digit code such as "042" (make a visit) or "112" (accuse), the "0"
// code of a cue category such as "190" where the type spans it, or "" when t
// is not an event. The codes are those of the CAMEO codebook 1.1 as
// PETRARCH2's verb dictionary uses them.
func (t Type) CAMEO() string {
	row, _ := lookupType(t)
	return row.cameo
}

// Symmetric reports whether a relation of type t between two parties holds
// the same in both directions: A met B means B met A. The symmetric types are
// [Meet], [SignAgreement], [Cooperate], [Negotiate] and [Agree], as the
// PLOVER manual codes all parties of a meeting or a joint agreement as
// actors. [Consult] is not: its cues say who acts on whom (the caller
// telephones, the mediator mediates between the parties, the host
// welcomes). Nor is [Visit] (the visitor is the actor, the host the target)
// or [Fight], whose cues ("shelled", "invaded") say who struck whom.
func (t Type) Symmetric() bool {
	row, _ := lookupType(t)
	return row.symmetric
}

// lookupType finds t in typeTable.
func lookupType(t Type) (typeRow, bool) {
	i, ok := slices.BinarySearchFunc(typeTable[:], t, func(row typeRow, t Type) int {
		return strings.Compare(string(row.t), string(t))
	})
	if !ok {
		return typeRow{}, false
	}
	return typeTable[i], true
}
