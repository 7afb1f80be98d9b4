package parse

import "math"

// moveTable is the frozen weight table of the move classifier: an
// open-addressing hash table from feature to three quantised weights.
type moveTable struct {
	slots []moveSlot
	mask  uint64
}

// moveSlot is eight bytes, so the table stays small enough to sit mostly in
// cache: lookups, not arithmetic, bound the parser's speed.
type moveSlot struct {
	fp uint16 // top 16 bits of the feature hash, low bit set; 0 is empty
	w  [numMoves]int16
}

func fingerprint16(f uint64) uint16 { return uint16(f>>48) | 1 }

func fingerprint(f uint64) uint32 { return uint32(f>>32) | 1 }

// add accumulates the weights of feats into sc.
func (t *moveTable) add(feats []uint64, sc *[numMoves]int32) {
	// Touch every home slot first: these loads do not depend on one
	// another, so their cache misses overlap.
	var touch uint16
	for _, f := range feats {
		touch |= t.slots[f&t.mask].fp
	}
	if touch == 0 {
		return
	}
	for _, f := range feats {
		fp := fingerprint16(f)
		for i := f & t.mask; ; i = (i + 1) & t.mask {
			s := &t.slots[i]
			if s.fp == fp {
				sc[0] += int32(s.w[0])
				sc[1] += int32(s.w[1])
				sc[2] += int32(s.w[2])
				break
			}
			if s.fp == 0 {
				break
			}
		}
	}
}

// labelTable is the frozen weight table of the label classifier: an
// open-addressing hash table from feature to a sparse row of label weights.
type labelTable struct {
	slots []labelSlot
	mask  uint64
	// rows holds each row as a count followed by that many entries, each
	// label<<16 | uint16(weight).
	rows []uint32
}

type labelSlot struct {
	fp  uint32
	off uint32
}

func (t *labelTable) add(feats []uint64, sc []int32) {
	var touch uint32
	for _, f := range feats {
		touch |= t.slots[f&t.mask].fp
	}
	if touch == 0 {
		return
	}
	// Find the rows, then touch their first words, then read them: each
	// pass issues independent loads.
	var buf [256]uint32
	offs := buf[:0]
	for _, f := range feats {
		fp := fingerprint(f)
		for i := f & t.mask; ; i = (i + 1) & t.mask {
			s := &t.slots[i]
			if s.fp == fp {
				offs = append(offs, s.off)
				break
			}
			if s.fp == 0 {
				break
			}
		}
	}
	for _, off := range offs {
		touch |= t.rows[off]
	}
	if touch == 0 {
		return
	}
	for _, off := range offs {
		n := t.rows[off]
		for _, e := range t.rows[off+1 : off+1+n] {
			c := e >> 16
			if int(c) < len(sc) {
				sc[c] += int32(int16(uint16(e)))
			}
		}
	}
}

// tableSize returns a power of two with room for n keys at load at most
// one half. Most lookups are for features the model lacks, and with linear
// probing those walk to the next empty slot: at load 0.75 that is about
// eight slots, at one half about two and a half.
func tableSize(n int) int {
	size := 1024
	for float64(n) > 0.5*float64(size) {
		size *= 2
	}
	return size
}

// quantize maps w to int16 with scale q (weight per unit).
func quantize(w, q float64) int16 {
	v := math.Round(w * q)
	if v > math.MaxInt16 {
		v = math.MaxInt16
	}
	if v < -math.MaxInt16 {
		v = -math.MaxInt16
	}
	return int16(v)
}

// probe finds the slot for f in a table with the given mask, where fpAt
// gives the fingerprint in slot i (0 when empty). It returns the slot index
// and whether f's fingerprint is already there.
func probe(mask uint64, f uint64, fpAt func(i uint64) uint32) (uint64, bool) {
	fp := fingerprint(f)
	for i := f & mask; ; i = (i + 1) & mask {
		switch fpAt(i) {
		case 0:
			return i, false
		case fp:
			return i, true
		}
	}
}

// probe16 is probe for tables with 16-bit fingerprints.
func probe16(mask uint64, f uint64, fpAt func(i uint64) uint16) (uint64, bool) {
	fp := fingerprint16(f)
	for i := f & mask; ; i = (i + 1) & mask {
		switch fpAt(i) {
		case 0:
			return i, false
		case fp:
			return i, true
		}
	}
}
