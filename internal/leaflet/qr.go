package leaflet

import (
	"fmt"

	"github.com/boombuler/barcode/qr"
)

// qrCode returns the modules of the QR code for url, dark ones true,
// encoding each address once per Renderer.
func (r *Renderer) qrCode(url string) ([][]bool, error) {
	if m, ok := r.qr.Load(url); ok {
		return m.([][]bool), nil
	}
	code, err := qr.Encode(url, qr.M, qr.Auto)
	if err != nil {
		return nil, fmt.Errorf("leaflet: QR code for %s: %w", url, err)
	}
	b := code.Bounds()
	m := make([][]bool, b.Dy())
	for y := range m {
		m[y] = make([]bool, b.Dx())
		for x := range m[y] {
			c, _, _, _ := code.At(b.Min.X+x, b.Min.Y+y).RGBA()
			m[y][x] = c < 0x8000
		}
	}
	r.qr.Store(url, m)
	return m, nil
}

// drawQR draws the modules as vector squares, size millimetres wide, with
// its top left corner at x, y: one rectangle per run of dark modules in a
// row, so the code stays sharp at any scale and costs little to draw.
func (p *printer) drawQR(m [][]bool, x, y, size float64) {
	if len(m) == 0 {
		return
	}
	unit := size / float64(len(m))
	p.pdf.SetFillColor(0, 0, 0)
	for row, mods := range m {
		for col := 0; col < len(mods); {
			if !mods[col] {
				col++
				continue
			}
			start := col
			for col < len(mods) && mods[col] {
				col++
			}
			p.pdf.Rect(x+float64(start)*unit, y+float64(row)*unit, float64(col-start)*unit, unit, "F")
		}
	}
}
