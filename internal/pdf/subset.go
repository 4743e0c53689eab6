package pdf

import (
	"encoding/binary"
	"math/bits"
)

// glyphSet is a set of glyph ids, one bit each.
type glyphSet []uint64

func newGlyphSet(numGlyphs int) glyphSet { return make(glyphSet, (numGlyphs+63)/64) }

func (s glyphSet) has(g uint16) bool { return s[g>>6]&(1<<(g&63)) != 0 }
func (s glyphSet) add(g uint16)      { s[g>>6] |= 1 << (g & 63) }

// list appends the set's glyph ids to dst in increasing order.
func (s glyphSet) list(dst []uint16) []uint16 {
	for i, w := range s {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			dst = append(dst, uint16(i*64+b))
			w &^= 1 << b
		}
	}
	return dst
}

// closure returns the glyphs a subset must hold to draw used: glyph 0
// (.notdef, which PDF viewers expect), the glyphs themselves, and every
// component of a composite glyph, however deeply nested.
func (f *Font) closure(used []uint16) glyphSet {
	set := newGlyphSet(f.numGlyphs)
	stack := append(append(make([]uint16, 0, len(used)+8), used...), 0)
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if set.has(g) {
			continue
		}
		set.add(g)
		for _, c := range f.components[g] {
			if !set.has(c) {
				stack = append(stack, c)
			}
		}
	}
	return set
}

// subsetTables are the tables of a subset font, in the order of their
// tags, which is the order the table directory must list them in. PDF
// needs no more (ISO 32000-1, 9.9): cmap, name, post, OS/2 and the
// layout tables (GSUB, GPOS, GDEF, kern) and DSIG are dropped, because the
// PDF positions every glyph itself. The hinting (cvt, fpgm, prep and each
// glyph's instructions) goes too: it tunes outlines for coarse screen
// pixels, which PDF viewers and printers barely use, and it was 40% of a
// subset of Noto Sans (measured on the benchmark document).
var subsetTables = [...]string{"glyf", "head", "hhea", "hmtx", "loca", "maxp"}

// subsetTrueType appends to dst a TrueType font that holds only the
// glyphs of keep, with their glyph ids unchanged: the glyf table has every
// other glyph empty, and the glyph count ends at the highest kept id.
func (f *Font) subsetTrueType(dst []byte, keep glyphSet) []byte {
	ids := keep.list(nil)
	n := int(ids[len(ids)-1]) + 1
	glyf := make([]byte, 0, 1024)
	offsets := make([]uint32, n+1)
	next := 0
	for _, g := range ids {
		for ; next <= int(g); next++ {
			offsets[next] = uint32(len(glyf))
		}
		glyf = appendUnhinted(glyf, f.glyph(g))
		if len(glyf)%2 == 1 {
			glyf = append(glyf, 0)
		}
	}
	offsets[n] = uint32(len(glyf))
	short := len(glyf) <= 2*0xFFFF
	tables := make([][]byte, len(subsetTables))
	for i, tag := range subsetTables {
		switch tag {
		case "glyf":
			tables[i] = glyf
		case "loca":
			tables[i] = locaTable(offsets, short)
		case "hmtx":
			tables[i] = f.hmtxTable(ids, n)
		case "head":
			tables[i] = withU16(f.head, 50, boolU16(!short))
			binary.BigEndian.PutUint32(tables[i][8:], 0) // checkSumAdjustment, set below
		case "hhea":
			tables[i] = withU16(f.hhea, 34, uint16(n))
		case "maxp":
			tables[i] = withU16(f.maxp, 4, uint16(n))
		}
	}
	return writeSfnt(dst, tables)
}

func boolU16(b bool) uint16 {
	if b {
		return 1
	}
	return 0
}

// withU16 returns a copy of table with the 16-bit field at off replaced.
func withU16(table []byte, off int, v uint16) []byte {
	t := append([]byte(nil), table...)
	binary.BigEndian.PutUint16(t[off:], v)
	return t
}

func locaTable(offsets []uint32, short bool) []byte {
	if short {
		b := make([]byte, 2*len(offsets))
		for i, o := range offsets {
			binary.BigEndian.PutUint16(b[2*i:], uint16(o/2))
		}
		return b
	}
	b := make([]byte, 4*len(offsets))
	for i, o := range offsets {
		binary.BigEndian.PutUint32(b[4*i:], o)
	}
	return b
}

// hmtxTable writes a full metric for each of the n glyphs: the kept ones
// keep theirs, the others get zeros (which compress to nearly nothing).
func (f *Font) hmtxTable(ids []uint16, n int) []byte {
	b := make([]byte, 4*n)
	for _, g := range ids {
		binary.BigEndian.PutUint16(b[4*int(g):], f.advances[g])
		binary.BigEndian.PutUint16(b[4*int(g)+2:], uint16(f.lsbs[g]))
	}
	return b
}

// writeSfnt appends an sfnt file of the given tables (tagged as in
// subsetTables; nil ones are left out) with its directory, each table's
// checksum and the head table's checkSumAdjustment.
func writeSfnt(dst []byte, tables [][]byte) []byte {
	count := 0
	for _, t := range tables {
		if t != nil {
			count++
		}
	}
	start := len(dst)
	entrySelector := bits.Len(uint(count)) - 1
	searchRange := 16 << entrySelector
	dst = binary.BigEndian.AppendUint32(dst, 0x00010000)
	dst = binary.BigEndian.AppendUint16(dst, uint16(count))
	dst = binary.BigEndian.AppendUint16(dst, uint16(searchRange))
	dst = binary.BigEndian.AppendUint16(dst, uint16(entrySelector))
	dst = binary.BigEndian.AppendUint16(dst, uint16(16*count-searchRange))
	offset := 12 + 16*count
	head := 0
	for i, t := range tables {
		if t == nil {
			continue
		}
		if subsetTables[i] == "head" {
			head = start + offset
		}
		dst = append(dst, subsetTables[i]...)
		dst = binary.BigEndian.AppendUint32(dst, checksum(t))
		dst = binary.BigEndian.AppendUint32(dst, uint32(offset))
		dst = binary.BigEndian.AppendUint32(dst, uint32(len(t)))
		offset += (len(t) + 3) &^ 3
	}
	for _, t := range tables {
		dst = append(dst, t...)
		dst = append(dst, make([]byte, (4-len(t)%4)%4)...)
	}
	binary.BigEndian.PutUint32(dst[head+8:], 0xB1B0AFBA-checksum(dst[start:]))
	return dst
}

// checksum is the sfnt table checksum: the sum of the big-endian 32-bit
// words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}

// appendUnhinted appends a glyph's outline without its TrueType
// instructions. A simple glyph whose layout does not add up is copied as
// it is: the subset never fails on a font ParseFont accepted.
func appendUnhinted(dst, g []byte) []byte {
	if len(g) < 12 {
		return append(dst, g...)
	}
	start := len(dst)
	if n := i16(g, 0); n >= 0 {
		at := 10 + 2*n // instructionLength
		if at+2 > len(g) || at+2+u16(g, at) > len(g) {
			return append(dst, g...)
		}
		dst = append(dst, g[:at]...)
		dst = append(dst, 0, 0)
		return append(dst, g[at+2+u16(g, at):]...)
	}
	// A composite glyph: copy its components (readComponents checked that
	// they fit), then clear WE_HAVE_INSTRUCTIONS in the copy, which ends
	// before the instructions.
	end := 10
	for more := true; more; {
		flags := u16(g, end)
		more = flags&moreComps != 0
		end += 4 + componentArgSize(flags)
	}
	dst = append(dst, g[:end]...)
	for off := start + 10; off < len(dst); {
		flags := u16(dst, off)
		binary.BigEndian.PutUint16(dst[off:], uint16(flags&^haveInstructs))
		off += 4 + componentArgSize(flags)
	}
	return dst
}
