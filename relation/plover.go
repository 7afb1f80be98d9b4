package relation

// quad is a PLOVER quad category: the broad class an event type falls in.
type quad uint8

const (
	notEvent quad = iota
	verbalCooperation
	materialCooperation
	verbalConflict
	materialConflict
)

// typeRow is what is known of one relation type.
type typeRow struct {
	t         Type
	plover    string // PLOVER event type, "" when not an event
	cameo     string // CAMEO code, "" when not an event
	symmetric bool
	quad      quad
}

// typeTable holds one row per relation type, sorted by type name.
//
// Sources: the PLOVER manual (draft 0.8, 2021) for the event types, their
// definitions and quad categories; its CAMEO-to-PLOVER table
// (CAMEO2PLOVER-2021) for the CAMEO codes; the PLOVER 0.5 gold-standard
// records for the names FIGHT and INVESTIGATE. Decisions where the sources
// leave room:
//
//   - SIGN_AGREEMENT is SUPPORT, CAMEO 057 "sign formal agreement", as the
//     manual's SUPPORT ("ratify, sign, or finalize an agreement") and the
//     conversion table say; a promise to sign is AGREE, through
//     [Type.PLOVERFor] with the intended modality.
//   - DENY is REJECT, with CAMEO 016 "deny responsibility", as the manual's
//     note on CAMEO 01 suggests.
//   - URGE is CAMEO 020 "make an appeal", REQUEST CAMEO 100 "demand"; PLOVER
//     makes both REQUEST.
//   - ATTACK, the general word, is ASSAULT (the 2021 manual's name for every
//     use of force) with CAMEO 190, the code PETRARCH2 gives "attack"; the
//     cues of conventional military force (shell, invade, clash) have the
//     type FIGHT, and those of unconventional violence (kill, abduct,
//     assassinate) the type ASSAULT, as in the PLOVER 0.5 records.
//   - INVESTIGATE keeps its own name; the 2021 manual makes it ACCUSE
//     "investigate".
//   - SANCTION is SANCTION, CAMEO 163, as the manual's SANCTION mode
//     "discontinue" says of international sanctions (the 2021 conversion
//     table alone puts 163 under COERCE).
var typeTable = [...]typeRow{
	{Accuse, "ACCUSE", "112", false, verbalConflict},
	{Agree, "AGREE", "030", true, verbalCooperation},
	{Aid, "AID", "070", false, materialCooperation},
	{Assault, "ASSAULT", "180", false, materialConflict},
	{Attack, "ASSAULT", "190", false, materialConflict},
	{Coerce, "COERCE", "170", false, materialConflict},
	{Concede, "CONCEDE", "080", false, verbalCooperation},
	{Consult, "CONSULT", "040", false, verbalCooperation},
	{Cooperate, "COOPERATE", "060", true, materialCooperation},
	{Criticize, "ACCUSE", "111", false, verbalConflict},
	{Deny, "REJECT", "016", false, verbalConflict},
	{Fight, "FIGHT", "190", false, materialConflict},
	{Investigate, "INVESTIGATE", "090", false, verbalConflict},
	{LeaderOf, "", "", false, notEvent},
	{Meet, "CONSULT", "040", true, verbalCooperation},
	{MemberOf, "", "", false, notEvent},
	{Mobilize, "MOBILIZE", "150", false, materialConflict},
	{Negotiate, "CONSULT", "046", true, verbalCooperation},
	{Praise, "SUPPORT", "051", false, verbalCooperation},
	{Protest, "PROTEST", "140", false, materialConflict},
	{Reject, "REJECT", "120", false, verbalConflict},
	{Request, "REQUEST", "100", false, verbalConflict},
	{Retreat, "RETREAT", "087", false, materialCooperation},
	{Sanction, "SANCTION", "163", false, materialConflict},
	{SignAgreement, "SUPPORT", "057", true, verbalCooperation},
	{Support, "SUPPORT", "050", false, verbalCooperation},
	{Threaten, "THREATEN", "130", false, verbalConflict},
	{Urge, "REQUEST", "020", false, verbalConflict},
	{Visit, "CONSULT", "042", false, verbalCooperation},
}
