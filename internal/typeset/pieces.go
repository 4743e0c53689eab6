package typeset

import (
	"unicode"

	"github.com/go-text/typesetting/language"
)

// This file shapes personal text in pieces. A sentence such as "Call 101
// and quote your reference LP-12345-26" is the site's text around a few
// personal details. Shaped whole, it is shaped again for every victim;
// a Scratch told which bytes are personal (Scratch.Personal) shapes the
// site's pieces through the stack's cache of items and only the personal
// ones afresh, so the victim's details still never reach the stack.
//
// Cutting an item into pieces changes nothing where the cut is at the
// item's edge, where the script, direction or font changes (HarfBuzz
// shapes items apart anyway), nor at a space in a font in which no
// shaping reaches across a space (Library.CutAtSpaces: the embedded Noto
// fonts, which TestPiecesShapeAsWhole holds to that; many other fonts
// kern a space with the letter beside it). Cuts anywhere else are not
// made: the piece of site text is then shaped with the personal text
// beside it.

// Span is a range of bytes of a text, [Start, End).
type Span struct{ Start, End int }

// itemKey is what the shaping of a piece of the site's text depends on,
// besides its font's neighbours, which cutting ensures cannot join it.
type itemKey struct {
	font   *Font
	text   string
	script language.Script
	rtl    bool
	lang   language.Language
}

// personal says which bytes of a text are personal, and where the
// shaping of its other pieces is kept.
type personal struct {
	spans []Span
	items *runeCache[itemKey, []sglyph]
}

// cutPiece is a run of an item shaped on its own: personal (own) or the
// site's.
type cutPiece struct {
	runeSpan
	own bool
}

// personalRunes returns the runes of p that spans (byte ranges of its
// text) mark as personal, as a mask. Digits are always personal: a count
// of days or a date may sit in the site's words.
func personalRunes(p *paragraph, spans []Span) []bool {
	own := make([]bool, len(p.runes))
	for i, r := range p.runes {
		own[i] = unicode.IsDigit(r)
		for _, s := range spans {
			if p.offs[i] < s.End && p.offs[i+1] > s.Start {
				own[i] = true
			}
		}
	}
	return own
}

// cut divides the item it of p into pieces: maximal runs of personal and
// of site runes, a run of site runes joining the personal pieces beside
// it wherever it cannot be shaped alone (cuttable). It returns the pieces
// in logical order.
func cut(p *paragraph, it runeSpan, own []bool, f *Font) []cutPiece {
	var ps []cutPiece
	for i := it.start; i < it.end; i++ {
		if n := len(ps); n > 0 && ps[n-1].own == own[i] {
			ps[n-1].end = i + 1
			continue
		}
		ps = append(ps, cutPiece{runeSpan{i, i + 1}, own[i]})
	}
	for i := range ps {
		if !ps[i].own && !cuttable(p, it, ps[i].runeSpan, f) {
			ps[i].own = true
		}
	}
	merged := ps[:0]
	for _, pc := range ps {
		if n := len(merged); n > 0 && merged[n-1].own == pc.own {
			merged[n-1].end = pc.end
			continue
		}
		merged = append(merged, pc)
	}
	return merged
}

// cuttable reports whether the site's runes s of item it of p, in font
// f, shape the same alone as within the item: each end of s is the
// item's end, or, in a font that cuts at spaces, starts a grapheme with a
// space on one side of the cut; and the rune just outside the item at an
// end, if any, joins nothing.
func cuttable(p *paragraph, it, s runeSpan, f *Font) bool {
	runes := p.runes
	edge := func(at, outside int, itemEdge bool) bool {
		if itemEdge {
			return outside < 0 || outside >= len(runes) || !mayJoin(runes[outside])
		}
		return f.cutsAtSpaces && p.flags[at]&graphemeStart != 0 && (unicode.Is(unicode.Zs, runes[at-1]) || unicode.Is(unicode.Zs, runes[at]))
	}
	return edge(s.start, s.start-1, s.start == it.start) && edge(s.end, s.end, s.end == it.end)
}

// mayJoin reports whether r may take part in cursive joining or change
// the shape of a neighbour: letters and marks of the joining scripts,
// the tatweel, and the format characters (ZWJ, ZWNJ and the like).
func mayJoin(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Syriac, unicode.Nko, unicode.Mongolian, unicode.Mandaic,
		unicode.Manichaean, unicode.Psalter_Pahlavi, unicode.Adlam, unicode.Hanifi_Rohingya, unicode.Sogdian, unicode.Cf, unicode.Mn) ||
		r == 0x0640
}

// shapePieces shapes item it of p piece by piece, the site's pieces
// through items (the stack's cache), and returns its glyphs in visual
// order.
func (sh *shaper) shapePieces(p *paragraph, it item, f *Font, own []bool, items *runeCache[itemKey, []sglyph]) []sglyph {
	ps := cut(p, it.runeSpan, own, f)
	if len(ps) == 1 && ps[0].own {
		return sh.shape(p.runes, it.runeSpan, it, f, p.lang)
	}
	rtl := it.level%2 == 1
	parts := make([][]sglyph, len(ps))
	n := 0
	for i, pc := range ps {
		if pc.own {
			parts[i] = sh.shape(p.runes, pc.runeSpan, it, f, p.lang)
		} else {
			parts[i] = sh.sitePiece(p, pc.runeSpan, it, f, items)
		}
		n += len(parts[i])
	}
	gl := make([]sglyph, 0, n)
	for i := range parts {
		if rtl {
			i = len(parts) - 1 - i
		}
		gl = append(gl, parts[i]...)
	}
	return gl
}

// sitePiece shapes the site's runes s of item it, or takes them from
// items; the glyphs' clusters index p's runes.
func (sh *shaper) sitePiece(p *paragraph, s runeSpan, it item, f *Font, items *runeCache[itemKey, []sglyph]) []sglyph {
	key := itemKey{font: f, text: string(p.runes[s.start:s.end]), script: it.script, rtl: it.level%2 == 1, lang: p.lang}
	kept, ok := items.get(key)
	if !ok {
		// Shaped alone, with no context: cuttable made sure none applies.
		kept = sh.shape(p.runes[s.start:s.end], runeSpan{0, s.end - s.start}, it, f, p.lang)
		items.put(key, kept, s.end-s.start)
	}
	gl := make([]sglyph, len(kept))
	for i, g := range kept {
		g.cluster += s.start
		gl[i] = g
	}
	return gl
}
