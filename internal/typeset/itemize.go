package typeset

import (
	"github.com/go-text/typesetting/language"
)

// runeSpan is a range of rune indices, [start, end).
type runeSpan struct{ start, end int }

// grapheme is one user-perceived character (UAX #29) with the choices
// made for it. All its runes share one font and one script, so that a
// vowel sign is never drawn apart from its consonant.
type grapheme struct {
	runeSpan
	kind   graphemeKind
	font   int // index in the stack, -1 until chosen
	script language.Script
}

type graphemeKind uint8

const (
	letter    graphemeKind = iota // has a letter of some script
	neutral                       // digits, punctuation, symbols
	invisible                     // spaces and controls (see Invisible)
)

// item is a maximal range of runes with one bidi level, script and font:
// the unit HarfBuzz shapes.
type item struct {
	runeSpan
	level  int8
	script language.Script
	font   int
}

// itemize chooses a font and a script for every grapheme and groups the
// runes into items. Fonts are chosen so:
//   - a letter takes the first font of the stack that draws its whole
//     grapheme;
//   - digits, punctuation and symbols take the font and script of the
//     nearest letter at the same bidi level (the one before, else the one
//     after), if that font draws them; standing alone at their level, as
//     a phone number or web address inside Arabic text does, they take
//     the first font that has Latin letters and draws them;
//   - spaces and controls take the font of the grapheme before them at the
//     same level, else of the one after them.
func itemize(runes []rune, levels []int8, graphemes []runeSpan, fonts []*Font) []item {
	gs := make([]grapheme, len(graphemes))
	for i, span := range graphemes {
		gs[i] = classify(runes, span, fonts)
	}
	resolveNeutrals(runes, levels, gs, fonts)
	resolveInvisibles(levels, gs)
	return group(levels, gs)
}

// classify sets the kind of a grapheme, and its font and script if it
// holds a letter.
func classify(runes []rune, span runeSpan, fonts []*Font) grapheme {
	g := grapheme{runeSpan: span, kind: invisible, font: -1, script: language.Common}
	for _, r := range runes[span.start:span.end] {
		if s := language.LookupScript(r); s.Strong() && s != language.Unknown {
			g.kind, g.script = letter, s
			break
		}
		if !Invisible(r) {
			g.kind = neutral
		}
	}
	if g.kind == letter {
		g.font = coveringFont(fonts, runes[span.start:span.end])
	}
	return g
}

// coveringFont returns the first font that draws all of rs, else the
// first that draws rs[0], else 0 (Layout has refused text that no font
// can draw before it gets here).
func coveringFont(fonts []*Font, rs []rune) int {
	if i := coveringFontOf(fonts, rs); i >= 0 {
		return i
	}
	return max(firstCovering(fonts, rs[0]), 0)
}

// resolveNeutrals chooses fonts and scripts for digits and punctuation.
func resolveNeutrals(runes []rune, levels []int8, gs []grapheme, fonts []*Font) {
	latin := latinFont(fonts)
	for i := range gs {
		if gs[i].kind != neutral {
			continue
		}
		rs := runes[gs[i].start:gs[i].end]
		if j := nearestLetter(levels, gs, i); j >= 0 && fonts[gs[j].font].coversAll(rs) {
			gs[i].font, gs[i].script = gs[j].font, gs[j].script
			continue
		}
		gs[i].script = language.Latin
		if latin >= 0 && fonts[latin].coversAll(rs) {
			gs[i].font = latin
		} else {
			gs[i].font = coveringFont(fonts, rs)
		}
	}
}

// nearestLetter returns the index of the letter grapheme nearest before
// gs[i], else after it, without crossing a change of bidi level; or -1.
func nearestLetter(levels []int8, gs []grapheme, i int) int {
	lvl := levels[gs[i].start]
	for j := i - 1; j >= 0 && levels[gs[j].start] == lvl; j-- {
		if gs[j].kind == letter {
			return j
		}
	}
	for j := i + 1; j < len(gs) && levels[gs[j].start] == lvl; j++ {
		if gs[j].kind == letter {
			return j
		}
	}
	return -1
}

// latinFont returns the index of the first font with Latin letters, or -1.
func latinFont(fonts []*Font) int {
	for i, f := range fonts {
		if f.coversAll([]rune("Aa")) {
			return i
		}
	}
	return -1
}

// resolveInvisibles gives spaces and controls the font and script of the
// grapheme before them at the same bidi level, else of the one after them,
// so that they split no item of their own.
func resolveInvisibles(levels []int8, gs []grapheme) {
	take := func(i, j int) {
		gs[i].font, gs[i].script = gs[j].font, gs[j].script
	}
	for i := 1; i < len(gs); i++ {
		if gs[i].font < 0 && gs[i-1].font >= 0 && levels[gs[i].start] == levels[gs[i-1].start] {
			take(i, i-1)
		}
	}
	for i := len(gs) - 2; i >= 0; i-- {
		if gs[i].font < 0 && gs[i+1].font >= 0 {
			take(i, i+1)
		}
	}
	for i := range gs {
		if gs[i].font < 0 { // only invisibles, all at the end
			gs[i].font, gs[i].script = 0, language.Latin
			if i > 0 {
				take(i, i-1)
			}
		}
	}
}

// group joins graphemes into items of one level, script and font. A
// grapheme whose runes differ in level (a mark after a number) is split
// by level.
func group(levels []int8, gs []grapheme) []item {
	var items []item
	for _, g := range gs {
		for i := g.start; i < g.end; i++ {
			n := len(items)
			if n > 0 && items[n-1].level == levels[i] && items[n-1].script == g.script && items[n-1].font == g.font {
				items[n-1].end = i + 1
				continue
			}
			items = append(items, item{runeSpan{i, i + 1}, levels[i], g.script, g.font})
		}
	}
	return items
}
