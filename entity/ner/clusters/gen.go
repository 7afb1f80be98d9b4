//go:build ignore

// gen.go derives word clusters from unlabelled English text and writes
// clusters.txt. Run it with go generate (NEWSGRAPH_DATA names the data
// folder):
//
//	NEWSGRAPH_DATA=/path/to/data go generate ./entity/ner/clusters
//
// Method: every word form (case kept, digits mapped to 0) among the most
// frequent is described by the words one and two places to its left and
// right (the most frequent lower-cased forms; rarer ones by their shape);
// the counts are weighted by positive pointwise mutual information (context
// distribution smoothed by 0.75), reduced to 100 dimensions by a randomized
// SVD, normalised, and split in two again and again by 2-means (bisecting
// k-means), which gives each word a path of up to 16 bits, as Brown
// clustering does. Everything is seeded: the same data gives the same file.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gonum.org/v1/gonum/mat"
)

var (
	vocabSize = flag.Int("words", 60000, "words clustered (the most frequent)")
	minCount  = flag.Int("mincount", 5, "least count of a clustered word")
	ctxSize   = flag.Int("contexts", 3000, "context words (the most frequent lower-cased forms)")
	dims      = flag.Int("dims", 100, "dimensions kept by the SVD")
	depth     = flag.Int("depth", 16, "longest path, in bits")
	minLeaf   = flag.Int("minleaf", 4, "clusters smaller than this are not split")
	seed      = flag.Uint64("seed", 1, "random seed")
	out       = flag.String("o", "clusters.txt", "output file")
)

// source is one corpus read for its text alone.
type source struct {
	path, format, notice string
}

var sources = []source{
	{"wh_briefings/wh_briefing_room.jsonl", "jsonl", "White House Briefing Room text 2021-2026 (github.com/brian14708/wh-briefings, commit 737ca03a), US Government work, public domain (17 U.S.C. 105); repository CC0 1.0"},
	{"broad_twitter_corpus/btc.train", "cols", "Broad Twitter Corpus (Derczynski, Bontcheva and Roberts 2016), train split, CC BY 4.0"},
	{"wnut17/wnut17train.conll", "cols", "WNUT-17 Emerging and Rare Entities (Derczynski et al. 2017), train split, CC BY 4.0"},
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("clusters/gen: ")
	flag.Parse()
	dir := os.Getenv("NEWSGRAPH_DATA")
	if dir == "" {
		log.Fatal("NEWSGRAPH_DATA is not set: set it to the data folder")
	}
	start := time.Now()
	var sents [][]string
	for _, s := range sources {
		n0 := len(sents)
		var err error
		sents, err = read(filepath.Join(dir, s.path), s.format, sents)
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("%s: %d sentences", s.path, len(sents)-n0)
	}
	// Vocabulary: word forms by count.
	count := map[string]int{}
	lower := map[string]int{}
	tokens := 0
	for _, s := range sents {
		for _, w := range s {
			count[w]++
			lower[strings.ToLower(w)]++
			tokens++
		}
	}
	vocab := byCount(count, *minCount, *vocabSize)
	ctxWords := byCount(lower, 1, *ctxSize)
	log.Printf("%d tokens, %d forms, %d clustered, %d context words (%.1fs)", tokens, len(count), len(vocab), len(ctxWords), time.Since(start).Seconds())
	row := map[string]int32{}
	for i, w := range vocab {
		row[w] = int32(i)
	}
	// Context columns: for each of the offsets -2, -1, +1, +2, a column per
	// context word and per shape class of other words.
	shapesN := len(shapeClasses)
	per := len(ctxWords) + shapesN
	col := map[string]int32{}
	for i, w := range ctxWords {
		col[w] = int32(i)
	}
	offsets := []int{-2, -1, 1, 2}
	C := per * len(offsets)
	cells := map[uint64]float64{}
	for _, s := range sents {
		for i, w := range s {
			r, ok := row[w]
			if !ok {
				continue
			}
			for oi, o := range offsets {
				j := i + o
				var c int32
				switch {
				case j < 0:
					c = int32(len(ctxWords)) + shapeIndex("<s>")
				case j >= len(s):
					c = int32(len(ctxWords)) + shapeIndex("</s>")
				default:
					if k, ok := col[strings.ToLower(s[j])]; ok {
						c = k
					} else {
						c = int32(len(ctxWords)) + shapeIndex(s[j])
					}
				}
				cells[uint64(r)*uint64(C)+uint64(oi*per)+uint64(c)]++
			}
		}
	}
	log.Printf("%d non-zero cells (%.1fs)", len(cells), time.Since(start).Seconds())
	// PPMI with context distribution smoothing.
	R := len(vocab)
	rowSum := make([]float64, R)
	colSum := make([]float64, C)
	total := 0.0
	for k, v := range cells {
		rowSum[k/uint64(C)] += v
		colSum[k%uint64(C)] += v
		total += v
	}
	colP := make([]float64, C)
	z := 0.0
	for c, v := range colSum {
		colP[c] = math.Pow(v, 0.75)
		z += colP[c]
	}
	A := &csr{rows: R, cols: C, start: make([]int, R+1)}
	keys := make([]uint64, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		r, c := int(k/uint64(C)), int(k%uint64(C))
		pmi := math.Log(cells[k] / total / (rowSum[r] / total * colP[c] / z))
		if pmi <= 0 {
			continue
		}
		A.col = append(A.col, int32(c))
		A.val = append(A.val, pmi)
		A.start[r+1] = len(A.col)
	}
	for r := 1; r <= R; r++ {
		A.start[r] = max(A.start[r], A.start[r-1])
	}
	cells = nil
	log.Printf("PPMI: %d positive cells (%.1fs)", len(A.col), time.Since(start).Seconds())
	emb := rsvd(A, *dims, 20, 3, rand.New(rand.NewPCG(*seed, 0x737664)))
	log.Printf("SVD done (%.1fs)", time.Since(start).Seconds())
	paths := bisect(emb, R, *dims, *depth, *minLeaf, rand.New(rand.NewPCG(*seed, 0x6b6d)))
	log.Printf("clustered (%.1fs)", time.Since(start).Seconds())
	if err := write(*out, vocab, paths, tokens, len(count)); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%.1fs)", *out, time.Since(start).Seconds())
}

// byCount returns the keys with count at least min, most frequent first
// (ties by byte order), at most n of them.
func byCount(m map[string]int, min, n int) []string {
	var ks []string
	for k, c := range m {
		if c >= min {
			ks = append(ks, k)
		}
	}
	sort.Slice(ks, func(i, j int) bool {
		if m[ks[i]] != m[ks[j]] {
			return m[ks[i]] > m[ks[j]]
		}
		return ks[i] < ks[j]
	})
	if len(ks) > n {
		ks = ks[:n]
	}
	return ks
}

var shapeClasses = []string{"<s>", "</s>", "Xx", "X", "x", "d", "p", "o"}

func shapeIndex(w string) int32 {
	if w == "<s>" {
		return 0
	}
	if w == "</s>" {
		return 1
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(r):
		for _, r := range w {
			if unicode.IsLower(r) {
				return 2
			}
		}
		return 3
	case unicode.IsLower(r):
		return 4
	case unicode.IsDigit(r):
		return 5
	case unicode.IsPunct(r):
		return 6
	}
	return 7
}

// norm maps digits to 0, as the tagger does before looking a word up.
func norm(w string) string {
	if !strings.ContainsAny(w, "0123456789") {
		return w
	}
	b := []byte(w)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// read appends the sentences of a file: JSON Lines documents whose "text"
// paragraphs (split at blank lines) are tokenised here, or token-per-line
// columns with blank lines between sentences.
func read(path, format string, sents [][]string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return sents, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	line := 0
	var cur []string
	for sc.Scan() {
		line++
		switch format {
		case "jsonl":
			var d struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				return sents, fmt.Errorf("%s:%d: %v", path, line, err)
			}
			for _, p := range strings.Split(d.Text, "\n") {
				if ws := tokenize(p); len(ws) > 0 {
					sents = append(sents, ws)
				}
			}
		case "cols":
			t := sc.Text()
			if strings.TrimSpace(t) == "" {
				if len(cur) > 0 {
					sents = append(sents, cur)
					cur = nil
				}
				continue
			}
			w, _, _ := strings.Cut(t, "\t")
			cur = append(cur, norm(w))
		}
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	if err := sc.Err(); err != nil {
		return sents, fmt.Errorf("%s:%d: %v", path, line, err)
	}
	return sents, nil
}

// tokenize splits text as CoNLL-2003 is split: at spaces, with
// punctuation, possessive 's and n't as tokens of their own, and
// abbreviations ("U.S.", "J.") kept whole.
func tokenize(s string) []string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "—", " -- ", "–", "-").Replace(s)
	var out []string
	for _, f := range strings.Fields(s) {
		var tail []string
		for len(f) > 0 && strings.ContainsRune(`"'([{`, rune(f[0])) {
			out = append(out, f[:1])
			f = f[1:]
		}
		for len(f) > 0 {
			c := f[len(f)-1]
			if strings.IndexByte(`"')]},;:!?`, c) >= 0 {
				tail = append(tail, f[len(f)-1:])
				f = f[:len(f)-1]
				continue
			}
			if c == '.' {
				body := f[:len(f)-1]
				if strings.Contains(body, ".") || (len(body) == 1 && body[0] >= 'A' && body[0] <= 'Z') {
					break // an abbreviation
				}
				tail = append(tail, ".")
				f = body
				continue
			}
			break
		}
		if len(f) > 2 && (strings.HasSuffix(f, "'s") || strings.HasSuffix(f, "'S")) {
			tail = append(tail, f[len(f)-2:])
			f = f[:len(f)-2]
		} else if len(f) > 3 && strings.HasSuffix(f, "n't") {
			tail = append(tail, "n't")
			f = f[:len(f)-3]
		}
		if f != "" {
			out = append(out, norm(f))
		}
		for i := len(tail) - 1; i >= 0; i-- {
			out = append(out, tail[i])
		}
	}
	return out
}

// csr is a sparse matrix in compressed sparse row form.
type csr struct {
	rows, cols int
	start      []int
	col        []int32
	val        []float64
}

// mul returns A·X for a dense cols×k X.
func (a *csr) mul(x *mat.Dense) *mat.Dense {
	_, k := x.Dims()
	y := mat.NewDense(a.rows, k, nil)
	xr := x.RawMatrix()
	yr := y.RawMatrix()
	for r := 0; r < a.rows; r++ {
		dst := yr.Data[r*yr.Stride : r*yr.Stride+k]
		for p := a.start[r]; p < a.start[r+1]; p++ {
			v := a.val[p]
			src := xr.Data[int(a.col[p])*xr.Stride : int(a.col[p])*xr.Stride+k]
			for j, s := range src {
				dst[j] += v * s
			}
		}
	}
	return y
}

// mulT returns Aᵀ·Y for a dense rows×k Y.
func (a *csr) mulT(y *mat.Dense) *mat.Dense {
	_, k := y.Dims()
	x := mat.NewDense(a.cols, k, nil)
	xr := x.RawMatrix()
	yr := y.RawMatrix()
	for r := 0; r < a.rows; r++ {
		src := yr.Data[r*yr.Stride : r*yr.Stride+k]
		for p := a.start[r]; p < a.start[r+1]; p++ {
			v := a.val[p]
			dst := xr.Data[int(a.col[p])*xr.Stride : int(a.col[p])*xr.Stride+k]
			for j, s := range src {
				dst[j] += v * s
			}
		}
	}
	return x
}

// orth returns an orthonormal basis of y's columns, by modified
// Gram-Schmidt applied twice (rows×k is tall and thin).
func orth(y *mat.Dense) *mat.Dense {
	r, k := y.Dims()
	cols := make([][]float64, k)
	for j := range k {
		cols[j] = mat.Col(nil, j, y)
	}
	for range 2 {
		for j := range k {
			for i := range j {
				d := 0.0
				for t, v := range cols[j] {
					d += v * cols[i][t]
				}
				for t := range cols[j] {
					cols[j][t] -= d * cols[i][t]
				}
			}
			n := 0.0
			for _, v := range cols[j] {
				n += v * v
			}
			n = math.Sqrt(n)
			if n > 0 {
				for t := range cols[j] {
					cols[j][t] /= n
				}
			}
		}
	}
	q := mat.NewDense(r, k, nil)
	for j := range k {
		q.SetCol(j, cols[j])
	}
	return q
}

// rsvd returns the rows of U·sqrt(S) of a rank-k randomized SVD of A
// (Halko, Martinsson and Tropp 2011), each row normalised to length 1.
func rsvd(a *csr, k, over, power int, rng *rand.Rand) []float64 {
	l := k + over
	omega := mat.NewDense(a.cols, l, nil)
	for i := 0; i < a.cols; i++ {
		for j := 0; j < l; j++ {
			omega.Set(i, j, rng.NormFloat64())
		}
	}
	q := orth(a.mul(omega))
	for range power {
		q = orth(a.mul(orth(a.mulT(q))))
	}
	bt := a.mulT(q) // cols×l = Bᵀ
	var svd mat.SVD
	if !svd.Factorize(bt.T(), mat.SVDThin) {
		log.Fatal("SVD did not converge")
	}
	var ub mat.Dense
	svd.UTo(&ub)
	s := svd.Values(nil)
	var u mat.Dense
	u.Mul(q, &ub)
	out := make([]float64, a.rows*k)
	for r := 0; r < a.rows; r++ {
		row := out[r*k : r*k+k]
		n := 0.0
		for j := range k {
			row[j] = u.At(r, j) * math.Sqrt(s[j])
			n += row[j] * row[j]
		}
		if n > 0 {
			n = math.Sqrt(n)
			for j := range row {
				row[j] /= n
			}
		}
	}
	return out
}

// bisect splits the rows of emb by 2-means recursively and returns each
// row's path as a string of 0s and 1s.
func bisect(emb []float64, n, d, depth, minLeaf int, rng *rand.Rand) []string {
	paths := make([]string, n)
	var split func(ids []int, path string)
	split = func(ids []int, path string) {
		if len(path) >= depth || len(ids) < minLeaf {
			for _, i := range ids {
				paths[i] = path
			}
			return
		}
		a, b := twoMeans(emb, ids, d, rng)
		if len(a) == 0 || len(b) == 0 {
			for _, i := range ids {
				paths[i] = path
			}
			return
		}
		split(a, path+"0")
		split(b, path+"1")
	}
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	split(all, "")
	return paths
}

// twoMeans splits ids in two by k-means with k = 2, seeded with two rows
// picked at random (the second the farthest of a few candidates from the
// first), and returns the half whose first member is the most frequent
// word first, so that paths are stable.
func twoMeans(emb []float64, ids []int, d int, rng *rand.Rand) ([]int, []int) {
	c0 := slices.Clone(emb[ids[rng.IntN(len(ids))]*d:][:d])
	var c1 []float64
	best := -1.0
	for range 10 {
		j := ids[rng.IntN(len(ids))]
		if dd := dist(emb[j*d:][:d], c0); dd > best {
			best, c1 = dd, slices.Clone(emb[j*d:][:d])
		}
	}
	assign := make([]bool, len(ids))
	for it := 0; it < 20; it++ {
		changed := false
		for i, id := range ids {
			v := emb[id*d:][:d]
			b := dist(v, c1) < dist(v, c0)
			if b != assign[i] || it == 0 {
				changed = changed || b != assign[i]
				assign[i] = b
			}
		}
		if !changed && it > 0 {
			break
		}
		clear(c0)
		clear(c1)
		n0, n1 := 0, 0
		for i, id := range ids {
			v := emb[id*d:][:d]
			if assign[i] {
				n1++
				for j, x := range v {
					c1[j] += x
				}
			} else {
				n0++
				for j, x := range v {
					c0[j] += x
				}
			}
		}
		if n0 == 0 || n1 == 0 {
			break
		}
		for j := range d {
			c0[j] /= float64(n0)
			c1[j] /= float64(n1)
		}
	}
	var a, b []int
	for i, id := range ids {
		if assign[i] {
			b = append(b, id)
		} else {
			a = append(a, id)
		}
	}
	if len(a) > 0 && len(b) > 0 && b[0] < a[0] {
		a, b = b, a
	}
	return a, b
}

func dist(a, b []float64) float64 {
	s := 0.0
	for i, x := range a {
		y := x - b[i]
		s += y * y
	}
	return s
}

// write writes the clusters, one line per cluster: its path, a tab, and its
// words separated by spaces, most frequent first; clusters in path order.
func write(path string, vocab, paths []string, tokens, forms int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# Code generated by gen.go; DO NOT EDIT.")
	fmt.Fprintln(w, "#")
	fmt.Fprintf(w, "# Word clusters: %d word forms (case kept, digits as 0) of %d tokens of unlabelled text,\n", len(vocab), tokens)
	fmt.Fprintf(w, "# by PPMI context vectors (words at -2..+2), randomized SVD to %d dimensions and bisecting\n", *dims)
	fmt.Fprintf(w, "# 2-means to at most %d bits (seed %d). Each line: a path, a tab, its words by frequency.\n", *depth, *seed)
	fmt.Fprintln(w, "# Sources (text only, no annotations) and licences:")
	for _, s := range sources {
		fmt.Fprintf(w, "#   %s: %s\n", s.path, s.notice)
	}
	fmt.Fprintln(w, "# This file is derived data; it contains no sentence of the sources.")
	byPath := map[string][]string{}
	for i, p := range paths {
		byPath[p] = append(byPath[p], vocab[i])
	}
	ps := make([]string, 0, len(byPath))
	for p := range byPath {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	for _, p := range ps {
		if p == "" {
			p = "-"
		}
		fmt.Fprintf(w, "%s\t%s\n", p, strings.Join(byPath[strings.TrimPrefix(p, "-")], " "))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
