package relation

import "math"

// point is a position in the picture of a graph.
type point struct{ X, Y float64 }

// forceLayout places n nodes joined by links in a w×h box with the
// force-directed method of Fruchterman and Reingold: linked nodes attract,
// nodes closer than twice the ideal distance repel, a pull towards the centre keeps components together,
// and the moves cool over a fixed number of rounds. It starts from a circle
// in node order and uses no randomness, so the same graph always gets the
// same picture. The result is scaled to fill the box less margin.
func forceLayout(n int, links [][2]int, w, h, margin float64) []point {
	pos := make([]point, n)
	if n == 0 {
		return pos
	}
	cx, cy := w/2, h/2
	for i := range pos {
		a := 2*math.Pi*float64(i)/float64(n) - math.Pi/2
		pos[i] = point{cx + float64(w/3*math.Cos(a)), cy + float64(h/3*math.Sin(a))}
	}
	k := math.Sqrt(w * h / float64(n))
	temp := w / 8
	disp := make([]point, n)
	const rounds = 400
	for range rounds {
		for i := range disp {
			disp[i] = point{}
		}
		for i := range n {
			for j := i + 1; j < n; j++ {
				dx, dy := pos[i].X-pos[j].X, pos[i].Y-pos[j].Y
				d := max(math.Hypot(dx, dy), 0.01)
				if d > 2*k {
					continue // as in the grid variant: far nodes do not repel
				}
				f := float64(k*k) / d / d
				disp[i].X += float64(dx * f)
				disp[i].Y += float64(dy * f)
				disp[j].X -= float64(dx * f)
				disp[j].Y -= float64(dy * f)
			}
		}
		for _, l := range links {
			u, v := l[0], l[1]
			dx, dy := pos[u].X-pos[v].X, pos[u].Y-pos[v].Y
			d := max(math.Hypot(dx, dy), 0.01)
			f := d / k
			disp[u].X -= float64(dx * f)
			disp[u].Y -= float64(dy * f)
			disp[v].X += float64(dx * f)
			disp[v].Y += float64(dy * f)
		}
		for i := range pos {
			// Gravity, so that components without a link between them
			// stay together.
			disp[i].X -= float64((pos[i].X - cx) * 0.15)
			disp[i].Y -= float64((pos[i].Y - cy) * 0.15)
			d := math.Hypot(disp[i].X, disp[i].Y)
			if d > 0 {
				step := min(d, temp) / d
				pos[i].X += float64(disp[i].X * step)
				pos[i].Y += float64(disp[i].Y * step)
			}
		}
		temp = max(float64(temp*0.985), 0.5)
	}
	return fit(pos, w, h, margin)
}

// fit scales and moves pos to fill the w×h box less margin on every side. The
// two axes scale apart, by at most 1.5 times as much one as the other, so a
// wide drawing fills a wide box without losing its shape; a point alone, or
// a line of points, is centred.
func fit(pos []point, w, h, margin float64) []point {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = min(minX, p.X), max(maxX, p.X)
		minY, maxY = min(minY, p.Y), max(maxY, p.Y)
	}
	sx, sy := math.Inf(1), math.Inf(1)
	if bw := maxX - minX; bw > 1e-9 {
		sx = (w - 2*margin) / bw
	}
	if bh := maxY - minY; bh > 1e-9 {
		sy = (h - 2*margin) / bh
	}
	const stretch = 1.5
	switch {
	case math.IsInf(sx, 1) && math.IsInf(sy, 1):
		sx, sy = 0, 0
	case math.IsInf(sx, 1):
		sx = 0
	case math.IsInf(sy, 1):
		sy = 0
	default:
		sx, sy = min(sx, stretch*sy), min(sy, stretch*sx)
	}
	out := make([]point, len(pos))
	for i, p := range pos {
		out[i] = point{
			X: w/2 + float64((p.X-(minX+maxX)/2)*sx),
			Y: h/2 + float64((p.Y-(minY+maxY)/2)*sy),
		}
	}
	return out
}
