package leaflet

import (
	"strconv"
	"strings"
	"testing"

	"victimsite/internal/pdfjs"
)

// readingOrder is what a screen reader gets from a PDF through pdf.js,
// one element a line with its role and any language of its own: an
// element's ActualText or Alt where it has one, else its text.
func readingOrder(doc *pdfjs.Document) string {
	var b strings.Builder
	var walk func(ns []pdfjs.Node, depth int)
	walk = func(ns []pdfjs.Node, depth int) {
		for _, n := range ns {
			if n.Role == "annotation" {
				continue
			}
			head := strings.Repeat("  ", depth) + n.Role
			if n.Lang != "" {
				head += "[" + n.Lang + "]"
			}
			switch {
			case n.Alt != "":
				b.WriteString(head + ": " + n.Alt + "\n")
			case n.Own:
				b.WriteString(head + ": " + n.Text + "\n")
				walk(n.Kids, depth+1)
			default:
				b.WriteString(head + "\n")
				walk(n.Kids, depth+1)
			}
		}
	}
	for _, p := range doc.Pages {
		b.WriteString("-- page " + strconv.Itoa(p.Number) + "\n")
		walk(p.Tree, 0)
	}
	return b.String()
}

// rtlCases are the leaflets in right-to-left and shaped scripts whose
// reading order, as pdf.js gives it, is kept in testdata/*.pdfjs.golden:
// pdftotext cannot be trusted with them.
func rtlCases() map[string]Details {
	ar := sample("ar")
	ar.VictimName = "مريم أحمد"
	persian := sample("ar")
	persian.VictimName = "پرویز گلچین"
	return map[string]Details{"ar": ar, "ur": sample("ur"), "pa": sample("pa"), "ar-persian-name": persian}
}

func TestGoldenReadingOrder(t *testing.T) {
	for name, d := range rtlCases() {
		t.Run(name, func(t *testing.T) {
			r := testRenderer(t)
			if d.Lang == "ur" || d.Lang == "pa" {
				r = repoRenderer(t) // the fixture site has neither
			}
			pdf, err := r.Render(d)
			if err != nil {
				t.Fatal(err)
			}
			doc := pdfjs.Read(t, pdf)
			if doc.Lang != d.Lang {
				t.Errorf("pdf.js reads the language %q, want %q", doc.Lang, d.Lang)
			}
			checkGolden(t, name+".pdfjs", readingOrder(doc))
		})
	}
}
