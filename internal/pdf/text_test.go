package pdf

import (
	"strings"
	"testing"
)

// TestTextOperators checks how glyph positions become TJ numbers and text
// rise: nothing where the shaper's advance is the font's, a number where
// it differs (kerning), a pair of numbers around a glyph with an x offset,
// and Ts around a glyph with a y offset (with no empty TJ before a
// raised first glyph).
func TestTextOperators(t *testing.T) {
	f := loadFont(t, "NotoSans-Regular.ttf")
	a, v := cmapLookup(t, f, 'A'), cmapLookup(t, f, 'V')
	wa := f.Advance(a) * 10 // points at 10 pt
	tests := []struct {
		name   string
		glyphs []Glyph
		want   string
	}{
		{"font advances", []Glyph{{ID: a, Advance: wa}, {ID: v, Advance: f.Advance(v) * 10}}, "[(\x00$\x009)]TJ\n"},
		{"kerned", []Glyph{{ID: a, Advance: wa - 0.5}, {ID: v, Advance: 5}}, "[(\x00$)50(\x009)]TJ\n"},
		{"x offset", []Glyph{{ID: a, Advance: wa}, {ID: v, Advance: 0, XOffset: -2}, {ID: a, Advance: wa}},
			"[(\x00$)200(\x009)" + num(f.width(v)-200) + "(\x00$)]TJ\n"},
		{"y offset", []Glyph{{ID: a, Advance: wa}, {ID: v, Advance: 0, YOffset: 3.5}, {ID: a, Advance: wa}},
			"[(\x00$)]TJ\n3.5 Ts[(\x009)]TJ\n0 Ts[" + num(f.width(v)) + "(\x00$)]TJ\n"},
		{"raised from the first glyph", []Glyph{{ID: v, Advance: 0, YOffset: 3.5}, {ID: a, Advance: wa}},
			"3.5 Ts[(\x009)]TJ\n0 Ts[" + num(f.width(v)) + "(\x00$)]TJ\n"},
		{"codes that need escaping", []Glyph{{ID: 0x28, Advance: f.Advance(0x28) * 10}, {ID: 0x010d, Advance: f.Advance(0x010d) * 10}, {ID: 0x5c, Advance: f.Advance(0x5c) * 10}},
			"[(\x00\\(\x01\\r\x00\\\\)]TJ\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(appendShow(nil, Run{Font: f, Size: 10, Glyphs: tt.glyphs}))
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func num(v float64) string { return string(appendNum(nil, v)) }

// TestToUnicode checks the CMap: a ligature maps to its letters, a glyph
// drawn only without text to U+034F, and a glyph keeps the first text it
// was drawn with.
func TestToUnicode(t *testing.T) {
	f := loadFont(t, "NotoSans-Regular.ttf")
	d := New(Info{Title: "t", Lang: "en"})
	p := d.AddPage(A4)
	p.Begin(d.Root().Add(P))
	p.Text(Run{Font: f, Size: 10, Glyphs: []Glyph{{ID: 5, Text: "ffi"}, {ID: 6}, {ID: 7, Text: "𝄞"}, {ID: 5, Text: "x"}, {ID: 8}, {ID: 8, Text: "é"}}})
	p.End()
	df := d.fonts[0]
	got := string(appendToUnicode(nil, df.used.list(nil), df.text))
	want := "4 beginbfchar\n<0005><006600660069>\n<0006><034F>\n<0007><D834DD1E>\n<0008><00E9>\nendbfchar\n"
	if !strings.Contains(got, want) {
		t.Errorf("got CMap\n%s\nwant it to contain\n%s", got, want)
	}
}

// TestLangOnlyWhereItChanges checks that /Lang is written on an element
// whose language differs from what it inherits, and nowhere else.
func TestLangOnlyWhereItChanges(t *testing.T) {
	f := loadFont(t, "NotoSans-Regular.ttf")
	d := New(Info{Title: "t", Lang: "en-GB"})
	p := d.AddPage(A4)
	w := pen{t, p}
	w.write(d.Root().Add(P), f, 12, 10, 20, "English")
	same := d.Root().Add(P)
	same.Lang = "EN-gb"
	w.write(same, f, 12, 10, 40, "English too")
	pl := d.Root().Add(Sect)
	pl.Lang = "pl"
	w.write(pl.Add(P), f, 12, 10, 60, "Polski")
	back := pl.Add(P)
	back.Lang = "en-GB"
	w.write(back, f, 12, 10, 80, "English inside Polish")
	out := string(unpack(t, write(t, d)))
	if got := strings.Count(out, "/Lang"); got != 3 {
		t.Errorf("got /Lang %d times, want 3 (catalog, Sect, the English P in it)", got)
	}
	for _, want := range []string{"/Lang(pl)/K[", "/Lang(en-GB)/K[3]"} {
		if !strings.Contains(out, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}
