package parse

// Feature templates in the style of Zhang and Nivre (2011), adapted to the
// arc-hybrid system: the stack top s0 has no head yet, so s1 takes the place
// of Zhang and Nivre's s0h.

// view reads the hashes of one position of the configuration.
type view struct {
	w, p, q, l, sfx, shp uint64
}

func (s *state) view(info []tokInfo, x int32) view {
	if x < 0 {
		return view{hashNone, hashNone, hashNone, hashNone, hashNone, hashNone}
	}
	t := &info[x]
	return view{t.w, t.p, t.q, uint64(s.lab[x]), t.sfx, t.shp}
}

func at(a []int32, x int32) int32 {
	if x < 0 {
		return -1
	}
	return a[x]
}

// moveFeatures appends the features for choosing the next move.
func (s *state) moveFeatures(info []tokInfo, out []uint64) []uint64 {
	k := len(s.stack)
	s0i, s1i, s2i := int32(-1), int32(-1), int32(-1)
	if k > 0 {
		s0i = s.stack[k-1]
	}
	if k > 1 {
		s1i = s.stack[k-2]
	}
	if k > 2 {
		s2i = s.stack[k-3]
	}
	b0i := s.b
	b1i, b2i := int32(-1), int32(-1)
	if b0i+1 <= s.n {
		b1i = b0i + 1
	}
	if b0i+2 <= s.n {
		b2i = b0i + 2
	}
	s0, s1, s2 := s.view(info, s0i), s.view(info, s1i), s.view(info, s2i)
	b0, b1, b2 := s.view(info, b0i), s.view(info, b1i), s.view(info, b2i)
	s0l, s0l2 := s.view(info, at(s.lc1, s0i)), s.view(info, at(s.lc2, s0i))
	s0r, s0r2 := s.view(info, at(s.rc1, s0i)), s.view(info, at(s.rc2, s0i))
	s1l, s1r := s.view(info, at(s.lc1, s1i)), s.view(info, at(s.rc1, s1i))
	s1r2 := s.view(info, at(s.rc2, s1i))
	b0l, b0l2 := s.view(info, at(s.lc1, b0i)), s.view(info, at(s.lc2, b0i))

	// Neighbours in the sentence, not in the configuration.
	var prevB, nextS0, prevS0 view
	if b0i > 0 {
		prevB = s.view(info, b0i-1)
	} else {
		prevB = s.view(info, -1)
	}
	if s0i >= 0 {
		nextS0 = s.view(info, s0i+1)
		prevS0 = s.view(info, s0i-1)
	} else {
		nextS0, prevS0 = s.view(info, -1), s.view(info, -1)
	}

	var d, d2 uint64 = 0, 0
	if s0i >= 0 {
		d = distBucket(b0i - s0i)
		if b0i == s.n {
			d = 8
		}
	}
	if s1i >= 0 {
		d2 = distBucket(s0i - s1i)
	}
	var s0vl, s0vr, s1vl, s1vr, b0vl uint64
	var s0sl, s0sr, s1sl, s1sr, b0sl uint64 = hashNone, hashNone, hashNone, hashNone, hashNone
	if s0i >= 0 {
		s0vl, s0vr, s0sl, s0sr = valency(s.nl[s0i]), valency(s.nr[s0i]), s.ls[s0i], s.rs[s0i]
	}
	if s1i >= 0 {
		s1vl, s1vr, s1sl, s1sr = valency(s.nl[s1i]), valency(s.nr[s1i]), s.ls[s1i], s.rs[s1i]
	}
	b0vl, b0sl = valency(s.nl[b0i]), s.ls[b0i]
	sk := uint64(k)
	if sk > 3 {
		sk = 3
	}

	out = append(out,
		// single positions
		f1(1, s0.w), f1(2, s0.p), f2(3, s0.w, s0.p),
		f1(4, b0.w), f1(5, b0.p), f2(6, b0.w, b0.p),
		f1(7, b1.w), f1(8, b1.p), f2(9, b1.w, b1.p),
		f1(10, b2.w), f1(11, b2.p), f2(12, b2.w, b2.p),
		f1(13, s1.w), f1(14, s1.p), f2(15, s1.w, s1.p),
		f1(16, s2.p), f1(17, s2.w),
		// pairs
		f3(20, s0.w, s0.p, mix(b0.w, b0.p)), f3(21, s0.w, s0.p, b0.w), f3(22, s0.w, b0.w, b0.p),
		f3(23, s0.w, s0.p, b0.p), f3(24, s0.p, b0.w, b0.p), f2(25, s0.w, b0.w), f2(26, s0.p, b0.p),
		f2(27, b0.p, b1.p),
		f3(28, s1.w, s1.p, mix(s0.w, s0.p)), f2(29, s1.w, s0.w), f2(30, s1.p, s0.p),
		f3(31, s1.w, s1.p, s0.p), f3(32, s1.p, s0.w, s0.p),
		f2(33, b0.w, b1.w), f3(34, b0.w, b0.p, b1.p), f3(35, b0.p, b1.w, b1.p),
		// triples
		f3(40, b0.p, b1.p, b2.p), f3(41, s0.p, b0.p, b1.p), f3(42, s1.p, s0.p, b0.p),
		f3(43, s0.p, s0l.p, b0.p), f3(44, s0.p, s0r.p, b0.p), f3(45, s0.p, b0.p, b0l.p),
		f3(46, s1.p, s1r.p, s0.p), f3(47, s1.p, s0.p, s0l.p), f3(48, s1.p, s0.p, s0r.p),
		f3(49, s2.p, s1.p, s0.p), f3(50, s1.p, s0.p, b1.p), f3(51, s1.p, s1l.p, s0.p),
		f3(52, s1.w, s0.p, b0.p), f3(53, s1.p, s0.w, b0.p), f3(54, s1.p, s0.p, b0.w),
		// distance
		f2(60, s0.w, d), f2(61, s0.p, d), f2(62, b0.w, d), f2(63, b0.p, d),
		f3(64, s0.w, b0.w, d), f3(65, s0.p, b0.p, d), f3(66, s1.p, s0.p, d2),
		f3(67, s1.w, s0.w, d2), f2(68, s1.w, d2), f2(69, s0.w, d2),
		// valency
		f2(70, s0.w, s0vr), f2(71, s0.p, s0vr), f2(72, s0.w, s0vl), f2(73, s0.p, s0vl),
		f2(74, b0.w, b0vl), f2(75, b0.p, b0vl), f2(76, s1.w, s1vr), f2(77, s1.p, s1vr),
		f2(78, s1.p, s1vl),
		// children
		f1(80, s0l.w), f1(81, s0l.p), f1(82, s0l.l), f1(83, s0r.w), f1(84, s0r.p), f1(85, s0r.l),
		f1(86, b0l.w), f1(87, b0l.p), f1(88, b0l.l), f1(89, s1r.w), f1(90, s1r.p), f1(91, s1r.l),
		f1(92, s1l.p), f1(93, s1l.l),
		// second children
		f1(100, s0l2.w), f1(101, s0l2.p), f1(102, s0l2.l), f1(103, s0r2.w), f1(104, s0r2.p),
		f1(105, s0r2.l), f1(106, b0l2.w), f1(107, b0l2.p), f1(108, b0l2.l),
		f3(109, s0.p, s0l.l, s0l2.l), f3(110, s0.p, s0r.l, s0r2.l), f3(111, b0.p, b0l.l, b0l2.l),
		f3(112, s0.p, s0l.p, s0l2.p), f3(113, s0.p, s0r.p, s0r2.p), f3(114, b0.p, b0l.p, b0l2.p),
		f3(115, s1.p, s1r.l, s1r2.l),
		// label sets
		f2(120, s0.w, s0sr), f2(121, s0.p, s0sr), f2(122, s0.w, s0sl), f2(123, s0.p, s0sl),
		f2(124, b0.w, b0sl), f2(125, b0.p, b0sl), f2(126, s1.p, s1sr), f2(127, s1.p, s1sl),
		// spelling
		f1(130, b0.sfx), f1(131, s0.sfx), f1(132, b0.shp), f1(133, s0.shp),
		f1(134, b1.sfx), f1(135, s1.sfx), f2(136, b0.sfx, s0.p), f2(137, s0.sfx, b0.p),
		f2(138, s0.shp, b0.shp),
		// sentence neighbours and stack depth
		f2(140, prevB.p, b0.p), f3(141, s0.p, nextS0.p, b0.p), f3(142, prevS0.p, s0.p, b0.p),
		f3(143, prevB.p, b0.p, s0.p), f2(144, prevB.w, b0.p),
		f2(150, sk, b0.p), f3(151, sk, s0.p, b0.p),
		// tags as given, beside the refined ones
		f3(170, s0.p, b0.p, between(info, s0i, b0i)), f2(171, s0.w, between(info, s0i, b0i)),
		f3(172, s1.p, s0.p, between(info, s1i, s0i)),
		f2(160, b0.q, b0.p), f2(161, s0.q, s0.p), f2(162, s0.q, b0.q), f1(163, b1.q),
	)
	placeFeatures(out)
	return out
}

// labelFeatures appends the features for labelling the arc h → d to out:
// the two words, their tags and spelling, distance and direction, the
// dependent's finished subtree, the head's children so far and the words
// around the arc. Each template is tied to the arc's direction.
func (s *state) labelFeatures(info []tokInfo, h, d int32, out []uint64) []uint64 {
	dir := uint64(0)
	dist := h - d
	if d > h {
		dir, dist = 1, d-h
	}
	db := distBucket(dist)
	if h == s.n {
		db = 8
	}
	dv, hv := s.view(info, d), s.view(info, h)
	dl, dr := s.view(info, s.lc1[d]), s.view(info, s.rc1[d])
	dl2 := s.view(info, s.lc2[d])
	hl, hr := s.view(info, s.lc1[h]), s.view(info, s.rc1[h])
	prev, next := s.view(info, d-1), s.view(info, d+1)
	if d+1 > s.n {
		next = s.view(info, -1)
	}
	var hp view
	if dir == 0 {
		hp = s.view(info, h-1) // token before a head to the right
	} else {
		hp = s.view(info, h+1)
	}
	b0, b1 := s.view(info, s.b), s.view(info, -1)
	if s.b+1 <= s.n {
		b1 = s.view(info, s.b+1)
	}
	t := func(x uint64) uint64 { return 1000 + x*2 + dir }
	out = append(out,
		f1(t(1), dv.w), f1(t(2), dv.p), f2(t(3), dv.w, dv.p),
		f1(t(4), hv.w), f1(t(5), hv.p), f2(t(6), hv.w, hv.p),
		f2(t(7), hv.p, dv.p), f2(t(8), hv.w, dv.p), f2(t(9), hv.p, dv.w), f2(t(10), hv.w, dv.w),
		f2(t(11), dv.p, db), f3(t(12), hv.p, dv.p, db),
		f2(t(13), dl.l, dl.w), f2(t(14), dv.p, dl.l), f3(t(15), dv.p, dl.l, dl.w),
		f2(t(16), dr.l, dr.w), f2(t(17), dv.p, dr.l),
		f2(t(18), dv.p, s.ls[d]), f2(t(19), dv.p, s.rs[d]), f3(t(20), dv.p, s.ls[d], s.rs[d]),
		f2(t(21), hv.p, s.ls[h]), f2(t(22), hv.p, s.rs[h]), f3(t(23), hv.p, dv.p, s.ls[h]),
		f3(t(24), hv.p, dv.p, s.rs[h]), f2(t(25), hl.l, dv.p), f2(t(26), hr.l, dv.p),
		f1(t(27), dv.sfx), f1(t(28), hv.sfx), f1(t(29), dv.shp), f2(t(30), dv.shp, hv.p),
		f3(t(31), prev.p, dv.p, next.p), f2(t(32), hv.w, dl.w), f3(t(33), hv.p, dl.w, dv.p),
		f3(t(34), dl2.l, dl.l, dv.p), f2(t(35), hp.p, hv.p), f3(t(36), hv.w, dv.p, s.ls[h]),
		f2(t(37), dv.w, dl.w), f2(t(38), prev.w, dv.p), f3(t(39), dv.w, hv.p, db),
		f3(t(40), dv.p, uint64(s.nl[d]), uint64(s.nr[d])),
		f2(t(41), dv.q, dv.p), f2(t(42), hv.q, dv.q),
		f3(t(48), hv.p, dv.p, between(info, min(h, d), max(h, d))),
		// the configuration around the arc and more of the dependent
		f3(t(50), b0.p, hv.p, dv.p), f2(t(51), b1.p, dv.p), f3(t(52), hv.w, dv.w, dv.p),
		f3(t(53), dv.w, dv.p, db), f2(t(54), next.w, dv.p), f3(t(55), hv.p, next.p, dv.p),
	)
	placeFeatures(out)
	return out
}
