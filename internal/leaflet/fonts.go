package leaflet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/dejavu/dejavusans"
)

// The leaflet draws everything in DejaVu Sans, which covers Latin,
// Cyrillic, Greek and Arabic (with its presentation forms), so one face
// serves every language the site declares. It is embedded in the binary
// and subset into each PDF. Bold is the same face, filled and stroked:
// fpdf does the same work again in every document for every face it
// embeds, and a second face, DejaVu Sans Bold, made each leaflet take
// two-thirds longer.
const family = "DejaVuSans"

// face is one font: its TrueType bytes and the runes it has glyphs for.
type face struct {
	name string
	ttf  []byte
	has  runeSet
}

// runeSet is a set of runes in the Basic Multilingual Plane: fpdf encodes
// text as two-byte codes, so no rune above U+FFFF can be drawn anyway.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 0x10000 {
		s[r/64] |= 1 << (r % 64)
	}
}

func (s *runeSet) contains(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r/64]&(1<<(r%64)) != 0
}

// addString adds every rune of s.
func (s *runeSet) addString(str string) {
	for _, r := range str {
		s.add(r)
	}
}

// subsetOf reports whether every rune of s is in t.
func (s *runeSet) subsetOf(t *runeSet) bool {
	for i := range s {
		if s[i]&^t[i] != 0 {
			return false
		}
	}
	return true
}

// union adds every rune of t to s.
func (s *runeSet) union(t *runeSet) {
	for i := range s {
		s[i] |= t[i]
	}
}

// string returns the runes of the set in order, for fpdf.UTF8CutFont.
func (s *runeSet) string() string {
	var b []byte
	for i, w := range s {
		for bit := 0; w != 0; bit++ {
			if w&1 != 0 {
				b = utf8.AppendRune(b, rune(i*64+bit))
			}
			w >>= 1
		}
	}
	return string(b)
}

// dejaVu is the embedded face, parsed once per process: it is a constant
// of the program, never changed after parsing.
var dejaVu = sync.OnceValues(func() (*face, error) {
	has, err := parseCmap(dejavusans.TTF)
	if err != nil {
		return nil, fmt.Errorf("font DejaVu Sans: %w", err)
	}
	return &face{name: "DejaVu Sans", ttf: dejavusans.TTF, has: has}, nil
})

// CanDraw reports whether the leaflet font has a glyph for r. Text with a
// rune it cannot draw is refused rather than shown as a box or a blank.
func CanDraw(r rune) bool {
	f, err := dejaVu()
	return err == nil && f.has.contains(r)
}

var errCmap = errors.New("no Unicode character map (cmap format 4)")

// parseCmap reads the runes a TrueType font maps to a glyph, from its
// format 4 (Basic Multilingual Plane) character map: the one fpdf uses.
func parseCmap(ttf []byte) (runeSet, error) {
	var set runeSet
	table, ok := findTable(ttf, "cmap")
	if !ok || len(table) < 4 {
		return set, errCmap
	}
	n := int(u16(table, 2))
	for i := 0; i < n; i++ {
		rec := 4 + 8*i
		if rec+8 > len(table) {
			return set, errCmap
		}
		platform, encoding := u16(table, rec), u16(table, rec+2)
		off := int(binary.BigEndian.Uint32(table[rec+4:]))
		if (platform == 3 && encoding == 1) || platform == 0 {
			if off+2 <= len(table) && u16(table, off) == 4 {
				return set, readFormat4(table[off:], &set)
			}
		}
	}
	return set, errCmap
}

// readFormat4 adds the runes a format 4 subtable maps to a real glyph.
func readFormat4(t []byte, set *runeSet) error {
	if len(t) < 14 {
		return errCmap
	}
	segs := int(u16(t, 6)) / 2
	ends, starts, deltas, offsets := 14, 16+2*segs, 16+4*segs, 16+6*segs
	if offsets+2*segs > len(t) {
		return errCmap
	}
	for s := 0; s < segs; s++ {
		end, start := rune(u16(t, ends+2*s)), rune(u16(t, starts+2*s))
		delta, roff := u16(t, deltas+2*s), int(u16(t, offsets+2*s))
		for r := start; r <= end && r != 0xFFFF; r++ {
			glyph := uint16(r) + delta
			if roff != 0 {
				at := offsets + 2*s + roff + 2*int(r-start)
				if at+2 > len(t) {
					return errCmap
				}
				glyph = u16(t, at)
				if glyph != 0 {
					glyph += delta
				}
			}
			if glyph != 0 {
				set.add(r)
			}
		}
	}
	return nil
}

// findTable returns a table of a TrueType font by its tag.
func findTable(ttf []byte, tag string) ([]byte, bool) {
	if len(ttf) < 12 {
		return nil, false
	}
	n := int(u16(ttf, 4))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, false
		}
		if string(ttf[rec:rec+4]) == tag {
			off := int(binary.BigEndian.Uint32(ttf[rec+8:]))
			size := int(binary.BigEndian.Uint32(ttf[rec+12:]))
			if off+size > len(ttf) || off < 0 || size < 0 {
				return nil, false
			}
			return ttf[off : off+size], true
		}
	}
	return nil, false
}

func u16(b []byte, at int) uint16 { return binary.BigEndian.Uint16(b[at:]) }

// fontSubset is the face cut down to a set of runes. fpdf parses and
// subsets the font it is given in every document; handing it a font of a
// few hundred glyphs instead of DejaVu's six thousand is what makes a
// leaflet cheap. The bytes are never changed after the subset is made, so
// any number of documents may share them.
type fontSubset struct {
	ttf   []byte
	runes runeSet
}

// cutFont cuts the face down to the runes of want that it can draw, and
// trims what a PDF does not need from it.
func cutFont(want *runeSet) (*fontSubset, error) {
	f, err := dejaVu()
	if err != nil {
		return nil, err
	}
	fs := &fontSubset{runes: *want}
	for i := range fs.runes {
		fs.runes[i] &= f.has[i]
	}
	// Printable ASCII is always in: fpdf asks for the first codes of a
	// font in every document.
	for r := rune(32); r < 127; r++ {
		fs.runes.add(r)
	}
	if fs.ttf, err = trimFont(fpdf.UTF8CutFont(f.ttf, fs.runes.string())); err != nil {
		return nil, err
	}
	return fs, nil
}

// baseRunes are the runes that names, stations and emails typed by an
// officer most often need, beyond the text of the site itself: Latin with
// the accents of Europe's languages and common punctuation. A leaflet
// whose text needs a rune outside its language's subset still renders,
// from a subset cut for it alone, only more slowly.
func baseRunes() *runeSet {
	var s runeSet
	for _, rg := range [][2]rune{
		{0x20, 0x7E}, {0xA0, 0x17F}, {0x218, 0x21B}, {0x2010, 0x2027}, {0x2030, 0x203A}, {0x20AC, 0x20AC},
	} {
		for r := rg[0]; r <= rg[1]; r++ {
			s.add(r)
		}
	}
	return &s
}

// arabicRunes are the Arabic letters and their presentation forms, added to
// the subset of a right-to-left language so that names typed in Arabic
// render as fast as the rest.
func arabicRunes() *runeSet {
	var s runeSet
	for r := rune(0x0600); r <= 0x06FF; r++ {
		s.add(r)
	}
	for r := rune(0xFE70); r <= 0xFEFC; r++ {
		s.add(r)
	}
	return &s
}
