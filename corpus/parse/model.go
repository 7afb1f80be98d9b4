package parse

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/newsgraph/newsgraph/corpus/parse/parsemodel"
)

// The model format is little-endian binary:
//
//	"NGPARSE1"
//	uvarint len, note
//	uvarint number of labels, then each as uvarint len, bytes
//	uvarint number of move slots (a power of two), then per slot
//	  uint32 fingerprint, 3 × int16 weights
//	uvarint number of label slots (a power of two), then per slot
//	  uint32 fingerprint, uint32 row offset
//	uvarint number of row words, then each uint32
const magic = "NGPARSE1"

// maxSlots bounds table sizes read from a model, so a corrupt header cannot
// ask for an absurd allocation.
const maxSlots = 1 << 26

var defaultParser = sync.OnceValues(func() (*Parser, error) {
	return Load(bytes.NewReader(parsemodel.Model))
})

// Default returns the parser trained on Universal Dependencies English EWT
// that is embedded in the package. It is decoded once, on first use, and
// shared: Parsers are immutable.
func Default() (*Parser, error) { return defaultParser() }

// Save writes the model in the format Load reads.
func (p *Parser) Save(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(magic)
	str(p.note)
	uv(uint64(len(p.labels)))
	for _, l := range p.labels {
		str(l)
	}
	var b [10]byte
	uv(uint64(len(p.moves.slots)))
	for _, s := range p.moves.slots {
		binary.LittleEndian.PutUint32(b[0:], s.fp)
		binary.LittleEndian.PutUint16(b[4:], uint16(s.w[0]))
		binary.LittleEndian.PutUint16(b[6:], uint16(s.w[1]))
		binary.LittleEndian.PutUint16(b[8:], uint16(s.w[2]))
		bw.Write(b[:10])
	}
	uv(uint64(len(p.labs.slots)))
	for _, s := range p.labs.slots {
		binary.LittleEndian.PutUint32(b[0:], s.fp)
		binary.LittleEndian.PutUint32(b[4:], s.off)
		bw.Write(b[:8])
	}
	uv(uint64(len(p.labs.rows)))
	for _, x := range p.labs.rows {
		binary.LittleEndian.PutUint32(b[0:], x)
		bw.Write(b[:4])
	}
	return bw.Flush()
}

// FormatError reports a malformed model and the byte offset where reading
// stopped.
type FormatError struct {
	Offset int
	Err    error
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("parse: model at byte %d: %v", e.Offset, e.Err)
}

func (e *FormatError) Unwrap() error { return e.Err }

// modelReader decodes a model held in memory.
type modelReader struct {
	b   []byte
	off int
	err error
}

func (r *modelReader) fail(err error) {
	if r.err == nil {
		r.err = &FormatError{Offset: r.off, Err: err}
	}
}

func (r *modelReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail(errors.New("bad varint"))
		return 0
	}
	r.off += n
	return x
}

func (r *modelReader) bytes(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)-r.off) {
		r.fail(io.ErrUnexpectedEOF)
		return nil
	}
	out := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return out
}

func (r *modelReader) count(what string, limit uint64, pow2 bool) int {
	n := r.uvarint()
	if r.err == nil && (n > limit || (pow2 && (n == 0 || n&(n-1) != 0))) {
		r.fail(fmt.Errorf("bad %s count %d", what, n))
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

// Load reads a model written by Save.
func Load(rd io.Reader) (*Parser, error) {
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("parse: reading model: %w", err)
	}
	r := &modelReader{b: data}
	if string(r.bytes(uint64(len(magic)))) != magic {
		return nil, &FormatError{0, errors.New("not a parser model")}
	}
	p := &Parser{root: -1}
	p.note = string(r.bytes(r.uvarint()))
	nl := r.count("label", 255, false)
	for i := 0; i < nl; i++ {
		l := string(r.bytes(r.uvarint()))
		if l == "root" {
			p.root = i
		}
		p.labels = append(p.labels, l)
	}
	if r.err == nil && p.root < 0 {
		r.fail(errors.New(`no "root" label`))
	}
	nm := r.count("move slot", maxSlots, true)
	mb := r.bytes(uint64(nm) * 10)
	if r.err == nil {
		p.moves = moveTable{slots: make([]moveSlot, nm), mask: uint64(nm - 1)}
		for i := range p.moves.slots {
			b := mb[i*10:]
			s := &p.moves.slots[i]
			s.fp = binary.LittleEndian.Uint32(b)
			s.w[0] = int16(binary.LittleEndian.Uint16(b[4:]))
			s.w[1] = int16(binary.LittleEndian.Uint16(b[6:]))
			s.w[2] = int16(binary.LittleEndian.Uint16(b[8:]))
		}
	}
	ns := r.count("label slot", maxSlots, true)
	sb := r.bytes(uint64(ns) * 8)
	nr := r.count("row word", maxSlots*8, false)
	rb := r.bytes(uint64(nr) * 4)
	if r.err != nil {
		return nil, r.err
	}
	if r.off != len(data) {
		return nil, &FormatError{r.off, errors.New("trailing bytes")}
	}
	p.labs = labelTable{slots: make([]labelSlot, ns), mask: uint64(ns - 1), rows: make([]uint32, nr)}
	for i := range p.labs.rows {
		p.labs.rows[i] = binary.LittleEndian.Uint32(rb[i*4:])
	}
	for i := range p.labs.slots {
		s := &p.labs.slots[i]
		s.fp = binary.LittleEndian.Uint32(sb[i*8:])
		s.off = binary.LittleEndian.Uint32(sb[i*8+4:])
		if s.fp != 0 {
			// Check the row lies inside rows, so lookups cannot go out of range.
			if uint64(s.off) >= uint64(nr) || uint64(s.off)+1+uint64(p.labs.rows[s.off]) > uint64(nr) {
				return nil, &FormatError{len(data) - 4*nr - 8*ns + 8*i, fmt.Errorf("label row %d out of range", s.off)}
			}
		}
	}
	// Tables must keep at least one empty slot, or a lookup would not stop.
	if !hasEmpty(len(p.moves.slots), func(i int) bool { return p.moves.slots[i].fp == 0 }) ||
		!hasEmpty(len(p.labs.slots), func(i int) bool { return p.labs.slots[i].fp == 0 }) {
		return nil, &FormatError{r.off, errors.New("hash table has no empty slot")}
	}
	return p, nil
}

func hasEmpty(n int, empty func(i int) bool) bool {
	for i := 0; i < n; i++ {
		if empty(i) {
			return true
		}
	}
	return false
}
