package qr

// symbol is a QR code being drawn: its modules row by row, one byte each
// (1 dark), and which of them are function patterns, format or version
// information, so that data and masks leave them alone.
type symbol struct {
	version int
	dim     int    // modules per side, 17 + 4·version
	mods    []byte // mods[y*dim+x] is the module in row y, column x
	fixed   []bool // set where mods is not data
	data    []int  // the data modules' indexes, in placement order
}

// newSymbol returns a symbol of the version with its function patterns,
// version information and dark module drawn and its format information
// areas reserved.
func newSymbol(version int) *symbol {
	dim := 17 + 4*version
	s := &symbol{version: version, dim: dim, mods: make([]byte, dim*dim), fixed: make([]bool, dim*dim)}
	s.finder(0, 0)
	s.finder(0, dim-7)
	s.finder(dim-7, 0)
	for _, y := range alignment[version-1] {
		for _, x := range alignment[version-1] {
			if !s.fixed[y*dim+x] { // not under a finder pattern
				s.align(x, y)
			}
		}
	}
	for i := range dim { // timing patterns, where alignment left room
		s.setFree(i, 6, i%2 == 0)
		s.setFree(6, i, i%2 == 0)
	}
	s.set(8, dim-8, true) // the dark module
	if version >= 7 {
		v := versionBits(version)
		for i := range 18 {
			dark := v>>i&1 == 1
			s.set(dim-11+i%3, i/3, dark)
			s.set(i/3, dim-11+i%3, dark)
		}
	}
	for _, c := range s.formatCells() { // best writes the bits
		s.fixed[c[0]], s.fixed[c[1]] = true, true
	}
	return s
}

// set draws the module at column x, row y and marks it fixed.
func (s *symbol) set(x, y int, dark bool) {
	i := y*s.dim + x
	s.mods[i] = 0
	if dark {
		s.mods[i] = 1
	}
	s.fixed[i] = true
}

// setFree draws the module at column x, row y if it is not fixed yet.
func (s *symbol) setFree(x, y int, dark bool) {
	if !s.fixed[y*s.dim+x] {
		s.set(x, y, dark)
	}
}

// finder draws a finder pattern with its top left corner at column x0,
// row y0, and the light separator around it where it lies inside the
// symbol.
func (s *symbol) finder(x0, y0 int) {
	for dy := -1; dy <= 7; dy++ {
		for dx := -1; dx <= 7; dx++ {
			x, y := x0+dx, y0+dy
			if x < 0 || y < 0 || x >= s.dim || y >= s.dim {
				continue
			}
			ring := max(abs(dx-3), abs(dy-3)) // 0 at the centre
			s.set(x, y, ring != 2 && ring != 4)
		}
	}
}

// align draws an alignment pattern centred on column cx, row cy.
func (s *symbol) align(cx, cy int) {
	for dy := -2; dy <= 2; dy++ {
		for dx := -2; dx <= 2; dx++ {
			s.set(cx+dx, cy+dy, max(abs(dx), abs(dy)) != 1)
		}
	}
}

// formatCells returns the indexes of the modules of the 15 format bits,
// most significant first, in both places: along row 8 from the left and
// up column 8 from the bottom, then down column 8 from the top and along
// row 8 to the right edge, skipping the timing patterns (ISO/IEC 18004
// Figure 25).
func (s *symbol) formatCells() (cells [15][2]int) {
	d := s.dim
	at := func(x, y int) int { return y*d + x }
	for i := range 15 {
		switch {
		case i < 6:
			cells[i][0] = at(i, 8)
		case i < 8:
			cells[i][0] = at(i+1, 8)
		case i == 8:
			cells[i][0] = at(8, 7)
		default:
			cells[i][0] = at(8, 14-i) // rows 5 to 0, above the timing pattern
		}
		if i < 7 {
			cells[i][1] = at(8, d-1-i)
		} else {
			cells[i][1] = at(d-15+i, 8)
		}
	}
	return cells
}

// place writes the codewords' bits, most significant first, into the
// modules that are not fixed (ISO/IEC 18004 7.7.3): in pairs of columns
// from the right, going up then down in turn, right column first,
// skipping the vertical timing pattern's column. Modules left over after
// the last codeword stay light. It records the order in s.data.
func (s *symbol) place(cw []byte) {
	d := s.dim
	s.data = make([]int, 0, d*d)
	k := 0
	up := true
	for x := d - 1; x > 0; x -= 2 {
		if x == 6 {
			x--
		}
		for n := range d {
			y := n
			if up {
				y = d - 1 - n
			}
			for _, i := range [2]int{y*d + x, y*d + x - 1} {
				if s.fixed[i] {
					continue
				}
				if k < len(cw)*8 && cw[k>>3]>>(7-k&7)&1 == 1 {
					s.mods[i] = 1
				}
				s.data = append(s.data, i)
				k++
			}
		}
		up = !up
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
