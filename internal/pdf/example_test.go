package pdf_test

import (
	"fmt"
	"log"
	"os"

	"victimsite/internal/pdf"
)

// run lays out glyph ids the way a shaper would give them: each at the
// font's advance, scaled to the size.
func run(f *pdf.Font, size, x, y float64, ids []uint16, text string) pdf.Run {
	r := pdf.Run{Font: f, Size: size, X: x, Y: y}
	for i, id := range ids {
		r.Glyphs = append(r.Glyphs, pdf.Glyph{ID: id, Advance: f.Advance(id) * size, Text: text[i : i+1]})
	}
	return r
}

// A heading and a link, tagged. The glyph ids are Noto Sans's for "Help"
// and "Call 101"; in the leaflet they come from internal/typeset.
func Example() {
	ttf, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		log.Fatal(err)
	}
	font, err := pdf.ParseFont(ttf) // once; share it between documents
	if err != nil {
		log.Fatal(err)
	}
	doc := pdf.New(pdf.Info{Title: "Help", Lang: "en-GB"})
	page := doc.AddPage(pdf.A4)

	h1 := doc.Root().Add(pdf.H1)
	page.Begin(h1)
	page.Text(run(font, 24, 56, 80, []uint16{43, 72, 79, 83}, "Help"))
	page.End()

	p := doc.Root().Add(pdf.P)
	link := p.Add(pdf.Link)
	page.Begin(link)
	call := run(font, 12, 56, 120, []uint16{38, 68, 79, 79, 3, 20, 19, 20}, "Call 101")
	page.Text(call)
	page.End()
	page.Link(link, "tel:101", pdf.Rect{X: 56, Y: 108, W: 50, H: 16})

	page.BeginArtifact(pdf.ArtifactFooter)
	page.Text(run(font, 9, 56, 800, []uint16{20}, "1"))
	page.End()

	b, err := doc.Bytes()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s\n", b[:8])
	// Output: %PDF-1.7
}

// Bytes reports every misuse at once, and writes nothing.
func ExampleDocument_Bytes() {
	doc := pdf.New(pdf.Info{Title: "Help", Lang: "en-GB"})
	page := doc.AddPage(pdf.A4)
	fig := doc.Root().Add(pdf.Figure) // no Alt
	page.Begin(fig)
	page.FillRect(pdf.Color{}, pdf.Rect{X: 56, Y: 56, W: 10, H: 10})
	// no End
	_, err := doc.Bytes()
	fmt.Println(err)
	// Output:
	// pdf: page 1: marked content for a Figure element was begun and never ended
	// pdf: structure element Document > Figure: a Figure needs Alt, a description of it
}
