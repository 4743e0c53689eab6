package pdf

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestKeep checks that glyphs a font keeps go into every document's
// subset with their text, so that documents drawing different digits
// share one subset, and that a font without Keep subsets each anew.
func TestKeep(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fontDir, "NotoSans-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	baseFont := regexp.MustCompile(`/BaseFont/([A-Z]{6})\+NotoSans-Regular`)
	tags := func(f *Font, texts ...string) []string {
		var out []string
		for _, text := range texts {
			d := New(Info{Title: "Keep", Lang: "en"})
			p := d.AddPage(A4)
			e := d.Root().Add(P)
			p.Begin(e)
			p.Text(Run{Font: f, Size: 12, X: 50, Y: 50, Glyphs: glyphs(t, f, 12, text, false)})
			p.End()
			b := unpack(t, write(t, d))
			m := baseFont.FindSubmatch(b)
			if m == nil {
				t.Fatalf("%q: no subset of NotoSans-Regular in\n%s", text, b)
			}
			out = append(out, string(m[1]))
		}
		return out
	}
	plain, err := ParseFont(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := tags(plain, "Ref 12", "Ref 34"); got[0] == got[1] {
		t.Errorf("without Keep, different digits gave the same subset %s", got[0])
	}
	kept, err := ParseFont(data)
	if err != nil {
		t.Fatal(err)
	}
	kept.Keep(glyphs(t, kept, 12, "0123456789", false)...)
	kept.Keep(Glyph{ID: uint16(kept.NumGlyphs()), Text: "?"}) // out of range: left out
	got := tags(kept, "Ref 12", "Ref 34", "Ref 12")
	if got[0] != got[1] || got[1] != got[2] {
		t.Errorf("with the digits kept, subsets %v, want one", got)
	}
	df := New(Info{Title: "Keep", Lang: "en"}).use(kept)
	df.addGlyph(cmapLookup(t, kept, 'R'), "R")
	cmap := string(appendToUnicode(nil, df.used.list(nil), df.text))
	if got := readToUnicode(t, cmap)[cmapLookup(t, kept, '9')]; got != "9" {
		t.Errorf("the ToUnicode map gives the kept glyph of 9, which was not drawn, the text %q, want \"9\":\n%s", got, cmap)
	}
}
