package typeset

import (
	"sort"

	"golang.org/x/text/unicode/bidi"
)

// runeToken is a token by rune indices.
type runeToken struct {
	runeSpan
	kind tokenKind
}

// runeTokens converts tokens from byte offsets to rune indices.
func (p *paragraph) runeTokens(toks []token) []runeToken {
	out := make([]runeToken, len(toks))
	for i, t := range toks {
		s := sort.SearchInts(p.offs, t.start)
		e := sort.SearchInts(p.offs, t.end)
		out[i] = runeToken{runeSpan{s, e}, t.kind}
	}
	return out
}

func spansOf(toks []runeToken) []runeSpan {
	out := make([]runeSpan, len(toks))
	for i, t := range toks {
		out[i] = t.runeSpan
	}
	return out
}

// segment marks line-break opportunities (UAX #14, then the token rules)
// and grapheme starts (UAX #29) in p.flags, and returns the graphemes.
func (sh *shaper) segment(p *paragraph) []runeSpan {
	n := len(p.runes)
	sh.seg.Init(p.runes)
	for it := sh.seg.LineIterator(); it.Next(); {
		l := it.Line()
		if end := l.Offset + len(l.Text); end < n {
			p.flags[end] |= breakAllowed
			if l.IsMandatoryBreak {
				p.flags[end] |= breakMandatory
			}
		}
	}
	var graphemes []runeSpan
	for it := sh.seg.GraphemeIterator(); it.Next(); {
		g := it.Grapheme()
		p.flags[g.Offset] |= graphemeStart
		graphemes = append(graphemes, runeSpan{g.Offset, g.Offset + len(g.Text)})
	}
	for _, t := range p.toks {
		p.tokenBreaks(t)
	}
	return graphemes
}

// tokenBreaks keeps a line from breaking inside a number token, and inside
// an address except after a run of / . or - (so never inside a word of
// it, nor inside "https://").
func (p *paragraph) tokenBreaks(t runeToken) {
	for i := t.start + 1; i < t.end; i++ {
		p.flags[i] &^= breakAllowed | breakMandatory
		if t.kind == tokenURL && addressSeparator(p.runes[i-1]) && !addressSeparator(p.runes[i]) {
			p.flags[i] |= breakAllowed
		}
	}
}

func addressSeparator(r rune) bool { return r == '/' || r == '.' || r == '-' }

// markClusters marks cluster starts, and those HarfBuzz says are unsafe to
// cut at, from the shaped items.
func (p *paragraph) markClusters() {
	for _, it := range p.items {
		p.flags[it.start] |= clusterStart
		for _, g := range it.glyphs {
			p.flags[g.cluster] |= clusterStart
			if g.unsafe && g.cluster != it.start {
				p.flags[g.cluster] |= unsafeToBreak
			}
		}
	}
	p.flags[len(p.runes)] |= clusterStart | graphemeStart
}

// slack is how much wider than asked a line may be, in points: room for
// rounding, not for type (a billionth of a point).
const slack = 1e-9

// trimmed reports whether rune i is whitespace that is neither drawn nor
// measured at the end of a line: spaces, newlines, tabs and invisible
// format characters (rule L1's whitespace).
func (p *paragraph) trimmed(i int) bool {
	c := p.classes[i]
	return resetsAtLineEnd(c) || c == bidi.B || c == bidi.S
}

// inkEnd returns the end of runes[start:end] without its trailing
// whitespace.
func (p *paragraph) inkEnd(start, end int) int {
	for end > start && p.trimmed(end-1) {
		end--
	}
	return end
}

// safeCut reports whether the shaping of the paragraph holds when it is
// cut before rune i: HarfBuzz says so, or whitespace is on either side
// (which joins no letters, and whose kerning does not count at a line's
// end, where it is not drawn).
func (p *paragraph) safeCut(i int) bool {
	return p.flags[i]&unsafeToBreak == 0 || p.trimmed(i-1) || (i < len(p.runes) && p.trimmed(i))
}

// width returns the advance of runes[start:end] in points at size,
// without trailing whitespace.
func (p *paragraph) width(start, end int, size float64) float64 {
	return (p.pre[p.inkEnd(start, end)] - p.pre[start]) * size
}

// fit returns the end of the line that starts at start and ends at or
// before limit: the last break opportunity where the line, measured by
// the advances of the shaped paragraph, fits in width points; else a cut
// between characters (see forcedBreak). It prefers not to break inside an
// address that would fit whole on the next line.
func (p *paragraph) fit(start, limit int, size, width float64) int {
	best := -1
	for i := start + 1; i <= limit; i++ {
		if i < len(p.runes) && p.flags[i]&breakAllowed == 0 {
			continue
		}
		if p.width(start, i, size) > width+slack {
			break
		}
		best = i
		if i < len(p.runes) && p.flags[i]&breakMandatory != 0 {
			return i
		}
	}
	if best < 0 {
		return p.forcedBreak(start, limit, size, width)
	}
	if t, ok := p.tokenAround(best); ok && t.start > start && p.width(t.start, t.end, size) <= width+slack {
		return t.start
	}
	return best
}

// tokenAround returns the token that position i is strictly inside.
func (p *paragraph) tokenAround(i int) (runeToken, bool) {
	k := sort.Search(len(p.toks), func(k int) bool { return p.toks[k].end > i })
	if k < len(p.toks) && p.toks[k].start < i {
		return p.toks[k], true
	}
	return runeToken{}, false
}

// forcedBreak returns the furthest place, at or before limit, where a
// line that starts at start and holds no break opportunity that fits can
// be cut between characters (grapheme and cluster starts); but at least
// one character on, whatever its width.
func (p *paragraph) forcedBreak(start, limit int, size, width float64) int {
	end := -1
	for i := start + 1; i <= len(p.runes); i++ {
		if !p.cuttable(i) {
			continue
		}
		if end > 0 && (i > limit || p.width(start, i, size) > width+slack) {
			break
		}
		end = i
		if i < len(p.runes) && p.flags[i]&breakMandatory != 0 {
			break
		}
	}
	return end
}

// firstCharEnd returns the end of the first uncuttable unit of the line
// that starts at start.
func (p *paragraph) firstCharEnd(start int) int {
	return p.forcedBreak(start, start, 0, 0)
}

// cuttable reports whether a line may be cut before rune i when nothing
// else fits: between graphemes, and not inside a cluster.
func (p *paragraph) cuttable(i int) bool {
	const cut = graphemeStart | clusterStart
	return p.flags[i]&cut == cut
}
