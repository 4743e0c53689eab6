package leaflet

import (
	"fmt"

	"victimsite/internal/pdf"
)

// Producer is the only name the PDF metadata carries besides the title
// and the language.
const Producer = "victimsite"

// drawer writes a laid-out leaflet as a tagged PDF.
type drawer struct {
	fonts  *fontSet
	pages  []*pdf.Page
	err    error
	glyphs []pdf.Glyph // reused by every run: the writer keeps none
}

// draw writes l: its pages, its structure tree in reading order, and the
// footer and decoration of every page as artifacts. The metadata holds
// the title and the language alone, and no date, so the same leaflet
// always gives the same bytes.
func (fs *fontSet) draw(l *laid) ([]byte, error) {
	doc := pdf.New(pdf.Info{Title: l.title, Lang: l.lang})
	dr := &drawer{fonts: fs}
	for range l.pages {
		dr.pages = append(dr.pages, doc.AddPage(pdf.A4))
	}
	personal := map[int]bool{} // the pages that show personal details
	for _, n := range l.tree {
		dr.node(doc.Root(), n, personal)
	}
	for i, pieces := range l.furniture {
		for _, p := range pieces {
			kind := pdf.ArtifactLayout
			pg := dr.pages[i]
			if p.footer {
				kind = pdf.ArtifactFooter
				if !personal[i] {
					// All but the footer (which holds the reference) is
					// the same for every victim: compressed once.
					pg.EndShared()
				}
			}
			pg.BeginArtifact(kind)
			dr.piece(pg, &p)
			pg.End()
		}
	}
	if dr.err != nil {
		return nil, dr.err
	}
	b, err := doc.Bytes()
	if err != nil {
		return nil, fmt.Errorf("leaflet: %w", err)
	}
	return b, nil
}

// node adds n to the tree under parent and draws its content, in order,
// noting the pages that show personal details.
func (dr *drawer) node(parent *pdf.Element, n *node, personal map[int]bool) {
	e := parent.Add(n.role)
	e.Lang, e.ActualText, e.Alt, e.Scope = n.lang, n.actual, n.alt, n.scope
	areas := map[int][]pdf.Rect{}
	var order []int
	for _, it := range n.items {
		if it.kid != nil {
			dr.node(e, it.kid, personal)
			continue
		}
		p := it.piece
		personal[p.page] = personal[p.page] || p.own
		pg := dr.pages[p.page]
		pg.Begin(e)
		dr.piece(pg, p)
		pg.End()
		if len(p.areas) > 0 {
			if _, ok := areas[p.page]; !ok {
				order = append(order, p.page)
			}
			areas[p.page] = append(areas[p.page], p.areas...)
		}
	}
	for _, page := range order {
		dr.pages[page].Link(e, n.uri, areas[page]...)
	}
}

// piece draws a piece's glyphs, squares, rules and boxes.
func (dr *drawer) piece(pg *pdf.Page, p *piece) {
	if len(p.fills) > 0 {
		pg.FillRect(pdf.Color{}, p.fills...)
	}
	for _, b := range p.boxes {
		pg.StrokeRoundRect(b, 6, 2, inkBlue)
	}
	for _, r := range p.rules {
		pg.Line(r.x1, r.y1, r.x2, r.y2, r.width, ruleGrey)
	}
	for _, r := range p.runs {
		f, err := dr.fonts.pdfFont(r.font)
		if err != nil {
			dr.err = err
			return
		}
		dr.glyphs = dr.glyphs[:0]
		for _, part := range r.parts {
			dr.glyphs = part.glyphs(dr.glyphs)
		}
		pg.Text(pdf.Run{Font: f, Size: r.size, X: r.x, Y: r.y, Color: r.color, Glyphs: dr.glyphs})
	}
}
