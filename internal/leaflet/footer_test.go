package leaflet

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"victimsite/internal/typeset"
)

// TestFooterPieces checks, in every language of the shipped site, that
// the footer set in pieces is the footer set whole: the same text and
// direction, the same height, the same width (to 2 points: in Urdu the
// space before the reference comes from the Latin font, 1.5 pt wider), in
// a left-to-right footer the same glyphs at the same places, and in a
// right-to-left one the reference drawn left to right in one piece.
func TestFooterPieces(t *testing.T) {
	r := repoRenderer(t)
	sz := sizesFor(false)
	for _, l := range r.languages() {
		d := r.compose(sample(l), l)
		sc := newScratch()
		s := r.footerSetter(d, sz, sc)
		t0, pieced := s.footerLine(&node{}, d.footer, 0, 2, footerStyle(sz))
		if s.err != nil {
			t.Fatal(s.err)
		}
		whole, ok := r.footerSetter(d, sz, nil).layout(&node{}, t0, footerStyle(sz), textW)
		if !ok || len(whole.Lines) != 1 || len(pieced.Lines) != 1 {
			t.Fatalf("%s: footer %q set on %d lines whole, %d in pieces; want one", l, t0.s, len(whole.Lines), len(pieced.Lines))
		}
		if pieced.Text != t0.s || pieced.Dir != whole.Dir {
			t.Errorf("%s: pieces stand for %q (%v), want %q (%v)", l, pieced.Text, pieced.Dir, t0.s, whole.Dir)
		}
		if math.Abs(pieced.Width-whole.Width) > 2 || math.Abs(pieced.Height-whole.Height) > 0.01 {
			t.Errorf("%s: pieces %.2f × %.2f pt, whole %.2f × %.2f", l, pieced.Width, pieced.Height, whole.Width, whole.Height)
		}
		if got, want := glyphPlaces(pieced.Lines[0]), glyphPlaces(whole.Lines[0]); !d.rtl && got != want {
			t.Errorf("%s: pieces draw\n%s\nwant\n%s", l, got, want)
		}
		var ltr strings.Builder
		for _, run := range pieced.Lines[0].Runs {
			if run.Dir == typeset.LeftToRight {
				ltr.WriteString(run.Text)
			}
		}
		if !strings.Contains(ltr.String(), "LP-12345-26") {
			t.Errorf("%s: the reference is not drawn left to right in one piece: %q", l, ltr.String())
		}
		// The reference is set once for all pages, and nothing else is
		// kept with it.
		kept := len(sc.blocks)
		s.footerLine(&node{}, d.footer, 1, 2, footerStyle(sz))
		for k := range sc.blocks {
			if strings.TrimSpace(k.text) != "LP-12345-26" {
				t.Errorf("%s: the leaflet keeps %q with its reference", l, k.text)
			}
		}
		if kept == 0 || len(sc.blocks) != kept {
			t.Errorf("%s: the leaflet keeps %d layouts of its reference after page 1, %d after page 2; want some, and no more for page 2", l, kept, len(sc.blocks))
		}
	}
}

// TestFooterTooLong checks that a footer whose reference is too long for
// one line even bare is set whole, on two lines, as before.
func TestFooterTooLong(t *testing.T) {
	r := repoRenderer(t)
	sz := sizesFor(false)
	for _, l := range []string{"en", "ar"} {
		det := sample(l)
		det.CrimeRef = strings.Repeat("LP-12345-26/", 8) + "X"
		d := r.compose(det, l)
		s := r.footerSetter(d, sz, newScratch())
		t0, blk := s.footerLine(&node{}, d.footer, 0, 2, footerStyle(sz))
		if s.err != nil {
			t.Fatal(s.err)
		}
		if len(blk.Lines) < 2 || blk.Text != t0.s || !strings.HasPrefix(t0.s, det.CrimeRef) {
			t.Errorf("%s: footer %q on %d lines, want the bare reference first, on two or more", l, t0.s, len(blk.Lines))
		}
	}
}

// glyphPlaces lists a line's glyphs with where each is drawn.
func glyphPlaces(l typeset.Line) string {
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
