package parse

import (
	"unicode"
	"unicode/utf8"
)

// Feature keys are 64-bit hashes of a template number and the values it
// reads (word, tag, label, distance, ...). Words are hashed once per sentence
// from a normalised key; the text itself is never changed.

const (
	hashNone = 0x6e6f6e65 // "none": no token at this position
	hashRoot = 0x726f6f74 // "root": the artificial root at the end of the buffer
)

// mix folds v into the running hash h.
func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// f1, f2 and f3 hash a template number with one, two or three values. The
// products are independent of one another, so they are computed side by
// side; one finaliser mixes their sum.
func f1(t, a uint64) uint64       { return fin(t*k0 + a*k1 + 1) }
func f2(t, a, b uint64) uint64    { return fin(t*k0 + a*k1 + b*k2 + 2) }
func f3(t, a, b, c uint64) uint64 { return fin(t*k0 + a*k1 + b*k2 + c*k3 + 3) }

const (
	k0 = 0x9e3779b97f4a7c15
	k1 = 0xc2b2ae3d27d4eb4f
	k2 = 0x165667b19e3779f9
	k3 = 0xd6e8feb86659fd93
)

// fin is the finaliser of MurmurHash3's 64-bit mix.
func fin(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// fnv hashes bytes with FNV-1a.
func fnv(b []byte) uint64 {
	h := uint64(0xcbf29ce484222325)
	for _, c := range b {
		h ^= uint64(c)
		h *= 0x100000001b3
	}
	return h
}

// fnvString hashes a string with FNV-1a.
func fnvString(s string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 0x100000001b3
	}
	return h
}

// tokInfo holds the per-token hashes that features read.
type tokInfo struct {
	w   uint64    // normalised word
	p   uint64    // part-of-speech tag, refined by the lexicon
	q   uint64    // part-of-speech tag as given
	sfx uint64    // last three letters of the normalised word
	shp uint64    // word shape
	aff [5]uint64 // for the tagger: last 1, 2 and 4 letters, first 1 and 3
	nv  int32     // verbs before this token
	np  int32     // commas, colons and semicolons before this token
}

var (
	verbTags  = hashSet("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD")
	punctTags = hashSet(",", ":")
)

func hashSet(tags ...string) map[uint64]bool {
	m := make(map[uint64]bool, len(tags))
	for _, t := range tags {
		m[tagHash(t)] = true
	}
	return m
}

// fillCounts sets the running counts of verbs and punctuation from the
// refined tags, for the features that look between two tokens.
func fillCounts(info []tokInfo, n int) {
	var nv, np int32
	for i := 0; i <= n; i++ {
		info[i].nv, info[i].np = nv, np
		if i < n {
			if verbTags[info[i].p] {
				nv++
			}
			if punctTags[info[i].p] {
				np++
			}
		}
	}
}

// between summarises the verbs and punctuation strictly between tokens
// a < b.
func between(info []tokInfo, a, b int32) uint64 {
	if a < 0 || b <= a+1 {
		return 0
	}
	v := min(info[b].nv-info[a+1].nv, 2)
	p := min(info[b].np-info[a+1].np, 2)
	return uint64(1 + v*3 + p)
}

// appendKey appends the lookup key of word to buf: lower case, curly quotes
// and dashes made plain, digits folded to 0. Only keys are normalised.
func appendKey(buf []byte, word string) []byte {
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				c = '0'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		i += size
		switch r {
		case '‘', '’', '‚', '‛', '′':
			buf = append(buf, '\'')
		case '“', '”', '„', '‟', '″', '«', '»':
			buf = append(buf, '"')
		case '–', '‐', '‑', '‒':
			buf = append(buf, '-')
		case '—', '―':
			buf = append(buf, '-', '-')
		case '…':
			buf = append(buf, '.', '.', '.')
		case utf8.RuneError:
			buf = append(buf, '?')
		default:
			if unicode.IsDigit(r) {
				buf = append(buf, '0')
			} else {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
		}
	}
	return buf
}

// shape summarises capitalisation, digits and punctuation of word.
func shape(word string) uint64 {
	var upper, lower, digit, other, first int
	n := 0
	for i, r := range word {
		n++
		switch {
		case unicode.IsUpper(r):
			upper++
			if i == 0 {
				first = 1
			}
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digit++
		default:
			other++
		}
	}
	s := uint64(first)
	if upper > 0 && lower == 0 {
		s |= 2
	}
	if digit > 0 {
		s |= 4
	}
	if other > 0 {
		s |= 8
	}
	if upper+lower == 0 {
		s |= 16
	}
	if n > 6 {
		s |= 32
	}
	if n == 1 {
		s |= 64
	}
	return s + 0x5348
}

// fillInfo computes the hashes of every token, plus the root after them.
// The refined tag p is set to the given tag; the retagger overwrites it.
func fillInfo(info []tokInfo, words, tags []string, buf []byte) []byte {
	for i, w := range words {
		buf = appendKey(buf[:0], w)
		info[i].w = fnv(buf)
		info[i].q = tagHash(tags[i])
		info[i].p = info[i].q
		k := len(buf)
		// Back up over at most three runes for the suffix.
		j, nr := k, 0
		for j > 0 && nr < 3 {
			_, size := utf8.DecodeLastRune(buf[:j])
			j -= size
			nr++
		}
		info[i].sfx = fnv(buf[j:]) ^ 0x5f5f
		info[i].aff = [5]uint64{
			fnv(buf[backRunes(buf, 1):]), fnv(buf[backRunes(buf, 2):]) ^ 2, fnv(buf[backRunes(buf, 4):]) ^ 4,
			fnv(buf[:fwdRunes(buf, 1)]) ^ 0x70, fnv(buf[:fwdRunes(buf, 3)]) ^ 0x73,
		}
		info[i].shp = shape(w)
	}
	n := len(words)
	info[n] = tokInfo{w: hashRoot, p: hashRoot, q: hashRoot, sfx: hashRoot, shp: hashRoot}
	info[n].aff = [5]uint64{hashRoot, hashRoot, hashRoot, hashRoot, hashRoot}
	return buf
}

// backRunes returns the offset of the last k runes of b.
func backRunes(b []byte, k int) int {
	j := len(b)
	for n := 0; j > 0 && n < k; n++ {
		_, size := utf8.DecodeLastRune(b[:j])
		j -= size
	}
	return j
}

// fwdRunes returns the offset just past the first k runes of b.
func fwdRunes(b []byte, k int) int {
	j := 0
	for n := 0; j < len(b) && n < k; n++ {
		_, size := utf8.DecodeRune(b[j:])
		j += size
	}
	return j
}

// distBucket maps a distance in tokens to a small number.
func distBucket(d int32) uint64 {
	switch {
	case d <= 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	default:
		return 7
	}
}

func valency(v int32) uint64 {
	if v > 5 {
		return 5
	}
	return uint64(v)
}
