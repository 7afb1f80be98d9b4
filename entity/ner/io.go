package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// The model file starts with a text header, readable with head(1):
//
//	newsgraph-ner 1
//	command: go run ./examples/train ...
//	data: conll2003/eng.train
//	seed: 1
//	epochs: 12
//	notes: ...
//
// then a blank line and a gzip stream of little-endian binary: the number of
// entity types, each type's name and whether it is emitted; the number of
// labels; the weight scale; the number of feature rows, their keys and
// their int16 weights; the transition and final weights.
const magic = "newsgraph-ner 1"

// Save writes the model in the format [Load] reads.
func (m *Model) Save(w io.Writer) error {
	bw := bufio.NewWriter(w)
	one := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	fmt.Fprintf(bw, "%s\ncommand: %s\ndata: %s\nseed: %d\nepochs: %d\nnotes: %s\n\n",
		magic, one(m.info.Command), one(m.info.Data), m.info.Seed, m.info.Epochs, one(m.info.Notes))
	zw, err := gzip.NewWriterLevel(bw, gzip.BestCompression)
	if err != nil {
		return err
	}
	le := binary.LittleEndian
	put := func(v any) {
		if err == nil {
			err = binary.Write(zw, le, v)
		}
	}
	put(uint32(len(m.types)))
	for i, t := range m.types {
		put(uint16(len(t)))
		put([]byte(t))
		put(m.emit[i])
	}
	keys, weights := m.features()
	put(uint32(m.nLabels))
	put(m.scale)
	put(uint32(len(keys)))
	put(keys)
	put(weights)
	put(m.trans)
	put(m.final)
	if err != nil {
		return fmt.Errorf("ner: writing model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner: writing model: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: writing model: %w", err)
	}
	return nil
}

// Load reads a model written by [Model.Save].
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	m := &Model{}
	first := true
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("ner: reading model header: %w", noEOF(err))
		}
		line = strings.TrimSuffix(line, "\n")
		if first {
			if line != magic {
				return nil, fmt.Errorf("ner: not a model file: first line is %.40q, want %q", line, magic)
			}
			first = false
			continue
		}
		if line == "" {
			break
		}
		k, v, _ := strings.Cut(line, ": ")
		switch k {
		case "command":
			m.info.Command = v
		case "data":
			m.info.Data = v
		case "notes":
			m.info.Notes = v
		case "seed":
			m.info.Seed, _ = strconv.ParseUint(v, 10, 64)
		case "epochs":
			m.info.Epochs, _ = strconv.Atoi(v)
		}
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("ner: reading model: %w", noEOF(err))
	}
	le := binary.LittleEndian
	get := func(v any) {
		if err == nil {
			err = binary.Read(zr, le, v)
		}
	}
	var nTypes, nLabels, rows uint32
	get(&nTypes)
	if err == nil && (nTypes == 0 || nTypes > maxTypes) {
		return nil, fmt.Errorf("ner: reading model: %d entity types, want 1 to %d", nTypes, maxTypes)
	}
	for range nTypes {
		var n uint16
		get(&n)
		b := make([]byte, n)
		get(b)
		var e bool
		get(&e)
		m.types = append(m.types, string(b))
		m.emit = append(m.emit, e)
	}
	get(&nLabels)
	get(&m.scale)
	get(&rows)
	if err != nil {
		return nil, fmt.Errorf("ner: reading model: %w", noEOF(err))
	}
	if int(nLabels) != numLabels(int(nTypes)) {
		return nil, fmt.Errorf("ner: reading model: %d labels for %d types, want %d", nLabels, nTypes, numLabels(int(nTypes)))
	}
	if rows > 1<<26 || math.IsNaN(float64(m.scale)) {
		return nil, fmt.Errorf("ner: reading model: implausible header (%d rows, scale %v)", rows, m.scale)
	}
	m.nLabels = int(nLabels)
	L := m.nLabels
	keys := make([]uint64, rows)
	weights := make([]int16, int(rows)*L)
	m.trans = make([]float32, (L+1)*L)
	m.final = make([]float32, L)
	get(keys)
	get(weights)
	get(m.trans)
	get(m.final)
	if err != nil {
		return nil, fmt.Errorf("ner: reading model: %w", noEOF(err))
	}
	// Re-impose the BILOU constraints so that a damaged file can not make
	// the decoder emit malformed spans.
	constrain(m.trans, m.final, L)
	if err := m.buildTable(keys, weights); err != nil {
		return nil, fmt.Errorf("ner: reading model: %w", err)
	}
	return m, nil
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
