package typeset

import (
	"math"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// inkSlices is how many columns an em is cut into when the ink of lines
// is compared: a glyph's outline is measured column by column, so a
// tall letter may stand close above a deep swash that lies beside it.
const inkSlices = 20

// profile is the ink of one line, column by column from its leading edge:
// how far it reaches above (top) and below (bottom) the baseline, in
// points; -Inf where a column holds no ink.
type profile struct {
	step        float64 // column width, in points
	top, bottom []float64
}

// reach returns how far the line's ink reaches above (up) or below the
// baseline, in points.
func (p profile) reach(up bool) float64 {
	cols := p.bottom
	if up {
		cols = p.top
	}
	r := 0.0
	for _, v := range cols {
		r = max(r, v)
	}
	return r
}

// add widens the profile to hold the ink v (above or below the baseline)
// over x0..x1 points.
func (p *profile) add(x0, x1, top, bottom float64) {
	i0, i1 := max(0, int(math.Floor(x0/p.step))), int(math.Floor(x1/p.step))
	for len(p.top) <= i1 {
		p.top, p.bottom = append(p.top, math.Inf(-1)), append(p.bottom, math.Inf(-1))
	}
	for i := i0; i <= i1; i++ {
		p.top[i], p.bottom[i] = max(p.top[i], top), max(p.bottom[i], bottom)
	}
}

// between returns the least distance between the baselines of two lines
// that keeps the upper line's ink gap points from the lower line's ink in
// every column within gap across.
func between(upper, lower profile, gap float64) float64 {
	k := int(math.Ceil(gap / upper.step))
	need := 0.0
	for i, b := range upper.bottom {
		for j := max(0, i-k); j <= i+k && j < len(lower.top); j++ {
			need = max(need, b+lower.top[j]+gap)
		}
	}
	return need
}

// glyphInk is the ink of one glyph, column by column from x0, in font
// units.
type glyphInk struct {
	x0, step    float64
	top, bottom []float64
}

// ink returns the profile of the line's glyphs.
func (ls *lineSetter) ink(l Line, rtl bool) profile {
	if ls.sh == nil {
		ls.sh = ls.st.Stack.pool.Get().(*shaper)
	}
	p := profile{step: ls.st.Size / inkSlices}
	for _, r := range l.Runs {
		scale := r.Size / float64(r.Font.upem)
		x := r.X
		for _, g := range r.Glyphs {
			gi := ls.sh.glyphInk(r.Font, g.ID)
			for c := range gi.top {
				if math.IsInf(gi.top[c], -1) {
					continue
				}
				x0 := x + g.XOffset + (gi.x0+float64(c)*gi.step)*scale
				x1 := x0 + gi.step*scale
				if rtl {
					x0, x1 = l.Width-x1, l.Width-x0
				}
				p.add(x0, x1, gi.top[c]*scale+g.YOffset, gi.bottom[c]*scale-g.YOffset)
			}
			x += g.XAdvance
		}
	}
	return p
}

// glyphInk returns the ink of glyph id of f, measured from its outline
// (the polygon of its control points, which holds the curves) once per
// shaper.
func (sh *shaper) glyphInk(f *Font, id uint16) *glyphInk {
	if sh.inks == nil {
		sh.inks = map[*Font]map[uint16]*glyphInk{}
	}
	m := sh.inks[f]
	if m == nil {
		m = map[uint16]*glyphInk{}
		sh.inks[f] = m
	}
	if gi, ok := m[id]; ok {
		return gi
	}
	gi := &glyphInk{step: float64(f.upem) / inkSlices}
	if o, ok := sh.face(f).GlyphData(font.GID(id)).(font.GlyphOutline); ok {
		gi.measure(o)
	}
	m[id] = gi
	return gi
}

// measure fills gi from the outline's control polygon.
func (gi *glyphInk) measure(o font.GlyphOutline) {
	var pts [][2]float64
	var cur [2]float64
	gi.x0 = math.Inf(1)
	for _, s := range o.Segments {
		for _, a := range s.ArgsSlice() {
			pts = append(pts, cur, [2]float64{float64(a.X), float64(a.Y)})
			cur = pts[len(pts)-1]
			gi.x0 = min(gi.x0, cur[0])
		}
		if s.Op == ot.SegmentOpMoveTo {
			pts = pts[:len(pts)-2]
		}
	}
	if len(pts) == 0 {
		gi.x0 = 0
		return
	}
	for i := 0; i+1 < len(pts); i += 2 {
		gi.edge(pts[i], pts[i+1])
	}
}

// edge widens gi to hold the straight edge from a to b.
func (gi *glyphInk) edge(a, b [2]float64) {
	n := int(math.Abs(b[0]-a[0])/gi.step*2) + 1
	for k := 0; k <= n; k++ {
		t := float64(k) / float64(n)
		x, y := a[0]+(b[0]-a[0])*t, a[1]+(b[1]-a[1])*t
		c := int((x - gi.x0) / gi.step)
		for len(gi.top) <= c {
			gi.top, gi.bottom = append(gi.top, math.Inf(-1)), append(gi.bottom, math.Inf(-1))
		}
		gi.top[c], gi.bottom[c] = max(gi.top[c], y), max(gi.bottom[c], -y)
	}
}
