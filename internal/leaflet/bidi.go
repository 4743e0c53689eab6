package leaflet

import (
	"strings"

	"golang.org/x/text/unicode/bidi"
)

// A PDF draws glyphs left to right, so a line of mixed-direction text has
// to be put in visual order before it is drawn. The Unicode Bidirectional
// Algorithm (golang.org/x/text/unicode/bidi) splits a line into runs of
// one direction; visual reorders those runs. Lines are wrapped first, in
// logical order, and reordered one by one, as the algorithm requires.
//
// Without explicit embeddings (which free text may not contain: see
// validate.go) a line has at most three levels: the paragraph's, text of
// the other direction, and numbers inside right-to-left text. The package
// reports runs by direction only, so the numbers that follow right-to-left
// text in a left-to-right line (level 2) are found here by their class.

const lrm = "\u200e" // left-to-right mark: starts a left-to-right paragraph

// visual returns one line of shaped text in the order its glyphs are
// drawn from left to right. rtl is the direction of the paragraph.
func visual(line string, rtl bool) string {
	if !rtl && !strings.ContainsFunc(line, isStrongRTL) {
		return line
	}
	var p bidi.Paragraph
	var opts []bidi.Option
	src := line
	if rtl {
		opts = append(opts, bidi.DefaultDirection(bidi.RightToLeft))
	} else {
		// The package guesses the direction from the first strong
		// character; a mark makes a Polish line that starts with an
		// Arabic word stay left to right.
		src = lrm + line
	}
	if _, err := p.SetString(src, opts...); err != nil {
		return line
	}
	o, err := p.Order()
	if err != nil {
		return line
	}
	runs := make([]piece, 0, o.NumRuns())
	for i := 0; i < o.NumRuns(); i++ {
		r := o.Run(i)
		runs = append(runs, piece{strings.TrimPrefix(r.String(), lrm), r.Direction() == bidi.RightToLeft})
	}
	if rtl {
		return rtlLine(runs)
	}
	return ltrLine(runs)
}

// piece is a run of text in one direction, in logical order.
type piece struct {
	text string
	rtl  bool
}

// rtlLine orders the runs of a right-to-left line: the runs from right to
// left, each right-to-left run reversed, each left-to-right run (Latin
// text, numbers, crime references, emails) kept as it is.
func rtlLine(runs []piece) string {
	var b strings.Builder
	for i := len(runs) - 1; i >= 0; i-- {
		if runs[i].rtl {
			b.WriteString(reverseRTL(runs[i].text))
		} else {
			b.WriteString(runs[i].text)
		}
	}
	return b.String()
}

// ltrLine orders the runs of a left-to-right line. A right-to-left run and
// the numbers that follow it form one group that is reversed as a whole,
// numbers keeping their own order.
func ltrLine(runs []piece) string {
	var b strings.Builder
	var group []piece
	flush := func() {
		for i := len(group) - 1; i >= 0; i-- {
			if group[i].rtl {
				b.WriteString(reverseRTL(group[i].text))
			} else {
				b.WriteString(group[i].text)
			}
		}
		group = group[:0]
	}
	for _, r := range runs {
		if r.rtl {
			group = append(group, r)
			continue
		}
		if len(group) > 0 {
			n := numberPrefix(r.text)
			if n > 0 {
				group = append(group, piece{r.text[:n], false})
				r.text = r.text[n:]
			}
		}
		if r.text != "" {
			flush()
			b.WriteString(r.text)
		}
	}
	flush()
	return b.String()
}

// numberPrefix returns the length of the number that starts s: digits and
// the separators between them.
func numberPrefix(s string) int {
	end := 0
	for i, r := range s {
		props, _ := bidi.LookupRune(r)
		switch props.Class() {
		case bidi.EN, bidi.AN:
			end = i + len(string(r))
		case bidi.ES, bidi.CS, bidi.ET, bidi.NSM:
		default:
			return end
		}
	}
	return end
}

// isStrongRTL reports whether r is a right-to-left letter.
func isStrongRTL(r rune) bool {
	if r < 0x0590 {
		return false
	}
	props, _ := bidi.LookupRune(r)
	return props.Class() == bidi.R || props.Class() == bidi.AL
}

// reverseRTL reverses a right-to-left run for drawing, rune by rune, with
// paired brackets swapped, since "(" reads as ")" from the right. A mark
// ends up before the letter it sits on, which is where DejaVu's Arabic
// marks expect to be drawn from: their outlines reach forward over the
// glyph that follows.
func reverseRTL(s string) string {
	rs := []rune(s)
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = mirror(r)
	}
	return string(out)
}

func isMark(r rune) bool {
	props, _ := bidi.LookupRune(r)
	return props.Class() == bidi.NSM
}

var mirrors = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹'}

func mirror(r rune) rune {
	if m, ok := mirrors[r]; ok {
		return m
	}
	return r
}
