package entity

// Type is the kind of an entity.
type Type string

// The entity types.
const (
	Person       Type = "PERSON"
	Country      Type = "COUNTRY"
	Organization Type = "ORGANIZATION"
	Location     Type = "LOCATION"
	// Group is a body of people known only as acting for a country or an
	// organisation: "Egyptian police", "Sudan's government", "Ugandan
	// opposition candidates". Its Code and Country are those it acts for.
	Group Type = "GROUP"
)

// Entity is a canonical entity: one node of the graph, whatever the number of
// ways a text names it.
type Entity struct {
	ID      string   // stable identifier such as "person/xi-jinping" or "country/chn"
	Name    string   // canonical name, "Xi Jinping"
	Type    Type     // PERSON, COUNTRY, ORGANIZATION, LOCATION or GROUP
	Aliases []string // other names, sorted
	// Code is the actor code of event data: the ISO 3166-1 alpha-3 code of a
	// country and of anyone acting for it, "IGO" for an intergovernmental
	// organisation, "NGO" for a non-governmental one; empty when unknown.
	Code string
	// Country is the ID of the country entity this entity belongs to or acts
	// for (a capital's country, a leader's country), empty when unknown.
	Country string
	// Title is the office a person holds ("President"), empty when unknown.
	Title string
	// AsOf says, for a person with dated roles (see [Tenure]), which of
	// them Code, Country and Title are: the day (YYYY-MM-DD) of the
	// document they were chosen for, or [Latest] when the document has no
	// date or no role is known for it. Empty for other entities.
	AsOf string
}

// Form says what kind of expression a mention is.
type Form string

// The mention forms.
const (
	Name        Form = "name"        // a proper name: "Emmanuel Macron", "EU"
	Demonym     Form = "demonym"     // a nationality adjective: "French"
	Description Form = "description" // a role phrase: "the French president"
	Pronoun     Form = "pronoun"     // a pronoun or plural reference: "the two leaders"
)

// Mention is one place in a document that refers to an entity.
//
// The invariant is doc.Text[m.Start:m.End] == m.Text.
type Mention struct {
	Start  int    // byte offset in the document text
	End    int    // byte offset just past the mention
	Text   string // verbatim from the document
	Type   Type
	Form   Form
	Entity string  // ID of the resolved entity, empty while unresolved
	Score  float64 // confidence in [0, 1]
	Source string  // what found it: "gazetteer", "model", "rule", "resolver", "user"
}
