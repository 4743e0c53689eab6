package pdf

import (
	"testing"

	"victimsite/internal/pdfjs"
)

// TestPDFJSReadsTheSampleInOrder has pdf.js, Firefox's PDF engine, read
// the sample document: the outline of what a screen reader gets is kept
// in testdata/sample.pdfjs.golden.
func TestPDFJSReadsTheSampleInOrder(t *testing.T) {
	doc := pdfjs.Read(t, write(t, sampleDocument(t)))
	checkGolden(t, "sample.pdfjs.golden", doc.Outline)
	if doc.Title != "What happens next" || doc.Lang != "en-GB" {
		t.Errorf("got title %q, language %q; want What happens next, en-GB", doc.Title, doc.Lang)
	}
	fig := doc.Find("Figure")
	if len(fig) != 1 || fig[0].Alt != "QR code linking to the crime page" {
		t.Errorf("got figures %+v, want one with its Alt", fig)
	}
}

// TestPDFJSReadsArabicFromActualText checks what a screen reader in
// Firefox gets from a right-to-left paragraph whose glyphs are in visual
// order: with /ActualText the logical Arabic text, with the element's
// language. The control without /ActualText shows why it is there: pdf.js
// puts the phone number first.
func TestPDFJSReadsArabicFromActualText(t *testing.T) {
	doc := pdfjs.Read(t, write(t, richDocument(t, true)))
	checkGolden(t, "rich.pdfjs.golden", doc.Outline)
	ps := doc.Find("P")
	if len(ps) == 0 || ps[0].Lang != "ar" || ps[0].Alt != arabicText {
		t.Fatalf("got paragraphs %+v, want the first in ar with the text %q", ps, arabicText)
	}
	links := doc.Find("annotation")
	if len(links) != 2 || links[0].URL != "https://www.victimsupport.org.uk/help/" || links[0].Contents != "victimsupport.org.uk/help" {
		t.Errorf("got link annotations %+v, want two, to the help page, with the link's text", links)
	}

	control := pdfjs.Read(t, write(t, richDocument(t, false))).Find("P")
	if len(control) == 0 || control[0].Alt != "" || control[0].Text == arabicText {
		t.Errorf("without ActualText pdf.js read %+v; the test expects it to get the order wrong", control)
	}
}
