package leaflet

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// The page, in millimetres: A4 with 15 mm margins. Nothing is drawn
// outside the margins, apart from the colour band of the cover.
const (
	pageW, pageH = 210.0, 297.0
	margin       = 15.0
	bottom       = pageH - margin
	labelW       = 44.0 // the label column of a row
	numberW      = 7.0  // the number column of a list
	gutter       = 3.0
	ptToMM       = 25.4 / 72
)

// style is how a piece of text is set.
type style struct {
	bold  bool
	size  float64 // points
	color [3]int
}

var (
	blue  = [3]int{22, 52, 110}
	grey  = [3]int{80, 80, 80}
	white = [3]int{255, 255, 255}

	bodyStyle  = style{size: 10}
	boldStyle  = style{bold: true, size: 10}
	labelStyle = style{bold: true, size: 10, color: grey}
	headStyle  = style{bold: true, size: 12.5, color: blue}
	noteStyle  = style{size: 8.5, color: grey}
)

// lineHeight is the height of one line of text in the style.
func (s style) lineHeight() float64 { return s.size * ptToMM * 1.35 }

// seg is a piece of one line, in visual order, at its place across the
// page.
type seg struct {
	x, w  float64
	s     string
	style style
	link  string
	rule  bool // a line to write on, not text
}

// line is one line of the page; a line with no segs is space.
type line struct {
	h    float64
	segs []seg
}

// printer lays out docs into one fpdf document.
type printer struct {
	pdf     *fpdf.Fpdf
	rtl     bool
	y       float64
	pageTop float64
	stroked bool    // text is being filled and stroked: bold
	size    float64 // the type size set in fpdf
}

// font sets the type size. fpdf writes every change of font into the
// page, so only a change is passed on.
func (p *printer) font(s style) {
	if s.size != p.size {
		p.pdf.SetFont(family, "", s.size)
		p.size = s.size
	}
}

// boldStroke is the width of the outline that makes text bold, as a share
// of the type size. Bold text is measured as regular text, so it is kept
// light enough not to close up the spaces between letters.
const boldStroke = 0.045

// setBold fills and strokes the text that follows when bold is set, and
// only fills it otherwise.
func (p *printer) setBold(s style) {
	if s.bold {
		p.pdf.SetDrawColor(s.color[0], s.color[1], s.color[2])
		p.pdf.SetLineWidth(s.size * ptToMM * boldStroke)
	}
	if s.bold != p.stroked {
		mode := 0
		if s.bold {
			mode = 2
		}
		p.pdf.SetTextRenderingMode(mode)
		p.stroked = s.bold
	}
}

func (p *printer) width(s string, st style) float64 {
	p.font(st)
	return p.pdf.GetStringWidth(s)
}

// wrap breaks shaped text, in logical order, into lines no wider than
// width: at spaces, and inside a word only when the word alone is wider
// than the line (a long email address).
func (p *printer) wrap(s string, st style, width float64) []string {
	p.font(st)
	space := p.pdf.GetStringWidth(" ")
	var lines []string
	var cur strings.Builder
	curW := 0.0
	flush := func() {
		if cur.Len() > 0 {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
	}
	for _, word := range strings.Split(s, " ") {
		if word == "" {
			continue
		}
		w := p.pdf.GetStringWidth(word)
		for w > width {
			flush()
			head, rest := p.fit(word, width)
			lines = append(lines, head)
			word, w = rest, p.pdf.GetStringWidth(rest)
		}
		if cur.Len() > 0 && curW+space+w > width {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
			curW += space
		}
		cur.WriteString(word)
		curW += w
	}
	flush()
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// fit splits a word after the most runes that fit in width (at least one),
// never between a letter and the marks on it.
func (p *printer) fit(word string, width float64) (string, string) {
	rs := []rune(word)
	end := 1
	for i := 1; i < len(rs); i++ {
		if isMark(rs[i]) {
			continue
		}
		if p.pdf.GetStringWidth(string(rs[:i])) > width {
			break
		}
		end = i
	}
	for end < len(rs) && isMark(rs[end]) {
		end++
	}
	return string(rs[:end]), string(rs[end:])
}

// column sets logical lines in a column that starts x millimetres from the
// leading edge of the page (the left in a left-to-right language, the
// right in a right-to-left one), aligned to that edge.
func (p *printer) column(lines []string, st style, x, w float64, link string) []seg {
	segs := make([]seg, len(lines))
	for i, l := range lines {
		v := visual(l, p.rtl)
		sw := p.width(v, st)
		left := x
		if p.rtl {
			left = pageW - x - sw
		}
		segs[i] = seg{x: left, w: sw, s: v, style: st, link: link}
	}
	return segs
}

// textLines sets a paragraph across the text width.
func (p *printer) textLines(s string, st style, link string) []line {
	segs := p.column(p.wrap(s, st, pageW-2*margin), st, margin, pageW-2*margin, link)
	out := make([]line, len(segs))
	for i, sg := range segs {
		out[i] = line{h: st.lineHeight(), segs: []seg{sg}}
	}
	return out
}

// twoColumns sets a label (a row's label, a list number, a contact's
// name) beside its text, line by line. The text may be several
// paragraphs, each with its own link.
func (p *printer) twoColumns(label string, ls style, labelWidth float64, bs style, paras ...block) []line {
	lx, bx := margin, margin+labelWidth+gutter
	left := p.column(p.wrap(label, ls, labelWidth), ls, lx, labelWidth, "")
	var right []seg
	for _, b := range paras {
		right = append(right, p.column(p.wrap(b.body.s, bs, pageW-margin-bx), bs, bx, pageW-margin-bx, b.link)...)
	}
	n := max(len(left), len(right))
	out := make([]line, n)
	for i := range n {
		out[i].h = max(ls.lineHeight(), bs.lineHeight())
		if i < len(left) {
			out[i].segs = append(out[i].segs, left[i])
		}
		if i < len(right) {
			out[i].segs = append(out[i].segs, right[i])
		}
	}
	return out
}

// blankLine is a label with a ruled line beside it, for the officer to
// write on.
func (p *printer) blankLine(label string) []line {
	out := p.twoColumns(label, labelStyle, labelW, bodyStyle, block{})
	bx := margin + labelW + gutter
	w := pageW - margin - bx
	x := bx
	if p.rtl {
		x = pageW - bx - w
	}
	out[0].segs = append(out[0].segs, seg{x: x, w: w, rule: true, style: bodyStyle})
	out[0].h = 6.5
	return out
}

// chunks turns a block into groups of lines that stay on one page.
func (p *printer) chunks(b block) [][]line {
	gap := func(h float64) []line { return []line{{h: h}} }
	switch b.kind {
	case heading:
		return [][]line{append(gap(3.5), p.textLines(b.body.s, headStyle, b.link)...)}
	case row:
		return [][]line{append(gap(0.6), p.twoColumns(b.label.s, labelStyle, labelW, bodyStyle, b)...)}
	case entry:
		return [][]line{append(gap(1.6), p.twoColumns(b.label.s, boldStyle, labelW, bodyStyle, append([]block{b}, b.more...)...)...)}
	case item:
		return [][]line{append(gap(0.8), p.twoColumns(b.label.s, bodyStyle, numberW, bodyStyle, block{body: b.body})...)}
	case blank:
		return [][]line{append(gap(0.6), p.blankLine(b.label.s)...)}
	}
	st := bodyStyle
	switch b.kind {
	case strong:
		st = boldStyle
	case note:
		st = noteStyle
	}
	lines := append(gap(1.6), p.textLines(b.body.s, st, b.link)...)
	// Keep the first two lines together, then let the paragraph break
	// between any two lines.
	first := min(len(lines), 3)
	out := [][]line{lines[:first]}
	for _, l := range lines[first:] {
		out = append(out, []line{l})
	}
	return out
}

// flow lays out the blocks of one page of the doc and any pages they run
// onto. A heading stays with what follows it, and so does each block of a
// contact; a chunk that does not fit starts a new page.
func (p *printer) flow(blocks []block) {
	var chunks [][]line
	glue := false
	for _, b := range blocks {
		for i, c := range p.chunks(b) {
			if len(chunks) > 0 && ((i == 0 && glue) || (i > 0 && b.keep)) {
				chunks[len(chunks)-1] = append(chunks[len(chunks)-1], c...)
			} else {
				chunks = append(chunks, c)
			}
		}
		glue = b.kind == heading || b.keep
	}
	for _, c := range chunks {
		h := 0.0
		for _, l := range c {
			h += l.h
		}
		if p.y+h > bottom && p.y > p.pageTop && h <= bottom-margin {
			p.newPage()
		}
		for _, l := range c {
			p.drawLine(l)
		}
	}
}

func (p *printer) newPage() {
	p.pdf.AddPage()
	p.y, p.pageTop = margin, margin
	p.stroked = false // each page starts with plain text
}

// drawLine draws one line at the current height, moving to a new page
// first if it would cross the bottom margin. Space at the top of a page is
// dropped.
func (p *printer) drawLine(l line) {
	if len(l.segs) == 0 {
		if p.y > p.pageTop {
			p.y += l.h
		}
		return
	}
	if p.y+l.h > bottom {
		p.newPage()
	}
	for _, s := range l.segs {
		p.drawSeg(s, p.y, l.h)
	}
	p.y += l.h
}

func (p *printer) drawSeg(s seg, top, h float64) {
	baseline := top + (h-s.style.size*ptToMM)/2 + 0.8*s.style.size*ptToMM
	if s.rule {
		p.pdf.SetDrawColor(grey[0], grey[1], grey[2])
		p.pdf.SetLineWidth(0.2)
		p.pdf.Line(s.x, baseline+1, s.x+s.w, baseline+1)
		return
	}
	p.font(s.style)
	p.pdf.SetTextColor(s.style.color[0], s.style.color[1], s.style.color[2])
	p.setBold(s.style)
	p.pdf.Text(s.x, baseline, s.s)
	if s.link != "" {
		p.pdf.LinkString(s.x, top, s.w, h, s.link)
	}
}
