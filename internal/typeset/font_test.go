package typeset

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"victimsite/fonts"
)

// TestLoadFont checks the metrics and the kept bytes of a TrueType font.
func TestLoadFont(t *testing.T) {
	data, err := fs.ReadFile(fonts.FS(), fonts.SansRegular)
	if err != nil {
		t.Fatal(err)
	}
	f, err := LoadFont("sans", data)
	if err != nil {
		t.Fatal(err)
	}
	got := []int{f.UnitsPerEm(), f.Ascent(), f.Descent(), f.LineGap()}
	if want := []int{1000, 1069, 293, 0}; !equalInts(got, want) {
		t.Errorf("units per em, ascent, descent, line gap = %v, want %v", got, want)
	}
	if f.Name() != "sans" || !bytes.Equal(f.Data(), data) {
		t.Errorf("name %q or data changed", f.Name())
	}
	if h := f.LineHeight(); h != 1.362 {
		t.Errorf("line height %v, want 1.362", h)
	}
}

func equalInts(a, b []int) bool {
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

// TestLoadFontCFF loads a font with CFF outlines and sets text in it.
func TestLoadFontCFF(t *testing.T) {
	data, err := os.ReadFile("testdata/CFFTest.otf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := LoadFont("CFFTest.otf", data)
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewStack([]*Font{f}, []*Font{f})
	if err != nil {
		t.Fatal(err)
	}
	b := mustLayout(t, "10Q中", Style{Stack: s, Size: 10, Lang: "en"}, 300)
	if got, want := glyphString(b.Lines[0]), "2[1] 1[0] 3[Q] | 4[中]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if b.Lines[0].Width <= 0 {
		t.Errorf("width %v", b.Lines[0].Width)
	}
	var missing *MissingGlyphError
	if _, err := Layout("2", Style{Stack: s, Size: 10}, 300); err == nil || !asMissing(err, &missing) || missing.Rune != '2' {
		t.Errorf("got %v, want a missing glyph for 2", err)
	}
}

// TestLoadFontErrors checks that what is not one usable font is refused,
// naming the file.
func TestLoadFontErrors(t *testing.T) {
	sans, _ := fs.ReadFile(fonts.FS(), fonts.SansRegular)
	tests := map[string][]byte{
		"empty":      nil,
		"text":       []byte("not a font at all"),
		"collection": append([]byte("ttcf"), sans...),
		"truncated":  sans[:100],
	}
	for name, data := range tests {
		_, err := LoadFont(name+".ttf", data)
		if err == nil || !strings.Contains(err.Error(), name+".ttf") {
			t.Errorf("%s: got %v, want an error naming the file", name, err)
		}
	}
}

// TestLibrary checks that stacks share one Font per file, and that a
// missing file or a family without a regular font is reported.
func TestLibrary(t *testing.T) {
	lib := testLibrary()
	ur, err := lib.Stack(DefaultFamilies("ur")...)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := lib.Stack(DefaultFamilies("pl")...)
	if err != nil {
		t.Fatal(err)
	}
	if ur.Fonts(false)[1] != pl.Fonts(false)[0] {
		t.Error("the ur and pl stacks load Noto Sans twice")
	}
	if ur.Fonts(true)[0].Name() != fonts.NastaliqUrduBold {
		t.Errorf("bold Urdu font is %s", ur.Fonts(true)[0].Name())
	}
	empty := NewLibrary(fstest.MapFS{})
	if _, err := empty.Stack(Family{Regular: "a.ttf"}, Family{Regular: "b.ttf"}); err == nil ||
		!strings.Contains(err.Error(), "a.ttf") || !strings.Contains(err.Error(), "b.ttf") {
		t.Errorf("got %v, want both missing files named", err)
	}
	if _, err := lib.Stack(Family{Bold: fonts.SansBold}); err == nil {
		t.Error("a family without a regular font was accepted")
	}
	if _, err := lib.Stack(); err == nil {
		t.Error("an empty stack was accepted")
	}
}

// TestDefaultFamilies checks the stack of every shipped language: it
// loads, draws the language's whole alphabet, and starts with the font of
// its script.
func TestDefaultFamilies(t *testing.T) {
	alphabets := map[string]string{
		"en": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789£€.,;:!?'\"()-–—‘’“”…/@&%+",
		"pl": "AĄBCĆDEĘFGHIJKLŁMNŃOÓPRSŚTUWYZŹŻaąbcćdeęfghijklłmnńoóprsśtuwyzźż„”",
		"lt": "AĄBCČDEĘĖFGHIĮYJKLMNOPRSŠTUŲŪVZŽaąbcčdeęėfghiįyjklmnoprsštuųūvzž",
		"ro": "AĂÂBCDEFGHIÎJKLMNOPQRSȘTȚUVWXYZaăâbcdefghiîjklmnopqrsștțuvwxyz",
		"lv": "AĀBCČDEĒFGĢHIĪJKĶLĻMNŅOPRSŠTUŪVZŽaābcčdeēfgģhiījkķlļmnņoprsštuūvzž",
		"ru": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя«»",
		"bg": "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯабвгдежзийклмнопрстуфхцчшщъьюяѝЍ",
		"pt": "AÁÂÃÀBCÇDEÉÊFGHIÍJKLMNOÓÔÕPQRSTUÚVWXYZaáâãàbcçdeéêfghiíjklmnoóôõpqrstuúvwxyzªº",
		"hu": "AÁBCDEÉFGHIÍJKLMNOÓÖŐPQRSTUÚÜŰVWXYZaábcdeéfghiíjklmnoóöőpqrstuúüűvwxyz",
		"ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى،؛؟٠١٢٣٤٥٦٧٨٩ـ",
		"ur": "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےۓ،۔؟۰۱۲۳۴۵۶۷۸۹",
		"pa": "ੳਅੲਸਹਕਖਗਘਙਚਛਜਝਞਟਠਡਢਣਤਥਦਧਨਪਫਬਭਮਯਰਲਵੜਸ਼ਖ਼ਗ਼ਜ਼ਫ਼ਲ਼ਾਿੀੁੂੇੈੋੌੰੱਂ੍।੦੧੨੩੪੫੬੭੮੯",
	}
	first := map[string]string{"ar": fonts.NaskhArabicRegular, "ur": fonts.NastaliqUrduRegular, "pa": fonts.SansGurmukhiRegular}
	for lang, alphabet := range alphabets {
		s := testStack(t, lang)
		for _, bold := range []bool{false, true} {
			if err := s.Check(alphabet, bold); err != nil {
				t.Errorf("%s (bold %v): %v", lang, bold, err)
			}
		}
		want := first[lang]
		if want == "" {
			want = fonts.SansRegular
		}
		if got := s.Fonts(false)[0].Name(); got != want {
			t.Errorf("%s: first font %s, want %s", lang, got, want)
		}
	}
}

// TestDirection checks the paragraph direction a style's language gives.
func TestDirection(t *testing.T) {
	tests := map[string]Direction{"en": LeftToRight, "ar": RightToLeft, "ur": RightToLeft, "ur-PK": RightToLeft,
		"fa": RightToLeft, "he": RightToLeft, "pa": LeftToRight, "pa-Arab": RightToLeft, "": LeftToRight, "x!": LeftToRight}
	for lang, want := range tests {
		if got := paragraphDir(Style{Lang: lang}); got != want {
			t.Errorf("%q: got %v, want %v", lang, got, want)
		}
	}
	if got := paragraphDir(Style{Lang: "ar", Dir: LeftToRight}); got != LeftToRight {
		t.Errorf("an explicit direction was overridden: %v", got)
	}
}
