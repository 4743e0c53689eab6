package typeset

import (
	"errors"
	"math"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzLangs are the stacks the fuzz targets pick from.
var fuzzLangs = []string{"en", "pl", "ar", "ur", "pa", "en+ar"}

// fuzzSeeds are texts that have broken layout engines before: empty and
// blank text, lone marks, explicit bidi controls, newlines, long words
// and addresses, and numbers among right-to-left letters.
var fuzzSeeds = []string{
	"", " ", "\n", "a\n\nb\n", "\u0301", "a\u0301\u0302", "\u200d\u200c", "\u202eabc\u202c", "\u2067עברית\u2069 1",
	"x\ty", "https://www.example.org/" + strings.Repeat("a", 80), "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p",
	"+44 (0)1522 000000 +44 (0)1522 000000", "١٢٣ ٤٥٦ abc", "ਕਿ ਕਿ ਕਿ", "مژده\u200cها", "ffi ffl",
}

// FuzzLayout sets any text in any stack at any width, and checks what must
// hold of every Block: it accounts for every byte of the text once, in
// lines and in runs; its glyphs point into their runs' text and are never
// .notdef; runs follow each other without gaps; and no line is wider than
// the width unless it holds a single character that is wider.
func FuzzLayout(f *testing.F) {
	for _, s := range samples {
		f.Add(s.text, 200.0, uint8(0), false)
	}
	for i, s := range fuzzSeeds {
		f.Add(s, 40.0+float64(i)*10, uint8(i), i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, text string, width float64, lang uint8, bold bool) {
		if math.IsNaN(width) || math.IsInf(width, 0) {
			return
		}
		width = math.Min(math.Max(math.Abs(width), 1), 2000)
		st := testStyle(t, fuzzLangs[int(lang)%len(fuzzLangs)], 12)
		st.Bold = bold
		b, err := Layout(text, st, width)
		if err != nil {
			checkRefusal(t, st, text, err)
			// Go on with what the stack can draw, so that random input
			// reaches the layout too.
			text = drawable(st, text)
			if b, err = Layout(text, st, width); err != nil {
				t.Fatalf("text of drawable runes refused: %v", err)
			}
		}
		checkBlock(t, st, text, width, b)
	})
}

// drawable returns the runes of text that the style's stack can draw,
// dropping the rune each *MissingGlyphError names until none is left.
func drawable(st Style, text string) string {
	var b strings.Builder
	for _, r := range text {
		if r != utf8.RuneError && firstCovering(st.Stack.fonts(st.Bold), r) >= 0 {
			b.WriteRune(r)
		}
	}
	text = b.String()
	var missing *MissingGlyphError
	for errors.As(st.Stack.Check(text, st.Bold), &missing) {
		text = text[:missing.Offset] + text[missing.Offset+utf8.RuneLen(missing.Rune):]
	}
	return text
}

// checkRefusal checks that an error from Layout is one of the two it may
// give, and true.
func checkRefusal(t *testing.T, st Style, text string, err error) {
	var missing *MissingGlyphError
	switch {
	case errors.Is(err, ErrInvalidUTF8):
		if utf8.ValidString(text) {
			t.Fatalf("valid UTF-8 refused: %v", err)
		}
	case errors.As(err, &missing):
		r, _ := utf8.DecodeRuneInString(text[missing.Offset:])
		if r != missing.Rune || (firstCovering(st.Stack.fonts(st.Bold), r) >= 0) != missing.Combining {
			t.Fatalf("%v: the text has %U there, which a font covers: %v", err, r, firstCovering(st.Stack.fonts(st.Bold), r))
		}
	default:
		t.Fatalf("unexpected error %v", err)
	}
}

// checkBlock checks the invariants of a Block set from text.
func checkBlock(t *testing.T, st Style, text string, width float64, b Block) {
	var lines strings.Builder
	var runs []Run
	for _, l := range b.Lines {
		lines.WriteString(l.Text)
		checkLine(t, l)
		runs = append(runs, l.Runs...)
		if l.Width > width+slack && !singleUnit(t, st, text, l) {
			t.Errorf("line %q is %.2f wide, more than %.2f", l.Text, l.Width, width)
		}
	}
	if lines.String() != text {
		t.Fatalf("lines hold %q, want %q", lines.String(), text)
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].Offset < runs[j].Offset })
	var all strings.Builder
	for _, r := range runs {
		if r.Offset != all.Len() {
			t.Fatalf("run %q at byte %d, want %d", r.Text, r.Offset, all.Len())
		}
		all.WriteString(r.Text)
	}
	if all.String() != text {
		t.Fatalf("runs hold %q, want %q", all.String(), text)
	}
}

// checkLine checks the runs and glyphs of a line.
func checkLine(t *testing.T, l Line) {
	x := 0.0
	for _, r := range l.Runs {
		if math.Abs(r.X-x) > 1e-6 {
			t.Errorf("run %q starts at %.3f, want %.3f", r.Text, r.X, x)
		}
		x += r.Width
		for _, g := range r.Glyphs {
			if g.ClusterStart < 0 || g.ClusterStart >= g.ClusterEnd || g.ClusterEnd > len(r.Text) {
				t.Fatalf("run %q: glyph cluster [%d, %d)", r.Text, g.ClusterStart, g.ClusterEnd)
			}
			if g.ID == 0 {
				t.Errorf("run %q: .notdef for %q", r.Text, r.Text[g.ClusterStart:g.ClusterEnd])
			}
		}
	}
	if math.Abs(x-l.Width) > 1e-6 {
		t.Errorf("runs end at %.3f, line width %.3f", x, l.Width)
	}
}

// singleUnit reports whether a line holds one unit that cannot be cut (a
// grapheme, or a cluster HarfBuzz made of several): an overwide line may
// hold no more.
func singleUnit(t *testing.T, st Style, text string, l Line) bool {
	p, err := st.Stack.paragraph(text, st.Bold, st.Lang, paragraphDir(st) == RightToLeft, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	start := sort.SearchInts(p.offs, l.Offset)
	end := sort.SearchInts(p.offs, l.Offset+len(l.Text))
	ink := p.inkEnd(start, end)
	for i := start + 1; i < ink; i++ {
		if p.flags[i]&(graphemeStart|clusterStart) == graphemeStart|clusterStart {
			return false
		}
	}
	return true
}

// FuzzLineSpans breaks any text at any width and checks that the lines
// cover the text in order, each ending where a line may end: at a break
// opportunity, at a cut between characters when nothing else fits, or at
// the end.
func FuzzLineSpans(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, 30.0+float64(i)*5)
	}
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || math.IsNaN(width) || math.IsInf(width, 0) {
			return
		}
		width = math.Min(math.Max(math.Abs(width), 1), 2000)
		st := testStyle(t, "en+ar", 10)
		if st.Stack.Check(text, false) != nil {
			return
		}
		sh := newShaper().(*shaper)
		p, err := sh.build(text, st.Stack.fonts(false), "en", false, nil)
		if err != nil {
			t.Fatal(err)
		}
		ls := lineSetter{p: p, st: st, fonts: st.Stack.fonts(false)}
		defer ls.release()
		next := 0
		for _, l := range ls.lines(width) {
			start := sort.SearchInts(p.offs, l.Offset)
			end := sort.SearchInts(p.offs, l.Offset+len(l.Text))
			if start != next || end <= start {
				t.Fatalf("line [%d, %d) after %d", start, end, next)
			}
			next = end
			if end < len(p.runes) && p.flags[end]&breakAllowed == 0 && !p.cuttable(end) {
				t.Errorf("line ends at rune %d, which is neither a break opportunity nor between characters", end)
			}
		}
		if next != len(p.runes) {
			t.Fatalf("lines end at rune %d of %d", next, len(p.runes))
		}
	})
}

// FuzzTokens finds tokens in any UTF-8 text (Layout refuses other text
// first) and checks that they are in order, apart, inside the text and on
// character boundaries.
func FuzzTokens(f *testing.F) {
	for _, s := range append(fuzzSeeds, "mail a@b.co, or +1 (2)3 4/5-6 www.x.org/p.") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		end := 0
		for _, tok := range findTokens(text) {
			if tok.start < end || tok.end <= tok.start || tok.end > len(text) {
				t.Fatalf("token [%d, %d) after %d in %d bytes", tok.start, tok.end, end, len(text))
			}
			if !utf8.RuneStart(text[tok.start]) || (tok.end < len(text) && !utf8.RuneStart(text[tok.end])) {
				t.Fatalf("token [%d, %d) cuts a character", tok.start, tok.end)
			}
			end = tok.end
		}
	})
}
