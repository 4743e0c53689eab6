package pdf

import (
	"testing"
	"time"
)

// pen draws lines of text on a page for the tests.
type pen struct {
	t testing.TB
	p *Page
}

// write draws text in e at (x, y) and returns its width.
func (w pen) write(e *Element, f *Font, size, x, y float64, text string) float64 {
	w.t.Helper()
	gs := glyphs(w.t, f, size, text, false)
	w.p.Begin(e)
	w.p.Text(Run{Font: f, Size: size, X: x, Y: y, Glyphs: gs})
	w.p.End()
	return advance(gs)
}

var (
	blue = Color{R: 0x1d, G: 0x70, B: 0xb8}
	grey = Color{R: 0xb1, G: 0xb4, B: 0xb6}
)

// sampleDocument is the tiny document of the tool tests: one page of
// Latin text with a heading, a paragraph, a list, a link and a figure,
// a footer and a rule drawn as artifacts.
func sampleDocument(t testing.TB) *Document {
	t.Helper()
	regular, bold := loadFont(t, "NotoSans-Regular.ttf"), loadFont(t, "NotoSans-Bold.ttf")
	d := New(Info{Title: "What happens next", Lang: "en-GB", Created: time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)})
	page := d.AddPage(A4)
	w := pen{t, page}
	root := d.Root()

	w.write(root.Add(H1), bold, 24, 56, 90, "What happens next")
	page.BeginArtifact(ArtifactLayout)
	page.Line(56, 102, 539, 102, 1, grey)
	page.End()
	w.write(root.Add(P), regular, 12, 56, 130, "The police will contact you within five days.")

	list := root.Add(L)
	for i, item := range []string{"Victim Support can help you.", "You can ask for an interpreter."} {
		li := list.Add(LI)
		y := 160 + 20*float64(i)
		w.write(li.Add(Lbl), regular, 12, 56, y, "•")
		w.write(li.Add(LBody), regular, 12, 72, y, item)
	}

	para := root.Add(P)
	x := 56.0
	x += w.write(para, regular, 12, x, 220, "Read more at ")
	link := para.Add(Link)
	width := w.write(link, regular, 12, x, 220, "victimsupport.org.uk")
	page.Link(link, "https://www.victimsupport.org.uk/", Rect{X: x, Y: 208, W: width, H: 16})
	page.BeginArtifact(ArtifactLayout) // the underline is decoration
	page.Line(x, 222, x+width, 222, 0.75, blue)
	page.End()
	w.write(para, regular, 12, x+width, 220, ".")

	fig := root.Add(Figure)
	fig.Alt = "QR code linking to the crime page"
	page.Begin(fig)
	for i := range 5 {
		page.FillRect(Color{}, Rect{X: 56 + 12*float64(i), Y: 250 + 12*float64(i%2), W: 10, H: 10})
	}
	page.StrokeRoundRect(Rect{X: 52, Y: 246, W: 66, H: 28}, 4, 0.5, grey)
	page.End()

	page.BeginArtifact(ArtifactFooter)
	pen{t, page}.text(regular, 9, 56, 800, "Page 1 of 1")
	page.End()
	return d
}

// text draws a run inside whatever sequence is open.
func (w pen) text(f *Font, size, x, y float64, text string) {
	w.t.Helper()
	w.p.Text(Run{Font: f, Size: size, X: x, Y: y, Glyphs: glyphs(w.t, f, size, text, false)})
}

// arabicText is "Call us: +44 1522 000000", the logical text of the
// Arabic paragraph in richDocument: right-to-left words, then a number
// that is drawn left to right.
const (
	arabicWords  = "اتصل بنا: "
	arabicNumber = "+44 1522 000000"
	arabicText   = arabicWords + arabicNumber
)

// richDocument is the two-page document of the structure tests: an
// Arabic paragraph with /Lang and /ActualText (its glyphs in visual order,
// as a shaper gives right-to-left text), a table with a header cell, a
// note, a paragraph that runs on to page 2, and a link drawn on two lines.
func richDocument(t testing.TB, actualText bool) *Document {
	t.Helper()
	latin, arabic := loadFont(t, "NotoSans-Regular.ttf"), loadFont(t, "NotoNaskhArabic-Regular.ttf")
	d := New(Info{Title: "Contact us", Lang: "en-GB"})
	p1 := d.AddPage(A4)
	w := pen{t, p1}
	root := d.Root()
	w.write(root.Add(H1), latin, 20, 56, 80, "Contact us")

	ar := root.Add(P)
	ar.Lang = "ar"
	if actualText {
		ar.ActualText = arabicText
	}
	// In visual order, left to right: the number, then the words
	// reversed, as a shaper and the bidi algorithm lay them out.
	number := glyphs(t, latin, 14, arabicNumber, false)
	p1.Begin(ar)
	p1.Text(Run{Font: latin, Size: 14, X: 300, Y: 120, Glyphs: number})
	p1.Text(Run{Font: arabic, Size: 14, X: 300 + advance(number), Y: 120, Glyphs: glyphs(t, arabic, 14, arabicWords, true)})
	p1.End()

	table := root.Add(Table)
	row := table.Add(TR)
	th := row.Add(TH)
	th.Scope = ScopeRow
	w.write(th, latin, 12, 56, 160, "Phone")
	w.write(row.Add(TD), latin, 12, 160, 160, "0300 303 0554")

	note := root.Add(Note)
	w.write(note, latin, 9, 56, 190, "Calls are free.")

	para := root.Add(P)
	w.write(para, latin, 12, 56, 800, "Visit")
	link := para.Add(Link)
	w.write(link, latin, 12, 90, 800, "victimsupport.org.uk/")
	p1.Link(link, "https://www.victimsupport.org.uk/help/", Rect{X: 90, Y: 788, W: 120, H: 16})
	p2 := d.AddPage(A4)
	pen{t, p2}.write(link, latin, 12, 56, 60, "help")
	p2.Link(link, "https://www.victimsupport.org.uk/help/", Rect{X: 56, Y: 48, W: 30, H: 16})
	pen{t, p2}.write(para, latin, 12, 90, 60, "for more.")
	return d
}

// advance is the width of glyphs.
func advance(gs []Glyph) float64 {
	w := 0.0
	for _, g := range gs {
		w += g.Advance
	}
	return w
}
