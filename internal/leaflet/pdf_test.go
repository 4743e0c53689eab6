package leaflet

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"victimsite/internal/browser"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// needTool returns the path of a poppler, qpdf or MuPDF tool. A missing
// tool skips the test on a workstation and fails it in CI (CI=true); the
// message names the Debian package that has it.
func needTool(t *testing.T, name string) string {
	t.Helper()
	pkg := "poppler-utils"
	switch name {
	case "qpdf":
		pkg = "qpdf"
	case "mutool":
		pkg = "mupdf-tools"
	}
	return browser.Tool(t, name, "apt-get install -y "+pkg)
}

// runTool runs a tool on the PDF and returns its standard output.
func runTool(t *testing.T, pdf []byte, name string, args ...string) string {
	t.Helper()
	path := needTool(t, name)
	file := filepath.Join(t.TempDir(), "leaflet.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(path, append(args, file)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if name == "pdftotext" {
		cmd.Args = append(cmd.Args, "-")
	}
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s%s", name, err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// pdfText is the text of a PDF as pdftotext reads it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	return runTool(t, pdf, "pdftotext", "-enc", "UTF-8")
}

// goldenCases are the leaflets whose text is kept in testdata/*.golden.
func goldenCases() map[string]Details {
	bilingual := sample("pl")
	bilingual.Bilingual = true
	discreet := sample("en")
	discreet.Crime, discreet.Discreet, discreet.VictimName = "domestic-abuse", true, "Alex Doe"
	ar := sample("ar")
	ar.VictimName = "مريم أحمد"
	fallback := sample("lt")
	fallback.Promise = Promise{Method: "visit", Every: 21, Next: day("2026-12-11")}
	return map[string]Details{"en": sample("en"), "pl": sample("pl"),
		"pl-bilingual": bilingual, "en-discreet": discreet, "lt-fallback": fallback}
}

func TestGoldenText(t *testing.T) {
	needTool(t, "pdftotext")
	r := testRenderer(t)
	cases := goldenCases()
	for name, d := range cases {
		t.Run(name, func(t *testing.T) {
			pdf, err := r.Render(d)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, pdfText(t, pdf))
		})
	}
	t.Run("generic-ro", func(t *testing.T) {
		pdf, err := r.Generic("ro")
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "generic-ro", pdfText(t, pdf))
	})
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v; run go test -update to write it", err)
	}
	if got != string(want) {
		t.Errorf("text of %s differs from %s (go test -update rewrites it):\n%s", name, file, diff(string(want), got))
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}

func TestLeafletHolds(t *testing.T) {
	needTool(t, "pdftotext")
	r := testRenderer(t)
	tests := []struct {
		name    string
		d       func() Details
		want    []string
		notWant []string
	}{
		{"english", func() Details { return sample("en") }, []string{
			"Information for victims of crime", "Putting Victims First", "Lincolnshire Police", "LP-12345-26", "20 November 2026", "Burglary",
			"PC Jane Smith", "1234", "01522 000000", "jane.smith@lincs.police.uk", "Boston",
			"Your officer will contact you by phone every 7 days; next update by 27 November 2026.",
			"An officer may visit to look for evidence.",
			"Victim Lincs", "01522 947510", "victimlincs.co.uk", "Monday to Friday, 8am to 4pm",
			"Victim Support", "Crimestoppers", "In an emergency, call 999.",
			"call 101, quoting your crime reference LP-12345-26.",
			"You can complain if you do not get your rights.", "How to complain", "interpreter",
			"English, Polski, Lietuvių, Română",
		}, []string{"enhanced rights", "in English because"}},
		{"polish dates and plurals", func() Details { return sample("pl") }, []string{
			"Informacje dla ofiar przestępstw", "Ofiary na pierwszym miejscu", "20 listopada 2026",
			"Funkcjonariusz będzie się z Tobą kontaktować telefonicznie co 7 dni; następna informacja do 27 listopada 2026.",
			"Włamanie", "w ciągu 2 dni roboczych", "Masz prawo rozumieć i być rozumianym",
		}, []string{"in English"}},
		{"enhanced rights", func() Details { d := sample("en"); d.Crime = "domestic-abuse"; return d }, []string{
			"Domestic abuse", "You have enhanced rights", "within 1 working day.", "EDAN Lincs",
		}, nil},
		{"discreet", func() Details {
			d := sample("en")
			d.Crime, d.Discreet = "domestic-abuse", true
			return d
		}, []string{"Useful information", "LP-12345-26", "Victim Lincs"}, []string{"Information for victims of crime", "Putting Victims First", "Lincolnshire Police", "Domestic abuse", "EDAN Lincs", "police", "Police", "Crime"}},
		{"one day", func() Details { d := sample("en"); d.Promise.Every = 1; return d }, []string{"by phone every day;"}, nil},
		{"victim name", func() Details { d := sample("ro"); d.VictimName = "Ana Popescu"; return d }, []string{"Această broșură este pentru: Ana Popescu."}, nil},
		{"english fallback", func() Details { return sample("ro") }, []string{
			"Burglary", "An officer may visit", "în limba engleză, deoarece nu a fost încă tradusă",
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := r.Render(tt.d())
			if err != nil {
				t.Fatal(err)
			}
			text := oneLine(pdfText(t, pdf))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("leaflet lacks %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(text, w) {
					t.Errorf("leaflet holds %q, and must not", w)
				}
			}
		})
	}
}

// oneLine joins the lines of extracted text, so a phrase wrapped across
// lines is still found.
func oneLine(s string) string {
	return strings.TrimSpace(asciiSpace.ReplaceAllString(s, " "))
}

var asciiSpace = regexp.MustCompile(`[ \t\n\f\r]+`)

func TestArabicExtractsAsArabic(t *testing.T) {
	needTool(t, "pdftotext")
	pdf, err := testRenderer(t).Render(sample("ar"))
	if err != nil {
		t.Fatal(err)
	}
	// pdftotext marks the direction of each run with embedding controls;
	// without them, and with the presentation forms normalised, the text
	// reads as the Arabic it was made from.
	text := norm.NFKC.String(strings.Map(func(r rune) rune {
		if (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
			return -1
		}
		return r
	}, pdfText(t, pdf)))
	for _, want := range []string{"الرقم المرجعي للجريمة", "الضابط المسؤول عن قضيتك", "LP-12345-26", "jane.smith@lincs.police.uk", "01522 000000", "سيتواصل معك الضابط عبر الهاتف كل", "وسيصلك التحديث التالي في موعد أقصاه"} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted Arabic text lacks %q", want)
		}
	}
}
