package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"victimsite/internal/browser"
)

// leafletSite writes the leaflet package's small test site, with the
// repository's leaflet messages, to a new folder.
func leafletSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	src := os.DirFS("../../internal/leaflet/testdata/site")
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return writeTestFile(filepath.Join(dir, p), data)
	})
	if err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob("../../locales/leaflet.*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no leaflet messages in ../../locales (leaflet.*.toml): %v", err)
	}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if err := writeTestFile(filepath.Join(dir, "locales", filepath.Base(n)), data); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func writeTestFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}

// exampleFlags are the example.
func exampleFlags(site string) []string {
	return []string{"leaflet", "-site", site, "-lang", "pl", "-crime", "burglary", "-crime-ref", "LP-12345-26",
		"-reported", "2026-11-20", "-officer-name", "Jane Smith", "-officer-rank", "PC", "-collar", "1234",
		"-officer-phone", "01522 000000", "-officer-email", "jane.smith@lincs.police.uk", "-station", "Boston",
		"-promise-method", "phone", "-promise-every", "7"}
}

func checkPrivate(t *testing.T, name string) []byte {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want 0600", name, fi.Mode().Perm())
	}
	data, _ := os.ReadFile(name)
	return data
}

func TestLeafletOne(t *testing.T) {
	site := leafletSite(t)
	out := t.TempDir()
	pdf, ics := filepath.Join(out, "jane.pdf"), filepath.Join(out, "jane.ics")
	code, stdout, stderr := runCmd(t, "", append(exampleFlags(site), "-bilingual", "-o", pdf, "-ics", ics)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stdout != "wrote "+pdf+"\n" || stderr != "" {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
	if data := checkPrivate(t, pdf); !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Error("the leaflet is not a PDF")
	}
	if data := checkPrivate(t, ics); !bytes.HasPrefix(data, []byte("BEGIN:VCALENDAR\r\n")) {
		t.Error("the calendar is not iCalendar")
	}
	// An existing file with a looser mode is replaced, not reused.
	if err := os.Chmod(pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, "", append(exampleFlags(site), "-o", pdf)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkPrivate(t, pdf)
}

func TestLeafletNamedAfterCrimeReference(t *testing.T) {
	site := leafletSite(t)
	dir := t.TempDir()
	code, stdout, stderr := runCmd(t, dir, exampleFlags(site)...)
	if code != 0 || stdout != "wrote LP-12345-26.pdf\n" {
		t.Fatalf("exit %d, %q, %s", code, stdout, stderr)
	}
	first := checkPrivate(t, filepath.Join(dir, "LP-12345-26.pdf"))
	// Another victim of the same crime: the first leaflet is kept.
	args := append(exampleFlags(site), "-officer-name", "Tom Jones")
	code, stdout, stderr = runCmd(t, dir, args...)
	want := "victimsite leaflet: LP-12345-26.pdf exists already, and victimsite does not replace a leaflet it was not told to; give -o a new file name, or move that file away\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("the same reference again: exit %d, stdout %q, stderr %q; want exit 1 and %q", code, stdout, stderr, want)
	}
	if again := checkPrivate(t, filepath.Join(dir, "LP-12345-26.pdf")); !bytes.Equal(first, again) {
		t.Error("the second leaflet replaced the first")
	}
}

func TestLeafletProblemsNameTheFlag(t *testing.T) {
	site := leafletSite(t)
	args := exampleFlags(site)
	set := func(flag, value string) {
		for i := range args {
			if args[i] == "-"+flag {
				args[i+1] = value
			}
		}
	}
	set("lang", "fr")
	set("officer-email", "jane.secret@")
	set("officer-phone", "private number")
	set("collar", "x")
	set("officer-name", "")
	code, stdout, stderr := runCmd(t, t.TempDir(), args...)
	if code != 1 || stdout != "" {
		t.Fatalf("exit %d, stdout %q; want 1 and nothing written", code, stdout)
	}
	want := []string{
		"victimsite leaflet: -lang is not a language of the site; use one of en, pl, lt, ro, ar",
		"victimsite leaflet: -officer-name is empty; give the officer's name, such as Jane Smith",
		"victimsite leaflet: -collar is not a collar number such as 1234: up to 6 digits, after at most 2 letters",
		"victimsite leaflet: -officer-phone is not a phone number such as 01522 000000: 6 to 15 digits, with spaces, +, ( ) or - if you like",
		"victimsite leaflet: -officer-email is not an email address such as jane.smith@lincs.police.uk",
	}
	if got := strings.TrimSpace(stderr); got != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	for _, secret := range []string{"jane.secret", "private number"} {
		if strings.Contains(stderr, secret) {
			t.Errorf("stderr repeats %q", secret)
		}
	}
}

func TestLeafletMisuse(t *testing.T) {
	site := leafletSite(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"leaflet", "-site", site, "-csv", "x.csv", "-out-dir", "d", "-lang", "pl"}, "-lang cannot go with -csv"},
		{[]string{"leaflet", "-site", site, "-csv", "x.csv"}, "-csv needs -out-dir"},
		{[]string{"leaflet", "-site", site, "-csv", "x.csv", "-out-dir", "d", "-o", "x.pdf"}, "-o cannot go with -csv"},
		{[]string{"leaflet", "-site", site, "-out-dir", "d"}, "-out-dir and -workers go with -csv"},
		{[]string{"leaflet", "-site", site, "-csv", "x.csv", "-out-dir", "d", "-workers", "0"}, "-workers must be 1 or more"},
		{[]string{"leaflet", "-site", site, "pl"}, "unexpected argument"},
		{[]string{"leaflet", "-nonsense"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, "", tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
	if code, stdout, _ := runCmd(t, "", "leaflet", "-h"); code != 0 || stdout != "" {
		t.Errorf("leaflet -h: exit %d", code)
	}
}

const csvHeader = "lang,crime,crime-ref,reported,officer-name,officer-rank,collar,officer-phone,officer-email,station,promise-method,promise-every,ics\n"

func csvRow(lang, ref, name, email string) string {
	return fmt.Sprintf("%s,burglary,%s,2026-11-20,%s,PC,1234,01522 000000,%s,Boston,phone,7,no\n", lang, ref, name, email)
}

func TestLeafletCSV(t *testing.T) {
	site := leafletSite(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	csv := csvHeader +
		csvRow("pl", "LP-1-26", "Anna Nowak", "anna.nowak@lincs.police.uk") +
		csvRow("ar", "LP-2-26", "Secret Person", "secret.person@") +
		strings.Replace(csvRow("en", "LP/3/26", "Tom Jones", "tom.jones@lincs.police.uk"), ",no\n", ",yes\n", 1) +
		csvRow("xx", "LP-4-26", "Secret Person", "secret@lincs.police.uk") +
		csvRow("ro", "LP-1-26", "Ion Popescu", "ion.popescu@lincs.police.uk") +
		"ro,burglary,LP-6-26,2026-11-20,\"Ion\n"
	if err := os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, dir, "leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out", "-workers", "3")
	if code != 1 {
		t.Errorf("exit %d, want 1 for the bad rows", code)
	}
	wantErr := strings.Join([]string{
		"row 3, column officer-email: is not an email address such as jane.smith@lincs.police.uk",
		"row 5, column lang: is not a language of the site; use one of en, pl, lt, ro, ar",
		"row 7: is not valid CSV: extraneous or missing \" in quoted-field; put a value that holds a comma or a quote in double quotes, and double the quotes inside it",
		"victimsite leaflet: 3 rows had problems (listed above); fix them and run again for those rows",
	}, "\n")
	if strings.TrimSpace(stderr) != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, wantErr)
	}
	if !strings.HasPrefix(stdout, "row 6: written as LP-1-26-2.pdf, as an earlier row has the name LP-1-26.pdf\nwrote 3 of 6 leaflets to out in ") {
		t.Errorf("summary %q", stdout)
	}
	for _, name := range []string{"LP-1-26.pdf", "LP-3-26.pdf", "LP-3-26.ics", "LP-1-26-2.pdf"} {
		checkPrivate(t, filepath.Join(out, name))
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 4 {
		t.Errorf("out holds %d files, want 4", len(entries))
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("the folder is not private: %v", err)
	}
	if strings.Contains(stderr+stdout, "Secret") || strings.Contains(stderr+stdout, "secret") {
		t.Error("the output names a person")
	}
}

func TestLeafletCSVHeaderProblem(t *testing.T) {
	site := leafletSite(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "rows.csv"), []byte("lang,crime,colour\n"), 0o600)
	code, _, stderr := runCmd(t, dir, "leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out")
	if code != 1 || !strings.Contains(stderr, "row 1, column colour: is not a column") || !strings.Contains(stderr, "row 1, column crime-ref: is missing") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("out was made for a file with no usable rows")
	}
}

func TestLeafletCSVFromStandardInput(t *testing.T) {
	site := leafletSite(t)
	dir := t.TempDir()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = stdin }()
	go func() {
		fmt.Fprint(w, csvHeader+csvRow("lt", "LP-9-26", "Ona Kazlauskienė", "ona@lincs.police.uk"))
		w.Close()
	}()
	code, stdout, stderr := runCmd(t, dir, "leaflet", "-site", site, "-csv", "-", "-out-dir", ".")
	if code != 0 || !strings.HasPrefix(stdout, "wrote 1 of 1 leaflet to . in ") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	checkPrivate(t, filepath.Join(dir, "LP-9-26.pdf"))
}

// TestLeafletBulkKeepsDetailsApart writes many leaflets with several
// workers and checks each holds its own officer and no other's.
func TestLeafletBulkKeepsDetailsApart(t *testing.T) {
	pdftotext := browser.Tool(t, "pdftotext", "apt-get install -y poppler-utils")
	site := leafletSite(t)
	dir := t.TempDir()
	const n = 40
	var csv strings.Builder
	csv.WriteString(csvHeader)
	langs := []string{"en", "pl", "ar", "lt", "ro"}
	for i := range n {
		csv.WriteString(csvRow(langs[i%len(langs)], fmt.Sprintf("LP-%d-26", 100+i), fmt.Sprintf("Officer Number%02dx", i), fmt.Sprintf("officer%02dx@lincs.police.uk", i)))
	}
	os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(csv.String()), 0o600)
	code, _, stderr := runCmd(t, dir, "leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out", "-workers", "4")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for i := range n {
		file := filepath.Join(dir, "out", fmt.Sprintf("LP-%d-26.pdf", 100+i))
		text, err := exec.Command(pdftotext, file, "-").Output()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for j := range n {
			name := fmt.Sprintf("Officer Number%02dx", j)
			if has := bytes.Contains(text, []byte(name)); has != (i == j) {
				t.Errorf("%s holds %q: %v", file, name, has)
			}
			email := fmt.Sprintf("officer%02dx@", j)
			if has := bytes.Contains(text, []byte(email)); has != (i == j) {
				t.Errorf("%s holds %q: %v", file, email, has)
			}
		}
	}
}

func TestLeafletProgress(t *testing.T) {
	site := leafletSite(t)
	r, ok := loadLeaflets(&siteDir{dir: site}, new(bytes.Buffer))
	if !ok {
		t.Fatal("cannot load the site")
	}
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString(csvHeader)
	for i := range 30 {
		csv.WriteString(csvRow("pl", fmt.Sprintf("LP-%d-26", i), "Anna Nowak", "anna@lincs.police.uk"))
	}
	os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(csv.String()), 0o600)
	var stdout, stderr bytes.Buffer
	b := &bulk{r: r, outDir: filepath.Join(dir, "out"), workers: 2, stdout: &stdout, stderr: &stderr, every: time.Millisecond}
	if code := b.run(context.Background(), filepath.Join(dir, "rows.csv")); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), " written, 0 rows with problems, ") {
		t.Errorf("no progress on stderr: %q", stderr.String())
	}
	stderr.Reset()
	b = &bulk{r: r, outDir: filepath.Join(dir, "out2"), workers: 2, stdout: &stdout, stderr: &stderr, every: time.Hour}
	if b.run(context.Background(), filepath.Join(dir, "rows.csv")); stderr.Len() != 0 {
		t.Errorf("a short run printed progress: %q", stderr.String())
	}
}

func TestLeafletInterrupted(t *testing.T) {
	site := leafletSite(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(csvHeader+csvRow("pl", "LP-1-26", "A B", "a@b.uk")), 0o600)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	t.Chdir(dir)
	code := run(ctx, []string{"leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out"}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "stopped: interrupted") {
		t.Errorf("exit %d, %q", code, stderr.String())
	}
}

// TestBuildPublishesLeaflets builds the built-in site and finds the
// generic leaflet of every language, linked from the pages.
func TestBuildPublishesLeaflets(t *testing.T) {
	dir := initSite(t)
	if code, stdout, stderr := runCmd(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	langs, _ := filepath.Glob(filepath.Join(dir, "public", "*", "index.html"))
	if len(langs) == 0 {
		t.Fatal("no languages built")
	}
	for _, index := range langs {
		lang := filepath.Base(filepath.Dir(index))
		pdf, err := os.ReadFile(filepath.Join(dir, "public", lang, "leaflet.pdf"))
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Errorf("%s: no leaflet.pdf: %v", lang, err)
		}
		// Shaped scripts embed larger font subsets: Nastaliq's glyphs
		// are many and intricate (ur is about 90 KB).
		if len(pdf) > 100<<10 {
			t.Errorf("%s: leaflet.pdf is %d KB", lang, len(pdf)>>10)
		}
		page, _ := os.ReadFile(index)
		if !bytes.Contains(page, []byte("leaflet.pdf")) {
			t.Errorf("%s/index.html does not link the leaflet", lang)
		}
	}
}
