package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"victimsite/internal/browser"
)

// TestLeafletCSVNamesNeverCollide: references that become the same file
// name (a reference that comes again, one that already ends in -2, one
// with slashes, one in small letters) each get a file of their own, which
// holds their own leaflet.
func TestLeafletCSVNamesNeverCollide(t *testing.T) {
	pdftotext := browser.Tool(t, "pdftotext", "apt-get install -y poppler-utils")
	site := leafletSite(t)
	dir := t.TempDir()
	rows := []struct{ ref, file string }{
		{"LP-100-2", "LP-100-2.pdf"},
		{"LP-100", "LP-100.pdf"},
		{"LP-100", "LP-100-3.pdf"},
		{"LP/200/26", "LP-200-26.pdf"},
		{"LP-200-26", "LP-200-26-2.pdf"},
		{"lp-100", "LP-100-4.pdf"},
	}
	csv := csvHeader
	for i, r := range rows {
		csv += csvRow("en", r.ref, fmt.Sprintf("Officer Number%02dx", i), "a@lincs.police.uk")
	}
	if err := os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, dir, "leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out", "-workers", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "row 4: written as LP-100-3.pdf, as an earlier row has the name LP-100.pdf\n") ||
		!strings.Contains(stdout, "\nwrote 6 of 6 leaflets to out in ") {
		t.Errorf("stdout %q: want the renamed rows named and 6 of 6 written", stdout)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	var want []string
	for _, r := range rows {
		want = append(want, r.file)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("got files %v, want %v", got, want)
	}
	for i, r := range rows {
		text, err := exec.Command(pdftotext, filepath.Join(dir, "out", r.file), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if name := fmt.Sprintf("Officer Number%02dx", i); !bytes.Contains(text, []byte(name)) {
			t.Errorf("%s (row %d) does not hold its own officer, %s", r.file, i+2, name)
		}
	}
}

// TestLeafletCSVSecondRunReplacesNothing: a second run into the same
// folder leaves every earlier leaflet and calendar as it was, and says
// which rows it did not write.
func TestLeafletCSVSecondRunReplacesNothing(t *testing.T) {
	site := leafletSite(t)
	dir := t.TempDir()
	first := csvHeader + csvRow("en", "LP-1-26", "Anna Nowak", "a@lincs.police.uk") +
		strings.Replace(csvRow("en", "LP-2-26", "Tom Jones", "t@lincs.police.uk"), ",no\n", ",yes\n", 1)
	if err := os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(first), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCmd(t, dir, "leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out"); code != 0 {
		t.Fatalf("first run: exit %d: %s%s", code, stdout, stderr)
	}
	before := treeOf(t, filepath.Join(dir, "out"))
	// Other victims, the same references; and a calendar that is new.
	second := csvHeader + strings.Replace(csvRow("en", "LP-1-26", "Ion Popescu", "i@lincs.police.uk"), ",no\n", ",yes\n", 1) +
		csvRow("en", "LP-2-26", "Ona Kazlauskiene", "o@lincs.police.uk") +
		csvRow("en", "LP-3-26", "Jan Kowalski", "j@lincs.police.uk")
	if err := os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(second), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, dir, "leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out")
	wantErr := strings.Join([]string{
		"row 2: LP-1-26.pdf is already in out, so this row's leaflet was not written and the file was left as it was",
		"row 3: LP-2-26.pdf is already in out, so this row's leaflet was not written and the file was left as it was",
		"victimsite leaflet: 2 leaflets were not written, as out already holds a file of that name (from an earlier run?); nothing was replaced. Move those files away, or choose another -out-dir, and run again",
		"victimsite leaflet: 2 rows had problems (listed above); fix them and run again for those rows",
	}, "\n")
	if code != 1 || strings.TrimSpace(stderr) != wantErr || !strings.HasPrefix(stdout, "wrote 1 of 3 leaflets") {
		t.Errorf("second run: exit %d\nstdout %q\nstderr:\n%s\nwant exit 1, 1 of 3 written and:\n%s", code, stdout, stderr, wantErr)
	}
	after := treeOf(t, filepath.Join(dir, "out"))
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s was changed by the second run", p)
		}
	}
	if _, ok := after[filepath.Join(dir, "out", "LP-1-26.ics")]; ok {
		t.Error("a row whose leaflet was refused still wrote its calendar")
	}
	if len(after) != len(before)+1 {
		t.Errorf("got %d files after the second run, want the %d from before and LP-3-26.pdf", len(after), len(before))
	}
	checkPrivate(t, filepath.Join(dir, "out", "LP-3-26.pdf"))
}
