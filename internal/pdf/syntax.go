package pdf

import (
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// objects writes PDF objects into one buffer, remembering where each one
// starts for the cross-reference table.
type objects struct {
	buf     []byte
	offsets []int // offsets[n-1] is where object n starts; -1 until written
	scratch []byte
	packed  packer // objects other than streams, for the object stream
}

// alloc reserves the next object number.
func (w *objects) alloc() int {
	w.offsets = append(w.offsets, -1)
	return len(w.offsets)
}

// open starts object n and returns its buffer to append the body to.
func (w *objects) open(n int) {
	if !w.packed.inStream {
		w.packed.begin(n, len(w.buf))
		return
	}
	w.offsets[n-1] = len(w.buf)
	w.buf = strconv.AppendInt(w.buf, int64(n), 10)
	w.buf = append(w.buf, " 0 obj\n"...)
}

func (w *objects) close() {
	if !w.packed.inStream {
		w.buf = w.packed.end(w.buf)
		return
	}
	w.buf = append(w.buf, "\nendobj\n"...)
}

// stream writes object n as a stream with the dictionary entries dict
// (without the << >>), compressing data with Flate when compress is set.
func (w *objects) stream(n int, dict []byte, data []byte, compress bool) {
	if !compress {
		w.streamObject(n, dict, data, false)
		return
	}
	w.scratch = deflate(w.scratch[:0], data)
	w.streamObject(n, dict, w.scratch, true)
}

// compressed writes object n as a stream of data already compressed.
func (w *objects) compressed(n int, dict []byte, data []byte) {
	w.streamObject(n, dict, data, true)
}

func (w *objects) streamObject(n int, dict []byte, data []byte, compress bool) {
	w.packed.inStream = true
	defer func() { w.packed.inStream = false }()
	w.open(n)
	w.buf = append(w.buf, "<<"...)
	w.buf = append(w.buf, dict...)
	if compress {
		w.buf = append(w.buf, "/Filter/FlateDecode"...)
	}
	w.buf = append(w.buf, "/Length "...)
	w.buf = strconv.AppendInt(w.buf, int64(len(data)), 10)
	w.buf = append(w.buf, ">>\nstream\n"...)
	w.buf = append(w.buf, data...)
	w.buf = append(w.buf, "\nendstream"...)
	w.close()
}

// appendPadded writes v in decimal, zero-padded to width digits.
func appendPadded(b []byte, v, width int) []byte {
	var d [20]byte
	s := strconv.AppendInt(d[:0], int64(v), 10)
	for range width - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}

// appendRef writes an indirect reference "n 0 R".
func appendRef(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, " 0 R"...)
}

// appendNum writes v with at most three decimals and no exponent, the
// precision of the numbers outside content streams (a thousandth of a
// point, or of a thousandth of an em). Callers pass finite values only.
func appendNum(b []byte, v float64) []byte { return appendDecimal(b, v, 1000) }

// appendCoord writes a position or length of a content stream (in points)
// with at most two decimals: a hundredth of a point is a third of a
// micrometre on paper and a fiftieth of a pixel at 150 dpi, and the third
// decimal made a page's content a tenth larger.
func appendCoord(b []byte, v float64) []byte { return appendDecimal(b, v, 100) }

// appendDecimal writes v rounded to 1/unit (unit 10, 100 or 1000) with
// no trailing zeros and no exponent.
func appendDecimal(b []byte, v float64, unit int64) []byte {
	n := int64(math.Round(v * float64(unit)))
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/unit, 10)
	frac := n % unit
	if frac == 0 {
		return b
	}
	b = append(b, '.')
	for frac != 0 {
		unit /= 10
		b = append(b, byte('0'+frac/unit))
		frac %= unit
	}
	return b
}

// appendName writes a PDF name, escaping with #xx every byte that is not
// a regular character (ISO 32000-1, 7.3.5).
func appendName(b []byte, s string) []byte {
	b = append(b, '/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || isDelimiter(c) || c == '#' {
			b = append(b, '#', hexDigits[c>>4], hexDigits[c&15])
			continue
		}
		b = append(b, c)
	}
	return b
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

const hexDigits = "0123456789ABCDEF"

// appendTextString writes a PDF text string: a literal string when s is
// printable ASCII, otherwise UTF-16BE with a byte order mark (ISO
// 32000-1, 7.9.2.2), as the bytes themselves in a literal string, which
// is half the size of hex digits (the ActualText of an Urdu leaflet was
// 15 KB of its 34 KB of objects). Invalid UTF-8 becomes U+FFFD.
func appendTextString(b []byte, s string) []byte {
	if isPrintableASCII(s) {
		return appendLiteral(b, s)
	}
	b = appendUTF16(append(b, "(\376\377"...), s, appendUTF16Unit)
	return append(b, ')')
}

// appendUTF16 writes s as UTF-16BE code units, each with unit.
func appendUTF16(b []byte, s string, unit func([]byte, uint16) []byte) []byte {
	for _, r := range s {
		if r >= 0x10000 {
			r1, r2 := utf16.EncodeRune(r)
			b = unit(unit(b, uint16(r1)), uint16(r2))
			continue
		}
		b = unit(b, uint16(r))
	}
	return b
}

// appendUTF16Unit writes one UTF-16BE code unit into a literal string,
// escaping the bytes a reader would take for the string's end, an escape
// or an end of line (which it reads as a line feed whatever it was, ISO
// 32000-1, 7.3.4.2).
func appendUTF16Unit(b []byte, u uint16) []byte {
	for _, c := range [2]byte{byte(u >> 8), byte(u)} {
		switch c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, c)
		}
	}
	return b
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] >= utf8.RuneSelf || s[i] == 0x7f {
			return false
		}
	}
	return true
}

// appendLiteral writes a literal string of printable ASCII.
func appendLiteral(b []byte, s string) []byte {
	b = append(b, '(')
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '(' || c == ')' || c == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return append(b, ')')
}

// appendHex16 writes v as four hex digits.
func appendHex16(b []byte, v uint16) []byte {
	return append(b, hexDigits[v>>12], hexDigits[v>>8&15], hexDigits[v>>4&15], hexDigits[v&15])
}

// appendUTF16Hex writes s as UTF-16BE hex digits, without brackets (for
// ToUnicode destinations).
func appendUTF16Hex(b []byte, s string) []byte {
	return appendUTF16(b, s, appendHex16)
}
