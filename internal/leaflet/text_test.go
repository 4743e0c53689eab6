package leaflet

import (
	"fmt"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
)

func TestShapeArabic(t *testing.T) {
	tests := []struct {
		in, want, why string
	}{
		{"ب", "\uFE8F", "isolated"},
		{"بب", "\uFE91\uFE90", "initial, final"},
		{"ببب", "\uFE91\uFE92\uFE90", "initial, medial, final"},
		{"با", "\uFE91\uFE8E", "alef joins only the letter before it"},
		{"اب", "\uFE8D\uFE8F", "nothing joins after an alef"},
		{"لا", "\uFEFB", "lam-alef ligature"},
		{"بلا", "\uFE91\uFEFC", "final lam-alef"},
		{"لأ", "\uFEF7", "lam with alef hamza above"},
		{"بَب", "\uFE91\u064E\uFE90", "a mark does not break the join"},
		{"ـب", "\u0640\uFE90", "tatweel joins"},
		{"ب b", "\uFE8F b", "Latin is untouched"},
		{"ب1ب", "\uFE8F1\uFE8F", "digits break the join"},
		{"abc", "abc", "no Arabic"},
	}
	for _, tt := range tests {
		if got := shapeArabic(tt.in); got != tt.want {
			t.Errorf("%s: shapeArabic(%q) = %U, want %U", tt.why, tt.in, []rune(got), []rune(tt.want))
		}
	}
}

func TestVisual(t *testing.T) {
	tests := []struct {
		in   string
		rtl  bool
		want string
	}{
		{"abc def", false, "abc def"},
		{"ابت", true, "تبا"},
		{"رقم: LP-12345-26", true, "LP-12345-26 :مقر"},
		{"اتصل 999 الآن", true, "نآلا 999 لصتا"},
		{"هاتف 01522\u00a0947510.", true, ".01522\u00a0947510 فتاه"},
		{"البريد: jane@x.uk", true, "jane@x.uk :ديربلا"},
		{"(نص)", true, "(صن)"},
		{"Polski, العربية, Română", false, "Polski, ةيبرعلا, Română"},
		{"العربية first", false, "ةيبرعلا first"},
		{"نص 12 abc", false, "12 صن abc"},
	}
	for _, tt := range tests {
		if got := visual(tt.in, tt.rtl); got != tt.want {
			t.Errorf("visual(%q, rtl=%v) = %q, want %q", tt.in, tt.rtl, got, tt.want)
		}
	}
}

func TestKeepNumbers(t *testing.T) {
	for in, want := range map[string]string{
		"01522 947510":          "01522\u00a0947510",
		"08 08 16 89 111":       "08\u00a008\u00a016\u00a089\u00a0111",
		"within 2 working days": "within 2 working days",
		"7 days 2":              "7 days 2",
	} {
		if got := keepNumbers(in); got != want {
			t.Errorf("keepNumbers(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDejaVuCoversTheLanguages(t *testing.T) {
	for _, s := range []string{"Zażółć gęślą jaźń", "Ąčęėįšųūž", "ăâîșț ĂÂÎȘȚ", "Ā ē ģ ķ ļ ņ š ž", "Съешь же ещё этих", "Ъ ь ю я щ", "ãõçáéí",
		shapeArabic("الضحايا أولًا لا إله")} {
		for _, r := range s {
			if !CanDraw(r) {
				t.Errorf("DejaVu Sans cannot draw %q (U+%04X) in %q", r, r, s)
			}
		}
	}
	for _, r := range []rune{'漢', '😀', 0xE000} {
		if CanDraw(r) {
			t.Errorf("CanDraw(U+%04X) = true, want false", r)
		}
	}
}

func TestTrimFont(t *testing.T) {
	var want runeSet
	want.addString("Putting Victims First Ąę 0123 ﻻ")
	subset, err := cutFont(&want)
	if err != nil {
		t.Fatal(err)
	}
	for _, ttf := range [][]byte{subset.ttf} {
		for _, tag := range []string{"fpgm", "prep", "cvt "} {
			if _, ok := findTable(ttf, tag); ok {
				t.Errorf("the trimmed font still has %q", tag)
			}
		}
		has, err := parseCmap(ttf)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range "Putting Victims First Ąę 0123 ﻻ" {
			if !has.contains(r) {
				t.Errorf("the trimmed font lost %q", r)
			}
		}
		if head, _ := findTable(ttf, "head"); u16(head, 50) != 1 {
			t.Error("loca offsets are not long")
		}
		if checksum(ttf) != 0xB1B0AFBA {
			t.Errorf("font checksum %#x, want 0xB1B0AFBA", checksum(ttf))
		}
	}
	if len(subset.ttf) > len(dejavusans.TTF)/10 {
		t.Errorf("subset is %d bytes", len(subset.ttf))
	}
}

func TestQRCode(t *testing.T) {
	r := testRenderer(t)
	m, err := r.qrCode("https://victims.lincs.police.uk/pl/crime/burglary/")
	if err != nil {
		t.Fatal(err)
	}
	if len(m) < 21 || len(m) != len(m[0]) {
		t.Fatalf("QR code is %d×%d modules", len(m), len(m[0]))
	}
	// The three finder patterns: dark corners.
	n := len(m)
	for _, c := range [][2]int{{0, 0}, {0, n - 1}, {n - 1, 0}} {
		if !m[c[0]][c[1]] {
			t.Errorf("module %v is light, want the dark corner of a finder pattern", c)
		}
	}
	if fmt.Sprint(m) != fmt.Sprint(must(r.qrCode("https://victims.lincs.police.uk/pl/crime/burglary/"))) {
		t.Error("the same address gives another code")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
