package leaflet

import "victimsite/internal/typeset"

// This file sets the officer and the report side by side: two short
// tables (or, on the generic leaflet, labels with ruled lines to write
// on), each with its heading. The officer's table takes the width its
// longest row needs on one line, at least half the page; the report's
// takes the rest, each label above its value where a row would not stand
// on one line. The structure tree holds the officer, then the report; in
// a right-to-left language the officer is on the right. The contact
// promise follows across the page.

// officerAndReport returns the units of a pair block, whose more are the
// officer's heading and table, the promise's heading and paragraph, and
// the report's heading and table: side by side where they fit, else one
// after the other as composed.
func (s *setter) officerAndReport(b block) []unit {
	off, rep := b.more[:2], b.more[4:6]
	gap := colGap * s.sz.body
	lw1, need1, ok1 := s.tableWidth(off[1])
	lw2, need2, ok2 := s.tableWidth(rep[1])
	w1 := max(need1, (textW-gap)/2)
	w2 := textW - gap - w1
	stack := need2 > w2
	if stack {
		ok2 = ok2 && s.stackFits(rep[1], w2)
	}
	if !ok1 || !ok2 {
		var out []unit
		for _, m := range b.more {
			out = append(out, s.unit(m))
		}
		return out
	}
	s.list = nil
	u := unit{gap: s.sz.gap * 2}
	saved := s.labelW
	before := len(s.part.items)
	s.labelW = lw1
	h1 := s.put(block{kind: group, more: off}, s.part, 0, w1, 0, &u)
	s.labelW, s.stacked = lw2, stack
	h2 := s.put(block{kind: group, more: rep}, s.part, w1+gap, w2, 0, &u)
	s.labelW, s.stacked = saved, false
	u.h = max(h1, h2)
	for _, it := range s.part.items[before:] {
		u.nodes = append(u.nodes, it.kid)
	}
	return []unit{u, s.unit(b.more[2]), s.unit(b.more[3])}
}

// width is the width of t on one line, in the body size.
func (s *setter) width(t text, bold bool) float64 {
	return s.widthIn(t, tstyle{size: s.sz.body, bold: bold})
}

// widthIn is the width of t on one line in the style st.
func (s *setter) widthIn(t text, st tstyle) float64 {
	blk, err := s.scratch.layout(t, typeset.Style{Stack: s.stack, Size: st.size, Bold: st.bold, Lang: s.lang, NoCache: t.own}, 10*textW)
	if err != nil {
		return 10 * textW
	}
	return blk.Width
}

// tableWidth returns the label column width of a group of rows (its
// longest label in bold and a gap), the width the table needs for every
// label and value to stand on one line, and whether it is all rows.
func (s *setter) tableWidth(g block) (lw, need float64, ok bool) {
	value := 0.0
	for _, r := range g.more {
		switch r.kind {
		case row:
			value = max(value, s.width(r.body, false))
		case blank:
			value = max(value, writeW*s.sz.body)
		default:
			return 0, 0, false
		}
		lw = max(lw, s.width(r.label, true))
	}
	lw += 14
	return lw, lw + value, true
}

// stackFits reports whether every label and every value of a group of
// rows stands on one line w wide, each label above its value.
func (s *setter) stackFits(g block, w float64) bool {
	for _, r := range g.more {
		if s.width(r.label, true) > w || s.width(r.body, false) > w || (r.kind == blank && writeW*s.sz.body > w) {
			return false
		}
	}
	return true
}

// writeW is the least length of a ruled line to write on beside its
// label, in multiples of the body size: room for an email address in
// handwriting.
const writeW = 14.0
