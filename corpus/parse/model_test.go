package parse

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"unsafe"

	"github.com/newsgraph/newsgraph/corpus/parse/parsemodel"
)

// tinyParser returns a parser with one label, one tag and tables of four
// slots, one of them used.
func tinyParser() *Parser {
	lt := func() labelTable {
		return labelTable{slots: []labelSlot{{}, {fp: 7, off: 0}, {}, {}}, regs: []region{{0, 3}}, rows: []uint32{1, 0<<16 | 5}}
	}
	p := &Parser{labels: []string{"root"}, tagger: &retagger{tags: []string{"NN"}, table: lt()}, labs: lt()}
	p.moves = moveTable{slots: make([]moveSlot, 4), regs: []region{{0, 3}}}
	p.moves.slots[2] = moveSlot{fp: 9, w: [numMoves]int16{1, -2, 3}}
	return p
}

// TestLoadRejectsShortTable checks that a version 3 model whose regions
// ask for more slots than it holds is refused, and before any table is
// allocated: the slots are read from the data, never made to its header's
// measure.
func TestLoadRejectsShortTable(t *testing.T) {
	p := tinyParser()
	p.moves = moveTable{slots: make([]moveSlot, 1<<16), regs: []region{{0, 1<<16 - 1}}}
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	if _, err := FromBytes(good); err != nil {
		t.Fatalf("model with a table of 65536 slots: %v", err)
	}
	// Cut off most of the move table: the regions still say 2^16 slots.
	short := good[:len(good)-8*(1<<15)]
	var fe *FormatError
	if _, err := FromBytes(short); !errors.As(err, &fe) || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("model cut short: error %v, want a FormatError wrapping io.ErrUnexpectedEOF", err)
	}
}

// TestLoadVersion2 checks that a model saved in the earlier format loads
// to the same parser as the current format gives.
func TestLoadVersion2(t *testing.T) {
	p := tinyParser()
	var v2, v3, again bytes.Buffer
	if err := p.saveV2(&v2); err != nil {
		t.Fatal(err)
	}
	if err := p.Save(&v3); err != nil {
		t.Fatal(err)
	}
	q, err := FromBytes(v2.Bytes())
	if err != nil {
		t.Fatalf("version 2: %v", err)
	}
	if err := q.Save(&again); err != nil {
		t.Fatal(err)
	}
	// Version 2 marks every used fingerprint odd; tinyParser's are.
	if !bytes.Equal(v3.Bytes(), again.Bytes()) {
		t.Error("Save(FromBytes(version 2)) differs from Save")
	}
}

// TestFromBytesCopies checks that FromBytes keeps no reference to its
// input: changing the bytes afterwards changes nothing in the parser.
func TestFromBytesCopies(t *testing.T) {
	var buf, after bytes.Buffer
	if err := tinyParser().Save(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	want := bytes.Clone(data)
	p, err := FromBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(magic); i < len(data); i++ {
		data[i] ^= 0x55
	}
	if err := p.Save(&after); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, after.Bytes()) {
		t.Error("the parser changed with the bytes it was read from")
	}
}

// TestDefaultInPlace checks that the default parser reads the tables of the
// embedded model where they lie, on a little-endian machine (a cold start
// depends on it: decoding them costs about 100 ms), and that they are the
// tables FromBytes decodes.
func TestDefaultInPlace(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if littleEndian {
		lo := uintptr(unsafe.Pointer(unsafe.SliceData(parsemodel.Model)))
		hi := lo + uintptr(len(parsemodel.Model))
		for name, ptr := range map[string]unsafe.Pointer{
			"moves":          unsafe.Pointer(unsafe.SliceData(p.moves.slots)),
			"labels":         unsafe.Pointer(unsafe.SliceData(p.labs.slots)),
			"label rows":     unsafe.Pointer(unsafe.SliceData(p.labs.rows)),
			"retagger":       unsafe.Pointer(unsafe.SliceData(p.tagger.table.slots)),
			"retagger rows:": unsafe.Pointer(unsafe.SliceData(p.tagger.table.rows)),
		} {
			if a := uintptr(ptr); a < lo || a >= hi {
				t.Errorf("%s table decoded into memory of its own, not read in place", name)
			}
		}
	}
	q, err := FromBytes(parsemodel.Model)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := p.Save(&a); err != nil {
		t.Fatal(err)
	}
	if err := q.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || !bytes.Equal(a.Bytes(), parsemodel.Model) {
		t.Error("the default parser, FromBytes and the embedded model differ")
	}
}
