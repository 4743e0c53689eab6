package pdf

import (
	"strings"
	"testing"
)

// TestFillRectOnGrid checks that rectangles on one square grid, as a QR
// code's modules, are written in whole cells under one cm, with runs of
// the same columns in consecutive rows joined, and that rectangles off
// any grid, or too few to pay for the cm, are written in points.
func TestFillRectOnGrid(t *testing.T) {
	// 2 pt modules, the top-left corner at (10, 20), rows 0 to 5:
	//   ##.#
	//   ##.#
	//   .###
	//   ....
	//   #.#.
	//   #...
	grid := func(x, y, w, h float64) Rect { return Rect{X: 10 + 2*x, Y: 20 + 2*y, W: 2 * w, H: 2 * h} }
	onGrid := []Rect{grid(0, 0, 2, 1), grid(3, 0, 1, 1), grid(0, 1, 2, 1), grid(3, 1, 1, 1), grid(1, 2, 3, 1),
		grid(0, 4, 1, 1), grid(2, 4, 1, 1), grid(0, 5, 1, 1)}
	offGrid := append(append([]Rect(nil), onGrid[:7]...), Rect{X: 10.5, Y: 30, W: 2, H: 2})
	tests := []struct {
		name string
		rs   []Rect
		want string
	}{
		{"on a grid", onGrid, "0 0 0 rg\nq 2 0 0 -2 10 821.89 cm\n0 0 2 2 re\n3 0 1 2 re\n1 2 3 1 re\n0 4 1 2 re\n2 4 1 1 re\nf\nQ\n"},
		{"one off the grid", offGrid, "0 0 0 rg\n10 819.89 4 2 re\n"},
		{"too few", onGrid[:3], "0 0 0 rg\n10 819.89 4 2 re\n16 819.89 2 2 re\n10 817.89 4 2 re\nf\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New(Info{Title: "t", Lang: "en"})
			p := d.AddPage(A4)
			fig := d.Root().Add(Figure)
			fig.Alt = "a code"
			p.Begin(fig)
			p.FillRect(Color{}, tt.rs...)
			p.End()
			got := string(p.content)
			if !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tt.want)
			}
			if want := [4]float64{10, 841.89 - 20 - 12, 18, 841.89 - 20}; fig.bbox != want && tt.name == "on a grid" {
				t.Errorf("Figure BBox %v, want %v", fig.bbox, want)
			}
		})
	}
}
