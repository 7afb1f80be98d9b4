package parse

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta
// 2011) with the root placed at the end of the buffer (Ballesteros and Nivre
// 2013). Tokens are 0..n-1 and the root is n.
//
//	SHIFT  moves the buffer front b0 onto the stack.
//	LEFT   makes b0 the head of the stack top s0 and pops s0.
//	RIGHT  makes s1 the head of s0 and pops s0.
//
// LEFT onto the root is allowed only when s0 is the last item on the stack,
// so every finished parse is a tree with exactly one root word.

const (
	moveShift = iota
	moveLeft
	moveRight
	numMoves
)

// state is a parser configuration plus the bookkeeping features read.
type state struct {
	n     int32
	stack []int32
	b     int32   // buffer front; n is the root
	head  []int32 // -1 until attached; n for the root
	lab   []uint8 // label index + 1; 0 until attached
	lc1   []int32 // leftmost child
	lc2   []int32 // second leftmost child
	rc1   []int32 // rightmost child
	rc2   []int32 // second rightmost child
	nl    []int32 // number of left children
	nr    []int32 // number of right children
	ls    []uint64
	rs    []uint64
}

// reset prepares s for a sentence of n tokens, reusing its storage.
func (s *state) reset(n int) {
	m := n + 1
	grow := func(a []int32) []int32 {
		if cap(a) < m {
			return make([]int32, m)
		}
		return a[:m]
	}
	s.n = int32(n)
	s.stack = s.stack[:0]
	s.b = 0
	s.head, s.lc1, s.lc2, s.rc1, s.rc2 = grow(s.head), grow(s.lc1), grow(s.lc2), grow(s.rc1), grow(s.rc2)
	s.nl, s.nr = grow(s.nl), grow(s.nr)
	if cap(s.lab) < m {
		s.lab = make([]uint8, m)
		s.ls = make([]uint64, m)
		s.rs = make([]uint64, m)
	}
	s.lab, s.ls, s.rs = s.lab[:m], s.ls[:m], s.rs[:m]
	for i := 0; i < m; i++ {
		s.head[i], s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1, -1
		s.nl[i], s.nr[i], s.lab[i], s.ls[i], s.rs[i] = 0, 0, 0, 0, 0
	}
}

func (s *state) done() bool { return s.b == s.n && len(s.stack) == 0 }

// valid reports which moves are allowed.
func (s *state) valid() (ok [numMoves]bool) {
	k := len(s.stack)
	ok[moveShift] = s.b < s.n
	ok[moveLeft] = k > 0 && (s.b < s.n || k == 1)
	ok[moveRight] = k > 1
	return ok
}

// arc returns the head and dependent the move would join (-1, -1 for SHIFT).
func (s *state) arc(move int) (h, d int32) {
	k := len(s.stack)
	switch move {
	case moveLeft:
		return s.b, s.stack[k-1]
	case moveRight:
		return s.stack[k-2], s.stack[k-1]
	}
	return -1, -1
}

// apply performs move; label is the label index of the new arc, if any.
func (s *state) apply(move int, label int) {
	if move == moveShift {
		s.stack = append(s.stack, s.b)
		s.b++
		return
	}
	h, d := s.arc(move)
	s.stack = s.stack[:len(s.stack)-1]
	s.head[d] = h
	s.lab[d] = uint8(label + 1)
	bit := uint64(1) << (uint(label) & 63)
	if d < h {
		s.lc2[h], s.lc1[h] = s.lc1[h], d
		s.nl[h]++
		s.ls[h] |= bit
	} else {
		s.rc2[h], s.rc1[h] = s.rc1[h], d
		s.nr[h]++
		s.rs[h] |= bit
	}
}

// costs returns, for each valid move, how many gold arcs it makes
// unreachable (Goldberg and Nivre 2013). gold[i] is the gold head of token i,
// n for the root.
func (s *state) costs(gold []int32, ok [numMoves]bool) (c [numMoves]int) {
	k := len(s.stack)
	b := s.b
	n := s.n
	if ok[moveShift] {
		// b0 can no longer take a head from the stack below s0, nor take
		// any stack item as a dependent.
		h := gold[b]
		for i, x := range s.stack {
			if gold[x] == b {
				c[moveShift]++
			}
			if h == x && i < k-1 {
				c[moveShift]++
			}
		}
	}
	if k > 0 {
		s0 := s.stack[k-1]
		// Dependents of s0 still in the buffer are lost by popping it.
		deps := 0
		for j := b; j < n; j++ {
			if gold[j] == s0 {
				deps++
			}
		}
		h := gold[s0]
		if ok[moveLeft] {
			c[moveLeft] = deps
			if h != b && ((k > 1 && h == s.stack[k-2]) || h > b) {
				c[moveLeft]++
			}
		}
		if ok[moveRight] {
			c[moveRight] = deps
			if h >= b {
				c[moveRight]++
			}
		}
	}
	return c
}
