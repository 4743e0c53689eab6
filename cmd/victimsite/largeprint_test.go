package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"victimsite/internal/browser"
)

// TestLeafletLargePrint makes the example leaflet with -large-print and
// from a CSV row whose large-print column is yes: the two are the same
// PDF, no text in it is under 16 pt, and it is not the ordinary leaflet.
func TestLeafletLargePrint(t *testing.T) {
	site := leafletSite(t)
	dir := t.TempDir()
	for _, run := range [][]string{
		append(exampleFlags(site), "-o", "plain.pdf"),
		append(exampleFlags(site), "-large-print", "-o", "large.pdf"),
	} {
		if code, _, stderr := runCmd(t, dir, run...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	csv := strings.Replace(csvHeader, ",ics\n", ",ics,Large Print\n", 1) +
		strings.Replace(csvRow("pl", "LP-12345-26", "Jane Smith", "jane.smith@lincs.police.uk"), ",no\n", ",no,yes\n", 1)
	if err := os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, dir, "leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out"); code != 0 {
		t.Fatalf("CSV: exit %d: %s", code, stderr)
	}
	plain, _ := os.ReadFile(filepath.Join(dir, "plain.pdf"))
	large, _ := os.ReadFile(filepath.Join(dir, "large.pdf"))
	fromCSV, _ := os.ReadFile(filepath.Join(dir, "out", "LP-12345-26.pdf"))
	if !bytes.Equal(large, fromCSV) {
		t.Error("the CSV's large-print leaflet differs from -large-print's")
	}
	if bytes.Equal(plain, large) {
		t.Fatal("-large-print made the ordinary leaflet")
	}
	if got := smallestText(t, filepath.Join(dir, "large.pdf")); got < 16 {
		t.Errorf("the large-print leaflet has text at %.1f pt, want none under 16 pt", got)
	}
}

// TestLeafletLargePrintProblem names the column of a large-print value
// that is not yes or no.
func TestLeafletLargePrintProblem(t *testing.T) {
	site := leafletSite(t)
	dir := t.TempDir()
	csv := strings.Replace(csvHeader, ",ics\n", ",ics,large_print\n", 1) +
		strings.Replace(csvRow("pl", "LP-1-26", "Jane Smith", "jane.smith@lincs.police.uk"), ",no\n", ",no,16pt\n", 1)
	if err := os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, dir, "leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out")
	if want := "row 2, column large_print: must be yes or no (or true or false)\n"; code != 1 || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, want)
	}
}

// fontSize is a font size in mutool's structured text.
var fontSize = regexp.MustCompile(`<font [^>]*size="([0-9.]+)"`)

// smallestText returns the size, in points, of the smallest text in a
// PDF, as mutool (mupdf-tools) reads it.
func smallestText(t *testing.T, pdf string) float64 {
	t.Helper()
	mutool := browser.Tool(t, "mutool", "apt-get install -y mupdf-tools")
	out, err := exec.Command(mutool, "draw", "-q", "-F", "stext", "-o", "-", pdf).Output()
	if err != nil {
		t.Fatalf("mutool draw -F stext %s: %v", pdf, err)
	}
	smallest := 0.0
	for _, m := range fontSize.FindAllSubmatch(out, -1) {
		size, err := strconv.ParseFloat(string(m[1]), 64)
		if err == nil && (smallest == 0 || size < smallest) {
			smallest = size
		}
	}
	if smallest == 0 {
		t.Fatalf("mutool found no text in %s", pdf)
	}
	return smallest
}
