package parse

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkTree fails unless head (as left in a state: n for the root) is a tree
// over n tokens with exactly one root word.
func checkTree(t *testing.T, head []int32, n int) {
	t.Helper()
	roots := 0
	for i := 0; i < n; i++ {
		h := head[i]
		if h < 0 || h > int32(n) || h == int32(i) {
			t.Fatalf("token %d has head %d", i, h)
		}
		if h == int32(n) {
			roots++
		}
		// Walk up: must reach the root within n steps.
		x, steps := int32(i), 0
		for x != int32(n) {
			x = head[x]
			if steps++; steps > n {
				t.Fatalf("cycle through token %d: heads %v", i, head[:n])
			}
		}
	}
	if roots != 1 {
		t.Fatalf("%d roots: heads %v", roots, head[:n])
	}
}

// TestOracleReachesGold follows the zero-cost moves of the dynamic oracle
// on projective trees and checks they rebuild the gold tree exactly.
func TestOracleReachesGold(t *testing.T) {
	tests := []struct {
		name string
		gold []int32 // heads; len(gold) is the root
	}{
		{"one word", []int32{1}},
		{"chain right", []int32{3, 0, 1}},
		{"chain left", []int32{1, 2, 3}},
		// "France accused Russia of attacking Ukraine ."
		{"sentence", []int32{1, 7, 1, 4, 1, 4, 1}},
		{"flat", []int32{2, 2, 5, 2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := len(tt.gold)
			gold := append(append([]int32(nil), tt.gold...), -1)
			var st state
			st.reset(n)
			for steps := 0; !st.done(); steps++ {
				if steps > 2*n+1 {
					t.Fatal("too many moves")
				}
				ok := st.valid()
				c := st.costs(gold, ok)
				move := -1
				for m := 0; m < numMoves; m++ {
					if ok[m] && c[m] == 0 {
						move = m
						break
					}
				}
				if move < 0 {
					t.Fatalf("no zero-cost move: valid %v costs %v", ok, c)
				}
				st.apply(move, 0)
			}
			if d := cmp.Diff(tt.gold, st.head[:n]); d != "" {
				t.Errorf("heads (-gold +got):\n%s", d)
			}
		})
	}
}

// TestRandomMovesMakeTrees checks that any sequence of valid moves ends in
// a well-formed tree.
func TestRandomMovesMakeTrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var st state
	for trial := 0; trial < 2000; trial++ {
		n := 1 + rng.IntN(30)
		st.reset(n)
		for !st.done() {
			ok := st.valid()
			var moves []int
			for m := 0; m < numMoves; m++ {
				if ok[m] {
					moves = append(moves, m)
				}
			}
			if len(moves) == 0 {
				t.Fatalf("stuck: stack %v b %d n %d", st.stack, st.b, n)
			}
			st.apply(moves[rng.IntN(len(moves))], rng.IntN(60))
		}
		checkTree(t, st.head, n)
	}
}

// TestFeatureCountsFixed checks that each classifier's feature list has the
// same length in every configuration, at most maxTemplates, with each
// feature's position in its top byte: the tables give every position a
// region of its own.
func TestFeatureCountsFixed(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var st state
	counts := map[string]int{}
	check := func(what string, feats []uint64) {
		t.Helper()
		if c, ok := counts[what]; ok && c != len(feats) {
			t.Fatalf("%s: %d features, earlier %d", what, len(feats), c)
		}
		counts[what] = len(feats)
		if len(feats) > maxTemplates {
			t.Fatalf("%s: %d features, more than %d", what, len(feats), maxTemplates)
		}
		for i, f := range feats {
			if regionOf(f) != i {
				t.Fatalf("%s: feature %d carries position %d", what, i, regionOf(f))
			}
		}
	}
	var feats []uint64
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.IntN(20)
		words, tags := make([]string, n), make([]string, n)
		for i := range words {
			words[i] = []string{"The", "bank", "said", ",", "on", "Monday", "."}[rng.IntN(7)]
			tags[i] = []string{"DT", "NN", "VBD", ",", "IN", "NNP", "."}[rng.IntN(7)]
		}
		info := make([]tokInfo, n+1)
		fillInfo(info, words, tags, nil)
		chosen := make([]uint64, n)
		for i := range n {
			feats = tagFeatures(info, chosen, i, feats[:0])
			check("tag", feats)
		}
		fillCounts(info, n)
		st.reset(n)
		for !st.done() {
			feats = st.moveFeatures(info, feats[:0])
			check("move", feats)
			ok := st.valid()
			var moves []int
			for m := 0; m < numMoves; m++ {
				if ok[m] {
					moves = append(moves, m)
				}
			}
			m := moves[rng.IntN(len(moves))]
			if m != moveShift {
				h, d := st.arc(m)
				feats = st.labelFeatures(info, h, d, feats[:0])
				check("label", feats)
			}
			st.apply(m, 1+rng.IntN(40))
		}
	}
	if len(counts) != 3 {
		t.Fatalf("saw %v", counts)
	}
}

// TestLoadRejectsFullRegion checks that a model with a region that has no
// empty slot, where a lookup of an absent feature would never end, is
// refused.
func TestLoadRejectsFullRegion(t *testing.T) {
	empty := func() labelTable { return labelTable{slots: make([]labelSlot, 4), regs: []region{{0, 3}}} }
	p := &Parser{labels: []string{"root"}, tagger: &retagger{tags: []string{"NN"}, table: empty()}, labs: empty()}
	p.moves = moveTable{slots: make([]moveSlot, 4), regs: []region{{0, 3}}}
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := FromBytes(buf.Bytes()); err != nil {
		t.Fatalf("model with empty tables: %v", err)
	}
	for i := range p.moves.slots {
		p.moves.slots[i].fp = uint16(2*i + 1)
	}
	buf.Reset()
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := FromBytes(buf.Bytes()); err == nil || !strings.Contains(err.Error(), "full") {
		t.Fatalf("model with a full region: error %v, want one saying it is full", err)
	}
}

// TestLoadRejectsOversizedTable checks that a version 2 model whose table
// has far more slots than its used ones need is refused before the table
// is allocated: a few bytes must not ask for hundreds of megabytes. (A
// version 3 model stores every slot, so its tables are never larger than
// its data: see TestLoadRejectsShortTable.)
func TestLoadRejectsOversizedTable(t *testing.T) {
	empty := func() labelTable { return labelTable{slots: make([]labelSlot, 4), regs: []region{{0, 3}}} }
	p := &Parser{labels: []string{"root"}, tagger: &retagger{tags: []string{"NN"}, table: empty()}, labs: empty()}
	p.moves = moveTable{slots: make([]moveSlot, 1<<16), regs: []region{{0, 1<<16 - 1}}}
	p.moves.slots[0].fp = 1
	var buf bytes.Buffer
	if err := p.saveV2(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := FromBytes(buf.Bytes()); err == nil || !strings.Contains(err.Error(), "larger than its data") {
		t.Fatalf("model with 65536 slots and one used: error %v, want one saying the table is larger than its data", err)
	}
}
