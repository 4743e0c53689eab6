package pdf

import (
	"bytes"
	"math"
	"strings"
	"sync"
	"testing"
)

// TestMisuseIsAnError feeds the writer the mistakes a caller can make and
// checks that Bytes refuses each with a message that says what is wrong,
// instead of writing a PDF that misleads a screen reader.
func TestMisuseIsAnError(t *testing.T) {
	f := loadFont(t, "NotoSans-Regular.ttf")
	run := func(y float64, gs ...Glyph) Run {
		if gs == nil {
			gs = []Glyph{{ID: 36, Advance: 7, Text: "A"}}
		}
		return Run{Font: f, Size: 12, X: 50, Y: y, Glyphs: gs}
	}
	// text draws one run in a new element of the given role.
	text := func(d *Document, parent *Element, role Role) *Element {
		e := parent.Add(role)
		p := d.pages[len(d.pages)-1]
		p.Begin(e)
		p.Text(run(100))
		p.End()
		return e
	}
	tests := []struct {
		name  string
		build func(d *Document, p *Page)
		want  []string
	}{
		{"glyph id out of range", func(d *Document, p *Page) {
			p.Begin(d.Root().Add(P))
			p.Text(run(100, Glyph{ID: uint16(f.NumGlyphs()), Advance: 5}))
			p.End()
		}, []string{"glyph 1 of a text run is glyph id 3317, but font NotoSans-Regular has glyphs 0 to 3316"}},
		{"unclosed sequence", func(d *Document, p *Page) {
			p.Begin(d.Root().Add(P))
			p.Text(run(100))
		}, []string{"page 1: marked content for a P element was begun and never ended"}},
		{"end without begin", func(d *Document, p *Page) {
			text(d, d.Root(), P)
			p.End()
		}, []string{"End without Begin"}},
		{"nested sequences", func(d *Document, p *Page) {
			e := text(d, d.Root(), P)
			p.BeginArtifact(ArtifactLayout)
			p.Begin(e)
			p.End()
		}, []string{"Begin(P) while an artifact is still open"}},
		{"element without content", func(d *Document, p *Page) {
			text(d, d.Root(), P)
			d.Root().Add(P)
		}, []string{"Document > P 2: was given no content"}},
		{"text outside marked content", func(d *Document, p *Page) {
			text(d, d.Root(), P)
			p.Text(run(200))
		}, []string{"text drawn outside marked content"}},
		{"rectangle outside marked content", func(d *Document, p *Page) {
			text(d, d.Root(), P)
			p.FillRect(Color{}, Rect{X: 1, Y: 1, W: 2, H: 2})
		}, []string{"a rectangle drawn outside marked content"}},
		{"figure without alt", func(d *Document, p *Page) {
			fig := d.Root().Add(Figure)
			p.Begin(fig)
			p.FillRect(Color{}, Rect{X: 1, Y: 1, W: 2, H: 2})
			p.End()
		}, []string{"Document > Figure: a Figure needs Alt"}},
		{"link element without annotation", func(d *Document, p *Page) {
			text(d, text(d, d.Root(), P), Link)
		}, []string{"Link: has no link annotation"}},
		{"annotation on a paragraph", func(d *Document, p *Page) {
			p.Link(text(d, d.Root(), P), "https://example.org/", Rect{X: 1, Y: 1, W: 9, H: 9})
		}, []string{"Link was given a P element"}},
		{"javascript link", func(d *Document, p *Page) {
			p.Link(text(d, d.Root(), Link), "javascript:alert(1)", Rect{X: 1, Y: 1, W: 9, H: 9})
		}, []string{"the scheme must be http, https, mailto or tel", "Link: has no link annotation"}},
		{"link without area", func(d *Document, p *Page) {
			p.Link(text(d, d.Root(), Link), "tel:+441522000000")
		}, []string{"has no area"}},
		{"list item outside a list", func(d *Document, p *Page) {
			text(d, d.Root(), LI)
		}, []string{"a LI must be inside L"}},
		{"content directly in a list", func(d *Document, p *Page) {
			text(d, d.Root(), L)
		}, []string{"Document > L: has content of its own; a L holds only LI or L or Caption"}},
		{"first heading is H2", func(d *Document, p *Page) {
			text(d, d.Root(), H2)
		}, []string{"after the start of the document comes H1"}},
		{"H3 after H1", func(d *Document, p *Page) {
			text(d, d.Root(), H1)
			text(d, d.Root(), H3)
		}, []string{"after H1 comes H1 to H2"}},
		{"unknown role", func(d *Document, p *Page) {
			text(d, d.Root(), Role("Blink"))
		}, []string{`"Blink" is not a standard structure type`}},
		{"bad element language", func(d *Document, p *Page) {
			text(d, d.Root(), P).Lang = "en_GB"
		}, []string{`language "en_GB" is not a BCP 47 tag`}},
		{"not a number", func(d *Document, p *Page) {
			p.Begin(d.Root().Add(P))
			p.Text(run(math.NaN()))
			p.End()
		}, []string{"not a finite number"}},
		{"no font", func(d *Document, p *Page) {
			p.Begin(d.Root().Add(P))
			p.Text(Run{Size: 12, Glyphs: []Glyph{{ID: 1}}})
			p.End()
		}, []string{"text run with no font"}},
		{"element of another document", func(d *Document, p *Page) {
			text(d, d.Root(), P)
			p.Begin(New(Info{}).Root().Add(P))
		}, []string{"Begin was given an element of another document"}},
		{"scope on a cell", func(d *Document, p *Page) {
			tr := d.Root().Add(Table).Add(TR)
			text(d, tr, TD).Scope = ScopeRow
		}, []string{`Scope "Row" is for a TH only`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New(Info{Title: "t", Lang: "en"})
			tt.build(d, d.AddPage(A4))
			_, err := d.Bytes()
			if err == nil {
				t.Fatal("got no error")
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("got error\n%v\nwant it to contain %q", err, want)
				}
			}
		})
	}
}

// TestDocumentNeedsTitleLanguageAndPages checks the document-wide
// problems, reported together.
func TestDocumentNeedsTitleLanguageAndPages(t *testing.T) {
	_, err := New(Info{Lang: "english language"}).Bytes()
	if err == nil {
		t.Fatal("got no error")
	}
	for _, want := range []string{"has no title", `"english language" is not a BCP 47 tag`, "has no pages", "Document: was given no content"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("got error\n%v\nwant it to contain %q", err, want)
		}
	}
}

// TestSameCallsSameBytes builds the sample document on several goroutines
// at once, sharing the fonts, and wants the same bytes every time (run
// with -race to check the sharing too).
func TestSameCallsSameBytes(t *testing.T) {
	want := write(t, sampleDocument(t))
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	errs := make([]error, 4)
	for i := range got {
		wg.Go(func() { got[i], errs[i] = sampleDocument(t).Bytes() })
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(got[i], want) {
			t.Fatalf("document %d differs from the first (%d bytes, want %d)", i, len(got[i]), len(want))
		}
	}
	if want := unpack(t, want); !bytes.Contains(want, []byte("/CreationDate(D:20260301093000Z)")) || !bytes.Contains(want, []byte("<xmp:CreateDate>2026-03-01T09:30:00Z</xmp:CreateDate>")) {
		t.Error("the creation date the caller gave is missing")
	}
	undated := New(Info{Title: "t", Lang: "en"})
	p := undated.AddPage(A4)
	pen{t, p}.write(undated.Root().Add(P), loadFont(t, "NotoSans-Regular.ttf"), 12, 50, 50, "x")
	if b := unpack(t, write(t, undated)); bytes.Contains(b, []byte("CreationDate")) || bytes.Contains(b, []byte("CreateDate")) {
		t.Error("a document without Info.Created has a date")
	}
}
