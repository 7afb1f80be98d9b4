package entity

import "bytes"

// spellingFolds are the British spellings of name words whose lookup key is
// the American one, so that "World Health Organisation" finds the
// gazetteer's "World Health Organization" and "Ministry of Defence" its
// "Ministry of Defense". Each applies to the end of a word's key; the key
// of the American spelling is unchanged, so both spellings meet.
var spellingFolds = []struct {
	british, american string
	minLen            int // shortest key the fold applies to
}{
	{"isations", "izations", 0},
	{"isation", "ization", 0},
	{"defence", "defense", 0},
	{"centres", "centers", 0},
	{"centre", "center", 0},
	{"programmes", "programs", 0},
	{"programme", "program", 0},
	// "Labour", "Harbour", "Honour", "Neighbours"; not "four", "hour",
	// "tour", "your" (too short). A word that is not a British spelling
	// ("Seymour", "contour") folds the same in the gazetteer and in the
	// text, and so still matches itself.
	{"ours", "ors", 7},
	{"our", "or", 6},
}

// foldSpelling rewrites in place the end of the key of one word, buf[start:],
// from a British spelling to the American one, and returns the buffer.
func foldSpelling(buf []byte, start int) []byte {
	w := buf[start:]
	for _, f := range spellingFolds {
		if len(w) < f.minLen || len(w) < len(f.british) || !bytes.HasSuffix(w, []byte(f.british)) {
			continue
		}
		cut := len(buf) - len(f.british)
		return append(buf[:cut], f.american...)
	}
	return buf
}
