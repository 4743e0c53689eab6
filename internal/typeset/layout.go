package typeset

import (
	"errors"
	"fmt"
	"math"
)

// Layout sets text in the style into lines no wider than width points.
// Text may hold several paragraphs separated by newlines; each newline
// ends a line. It returns a *MissingGlyphError if a rune of text is one
// that no font of the stack can draw, and an error wrapping
// [ErrInvalidUTF8] for text that is not UTF-8: nothing is ever drawn as a
// box or left blank.
//
// The shaping of a text in a stack, weight, language and direction is
// cached in the stack, so setting the same text again (at any size or
// width) costs only the line breaking; and the Block itself is cached, so
// setting it again at the same size, line height and width costs nothing.
// The slices of a Block are shared with that cache: do not change them.
// Layout is safe for concurrent use.
func Layout(text string, st Style, width float64) (Block, error) {
	if err := st.check(width); err != nil {
		return Block{}, err
	}
	dir := paragraphDir(st)
	b := Block{Text: text, Dir: dir}
	if text == "" {
		return b, nil
	}
	key := blockKey{cacheKey{text: text, bold: st.Bold, lang: st.Lang, rtl: dir == RightToLeft}, st.Size, st.LineHeight, width}
	if !st.NoCache {
		if cached, ok := st.Stack.blocks.get(key); ok {
			return cached, nil
		}
	}
	var sc *Scratch
	if st.NoCache {
		sc = st.Scratch
	}
	p, err := sc.paragraph(text, st, dir == RightToLeft)
	if err != nil {
		return Block{}, err
	}
	ls := lineSetter{p: p, st: st, fonts: st.Stack.fonts(st.Bold)}
	defer ls.release()
	b.Lines = ls.lines(width)
	ls.clear(b.Lines, dir == RightToLeft)
	for _, l := range b.Lines {
		b.Width = max(b.Width, l.Width)
		b.Height += l.Height
	}
	if !st.NoCache {
		st.Stack.blocks.put(key, b, len(p.runes))
	}
	return b, nil
}

// check reports a style or width that cannot set text.
func (st Style) check(width float64) error {
	switch {
	case st.Stack == nil:
		return errors.New("typeset: style has no font stack")
	case !(st.Size > 0) || math.IsInf(st.Size, 0):
		return fmt.Errorf("typeset: font size %v is not above zero", st.Size)
	case !(width > 0) || math.IsInf(width, 0):
		return fmt.Errorf("typeset: width %v is not above zero", width)
	case st.LineHeight < 0 || math.IsNaN(st.LineHeight) || math.IsInf(st.LineHeight, 0):
		return fmt.Errorf("typeset: line height %v is below zero", st.LineHeight)
	}
	return nil
}

// paragraph returns text analysed and shaped, from the cache if it can,
// and keeps it there if cache is set.
func (s *Stack) paragraph(text string, bold bool, lang string, rtl, cache bool, spans []Span) (*paragraph, error) {
	key := cacheKey{text: text, bold: bold, lang: lang, rtl: rtl}
	if p, ok := s.cache.get(key); ok {
		return p, nil
	}
	fonts := s.fonts(bold)
	if err := checkRunes(fonts, text); err != nil {
		return nil, err
	}
	sh := s.pool.Get().(*shaper)
	var mine *personal
	if !cache && spans != nil {
		mine = &personal{spans: spans, items: s.items}
	}
	p, err := sh.build(text, fonts, lang, rtl, mine)
	s.pool.Put(sh)
	if err != nil {
		return nil, err
	}
	if cache {
		s.cache.put(key, p, len(p.runes))
	}
	return p, nil
}
