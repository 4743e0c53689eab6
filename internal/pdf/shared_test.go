package pdf

import (
	"bytes"
	"strings"
	"testing"

	"victimsite/internal/pdfjs"
)

// sharedDoc is a page of the same paragraph in every document, marked
// shared, and then one that differs (a reference), as a leaflet draws
// its pages after the first.
func sharedDoc(t *testing.T, ref string) []byte {
	t.Helper()
	latin := loadFont(t, "NotoSans-Regular.ttf")
	d := New(Info{Title: "Shared", Lang: "en-GB"})
	p := d.AddPage(A4)
	pen{t, p}.write(d.Root().Add(P), latin, 12, 56, 80, "The same for every victim.")
	p.EndShared()
	pen{t, p}.write(d.Root().Add(P), latin, 12, 56, 100, "Reference "+ref)
	return write(t, d)
}

// TestEndShared checks that a page's shared part is a content stream of
// its own, that the writer keeps its compressed form once it has met it
// twice and writes it from there after, and that pdf.js reads the page's
// two streams as one, in order.
func TestEndShared(t *testing.T) {
	sharedStreams = newStreamCache()
	for i, ref := range []string{"LP-1", "LP-2", "LP-3"} {
		b := sharedDoc(t, ref)
		if !bytes.Contains(unpack(t, b), []byte("/Contents [")) {
			t.Fatalf("document %d: the page has one content stream, want two", i+1)
		}
		if kept := len(sharedStreams.kept.keys); kept != min(i, 1) {
			t.Errorf("after document %d, %d shared streams kept, want %d", i+1, kept, min(i, 1))
		}
		ps := pdfjs.Read(t, b).Find("P")
		if len(ps) != 2 || ps[0].Text != "The same for every victim." || ps[1].Text != "Reference "+ref {
			t.Errorf("document %d: pdf.js read %+v", i+1, ps)
		}
	}
	if a, b := sharedDoc(t, "LP-4"), sharedDoc(t, "LP-4"); !bytes.Equal(a, b) {
		t.Error("the same document written twice, once from the cache, differs")
	}
}

// TestEndSharedMisuse checks that EndShared inside marked content, or
// twice on a page, is refused.
func TestEndSharedMisuse(t *testing.T) {
	latin := loadFont(t, "NotoSans-Regular.ttf")
	d := New(Info{Title: "Shared", Lang: "en-GB"})
	p := d.AddPage(A4)
	e := d.Root().Add(P)
	p.Begin(e)
	p.Text(Run{Font: latin, Size: 12, X: 56, Y: 80, Glyphs: glyphs(t, latin, 12, "open", false)})
	p.EndShared()
	p.End()
	p.EndShared()
	p.EndShared()
	_, err := d.Bytes()
	if err == nil || !strings.Contains(err.Error(), "still open") || !strings.Contains(err.Error(), "twice") {
		t.Errorf("got %v, want errors for EndShared inside marked content and twice", err)
	}
}
