package pdf

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestTextOperators checks how glyph positions become TJ numbers and text
// rise: nothing where the shaper's advance is the font's, a number where
// it differs (kerning), a pair of numbers around a glyph with an x offset,
// and Ts around a glyph with a y offset (with no empty TJ before a
// raised first glyph); a run that starts at the rise the last one left
// sets it not again, and one that ends raised leaves the rise for the next.
func TestTextOperators(t *testing.T) {
	f := loadFont(t, "NotoSans-Regular.ttf")
	a, v := cmapLookup(t, f, 'A'), cmapLookup(t, f, 'V')
	wa := f.Advance(a) * 10 // points at 10 pt
	tests := []struct {
		name           string
		rise, wantRise float64
		glyphs         []Glyph
		want           string
	}{
		{"font advances", 0, 0, []Glyph{{ID: a, Advance: wa}, {ID: v, Advance: f.Advance(v) * 10}}, "[(\x00$\x009)]TJ\n"},
		{"kerned", 0, 0, []Glyph{{ID: a, Advance: wa - 0.5}, {ID: v, Advance: 5}}, "[(\x00$)50(\x009)]TJ\n"},
		{"x offset", 0, 0, []Glyph{{ID: a, Advance: wa}, {ID: v, Advance: 0, XOffset: -2}, {ID: a, Advance: wa}},
			"[(\x00$)200(\x009)" + num(f.width(v)-200) + "(\x00$)]TJ\n"},
		{"y offset", 0, 0, []Glyph{{ID: a, Advance: wa}, {ID: v, Advance: 0, YOffset: 3.5}, {ID: a, Advance: wa}},
			"[(\x00$)]TJ\n3.5 Ts[(\x009)]TJ\n0 Ts[" + num(f.width(v)) + "(\x00$)]TJ\n"},
		{"raised from the first glyph", 0, 0, []Glyph{{ID: v, Advance: 0, YOffset: 3.5}, {ID: a, Advance: wa}},
			"3.5 Ts[(\x009)]TJ\n0 Ts[" + num(f.width(v)) + "(\x00$)]TJ\n"},
		{"raised as the last run left it", 3.5, 3.5, []Glyph{{ID: v, Advance: f.Advance(v) * 10, YOffset: 3.5}}, "[(\x009)]TJ\n"},
		{"back from the last run's rise", 3.5, 0, []Glyph{{ID: a, Advance: wa}}, "0 Ts[(\x00$)]TJ\n"},
		{"ends raised", 0, -1.25, []Glyph{{ID: a, Advance: wa}, {ID: v, Advance: 0, YOffset: -1.254}},
			"[(\x00$)]TJ\n-1.25 Ts[(\x009)]TJ\n"},
		{"codes that need escaping", 0, 0, []Glyph{{ID: 0x28, Advance: f.Advance(0x28) * 10}, {ID: 0x010d, Advance: f.Advance(0x010d) * 10}, {ID: 0x5c, Advance: f.Advance(0x5c) * 10}},
			"[(\x00\\(\x01\\r\x00\\\\)]TJ\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, rise := appendShow(nil, Run{Font: f, Size: 10, Glyphs: tt.glyphs}, tt.rise)
			if got := string(b); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if rise != tt.wantRise {
				t.Errorf("left the rise at %g, want %g", rise, tt.wantRise)
			}
		})
	}
}

// TestTextPositionsAddUp draws long runs of glyphs whose advances and
// offsets the TJ numbers must round, reads the operators back and checks
// that every glyph is where the shaper put it, to half a thousandth of an
// em across and a two-hundredth of a point up: rounding must not add up
// along a line.
func TestTextPositionsAddUp(t *testing.T) {
	f := loadFont(t, "NotoSans-Regular.ttf")
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []float64{7, 10.5, 13, 21} {
		gs := make([]Glyph, 400)
		for i := range gs {
			id := uint16(3 + rng.IntN(300))
			gs[i] = Glyph{ID: id, Advance: f.Advance(id)*size + rng.Float64()*0.01 - 0.004}
			if rng.IntN(4) == 0 {
				gs[i].XOffset, gs[i].YOffset = rng.Float64()*6-3, rng.Float64()*10-5
			}
		}
		b, _ := appendShow(nil, Run{Font: f, Size: size, Glyphs: gs}, 0)
		xs, ys := replayShow(t, f, size, b)
		if len(xs) != len(gs) {
			t.Fatalf("size %g: read %d glyphs back, drew %d", size, len(xs), len(gs))
		}
		pen := 0.0
		for i, g := range gs {
			if dx := math.Abs(xs[i] - (pen + g.XOffset)); dx > 0.0005*size+1e-9 {
				t.Fatalf("size %g: glyph %d is %.4f pt across from where it belongs", size, i+1, dx)
			}
			if dy := math.Abs(ys[i] - g.YOffset); dy > 0.005+1e-9 {
				t.Fatalf("size %g: glyph %d is %.4f pt up or down from where it belongs", size, i+1, dy)
			}
			pen += g.Advance
		}
	}
}

// replayShow reads back what appendShow wrote: the position of each
// glyph, in points from the start of the run.
func replayShow(t *testing.T, f *Font, size float64, b []byte) (xs, ys []float64) {
	t.Helper()
	pen, rise := 0.0, 0.0
	var num []byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '-' || c == '.' || c >= '0' && c <= '9' {
			num = append(num, c)
			continue
		}
		if len(num) > 0 {
			v, err := strconv.ParseFloat(string(num), 64)
			if err != nil {
				t.Fatalf("%q: %v", num, err)
			}
			if c == ' ' && i+2 < len(b) && string(b[i+1:i+3]) == "Ts" {
				rise = v
			} else {
				pen -= v * size / 1000
			}
			num = num[:0]
		}
		if c != '(' {
			continue
		}
		for i++; b[i] != ')'; i++ {
			hi := b[i]
			if hi == '\\' {
				i++
				hi = b[i]
			}
			i++
			lo := b[i]
			if lo == '\\' {
				i++
				lo = map[byte]byte{'r': '\r', '(': '(', ')': ')', '\\': '\\'}[b[i]]
			}
			xs, ys = append(xs, pen), append(ys, rise)
			pen += f.width(uint16(hi)<<8|uint16(lo)) * size / 1000
		}
	}
	return xs, ys
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

// TestToUnicodeRanges checks that consecutive glyphs for consecutive
// characters share a bfrange entry, and that a range stops where the ids
// or the characters jump, at a glyph with more than one character or none,
// and at the end of a block of 256 ids or characters.
func TestToUnicodeRanges(t *testing.T) {
	text := map[uint16]string{
		0x24: "A", 0x25: "B", 0x26: "C", // a range
		0x27: "Z",             // the characters jump
		0x29: "[",             // the ids jump
		0x2a: "]", 0x2b: "ff", // not the next character; more than one
		0x2c: "g", 0x2d: "h", 0x2e: "", 0x2f: "i", // a glyph without text
		0xff: "x", 0x100: "y", // ids in two blocks
		0x200: "\u00ff", 0x201: "\u0100", // characters in two blocks
		0x300: "\U0001D41A", 0x301: "\U0001D41B", // outside the BMP
	}
	var used []uint16
	for g := range text {
		used = append(used, g)
	}
	slices.Sort(used)
	got := string(appendToUnicode(nil, used, text))
	want := "12 beginbfchar\n<0027><005A>\n<0029><005B>\n<002A><005D>\n<002B><00660066>\n" +
		"<002E><034F>\n<002F><0069>\n<00FF><0078>\n<0100><0079>\n<0200><00FF>\n<0201><0100>\n" +
		"<0300><D835DC1A>\n<0301><D835DC1B>\nendbfchar\n" +
		"2 beginbfrange\n<0024><0026><0041>\n<002C><002D><0067>\nendbfrange\n"
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
