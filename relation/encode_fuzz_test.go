package relation

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadJSON checks that ReadJSON never panics, and that whatever graph it
// reads, WriteJSON writes JSON that reads back without error to the same
// graph and the same bytes.
func FuzzReadJSON(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "graph.golden.json")); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		``,
		`{}`,
		`{"entities": [], "relations": []}`,
		`{"entities": [{"id": "a"}, {"id": "b", "aliases": ["b", "B"]}], "relations": [{"source": "b", "target": "a", "type": "MEET"}]}`,
		`{"entities": [{"id": "a", "name": "\u00e9"}, {"id": "b"}], "relations": [{"source": "a", "target": "b", "type": "URGE", "negated": true, "modality": "requested", "count": 2, "confidence": 0.5, "evidence": [{"doc": "d", "start": 0, "end": 2, "text": "\u00e9", "cue": "x"}, {"doc": "d", "start": 3, "end": 3}]}]}`,
		`{"entities": [{"id": "a", "mentions": -1}], "relations": [{"source": "a", "target": "a", "type": "MEET"}]}`,
		`{"entities": [{"id": "a"}, {"id": "a"}]} trailing`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		g, _ := ReadJSON(bytes.NewReader(in))
		if g == nil {
			return
		}
		var first bytes.Buffer
		if err := g.WriteJSON(&first); err != nil {
			t.Fatalf("WriteJSON: %v", err)
		}
		again, err := ReadJSON(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("ReadJSON(WriteJSON(g)): %v\n%s", err, first.Bytes())
		}
		if d := diffGraphs(g, again); d != "" {
			t.Errorf("ReadJSON(WriteJSON(g)) (-want +got):\n%s", d)
		}
		var second bytes.Buffer
		if err := again.WriteJSON(&second); err != nil {
			t.Fatalf("WriteJSON: %v", err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("WriteJSON is not stable:\n%s\nthen:\n%s", first.Bytes(), second.Bytes())
		}
	})
}
