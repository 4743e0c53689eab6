package leaflet

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

func TestFontsEmbedded(t *testing.T) {
	r := testRenderer(t)
	for name, d := range goldenCases() {
		pdf, err := r.Render(d)
		if err != nil {
			t.Fatal(err)
		}
		out := runTool(t, pdf, "pdffonts")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 3 {
			t.Fatalf("%s: pdffonts lists no fonts:\n%s", name, out)
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			// name, type (two words), encoding, emb, sub, uni, object, id
			if len(f) < 8 || f[len(f)-5] != "yes" {
				t.Errorf("%s: font not embedded: %s", name, l)
			}
		}
	}
}

func TestQPDFCheck(t *testing.T) {
	r := testRenderer(t)
	pdfs := map[string][]byte{}
	for name, d := range goldenCases() {
		pdf, err := r.Render(d)
		if err != nil {
			t.Fatal(err)
		}
		pdfs[name] = pdf
	}
	generic, err := r.Generic("ar")
	if err != nil {
		t.Fatal(err)
	}
	pdfs["generic-ar"] = generic
	for name, pdf := range pdfs {
		out := runTool(t, pdf, "qpdf", "--check")
		if !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check:\n%s", name, out)
		}
	}
}

func TestMetadataHoldsNoCaseData(t *testing.T) {
	r := testRenderer(t)
	tests := []struct {
		d     Details
		title string
	}{
		{sample("pl"), "Informacje dla ofiar przestępstw"},
		{sample("ar"), "معلومات لضحايا الجرائم"},
		{func() Details { d := sample("en"); d.Discreet = true; return d }(), "Useful information"},
	}
	for _, tt := range tests {
		tt.d.VictimName = "Alex Doe"
		pdf, err := r.Render(tt.d)
		if err != nil {
			t.Fatal(err)
		}
		info := runTool(t, pdf, "pdfinfo") + runTool(t, pdf, "pdfinfo", "-meta")
		if !strings.Contains(info, "Title:           "+tt.title+"\n") {
			t.Errorf("%s: pdfinfo title is not %q:\n%s", tt.d.Lang, tt.title, info)
		}
		for _, secret := range []string{"Jane", "Smith", "jane.smith", "LP-12345", "Alex", "Boston", "Burglary", "Lincolnshire"} {
			if strings.Contains(info, secret) {
				t.Errorf("%s: metadata holds %q:\n%s", tt.d.Lang, secret, info)
			}
		}
		if !strings.Contains(info, "<pdfuaid:part>1</pdfuaid:part>") {
			t.Errorf("%s: the XMP metadata does not say PDF/UA-1:\n%s", tt.d.Lang, info)
		}
		if !bytes.Contains(unpacked(t, pdf), []byte("/Lang("+tt.d.Lang+")")) {
			t.Errorf("%s: the catalog does not set /Lang", tt.d.Lang)
		}
	}
}

func TestDeterministic(t *testing.T) {
	r := testRenderer(t)
	for name, d := range goldenCases() {
		a, err := r.Render(d)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := r.Render(d)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", name)
		}
	}
	// A new Renderer, with its own font subsets, gives the same bytes too.
	src, probs := Load(fixtureFS(t))
	if probs.Errors() > 0 {
		t.Fatal(probs.Err())
	}
	fresh, err := New(src)
	if err != nil {
		t.Fatal(err)
	}
	d := rtlCases()["ar"]
	a, _ := r.Render(d)
	b, err := fresh.Render(d)
	if err != nil || !bytes.Equal(a, b) {
		t.Errorf("a fresh Renderer gives other bytes (err %v)", err)
	}
	g1, _ := r.Generic("pl")
	g2, _ := fresh.Generic("pl")
	if !bytes.Equal(g1, g2) {
		t.Error("the generic leaflet differs between Renderers")
	}
}

// TestSlowPathSameBytes renders text outside the language's font subset
// (Cyrillic in a Polish leaflet), which takes the per-leaflet subset.
func TestSlowPathSameBytes(t *testing.T) {
	r := testRenderer(t)
	d := sample("pl")
	d.VictimName = "Ольга Иванова"
	a, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := r.Render(d)
	if !bytes.Equal(a, b) {
		t.Error("two renders through the slow path differ")
	}
	if !strings.Contains(pdfText(t, a), "Ольга Иванова") {
		t.Error("the Cyrillic name is not in the leaflet")
	}
}

// wordBox is a word and where pdftotext found it, in points.
type wordBox struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	pageTag = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	wordTag = regexp.MustCompile(`<word xMin="([0-9.-]+)" yMin="([0-9.-]+)" xMax="([0-9.-]+)" yMax="([0-9.-]+)">([^<]*)</word>`)
)

func words(t *testing.T, pdf []byte) []wordBox {
	t.Helper()
	out := runTool(t, pdf, "pdftotext", "-bbox")
	var ws []wordBox
	page := 0
	for _, line := range strings.Split(out, "\n") {
		if pageTag.MatchString(line) {
			page++
		}
		if m := wordTag.FindStringSubmatch(line); m != nil {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			ws = append(ws, wordBox{page, f(m[1]), f(m[2]), f(m[3]), f(m[4]), m[5]})
		}
	}
	return ws
}

// TestNothingOutsideThePage renders leaflets with the longest names,
// emails and stations the fields allow, and text long enough to run over
// several pages, and checks every word lies inside the margins.
func TestNothingOutsideThePage(t *testing.T) {
	needTool(t, "pdftotext")
	long := sample("en")
	long.Officer.Name = strings.Repeat("Wolfeschlegelsteinhausen", 2) + "bergerdorffvoralternwarenge" // one long word
	long.Officer.Rank = "Detective Chief Superintendent"
	long.Officer.Email = strings.Repeat("a", 40) + "." + strings.Repeat("b", 40) + "@lincolnshire.police.uk"
	long.Officer.Station = "Lincolnshire Police Headquarters, Deepdale Lane, Nettleham"
	long.VictimName = "Maria Magdalena Alexandrina Wilhelmina Konstantinopoulou-Smithson"
	arLong := long
	arLong.Lang = "ar"
	arLong.VictimName = strings.Repeat("عبدالرحمن ", 6) + "الطويل"
	r := testRenderer(t)
	cases := map[string]*Renderer{"long fields en": r, "long fields ar": r}
	details := map[string]Details{"long fields en": long, "long fields ar": arLong}
	// A crime page whose leaflet text runs over several pages.
	fsys := fixtureFS(t).(fstest.MapFS)
	var words1500 strings.Builder
	for i := 1; i <= 1500; i++ {
		fmt.Fprintf(&words1500, "w%d ", i)
	}
	page := "---\ntitle: Burglary\nsupport: [victim-lincs, victim-support, crimestoppers]\nleaflet: " + words1500.String() + "\n---\nBody.\n"
	fsys["content/crime/burglary.en.md"] = &fstest.MapFile{Data: []byte(page)}
	longRenderer := rendererFor(t, fsys)
	cases["page breaks"], details["page breaks"] = longRenderer, sample("en")
	for name, rr := range cases {
		t.Run(name, func(t *testing.T) {
			pdf, err := rr.Render(details[name])
			if err != nil {
				t.Fatal(err)
			}
			ws := words(t, pdf)
			if len(ws) == 0 {
				t.Fatal("no words found")
			}
			for _, w := range ws {
				if w.xMin < marginX-1 || w.xMax > pageW-marginX+1 || w.yMin < marginTop-12 || w.yMax > pageH-20 {
					t.Errorf("page %d: %q at x %.0f–%.0f, y %.0f–%.0f pt is outside the margins", w.page, w.text, w.xMin, w.xMax, w.yMin, w.yMax)
				}
			}
			if name == "page breaks" {
				// The footer of each page comes between its lines.
				text := oneLine(footerLine.ReplaceAllString(pdfText(t, pdf), " "))
				if !strings.Contains(text, strings.TrimSpace(words1500.String())) {
					t.Errorf("the long text is not whole and in order across the page breaks:\n%s", text)
				}
			}
		})
	}
}

// footerLine is the footer of an English leaflet's page, as pdftotext
// gives it.
var footerLine = regexp.MustCompile(`Crime reference number: \S+ · Page \d+ of \d+ · Made on \d+ \w+ \d+`)

func rendererFor(t *testing.T, fsys fs.FS) *Renderer {
	t.Helper()
	src, probs := Load(fsys)
	if probs.Errors() > 0 {
		t.Fatal(probs.Err())
	}
	r, err := New(src)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestUndrawableRuneRefused(t *testing.T) {
	t.Run("typed by the officer", func(t *testing.T) {
		for _, name := range []string{"Jane 😀 Smith", "山田花子", "Jane\u202eSmith", "Jane\x07Smith"} {
			values := validValues()
			values[FieldOfficerName] = name
			_, err := Parse(values, testNow)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != FieldOfficerName {
				t.Errorf("Parse(officer-name %q) = %v, want a problem with officer-name", name, err)
			}
		}
	})
	t.Run("details made in Go", func(t *testing.T) {
		d := sample("pl")
		d.Officer.Station = "Boston 🚓"
		_, err := testRenderer(t).Render(d)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != FieldStation || !strings.Contains(fe.Message, "U+1F693") {
			t.Errorf("Render = %v, want a problem with station naming U+1F693", err)
		}
	})
	t.Run("in the site's text", func(t *testing.T) {
		fsys := fixtureFS(t).(fstest.MapFS)
		msgs := string(fsys["locales/leaflet.pl.toml"].Data)
		msgs = strings.Replace(msgs, `LeafletQR = "`, `LeafletQR = "漢 `, 1)
		fsys["locales/leaflet.pl.toml"] = &fstest.MapFile{Data: []byte(msgs)}
		r := rendererFor(t, fsys)
		_, err := r.Render(sample("pl"))
		var ge *GlyphError
		if !errors.As(err, &ge) || !strings.Contains(ge.Where, "locales/leaflet.pl.toml") || !strings.Contains(ge.Where, "LeafletQR") {
			t.Fatalf("Render = %v, want a GlyphError in locales/leaflet.pl.toml, message LeafletQR", err)
		}
		if CanDraw('漢') {
			t.Error("the test needs a rune DejaVu Sans cannot draw")
		}
	})
}

// TestConcurrentLeafletsKeepTheirOwnDetails renders many leaflets at once
// from one Renderer and checks each holds its own officer and no other's.
func TestConcurrentLeafletsKeepTheirOwnDetails(t *testing.T) {
	needTool(t, "pdftotext")
	r := testRenderer(t)
	const n = 32
	langs := []string{"en", "pl", "ar", "lt", "ro"}
	ds := make([]Details, n)
	for i := range ds {
		ds[i] = sample(langs[i%len(langs)])
		ds[i].CrimeRef = fmt.Sprintf("LP-%05d-26", 10000+i)
		ds[i].Officer.Name = fmt.Sprintf("Officer Number%02dx", i)
		ds[i].Officer.Email = fmt.Sprintf("officer%02dx@lincs.police.uk", i)
		ds[i].Officer.Collar = strconv.Itoa(5000 + i)
	}
	pdfs := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				pdfs[i], errs[i] = r.Render(ds[i])
			}
		}()
	}
	for i := range ds {
		next <- i
	}
	close(next)
	wg.Wait()
	for i := range ds {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		text := pdfText(t, pdfs[i])
		for j := range ds {
			for _, s := range []string{ds[j].Officer.Name, ds[j].Officer.Email, ds[j].CrimeRef} {
				if has := strings.Contains(text, s); has != (i == j) {
					t.Errorf("leaflet %d: holds %q = %v", i, s, has)
				}
			}
		}
	}
}
