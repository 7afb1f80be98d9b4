package parse

import "math"

// moveTable is the frozen weight table of the move classifier: an
// open-addressing hash table from feature to three quantised weights.
type moveTable struct {
	slots []moveSlot
	mask  uint64
}

type moveSlot struct {
	fp uint32 // upper half of the feature hash, low bit set; 0 is empty
	w  [numMoves]int16
}

func fingerprint(f uint64) uint32 { return uint32(f>>32) | 1 }

// add accumulates the weights of feats into sc.
func (t *moveTable) add(feats []uint64, sc *[numMoves]int32) {
	for _, f := range feats {
		fp := fingerprint(f)
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
	for _, f := range feats {
		fp := fingerprint(f)
		for i := f & t.mask; ; i = (i + 1) & t.mask {
			s := &t.slots[i]
			if s.fp == fp {
				n := t.rows[s.off]
				for _, e := range t.rows[s.off+1 : s.off+1+n] {
					c := e >> 16
					if int(c) < len(sc) {
						sc[c] += int32(int16(uint16(e)))
					}
				}
				break
			}
			if s.fp == 0 {
				break
			}
		}
	}
}

// tableSize returns a power of two with room for n keys at load under 0.7.
func tableSize(n int) int {
	size := 1024
	for float64(n) > 0.7*float64(size) {
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

// insert finds the slot for f in a table of slots with the given mask, where
// used reports whether slot i is taken and fpAt its fingerprint. It returns
// the slot index and whether f is already there.
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
