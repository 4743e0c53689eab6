package pdfjs

import (
	"os"
	"testing"

	"victimsite/internal/pdf"
)

// TestRead has pdf.js read a small tagged PDF and checks the tree, the
// text and the outline it gives back.
func TestRead(t *testing.T) {
	ttf, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	font, err := pdf.ParseFont(ttf)
	if err != nil {
		t.Fatal(err)
	}
	doc := pdf.New(pdf.Info{Title: "Help", Lang: "en-GB"})
	page := doc.AddPage(pdf.A4)
	h1 := doc.Root().Add(pdf.H1)
	page.Begin(h1)
	help := []pdf.Glyph{{ID: 43, Text: "H"}, {ID: 72, Text: "e"}, {ID: 79, Text: "l"}, {ID: 83, Text: "p"}}
	for i := range help {
		help[i].Advance = font.Advance(help[i].ID) * 24
	}
	page.Text(pdf.Run{Font: font, Size: 24, X: 56, Y: 80, Glyphs: help})
	page.End()
	fig := doc.Root().Add(pdf.Figure)
	fig.Alt = "A QR code"
	fig.Lang = "cy"
	page.Begin(fig)
	page.FillRect(pdf.Color{}, pdf.Rect{X: 56, Y: 100, W: 20, H: 20})
	page.End()
	b, err := doc.Bytes()
	if err != nil {
		t.Fatal(err)
	}

	got := Read(t, b)
	want := "page 1 (lang en-GB, title \"Help\")\nDocument\n  H1: Help\n  Figure lang=cy (alt): A QR code\n"
	if got.Outline != want {
		t.Errorf("got outline\n%s\nwant\n%s", got.Outline, want)
	}
	if h := got.Find("H1"); len(h) != 1 || h[0].Text != "Help" || !h[0].Own {
		t.Errorf("got H1 %+v, want one with its own text Help", h)
	}
	if f := got.Find("Figure"); len(f) != 1 || f[0].Alt != "A QR code" || f[0].Lang != "cy" {
		t.Errorf("got Figure %+v, want one in cy with its Alt", f)
	}
}
