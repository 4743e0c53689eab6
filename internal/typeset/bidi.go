package typeset

import (
	gobidi "github.com/go-text/typesetting/bidi"
	"golang.org/x/text/unicode/bidi"
)

// The isolate marks put around each token before the bidi algorithm runs,
// so that the text around a token sees it as one neutral character.
const (
	lri = '\u2066' // LEFT-TO-RIGHT ISOLATE
	pdi = '\u2069' // POP DIRECTIONAL ISOLATE
)

// bidiClass returns the Unicode bidi class of r.
func bidiClass(r rune) bidi.Class {
	p, _ := bidi.LookupRune(r)
	return p.Class()
}

// bidiLevels returns the embedding level of every rune, as the Unicode
// Bidirectional Algorithm (UAX #9) resolves it up to rule I2, with
// paragraphs ending at paragraph separators and the base direction given.
// Each token is set as a left-to-right isolate whose content is forced left
// to right (as if wrapped in LRI LRO ... PDF PDI): its characters, even
// Arabic-Indic digits, read left to right in logical order. Left-to-right
// text with nothing right to left in it is all at level 0, tokens too.
func (sh *shaper) bidiLevels(runes []rune, classes []bidi.Class, toks []runeSpan, rtl bool) []int8 {
	levels := make([]int8, len(runes))
	if !rtl && !needsBidi(classes) {
		return levels
	}
	inToken := make([]bool, len(runes))
	for _, t := range toks {
		for i := t.start; i < t.end; i++ {
			inToken[i] = true
		}
	}
	for start := 0; start < len(runes); {
		end := start
		for end < len(runes) && classes[end] != bidi.B {
			end++
		}
		if end < len(runes) {
			end++ // the separator belongs to the paragraph it ends
		}
		sh.paragraphLevels(runes[start:end], inToken[start:end], rtl, levels[start:end])
		start = end
	}
	return levels
}

// paragraphLevels resolves the levels of one paragraph into levels.
func (sh *shaper) paragraphLevels(runes []rune, inToken []bool, rtl bool, levels []int8) {
	base, tokenLevel := int8(0), int8(2)
	dir := gobidi.LeftToRight
	if rtl {
		base, dir = 1, gobidi.RightToLeft
	}
	// Build the algorithm's input: the text with each token isolated.
	sh.bidiText, sh.bidiIndex = sh.bidiText[:0], sh.bidiIndex[:0]
	for i, r := range runes {
		if inToken[i] && (i == 0 || !inToken[i-1]) {
			sh.bidiText, sh.bidiIndex = append(sh.bidiText, lri), append(sh.bidiIndex, -1)
		}
		sh.bidiText, sh.bidiIndex = append(sh.bidiText, r), append(sh.bidiIndex, i)
		if inToken[i] && (i == len(runes)-1 || !inToken[i+1]) {
			sh.bidiText, sh.bidiIndex = append(sh.bidiText, pdi), append(sh.bidiIndex, -1)
		}
	}
	out := sh.bidi.Segment(sh.bidiText, dir)
	for k := 0; k < out.NumRuns(); k++ {
		run := out.Run(k)
		for j := run.Start; j < run.End; j++ {
			if i := sh.bidiIndex[j]; i >= 0 {
				levels[i] = int8(run.Level)
			}
		}
	}
	if out.NumRuns() == 0 {
		for i := range levels {
			levels[i] = base
		}
	}
	for i := range levels {
		if inToken[i] {
			levels[i] = tokenLevel
		}
	}
	if !rtl && !hasExplicitControls(runes) {
		refineNumbers(runes, levels, inToken)
	}
}

// needsBidi reports whether text of these classes holds anything right
// to left, or explicit embeddings or isolates.
func needsBidi(classes []bidi.Class) bool {
	for _, c := range classes {
		switch c {
		case bidi.R, bidi.AL, bidi.AN, bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF,
			bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
			return true
		}
	}
	return false
}

// hasExplicitControls reports whether runes hold bidi embeddings,
// overrides or isolates of their own.
func hasExplicitControls(runes []rune) bool {
	for _, r := range runes {
		switch bidiClass(r) {
		case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
			return true
		}
	}
	return false
}

// refineNumbers restores level 2 to numbers in a left-to-right paragraph.
// go-text's bidi package reports one level per run of one direction, so a
// number after right-to-left text (level 2) and the left-to-right text
// that follows it (level 0) come back as one run. Without explicit
// embeddings, an even level in such a paragraph is 2 exactly where rules
// W1 to W7 leave a European number after right-to-left text, or an Arabic
// number; everything else at an even level is 0. Levels inside tokens are
// already final.
func refineNumbers(runes []rune, levels []int8, inToken []bool) {
	prevStrong := bidi.L
	for i, r := range runes {
		if inToken[i] {
			continue
		}
		c := bidiClass(r)
		if c == bidi.L || c == bidi.R || c == bidi.AL {
			prevStrong = c
		}
		if levels[i]%2 == 0 {
			levels[i] = evenLevel(runes, levels, inToken, i, c, prevStrong != bidi.L)
		}
	}
}

// evenLevel returns 0 or 2 for rune i (class c) of a left-to-right
// paragraph; afterRTL tells whether the last strong character before it
// was right to left.
func evenLevel(runes []rune, levels []int8, inToken []bool, i int, c bidi.Class, afterRTL bool) int8 {
	number := func(j int) bool { // is rune j a level-2 number?
		if j < 0 || j >= len(runes) || inToken[j] {
			return false
		}
		switch bidiClass(runes[j]) {
		case bidi.AN:
			return true
		case bidi.EN:
			return afterRTL
		}
		return false
	}
	switch {
	case number(i):
		return 2
	case c == bidi.NSM || c == bidi.BN:
		if i > 0 && !inToken[i-1] && levels[i-1] == 2 {
			return 2
		}
	case c == bidi.ES || c == bidi.CS:
		if number(i-1) && number(i+1) && (c == bidi.CS || bidiClass(runes[i-1]) == bidi.EN) {
			return 2
		}
	case c == bidi.ET:
		if etNextToNumber(runes, i, number) {
			return 2
		}
	}
	return 0
}

// etNextToNumber reports whether the sequence of European terminators
// (such as % or a currency sign) around rune i touches a level-2 European
// number (rule W5).
func etNextToNumber(runes []rune, i int, number func(int) bool) bool {
	for j := i - 1; j >= 0; j-- {
		if c := bidiClass(runes[j]); c != bidi.ET {
			return c == bidi.EN && number(j)
		}
	}
	for j := i + 1; j < len(runes); j++ {
		if c := bidiClass(runes[j]); c != bidi.ET {
			return c == bidi.EN && number(j)
		}
	}
	return false
}

// lineLevels applies rule L1 to the levels of one line, whose runes have
// the bidi classes given: whitespace and isolate or embedding marks at the
// line's end, and before a tab or a paragraph separator, return to the
// paragraph level, as do tabs and separators themselves. It returns a new
// slice.
func lineLevels(classes []bidi.Class, levels []int8, base int8) []int8 {
	out := append([]int8(nil), levels...)
	trailing := true
	for i := len(classes) - 1; i >= 0; i-- {
		switch c := classes[i]; {
		case c == bidi.S || c == bidi.B:
			out[i], trailing = base, true
		case trailing && resetsAtLineEnd(c):
			out[i] = base
		default:
			trailing = false
		}
	}
	return out
}

// resetsAtLineEnd reports whether a character of class c takes the
// paragraph level at the end of a line (rule L1).
func resetsAtLineEnd(c bidi.Class) bool {
	switch c {
	case bidi.WS, bidi.BN, bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF,
		bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
		return true
	}
	return false
}

// visualOrder returns the indices of items with the given levels in visual
// order, left to right (rule L2): from the highest level down to the
// lowest odd level, every maximal sequence at that level or higher is
// reversed.
func visualOrder(levels []int8) []int {
	order := make([]int, len(levels))
	var high, lowOdd int8 = 0, 127
	for i, l := range levels {
		order[i] = i
		high = max(high, l)
		if l%2 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	for lvl := high; lvl >= lowOdd && lvl > 0; lvl-- {
		for i := 0; i < len(order); {
			if levels[order[i]] < lvl {
				i++
				continue
			}
			j := i
			for j < len(order) && levels[order[j]] >= lvl {
				j++
			}
			reverseInts(order[i:j])
			i = j
		}
	}
	return order
}

func reverseInts(s []int) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}
