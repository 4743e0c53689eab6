package pdf

import (
	"encoding/binary"
	"math"
	"strings"
	"unicode/utf16"
)

// FontDescriptor flags (ISO 32000-1, table 123).
const (
	flagFixedPitch = 1 << 0
	flagSerif      = 1 << 1
	flagSymbolic   = 1 << 2
	flagItalic     = 1 << 6
)

// fsType bits (OpenType OS/2) that forbid embedding the outlines.
const (
	fsTypeRestricted = 0x0002
	fsTypeBitmapOnly = 0x0200
)

// readDescriptor works out the FontDescriptor entries from head, hhea,
// OS/2 and post, and refuses a font whose licence forbids embedding
// (PDF/UA-1 7.21.4.1 asks for fonts that may be embedded).
func (f *Font) readDescriptor(tables map[string][]byte) error {
	em := 1000 / float64(f.unitsPerEm)
	d := &f.desc
	d.flags = flagSymbolic // glyphs are addressed by id, not by a standard encoding
	for i := range d.bbox {
		d.bbox[i] = math.Round(float64(i16(f.head, 36+2*i)) * em)
	}
	d.ascent = math.Round(float64(i16(f.hhea, 4)) * em)
	d.descent = math.Round(float64(i16(f.hhea, 6)) * em)
	d.capHeight = d.ascent
	if i16(f.head, 44)&2 != 0 { // macStyle italic
		d.flags |= flagItalic
	}
	weight, err := d.readOS2(tables["OS/2"], em)
	if err != nil {
		return err
	}
	if post, ok := tables["post"]; ok && len(post) >= 16 {
		d.italicAngle = round3(float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536)
		if d.italicAngle != 0 {
			d.flags |= flagItalic
		}
		if binary.BigEndian.Uint32(post[12:]) != 0 {
			d.flags |= flagFixedPitch
		}
	}
	// No font table gives the vertical stem width; this is the estimate
	// from the weight class that other PDF writers use too.
	d.stemV = math.Round(50 + float64(weight*weight)/(65*65))
	return nil
}

// readOS2 reads the OS/2 table's embedding permissions, weight class,
// family class and cap height; it returns the weight class.
func (d *descriptor) readOS2(os2 []byte, em float64) (int, error) {
	weight := 400
	if len(os2) < 78 {
		return weight, nil
	}
	fsType := u16(os2, 8)
	if fsType&0x000F == fsTypeRestricted {
		return 0, fontErrorf("the font's licence (OS/2 fsType %#04x) forbids embedding it", fsType)
	}
	if fsType&fsTypeBitmapOnly != 0 {
		return 0, fontErrorf("the font's licence (OS/2 fsType %#04x) allows embedding bitmaps only", fsType)
	}
	if w := u16(os2, 4); w >= 1 && w <= 1000 {
		weight = w
	}
	if class := i16(os2, 30) >> 8; class >= 1 && class <= 7 {
		d.flags |= flagSerif
	}
	if u16(os2, 0) >= 2 && len(os2) >= 90 && i16(os2, 88) > 0 {
		d.capHeight = math.Round(float64(i16(os2, 88)) * em)
	}
	return weight, nil
}

// postScriptName returns nameID 6 from the name table, keeping only the
// characters a PDF name and a PostScript name may both hold, and "Font"
// when there is none.
func postScriptName(name []byte) string {
	if len(name) >= 6 {
		count, strings := u16(name, 2), u16(name, 4)
		for i := range count {
			rec := 6 + 12*i
			if rec+12 > len(name) {
				break
			}
			platform, id := u16(name, rec), u16(name, rec+6)
			length, off := u16(name, rec+8), strings+u16(name, rec+10)
			if id != 6 || off+length > len(name) {
				continue
			}
			if s := cleanName(decodeName(name[off:off+length], platform)); s != "" {
				return s
			}
		}
	}
	return "Font"
}

// decodeName decodes a name table string: UTF-16BE on the Unicode and
// Windows platforms, single bytes on the Macintosh platform.
func decodeName(b []byte, platform int) string {
	if platform == 1 {
		return string(b)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// cleanName keeps the printable ASCII characters that need no escaping in
// a PDF name, at most 63 of them (the PostScript limit, less nothing: the
// subset tag is added later and PDF names may be longer).
func cleanName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7f && !strings.ContainsRune("()<>[]{}/%#", r) && b.Len() < 63 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkCFF refuses a CID-keyed CFF font (its glyph ids are not its CIDs,
// and this writer addresses glyphs by id); a name-keyed one is embedded
// whole.
func checkCFF(cff []byte) error {
	if len(cff) < 4 {
		return fontErrorf("the CFF table is too short")
	}
	names, err := cffIndexEnd(cff, int(cff[2]))
	if err != nil {
		return err
	}
	top, err := cffFirstItem(cff, names)
	if err != nil {
		return err
	}
	for i := 0; i < len(top); {
		b := top[i]
		switch {
		case b == 12 && i+1 < len(top) && top[i+1] == 30:
			return fontErrorf("CID-keyed CFF fonts are not supported: use a TrueType (glyf) build of the font")
		case b == 12:
			i += 2
		case b <= 21:
			i++
		case b == 28:
			i += 3
		case b == 29:
			i += 5
		case b == 30:
			for i++; i < len(top) && top[i]&0x0f != 0x0f && top[i]&0xf0 != 0xf0; i++ {
			}
			i++
		case b >= 247 && b <= 254:
			i += 2
		default:
			i++
		}
	}
	return nil
}

// cffIndex reads the header of a CFF INDEX at off: its count, offset size,
// and where its offsets and its data start.
func cffIndex(cff []byte, off int) (count, offSize, offsets, data int, err error) {
	if off+2 > len(cff) {
		return 0, 0, 0, 0, fontErrorf("a CFF INDEX runs past the end of the table")
	}
	count = u16(cff, off)
	if count == 0 {
		return 0, 0, off + 2, off + 2, nil
	}
	if off+3 > len(cff) {
		return 0, 0, 0, 0, fontErrorf("a CFF INDEX runs past the end of the table")
	}
	offSize = int(cff[off+2])
	if offSize < 1 || offSize > 4 {
		return 0, 0, 0, 0, fontErrorf("a CFF INDEX has offset size %d", offSize)
	}
	offsets = off + 3
	data = offsets + (count+1)*offSize - 1
	if data >= len(cff) {
		return 0, 0, 0, 0, fontErrorf("a CFF INDEX runs past the end of the table")
	}
	return count, offSize, offsets, data, nil
}

// cffOffset reads entry i of an INDEX's offset array.
func cffOffset(cff []byte, offsets, offSize, i int) int {
	v := 0
	for _, b := range cff[offsets+i*offSize : offsets+(i+1)*offSize] {
		v = v<<8 | int(b)
	}
	return v
}

// cffIndexEnd returns the position just past the INDEX at off.
func cffIndexEnd(cff []byte, off int) (int, error) {
	count, offSize, offsets, data, err := cffIndex(cff, off)
	if err != nil || count == 0 {
		return data, err
	}
	end := data + cffOffset(cff, offsets, offSize, count)
	if end > len(cff) {
		return 0, fontErrorf("a CFF INDEX runs past the end of the table")
	}
	return end, nil
}

// cffFirstItem returns the first item of the INDEX at off.
func cffFirstItem(cff []byte, off int) ([]byte, error) {
	count, offSize, offsets, data, err := cffIndex(cff, off)
	if err != nil {
		return nil, err
	}
	if count == 0 {
		return nil, fontErrorf("the CFF table has no Top DICT")
	}
	start, end := data+cffOffset(cff, offsets, offSize, 0), data+cffOffset(cff, offsets, offSize, 1)
	if start > end || end > len(cff) {
		return nil, fontErrorf("the CFF Top DICT runs past the end of the table")
	}
	return cff[start:end], nil
}
