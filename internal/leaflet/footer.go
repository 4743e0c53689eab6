package leaflet

import (
	"strings"

	"victimsite/internal/typeset"
)

// A footer line is the same on every leaflet of a language made on one
// day, but for the crime reference in it. Shaping the whole line anew on
// every page of every leaflet, as personal text must be, took a fifth of
// a leaflet's time. So the line is set in three pieces: the text before
// the reference and the text after it are the site's (their shaping and
// their lines are kept in the stack's caches), and the reference alone is
// shaped each time and kept nowhere. The pieces go side by side, in
// reading order from the leading edge. The reference is a code of Latin
// letters and digits, which breaks no joining and, in a right-to-left
// footer, stays a left-to-right piece as it would in the whole line.

// footerPieces sets line, the text of the footer f, on one line with its
// reference (f.bare, "" when it has none) shaped on its own, once for all
// the doc's pages (s.scratch keeps it), which all have the footer's
// style. ok is false
// when the line does not fit on one line of the text width (or s.err is
// set): the caller then sets it whole.
func (s *setter) footerPieces(f footer, line string, st tstyle) (blk typeset.Block, ok bool) {
	ref := f.bare
	before, after := line, ""
	if i := strings.Index(line, ref); ref != "" && i >= 0 {
		before, after = line[:i], line[i+len(ref):]
	} else {
		ref = ""
	}
	// Whitespace at the end of a line takes no room: the space between
	// the label and the reference goes with the reference.
	label := strings.TrimRight(before, " ")
	parts := []text{
		{s: label, where: "the footer"},
		{s: before[len(label):] + ref, where: "the footer", own: true},
		{s: after, where: "the footer"},
	}
	pieces := make([]typeset.Block, 0, len(parts))
	width := 0.0
	for _, t := range parts {
		if strings.TrimSpace(t.s) == "" {
			pieces = append(pieces, typeset.Block{Text: t.s})
			continue
		}
		b, ok := s.layout(&node{}, t, st, 10*textW)
		if !ok || len(b.Lines) != 1 {
			return blk, false
		}
		pieces = append(pieces, b)
		width += b.Width
	}
	if width > textW {
		return blk, false
	}
	dir := typeset.LeftToRight
	if s.rtl {
		dir = typeset.RightToLeft
	}
	blk, err := typeset.Join(typeset.Style{Stack: s.stack, Size: st.size, Bold: st.bold, Lang: s.lang, Dir: dir, LineHeight: s.sz.lead}, pieces...)
	if err != nil {
		s.err = err
		return blk, false
	}
	return blk, true
}
