package pdf

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"
)

// TestSubsetKeepsGlyphIDs subsets Noto Sans to the glyphs of "Aé" (é is
// a composite of e and an accent) and reads the result back with
// ParseFont: glyph ids and advances are kept, the components are in, every
// other glyph is empty, the hinting is gone, and the checksums add up.
func TestSubsetKeepsGlyphIDs(t *testing.T) {
	f := loadFont(t, "NotoSans-Regular.ttf")
	a, eacute := cmapLookup(t, f, 'A'), cmapLookup(t, f, 'é')
	comps := f.components[eacute]
	if len(comps) != 2 {
		t.Fatalf("got é with components %v; the test wants a composite", comps)
	}
	used := []uint16{a, eacute}
	slices.Sort(used)
	keep := f.closure(used)
	prog := f.subsetTrueType(nil, keep)
	sub, err := ParseFont(prog)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	last := max(a, eacute, comps[0], comps[1])
	if sub.NumGlyphs() != int(last)+1 {
		t.Errorf("got %d glyphs, want %d (up to the highest kept id)", sub.NumGlyphs(), last+1)
	}
	for g := range uint16(sub.NumGlyphs()) {
		kept := g == 0 || slices.Contains(used, g) || slices.Contains(comps, g)
		switch {
		case kept && len(sub.glyph(g)) == 0 && len(f.glyph(g)) > 0:
			t.Errorf("glyph %d was dropped", g)
		case kept && sub.Advance(g) != f.Advance(g):
			t.Errorf("glyph %d: got advance %g, want %g", g, sub.Advance(g), f.Advance(g))
		case !kept && len(sub.glyph(g)) > 0:
			t.Errorf("glyph %d is in the subset, but was not drawn", g)
		}
	}
	if !slices.Equal(sub.components[eacute], comps) {
		t.Errorf("got é made of %v, want %v", sub.components[eacute], comps)
	}
	if g := sub.glyph(a); binary.BigEndian.Uint16(g[10+2*i16(g, 0):]) != 0 {
		t.Error("glyph A still has its instructions")
	}
	if sum := checksum(prog); sum != 0xB1B0AFBA {
		t.Errorf("got a whole-font checksum of %#x, want 0xB1B0AFBA", sum)
	}
	tables, _ := readTableDirectory(prog)
	for tag, table := range tables {
		if !slices.Contains(subsetTables[:], tag) {
			t.Errorf("the subset has table %q", tag)
		}
		if want := checksum(table); binary.BigEndian.Uint32(directoryEntry(prog, tag)[4:]) != want && tag != "head" {
			t.Errorf("table %q: wrong checksum", tag)
		}
	}
}

// directoryEntry returns a table's 16-byte record in a font's directory.
func directoryEntry(font []byte, tag string) []byte {
	for i := range int(binary.BigEndian.Uint16(font[4:])) {
		if rec := font[12+16*i:]; string(rec[:4]) == tag {
			return rec[:16]
		}
	}
	return nil
}

// TestSubsetTag checks that the tag is six capitals and follows the glyph
// set.
func TestSubsetTag(t *testing.T) {
	one, two := subsetTag(glyphSetKey([]uint16{3, 36, 70})), subsetTag(glyphSetKey([]uint16{3, 36, 71}))
	if len(one) != 6 || strings.Trim(one, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" || one == two {
		t.Errorf("got tags %q and %q, want two different tags of six capitals", one, two)
	}
	if again := subsetTag(glyphSetKey([]uint16{3, 36, 70})); again != one {
		t.Errorf("got %q, then %q for the same glyphs", one, again)
	}
}
