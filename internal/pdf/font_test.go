package pdf

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"
)

func TestParseFont(t *testing.T) {
	tests := []struct {
		file                 string
		name                 string
		glyphs               int
		flags                int
		ascent, descent, cap float64
		stemV                float64
	}{
		{"NotoSans-Regular.ttf", "NotoSans-Regular", 3317, flagSymbolic, 1069, -293, 714, 88},
		{"NotoSans-Bold.ttf", "NotoSans-Bold", 3317, flagSymbolic, 1069, -293, 714, 166},
		{"NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Regular", 1602, flagSymbolic, 0, 0, 0, 88},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f := loadFont(t, tt.file)
			if f.Name() != tt.name || f.NumGlyphs() != tt.glyphs || f.UnitsPerEm() != 1000 {
				t.Errorf("got %s, %d glyphs, %d units per em; want %s, %d, 1000", f.Name(), f.NumGlyphs(), f.UnitsPerEm(), tt.name, tt.glyphs)
			}
			d := f.desc
			if d.flags != tt.flags || d.stemV != tt.stemV {
				t.Errorf("got flags %d, StemV %g; want %d, %g", d.flags, d.stemV, tt.flags, tt.stemV)
			}
			if tt.ascent != 0 && (d.ascent != tt.ascent || d.descent != tt.descent || d.capHeight != tt.cap) {
				t.Errorf("got ascent %g, descent %g, cap height %g; want %g, %g, %g", d.ascent, d.descent, d.capHeight, tt.ascent, tt.descent, tt.cap)
			}
			if a := f.Advance(cmapLookup(t, f, ' ')); a <= 0 || a > 1 {
				t.Errorf("got the space's advance %g em, want a fraction of an em", a)
			}
		})
	}
}

// sfnt builds a font file from tables, for the tests of broken fonts.
func sfnt(version string, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	b := append([]byte(version), 0, byte(len(tags)), 0, 0, 0, 0, 0, 0)
	off := 12 + 16*len(tags)
	for _, tag := range tags {
		b = append(b, tag...)
		b = binary.BigEndian.AppendUint32(b, 0)
		b = binary.BigEndian.AppendUint32(b, uint32(off))
		b = binary.BigEndian.AppendUint32(b, uint32(len(tables[tag])))
		off += len(tables[tag])
	}
	for _, tag := range tags {
		b = append(b, tables[tag]...)
	}
	return b
}

// notoTables returns a copy of Noto Sans's tables, to break one of them.
func notoTables(t testing.TB) map[string][]byte {
	tables, err := readTableDirectory(loadFont(t, "NotoSans-Regular.ttf").data)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "loca", "glyf", "OS/2", "post", "name"} {
		out[tag] = slices.Clone(tables[tag])
	}
	return out
}

// cffTable is a minimal CFF table: header, Name INDEX, and a Top DICT
// INDEX holding topDict.
func cffTable(topDict ...byte) []byte {
	b := []byte{1, 0, 4, 1, 0, 1, 1, 1, 2, 'A'}
	return append(append(b, 0, 1, 1, 1, byte(1+len(topDict))), topDict...)
}

func TestParseFontRefuses(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(map[string][]byte)
		want   string
	}{
		{"no head", func(m map[string][]byte) { delete(m, "head") }, `the "head" table is missing`},
		{"unitsPerEm 0", func(m map[string][]byte) { binary.BigEndian.PutUint16(m["head"][18:], 0) }, "unitsPerEm is 0"},
		{"no glyphs", func(m map[string][]byte) { binary.BigEndian.PutUint16(m["maxp"][4:], 0) }, "has no glyphs"},
		{"no metrics", func(m map[string][]byte) { binary.BigEndian.PutUint16(m["hhea"][34:], 0) }, "numberOfHMetrics is 0"},
		{"short hmtx", func(m map[string][]byte) { m["hmtx"] = m["hmtx"][:100] }, `the "hmtx" table is 100 bytes`},
		{"no outlines", func(m map[string][]byte) { delete(m, "glyf") }, "neither TrueType (glyf) nor CFF outlines"},
		{"loca out of order", func(m map[string][]byte) { binary.BigEndian.PutUint16(m["loca"][8:], 0xffff) }, "out of order or past the glyf table"},
		{"restricted licence", func(m map[string][]byte) { binary.BigEndian.PutUint16(m["OS/2"][8:], 2) }, "forbids embedding"},
		{"bitmaps only", func(m map[string][]byte) { binary.BigEndian.PutUint16(m["OS/2"][8:], 0x0200) }, "allows embedding bitmaps only"},
		{"CID-keyed CFF", func(m map[string][]byte) {
			delete(m, "glyf")
			m["CFF "] = cffTable(28, 0, 1, 28, 0, 2, 0, 12, 30)
		}, "CID-keyed CFF fonts are not supported"},
		{"broken CFF", func(m map[string][]byte) { delete(m, "glyf"); m["CFF "] = []byte{1, 0, 4, 1, 0, 9} }, "CFF INDEX runs past the end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := notoTables(t)
			tt.break_(m)
			_, err := ParseFont(sfnt("\x00\x01\x00\x00", m))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
	for _, bad := range []struct{ data, want string }{
		{"", "0 bytes is too short"},
		{"ttcf\x00\x01\x00\x00\x00\x00\x00\x00", "font collection (.ttc) is not supported"},
		{"wOFF\x00\x01\x00\x00\x00\x00\x00\x00", "WOFF fonts are not supported"},
		{"%PDF-1.7\n%\xe2\xe3\xcf\xd3", `not a TrueType or OpenType font (it starts with "%PDF")`},
		{"\x00\x01\x00\x00\xff\xff\x00\x00\x00\x00\x00\x00", "directory of 65535 tables runs past the end"},
	} {
		if _, err := ParseFont([]byte(bad.data)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("ParseFont(%q): got %v, want an error containing %q", bad.data, err, bad.want)
		}
	}
}

// TestCFFFontIsEmbeddedWhole builds a document with a (glyph-less) CFF
// font: it goes in as FontFile3/OpenType under CIDFontType0, whole.
func TestCFFFontIsEmbeddedWhole(t *testing.T) {
	m := notoTables(t)
	delete(m, "glyf")
	delete(m, "loca")
	m["CFF "] = cffTable(28, 0, 1, 17) // one operator that is not ROS
	data := sfnt("OTTO", m)
	f, err := ParseFont(data)
	if err != nil {
		t.Fatal(err)
	}
	d := New(Info{Title: "t", Lang: "en"})
	p := d.AddPage(A4)
	p.Begin(d.Root().Add(P))
	p.Text(Run{Font: f, Size: 12, X: 10, Y: 10, Glyphs: []Glyph{{ID: 36, Advance: 7, Text: "A"}}})
	p.End()
	out := string(unpack(t, write(t, d)))
	for _, want := range []string{"/Subtype/CIDFontType0/BaseFont/NotoSans-Regular", "/FontFile3 ", "/Subtype/OpenType", "/W[36[639]]"} {
		if !strings.Contains(out, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if strings.Contains(out, "CIDToGIDMap") {
		t.Error("a CIDFontType0 has a CIDToGIDMap")
	}
}
