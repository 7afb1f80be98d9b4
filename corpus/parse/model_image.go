package parse

import (
	"encoding/binary"
	"unsafe"
)

// The tables of a version 3 model are stored as the parser holds them in
// memory on a little-endian machine, so that the embedded model is used
// where it lies instead of being decoded into 36 MB of fresh memory: a
// cold start then costs no copy and no page faults for memory that is
// written once and only read after. This file is the only use of package
// unsafe; it reinterprets bytes as slots only when the machine's byte order
// and the data's alignment make the two the same, and decodes a copy
// otherwise.

// littleEndian reports whether the machine stores integers as the model
// file does.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// viewable reports whether b, of n elements of size and align bytes, can be
// read in place as such elements.
func viewable(b []byte, n int, size, align uintptr) bool {
	return littleEndian && n > 0 && uintptr(len(b)) == uintptr(n)*size &&
		uintptr(unsafe.Pointer(unsafe.SliceData(b)))%align == 0
}

// moveSlots returns the move slots stored in b, eight bytes each: b itself
// with share, where it can be read so, or else a decoded copy.
func moveSlots(b []byte, share bool) []moveSlot {
	n := len(b) / 8
	if share && unsafe.Sizeof(moveSlot{}) == 8 && viewable(b, n, 8, unsafe.Alignof(moveSlot{})) {
		return unsafe.Slice((*moveSlot)(unsafe.Pointer(unsafe.SliceData(b))), n)
	}
	out := make([]moveSlot, n)
	for i := range out {
		e := b[8*i : 8*i+8]
		out[i] = moveSlot{fp: binary.LittleEndian.Uint16(e), w: [numMoves]int16{
			int16(binary.LittleEndian.Uint16(e[2:])),
			int16(binary.LittleEndian.Uint16(e[4:])),
			int16(binary.LittleEndian.Uint16(e[6:])),
		}}
	}
	return out
}

// labelSlots returns the label slots stored in b, eight bytes each, as
// moveSlots does.
func labelSlots(b []byte, share bool) []labelSlot {
	n := len(b) / 8
	if share && unsafe.Sizeof(labelSlot{}) == 8 && viewable(b, n, 8, unsafe.Alignof(labelSlot{})) {
		return unsafe.Slice((*labelSlot)(unsafe.Pointer(unsafe.SliceData(b))), n)
	}
	out := make([]labelSlot, n)
	for i := range out {
		out[i] = labelSlot{fp: binary.LittleEndian.Uint32(b[8*i:]), off: binary.LittleEndian.Uint32(b[8*i+4:])}
	}
	return out
}

// words32 returns the uint32 words stored in b, as moveSlots does.
func words32(b []byte, share bool) []uint32 {
	n := len(b) / 4
	if share && viewable(b, n, 4, unsafe.Alignof(uint32(0))) {
		return unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(b))), n)
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}
