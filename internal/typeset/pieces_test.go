package typeset

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"victimsite/fonts"
)

// TestCut checks where personal text is cut from the site's words: at
// spaces and at the edges of an item, never inside a word, and never
// where the rune beside an item's edge could join it.
func TestCut(t *testing.T) {
	tests := []struct {
		name, text string
		own        string // the personal runes, as 'x'
		item       runeSpan
		want       []cutPiece
	}{
		{"name after words", "for: Anna", "     xxxx", runeSpan{0, 9},
			[]cutPiece{{runeSpan{0, 5}, false}, {runeSpan{5, 9}, true}}},
		{"name between words", "a Bo b", "  xx  ", runeSpan{0, 6},
			[]cutPiece{{runeSpan{0, 2}, false}, {runeSpan{2, 4}, true}, {runeSpan{4, 6}, false}}},
		{"comma glued to the name", "a Bo, b", "  xx   ", runeSpan{0, 7},
			[]cutPiece{{runeSpan{0, 2}, false}, {runeSpan{2, 7}, true}}},
		{"prefix glued to the name", "لعلي", " xxx", runeSpan{0, 4},
			[]cutPiece{{runeSpan{0, 4}, true}}},
		{"all personal", "Bo", "xx", runeSpan{0, 2}, []cutPiece{{runeSpan{0, 2}, true}}},
		{"no personal", "a b", "   ", runeSpan{0, 3}, []cutPiece{{runeSpan{0, 3}, false}}},
		{"item beside a joining letter", "ab", "  ", runeSpan{0, 1}, []cutPiece{{runeSpan{0, 1}, false}}},
		{"item beside Arabic", "aع", "  ", runeSpan{0, 1}, []cutPiece{{runeSpan{0, 1}, true}}},
		{"item beside a joiner", "a\u200d", "  ", runeSpan{0, 1}, []cutPiece{{runeSpan{0, 1}, true}}},
		{"a vowel sign after a space", "ਨ ਾ0", "  xx", runeSpan{0, 3}, []cutPiece{{runeSpan{0, 3}, true}}},
	}
	spaced, kerned := &Font{cutsAtSpaces: true}, &Font{}
	sh := newShaper().(*shaper)
	for _, tt := range tests {
		runes := []rune(tt.text)
		p := &paragraph{text: tt.text, runes: runes, flags: make([]posFlags, len(runes)+1)}
		sh.segment(p)
		own := make([]bool, len(runes))
		for i, c := range []rune(tt.own) {
			own[i] = c == 'x'
		}
		if got := cut(p, tt.item, own, spaced); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: cut = %v, want %v", tt.name, got, tt.want)
		}
		// A font that may kern a space with a letter is cut only at the
		// item's edges: here, nowhere inside the item.
		whole := []cutPiece{{tt.item, slices.Contains(own[tt.item.start:tt.item.end], true)}}
		if got := cut(p, tt.item, own, kerned); len(got) != 1 || !reflect.DeepEqual(got, whole) && len(tt.want) > 1 {
			t.Errorf("%s: cut in a font that kerns spaces = %v, want %v", tt.name, got, whole)
		}
	}
}

// personalSamples are sentences of leaflet text with the details marked
// between [ and ], in every script the leaflets use, with the details in
// Latin letters and in the language's own script.
var personalSamples = []struct{ lang, text string }{
	{"en", "This leaflet is for: [Zofia Wiśniewska]"},
	{"en", "Your officer will contact you [by phone] every 7 days; next update by [27 November 2026]."},
	{"pl", "Jeśli nie możesz się skontaktować, zadzwoń pod 101 i podaj numer sprawy [LP-12345-26]."},
	{"ru", "Эта брошюра для: [Зоряна Петрова]"},
	{"ar", "هذه النشرة من أجل: [فاطمة الزهراء]"},
	{"ar", "هذه النشرة من أجل: [Zofia Wiśniewska]، مع التحية"},
	{"ar", "اتصل على 101 واذكر الرقم المرجعي [LP-12345-26] عند الاتصال."},
	{"ar", "ل[علي] ولـ [سارة]"},
	{"ur", "یہ کتابچہ ان کے لیے ہے: [عائشہ قریشی]"},
	{"ur", "اگر اپنے افسر سے رابطہ نہ ہو سکے تو 101 پر کال کریں اور اپنا کرائم ریفرنس نمبر [LP-12345-26] بتائیں۔"},
	{"ur", "آپ کا افسر ہر 7 دن بعد [فون پر] آپ سے رابطہ کرے گا؛ اگلی اطلاع کی آخری تاریخ: [27 نومبر 2026]۔"},
	{"ur", "[پرویز]، آپ کا افسر [علی] ہے"},
	{"pa", "ਇਹ ਪਰਚਾ ਇਸ ਲਈ ਹੈ: [ਹਰਪ੍ਰੀਤ ਕੌਰ]"},
	{"pa", "ਤੁਹਾਡਾ ਅਫ਼ਸਰ ਹਰ 7 ਦਿਨਾਂ ਬਾਅਦ [ਫ਼ੋਨ ਰਾਹੀਂ] ਤੁਹਾਡੇ ਨਾਲ ਸੰਪਰਕ ਕਰੇਗਾ।"},
	{"en+ar", "The officer, [محمد علی], will call you."},
}

// marked returns s without its brackets, and the spans they marked.
func marked(s string) (string, []Span) {
	var b strings.Builder
	var spans []Span
	for _, r := range s {
		switch r {
		case '[':
			spans = append(spans, Span{Start: b.Len()})
		case ']':
			spans[len(spans)-1].End = b.Len()
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), spans
}

// TestPiecesShapeAsWhole checks that personal text shaped in pieces
// (Scratch.Personal) is set exactly as it is shaped whole, in every
// script, weight and width, whether or not the site's pieces were shaped
// before; and that the details stay out of the stack's caches.
func TestPiecesShapeAsWhole(t *testing.T) {
	for _, s := range personalSamples {
		text, spans := marked(s.text)
		for _, bold := range []bool{false, true} {
			for _, w := range []float64{500, 90} {
				whole := testStyle(t, s.lang, 12)
				whole.Bold, whole.NoCache = bold, true
				want := mustLayout(t, text, whole, w)
				for round := range 2 { // the second takes the site's pieces from the cache
					st := whole
					st.Scratch = NewScratch()
					st.Scratch.Personal(text, spans)
					if got := mustLayout(t, text, st, w); !reflect.DeepEqual(got, want) {
						t.Errorf("%s %q bold %v width %v round %d: set differently in pieces\n got %s\nwant %s",
							s.lang, text, bold, w, round, lines(got), lines(want))
					}
				}
				for _, sp := range spans {
					if detail := text[sp.Start:sp.End]; whole.Stack.Keeps(detail) {
						t.Errorf("%s: the stack keeps the detail %q", s.lang, detail)
					}
				}
			}
		}
	}
}

// TestPiecesAreShapedOnce checks that the site's words of a personal
// text are shaped once for many documents: the stack keeps them, and
// nothing of the details.
func TestPiecesAreShapedOnce(t *testing.T) {
	s := newStack(t, "ur")
	setPersonal(t, s, "ur", "یہ کتابچہ ان کے لیے ہے: [عائشہ قریشی]")
	if !s.Keeps("یہ کتابچہ ان کے لیے ہے") {
		t.Error("the site's words of a personal text are not kept in the stack")
	}
	if s.Keeps("عائشہ") {
		t.Error("the stack keeps the victim's name")
	}
}

// setPersonal sets a sample (details between [ and ]) in s as personal
// text told to its scratch.
func setPersonal(t *testing.T, s *Stack, lang, sample string) {
	t.Helper()
	text, spans := marked(sample)
	st := Style{Stack: s, Size: 12, Lang: lang, NoCache: true, Scratch: NewScratch()}
	st.Scratch.Personal(text, spans)
	mustLayout(t, text, st, 400)
}

// lines describes a block's glyphs, line by line.
func lines(b Block) string {
	var out []string
	for _, l := range b.Lines {
		out = append(out, glyphString(l))
	}
	return strings.Join(out, " / ")
}

// FuzzPersonal sets any text with any personal span in pieces and whole,
// in each fuzz stack, and checks that both are set alike.
func FuzzPersonal(f *testing.F) {
	for i, s := range personalSamples {
		text, spans := marked(s.text)
		f.Add(text, uint16(spans[0].Start), uint16(spans[0].End), uint8(i), i%2 == 0)
	}
	f.Add("a b c", uint16(2), uint16(3), uint8(0), false)
	f.Fuzz(func(t *testing.T, text string, start, end uint16, lang uint8, bold bool) {
		st := testStyle(t, fuzzLangs[int(lang)%len(fuzzLangs)], 12)
		st.Bold, st.NoCache = bold, true
		text = drawable(st, text)
		want, err := Layout(text, st, 150)
		if err != nil {
			t.Fatalf("drawable text refused: %v", err)
		}
		st.Scratch = NewScratch()
		st.Scratch.Personal(text, []Span{{int(min(start, end)), int(max(start, end))}})
		got, err := Layout(text, st, 150)
		if err != nil {
			t.Fatalf("refused in pieces only: %v", err)
		}
		if !reflect.DeepEqual(got, want) && !sameGlyphs(got, want) {
			t.Errorf("%q: set differently in pieces\n got %s\nwant %s", text, lines(got), lines(want))
		}
	})
}

// sameGlyphs reports whether a and b have the same lines of the same
// glyphs at the same places, to a millionth of a point.
func sameGlyphs(a, b Block) bool {
	if len(a.Lines) != len(b.Lines) {
		return false
	}
	for i := range a.Lines {
		la, lb := a.Lines[i], b.Lines[i]
		if len(la.Runs) != len(lb.Runs) || math.Abs(la.Width-lb.Width) > 1e-6 {
			return false
		}
		for j := range la.Runs {
			if !reflect.DeepEqual(la.Runs[j].Glyphs, lb.Runs[j].Glyphs) || math.Abs(la.Runs[j].X-lb.Runs[j].X) > 1e-6 {
				return false
			}
		}
	}
	return true
}

// liberationSans is a font that kerns a space with the letter beside it
// (" A", " Y"), as fonts a site may name often do. Debian's chromium
// brings it (fonts-liberation), so CI has it.
const liberationSans = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"

// TestPiecesInASiteFont checks that personal text in a font not known to
// cut at spaces (a site's own, loaded by LoadFont or a Library without
// CutAtSpaces) is set exactly as shaped whole, though the font kerns
// spaces; and that it is still cut where the script changes.
func TestPiecesInASiteFont(t *testing.T) {
	data, err := os.ReadFile(liberationSans)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%v: install chromium, which brings fonts-liberation", err)
		}
		t.Skipf("%v: install fonts-liberation", err)
	}
	site, err := LoadFont(filepath.Base(liberationSans), data)
	if err != nil {
		t.Fatal(err)
	}
	noto := testStack(t, "en+ar")
	s, err := NewStack(append([]*Font{site}, noto.Fonts(false)...), append([]*Font{site}, noto.Fonts(true)...))
	if err != nil {
		t.Fatal(err)
	}
	for _, sample := range []string{"This leaflet is for: [Anna Young]", "For [Tom] and [Yan] A [Victor]", "The officer, [محمد علی], will call you."} {
		text, spans := marked(sample)
		whole := Style{Stack: s, Size: 12, Lang: "en", NoCache: true}
		want := mustLayout(t, text, whole, 500)
		st := whole
		st.Scratch = NewScratch()
		st.Scratch.Personal(text, spans)
		if got := mustLayout(t, text, st, 500); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: set differently in pieces\n got %s\nwant %s", text, lines(got), lines(want))
		}
	}
	if s.Keeps("This leaflet") {
		t.Error("text in a font that kerns spaces was cut at a space")
	}
	// The same fonts loaded as a site's: cut where the script changes
	// (an Urdu sentence around a reference), not at its spaces.
	ur, err := NewLibrary(fonts.FS()).Stack(DefaultFamilies("ur")...)
	if err != nil {
		t.Fatal(err)
	}
	setPersonal(t, ur, "ur", "اپنا کرائم ریفرنس نمبر [LP-12345-26] بتائیں، [عائشہ] آپ کا شکریہ")
	if !ur.Keeps("اپنا کرائم ریفرنس نمبر") {
		t.Error("the words before a reference in another script were not cut from it")
	}
	if ur.Keeps("آپ کا شکریہ") {
		t.Error("text in a font not known to cut at spaces was cut at a space")
	}
}
