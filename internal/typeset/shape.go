package typeset

import (
	"math"

	gobidi "github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/harfbuzz"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/segmenter"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// shaper holds what shaping needs and must not be shared between
// goroutines: go-text's HarfBuzz shaper and font faces cache glyph data.
// A Stack keeps shapers in a sync.Pool.
type shaper struct {
	hb        shaping.HarfbuzzShaper
	faces     map[*Font]*font.Face
	seg       segmenter.Segmenter
	bidi      gobidi.Paragraph
	bidiText  []rune
	bidiIndex []int
	inks      map[*Font]map[uint16]*glyphInk // outlines measured by [lineSetter.ink]
}

func newShaper() any { return &shaper{faces: make(map[*Font]*font.Face)} }

// face returns the shaper's own face for f.
func (sh *shaper) face(f *Font) *font.Face {
	fc, ok := sh.faces[f]
	if !ok {
		fc = font.NewFace(f.font)
		sh.faces[f] = fc
	}
	return fc
}

// posFlags describe the position before a rune of a paragraph.
type posFlags uint8

const (
	clusterStart   posFlags = 1 << iota // a shaping cluster starts here
	unsafeToBreak                       // HarfBuzz: cutting here changes the shapes on either side
	breakAllowed                        // a line may break here (UAX #14 and the token rules)
	breakMandatory                      // a line must break here (after a newline)
	graphemeStart                       // a user-perceived character starts here (UAX #29)
)

// paragraph is text analysed and shaped once, independent of size and
// width: what the cache keeps. It is never changed after build.
type paragraph struct {
	text    string
	runes   []rune
	offs    []int        // byte offset of each rune in text, and len(text) last
	rtl     bool         // paragraph direction
	levels  []int8       // bidi level of each rune
	classes []bidi.Class // bidi class of each rune
	toks    []runeToken
	items   []shapedItem
	flags   []posFlags // for each position 0..len(runes)
	pre     []float64  // pre[i]: advance of runes[:i] in ems
	lang    language.Language
}

// shapedItem is an item with its glyphs in visual order.
type shapedItem struct {
	item
	glyphs []sglyph
}

// sglyph is a glyph as HarfBuzz placed it, in font units.
type sglyph struct {
	id          uint16
	adv, dx, dy float32
	cluster     int  // index of the cluster's first rune in the paragraph
	unsafe      bool // HarfBuzz: cutting before this cluster changes the shapes
}

// build analyses and shapes text, which must be valid UTF-8 whose every
// rune a font covers (checkRunes). It returns a *MissingGlyphError if a
// grapheme needs two fonts. With mine set, text is personal where mine
// says and its other pieces are shaped through mine.items (pieces.go).
func (sh *shaper) build(text string, fonts []*Font, lang string, rtl bool, mine *personal) (*paragraph, error) {
	p := &paragraph{text: text, rtl: rtl, lang: language.NewLanguage(lang)}
	for i, r := range text {
		p.runes, p.offs = append(p.runes, r), append(p.offs, i)
		p.classes = append(p.classes, bidiClass(r))
	}
	p.offs = append(p.offs, len(text))
	p.flags = make([]posFlags, len(p.runes)+1)
	p.toks = p.runeTokens(findTokens(text))
	graphemes := sh.segment(p)
	for _, g := range graphemes {
		if err := checkGrapheme(fonts, p.runes[g.start:g.end], text, p.offs[g.start]); err != nil {
			return nil, err
		}
	}
	p.levels = sh.bidiLevels(p.runes, p.classes, spansOf(p.toks), rtl)
	em := make([]float64, len(p.runes))
	var own []bool
	if mine != nil {
		own = personalRunes(p, mine.spans)
	}
	for _, it := range itemize(p.runes, p.levels, graphemes, fonts) {
		f := fonts[it.font]
		var gl []sglyph
		if mine != nil {
			gl = sh.shapePieces(p, it, f, own, mine.items)
		} else {
			gl = sh.shape(p.runes, it.runeSpan, it, f, p.lang)
		}
		for _, g := range gl {
			em[g.cluster] += float64(g.adv) / float64(f.upem)
		}
		p.items = append(p.items, shapedItem{it, gl})
	}
	p.markClusters()
	p.pre = make([]float64, len(p.runes)+1)
	for i, w := range em {
		p.pre[i+1] = p.pre[i] + w
	}
	return p, nil
}

// shape shapes runes[span] as the item it says, with the rest of runes as
// context (HarfBuzz joins Arabic letters across the span's edges only if
// the context holds letters). Clusters index runes.
func (sh *shaper) shape(runes []rune, span runeSpan, it item, f *Font, lang language.Language) []sglyph {
	dir := di.DirectionLTR
	if it.level%2 == 1 {
		dir = di.DirectionRTL
	}
	out := sh.hb.ShapeNoExtents(shaping.Input{
		Text: runes, RunStart: span.start, RunEnd: span.end,
		Direction: dir, Face: sh.face(f), Size: fixed.I(f.upem),
		Script: it.script, Language: lang,
	})
	fc := sh.face(f)
	space, hasSpace := fc.NominalGlyph(' ')
	gl := make([]sglyph, 0, len(out.Glyphs))
	for _, g := range out.Glyphs {
		s := sglyph{id: uint16(g.GlyphID), adv: units(g.Advance), dx: units(g.XOffset), dy: units(g.YOffset),
			cluster: g.TextIndex(), unsafe: g.Mask&harfbuzz.GlyphUnsafeToBreak != 0}
		if g.GlyphID == 0 && Invisible(runes[s.cluster]) {
			// A control character the font lacks, such as a tab: a space
			// for a tab, nothing for the others; never a .notdef box.
			g.GlyphID, s.adv = font.EmptyGlyph, 0
			if runes[s.cluster] == '\t' && hasSpace {
				s.adv = fc.HorizontalAdvance(space)
			}
		}
		if g.GlyphID > math.MaxUint16 { // an invisible glyph (a space the font lacks)
			if !hasSpace { // keep its advance on the glyph before, if any
				if len(gl) > 0 {
					gl[len(gl)-1].adv += s.adv
				}
				continue
			}
			s.id = uint16(space)
		}
		gl = append(gl, s)
	}
	return gl
}

// units converts a 26.6 fixed-point value of a run shaped at one unit per
// font unit into font units.
func units(v fixed.Int26_6) float32 { return float32(v) / 64 }
