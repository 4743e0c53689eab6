package pdf

import (
	"strings"
	"testing"
	"unicode/utf16"

	"victimsite/internal/pdfjs"
)

// trickyTexts are text strings whose UTF-16 code units hold the bytes a
// literal string must escape: ( ) \ CR LF, and a surrogate pair.
var trickyTexts = []string{
	"ਨਾਮ",          // U+0A28: 0A 28, a line feed and a (
	"ഩ ഊ",          // U+0D29: 0D 29; U+0D0A: 0D 0A
	"屜 ⠩ ⡜",        // U+5C5C: \\; U+2829: ( ); U+285C: ( \
	"😀 and é(x)\\", // a surrogate pair, and ASCII to escape
	"مرحبا (101)",
}

// TestTextStringsReadBack reads the text strings appendTextString writes
// as ISO 32000-1 (7.3.4.2) says a reader must: the byte order mark, the
// escapes, and an end of line read as a line feed.
func TestTextStringsReadBack(t *testing.T) {
	for _, s := range append(trickyTexts, "plain ASCII (with brackets)", "\xff invalid") {
		b := appendTextString(nil, s)
		got := readTextString(t, b)
		want := strings.ToValidUTF8(s, "\uFFFD")
		if got != want {
			t.Errorf("%q was written as %q and read back as %q", s, b, got)
		}
		if !strings.HasPrefix(string(b), "(") || strings.ContainsAny(string(b), "\r\n") {
			t.Errorf("%q was written as %q: want a literal string with no bare end of line", s, b)
		}
	}
	if n, hex := len(appendTextString(nil, "مرحبا")), 2+4*6; n >= hex {
		t.Errorf("5 Arabic letters took %d bytes, no fewer than in hex (%d)", n, hex)
	}
}

// TestPDFJSReadsTrickyTextStrings has pdf.js read the ActualText of
// elements holding trickyTexts.
func TestPDFJSReadsTrickyTextStrings(t *testing.T) {
	latin := loadFont(t, "NotoSans-Regular.ttf")
	d := New(Info{Title: "Tricky", Lang: "en-GB"})
	p := d.AddPage(A4)
	for i, s := range trickyTexts {
		e := d.Root().Add(P)
		e.ActualText = s
		pen{t, p}.write(e, latin, 12, 56, 80+20*float64(i), "text")
	}
	ps := pdfjs.Read(t, write(t, d)).Find("P")
	if len(ps) != len(trickyTexts) {
		t.Fatalf("pdf.js found %d paragraphs, want %d", len(ps), len(trickyTexts))
	}
	for i, p := range ps {
		if p.Alt != trickyTexts[i] {
			t.Errorf("pdf.js read %q, want %q", p.Alt, trickyTexts[i])
		}
	}
}

// readTextString reads one PDF literal string holding a text string.
func readTextString(t *testing.T, b []byte) string {
	t.Helper()
	if len(b) < 2 || b[0] != '(' || b[len(b)-1] != ')' {
		t.Fatalf("%q is not a literal string", b)
	}
	var raw []byte
	depth := 0
	for i := 1; i < len(b)-1; i++ {
		c := b[i]
		switch {
		case c == '\\':
			i++
			switch e := b[i]; e {
			case 'n':
				raw = append(raw, '\n')
			case 'r':
				raw = append(raw, '\r')
			case '(', ')', '\\':
				raw = append(raw, e)
			default:
				if e < '0' || e > '7' {
					t.Fatalf("%q: unknown escape \\%c", b, e)
				}
				v := 0
				for k := 0; k < 3 && i < len(b)-1 && b[i] >= '0' && b[i] <= '7'; k++ {
					v = 8*v + int(b[i]-'0')
					i++
				}
				i--
				raw = append(raw, byte(v))
			}
		case c == '\r':
			raw = append(raw, '\n') // an end of line reads as a line feed
			if i+1 < len(b)-1 && b[i+1] == '\n' {
				i++
			}
		case c == '(':
			depth++
			raw = append(raw, c)
		case c == ')':
			if depth == 0 {
				t.Fatalf("%q: the string ends early", b)
			}
			depth--
			raw = append(raw, c)
		default:
			raw = append(raw, c)
		}
	}
	if len(raw) < 2 || raw[0] != 0xFE || raw[1] != 0xFF {
		return string(raw) // PDFDocEncoding; ASCII here
	}
	units := make([]uint16, 0, len(raw)/2)
	for i := 2; i+1 < len(raw); i += 2 {
		units = append(units, uint16(raw[i])<<8|uint16(raw[i+1]))
	}
	return string(utf16.Decode(units))
}
