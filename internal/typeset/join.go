package typeset

import "errors"

// Join puts pieces of one line, each a Block of one line set by Layout
// in the style st, side by side into one Block of one line: the first
// piece at the leading edge of the paragraph direction (the left in a
// left-to-right paragraph, the right in a right-to-left one). Its Text is
// the pieces' texts one after the other, and the line is as tall, and
// its baseline as low, as Layout would make a line of all their glyphs.
//
// It lets a caller shape once, and cache, the parts of a line that are
// the same every time, and shape only the part that changes (a
// reference number in a running footer). The pieces are shaped apart, so
// nothing joins or kerns across their edges: cut them where nothing
// would, at spaces or between scripts, and put a space that must keep
// its width at the start of a piece, not at its end (whitespace at the
// end of a line takes no room). A piece of no lines (empty text) adds
// only its text. The pieces are not changed.
func Join(st Style, pieces ...Block) (Block, error) {
	if err := st.check(1); err != nil {
		return Block{}, err
	}
	b := Block{Dir: paragraphDir(st)}
	var l Line
	offsets := make([]int, len(pieces))
	for i, pc := range pieces {
		if len(pc.Lines) > 1 {
			return Block{}, errors.New("typeset: a piece to join holds more than one line")
		}
		offsets[i] = len(b.Text)
		b.Text += pc.Text
	}
	for k := range pieces {
		i := k // visual order: the first piece at the leading edge
		if b.Dir == RightToLeft {
			i = len(pieces) - 1 - k
		}
		if len(pieces[i].Lines) == 0 {
			continue
		}
		pl := pieces[i].Lines[0]
		for _, r := range pl.Runs {
			r.X += l.Width
			r.Offset += offsets[i]
			l.Runs = append(l.Runs, r)
		}
		l.Width += pl.Width
	}
	l.Text = b.Text
	ls := lineSetter{st: st}
	defer ls.release()
	ls.measure(&l, func(yield func(*Font) bool) {
		for _, r := range l.Runs {
			if !yield(r.Font) {
				return
			}
		}
	})
	lines := []Line{l}
	ls.clear(lines, b.Dir == RightToLeft)
	b.Lines, b.Width, b.Height = lines, lines[0].Width, lines[0].Height
	return b, nil
}
