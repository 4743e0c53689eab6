package pdf

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
)

// embeddedFont is a font program as documents embed it, with what
// depends only on the glyphs drawn. A Font caches the last few, so the
// same leaflet for another victim does not subset and compress again.
type embeddedFont struct {
	key     [32]byte
	name    string // BaseFont: "ABCDEF+Name" for a subset
	file    []byte // the font program, compressed
	length1 int    // its length uncompressed (FontFile2 /Length1)
	widths  []byte // the W array
}

// embed returns the font program and widths for a document that draws
// the glyphs used (sorted, no duplicates).
func (f *Font) embed(used []uint16) *embeddedFont {
	key := glyphSetKey(used)
	if e, ok := f.subsets.get(key); ok {
		return e
	}
	e := &embeddedFont{key: key, widths: f.appendWidths(nil, used)}
	if f.cff {
		// A CFF font goes in whole: its glyphs are not subset.
		e.name = f.name
		e.file = deflateCached(nil, f.data)
		e.length1 = len(f.data)
	} else {
		prog := f.subsetTrueType(nil, f.closure(used))
		e.name = subsetTag(key) + "+" + f.name
		e.file = deflateCached(nil, prog)
		e.length1 = len(prog)
	}
	f.subsets.put(key, e)
	return e
}

// glyphSetKey identifies a set of glyphs.
func glyphSetKey(used []uint16) [32]byte {
	h := sha256.New()
	var b [2]byte
	for _, g := range used {
		binary.BigEndian.PutUint16(b[:], g)
		h.Write(b[:])
	}
	var key [32]byte
	h.Sum(key[:0])
	return key
}

// subsetTag is the six capital letters that begin a subset font's name
// (ISO 32000-1, 9.6.4), derived from the glyph set so that the same
// glyphs always give the same name and different sets, almost always,
// different names.
func subsetTag(key [32]byte) string {
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + key[i]%26
	}
	return string(tag[:])
}

// appendWidths writes the W array of the CIDFont: for each run of
// consecutive glyph ids, the first id and the widths, in thousandths of
// an em.
func (f *Font) appendWidths(b []byte, used []uint16) []byte {
	b = append(b, '[')
	for i, g := range used {
		if i == 0 || used[i-1] != g-1 {
			if i > 0 {
				b = append(b, ']')
			}
			b = strconv.AppendInt(b, int64(g), 10)
			b = append(b, '[')
		} else {
			b = append(b, ' ')
		}
		b = appendNum(b, f.width(g))
	}
	if len(used) > 0 {
		b = append(b, ']')
	}
	return append(b, ']')
}

// fontRefs are the object numbers of one font's objects.
type fontRefs struct{ type0, cidFont, descriptor, file, toUnicode int }

func (w *objects) allocFont() fontRefs {
	return fontRefs{w.alloc(), w.alloc(), w.alloc(), w.alloc(), w.alloc()}
}

// writeFont writes a font as a Type0 font with Identity-H encoding (two
// bytes, the glyph id, per glyph) over a CIDFontType2 (TrueType) or
// CIDFontType0 (CFF) font whose CIDs are its glyph ids.
func (w *objects) writeFont(df *docFont, r fontRefs, scratch []uint16) {
	f := df.font
	used := df.used.list(scratch[:0])
	e := f.embed(used)
	w.open(r.type0)
	w.buf = append(w.buf, "<</Type/Font/Subtype/Type0/BaseFont"...)
	w.buf = appendName(w.buf, e.name)
	w.buf = append(w.buf, "/Encoding/Identity-H/DescendantFonts["...)
	w.buf = appendRef(w.buf, r.cidFont)
	w.buf = append(w.buf, "]/ToUnicode "...)
	w.buf = append(appendRef(w.buf, r.toUnicode), ">>"...)
	w.close()

	w.open(r.cidFont)
	if f.cff {
		w.buf = append(w.buf, "<</Type/Font/Subtype/CIDFontType0/BaseFont"...)
	} else {
		w.buf = append(w.buf, "<</Type/Font/Subtype/CIDFontType2/BaseFont"...)
	}
	w.buf = appendName(w.buf, e.name)
	w.buf = append(w.buf, "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor "...)
	w.buf = appendRef(w.buf, r.descriptor)
	if !f.cff {
		w.buf = append(w.buf, "/CIDToGIDMap/Identity"...)
	}
	w.buf = append(w.buf, "/W"...)
	w.buf = append(append(w.buf, e.widths...), ">>"...)
	w.close()

	w.writeDescriptor(f, e.name, r)
	w.writeFontFile(f, e, r.file)
	w.compressed(r.toUnicode, nil, f.toUnicode(appendToUnicode(w.scratch[:0], used, df.text)))
}

// toUnicode returns a ToUnicode CMap compressed, from the cache when a
// document drew the same glyphs with the same text before.
func (f *Font) toUnicode(cmap []byte) []byte {
	key := sha256.Sum256(cmap)
	if z, ok := f.cmaps.get(key); ok {
		return z
	}
	z := deflateCached(nil, cmap)
	f.cmaps.put(key, z)
	return z
}

func (w *objects) writeDescriptor(f *Font, name string, r fontRefs) {
	d := f.desc
	w.open(r.descriptor)
	b := append(w.buf, "<</Type/FontDescriptor/FontName"...)
	b = appendName(b, name)
	b = append(b, "/Flags "...)
	b = strconv.AppendInt(b, int64(d.flags), 10)
	b = append(b, "/FontBBox["...)
	for i, v := range d.bbox {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendNum(b, v)
	}
	b = append(b, "]/ItalicAngle "...)
	b = append(appendNum(b, d.italicAngle), "/Ascent "...)
	b = append(appendNum(b, d.ascent), "/Descent "...)
	b = append(appendNum(b, d.descent), "/CapHeight "...)
	b = append(appendNum(b, d.capHeight), "/StemV "...)
	b = appendNum(b, d.stemV)
	if f.cff {
		b = append(b, "/FontFile3 "...)
	} else {
		b = append(b, "/FontFile2 "...)
	}
	w.buf = append(appendRef(b, r.file), ">>"...)
	w.close()
}

// writeFontFile writes the font program, already compressed.
func (w *objects) writeFontFile(f *Font, e *embeddedFont, n int) {
	if f.cff {
		w.compressed(n, []byte("/Subtype/OpenType"), e.file)
		return
	}
	w.compressed(n, strconv.AppendInt([]byte("/Length1 "), int64(e.length1), 10), e.file)
}
