package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/entity/ner/clusters"
)

// Feature keys are 64-bit hashes of a template number and the strings it
// reads. They must not change between training and tagging, so the hash is
// FNV-1a followed by a fixed mixer, never a per-process seeded hash.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func key1(t uint64, a uint64) uint64 { return mix(t*0x9e3779b97f4a7c15 ^ a) }
func key2(t uint64, a, b uint64) uint64 {
	return mix(t*0x9e3779b97f4a7c15 ^ a ^ mix(b+0x632be59bd9b4e019))
}
func key3(t uint64, a, b, c uint64) uint64 {
	return mix(t*0x9e3779b97f4a7c15 ^ a ^ mix(b+0x632be59bd9b4e019) ^ mix(mix(c)+0x1f))
}

// Feature templates. Their numbers are part of the model format: append,
// never renumber.
const (
	tBias = iota + 1
	tLower
	tWord
	tShape
	tShortShape
	tPrefix1
	tPrefix2
	tPrefix3
	tPrefix4
	tSuffix1
	tSuffix2
	tSuffix3
	tSuffix4
	tLowerM2
	tLowerM1
	tLowerP1
	tLowerP2
	tShapeM1
	tShapeP1
	tBigramM1
	tBigramP1
	tPOS
	tPOSM1
	tPOSP1
	tPOSM1POS
	tPOSPOSP1
	tShape3
	tFirstShape
	tFirstLower
	tCapsLower
	tCapsShape
	tGazPos
	tGazType
	tGazM1
	tGazP1
	tHistory
	tHistoryShape
	tPOSM2
	tPOSP2
	tLowerM1Shape
	tShapeLowerP1
	tInGazShape
	tLength
	tDocCase      // unused: case of the word elsewhere in the document
	tDocCaseLower // unused
	tLowerPOS
	tSurround
	tGazM2 // unused: gazetteer type two tokens before
	tGazP2 // unused
	// Word clusters (package clusters): path prefixes of the token and of
	// its neighbours.
	tClus4
	tClus8
	tClus12
	tClus16
	tClusM1x4
	tClusM1x8
	tClusM1x12
	tClusP1x4
	tClusP1x8
	tClusP1x12
	tClusM2x8
	tClusP2x8
)

// clusterBits are the path prefix lengths of the token's own cluster
// features, tClus4 onwards.
var clusterBits = [...]int{4, 8, 12, 16}

// tokenInfo holds the per-token strings' hashes that feature templates combine.
type tokenInfo struct {
	word, lower, shape, short, pos uint64
	pre, suf                       [4]uint64
	capital                        bool // first letter is upper case
	length                         uint64
	clus                           uint32 // word cluster code, 0 when unknown
	skip                           bool   // local features left out, pre and suf unset
}

// padding tokens before and after a sentence.
var (
	hPadBefore = hashString("<s>")
	hPadAfter  = hashString("</s>")
)

// normalise lowers a word and maps every digit to 0, so that numbers share
// features.
func normalise(w string, buf []byte) []byte {
	buf = buf[:0]
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			buf = append(buf, '0')
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}

// shapes returns the word's shape (X for upper, x for lower, d for digits,
// other characters as they are, runs capped at 3) and its short shape (runs
// collapsed to one).
func shapes(w string, long, short []byte) ([]byte, []byte) {
	long, short = long[:0], short[:0]
	var prev byte
	run := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == prev {
			run++
		} else {
			run = 1
			short = append(short, c)
		}
		if run <= 3 {
			long = append(long, c)
		}
		prev = c
	}
	return long, short
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// scratchText is reused byte space for building the strings of a token.
type scratchText struct {
	low, long, short, clus []byte
}

func (s *scratchText) info(word, pos string, skip func(uint64) bool, tab *clusters.Table) tokenInfo {
	var ti tokenInfo
	s.low = normalise(word, s.low)
	s.long, s.short = shapes(word, s.long, s.short)
	ti.word = hashString(word)
	ti.lower = hashBytes(s.low)
	ti.shape = hashBytes(s.long)
	ti.short = hashBytes(s.short)
	ti.pos = hashString(pos)
	r, _ := utf8.DecodeRuneInString(word)
	ti.capital = unicode.IsUpper(r)
	// Affixes of the normalised form, by runes.
	n := utf8.RuneCount(s.low)
	ti.length = uint64(min(n, 8))
	if tab != nil {
		ti.clus, s.clus = tab.Code(word, s.clus)
	}
	if skip != nil && skip(tokenID(&ti)) {
		ti.skip = true
		return ti
	}
	low := s.low
	for k := 1; k <= 4; k++ {
		if k > n {
			ti.pre[k-1] = 0
			ti.suf[k-1] = 0
			continue
		}
		// prefix of k runes
		end := 0
		for j := 0; j < k; j++ {
			_, sz := utf8.DecodeRune(low[end:])
			end += sz
		}
		ti.pre[k-1] = hashBytes(low[:end])
		start := len(low)
		for j := 0; j < k; j++ {
			_, sz := utf8.DecodeLastRune(low[:start])
			start -= sz
		}
		ti.suf[k-1] = hashBytes(low[start:])
	}
	return ti
}

// sentenceCaps reports whether a sentence has no lower-case letter at all
// but some upper-case one, as in a headline written in capitals.
func sentenceCaps(words []string) bool {
	upper := false
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsUpper(r) {
				upper = true
			}
		}
	}
	return upper
}

// gazTags gives, for each token, the gazetteer type and position code of
// the span that covers it, or 0.
func gazTags(n int, gaz []corpus.Span, out []uint64, outType []uint64) {
	for i := range n {
		out[i], outType[i] = 0, 0
	}
	for _, g := range gaz {
		if g.Start < 0 || g.End > n || g.Start >= g.End {
			continue
		}
		ht := hashString(g.Type)
		for i := g.Start; i < g.End; i++ {
			var p byte
			switch {
			case g.End-g.Start == 1:
				p = 'U'
			case i == g.Start:
				p = 'B'
			case i == g.End-1:
				p = 'L'
			default:
				p = 'I'
			}
			out[i] = mix(ht + uint64(p))
			outType[i] = ht
		}
	}
}

// staticFeatures appends, for every token of a sentence, the keys of the
// features that depend on the sentence alone. offsets[i]..offsets[i+1] index
// token i's keys in the returned slice, and the first sc.locals[i] of them
// depend on the token's word and tag alone. skip, when not nil, is asked
// about each token's tokenID, and the local features of a token it reports
// are left out (sc.locals[i] is 0).
func staticFeatures(words, pos []string, gaz []corpus.Span, sc *featScratch, skip func(uint64) bool) (keys []uint64, offsets []int32) {
	n := len(words)
	sc.grow(n)
	infos := sc.infos[:n+4]
	// infos[2+i] is token i; two padding slots each side.
	for _, j := range []int{0, 1} {
		infos[j] = tokenInfo{word: hPadBefore, lower: hPadBefore, shape: hPadBefore, short: hPadBefore, pos: hPadBefore}
		infos[n+2+j] = tokenInfo{word: hPadAfter, lower: hPadAfter, shape: hPadAfter, short: hPadAfter, pos: hPadAfter}
	}
	for i, w := range words {
		p := ""
		if i < len(pos) {
			p = pos[i]
		}
		infos[2+i] = sc.text.info(w, p, skip, sc.clus)
	}
	gp, gt := sc.gazPos[:n+2], sc.gazType[:n+2]
	gazTags(n, gaz, gp[1:], gt[1:])
	gp[0], gt[0], gp[n+1], gt[n+1] = 0, 0, 0, 0
	caps := sentenceCaps(words)
	keys = sc.keys[:0]
	offsets = sc.offsets[:0]
	locals := sc.locals[:0]
	for i := range n {
		offsets = append(offsets, int32(len(keys)))
		c := &infos[2+i]
		m1, m2, p1, p2 := &infos[1+i], &infos[i], &infos[3+i], &infos[4+i]
		if !c.skip {
			// Features of the token alone come first: they are the same
			// wherever the word appears with this tag, so the tagger sums
			// them once per document (see tokenID).
			keys = append(keys,
				key1(tBias, 0),
				key1(tLower, c.lower),
				key1(tWord, c.word),
				key1(tShape, c.shape),
				key1(tShortShape, c.short),
				key1(tPOS, c.pos),
				key1(tLength, c.length),
				key2(tLowerPOS, c.lower, c.pos),
			)
			for k := range 4 {
				if c.pre[k] != 0 {
					keys = append(keys, key1(tPrefix1+uint64(k), c.pre[k]), key1(tSuffix1+uint64(k), c.suf[k]))
				}
			}
			if c.clus != 0 {
				for k, b := range clusterBits {
					keys = append(keys, key1(tClus4+uint64(k), uint64(clusters.Prefix(c.clus, b))))
				}
			}
		}
		locals = append(locals, int32(len(keys))-offsets[i])
		keys = append(keys,
			key1(tLowerM2, m2.lower),
			key1(tLowerM1, m1.lower),
			key1(tLowerP1, p1.lower),
			key1(tLowerP2, p2.lower),
			key1(tShapeM1, m1.short),
			key1(tShapeP1, p1.short),
			key2(tBigramM1, m1.lower, c.lower),
			key2(tBigramP1, c.lower, p1.lower),
			key1(tPOSM1, m1.pos),
			key1(tPOSP1, p1.pos),
			key1(tPOSM2, m2.pos),
			key1(tPOSP2, p2.pos),
			key2(tPOSM1POS, m1.pos, c.pos),
			key2(tPOSPOSP1, c.pos, p1.pos),
			key3(tShape3, m1.short, c.short, p1.short),
			key2(tLowerM1Shape, m1.lower, c.short),
			key2(tShapeLowerP1, c.short, p1.lower),
			key2(tSurround, m1.lower, p1.lower),
		)
		if sc.clus != nil {
			if m1.clus != 0 {
				keys = append(keys,
					key1(tClusM1x4, uint64(clusters.Prefix(m1.clus, 4))),
					key1(tClusM1x8, uint64(clusters.Prefix(m1.clus, 8))),
					key1(tClusM1x12, uint64(clusters.Prefix(m1.clus, 12))))
			}
			if p1.clus != 0 {
				keys = append(keys,
					key1(tClusP1x4, uint64(clusters.Prefix(p1.clus, 4))),
					key1(tClusP1x8, uint64(clusters.Prefix(p1.clus, 8))),
					key1(tClusP1x12, uint64(clusters.Prefix(p1.clus, 12))))
			}
			if m2.clus != 0 {
				keys = append(keys, key1(tClusM2x8, uint64(clusters.Prefix(m2.clus, 8))))
			}
			if p2.clus != 0 {
				keys = append(keys, key1(tClusP2x8, uint64(clusters.Prefix(p2.clus, 8))))
			}
		}
		if i == 0 {
			keys = append(keys, key1(tFirstShape, c.short), key1(tFirstLower, c.lower))
		}
		if caps {
			keys = append(keys, key1(tCapsLower, c.lower), key1(tCapsShape, c.short))
		}
		if gp[1+i] != 0 {
			keys = append(keys, key1(tGazPos, gp[1+i]), key1(tGazType, gt[1+i]), key2(tInGazShape, gt[1+i], c.short))
		}
		if gt[i] != 0 {
			keys = append(keys, key1(tGazM1, gt[i]))
		}
		if gt[2+i] != 0 {
			keys = append(keys, key1(tGazP1, gt[2+i]))
		}
	}
	offsets = append(offsets, int32(len(keys)))
	sc.keys, sc.offsets, sc.locals = keys, offsets, locals
	return keys, offsets
}

// featScratch is reusable space for feature extraction.
type featScratch struct {
	clus    *clusters.Table // word clusters, nil to leave their features out
	text    scratchText
	infos   []tokenInfo
	gazPos  []uint64
	gazType []uint64
	keys    []uint64
	offsets []int32
	locals  []int32
}

// tokenID identifies a token's word and tag, which fix its local features.
func tokenID(ti *tokenInfo) uint64 { return key2(0, ti.word, ti.pos) }

func (s *featScratch) grow(n int) {
	if cap(s.infos) < n+4 {
		s.infos = make([]tokenInfo, n+4)
		s.gazPos = make([]uint64, n+2)
		s.gazType = make([]uint64, n+2)
	}
	s.infos = s.infos[:n+4]
}

// history remembers, within one document, how capitalised words were tagged
// in earlier sentences, keyed by the hash of their normalised form.
type history struct {
	counts map[uint64]*histEntry
	free   []*histEntry // entries to reuse after reset
	used   []*histEntry
}

type histEntry struct {
	n [maxTypes + 1]int32 // index 0: outside any entity; t+1: entity type t
}

const maxTypes = 8

func (h *history) reset() {
	clear(h.counts)
	h.free = append(h.free, h.used...)
	h.used = h.used[:0]
}

// historyKey is the lookup key of a word in the history; ok is false when
// the word is not capitalised and so never consulted.
func historyKey(w string, buf []byte) (uint64, []byte, bool) {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return 0, buf, false
	}
	buf = normalise(w, buf)
	return hashBytes(buf), buf, true
}

// record adds a tagged sentence to the history: types[i] is -1 outside an
// entity, else the entity type index of token i. The first token of a
// sentence is recorded only when it is inside an entity, since sentence
// case says nothing about it.
func (h *history) record(words []string, types []int8, buf []byte) []byte {
	if h.counts == nil {
		h.counts = make(map[uint64]*histEntry)
	}
	for i, w := range words {
		k, b, ok := historyKey(w, buf)
		buf = b
		if !ok || (i == 0 && types[i] < 0) {
			continue
		}
		e := h.counts[k]
		if e == nil {
			if n := len(h.free); n > 0 {
				e = h.free[n-1]
				h.free = h.free[:n-1]
				*e = histEntry{}
			} else {
				e = new(histEntry)
			}
			h.used = append(h.used, e)
			h.counts[k] = e
		}
		e.n[types[i]+1]++
	}
	return buf
}

// feature returns the history feature keys for a word, or zeros when the
// history has nothing to say.
func (h *history) feature(w string, short uint64, buf []byte) (uint64, uint64, []byte) {
	if len(h.counts) == 0 {
		return 0, 0, buf
	}
	k, buf, ok := historyKey(w, buf)
	if !ok {
		return 0, 0, buf
	}
	e := h.counts[k]
	if e == nil {
		return 0, 0, buf
	}
	best, bestN := 0, int32(0)
	for t, c := range e.n {
		if c > bestN {
			best, bestN = t, c
		}
	}
	v := uint64(best + 1)
	return key1(tHistory, v), key2(tHistoryShape, v, short), buf
}
