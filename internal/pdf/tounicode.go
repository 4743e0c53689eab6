package pdf

import (
	"strconv"
	"unicode/utf8"
)

// The fixed parts of a ToUnicode CMap (ISO 32000-1, 9.10.3) for two-byte
// codes.
const (
	cmapHead = "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n" +
		"/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n"
	cmapTail = "endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n"
)

// noText is what a glyph drawn only without text of its own (the second
// glyph of a cluster, a Nastaliq dot) maps to: U+034F COMBINING GRAPHEME
// JOINER. The cluster's text is on its first glyph, so this glyph should
// add nothing, but every glyph drawn needs an entry (PDF/UA-1 7.21.7).
// Measured with the readers the tests use: an empty mapping makes pdf.js
// invent a character from the glyph id and mupdf print U+FFFD; U+200B and
// U+2060 make pdf.js drop the space after the cluster. U+034F is invisible,
// ignored by search and speech (Default_Ignorable_Code_Point), combining,
// so it stays inside its cluster, and all three keep the text around it.
const noText = "\u034F"

func glyphText(s string) string {
	if s == "" {
		return noText
	}
	return s
}

// appendToUnicode writes the ToUnicode CMap of the glyphs used: each
// glyph id to the text it was drawn with, or noText. Consecutive glyph
// ids that stand for consecutive characters, as a font's letters and
// digits often do, share one bfrange entry (their ids and characters
// differing in the last byte only, as ISO 32000-1, 9.10.3 asks); the
// others get a bfchar entry each. Ranges made a Latin leaflet's maps a
// third smaller.
func appendToUnicode(b []byte, used []uint16, text map[uint16]string) []byte {
	b = append(b, cmapHead...)
	var chars []uint16
	var ranges [][2]uint16 // the first and last glyph of each range
	for i := 0; i < len(used); {
		j := i
		for j+1 < len(used) && used[j+1] == used[j]+1 && used[j+1]>>8 == used[i]>>8 && nextChar(text[used[j]], text[used[j+1]]) {
			j++
		}
		if j > i {
			ranges = append(ranges, [2]uint16{used[i], used[j]})
		} else {
			chars = append(chars, used[i])
		}
		i = j + 1
	}
	b = appendBlocks(b, "bfchar", len(chars), func(b []byte, k int) []byte {
		b = append(appendHex16(append(b, '<'), chars[k]), "><"...)
		return append(appendUTF16Hex(b, glyphText(text[chars[k]])), ">\n"...)
	})
	b = appendBlocks(b, "bfrange", len(ranges), func(b []byte, k int) []byte {
		r := ranges[k]
		b = append(appendHex16(append(b, '<'), r[0]), "><"...)
		b = append(appendHex16(b, r[1]), "><"...)
		return append(appendUTF16Hex(b, text[r[0]]), ">\n"...)
	})
	return append(b, cmapTail...)
}

// nextChar reports whether b is the one character after a, both a single
// character of the Basic Multilingual Plane, in the same block of 256: the
// next entry of a bfrange. (Decoding UTF-8 never gives a surrogate, so
// each is one UTF-16 code unit.)
func nextChar(a, b string) bool {
	ra, na := utf8.DecodeRuneInString(a)
	rb, nb := utf8.DecodeRuneInString(b)
	return na == len(a) && nb == len(b) && na > 0 && ra != utf8.RuneError && rb == ra+1 &&
		rb < 0x10000 && ra>>8 == rb>>8
}

// appendBlocks writes n entries of a CMap section, at most 100 to a block
// (ISO 32000-1, 9.10.3), each written by entry.
func appendBlocks(b []byte, section string, n int, entry func(b []byte, k int) []byte) []byte {
	for start := 0; start < n; start += 100 {
		end := min(start+100, n)
		b = strconv.AppendInt(b, int64(end-start), 10)
		b = append(append(append(b, " begin"...), section...), '\n')
		for k := start; k < end; k++ {
			b = entry(b, k)
		}
		b = append(append(append(b, "end"...), section...), '\n')
	}
	return b
}
