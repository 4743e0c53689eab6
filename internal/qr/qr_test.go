package qr

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	boombuler "github.com/boombuler/barcode/qr"

	"victimsite/internal/qr/qrtest"
)

// signedDigits reports whether boombuler writes s in numeric mode although
// it is not all digits: strconv.Atoi takes a group such as "+12" or "-0".
func signedDigits(s string) bool {
	digits := true
	for i := 0; i < len(s); i += 3 {
		g := s[i:min(i+3, len(s))]
		n, err := strconv.Atoi(g)
		if err != nil || n < 0 {
			return false
		}
		digits = digits && strings.Trim(g, "0123456789") == ""
	}
	return !digits
}

// same checks that Encode(s) is what boombuler draws for it, or that both
// fail; where boombuler misreads signed digits as numeric, it checks the
// code is boombuler's alphanumeric one instead.
func same(t testing.TB, s string) {
	t.Helper()
	mode := boombuler.Auto
	if signedDigits(s) {
		mode = boombuler.AlphaNumeric
	}
	want, werr := qrtest.Boombuler(s, mode)
	got, err := Encode(s)
	switch {
	case werr != nil && err == nil:
		t.Fatalf("Encode(%.40q…, %d bytes) succeeded; boombuler fails: %v", s, len(s), werr)
	case werr == nil && err != nil:
		t.Fatalf("Encode(%.40q…, %d bytes) = %v; boombuler draws it", s, len(s), err)
	case err != nil && !errors.Is(err, ErrTooLong):
		t.Fatalf("Encode(%.40q…) = %v, want an error wrapping ErrTooLong", s, err)
	case err == nil:
		if d := qrtest.Diff(got, want); d != "" {
			t.Fatalf("Encode(%.40q…, %d bytes): %s", s, len(s), d)
		}
	}
}

func TestEncodeMatchesBoombuler(t *testing.T) {
	for _, s := range []string{
		"",
		"0",
		"01234567",
		"12345678901234567890",
		"HELLO WORLD",
		"HTTPS://VICTIMS.LINCS.POLICE.UK/EN/CRIME/BURGLARY/",
		"$%*+-./: ",
		"https://victims.lincs.police.uk/ur/crime/domestic-abuse/",
		"https://victims.lincs.police.uk/en/",
		"https://example.org/a?b=c&d=e#f",
		"Zażółć gęślą jaźń",
		"اردو میں مدد",
		"漢字とかな",
		"tel:101",
		"\x00\xff\xfe invalid UTF-8 \xc3",
		"a",
		"A",
		"1A",
		"A1b",
	} {
		t.Run(fmt.Sprintf("%.30q", s), func(t *testing.T) { same(t, s) })
	}
}

// dataCodewordsM is the number of data codewords of versions 1 to 40 at
// level M, from ISO/IEC 18004 Table 7, kept apart from levelM so that a
// slip in either shows.
var dataCodewordsM = [40]int{
	16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669,
	714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914, 1992, 2102, 2216, 2334,
}

// capacity returns the most characters of a kind version v holds at
// level M, by ISO/IEC 18004 7.4.10 with the terminator left out.
func capacity(kind string, v int) int {
	bits := dataCodewordsM[v-1] * 8
	lv := 0
	if v >= 10 {
		lv = 1
	}
	if v >= 27 {
		lv = 2
	}
	n := 0
	for {
		var need int
		switch kind {
		case "numeric":
			need = 4 + [3]int{10, 12, 14}[lv] + (n+1)/3*10 + [3]int{0, 4, 7}[(n+1)%3]
		case "alphanumeric":
			need = 4 + [3]int{9, 11, 13}[lv] + (n+1)/2*11 + (n+1)%2*6
		default:
			need = 4 + [3]int{8, 16, 16}[lv] + (n+1)*8
		}
		if need > bits {
			return n
		}
		n++
	}
}

// TestVersionBoundaries encodes, for every version and mode, the longest
// text the version holds and one character more, and checks the version
// chosen and that boombuler draws the same; past version 40 both fail.
func TestVersionBoundaries(t *testing.T) {
	for _, k := range []struct {
		kind, fill string
		m          mode
		max        int // ISO/IEC 18004 Table 7, version 40-M
	}{
		{"numeric", "31415926535", numeric, 5596},
		{"alphanumeric", "HTTPS://X.UK/", alphanumeric, 3391},
		{"byte", "https://lincs.police.uk/é/", byteMode, MaxBytes},
	} {
		if got := limits[k.m].max; got != k.max || capacity(k.kind, 40) != k.max {
			t.Fatalf("%s: limits says %d, capacity of version 40 is %d, want %d", k.kind, got, capacity(k.kind, 40), k.max)
		}
		kind := k.kind
		for v := 1; v <= 40; v++ {
			n := capacity(kind, v)
			for _, extra := range []int{0, 1} {
				s := strings.Repeat(k.fill, n/len(k.fill)+2)[:n+extra]
				t.Run(fmt.Sprintf("%s/v%d+%d", kind, v, extra), func(t *testing.T) {
					got, err := Encode(s)
					switch {
					case v == 40 && extra == 1:
						if !errors.Is(err, ErrTooLong) || !strings.Contains(err.Error(), fmt.Sprintf("(at most %d)", k.max)) {
							t.Fatalf("Encode(%d characters) = %v, want ErrTooLong saying at most %d", len(s), err, k.max)
						}
					case err != nil:
						t.Fatal(err)
					case len(got) != 17+4*(v+extra):
						t.Fatalf("Encode(%d characters) is %d modules wide, want version %d", len(s), len(got), v+extra)
					}
					same(t, s)
				})
			}
		}
	}
}

// TestSignedDigits pins the one place Encode differs from boombuler:
// boombuler writes "+12" in numeric mode, as 12, so a reader sees "012"
// (checked with a ZXing reader: "-0" reads "00", "123+45" "123045");
// Encode writes it in alphanumeric mode. If boombuler's Auto ever agrees,
// this fails, and the difference can go.
func TestSignedDigits(t *testing.T) {
	for _, s := range []string{"+12", "-0", "+1", "123+45", "-00-00"} {
		t.Run(s, func(t *testing.T) {
			if !signedDigits(s) {
				t.Fatalf("signedDigits(%q) = false, want true", s)
			}
			same(t, s)
			quirk, err := qrtest.Boombuler(s, boombuler.Auto)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Encode(s)
			if err != nil {
				t.Fatal(err)
			}
			if qrtest.Diff(got, quirk) == "" {
				t.Errorf("Encode(%q) is boombuler's numeric code, which reads back as other digits", s)
			}
		})
	}
}

// TestCodewords checks the data and error correction codewords of the
// worked example of ISO/IEC 18004 Annex I: "01234567" in version 1-M.
func TestCodewords(t *testing.T) {
	data := dataCodewords("01234567", numeric, 1, levelM[0].dataBytes())
	got := fmt.Sprintf("% X", codewords(data, levelM[0]))
	want := "10 20 0C 56 61 80 EC 11 EC 11 EC 11 EC 11 EC 11 A5 24 D4 C1 ED 36 C7 87 2C 55"
	if got != want {
		t.Errorf("codewords of 01234567, 1-M:\n got %s\nwant %s", got, want)
	}
}

// FuzzEncode checks Encode against boombuler on any text.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", "0", "+12", "HELLO WORLD", "https://victims.lincs.police.uk/pl/crime/fraud/", "Zażółć", strings.Repeat("9", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { same(t, s) })
}

// TestPrefixes compares every prefix of a few long texts with boombuler,
// so that many versions, masks and penalty ties are met in a plain test
// run and not only when fuzzing.
func TestPrefixes(t *testing.T) {
	for _, long := range []string{
		"https://victims.lincs.police.uk/ro/crime/hate-crime/?ref=leaflet#what-happens-next Ştiţi că poliţia vă poate ajuta: sunaţi la 101 sau 999 în caz de urgenţă.",
		"HTTPS://VICTIMS.LINCS.POLICE.UK/EN/CRIME/ANTI-SOCIAL-BEHAVIOUR/ 0800 555 111 $5 20% OFF *A+B-C.D/E:F",
		strings.Repeat("8675309", 40),
	} {
		for n := range len(long) + 1 {
			same(t, long[:n])
		}
	}
}

// TestBalancePenalty checks rule 4 on grids of 100 modules: 10 points
// for each full 5% the dark share is away from 50%.
func TestBalancePenalty(t *testing.T) {
	for dark, want := range map[int]int{0: 100, 38: 20, 40: 20, 44: 10, 45: 10, 47: 0, 50: 0, 53: 0, 55: 10, 57: 10, 60: 20, 100: 100} {
		g := make([]byte, 100)
		for i := range dark {
			g[i] = 1
		}
		if got := balancePenalty(g); got != want {
			t.Errorf("balancePenalty(%d%% dark) = %d, want %d", dark, got, want)
		}
	}
}
