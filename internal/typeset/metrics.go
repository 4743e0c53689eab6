package typeset

import "iter"

// inkGap is the least clear space, in ems, between the ink of one line and
// the ink of the next, and between a block's ink and its edges, where a
// line height tighter than the fonts' own boxes brings them close.
const inkGap = 0.06

// metrics sets a line's ascent, descent, height and baseline from the
// fonts of its pieces and the style.
//
// The line is as tall as the line height asked for: the largest of the
// style's and, for each font, the one its [Family] set or else the font's
// own. A line height below the fonts' ascent plus descent wins (Nastaliq's
// box is 2.5 em, and its letters rarely reach both edges at one place):
// the baseline then divides the line in proportion to ascent and descent,
// and [lineSetter.clear] keeps the lines' ink apart.
func (ls *lineSetter) metrics(l *Line, pieces []piece) {
	ls.measure(l, func(yield func(*Font) bool) {
		for _, pc := range pieces {
			if !yield(ls.fonts[ls.p.items[pc.item].font]) {
				return
			}
		}
	})
}

// measure sets a line's ascent, descent, height and baseline, as metrics
// describes, from the fonts of its glyphs.
func (ls *lineSetter) measure(l *Line, fonts iter.Seq[*Font]) {
	size := ls.st.Size
	leading := ls.st.LineHeight
	for f := range fonts {
		l.Ascent = max(l.Ascent, float64(f.ascent)*size/float64(f.upem))
		l.Descent = max(l.Descent, float64(f.descent)*size/float64(f.upem))
		leading = max(leading, ls.st.Stack.LineHeight(f))
	}
	l.Height = leading * size
	box := l.Ascent + l.Descent
	if l.Height >= box {
		l.Baseline = (l.Height-box)/2 + l.Ascent
		return
	}
	l.Baseline = l.Height * l.Ascent / box
}

// tight reports whether the line is shorter than its fonts' boxes.
func tight(l Line) bool { return l.Height < l.Ascent+l.Descent-1e-9 }

// clear makes room where tight lines would let ink collide: it lowers the
// first line's baseline until its ink is clear of the block's top, makes
// a line taller where its ink would come within inkGap ems of the next
// line's ink at the same place, and the last line taller until its ink is
// clear of the block's bottom. So the block's ink stays inside the block,
// and no line's ink touches another's.
func (ls *lineSetter) clear(lines []Line, rtl bool) {
	some := false
	for _, l := range lines {
		some = some || tight(l)
	}
	if !some {
		return
	}
	gap := inkGap * ls.st.Size
	prof := make([]profile, len(lines))
	for i := range lines {
		prof[i] = ls.ink(lines[i], rtl)
	}
	first, last := &lines[0], &lines[len(lines)-1]
	if d := prof[0].reach(true) + gap - first.Baseline; d > 0 {
		first.Baseline += d
		first.Height += d
	}
	for i := 0; i+1 < len(lines); i++ {
		need := between(prof[i], prof[i+1], gap)
		if d := need - (lines[i].Height - lines[i].Baseline + lines[i+1].Baseline); d > 0 {
			lines[i].Height += d
		}
	}
	last.Height = max(last.Height, last.Baseline+prof[len(lines)-1].reach(false)+gap)
}
