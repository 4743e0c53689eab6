package typeset

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"victimsite/fonts"
)

// testLibrary loads the embedded fonts once for all tests.
var testLibrary = sync.OnceValue(func() *Library { return NewLibrary(fonts.FS()).CutAtSpaces() })

// mixedFamilies is a stack for English text that may hold Arabic-script
// names: Noto Sans first, then Noto Naskh Arabic.
var mixedFamilies = []Family{
	{Regular: fonts.SansRegular, Bold: fonts.SansBold},
	{Regular: fonts.NaskhArabicRegular, Bold: fonts.NaskhArabicBold},
}

// testStack returns the default stack of lang, or the mixed stack for
// "en+ar".
func testStack(t testing.TB, lang string) *Stack {
	t.Helper()
	fams := DefaultFamilies(lang)
	if lang == "en+ar" {
		fams = mixedFamilies
	}
	s, err := testLibrary().Stack(fams...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testStyle returns a style for lang at size points.
func testStyle(t testing.TB, lang string, size float64) Style {
	t.Helper()
	return Style{Stack: testStack(t, lang), Size: size, Lang: strings.TrimSuffix(lang, "+ar")}
}

// sample is a short text in one language, set in tests and benchmarks.
type sample struct{ name, lang, text string }

// samples holds one sentence of leaflet text per shipped language and
// script, with the numbers, addresses and references leaflets carry.
var samples = []sample{
	{"en", "en", "Call 101 and give your crime reference 12345-26, or visit https://www.victimandwitnessinfo.org.uk/."},
	{"pl", "pl", "Zadzwoń pod 101 i podaj numer sprawy 12345-26. Żółć, gęślą jaźń, Łódź."},
	{"lt", "lt", "Skambinkite 101 ir nurodykite bylos numerį 12345-26. Ąčęėįšųūž."},
	{"ro", "ro", "Sunați la 101 și dați referința 12345-26. Poliția, țară, ȘȚ."},
	{"lv", "lv", "Zvaniet 101 un norādiet lietas numuru 12345-26. Āčēģīķļņšūž."},
	{"ru", "ru", "Позвоните по номеру 101 и назовите номер дела 12345-26. Ёё."},
	{"bg", "bg", "Обадете се на 101 и съобщете номера на делото 12345-26. Ѝѝ."},
	{"pt", "pt", "Ligue 101 e indique a referência 12345-26. Ação, não, você."},
	{"hu", "hu", "Hívja a 101-et, és adja meg a 12345-26 ügyszámot. Őrző, űrhajó."},
	{"ar", "ar", "اتصل بالشرطة على الرقم +44 (0)1522 000000 واذكر المرجع 12345-26."},
	{"ar-persian-name", "ar", "اسم الضحية: پرویز چنگیز ژاله گلی کیانی"},
	{"ur", "ur", "پولیس سے رابطہ کریں: +44 (0)1522 000000، حوالہ 12345-26۔"},
	{"pa", "pa", "ਪੁਲਿਸ ਨਾਲ 101 ਤੇ ਸੰਪਰਕ ਕਰੋ ਅਤੇ ਹਵਾਲਾ 12345-26 ਦੱਸੋ। ਕਿ ਕੀ"},
	{"en-arabic-name", "en+ar", "The officer, محمد علی, will call you on 01522 000000."},
}

// glyphString describes a line's glyphs in visual order as
// "id[cluster text] ...", one run after another, separated by " | ".
func glyphString(l Line) string {
	var b strings.Builder
	for i, r := range l.Runs {
		if i > 0 {
			b.WriteString(" | ")
		}
		for j, g := range r.Glyphs {
			if j > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%d[%s]", g.ID, r.Text[g.ClusterStart:g.ClusterEnd])
		}
	}
	return b.String()
}

// mustLayout sets text or fails the test.
func mustLayout(t testing.TB, text string, st Style, width float64) Block {
	t.Helper()
	b, err := Layout(text, st, width)
	if err != nil {
		t.Fatalf("Layout(%q): %v", text, err)
	}
	return b
}

// asMissing is errors.As for a *MissingGlyphError.
func asMissing(err error, target **MissingGlyphError) bool { return errors.As(err, target) }
