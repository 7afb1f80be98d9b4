package parse

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"sync"

	"github.com/newsgraph/newsgraph/corpus/parse/parsemodel"
)

// The model format (version 3) is little-endian binary laid out so that
// its tables can be used where they lie, without decoding each entry:
//
//	"NGPARSE3"
//	uvarint len, note
//	uvarint number of labels, then each as uvarint len, bytes
//	uvarint number of retagger tags, then each as uvarint len, bytes
//	retagger weights, a label table (below)
//	move weights: regions (below), zero bytes up to a multiple of eight
//	  from the start, then every slot, eight bytes each: uint16
//	  fingerprint (0 for an empty slot), 3 × int16 weights
//	label weights, a label table
//
// Regions are a uvarint count, then each region's size as a uvarint power
// of two; the table's slots are the regions one after another, region i
// holding the features of template i. A label table is: regions, uvarint
// number of row words, zero bytes up to a multiple of eight from the
// start, every slot as uint32 fingerprint (0 for an empty slot) and uint32
// row offset, then the row words, each a uint32, and zero bytes up to a
// multiple of eight.
//
// [Default] uses the tables of the embedded model where they lie (on a
// little-endian machine, where they are the parser's own memory layout):
// loading costs no copy and no decoding of its 36 MB, the operating system
// maps in the pages parsing reads, and they are shared by every process
// running the same program.
//
// Version 2 (read still, never written) stored only the used slots, each
// after the gap from the previous one, and had to be decoded into tables
// of twice its size. Version 2 (from version 1): labels read their own
// templates only, the retagger has more templates, and tables have a
// region a template.
const (
	magic   = "NGPARSE3"
	magicV2 = "NGPARSE2"
)

// maxSlots bounds table sizes read from a model, so a corrupt header cannot
// ask for an absurd allocation.
const maxSlots = 1 << 26

var defaultParser = sync.OnceValues(func() (*Parser, error) {
	return fromBytes(parsemodel.Model, true) // embedded: read-only, never freed
})

// Default returns the parser trained on Universal Dependencies English EWT
// that is embedded in the package. It is decoded once, on first use, and
// shared: Parsers are immutable.
func Default() (*Parser, error) { return defaultParser() }

// Save writes the model in the format Load reads: since version 3, its
// hash tables as the parser holds them in memory, empty slots included, so
// that a program can use an embedded model without decoding it.
func (p *Parser) Save(w io.Writer) error {
	mw := &modelWriter{w: bufio.NewWriterSize(w, 1<<16)}
	mw.w.WriteString(magic)
	mw.n = len(magic)
	mw.str(p.note)
	mw.strs(p.labels)
	mw.strs(p.tagger.tags)
	mw.labelTable(&p.tagger.table)
	mw.regions(p.moves.regs)
	mw.pad()
	var b [8]byte
	for _, s := range p.moves.slots {
		binary.LittleEndian.PutUint16(b[0:], s.fp)
		binary.LittleEndian.PutUint16(b[2:], uint16(s.w[0]))
		binary.LittleEndian.PutUint16(b[4:], uint16(s.w[1]))
		binary.LittleEndian.PutUint16(b[6:], uint16(s.w[2]))
		mw.write(b[:8])
	}
	mw.labelTable(&p.labs)
	return mw.w.Flush()
}

// saveV2 writes the model in format version 2, which Load still reads.
func (p *Parser) saveV2(w io.Writer) error {
	mw := &modelWriter{w: bufio.NewWriterSize(w, 1<<16)}
	mw.w.WriteString(magicV2)
	mw.str(p.note)
	mw.strs(p.labels)
	mw.strs(p.tagger.tags)
	mw.labelTableV2(&p.tagger.table)
	var b [8]byte
	mw.regions(p.moves.regs)
	mw.used(len(p.moves.slots), func(i int) uint32 { return uint32(p.moves.slots[i].fp) })
	last := -1
	for i, s := range p.moves.slots {
		if s.fp == 0 {
			continue
		}
		mw.uv(uint64(i - last))
		last = i
		binary.LittleEndian.PutUint16(b[0:], s.fp)
		binary.LittleEndian.PutUint16(b[2:], uint16(s.w[0]))
		binary.LittleEndian.PutUint16(b[4:], uint16(s.w[1]))
		binary.LittleEndian.PutUint16(b[6:], uint16(s.w[2]))
		mw.w.Write(b[:8])
	}
	mw.labelTableV2(&p.labs)
	return mw.w.Flush()
}

type modelWriter struct {
	w   *bufio.Writer
	n   int // bytes written, for pad
	tmp [binary.MaxVarintLen64]byte
}

func (m *modelWriter) write(b []byte) { m.w.Write(b); m.n += len(b) }
func (m *modelWriter) uv(x uint64)    { m.write(m.tmp[:binary.PutUvarint(m.tmp[:], x)]) }
func (m *modelWriter) str(s string)   { m.uv(uint64(len(s))); m.write([]byte(s)) }

// pad writes zero bytes up to a multiple of eight.
func (m *modelWriter) pad() {
	var zero [8]byte
	m.write(zero[:(8-m.n%8)%8])
}

func (m *modelWriter) strs(ss []string) {
	m.uv(uint64(len(ss)))
	for _, s := range ss {
		m.str(s)
	}
}

// regions writes the sizes of a table's regions.
func (m *modelWriter) regions(regs []region) {
	m.uv(uint64(len(regs)))
	for _, r := range regs {
		m.uv(uint64(bits.Len32(r.mask)))
	}
}

// used writes how many of a table's slots are used.
func (m *modelWriter) used(n int, fp func(i int) uint32) {
	k := 0
	for i := 0; i < n; i++ {
		if fp(i) != 0 {
			k++
		}
	}
	m.uv(uint64(k))
}

func (m *modelWriter) labelTable(t *labelTable) {
	var b [8]byte
	m.regions(t.regs)
	m.uv(uint64(len(t.rows)))
	m.pad()
	for _, s := range t.slots {
		binary.LittleEndian.PutUint32(b[0:], s.fp)
		binary.LittleEndian.PutUint32(b[4:], s.off)
		m.write(b[:8])
	}
	for _, x := range t.rows {
		binary.LittleEndian.PutUint32(b[0:], x)
		m.write(b[:4])
	}
	m.pad()
}

func (m *modelWriter) labelTableV2(t *labelTable) {
	var b [8]byte
	m.regions(t.regs)
	m.used(len(t.slots), func(i int) uint32 { return t.slots[i].fp })
	last := -1
	for i, s := range t.slots {
		if s.fp == 0 {
			continue
		}
		m.uv(uint64(i - last))
		last = i
		binary.LittleEndian.PutUint32(b[0:], s.fp)
		binary.LittleEndian.PutUint32(b[4:], s.off)
		m.w.Write(b[:8])
	}
	m.uv(uint64(len(t.rows)))
	for _, x := range t.rows {
		binary.LittleEndian.PutUint32(b[0:], x)
		m.w.Write(b[:4])
	}
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
	b     []byte
	off   int
	err   error
	share bool // tables may be b itself (see fromBytes)
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

func (r *modelReader) strs(limit uint64) []string {
	n := r.count("string", limit, false)
	var out []string
	for i := 0; i < n && r.err == nil; i++ {
		out = append(out, string(r.bytes(r.uvarint())))
	}
	return out
}

// regions reads a table's regions and returns them with the total number
// of slots.
func (r *modelReader) regions() ([]region, int) {
	n := r.count("region", maxTemplates, false)
	var regs []region
	total := 0
	for k := 0; k < n && r.err == nil; k++ {
		b := r.uvarint()
		if r.err == nil && (b > 26 || total+1<<b > maxSlots) {
			r.fail(fmt.Errorf("bad region size 2^%d", b))
		}
		if r.err != nil {
			return nil, 0
		}
		regs = append(regs, region{off: uint32(total), mask: uint32(1<<b - 1)})
		total += 1 << b
	}
	return regs, total
}

// checkSize fails when a table of n slots, used of them used, in nregs
// regions, is larger than its data can fill: each used slot takes at least
// nine bytes of the model, and a region is at most four times the size its
// slots need. So a small corrupt model cannot ask for a large allocation.
func (r *modelReader) checkSize(n, used, nregs int) {
	if r.err == nil && (used*9 > len(r.b)-r.off || n > 8*(used+nregs)) {
		r.fail(fmt.Errorf("table of %d slots, %d used, larger than its data", n, used))
	}
}

// checkEmpty fails unless every region has an empty slot, so that a lookup
// always ends.
func (r *modelReader) checkEmpty(regs []region, empty func(i uint32) bool) {
	for k, g := range regs {
		ok := false
		for i := g.off; i <= g.off+g.mask && !ok; i++ {
			ok = empty(i)
		}
		if !ok && r.err == nil {
			r.fail(fmt.Errorf("region %d is full", k))
		}
	}
}

// labelTableV2 reads a version 2 table of sparse rows whose entries name
// classes below nclass.
func (r *modelReader) labelTableV2(nclass int) labelTable {
	var t labelTable
	regs, ns := r.regions()
	us := r.count("used slot", uint64(ns), false)
	r.checkSize(ns, us, len(regs))
	if r.err != nil {
		return t
	}
	t = labelTable{slots: make([]labelSlot, ns), regs: regs}
	i := -1
	for k := 0; k < us && r.err == nil; k++ {
		i += int(r.uvarint())
		b := r.bytes(8)
		if r.err == nil && (i < 0 || i >= ns) {
			r.fail(fmt.Errorf("slot %d out of range", i))
		}
		if r.err != nil {
			return t
		}
		t.slots[i] = labelSlot{fp: binary.LittleEndian.Uint32(b) | 1, off: binary.LittleEndian.Uint32(b[4:])}
	}
	r.checkEmpty(regs, func(i uint32) bool { return t.slots[i].fp == 0 })
	nr := r.count("row word", maxSlots*8, false)
	rb := r.bytes(uint64(nr) * 4)
	if r.err != nil {
		return t
	}
	t.rows = make([]uint32, nr)
	for i := range t.rows {
		t.rows[i] = binary.LittleEndian.Uint32(rb[i*4:])
	}
	r.checkRows(&t, nclass)
	return t
}

// checkRows fails unless every used slot's row lies inside t.rows and
// names classes below nclass, so that lookups cannot go out of range.
func (r *modelReader) checkRows(t *labelTable, nclass int) {
	nr := uint64(len(t.rows))
	for _, s := range t.slots {
		if s.fp == 0 || r.err != nil {
			continue
		}
		if uint64(s.off) >= nr || uint64(s.off)+1+uint64(t.rows[s.off]) > nr {
			r.fail(fmt.Errorf("row %d out of range", s.off))
			return
		}
		for _, e := range t.rows[s.off+1 : s.off+1+t.rows[s.off]] {
			if int(e>>16) >= nclass {
				r.fail(fmt.Errorf("class %d out of range", e>>16))
				return
			}
		}
	}
}

// align skips the zero bytes up to a multiple of eight.
func (r *modelReader) align() {
	for _, c := range r.bytes(uint64((8 - r.off%8) % 8)) {
		if c != 0 {
			r.fail(errors.New("padding is not zero"))
		}
	}
}

// labelTable reads a table of sparse rows whose entries name classes below
// nclass.
func (r *modelReader) labelTable(nclass int) labelTable {
	regs, ns := r.regions()
	nr := r.count("row word", maxSlots*8, false)
	r.align()
	slots := r.bytes(uint64(ns) * 8)
	rows := r.bytes(uint64(nr) * 4)
	r.align()
	if r.err != nil {
		return labelTable{}
	}
	t := labelTable{slots: labelSlots(slots, r.share), regs: regs, rows: words32(rows, r.share)}
	r.checkEmpty(regs, func(i uint32) bool { return t.slots[i].fp == 0 })
	r.checkRows(&t, nclass)
	return t
}

// moveTable reads the table of move weights.
func (r *modelReader) moveTable() moveTable {
	regs, n := r.regions()
	r.align()
	slots := r.bytes(uint64(n) * 8)
	if r.err != nil {
		return moveTable{}
	}
	t := moveTable{slots: moveSlots(slots, r.share), regs: regs}
	r.checkEmpty(regs, func(i uint32) bool { return t.slots[i].fp == 0 })
	return t
}

// moveTableV2 reads a version 2 table of move weights.
func (r *modelReader) moveTableV2() moveTable {
	var t moveTable
	regs, nm := r.regions()
	um := r.count("used move slot", uint64(nm), false)
	r.checkSize(nm, um, len(regs))
	if r.err == nil {
		t = moveTable{slots: make([]moveSlot, nm), regs: regs}
	}
	i := -1
	for k := 0; k < um && r.err == nil; k++ {
		i += int(r.uvarint())
		b := r.bytes(8)
		if r.err == nil && (i < 0 || i >= nm) {
			r.fail(fmt.Errorf("move slot %d out of range", i))
		}
		if r.err != nil {
			break
		}
		s := &t.slots[i]
		s.fp = binary.LittleEndian.Uint16(b) | 1
		s.w[0] = int16(binary.LittleEndian.Uint16(b[2:]))
		s.w[1] = int16(binary.LittleEndian.Uint16(b[4:]))
		s.w[2] = int16(binary.LittleEndian.Uint16(b[6:]))
	}
	if r.err == nil {
		r.checkEmpty(regs, func(i uint32) bool { return t.slots[i].fp == 0 })
	}
	return t
}

// Load reads a model written by Save.
func Load(rd io.Reader) (*Parser, error) {
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("parse: reading model: %w", err)
	}
	return FromBytes(data)
}

// FromBytes decodes a model written by Save. The parser copies what it
// needs and keeps no reference to data, which it never modifies.
func FromBytes(data []byte) (*Parser, error) { return fromBytes(data, false) }

// fromBytes decodes a model. With share, the parser's tables may be data
// itself, which must then never change (the embedded model).
func fromBytes(data []byte, share bool) (*Parser, error) {
	r := &modelReader{b: data, share: share}
	version := 0
	switch string(r.bytes(uint64(len(magic)))) {
	case magic:
		version = 3
	case magicV2:
		version = 2
	default:
		return nil, &FormatError{0, errors.New("not a parser model")}
	}
	p := &Parser{root: -1}
	p.note = string(r.bytes(r.uvarint()))
	p.labels = r.strs(255)
	for i, l := range p.labels {
		if l == "root" {
			p.root = i
		}
	}
	if r.err == nil && p.root < 0 {
		r.fail(errors.New(`no "root" label`))
	}
	p.tagger = &retagger{tags: r.strs(255)}
	if r.err == nil && len(p.tagger.tags) == 0 {
		r.fail(errors.New("no tags"))
	}
	for _, t := range p.tagger.tags {
		p.tagger.hashes = append(p.tagger.hashes, tagHash(t))
	}
	if version == 3 {
		p.tagger.table = r.labelTable(len(p.tagger.tags))
		p.moves = r.moveTable()
		p.labs = r.labelTable(len(p.labels))
	} else {
		p.tagger.table = r.labelTableV2(len(p.tagger.tags))
		p.moves = r.moveTableV2()
		p.labs = r.labelTableV2(len(p.labels))
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.off != len(data) {
		return nil, &FormatError{r.off, errors.New("trailing bytes")}
	}
	return p, nil
}
