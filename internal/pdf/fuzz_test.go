package pdf

import (
	"encoding/binary"
	"testing"
)

// FuzzParseFont feeds ParseFont broken fonts, seeded with small real ones
// (subsets of Noto Sans and Noto Naskh Arabic, which are whole TrueType
// fonts) and a tiny CFF font: small seeds, so that the fuzzer's
// minimising stays quick. It must never panic, and a font it accepts must
// subset, embed and draw without panicking.
func FuzzParseFont(f *testing.F) {
	for _, name := range []string{"NotoSans-Regular.ttf", "NotoNaskhArabic-Regular.ttf"} {
		font := loadFont(f, name)
		f.Add(font.subsetTrueType(nil, font.closure([]uint16{0, 3, 36, 68, 171})))
	}
	f.Add(tinyCFFFont(f))
	f.Add([]byte("\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		font, err := ParseFont(data)
		if err != nil {
			return
		}
		var gs []Glyph
		for g := range min(font.NumGlyphs(), 64) {
			gs = append(gs, Glyph{ID: uint16(g), Advance: font.Advance(uint16(g)) * 10, Text: "x"})
		}
		d := New(Info{Title: "t", Lang: "en"})
		p := d.AddPage(A4)
		p.Begin(d.Root().Add(P))
		p.Text(Run{Font: font, Size: 10, X: 10, Y: 10, Glyphs: gs})
		p.End()
		if _, err := d.Bytes(); err != nil {
			t.Fatalf("a font ParseFont accepted does not embed: %v", err)
		}
		if !font.cff {
			used := font.closure(nil).list(nil)
			if _, err := ParseFont(font.subsetTrueType(nil, font.closure(used))); err != nil {
				t.Fatalf("the subset of a font ParseFont accepted does not parse: %v", err)
			}
		}
	})
}

// FuzzDocument builds documents from fuzzed glyph ids, text and numbers,
// with fuzzed nesting of marked content: Bytes must either refuse with an
// error or write a PDF, and never panic.
func FuzzDocument(f *testing.F) {
	f.Add([]byte("\x00\x24\x01\x00\x44\x02\x00"), "Hello", 12.0, 30.0)
	f.Add([]byte("\x05\xff\xff\x03\x06"), "مرحبا", -1.0, 1e12)
	f.Add([]byte("\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a"), "\xff\xfe(\\)", 0.0, 0.5)
	font := loadFont(f, "NotoSans-Regular.ttf")
	f.Fuzz(func(t *testing.T, ops []byte, text string, size, y float64) {
		d := New(Info{Title: text, Lang: "en"})
		p := d.AddPage(A4)
		elems := []*Element{d.Root()}
		for i := 0; i+2 < len(ops); i += 3 {
			g := Glyph{ID: binary.BigEndian.Uint16(ops[i+1:]), Advance: size / 2, YOffset: y, Text: text}
			e := elems[int(ops[i+1])%len(elems)]
			switch ops[i] % 8 {
			case 0:
				elems = append(elems, e.Add(known[int(ops[i+2])%len(known)]))
			case 1:
				p.Begin(e)
			case 2:
				p.End()
			case 3:
				p.Text(Run{Font: font, Size: size, X: 10, Y: y, Glyphs: []Glyph{g, g}})
			case 4:
				p.FillRect(Color{R: ops[i+1]}, Rect{X: size, Y: y, W: 3, H: 4})
			case 5:
				p.Link(e, "https://example.org/"+text, Rect{X: 1, Y: y, W: size, H: 2})
			case 6:
				p.BeginArtifact(Artifact(ops[i+2] % 5))
			case 7:
				e.ActualText, e.Alt, e.Lang = text, text, text
				p = d.AddPage(Size{Width: size, Height: y})
			}
		}
		d.Bytes()
	})
}

// tinyCFFFont is an OpenType font with CFF outlines and two glyphs, just
// the tables ParseFont reads.
func tinyCFFFont(t testing.TB) []byte {
	noto := notoTables(t)
	hhea := noto["hhea"]
	binary.BigEndian.PutUint16(hhea[34:], 1) // numberOfHMetrics
	return sfnt("OTTO", map[string][]byte{
		"head": noto["head"],
		"hhea": hhea,
		"maxp": {0, 0, 0x50, 0, 0, 2},
		"hmtx": {2, 0x58, 0, 0, 0, 0},
		"CFF ": cffTable(28, 0, 1, 17),
	})
}
