package typeset

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// TestRoundTripRuns shapes every run of every sample again with go-text
// directly, at the point size (not at units per em, and without our
// itemizing), and checks that the run holds the same glyphs, in the same
// order, with the same advances and offsets and the same clusters.
func TestRoundTripRuns(t *testing.T) {
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			st := testStyle(t, s.lang, 12)
			b := mustLayout(t, s.text, st, 1000)
			runes := []rune(s.text)
			for _, r := range b.Lines[0].Runs {
				if len(r.Glyphs) == 0 {
					continue // trailing whitespace
				}
				compareRun(t, r, direct(runes, s.text, r))
			}
		})
	}
}

// direct shapes the runes of run r with go-text's HarfBuzz shaper, with
// the whole text as context.
func direct(runes []rune, text string, r Run) shaping.Output {
	start := utf8.RuneCountInString(text[:r.Offset])
	script := language.Latin
	for _, c := range r.Text {
		if s := language.LookupScript(c); s.Strong() && s != language.Unknown {
			script = s
			break
		}
	}
	dir := di.DirectionLTR
	if r.Dir == RightToLeft {
		dir = di.DirectionRTL
	}
	var hb shaping.HarfbuzzShaper
	return hb.Shape(shaping.Input{
		Text: runes, RunStart: start, RunEnd: start + utf8.RuneCountInString(r.Text),
		Direction: dir, Face: font.NewFace(r.Font.font), Size: fixed.I(int(r.Size)),
		Script: script, Language: language.NewLanguage(r.Lang),
	})
}

// compareRun checks a run against go-text's output for the same runes.
func compareRun(t *testing.T, r Run, out shaping.Output) {
	t.Helper()
	if len(out.Glyphs) != len(r.Glyphs) {
		t.Errorf("run %q: %d glyphs, go-text gives %d", r.Text, len(r.Glyphs), len(out.Glyphs))
		return
	}
	first := out.Runes.Offset
	byteOf := runeOffsets(r.Text)
	const tolerance = 2.0 / 64 // go-text rounds each value and each kerning to 1/64 pt
	for i, g := range r.Glyphs {
		o := out.Glyphs[i]
		want := []float64{fx(o.Advance), fx(o.XOffset), fx(o.YOffset)}
		got := []float64{g.XAdvance, g.XOffset, g.YOffset}
		for k := range got {
			if math.Abs(got[k]-want[k]) > tolerance {
				t.Errorf("run %q glyph %d: advance, offsets %.3f, go-text %.3f", r.Text, i, got, want)
				break
			}
		}
		if uint16(o.GlyphID) != g.ID || byteOf[o.TextIndex()-first] != g.ClusterStart {
			t.Errorf("run %q glyph %d: id %d cluster %d, go-text id %d cluster %d",
				r.Text, i, g.ID, g.ClusterStart, o.GlyphID, byteOf[o.TextIndex()-first])
		}
	}
}

// runeOffsets returns the byte offset of each rune of s.
func runeOffsets(s string) []int {
	var out []int
	for i := range s {
		out = append(out, i)
	}
	return out
}

func fx(v fixed.Int26_6) float64 { return float64(v) / 64 }

// TestRoundTripParagraph sets single-script paragraphs and compares the
// whole line with go-text's own pipeline (its Segmenter splitting by bidi,
// script and face, then HarfBuzz), glyph by glyph in visual order.
func TestRoundTripParagraph(t *testing.T) {
	texts := []struct{ lang, text string }{
		{"en", "Victims of crime have rights under the Victims' Code."},
		{"ar", "يحق لضحايا الجريمة الحصول على الدعم والمعلومات"},
		{"ur", "جرم کے متاثرین کو مدد اور معلومات کا حق ہے"},
		{"pa", "ਅਪਰਾਧ ਦੇ ਪੀੜਤਾਂ ਨੂੰ ਸਹਾਇਤਾ ਅਤੇ ਜਾਣਕਾਰੀ ਦਾ ਹੱਕ ਹੈ"},
	}
	for _, tt := range texts {
		t.Run(tt.lang, func(t *testing.T) {
			st := testStyle(t, tt.lang, 12)
			l := mustLayout(t, tt.text, st, 2000).Lines[0]
			var want []uint16
			for _, out := range goTextLine(tt.text, st) {
				for _, g := range out.Glyphs {
					want = append(want, uint16(g.GlyphID))
				}
			}
			var got []uint16
			for _, r := range l.Runs {
				for _, g := range r.Glyphs {
					got = append(got, g.ID)
				}
			}
			if !equalIDs(got, want) {
				t.Errorf("glyphs\n got %v\nwant %v", got, want)
			}
		})
	}
}

// goTextLine shapes text with go-text's Segmenter and the stack's fonts,
// and returns the runs in visual order.
func goTextLine(text string, st Style) []shaping.Output {
	var faces []*font.Face
	for _, f := range st.Stack.Fonts(st.Bold) {
		faces = append(faces, font.NewFace(f.font))
	}
	dir := di.DirectionLTR
	if paragraphDir(st) == RightToLeft {
		dir = di.DirectionRTL
	}
	runes := []rune(text)
	var seg shaping.Segmenter
	inputs := seg.Split(shaping.Input{Text: runes, RunEnd: len(runes), Direction: dir,
		Size: fixed.I(int(st.Size)), Language: language.NewLanguage(st.Lang)}, fixedFaces(faces))
	var hb shaping.HarfbuzzShaper
	var outs []shaping.Output
	for _, in := range inputs {
		outs = append(outs, hb.Shape(in))
	}
	if dir == di.DirectionRTL { // one direction only: visual order is the reverse
		for i, j := 0, len(outs)-1; i < j; i, j = i+1, j-1 {
			outs[i], outs[j] = outs[j], outs[i]
		}
	}
	return outs
}

// fixedFaces is a shaping.Fontmap choosing the first face with the rune.
type fixedFaces []*font.Face

func (ff fixedFaces) ResolveFace(r rune) *font.Face {
	for _, f := range ff {
		if _, ok := f.NominalGlyph(r); ok {
			return f
		}
	}
	return ff[0]
}

func equalIDs(a, b []uint16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
