package typeset

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestLayoutGlyphs pins the glyphs of short texts: glyph ids in visual
// order, each with the text of its cluster.
func TestLayoutGlyphs(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             string
	}{
		{"latin", "en", "Call 101", "38[C] 68[a] 79[l] 79[l] 3[ ] 20[1] 19[0] 20[1]"},
		{"latin ligature", "en", "office", "82[o] 1969[ffi] 70[c] 72[e]"},
		{"polish", "pl", "Łódź", "258[Ł] 181[ó] 71[d] 315[ź]"},
		{"romanian comma below", "ro", "ș ț", "329[ș] 3[ ] 292[ț]"},
		{"hungarian double acute", "hu", "ő ű", "274[ő] 3[ ] 306[ű]"},
		{"russian", "ru", "Ёж", "411[Ё] 463[ж]"},
		// Right to left: glyphs in visual order, so clusters decrease.
		{"arabic", "ar", "اتصل", "446[ل] 273[ص] 56[ت] 3[ا]"},
		{"urdu nastaliq", "ur", "سے", "255[ے] 523[س]"},
		// The i sign is drawn before its consonant; both stand for "ਕਿ".
		{"gurmukhi i sign", "pa", "ਕਿ", "52[ਕਿ] 17[ਕਿ]"},
		{"gurmukhi u sign", "pa", "ਪੁ", "37[ਪੁ] 54[ਪੁ]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := mustLayout(t, tt.text, testStyle(t, tt.lang, 12), 500)
			if len(b.Lines) != 1 {
				t.Fatalf("got %d lines, want 1", len(b.Lines))
			}
			if got := glyphString(b.Lines[0]); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// runInfo is what TestVisualRuns compares of a run.
type runInfo struct {
	Text string
	Dir  Direction
	Font string
}

// TestVisualRuns checks the order of runs on a line, left to right, and
// the fonts chosen: numbers, phone numbers, references and addresses
// read left to right inside Arabic and Urdu, in Noto Sans; Arabic-script
// names in English text find Noto Naskh Arabic.
func TestVisualRuns(t *testing.T) {
	const (
		sans  = "NotoSans-Regular.ttf"
		naskh = "NotoNaskhArabic-Regular.ttf"
		nast  = "NotoNastaliqUrdu-Regular.ttf"
	)
	tests := []struct {
		name, lang, text string
		want             []runInfo
	}{
		{"phone in arabic", "ar", "اتصل على +44 (0)1522 000000 الآن", []runInfo{
			{" الآن", RightToLeft, naskh},
			{"+44 (0)1522 000000", LeftToRight, sans}, {"اتصل على ", RightToLeft, naskh}}},
		{"reference in urdu", "ur", "حوالہ 12345-26 ہے", []runInfo{
			{" ہے", RightToLeft, nast},
			{"12345-26", LeftToRight, sans}, {"حوالہ ", RightToLeft, nast}}},
		{"email and address in arabic", "ar", "راسلنا على help@example.org أو www.example.org/help", []runInfo{
			{"www.example.org/help", LeftToRight, sans}, {" أو ", RightToLeft, naskh},
			{"help@example.org", LeftToRight, sans}, {"راسلنا على ", RightToLeft, naskh}}},
		{"english name in urdu", "ur", "افسر John Smith ہیں", []runInfo{
			{" ہیں", RightToLeft, nast},
			{"John Smith", LeftToRight, sans}, {"افسر ", RightToLeft, nast}}},
		// Numbers in right-to-left text stand at a level of their own, so
		// they take the first font with Latin letters.
		{"plain number in arabic", "ar", "اتصل 101", []runInfo{
			{"101", LeftToRight, sans}, {"اتصل ", RightToLeft, naskh}}},
		{"arabic name in english", "en+ar", "Officer محمد علی is here", []runInfo{
			{"Officer ", LeftToRight, sans}, {"محمد علی", RightToLeft, naskh}, {" is here", LeftToRight, sans}}},
		// A number after Arabic in English text goes to its left, and so
		// does the punctuation between them (UAX #9 rules W2, N1, I2)...
		{"number after arabic name", "en+ar", "Officer محمد علی, 101", []runInfo{
			{"Officer ", LeftToRight, sans}, {"101", LeftToRight, sans}, {"محمد علی, ", RightToLeft, naskh}}},
		// ...unless the name is isolated with FSI ... PDI.
		{"isolated arabic name", "en+ar", "Officer \u2068محمد علی\u2069, 101", []runInfo{
			{"Officer \u2068", LeftToRight, sans}, {"محمد علی", RightToLeft, naskh}, {"\u2069, 101", LeftToRight, sans}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := mustLayout(t, tt.text, testStyle(t, tt.lang, 12), 1000)
			var got []runInfo
			for _, r := range b.Lines[0].Runs {
				got = append(got, runInfo{r.Text, r.Dir, r.Font.Name()})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("runs left to right:\n got %q\nwant %q", got, tt.want)
			}
			checkClusterOrder(t, b.Lines[0])
		})
	}
}

// checkClusterOrder checks that clusters increase left to right in
// left-to-right runs and decrease in right-to-left ones: the visual order
// of the glyphs within each run.
func checkClusterOrder(t *testing.T, l Line) {
	t.Helper()
	for _, r := range l.Runs {
		for i := 1; i < len(r.Glyphs); i++ {
			prev, cur := r.Glyphs[i-1].ClusterStart, r.Glyphs[i].ClusterStart
			if (r.Dir == LeftToRight && cur < prev) || (r.Dir == RightToLeft && cur > prev) {
				t.Errorf("run %q (%v): cluster %d after %d", r.Text, r.Dir, cur, prev)
			}
		}
	}
}

// TestContextualForms checks that Persian and Urdu letters are joined:
// in a word, each letter's glyphs differ from the letter shaped alone.
func TestContextualForms(t *testing.T) {
	tests := []struct {
		lang, word string
		letter     rune
	}{
		{"ur", "پتا", 'پ'}, {"ur", "بچہ", 'چ'}, {"ur", "مژدہ", 'ژ'}, {"ur", "گھر", 'گ'},
		{"ur", "کیا", 'ک'}, {"ur", "کیا", 'ی'}, {"ur", "سے", 'ے'},
		{"ar", "پرویز", 'پ'}, {"ar", "چنگیز", 'چ'}, {"ar", "چنگیز", 'گ'}, {"ar", "کیانی", 'ک'},
		{"ar", "کیانی", 'ی'}, {"ar", "مژده", 'ژ'},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.word+" "+string(tt.letter), func(t *testing.T) {
			st := testStyle(t, tt.lang, 12)
			alone := clusterGlyphs(mustLayout(t, string(tt.letter), st, 500), string(tt.letter))
			inWord := clusterGlyphs(mustLayout(t, tt.word, st, 500), string(tt.letter))
			if len(alone) == 0 || len(inWord) == 0 {
				t.Fatalf("no glyphs: alone %v, in word %v", alone, inWord)
			}
			if reflect.DeepEqual(alone, inWord) {
				t.Errorf("%q in %q is drawn with glyphs %v, as when alone: not joined", tt.letter, tt.word, inWord)
			}
		})
	}
}

// clusterGlyphs returns the ids of the glyphs whose cluster text starts
// with letter, in the block's first line.
func clusterGlyphs(b Block, letter string) []uint16 {
	var ids []uint16
	for _, r := range b.Lines[0].Runs {
		for _, g := range r.Glyphs {
			if strings.HasPrefix(r.Text[g.ClusterStart:g.ClusterEnd], letter) {
				ids = append(ids, g.ID)
			}
		}
	}
	return ids
}

// TestMissingGlyph checks the glyph guarantee: text that no font of the
// stack can draw is refused with the rune and its offset, before anything
// is set; invisible characters need no glyph.
func TestMissingGlyph(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             *MissingGlyphError
	}{
		{"chinese name in english", "en", "Officer 李明", &MissingGlyphError{'李', 8, false}},
		{"arabic in english-only stack", "en", "Name: محمد", &MissingGlyphError{'م', 6, false}},
		{"gurmukhi in urdu stack", "ur", "نام ਕ", &MissingGlyphError{'ਕ', 7, false}},
		{"emoji", "en", "ok 🙂", &MissingGlyphError{'🙂', 3, false}},
		{"arabic mark on a latin letter", "ur", "A\u065e", &MissingGlyphError{'\u065e', 1, true}},
		{"arabic in mixed stack", "en+ar", "Name: محمد", nil},
		{"zwj, zwnj and bidi marks", "ur", "می\u200cخواهم\u200d \u200f\u200e\u2066x\u2069", nil},
		{"no-break and thin spaces", "en", "a\u00a0b\u2009c\u202fd", nil},
		{"decomposed accents", "pl", "o\u0301 z\u0307", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := testStyle(t, tt.lang, 12)
			checkErr := st.Stack.Check(tt.text, false)
			_, layoutErr := Layout(tt.text, st, 300)
			for _, err := range []error{checkErr, layoutErr} {
				var got *MissingGlyphError
				if errors.As(err, &got) != (tt.want != nil) || (tt.want != nil && *got != *tt.want) {
					t.Errorf("got error %v, want %v", err, tt.want)
				}
				if tt.want == nil && err != nil {
					t.Errorf("got error %v, want none", err)
				}
			}
		})
	}
}

// TestInvalidUTF8 checks that bytes that are not UTF-8 are refused.
func TestInvalidUTF8(t *testing.T) {
	_, err := Layout("ok \xff", testStyle(t, "en", 12), 300)
	if !errors.Is(err, ErrInvalidUTF8) || !strings.Contains(err.Error(), "byte 3") {
		t.Errorf("got %v, want ErrInvalidUTF8 at byte 3", err)
	}
}

// TestStyleErrors checks the refusals of unusable styles.
func TestStyleErrors(t *testing.T) {
	st := testStyle(t, "en", 12)
	tests := []struct {
		name  string
		st    Style
		width float64
	}{
		{"no stack", Style{Size: 12}, 100},
		{"zero size", Style{Stack: st.Stack}, 100},
		{"zero width", st, 0},
		{"negative line height", Style{Stack: st.Stack, Size: 12, LineHeight: -1}, 100},
	}
	for _, tt := range tests {
		if _, err := Layout("x", tt.st, tt.width); err == nil {
			t.Errorf("%s: got no error", tt.name)
		}
	}
}

// TestGurmukhiVowelSigns checks that HarfBuzz reorders and places
// Gurmukhi vowel signs: the i sign (ਿ), written after its consonant, is
// drawn before it; the u sign (ੁ) is drawn under its consonant, with no
// advance of its own.
func TestGurmukhiVowelSigns(t *testing.T) {
	st := testStyle(t, "pa", 12)
	nominal := func(f *Font, r rune) uint16 {
		g, ok := f.font.NominalGlyph(r)
		if !ok {
			t.Fatalf("no glyph for %U", r)
		}
		return uint16(g)
	}
	ki := mustLayout(t, "ਕਿ", st, 100).Lines[0].Runs[0]
	f := ki.Font
	if len(ki.Glyphs) != 2 || ki.Glyphs[0].ID != nominal(f, 'ਿ') || ki.Glyphs[1].ID != nominal(f, 'ਕ') {
		t.Errorf("ਕਿ: glyphs %v, want the i sign (%d) then ka (%d)", ki.Glyphs, nominal(f, 'ਿ'), nominal(f, 'ਕ'))
	}
	pu := mustLayout(t, "ਪੁ", st, 100).Lines[0].Runs[0]
	if len(pu.Glyphs) != 2 || pu.Glyphs[0].ID != nominal(f, 'ਪ') || pu.Glyphs[1].XAdvance != 0 {
		t.Errorf("ਪੁ: glyphs %v, want pa, then the u sign with no advance", pu.Glyphs)
	}
}
