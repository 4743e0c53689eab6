package typeset

import (
	"reflect"
	"strings"
	"testing"
)

// lineTexts returns the text of each line of b.
func lineTexts(b Block) []string {
	var out []string
	for _, l := range b.Lines {
		out = append(out, l.Text)
	}
	return out
}

// TestFindTokens checks which parts of a text read left to right as one
// piece, and how lines may break inside them.
func TestFindTokens(t *testing.T) {
	tests := []struct {
		text string
		want []string // kind:text
	}{
		{"Call +44 (0)1522 000000 now", []string{"number:+44 (0)1522 000000"}},
		{"ref 12345-26.", []string{"number:12345-26"}},
		{"on 01/02/2026 at 10", []string{"number:01/02/2026"}},
		{"call 101 or 999", nil},
		{"see https://www.example.org/a-b?c=1.", []string{"address:https://www.example.org/a-b?c=1"}},
		{"visit www.gov.uk, or", []string{"address:www.gov.uk"}},
		{"visit victimsupport.org.uk/help today", []string{"address:victimsupport.org.uk/help"}},
		{"mail help@police.example.uk.", []string{"address:help@police.example.uk"}},
		{"رقم ٠١٢٣ ٤٥٦٧ هنا", []string{"number:٠١٢٣ ٤٥٦٧"}},
		{"(see above) and e.g. this", nil},
		{"crime reference LP-12345-26.", []string{"number:LP-12345-26"}},
		{"المرجع LP/12345/26، شكرا", []string{"number:LP/12345/26"}},
		{"ref AB12/345-C and 12345-26", []string{"number:AB12/345-C", "number:12345-26"}},
		{"a well-known and/or long-standing rule", nil},
		{"mail lp-12345@example.org or www.example.org/lp-2", []string{"address:lp-12345@example.org", "address:www.example.org/lp-2"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range findTokens(tt.text) {
			kind := "number"
			if tok.kind == tokenURL {
				kind = "address"
			}
			got = append(got, kind+":"+tt.text[tok.start:tok.end])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("findTokens(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestLineBreaks checks where lines break, at a given width in points of
// 12 pt Noto Sans.
func TestLineBreaks(t *testing.T) {
	tests := []struct {
		name, lang, text string
		width            float64
		want             []string
	}{
		{"words", "en", "Call the police on 101 now", 70,
			[]string{"Call the ", "police on ", "101 now"}},
		// An address breaks only after / . or -, never in a word of it.
		{"address", "en", "Visit https://www.victimandwitnessinfo.org.uk/support-services/help today", 130,
			[]string{"Visit https://www.", "victimandwitnessinfo.", "org.uk/support-", "services/help today"}},
		{"address fits on its own line", "en", "See www.example.org.uk/help for more", 160,
			[]string{"See ", "www.example.org.uk/help ", "for more"}},
		{"email", "en", "Write to victim.support-team@lincs.police.example.uk please", 125,
			[]string{"Write to victim.", "support-team@lincs.", "police.example.uk ", "please"}},
		// A phone number is never broken while it fits on a line.
		{"phone number", "en", "Call +44 (0)1522 000000 today", 120,
			[]string{"Call ", "+44 (0)1522 000000 ", "today"}},
		{"newlines", "en", "one\ntwo\n\nthree", 300, []string{"one\n", "two\n", "\n", "three"}},
		// A word longer than the line is cut between letters.
		{"long word", "en", "Donaudampfschifffahrtsgesellschaft", 60,
			[]string{"Donauda", "mpfschifff", "ahrtsgesel", "lschaft"}},
		{"urdu words", "ur", "پولیس سے رابطہ کریں اور حوالہ نمبر بتائیں", 80,
			[]string{"پولیس سے رابطہ ", "کریں اور حوالہ نمبر ", "بتائیں"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := mustLayout(t, tt.text, testStyle(t, tt.lang, 12), tt.width)
			if got := lineTexts(b); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("lines\n got %q\nwant %q", got, tt.want)
			}
			for _, l := range b.Lines {
				if l.Width > tt.width {
					t.Errorf("line %q is %.1f pt wide, more than %.1f", l.Text, l.Width, tt.width)
				}
			}
		})
	}
}

// TestAddressBreaksOnlyAfterSeparators sets one long address at every
// width from 125 points (its longest word, "victimandwitnessinfo", is 120
// points wide) to 400: each line that ends inside it ends with / . or -,
// and none ends inside "https://".
func TestAddressBreaksOnlyAfterSeparators(t *testing.T) {
	const (
		addr = "https://www.victimandwitnessinfo.org.uk/find-support/victim-support-services"
		text = "Go to " + addr + " now"
	)
	start, end := strings.Index(text, addr), strings.Index(text, addr)+len(addr)
	st := testStyle(t, "en", 12)
	breaks := 0
	for w := 125.0; w <= 400; w += 5 {
		b := mustLayout(t, text, st, w)
		for _, l := range b.Lines {
			e := l.Offset + len(strings.TrimRight(l.Text, " "))
			if e <= start || e >= end {
				continue
			}
			breaks++
			if !strings.ContainsAny(text[e-1:e], "/.-") || e < start+len("https://") {
				t.Errorf("width %v: line %q ends inside the address", w, l.Text)
			}
		}
	}
	if breaks == 0 {
		t.Error("the address never broke")
	}
}

// TestLineMetrics checks line heights: a style's line height, or the
// fonts' own where they need more (Nastaliq), or a family's setting, which
// wins over the font's box (2.5 em for Nastaliq) while the line's ink
// stays inside the block (a lone line grows to hold its swashes).
func TestLineMetrics(t *testing.T) {
	en := testStyle(t, "en", 10)
	en.LineHeight = 1.5
	ur := testStyle(t, "ur", 10)
	ur.LineHeight = 1.5
	urTight, err := testLibrary().Stack(
		Family{Regular: "NotoNastaliqUrdu-Regular.ttf", Bold: "NotoNastaliqUrdu-Bold.ttf", LineHeight: 2},
		Family{Regular: "NotoSans-Regular.ttf", Bold: "NotoSans-Bold.ttf"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                          string
		st                            Style
		text                          string
		height, ascent, descent, base float64
	}{
		{"latin", en, "Hello", 15, 10.69, 2.93, 10.69 + (15-10.69-2.93)/2},
		{"nastaliq", ur, "سلام", 25, 19.04, 5.96, 19.04},
		{"nastaliq family line height", Style{Stack: urTight, Size: 10, Lang: "ur"}, "سلام", 21.81, 19.04, 5.96, 15.23},
		{"latin in urdu stack", ur, "abc", 15, 10.69, 2.93, 10.69 + (15-10.69-2.93)/2},
	}
	for _, tt := range tests {
		l := mustLayout(t, tt.text, tt.st, 500).Lines[0]
		got := []float64{l.Height, l.Ascent, l.Descent, l.Baseline}
		want := []float64{tt.height, tt.ascent, tt.descent, tt.base}
		for i := range got {
			if d := got[i] - want[i]; d > 0.01 || d < -0.01 {
				t.Errorf("%s: height, ascent, descent, baseline = %.2f, want %.2f", tt.name, got, want)
				break
			}
		}
	}
	if h := urTight.LineHeight(urTight.Fonts(false)[0]); h != 2 {
		t.Errorf("family line height: got %v, want 2", h)
	}
}

// TestTightLinesClearInk sets a long Nastaliq paragraph at the family line
// height of 1.8 em, well inside the font's 2.5 em box: lines keep that pitch
// where they can, and 2 em on average, yet no glyph of a line may come within inkGap of a
// glyph of the next at the same place, and the ink stays inside the block.
func TestTightLinesClearInk(t *testing.T) {
	st, err := testLibrary().Stack(
		Family{Regular: "NotoNastaliqUrdu-Regular.ttf", LineHeight: 1.8},
		Family{Regular: "NotoSans-Regular.ttf"})
	if err != nil {
		t.Fatal(err)
	}
	const size = 12
	text := strings.Repeat("جرم کی اطلاع دینے کے بعد پولیس آپ کو جرم کا حوالہ نمبر دے گی، جیسے 12345-26۔ اسے سنبھال کر رکھیں۔ ", 6)
	style := Style{Stack: st, Size: size, Lang: "ur"}
	b := mustLayout(t, text, style, 200)
	if len(b.Lines) < 8 {
		t.Fatalf("got %d lines, want at least 8", len(b.Lines))
	}
	pitch := 0
	for _, l := range b.Lines[:len(b.Lines)-1] {
		if l.Height < 1.8*size-0.01 {
			t.Errorf("line %q is %.2f pt, under the 1.8 em asked for", l.Text, l.Height)
		}
		if l.Height < 1.8*size+0.01 {
			pitch++
		}
	}
	if pitch*5 < len(b.Lines) {
		t.Errorf("%d of %d lines keep the 1.8 em pitch, want at least a fifth", pitch, len(b.Lines))
	}
	if max := 2.0 * size * float64(len(b.Lines)); b.Height > max {
		t.Errorf("block is %.1f pt, want at most %.1f (2 em a line, not the font's 2.5)", b.Height, max)
	}
	ls := lineSetter{st: style}
	defer ls.release()
	gap := inkGap * size
	top := 0.0
	for i, l := range b.Lines {
		boxes := ls.ink(l, true)
		if i == 0 && boxes.reach(true) > l.Baseline-gap+1e-6 {
			t.Errorf("first line's ink reaches above the block")
		}
		if i == len(b.Lines)-1 && boxes.reach(false) > l.Height-l.Baseline-gap+1e-6 {
			t.Errorf("last line's ink reaches below the block")
		}
		if i > 0 {
			prev := b.Lines[i-1]
			dist := prev.Height - prev.Baseline + l.Baseline
			if need := between(ls.ink(prev, true), boxes, gap); dist < need-1e-6 {
				t.Errorf("lines %d and %d: baselines %.2f apart, ink needs %.2f", i-1, i, dist, need)
			}
		}
		top += l.Height
	}
	if d := top - b.Height; d > 1e-6 || d < -1e-6 {
		t.Errorf("block height %.2f, lines sum to %.2f", b.Height, top)
	}
}
