package pdf

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"victimsite/internal/browser"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// runTool runs a poppler, qpdf or mupdf tool on the PDF (its path comes
// after args) and returns its standard output and standard error. A
// missing tool skips the test, or fails it under CI=true.
func runTool(t *testing.T, pdf []byte, name string, args ...string) (stdout, stderr string) {
	t.Helper()
	path := browser.Tool(t, name, "apt-get install -y poppler-utils qpdf mupdf-tools")
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	args = append(args, file)
	if name == "pdftotext" {
		args = append(args, "-")
	}
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String(), errOut.String()
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s: got\n%s\nwant\n%s", file, got, want)
	}
}

// TestSampleWithTools is the tiny document in, the tools' verdicts out:
// qpdf finds no errors, poppler sees a tagged PDF with its title, its
// structure in reading order and its text, every font embedded, subset
// and mapped to Unicode, and poppler and mupdf draw it without a
// complaint.
func TestSampleWithTools(t *testing.T) {
	pdf := write(t, sampleDocument(t))
	if out, _ := runTool(t, pdf, "qpdf", "--check"); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	info, _ := runTool(t, pdf, "pdfinfo")
	for _, want := range []string{"Title:           What happens next\n", "Tagged:          yes\n", "PDF version:     1.7\n", "Page size:       595.276 x 841.89 pts (A4)\n"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo: got\n%s\nwant a line %q", info, want)
		}
	}
	structure, errs := runTool(t, pdf, "pdfinfo", "-struct-text")
	if errs != "" {
		t.Errorf("pdfinfo -struct-text complains:\n%s", errs)
	}
	checkGolden(t, "sample.struct.golden", structure)
	text, _ := runTool(t, pdf, "pdftotext", "-enc", "UTF-8")
	checkGolden(t, "sample.txt.golden", text)
	checkFonts(t, pdf, 2)
	checkDrawn(t, pdf)
}

// subsetFont is a line of pdffonts for an embedded, subset font with a
// ToUnicode map.
var subsetFont = regexp.MustCompile(`^[A-Z]{6}\+\S+ +CID TrueType +Identity-H +yes yes yes +\d+ +0$`)

// checkFonts wants pdffonts to list n fonts, each embedded, subset and
// with a ToUnicode map.
func checkFonts(t *testing.T, pdf []byte, n int) {
	t.Helper()
	out, _ := runTool(t, pdf, "pdffonts")
	lines := strings.Split(strings.TrimSpace(out), "\n")[2:]
	if len(lines) != n {
		t.Errorf("pdffonts: got %d fonts, want %d:\n%s", len(lines), n, out)
	}
	for _, l := range lines {
		if !subsetFont.MatchString(l) {
			t.Errorf("pdffonts: got %q, want an embedded subset CID TrueType font with a ToUnicode map", l)
		}
	}
}

// checkDrawn renders the PDF with poppler and mupdf, which load every
// embedded font, and wants no complaint from either.
func checkDrawn(t *testing.T, pdf []byte) {
	t.Helper()
	if _, errs := runTool(t, pdf, "pdftoppm", "-r", "20", "-png"); errs != "" {
		t.Errorf("pdftoppm complains:\n%s", errs)
	}
	_, errs := runTool(t, pdf, "mutool", "draw", "-q", "-o", filepath.Join(t.TempDir(), "page%d.png"), "-r", "20")
	for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
		if l != "" && l != "warning: ICC support is not available" {
			t.Errorf("mutool draw complains: %s", l)
		}
	}
}

// TestBenchmarkDocumentWithTools checks the two-page benchmark document,
// with its links and two fonts, the same way.
func TestBenchmarkDocumentWithTools(t *testing.T) {
	pdf := write(t, newBenchLayout(t).document())
	if out, _ := runTool(t, pdf, "qpdf", "--check"); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	if _, errs := runTool(t, pdf, "pdfinfo", "-struct-text"); errs != "" {
		t.Errorf("pdfinfo -struct-text complains:\n%s", errs)
	}
	checkFonts(t, pdf, 2)
	checkDrawn(t, pdf)
}
