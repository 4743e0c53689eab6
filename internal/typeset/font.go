package typeset

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"unicode"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/harfbuzz"
	"golang.org/x/text/unicode/norm"
)

// Font is one parsed OpenType font file (TrueType or CFF outlines). It is
// immutable and safe for concurrent use. It keeps the file's bytes, so that
// a PDF writer can parse, subset and embed the same font that shaped the
// text; glyph ids in a [Run] are ids of this file.
type Font struct {
	name    string
	data    []byte
	font    *font.Font
	upem    int
	ascent  int
	descent int
	lineGap int
	// cutsAtSpaces: no shaping in the font reaches across a space
	// (Library.CutAtSpaces), so personal text may be cut at one.
	cutsAtSpaces bool
}

// LoadFont parses data as a single OpenType font (.ttf or .otf). The name
// identifies the font to callers and in error messages (a file name is a
// good choice); it is returned unchanged by [Font.Name]. Font collections
// (.ttc) are refused, because a PDF embeds one font, not a collection.
// The font keeps data, which the caller must not change afterwards.
func LoadFont(name string, data []byte) (*Font, error) {
	if len(data) >= 4 && string(data[:4]) == "ttcf" {
		return nil, fmt.Errorf("font %s: a font collection (.ttc); give one .ttf or .otf file", name)
	}
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	upem := int(face.Upem())
	if upem == 0 {
		return nil, fmt.Errorf("font %s: units per em is 0", name)
	}
	ext, ok := face.FontHExtents()
	if !ok || ext.Ascender <= ext.Descender {
		return nil, fmt.Errorf("font %s: no usable ascender and descender", name)
	}
	f := &Font{
		name:    name,
		data:    data,
		font:    face.Font,
		upem:    upem,
		ascent:  int(math.Round(float64(ext.Ascender))),
		descent: int(math.Round(float64(-ext.Descender))),
		lineGap: int(math.Round(float64(ext.LineGap))),
	}
	return f, nil
}

// Name returns the name the font was loaded under.
func (f *Font) Name() string { return f.name }

// Data returns the font file's bytes. The caller must not change them.
func (f *Font) Data() []byte { return f.data }

// UnitsPerEm returns the size of the font's em square in font units.
func (f *Font) UnitsPerEm() int { return f.upem }

// Ascent returns how far the font reaches above the baseline, in font
// units (positive), as its OS/2 or hhea table says.
func (f *Font) Ascent() int { return f.ascent }

// Descent returns how far the font reaches below the baseline, in font
// units (positive).
func (f *Font) Descent() int { return f.descent }

// LineGap returns the extra space the font asks for between lines, in
// font units.
func (f *Font) LineGap() int { return f.lineGap }

// LineHeight returns the distance from one baseline to the next that the
// font asks for, in ems: (ascent + descent + line gap) / units per em.
// Noto Sans asks for 1.36; Noto Nastaliq Urdu, whose letters climb and fall
// far from the baseline, asks for 2.5. A [Family] may set another value
// for a stack (see [Stack.LineHeight]).
func (f *Font) LineHeight() float64 {
	return float64(f.ascent+f.descent+f.lineGap) / float64(f.upem)
}

// Covers reports whether the font can draw r: it has a glyph for r, or for
// every rune of r's canonical decomposition (HarfBuzz composes or
// decomposes as the font needs). Runes that draw nothing (see [Invisible])
// are covered by every font.
func (f *Font) Covers(r rune) bool {
	if _, ok := f.font.NominalGlyph(r); ok || Invisible(r) {
		return true
	}
	d := norm.NFD.String(string(r))
	if d == string(r) {
		return false
	}
	for _, c := range d {
		if _, ok := f.font.NominalGlyph(c); !ok {
			return false
		}
	}
	return true
}

// coversAll reports whether f covers every rune of rs.
func (f *Font) coversAll(rs []rune) bool {
	for _, r := range rs {
		if !f.Covers(r) {
			return false
		}
	}
	return true
}

// Invisible reports whether r draws nothing of its own, so that no font
// needs a glyph for it: controls, format characters such as ZWJ, ZWNJ, the
// soft hyphen and bidi marks, line and paragraph separators, variation
// selectors and other default-ignorable code points, and spaces (HarfBuzz
// draws a space of the right width from the font's U+0020 when a font has
// no glyph for a rarer space).
func Invisible(r rune) bool {
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Zs) ||
		harfbuzz.IsDefaultIgnorable(r)
}

// MissingGlyphError reports a rune that no font of a stack can draw. It
// names the rune's code point and position but not the text around it,
// which may be personal data; the caller knows which field it came from.
type MissingGlyphError struct {
	Rune   rune // the rune no font can draw
	Offset int  // its byte offset in the text
	// Combining is true when some font draws the rune, but none draws it
	// together with the letter it combines with (a mark on a letter of
	// another script).
	Combining bool
}

func (e *MissingGlyphError) Error() string {
	if e.Combining {
		return fmt.Sprintf("no font can draw the character %U (at byte %d) with the character it belongs to", e.Rune, e.Offset)
	}
	return fmt.Sprintf("no font can draw the character %U (at byte %d)", e.Rune, e.Offset)
}

// ErrInvalidUTF8 is returned (wrapped, with the byte offset) for text that
// is not valid UTF-8.
var ErrInvalidUTF8 = errors.New("text is not valid UTF-8")
