package pdf

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"unicode/utf16"
	"victimsite/internal/pdf/pdftest"
)

// fontDir is where the project keeps the fonts it embeds.
const fontDir = "../../fonts"

var (
	fontsMu sync.Mutex
	fonts   = map[string]*Font{}
)

// loadFont parses a font from fonts/, once per test binary.
func loadFont(t testing.TB, name string) *Font {
	t.Helper()
	fontsMu.Lock()
	defer fontsMu.Unlock()
	if f, ok := fonts[name]; ok {
		return f
	}
	data, err := os.ReadFile(filepath.Join(fontDir, name))
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseFont(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	fonts[name] = f
	return f
}

// glyphs lays text out the simplest way, without a shaper: one glyph per
// rune from the font's cmap, at the font's advance. It is enough to test
// the writer, which takes whatever glyphs a shaper gives; rtl reverses
// them into visual order, as a shaper returns right-to-left text.
func glyphs(t testing.TB, f *Font, size float64, text string, rtl bool) []Glyph {
	t.Helper()
	var gs []Glyph
	for _, r := range text {
		g := cmapLookup(t, f, r)
		gs = append(gs, Glyph{ID: g, Advance: f.Advance(g) * size, Text: string(r)})
	}
	if rtl {
		for i, j := 0, len(gs)-1; i < j; i, j = i+1, j-1 {
			gs[i], gs[j] = gs[j], gs[i]
		}
	}
	return gs
}

// cmapLookup finds the glyph for r in the font's Windows Unicode cmap
// (format 4 for the BMP, which is all these tests draw).
func cmapLookup(t testing.TB, f *Font, r rune) uint16 {
	t.Helper()
	tables, err := readTableDirectory(f.data)
	if err != nil {
		t.Fatal(err)
	}
	cmap := tables["cmap"]
	be := binary.BigEndian
	for i := range int(be.Uint16(cmap[2:])) {
		rec := cmap[4+8*i:]
		if be.Uint16(rec) != 3 || be.Uint16(rec[2:]) != 1 {
			continue
		}
		sub := cmap[be.Uint32(rec[4:]):]
		if be.Uint16(sub) != 4 {
			continue
		}
		segs := int(be.Uint16(sub[6:])) / 2
		ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
		for s := range segs {
			end, start := rune(be.Uint16(sub[ends+2*s:])), rune(be.Uint16(sub[starts+2*s:]))
			if r < start || r > end {
				continue
			}
			delta, ro := be.Uint16(sub[deltas+2*s:]), int(be.Uint16(sub[ranges+2*s:]))
			if ro == 0 {
				return uint16(r) + delta
			}
			g := be.Uint16(sub[ranges+2*s+ro+2*int(r-start):])
			if g != 0 {
				g += delta
			}
			return g
		}
	}
	t.Fatalf("font %s has no glyph for %q", f.Name(), r)
	return 0
}

// write returns the document's bytes, failing the test on an error.
func write(t testing.TB, d *Document) []byte {
	t.Helper()
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// unpack returns b with the objects of its object streams appended as
// plain text (see pdftest.Unpack). Every document the writer makes has an
// object stream, so it fails the test when b has none: a check that
// something is left out must not pass on objects it could not read.
func unpack(t testing.TB, b []byte) []byte {
	t.Helper()
	return pdftest.Unpack(t, b)
}

// readToUnicode reads a ToUnicode CMap as appendToUnicode writes it
// (bfchar and bfrange entries with hex codes) into the text of each
// glyph id, so a test can ask what a glyph reads as whichever form
// carries it.
func readToUnicode(t testing.TB, cmap string) map[uint16]string {
	t.Helper()
	hex16 := func(s string) []uint16 {
		var out []uint16
		for i := 0; i+4 <= len(s); i += 4 {
			v, err := strconv.ParseUint(s[i:i+4], 16, 16)
			if err != nil {
				t.Fatalf("ToUnicode: %q is not hex", s)
			}
			out = append(out, uint16(v))
		}
		return out
	}
	out := map[uint16]string{}
	entry := regexp.MustCompile(`(?m)^<([0-9A-F]{4})>(?:<([0-9A-F]{4})>)?<([0-9A-F]+)>$`)
	for _, m := range entry.FindAllStringSubmatch(cmap, -1) {
		from, text := hex16(m[1])[0], hex16(m[3])
		if m[2] == "" {
			out[from] = string(utf16.Decode(text))
			continue
		}
		to := hex16(m[2])[0]
		for g := from; g <= to && g >= from; g++ {
			out[g] = string(utf16.Decode([]uint16{text[0] + g - from}))
		}
	}
	return out
}
