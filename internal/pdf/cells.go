package pdf

import "math"

// minCells is the number of rectangles from which FillRect looks for a
// grid: a QR code has hundreds.
const minCells = 8

// cell is a rectangle in whole cells of a grid: column, row, width and
// height.
type cell struct{ x, y, w, h int }

// appendCells writes rectangles that all lie on one square grid, such as a
// QR code's modules, as whole cells: it scales the grid's cell to one unit
// (cm, inside q ... Q) and fills each rectangle as four small whole
// numbers, joining a rectangle to the one above it where they have the
// same columns. A QR code takes a quarter of the bytes it took as
// rectangles in points, and neighbouring cells share their edges exactly.
// It reports false, writing nothing, when rs is short or not on a grid.
func (p *Page) appendCells(b []byte, rs []Rect) ([]byte, bool) {
	cells, unit, ok := onGrid(rs)
	if !ok {
		return b, false
	}
	x0, y0 := rs[0].X-float64(cells[0].x)*unit, rs[0].Y-float64(cells[0].y)*unit
	b = append(b, "q "...)
	b = append(appendNum(b, unit), " 0 0 "...)
	b = append(appendNum(b, -unit), ' ')
	b = append(appendCoordPair(b, x0, p.size.Height-y0), " cm\n"...)
	for _, c := range joinRows(cells) {
		b = appendInt(b, c.x)
		b = appendInt(append(b, ' '), c.y)
		b = appendInt(append(b, ' '), c.w)
		b = appendInt(append(b, ' '), c.h)
		b = append(b, " re\n"...)
	}
	return append(b, "f\nQ\n"...), true
}

// onGrid finds a square grid that every rectangle of rs fills whole
// cells of, its cell the height of the first one and its origin the
// top-left corner of the rectangles, and returns the rectangles in cells.
func onGrid(rs []Rect) ([]cell, float64, bool) {
	if len(rs) < minCells || !(rs[0].H > 0) {
		return nil, 0, false
	}
	unit := rs[0].H
	x0, y0 := rs[0].X, rs[0].Y
	for _, r := range rs {
		x0, y0 = math.Min(x0, r.X), math.Min(y0, r.Y)
	}
	cells := make([]cell, len(rs))
	for i, r := range rs {
		var v [4]int
		for j, f := range [4]float64{(r.X - x0) / unit, (r.Y - y0) / unit, r.W / unit, r.H / unit} {
			n := math.Round(f)
			if math.Abs(f-n) > 1e-6 || n > 1e4 || (j >= 2 && n < 1) {
				return nil, 0, false
			}
			v[j] = int(n)
		}
		cells[i] = cell{v[0], v[1], v[2], v[3]}
	}
	return cells, unit, true
}

// joinRows joins each cell rectangle to one that ends right above it
// with the same columns, keeping the order of the first of each.
func joinRows(cells []cell) []cell {
	type key struct{ x, w, end int }
	open := make(map[key]int, len(cells))
	out := make([]cell, 0, len(cells))
	for _, c := range cells {
		if i, ok := open[key{c.x, c.w, c.y}]; ok {
			delete(open, key{c.x, c.w, c.y})
			out[i].h += c.h
			open[key{c.x, c.w, c.y + c.h}] = i
			continue
		}
		open[key{c.x, c.w, c.y + c.h}] = len(out)
		out = append(out, c)
	}
	return out
}
