package typeset

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestJoin checks that pieces of a line set apart and joined make the
// line set whole: in English the same glyphs in the same places; in
// Arabic and Urdu (a tight Nastaliq line, whose height comes from its
// ink) the same height and baseline, the pieces from the right, and a
// width within the 1.5 pt by which the Latin font's space is wider.
func TestJoin(t *testing.T) {
	for _, tc := range []struct {
		lang       string
		lineHeight float64
		pieces     []string
	}{
		{"en", 1.3, []string{"Crime reference number:", " LP-12345-26", "  ·  Page 1 of 2  ·  Made on 2 December 2026"}},
		{"ar", 1.3, []string{"الرقم المرجعي للجريمة:", " LP-12345-26", "  ·  الصفحة 1 من 3"}},
		{"ur", 1.8, []string{"کرائم ریفرنس نمبر:", " LP-12345-26", " · صفحہ 1 از 5"}},
		{"en", 1.3, []string{"", "LP-12345-26", " · Page 1 of 2"}},
	} {
		st := testStyle(t, tc.lang, 12)
		st.LineHeight = tc.lineHeight
		if tc.lang == "ur" {
			// Nastaliq at 1.8 em, as leaflets set it: a tight line.
			families := DefaultFamilies("ur")
			families[0].LineHeight = 1.8
			s, err := testLibrary().Stack(families...)
			if err != nil {
				t.Fatal(err)
			}
			st.Stack = s
		}
		var pieces []Block
		for _, p := range tc.pieces {
			pieces = append(pieces, mustLayout(t, p, st, 1000))
		}
		got, err := Join(st, pieces...)
		if err != nil {
			t.Fatal(err)
		}
		whole := mustLayout(t, strings.Join(tc.pieces, ""), st, 1000)
		gl, wl := got.Lines[0], whole.Lines[0]
		name := tc.lang + " " + tc.pieces[0]
		if tight(wl) != (tc.lang == "ur") {
			t.Errorf("%s: tight %v", name, tight(wl))
		}
		if got.Text != whole.Text || gl.Text != whole.Text || got.Dir != whole.Dir || len(got.Lines) != 1 {
			t.Errorf("%s: joined %q (%v, %d lines), want %q (%v, 1)", name, got.Text, got.Dir, len(got.Lines), whole.Text, whole.Dir)
		}
		for _, v := range [][2]float64{{gl.Height, wl.Height}, {gl.Baseline, wl.Baseline}, {gl.Ascent, wl.Ascent}, {gl.Descent, wl.Descent}, {got.Height, whole.Height}} {
			if math.Abs(v[0]-v[1]) > 1e-9 {
				t.Errorf("%s: joined line %+v, whole %+v", name, metricsOf(gl), metricsOf(wl))
				break
			}
		}
		if math.Abs(got.Width-whole.Width) > 2 || got.Width != gl.Width {
			t.Errorf("%s: joined %.3f pt wide, whole %.3f", name, got.Width, whole.Width)
		}
		if tc.lang == "en" && placed(gl) != placed(wl) {
			t.Errorf("%s: joined\n%s\nwhole\n%s", name, placed(gl), placed(wl))
		}
		if whole.Dir == RightToLeft {
			last := gl.Runs[len(gl.Runs)-1]
			if first := pieces[0].Lines[0].Runs; last.Text != first[len(first)-1].Text || last.Offset != first[len(first)-1].Offset {
				t.Errorf("%s: the rightmost run is %q at %d, want the first piece's %q", name, last.Text, last.Offset, first[len(first)-1].Text)
			}
		}
		for _, r := range gl.Runs {
			if got.Text[r.Offset:r.Offset+len(r.Text)] != r.Text {
				t.Errorf("%s: run %q says it is at %d of %q", name, r.Text, r.Offset, got.Text)
			}
		}
	}
}

// TestJoinRefuses checks that a piece of two lines is refused.
func TestJoinRefuses(t *testing.T) {
	st := testStyle(t, "en", 12)
	two := mustLayout(t, "two\nlines", st, 1000)
	if _, err := Join(st, two); err == nil {
		t.Error("a piece of two lines was joined")
	}
}

func metricsOf(l Line) string {
	return fmt.Sprintf("height %.3f baseline %.3f ascent %.3f descent %.3f", l.Height, l.Baseline, l.Ascent, l.Descent)
}

// placed lists a line's glyphs with where each is drawn.
func placed(l Line) string {
	var b strings.Builder
	for _, r := range l.Runs {
		x := r.X
		for _, g := range r.Glyphs {
			fmt.Fprintf(&b, "%d@%.2f ", g.ID, x+g.XOffset)
			x += g.XAdvance
		}
	}
	return b.String()
}
