package pdf

import (
	"fmt"
	"math"
	"strconv"
)

// Page is one page of a Document. Its coordinates are in points from the
// top-left corner of the page, x to the right and y downwards, as a layout
// engine counts them; the writer turns them into PDF's bottom-up space.
//
// Everything drawn on a page is either content, inside Begin(e) ... End()
// for the structure element e it belongs to, or decoration, inside
// BeginArtifact ... End (PDF/UA-1 7.1: nothing is left untagged).
type Page struct {
	doc           *Document
	index         int
	size          Size
	content       []byte
	fonts         []*docFont // used on this page, in order of first use
	mcids         []*Element // element of each marked-content id
	annots        []*annotation
	open          *mark
	structParents int // key in the parent tree; -1 while the page has no MCIDs
	ref           int // object numbers, while writing
	contentRef    int
	restRef       int // the stream after the shared one, if any
	sharedEnd     int // content[:sharedEnd] is shared (EndShared); 0: none

	text         textState
	fill, stroke Color
	lineWidth    float64
	haveFill     bool
	haveStroke   bool
	haveWidth    bool
}

// Color is an RGB colour; the zero value is black.
type Color struct{ R, G, B uint8 }

// Rect is an area of the page: its top-left corner and its size, in
// points.
type Rect struct{ X, Y, W, H float64 }

// Artifact is the kind of decoration drawn between BeginArtifact and End:
// content a screen reader skips (ISO 32000-1, 14.8.2.2).
type Artifact int

// The kinds of artifact.
const (
	// ArtifactLayout is decoration: rules, boxes, background shapes.
	ArtifactLayout Artifact = iota
	// ArtifactPagination is what repeats page by page, such as a page
	// number.
	ArtifactPagination
	// ArtifactHeader is a running header (Pagination, subtype Header).
	ArtifactHeader
	// ArtifactFooter is a running footer (Pagination, subtype Footer).
	ArtifactFooter
)

// mark is an open marked-content sequence.
type mark struct {
	elem     *Element // nil for an artifact
	artifact Artifact
}

func (m *mark) what() string {
	if m.elem == nil {
		return "an artifact"
	}
	return "a " + string(m.elem.role) + " element"
}

// Size is the page's size.
func (p *Page) Size() Size { return p.size }

// fail remembers a misuse of the page, for Document.Bytes to report.
func (p *Page) fail(err error) {
	p.doc.errs = append(p.doc.errs, fmt.Errorf("pdf: page %d: %w", p.index+1, err))
}

// Begin starts a marked-content sequence that belongs to structure
// element e: what is drawn until End is e's content, read in the order
// Begin is called. Call Begin for the same element again to add more
// content to it (the next line of a paragraph, or its part on the next
// page). Sequences do not nest.
func (p *Page) Begin(e *Element) {
	switch {
	case e == nil || e.doc != p.doc:
		p.fail(fmt.Errorf("Begin was given an element of another document"))
		return
	case p.open != nil:
		p.fail(fmt.Errorf("Begin(%s) while %s is still open: call End first", e.role, p.open.what()))
		return
	}
	if p.structParents < 0 {
		p.structParents = p.doc.nextKey
		p.doc.nextKey++
	}
	mcid := len(p.mcids)
	p.mcids = append(p.mcids, e)
	e.kids = append(e.kids, kid{page: p, mcid: mcid})
	p.open = &mark{elem: e}
	p.content = appendName(p.content, string(e.role))
	p.content = append(p.content, "<</MCID "...)
	p.content = appendInt(p.content, mcid)
	p.content = append(p.content, ">>BDC\n"...)
}

// BeginArtifact starts a sequence of decoration of the given kind, which
// screen readers skip, until End.
func (p *Page) BeginArtifact(kind Artifact) {
	if p.open != nil {
		p.fail(fmt.Errorf("BeginArtifact while %s is still open: call End first", p.open.what()))
		return
	}
	p.open = &mark{artifact: kind}
	switch kind {
	case ArtifactPagination:
		p.content = append(p.content, "/Artifact<</Type/Pagination>>BDC\n"...)
	case ArtifactHeader:
		p.content = append(p.content, "/Artifact<</Type/Pagination/Subtype/Header>>BDC\n"...)
	case ArtifactFooter:
		p.content = append(p.content, "/Artifact<</Type/Pagination/Subtype/Footer>>BDC\n"...)
	default:
		p.content = append(p.content, "/Artifact<</Type/Layout>>BDC\n"...)
	}
}

// EndShared marks what has been drawn on the page so far as what many
// documents draw alike, holding nothing personal: a leaflet's page of the
// site's text, before its running footer with a reference number. That
// goes into a content stream of its own, which the writer compresses once
// for all documents (it keeps the compressed form of the last such
// streams it met twice); what is drawn afterwards goes into a second
// stream, and readers take the two as one. Call it at most once a page,
// outside marked content.
func (p *Page) EndShared() {
	switch {
	case p.open != nil:
		p.fail(fmt.Errorf("EndShared while %s is still open: call End first", p.open.what()))
	case p.sharedEnd > 0:
		p.fail(fmt.Errorf("EndShared called twice on page %d", p.index+1))
	default:
		p.sharedEnd = len(p.content)
	}
}

// End ends the marked-content sequence begun by Begin or BeginArtifact.
func (p *Page) End() {
	if p.open == nil {
		p.fail(fmt.Errorf("End without Begin"))
		return
	}
	p.open = nil
	p.content = append(p.content, "EMC\n"...)
}

// drawing checks that something may be drawn now: inside a marked-content
// sequence, with finite coordinates.
func (p *Page) drawing(what string, nums ...float64) bool {
	if p.open == nil {
		p.fail(fmt.Errorf("%s drawn outside marked content: wrap it in Begin(element) or BeginArtifact ... End", what))
		return false
	}
	if !finite(nums...) {
		p.fail(fmt.Errorf("%s has a coordinate that is not a finite number", what))
		return false
	}
	return true
}

// finite3 is finite for three numbers, without a slice.
func finite3(a, b, c float64) bool {
	return math.Abs(a) <= 1e9 && math.Abs(b) <= 1e9 && math.Abs(c) <= 1e9
}

func finite(nums ...float64) bool {
	for _, v := range nums {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e9 {
			return false
		}
	}
	return true
}

// FillRect fills the rectangles with colour c (many at once for a QR
// code's modules).
func (p *Page) FillRect(c Color, rs ...Rect) {
	for _, r := range rs {
		if !p.drawing("a rectangle", r.X, r.Y, r.W, r.H) {
			return
		}
	}
	p.setFill(c)
	for _, r := range rs {
		p.grow(r)
	}
	if b, ok := p.appendCells(p.content, rs); ok {
		p.content = b
		return
	}
	for _, r := range rs {
		p.content = p.appendRect(p.content, r)
	}
	p.content = append(p.content, "f\n"...)
}

// StrokeRect draws the outline of r with lines width points wide.
func (p *Page) StrokeRect(r Rect, width float64, c Color) {
	if !p.drawing("a rectangle", r.X, r.Y, r.W, r.H, width) {
		return
	}
	p.setStroke(c, width)
	p.content = append(p.appendRect(p.content, r), "S\n"...)
	p.grow(r)
}

// FillRoundRect fills r with its corners rounded to the given radius.
func (p *Page) FillRoundRect(r Rect, radius float64, c Color) {
	if !p.drawing("a rounded rectangle", r.X, r.Y, r.W, r.H, radius) {
		return
	}
	p.setFill(c)
	p.content = append(p.appendRoundRect(p.content, r, radius), "f\n"...)
	p.grow(r)
}

// StrokeRoundRect draws the outline of r with rounded corners.
func (p *Page) StrokeRoundRect(r Rect, radius, width float64, c Color) {
	if !p.drawing("a rounded rectangle", r.X, r.Y, r.W, r.H, radius, width) {
		return
	}
	p.setStroke(c, width)
	p.content = append(p.appendRoundRect(p.content, r, radius), "S\n"...)
	p.grow(r)
}

// Line draws a straight line from (x1, y1) to (x2, y2).
func (p *Page) Line(x1, y1, x2, y2, width float64, c Color) {
	if !p.drawing("a line", x1, y1, x2, y2, width) {
		return
	}
	p.setStroke(c, width)
	b := appendCoordPair(p.content, x1, p.size.Height-y1)
	b = append(b, " m "...)
	b = appendCoordPair(b, x2, p.size.Height-y2)
	p.content = append(b, " l S\n"...)
	p.grow(Rect{X: math.Min(x1, x2), Y: math.Min(y1, y2), W: math.Abs(x2 - x1), H: math.Abs(y2 - y1)})
}

func (p *Page) appendRect(b []byte, r Rect) []byte {
	b = appendCoordPair(b, r.X, p.size.Height-r.Y-r.H)
	b = append(b, ' ')
	b = appendCoordPair(b, r.W, r.H)
	return append(b, " re\n"...)
}

// kappa places the control points of a cubic Bézier that draws a quarter
// circle.
const kappa = 0.5523

func (p *Page) appendRoundRect(b []byte, r Rect, radius float64) []byte {
	radius = math.Max(0, math.Min(radius, math.Min(r.W, r.H)/2))
	k := radius * kappa
	x0, x1 := r.X, r.X+r.W
	y0, y1 := p.size.Height-r.Y-r.H, p.size.Height-r.Y // bottom, top
	b = appendCoordPair(b, x0+radius, y0)
	b = append(b, " m\n"...)
	b = appendLineCurve(b, x1-radius, y0, x1-radius+k, y0, x1, y0+radius-k, x1, y0+radius)
	b = appendLineCurve(b, x1, y1-radius, x1, y1-radius+k, x1-radius+k, y1, x1-radius, y1)
	b = appendLineCurve(b, x0+radius, y1, x0+radius-k, y1, x0, y1-radius+k, x0, y1-radius)
	b = appendLineCurve(b, x0, y0+radius, x0, y0+radius-k, x0+radius-k, y0, x0+radius, y0)
	return append(b, "h\n"...)
}

// appendLineCurve draws a line to (lx, ly), then a curve to (x3, y3).
func appendLineCurve(b []byte, lx, ly, x1, y1, x2, y2, x3, y3 float64) []byte {
	b = append(appendCoordPair(b, lx, ly), " l\n"...)
	b = append(appendCoordPair(b, x1, y1), ' ')
	b = append(appendCoordPair(b, x2, y2), ' ')
	return append(appendCoordPair(b, x3, y3), " c\n"...)
}

func appendPoint(b []byte, x, y float64) []byte {
	return appendNum(append(appendNum(b, x), ' '), y)
}

// appendCoordPair writes a point of a content stream (appendCoord).
func appendCoordPair(b []byte, x, y float64) []byte {
	return appendCoord(append(appendCoord(b, x), ' '), y)
}

// appendInt writes v in decimal (an MCID, a QR code's cells).
func appendInt(b []byte, v int) []byte { return strconv.AppendInt(b, int64(v), 10) }

func (p *Page) setFill(c Color) {
	if p.haveFill && p.fill == c {
		return
	}
	p.fill, p.haveFill = c, true
	p.content = append(appendColor(p.content, c), " rg\n"...)
}

func (p *Page) setStroke(c Color, width float64) {
	if !p.haveStroke || p.stroke != c {
		p.stroke, p.haveStroke = c, true
		p.content = append(appendColor(p.content, c), " RG\n"...)
	}
	if !p.haveWidth || p.lineWidth != width {
		p.lineWidth, p.haveWidth = width, true
		p.content = append(appendNum(p.content, width), " w\n"...)
	}
}

func appendColor(b []byte, c Color) []byte {
	b = append(appendNum(b, float64(c.R)/255), ' ')
	b = append(appendNum(b, float64(c.G)/255), ' ')
	return appendNum(b, float64(c.B)/255)
}

// grow widens the bounding box of the open element (a Figure's /BBox) to
// hold r, given in page coordinates.
func (p *Page) grow(r Rect) {
	e := p.open.elem
	if e == nil || e.role != Figure && e.role != Formula {
		return
	}
	x0, y0 := r.X, p.size.Height-r.Y-r.H
	x1, y1 := r.X+r.W, p.size.Height-r.Y
	if !e.hasBBox {
		e.bbox, e.hasBBox = [4]float64{x0, y0, x1, y1}, true
		return
	}
	e.bbox = [4]float64{math.Min(e.bbox[0], x0), math.Min(e.bbox[1], y0), math.Max(e.bbox[2], x1), math.Max(e.bbox[3], y1)}
}
