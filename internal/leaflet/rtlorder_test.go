package leaflet

import (
	"cmp"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"victimsite/internal/browser"
	"victimsite/internal/pdfjs"
	"victimsite/internal/typeset"
)

// rtlOrderPhone is a phone number with every kind of group a number
// token has: +, brackets and spaces.
const rtlOrderPhone = "+44 (0)1522 000000"

// rtlOrderCases are Arabic and Urdu leaflets whose phone number, email and
// crime reference (with and without letters) must read left to right on
// paper, and whose officer has a Persian/Urdu name.
func rtlOrderCases(t *testing.T) map[string]Details {
	t.Helper()
	cases := map[string]Details{}
	for _, lang := range []string{"ar", "ur"} {
		for _, ref := range []string{"LP-12345-26", "12345-26"} {
			d := sample(lang)
			d.CrimeRef, d.Officer.Phone, d.Officer.Name = ref, rtlOrderPhone, "پرویز چوہدری"
			cases[lang+" "+ref] = d
		}
	}
	return cases
}

// renderWithRepo renders d with the repository's own site, which ships
// every language.
func renderWithRepo(t *testing.T, d Details) []byte {
	t.Helper()
	pdf, err := repoRenderer(t).Render(d)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// writeTemp writes pdf to a temporary file and returns its path.
func writeTemp(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "leaflet.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

var (
	stextLine = regexp.MustCompile(`<line bbox="[0-9.-]+ ([0-9.-]+) [0-9.-]+ ([0-9.-]+)"`)
	stextChar = regexp.MustCompile(`<char quad="([0-9.-]+) ([0-9.-]+) ([0-9.-]+) [0-9.-]+ [0-9.-]+ [0-9.-]+ [0-9.-]+ ([0-9.-]+)" x="[0-9.-]+" y="[0-9.-]+"[^>]* c="([^"]*)"/>`)
)

// drawnChar is a character as mupdf finds it on the page: from x0 to x1
// points from the left edge, y0 to y1 from the top (its font's ascent
// and descent).
type drawnChar struct {
	x0, y0, x1, y1 float64
	c              string
}

// drawnLine is a line of text on the page, top to bottom y0 to y1 points
// from the top, its characters sorted left to right by where they are
// drawn: the order a reader sees on paper, whatever the order of the
// content stream.
type drawnLine struct {
	y0, y1 float64
	chars  []drawnChar
}

func (l drawnLine) String() string {
	var b strings.Builder
	for _, c := range l.chars {
		b.WriteString(c.c)
	}
	return b.String()
}

// drawnLines returns the lines of page 1 as mupdf finds them.
func drawnLines(t *testing.T, pdf string) []drawnLine {
	t.Helper()
	mutool := browser.Tool(t, "mutool", "apt-get install -y mupdf-tools")
	out, err := exec.Command(mutool, "draw", "-q", "-F", "stext", "-o", "-", pdf, "1").Output()
	if err != nil {
		t.Fatalf("mutool draw: %v", err)
	}
	num := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	var lines []drawnLine
	for _, block := range strings.Split(string(out), "</line>") {
		m := stextLine.FindStringSubmatch(block)
		if m == nil {
			continue
		}
		l := drawnLine{y0: num(m[1]), y1: num(m[2])}
		for _, c := range stextChar.FindAllStringSubmatch(block, -1) {
			l.chars = append(l.chars, drawnChar{num(c[1]), num(c[2]), num(c[3]), num(c[4]), html.UnescapeString(c[5])})
		}
		slices.SortStableFunc(l.chars, func(a, b drawnChar) int { return cmp.Compare(a.x0, b.x0) })
		lines = append(lines, l)
	}
	return lines
}

// visualLines returns the text of each line of page 1, left to right.
func visualLines(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	for _, l := range drawnLines(t, writeTemp(t, pdf)) {
		out = append(out, l.String())
	}
	return out
}

// TestRTLTokensDrawnLeftToRight checks, by where mupdf finds each
// character on page 1, that the crime reference, phone number and email
// of Arabic and Urdu leaflets read left to right as written, in the
// sentence that tells the victim to give their reference as well as in
// the officer's table and the footer, and that no bidi isolate mark is
// drawn.
func TestRTLTokensDrawnLeftToRight(t *testing.T) {
	for name, d := range rtlOrderCases(t) {
		t.Run(name, func(t *testing.T) {
			lines := visualLines(t, renderWithRepo(t, d))
			count := func(s string) (n, mixed int) {
				for _, l := range lines {
					if strings.Contains(l, s) {
						n++
						if strings.ContainsFunc(strings.Replace(l, s, "", 1), isArabicLetter) &&
							strings.Contains(l, "101") {
							mixed++
						}
					}
				}
				return n, mixed
			}
			if n, mixed := count(d.CrimeRef); n < 2 || mixed == 0 {
				t.Errorf("reference %s drawn as written on %d lines of page 1 (want the sentence and the footer at least), %d in the sentence with 101", d.CrimeRef, n, mixed)
			}
			for _, s := range []string{rtlOrderPhone, d.Officer.Email} {
				if n, _ := count(s); n == 0 {
					t.Errorf("%s is not drawn left to right as written", s)
				}
			}
			for _, l := range lines {
				if strings.ContainsAny(l, "\u2066\u2067\u2068\u2069") {
					t.Errorf("line %q draws a bidi isolate mark", l)
				}
			}
			if t.Failed() {
				t.Logf("lines left to right:\n%s", strings.Join(lines, "\n"))
			}
		})
	}
}

func isArabicLetter(r rune) bool { return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) }

// latinPieces returns where the pieces of Latin text with a digit in them
// are drawn on l: each a run of ASCII characters between right-to-left
// letters, found by what the characters are, not by their order, so a
// number drawn back to front is found as well.
func latinPieces(l drawnLine) []drawnLine {
	var out []drawnLine
	var cur *drawnLine
	for _, c := range l.chars {
		if c.c == "" || c.c[0] >= utf8.RuneSelf {
			cur = nil
			continue
		}
		if cur == nil {
			out = append(out, drawnLine{y0: l.y0, y1: l.y1})
			cur = &out[len(out)-1]
		}
		cur.chars = append(cur.chars, c)
	}
	return slices.DeleteFunc(out, func(p drawnLine) bool {
		return strings.TrimSpace(p.String()) == "" || !strings.ContainsFunc(p.String(), unicode.IsDigit)
	})
}

// ocrPieces renders each Latin piece with a digit on page 1 of pdf at
// 300 dpi with poppler and returns what Debian's tesseract-ocr reads there,
// spaces and the punctuation that ends a sentence removed.
func ocrPieces(t *testing.T, pdf string) []string {
	t.Helper()
	pdftoppm := needTool(t, "pdftoppm")
	tesseract := browser.Tool(t, "tesseract", "apt-get install -y tesseract-ocr")
	const pad, dpi = 2.0, 300.0
	px := func(pt float64) string { return strconv.Itoa(int(pt * dpi / 72)) }
	var read []string
	for _, l := range drawnLines(t, pdf) {
		for i, p := range latinPieces(l) {
			x0, x1 := p.chars[0].x0-pad, p.chars[len(p.chars)-1].x1+pad
			y0, y1 := p.chars[0].y0, p.chars[0].y1
			for _, c := range p.chars {
				y0, y1 = min(y0, c.y0), max(y1, c.y1)
			}
			png := filepath.Join(filepath.Dir(pdf), "piece"+px(l.y0)+"-"+strconv.Itoa(i))
			cmd := exec.Command(pdftoppm, "-r", "300", "-f", "1", "-l", "1", "-singlefile", "-gray", "-png",
				"-x", px(x0), "-y", px(y0), "-W", px(x1-x0), "-H", px(y1-y0), pdf, png)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, out)
			}
			out, err := exec.Command(tesseract, png+".png", "-", "--psm", "7", "-l", "eng").Output()
			if err != nil {
				t.Fatalf("tesseract: %v", err)
			}
			read = append(read, strings.Trim(strings.ReplaceAll(strings.TrimSpace(string(out)), " ", ""), ".:,"))
		}
	}
	return read
}

// TestRTLNumbersOCR renders the Latin pieces of page 1 of Arabic and
// Urdu leaflets at 300 dpi and reads them with tesseract-ocr: the phone
// number and the crime reference must read left to right as written,
// never back to front.
func TestRTLNumbersOCR(t *testing.T) {
	for name, d := range rtlOrderCases(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			read := ocrPieces(t, writeTemp(t, renderWithRepo(t, d)))
			count := func(s string) int {
				return len(slices.DeleteFunc(slices.Clone(read), func(r string) bool { return !strings.Contains(r, s) }))
			}
			// The sentence that gives 101 and the footer; the table too
			// in Arabic.
			if n := count(d.CrimeRef); n < 2 {
				t.Errorf("OCR reads the reference %s as written %d times, want 2 or more", d.CrimeRef, n)
			}
			if count("+44(0)1522000000") == 0 {
				t.Errorf("OCR does not read %s as written", rtlOrderPhone)
			}
			for _, back := range []string{"26-12345", "12345-26-LP", "26-LP", "000000(0)1522", "000000+44"} {
				if count(back) > 0 {
					t.Errorf("OCR reads %s: a number drawn back to front", back)
				}
			}
			if t.Failed() {
				t.Logf("OCR read: %q", read)
			}
		})
	}
}

var traceGlyph = regexp.MustCompile(`<g unicode="[^"]*" glyph="(\d+)"`)

// drawnGlyphs returns the ids of the glyphs drawn on page 1, in the order
// of the content stream, as mupdf traces them.
func drawnGlyphs(t *testing.T, pdf []byte) []uint16 {
	t.Helper()
	mutool := browser.Tool(t, "mutool", "apt-get install -y mupdf-tools")
	out, err := exec.Command(mutool, "trace", writeTemp(t, pdf), "1").Output()
	if err != nil {
		t.Fatalf("mutool trace: %v", err)
	}
	var ids []uint16
	for _, m := range traceGlyph.FindAllStringSubmatch(string(out), -1) {
		id, _ := strconv.Atoi(m[1])
		ids = append(ids, uint16(id))
	}
	return ids
}

// shapeAlone sets text alone in lang's stack, right to left.
func shapeAlone(t *testing.T, r *Renderer, lang, text string) typeset.Block {
	t.Helper()
	b, err := typeset.Layout(text, typeset.Style{Stack: r.fonts.stacks[lang], Size: 12, Lang: lang, Dir: typeset.RightToLeft}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// glyphIDs returns the glyph ids of the first line of b, left to right.
func glyphIDs(b typeset.Block) []uint16 {
	var ids []uint16
	for _, run := range b.Lines[0].Runs {
		for _, g := range run.Glyphs {
			ids = append(ids, g.ID)
		}
	}
	return ids
}

// clusterGlyphs returns the glyph ids of the first cluster of b whose
// text is letter, left to right; ok is false if letter has no cluster of
// its own (it is part of a ligature).
func clusterGlyphs(b typeset.Block, letter string) (ids []uint16, ok bool) {
	for _, run := range b.Lines[0].Runs {
		start := -1
		for _, g := range run.Glyphs {
			switch {
			case run.Text[g.ClusterStart:g.ClusterEnd] != letter:
				if start >= 0 {
					return ids, true
				}
			case start < 0 || g.ClusterStart == start:
				start = g.ClusterStart
				ids = append(ids, g.ID)
			}
		}
		if start >= 0 {
			return ids, true
		}
	}
	return nil, false
}

// TestPersianNameJoined checks that an Urdu officer name in an Arabic (and
// an Urdu) leaflet is drawn shaped and joined: the glyphs on the page are
// the name as typeset shapes it, in which the letters that join the next
// one are not in their isolated forms, and pdf.js gives a screen reader
// the name as written.
func TestPersianNameJoined(t *testing.T) {
	const name = "پرویز چوہدری"
	r := repoRenderer(t)
	for _, lang := range []string{"ar", "ur"} {
		t.Run(lang, func(t *testing.T) {
			d := rtlOrderCases(t)[lang+" LP-12345-26"]
			pdf := renderWithRepo(t, d)
			shaped := shapeAlone(t, r, lang, name)
			for _, c := range []string{"پ", "چ", "ہ"} {
				iso := glyphIDs(shapeAlone(t, r, lang, c))
				got, ok := clusterGlyphs(shaped, c)
				if ok && slices.Equal(got, iso) {
					t.Errorf("%s is set in its isolated form %v in %q", c, iso, name)
				}
				if !ok && lang == "ar" {
					t.Errorf("%s has no cluster of its own in Naskh: %v", c, glyphIDs(shaped))
				}
			}
			if want := glyphIDs(shaped); !containsRun(drawnGlyphs(t, pdf), want) {
				t.Errorf("the page does not draw the shaped name %v", want)
			}
			if text := readingOrder(pdfjs.Read(t, pdf)); !strings.Contains(text, name) {
				t.Errorf("pdf.js does not give the name %q:\n%s", name, text)
			}
		})
	}
}

// containsRun reports whether want occurs in s as a contiguous run.
func containsRun(s, want []uint16) bool {
	for i := 0; i+len(want) <= len(s); i++ {
		if slices.Equal(s[i:i+len(want)], want) {
			return true
		}
	}
	return false
}
