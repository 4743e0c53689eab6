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
