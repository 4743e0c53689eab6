package typeset

import (
	"strings"

	"golang.org/x/text/language"
)

// Direction is the direction of a paragraph or a run of text.
type Direction uint8

// The directions. The zero Direction, Auto, asks for the direction of the
// style's language.
const (
	Auto        Direction = iota // from the language: right to left for Arabic, Hebrew and similar scripts
	LeftToRight                  // English, Polish, Panjabi...
	RightToLeft                  // Arabic, Urdu...
)

func (d Direction) String() string {
	switch d {
	case LeftToRight:
		return "ltr"
	case RightToLeft:
		return "rtl"
	}
	return "auto"
}

// Style says how to set a block of text.
type Style struct {
	Stack *Stack  // the fonts of the text's language; required
	Size  float64 // font size in points; above zero
	Bold  bool    // use the stack's bold fonts
	// Lang is the BCP 47 tag of the text's language ("en", "ur", "pa").
	// It selects language-specific glyphs when shaping, gives the
	// paragraph direction when Dir is Auto, and is copied to every run.
	Lang string
	Dir  Direction // paragraph direction; Auto takes it from Lang
	// LineHeight is the least distance between baselines, in multiples
	// of Size. A line is taller when one of its fonts needs more (see
	// [Stack.LineHeight]); 0 means the fonts' own line heights. A line
	// height below the fonts' ascent plus descent is kept wherever the
	// glyphs' outlines stay inkGap (0.06 em) apart from the next line's
	// and inside the block; a line is taller only where they would not.
	LineHeight float64
	// NoCache sets the text without keeping its shaping in the stack's
	// cache: for one-off text such as a victim's name, which would only
	// push out text that is set again and again, and which need not stay
	// in memory.
	NoCache bool
	// Scratch, where set, keeps the shaping of NoCache text for its
	// holder, so that text set again in another width or line height is
	// not shaped again; text without NoCache ignores it.
	Scratch *Scratch
}

// Block is a paragraph (or several, separated by line breaks in the text)
// set into lines no wider than a given width. The caller places the lines
// one under the other and aligns each: a line of a right-to-left block
// belongs at the right margin, x = right - Line.Width.
type Block struct {
	Text   string    // the text that was set
	Dir    Direction // the paragraph direction (never Auto)
	Lines  []Line    // from top to bottom
	Width  float64   // the widest line's width, in points
	Height float64   // the sum of the lines' heights, in points
}

// Line is one line of a Block. Its runs are in visual order, left to
// right, and every glyph's place follows from the run's X and the
// advances of the glyphs before it in the run. Whitespace at the end of a
// line (in logical order) is part of a run's Text but has no glyphs and no
// width, so that lines align cleanly at either margin.
type Line struct {
	Runs     []Run
	Text     string  // the line's text in logical order, including its trailing whitespace
	Offset   int     // byte offset of Text in Block.Text
	Width    float64 // from the left edge of the first glyph run to the end of the last, in points
	Ascent   float64 // the tallest ascent of the line's fonts, in points above the baseline
	Descent  float64 // the deepest descent of the line's fonts, in points below the baseline (positive)
	Height   float64 // the distance from this line's top to the next line's top, in points
	Baseline float64 // the distance from the line's top to its baseline, in points
}

// Run is a sequence of glyphs in one font, size and direction, in visual
// order (left to right, also for right-to-left text), that stands for Text.
type Run struct {
	Font   *Font
	Size   float64   // in points
	Text   string    // the text the run stands for, in logical order
	Offset int       // byte offset of Text in Block.Text
	Lang   string    // the Style's language
	Dir    Direction // LeftToRight or RightToLeft
	Level  int       // the bidi embedding level (even: left to right)
	X      float64   // the run's left edge, in points from the line's left edge
	Width  float64   // the sum of the glyphs' advances, in points
	Glyphs []Glyph
}

// Glyph is one glyph of a Run. Its origin (pen position) is the run's X
// plus the advances of the glyphs before it; it is drawn at the origin
// moved by (XOffset, YOffset). Text[ClusterStart:ClusterEnd] of its run is
// the text it stands for, shared by every glyph of one cluster (a
// ligature, or a consonant with its vowel sign): clusters come from
// HarfBuzz, so in right-to-left runs they decrease from left to right.
type Glyph struct {
	ID           uint16  // glyph id in Run.Font
	XAdvance     float64 // in points
	XOffset      float64 // in points, rightwards
	YOffset      float64 // in points, upwards
	ClusterStart int     // byte offset in Run.Text
	ClusterEnd   int     // byte offset in Run.Text
}

// rtlScripts are the ISO 15924 codes of scripts written right to left.
var rtlScripts = map[string]bool{
	"Arab": true, "Hebr": true, "Syrc": true, "Thaa": true, "Nkoo": true,
	"Adlm": true, "Rohg": true, "Mand": true, "Samr": true, "Yezi": true,
}

// paragraphDir returns the style's direction, resolving Auto by the most
// likely script of the language (x/text's likely-subtags data).
func paragraphDir(st Style) Direction {
	if st.Dir != Auto {
		return st.Dir
	}
	tag, err := language.Parse(st.Lang)
	if err != nil {
		return LeftToRight
	}
	if script, _ := tag.Script(); rtlScripts[script.String()] {
		return RightToLeft
	}
	return LeftToRight
}

// primaryLanguage returns the lower-case primary subtag of a BCP 47 tag.
func primaryLanguage(lang string) string {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	return lang
}
