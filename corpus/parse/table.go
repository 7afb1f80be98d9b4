package parse

import "math"

// Every feature carries the position of its template in the feature list
// in its top byte (see placeFeatures), and each template has a region of
// its own in a table: the few thousand features of a tag template sit
// together, hot in cache, instead of scattered among a million word
// features.

// maxTemplates bounds the number of templates of one classifier, so that a
// position fits in a feature's top byte.
const maxTemplates = 256

// placeFeatures writes each feature's position into its top byte.
func placeFeatures(feats []uint64) {
	for i := range feats {
		feats[i] = feats[i]&(1<<56-1) | uint64(i)<<56
	}
}

// region is the part of a table's slots that holds one template's
// features: slots[off : off+mask+1], a power of two.
type region struct {
	off, mask uint32
}

// regionOf returns the template position of feature f.
func regionOf(f uint64) int { return int(f >> 56) }

// moveTable is the frozen weight table of the move classifier: an
// open-addressing hash table, one region a template, from feature to three
// quantised weights.
type moveTable struct {
	slots []moveSlot
	regs  []region
}

// moveSlot is eight bytes, so the table stays small enough to sit mostly in
// cache: lookups, not arithmetic, bound the parser's speed.
type moveSlot struct {
	fp uint16 // 16 bits of the feature hash, low bit set; 0 is empty
	w  [numMoves]int16
}

func fingerprint16(f uint64) uint16 { return uint16(f>>40) | 1 }

func fingerprint(f uint64) uint32 { return uint32(f>>24) | 1 }

// add accumulates the weights of feats into sc. feats[i] is looked up in
// region i.
func (t *moveTable) add(feats []uint64, sc *[numMoves]int32) {
	feats = feats[:min(len(feats), len(t.regs))]
	// Touch every home slot first: these loads do not depend on one
	// another, so their cache misses overlap.
	var touch uint16
	for i, f := range feats {
		r := t.regs[i]
		touch |= t.slots[r.off+uint32(f)&r.mask].fp
	}
	if touch == 0 {
		return
	}
	for i, f := range feats {
		r := t.regs[i]
		fp := fingerprint16(f)
		for j := uint32(f) & r.mask; ; j = (j + 1) & r.mask {
			s := &t.slots[r.off+j]
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

// labelTable is the frozen weight table of the label classifier and the
// retagger: an open-addressing hash table, one region a template, from
// feature to a sparse row of class weights.
type labelTable struct {
	slots []labelSlot
	regs  []region
	// rows holds each row as a count followed by that many entries, each
	// class<<16 | uint16(weight).
	rows []uint32
}

type labelSlot struct {
	fp  uint32
	off uint32
}

// add accumulates the rows of feats into sc. feats[i] is looked up in
// region i.
func (t *labelTable) add(feats []uint64, sc []int32) {
	feats = feats[:min(len(feats), len(t.regs))]
	var touch uint32
	for i, f := range feats {
		r := t.regs[i]
		touch |= t.slots[r.off+uint32(f)&r.mask].fp
	}
	if touch == 0 {
		return
	}
	// Find the rows, then touch their first words, then read them: each
	// pass issues independent loads.
	var buf [maxTemplates]uint32
	offs := buf[:0]
	for i, f := range feats {
		r := t.regs[i]
		fp := fingerprint(f)
		for j := uint32(f) & r.mask; ; j = (j + 1) & r.mask {
			s := &t.slots[r.off+j]
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

// layout returns the regions for n keys, key(i) giving each, every region
// sized for its keys at load at most one half.
func layout(n int, key func(i int) uint64) []region {
	var count [maxTemplates]int
	top := -1
	for i := range n {
		r := regionOf(key(i))
		count[r]++
		top = max(top, r)
	}
	regs := make([]region, top+1)
	off := uint32(0)
	for r := range regs {
		size := tableSize(count[r])
		regs[r] = region{off: off, mask: uint32(size - 1)}
		off += uint32(size)
	}
	return regs
}

// slotsOf returns the total number of slots of regs.
func slotsOf(regs []region) int {
	n := 0
	for _, r := range regs {
		n += int(r.mask) + 1
	}
	return n
}

// tableSize returns a power of two with room for n keys at load at most
// one half. Most lookups are for features the model lacks, and with linear
// probing those walk to the next empty slot: at load 0.75 that is about
// eight slots, at one half about two and a half.
func tableSize(n int) int {
	size := 4
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

// probe finds the slot for feature f, whose fingerprint is fp, in region
// r, where fpAt gives the fingerprint in slot i (0 when empty). It returns
// the slot index and whether fp is already there.
func probe[F uint16 | uint32](r region, f uint64, fp F, fpAt func(i uint32) F) (uint32, bool) {
	for j := uint32(f) & r.mask; ; j = (j + 1) & r.mask {
		switch fpAt(r.off + j) {
		case 0:
			return r.off + j, false
		case fp:
			return r.off + j, true
		}
	}
}
