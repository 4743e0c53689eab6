// Package qr draws QR codes (ISO/IEC 18004) for the leaflet's web
// addresses.
//
// Encode takes a string and returns the QR code's modules, row by row,
// dark ones true, without a quiet zone. It always uses error correction
// level M (about 15% of the code can be lost) and the smallest version,
// 1 to 40, that holds the text, in one segment of the densest mode that
// can write all of it: numeric for digits only, alphanumeric for
// 0-9, A-Z, space and $%*+-./: only, else byte mode (the string's UTF-8
// bytes, without an ECI header, as most readers expect).
//
// The result is module for module what github.com/boombuler/barcode/qr
// v1.1.0 draws for Encode(s, qr.M, qr.Auto), which the leaflet used
// before: the same version, mode, padding and mask. Like it, the mask is
// chosen by the penalty rules of ISO/IEC 18004 7.8.3 with rule 3
// counting a finder-like pattern 1011101 with four light modules on
// either side only where all eleven modules lie inside the symbol. It
// differs in one place on purpose: boombuler writes a string such as
// "+12" or "-0" in numeric mode (it reads groups of digits with
// strconv.Atoi, which takes a sign), and a reader then sees "012" or "00";
// here a sign makes the string alphanumeric, so the code reads back as
// written.
//
// The work is done on byte grids, one byte a module, with the masks read
// from a small periodic table, so that choosing the mask, which draws the
// symbol eight times and scores each, costs tens of microseconds rather
// than milliseconds.
package qr

import (
	"errors"
	"fmt"
)

// maxVersion is the largest QR code version, 177 modules square.
const maxVersion = 40

// MaxBytes is the longest text, in UTF-8 bytes, that Encode takes in
// byte mode: what version 40 at level M holds. Digits-only and
// alphanumeric text may be longer (5596 and 3391 characters).
const MaxBytes = 2331

// ErrTooLong is the error Encode returns, wrapped, when the text does not
// fit in a version 40 QR code at level M.
var ErrTooLong = errors.New("too long for a QR code")

// mode is a QR code encoding mode; its value is the 4-bit mode indicator.
type mode int

const (
	numeric      mode = 1
	alphanumeric mode = 2
	byteMode     mode = 4
)

// Encode returns the QR code of s at error correction level M, as rows of
// modules, dark ones true, with no quiet zone; every row is as long as
// there are rows. It fails, with an error wrapping ErrTooLong, when s
// does not fit in the largest version.
func Encode(s string) ([][]bool, error) {
	// Each mode is denser than the next, so when the densest that can
	// write s does not fit, none does.
	m := modeOf(s)
	version, ok := versionFor(m, len(s))
	if !ok {
		l := limits[m]
		return nil, fmt.Errorf("%d %s: %w (at most %d)", len(s), l.unit, ErrTooLong, l.max)
	}
	b := levelM[version-1]
	data := dataCodewords(s, m, version, b.dataBytes())
	sym := newSymbol(version)
	sym.place(codewords(data, b))
	return sym.best(), nil
}

// limits are the most characters version 40 at level M holds in each
// mode, and what a character is called in an error message.
var limits = map[mode]struct {
	max  int
	unit string
}{
	numeric:      {5596, "digits"},
	alphanumeric: {3391, "characters"},
	byteMode:     {MaxBytes, "bytes of text"},
}

// modeOf returns the densest mode that can write all of s.
func modeOf(s string) mode {
	m := numeric
	for i := range len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case alnumValue[c] >= 0:
			m = alphanumeric
		default:
			return byteMode
		}
	}
	return m
}

// alnumValue is the value of each byte in alphanumeric mode, or -1 where
// the mode cannot write it.
var alnumValue = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i, c := range "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:" {
		v[c] = int8(i)
	}
	return v
}()

// countBits is the width of the character count field of mode m in
// version v (ISO/IEC 18004 Table 3).
func countBits(m mode, v int) int {
	i := 0
	switch {
	case v >= 27:
		i = 2
	case v >= 10:
		i = 1
	}
	switch m {
	case numeric:
		return [3]int{10, 12, 14}[i]
	case alphanumeric:
		return [3]int{9, 11, 13}[i]
	}
	return [3]int{8, 16, 16}[i]
}

// payloadBits is the number of bits n characters take in mode m, after
// the mode indicator and character count.
func payloadBits(m mode, n int) int {
	switch m {
	case numeric:
		return n/3*10 + [3]int{0, 4, 7}[n%3]
	case alphanumeric:
		return n/2*11 + n%2*6
	}
	return n * 8
}

// versionFor returns the smallest version whose data codewords hold the
// mode indicator, character count and n characters in mode m; the
// terminator need not fit.
func versionFor(m mode, n int) (int, bool) {
	bits := 4 + payloadBits(m, n)
	for v := 1; v <= maxVersion; v++ {
		if levelM[v-1].dataBytes()*8 >= bits+countBits(m, v) {
			return v, true
		}
	}
	return 0, false
}
