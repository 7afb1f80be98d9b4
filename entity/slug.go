package entity

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug returns the identifier form of a name: lower case ASCII letters and
// digits joined by hyphens, with diacritics removed ("Volodymyr Zelenskyy" →
// "volodymyr-zelenskyy", "Recep Tayyip Erdoğan" → "recep-tayyip-erdogan").
// Letters without an ASCII form are kept as they are.
func Slug(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// NewID returns the identifier of an entity of type t with the given name,
// such as "person/xi-jinping" for a PERSON named "Xi Jinping".
func NewID(t Type, name string) string {
	prefix := "entity"
	switch t {
	case Person:
		prefix = "person"
	case Country:
		prefix = "country"
	case Organization:
		prefix = "org"
	case Location:
		prefix = "location"
	case Group:
		prefix = "group"
	}
	return prefix + "/" + Slug(name)
}
