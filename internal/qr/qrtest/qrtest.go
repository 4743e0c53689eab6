// Package qrtest holds what the tests of package qr and of the leaflet
// compare QR codes with: the code github.com/boombuler/barcode/qr draws,
// which the leaflet used before it had its own encoder, and a way to say
// how two codes differ. Only tests import it.
package qrtest

import (
	"fmt"

	boombuler "github.com/boombuler/barcode/qr"
)

// Boombuler returns boombuler's QR code of s at level M in the mode given
// (boombuler.Auto, as the leaflet used it), as rows of modules, dark ones
// true.
func Boombuler(s string, mode boombuler.Encoding) ([][]bool, error) {
	code, err := boombuler.Encode(s, boombuler.M, mode)
	if err != nil {
		return nil, err
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
	return m, nil
}

// Diff describes how the module matrix got differs from want, with the
// first module that differs, or returns "" when they are the same.
func Diff(got, want [][]bool) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d rows, want %d (version %d, want %d)", len(got), len(want), (len(got)-17)/4, (len(want)-17)/4)
	}
	n := 0
	first := ""
	for y := range want {
		if len(got[y]) != len(want[y]) {
			return fmt.Sprintf("row %d has %d modules, want %d", y, len(got[y]), len(want[y]))
		}
		for x := range want[y] {
			if got[y][x] != want[y][x] {
				if n == 0 {
					first = fmt.Sprintf("row %d, column %d is dark=%v", y, x, got[y][x])
				}
				n++
			}
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d modules differ, first %s", n, first)
}
