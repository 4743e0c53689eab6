package qr

import "math"

// maskTable holds the eight data masks of ISO/IEC 18004 Table 10, each
// as one period of its pattern: every mask repeats every 12 rows and 6
// columns, so maskTable[m][(y%12)*6+x%6] is 1 where mask m darkens the
// module in row y, column x.
var maskTable = func() (t [8][12 * 6]byte) {
	for y := range 12 {
		for x := range 6 {
			for m, on := range [8]bool{
				(y+x)%2 == 0,
				y%2 == 0,
				x%3 == 0,
				(y+x)%3 == 0,
				(y/2+x/3)%2 == 0,
				y*x%2+y*x%3 == 0,
				(y*x%2+y*x%3)%2 == 0,
				((y+x)%2+y*x%3)%2 == 0,
			} {
				if on {
					t[m][y*6+x] = 1
				}
			}
		}
	}
	return t
}()

// best applies each mask to the data modules, writes its format
// information, scores the result with penalty, and returns the modules
// of the first mask with the lowest score as rows, dark ones true.
func (s *symbol) best() [][]bool {
	d := s.dim
	phase := make([]uint8, len(s.data))
	for k, i := range s.data {
		phase[k] = uint8(i/d%12*6 + i%d%6)
	}
	cells := s.formatCells()
	grid := make([]byte, len(s.mods))
	apply := func(m int) {
		copy(grid, s.mods)
		t := &maskTable[m]
		for k, i := range s.data {
			grid[i] ^= t[phase[k]]
		}
		f := formatBits(m)
		for i, c := range cells {
			bit := byte(f >> (14 - i) & 1)
			grid[c[0]], grid[c[1]] = bit, bit
		}
	}
	bestMask, bestScore := 0, math.MaxInt
	for m := range 8 {
		apply(m)
		if p := penalty(grid, d); p < bestScore {
			bestMask, bestScore = m, p
		}
	}
	apply(bestMask)
	flat := make([]bool, len(grid))
	for i, c := range grid {
		flat[i] = c == 1
	}
	rows := make([][]bool, d)
	for y := range rows {
		rows[y] = flat[y*d : (y+1)*d : (y+1)*d]
	}
	return rows
}

// penalty scores the symbol g, dim modules square, by the four rules of
// ISO/IEC 18004 7.8.3: runs of five or more modules of one colour in a
// row or column, 2×2 blocks of one colour, finder-like patterns, and
// how far the share of dark modules is from half.
func penalty(g []byte, dim int) int {
	p := 0
	for y := range dim {
		p += linePenalty(g, y*dim, 1, dim)
	}
	for x := range dim {
		p += linePenalty(g, x, dim, dim)
	}
	return p + blockPenalty(g, dim) + balancePenalty(g)
}

// finderLike are the two 11-module patterns of rule 3, first module
// highest: 1011101 followed or preceded by four light modules.
const (
	finderThenLight = 0b10111010000
	lightThenFinder = 0b00001011101
)

// linePenalty scores rules 1 and 3 along the n modules from g[start] in
// steps of step: a row (step 1) or a column (step dim). A run of k ≥ 5
// modules of one colour scores k-2; each window of 11 modules that
// matches a finderLike pattern scores 40. It is written without branches
// on the modules' colours, which a processor cannot predict.
func linePenalty(g []byte, start, step, n int) int {
	p, run, window := 0, 0, 0
	prev := int(g[start])
	for k, i := 0, start; k < n; k, i = k+1, i+step {
		c := int(g[i])
		run = run*(1-(c^prev)) + 1 // 1 where the colour changes
		p += runScore[min(run, 6)]
		prev = c
		window = (window<<1 | c) & 0x7ff
		if k >= 10 && (window == finderThenLight || window == lightThenFinder) {
			p += 40
		}
	}
	return p
}

// runScore is what the run-th module of a run of one colour adds to rule
// 1: 3 at the fifth, 1 at each after it, so a run of k ≥ 5 scores k-2.
var runScore = [7]int{0, 0, 0, 0, 0, 3, 1}

// blockPenalty scores rule 2: 3 for each 2×2 block of one colour,
// overlapping blocks counted each.
func blockPenalty(g []byte, dim int) int {
	p := 0
	for y := 0; y+1 < dim; y++ {
		top, bottom := g[y*dim:(y+1)*dim], g[(y+1)*dim:(y+2)*dim]
		for x := 0; x+1 < dim; x++ {
			p += blockScore[top[x]+top[x+1]+bottom[x]+bottom[x+1]]
		}
	}
	return p
}

// blockScore is rule 2's score of a 2×2 block by its number of dark
// modules.
var blockScore = [5]int{3, 0, 0, 0, 3}

// balancePenalty scores rule 4: 10 for every full 5% by which the share
// of dark modules is away from 50%, computed in floating point exactly
// as boombuler does, so that ties break the same way.
func balancePenalty(g []byte) int {
	dark := 0
	for _, c := range g {
		dark += int(c)
	}
	perc := float64(dark) * 100 / float64(len(g))
	floor := math.Abs(math.Floor(perc/5) - 10)
	ceil := math.Abs(math.Ceil(perc/5) - 10)
	return int(math.Min(floor, ceil) * 10)
}
