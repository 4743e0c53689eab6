package leaflet

import (
	"encoding/binary"
	"errors"
	"slices"
	"unicode/utf16"
)

// A PDF viewer rasterises embedded fonts itself, so the TrueType hinting
// that DejaVu carries (the cvt, fpgm and prep tables and the instructions
// inside each glyph) and the long licence text in its name table only make
// every leaflet bigger: about half of each embedded font. trimFont takes
// them out of a font subset before fpdf sees it. The name table keeps the
// copyright notice, the font's names and the licence's address.

var errFont = errors.New("leaflet: malformed TrueType font")

// keptTables are the tables fpdf needs to subset and embed a font.
var keptTables = []string{"OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"}

// keptNames are the name records kept: copyright, family, subfamily, full
// name, PostScript name and licence URL.
var keptNames = []uint16{0, 1, 2, 4, 6, 14}

// trimFont returns ttf without hinting and with a short name table.
func trimFont(ttf []byte) ([]byte, error) {
	tables := map[string][]byte{}
	for _, tag := range keptTables {
		t, ok := findTable(ttf, tag)
		if !ok {
			return nil, errFont
		}
		tables[tag] = t
	}
	head, maxp := slices.Clone(tables["head"]), slices.Clone(tables["maxp"])
	if len(head) < 54 || len(maxp) < 6 {
		return nil, errFont
	}
	glyf, loca, err := stripGlyphs(tables["glyf"], tables["loca"], int(u16(maxp, 4)), u16(head, 50) == 1)
	if err != nil {
		return nil, err
	}
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	binary.BigEndian.PutUint32(head[8:], 0)  // checksum adjustment, set below
	if len(maxp) >= 28 {
		binary.BigEndian.PutUint16(maxp[26:], 0) // maxSizeOfInstructions
	}
	tables["glyf"], tables["loca"], tables["head"], tables["maxp"] = glyf, loca, head, maxp
	tables["name"] = shortNames(tables["name"])
	out := assembleFont(tables)
	at := headOffset(out)
	binary.BigEndian.PutUint32(out[at+8:], 0xB1B0AFBA-checksum(out))
	return out, nil
}

// stripGlyphs removes the compInstructions from every glyph and returns the
// new glyf table and its loca table with long offsets.
func stripGlyphs(glyf, loca []byte, n int, long bool) ([]byte, []byte, error) {
	offset := func(i int) int {
		if long {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(u16(loca, 2*i))
	}
	if (long && len(loca) < 4*(n+1)) || (!long && len(loca) < 2*(n+1)) {
		return nil, nil, errFont
	}
	var out []byte
	newLoca := make([]byte, 4*(n+1))
	for i := 0; i < n; i++ {
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(out)))
		start, end := offset(i), offset(i+1)
		if start > end || end > len(glyf) {
			return nil, nil, errFont
		}
		g, err := stripGlyph(glyf[start:end])
		if err != nil {
			return nil, nil, err
		}
		out = append(out, g...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(out)))
	return out, newLoca, nil
}

// stripGlyph returns one glyph without its instructions.
func stripGlyph(g []byte) ([]byte, error) {
	if len(g) == 0 {
		return nil, nil
	}
	if len(g) < 10 {
		return nil, errFont
	}
	contours := int16(u16(g, 0))
	if contours >= 0 {
		at := 10 + 2*int(contours) // the instruction length
		if at+2 > len(g) {
			return nil, errFont
		}
		skip := int(u16(g, at))
		if at+2+skip > len(g) {
			return nil, errFont
		}
		out := slices.Clone(g[:at+2])
		binary.BigEndian.PutUint16(out[at:], 0)
		return append(out, g[at+2+skip:]...), nil
	}
	return stripComposite(g)
}

// The flags of a composite glyph's components.
const (
	compArgWords     = 0x0001
	compScale        = 0x0008
	compMore         = 0x0020
	compXYScale      = 0x0040
	compTwoByTwo     = 0x0080
	compInstructions = 0x0100
)

// stripComposite clears the compInstructions flag of a composite glyph's
// components and drops the compInstructions after them.
func stripComposite(g []byte) ([]byte, error) {
	out := slices.Clone(g)
	at := 10
	for {
		if at+4 > len(out) {
			return nil, errFont
		}
		flags := u16(out, at)
		binary.BigEndian.PutUint16(out[at:], flags&^compInstructions)
		size := 4 + 2
		if flags&compArgWords != 0 {
			size = 4 + 4
		}
		switch {
		case flags&compScale != 0:
			size += 2
		case flags&compXYScale != 0:
			size += 4
		case flags&compTwoByTwo != 0:
			size += 8
		}
		at += size
		if flags&compMore == 0 {
			break
		}
	}
	if at > len(out) {
		return nil, errFont
	}
	return out[:at], nil
}

// shortNames keeps the Windows Unicode records of keptNames.
func shortNames(name []byte) []byte {
	type record struct {
		id   uint16
		text []byte
	}
	var recs []record
	if len(name) >= 6 {
		count, strings := int(u16(name, 2)), int(u16(name, 4))
		for i := 0; i < count && 6+12*i+12 <= len(name); i++ {
			r := name[6+12*i:]
			platform, enc, lang, id := u16(r, 0), u16(r, 2), u16(r, 4), u16(r, 6)
			length, off := int(u16(r, 8)), strings+int(u16(r, 10))
			if platform == 3 && enc == 1 && lang == 0x409 && slices.Contains(keptNames, id) && off+length <= len(name) {
				recs = append(recs, record{id, name[off : off+length]})
			}
		}
	}
	if len(recs) == 0 {
		recs = append(recs, record{1, utf16be("DejaVu Sans")})
	}
	slices.SortFunc(recs, func(a, b record) int { return int(a.id) - int(b.id) })
	out := make([]byte, 6+12*len(recs))
	binary.BigEndian.PutUint16(out[2:], uint16(len(recs)))
	binary.BigEndian.PutUint16(out[4:], uint16(len(out)))
	var text []byte
	for i, r := range recs {
		rec := out[6+12*i:]
		for j, v := range []uint16{3, 1, 0x409, r.id, uint16(len(r.text)), uint16(len(text))} {
			binary.BigEndian.PutUint16(rec[2*j:], v)
		}
		text = append(text, r.text...)
	}
	return append(out, text...)
}

func utf16be(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.BigEndian.AppendUint16(b, u)
	}
	return b
}

// assembleFont writes the table directory and the tables, in tag order,
// each padded to four bytes.
func assembleFont(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	pow, log := 1, 0
	for pow*2 <= n {
		pow, log = pow*2, log+1
	}
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	for i, v := range []int{n, pow * 16, log, n*16 - pow*16} {
		binary.BigEndian.PutUint16(out[4+2*i:], uint16(v))
	}
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// checksum is the TrueType table checksum: the sum of its big-endian
// 32-bit words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

func headOffset(ttf []byte) int {
	n := int(u16(ttf, 4))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if string(ttf[rec:rec+4]) == "head" {
			return int(binary.BigEndian.Uint32(ttf[rec+8:]))
		}
	}
	return 0
}
