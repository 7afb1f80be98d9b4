package parse

import "math/rand/v2"

// relabeler assigns the relations again once the whole tree is built. At
// the time an arc is made the parser cannot see what comes later (the
// head's other dependents to the right, its own head); the relabeler reads
// the finished tree: the head's head, all the dependent's children, its
// siblings on both sides. It is trained on the treebank's trees.
type relabeler struct {
	table labelTable
}

// tree links the dependents of each token, in sentence order.
type tree struct {
	head  []int32 // n for the root
	first []int32 // first dependent, -1 if none
	next  []int32 // next dependent of the same head, -1 if none
	n     int32
}

func (t *tree) build(head []int32, n int) {
	m := n + 1
	if cap(t.first) < m {
		t.first, t.next = make([]int32, m), make([]int32, m)
	}
	t.first, t.next, t.head, t.n = t.first[:m], t.next[:m], head, int32(n)
	for i := range t.first {
		t.first[i], t.next[i] = -1, -1
	}
	// Link from the right so each list ends up in sentence order.
	for d := n - 1; d >= 0; d-- {
		h := head[d]
		if h < 0 || h > int32(n) {
			continue
		}
		t.next[d] = t.first[h]
		t.first[h] = int32(d)
	}
}

// relabelFeatures appends the features for the relation of token d.
func relabelFeatures(info []tokInfo, t *tree, d int32, out []uint64) []uint64 {
	h := t.head[d]
	dir := uint64(0)
	dist := h - d
	if d > h {
		dir, dist = 1, d-h
	}
	tk := func(x int32) *tokInfo {
		if x < 0 || x > t.n {
			return &noneInfo
		}
		return &info[x]
	}
	dv, hv := tk(d), tk(h)
	g := int32(-1)
	if h < t.n {
		g = t.head[h]
	}
	gv := tk(g)
	db := distBucket(dist)
	x := func(k uint64) uint64 { return k*2 + dir }
	prev, next := tk(d-1), tk(d+1)
	out = append(out,
		f1(x(301), dv.w), f1(x(302), dv.p), f2(x(303), dv.w, dv.p), f1(x(304), hv.w), f1(x(305), hv.p),
		f2(x(306), hv.w, hv.p), f2(x(307), hv.p, dv.p), f2(x(308), hv.w, dv.p), f2(x(309), hv.p, dv.w),
		f2(x(310), hv.w, dv.w), f2(x(311), dv.p, db), f3(x(312), hv.p, dv.p, db), f3(x(313), gv.p, hv.p, dv.p),
		f2(x(314), gv.w, dv.p), f1(x(315), dv.sfx), f1(x(316), dv.shp), f2(x(317), dv.q, dv.p),
		f3(x(318), prev.p, dv.p, next.p), f2(x(319), prev.w, dv.p), f2(x(320), next.w, dv.p),
	)
	// The dependent's own dependents: their tags and words ("by", "'s", "to").
	nk := uint64(0)
	for c := t.first[d]; c >= 0; c = t.next[c] {
		side := uint64(0)
		if c > d {
			side = 1
		}
		cv := &info[c]
		out = append(out, f3(x(321), side, cv.p, dv.p), f3(x(322), side, cv.w, dv.p), f3(x(323), cv.p, dv.p, hv.p))
		nk++
	}
	// Siblings: the head's other dependents, on which side of d.
	ns := uint64(0)
	for s := t.first[h]; s >= 0; s = t.next[s] {
		if s == d {
			continue
		}
		side := uint64(0)
		if s > d {
			side = 1
		}
		sv := &info[s]
		out = append(out, f3(x(324), side, sv.p, dv.p), f3(x(325), side, sv.w, dv.p))
		ns++
	}
	return append(out, f2(x(326), min(nk, 4), dv.p), f2(x(327), min(ns, 5), hv.p))
}

var noneInfo = tokInfo{w: hashNone, p: hashNone, q: hashNone, sfx: hashNone, shp: hashNone}

// relabel sets the relation of every token whose head is not the root.
func (r *relabeler) relabel(info []tokInfo, t *tree, lab []uint8, root int, feats []uint64, sc []int32) []uint64 {
	for d := int32(0); d < t.n; d++ {
		if t.head[d] == t.n || t.head[d] < 0 {
			continue
		}
		feats = relabelFeatures(info, t, d, feats[:0])
		for i := range sc {
			sc[i] = 0
		}
		r.table.add(feats, sc)
		best := -1
		for l, v := range sc {
			if l != root && (best < 0 || v > sc[best]) {
				best = l
			}
		}
		lab[d] = uint8(best + 1)
	}
	return feats
}

// trainRelabeler trains on gold trees: heads[i] and labels[i] per sentence,
// infos[i] the token hashes with jackknifed tags.
func trainRelabeler(infos [][]tokInfo, heads [][]int32, labels [][]int, nlab, root, epochs int, seed uint64, prune float64) *relabeler {
	tr := newLabelTrainer(nlab)
	rng := rand.New(rand.NewPCG(seed, 0x72656c))
	order := make([]int, len(infos))
	for i := range order {
		order[i] = i
	}
	sc := make([]float32, nlab)
	var feats []uint64
	var t tree
	now := int32(1)
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			n := len(labels[k])
			t.build(heads[k], n)
			for d := int32(0); d < int32(n); d++ {
				if heads[k][d] == int32(n) {
					continue
				}
				feats = relabelFeatures(infos[k], &t, d, feats[:0])
				for i := range sc {
					sc[i] = 0
				}
				tr.score(feats, sc)
				best := -1
				for l, v := range sc {
					if l != root && (best < 0 || v > sc[best]) {
						best = l
					}
				}
				if gold := labels[k][d]; best != gold {
					tr.update(feats, gold, best, now)
				}
				now++
			}
		}
	}
	return &relabeler{table: tr.freeze(now, prune)}
}
