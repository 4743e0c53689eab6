package pdf

import "strconv"

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
// glyph id to the text it was drawn with, or noText.
func appendToUnicode(b []byte, used []uint16, text map[uint16]string) []byte {
	b = append(b, cmapHead...)
	for start := 0; start < len(used); start += 100 { // at most 100 per block
		block := used[start:min(start+100, len(used))]
		b = strconv.AppendInt(b, int64(len(block)), 10)
		b = append(b, " beginbfchar\n"...)
		for _, g := range block {
			b = append(appendHex16(append(b, '<'), g), "><"...)
			b = append(appendUTF16Hex(b, glyphText(text[g])), ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, cmapTail...)
}
