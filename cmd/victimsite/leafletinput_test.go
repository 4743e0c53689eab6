package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withFlag returns the example's flags with one flag's value changed.
func withFlag(site, flag, value string) []string {
	args := exampleFlags(site)
	for i := range args {
		if args[i] == "-"+flag {
			args[i+1] = value
			return args
		}
	}
	return append(args, "-"+flag, value)
}

// TestLeafletInputChecks feeds the command the mistakes officers make and
// wants each named by its flag, with what to do, and never repeated.
func TestLeafletInputChecks(t *testing.T) {
	site := leafletSite(t)
	tests := []struct {
		flag, value string
		want        string // the whole line on stderr; "" when the leaflet is made
	}{
		{"reported", "2099-01-01", "victimsite leaflet: -reported is after today; give the date the crime was reported, as YYYY-MM-DD"},
		{"promise-next", "2026-11-01", "victimsite leaflet: -promise-next must be on or after the reported date and within a year of it"},
		{"officer-phone", "1987654321", "victimsite leaflet: -officer-phone has lost its leading 0, as a spreadsheet drops it; write it as 01522 000000 (in a spreadsheet, format the column as text)"},
		{"officer-phone", "(01522) 000000", ""},
		{"officer-phone", "+44 (0)1522 000000", ""},
	}
	for _, tt := range tests {
		t.Run(tt.flag+"="+tt.value, func(t *testing.T) {
			dir := t.TempDir()
			code, _, stderr := runCmd(t, dir, withFlag(site, tt.flag, tt.value)...)
			if tt.want == "" {
				if code != 0 || stderr != "" {
					t.Errorf("exit %d, stderr %q; want the leaflet made", code, stderr)
				}
				return
			}
			if code != 1 || strings.TrimSpace(stderr) != tt.want {
				t.Errorf("exit %d, stderr:\n%s\nwant 1 and:\n%s", code, stderr, tt.want)
			}
			if strings.Contains(stderr, tt.value) || strings.Contains(stderr, "987654") {
				t.Errorf("stderr repeats the value %q", tt.value)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("a leaflet was written for refused details")
			}
		})
	}
}

// TestLeafletCSVSemicolons gives a file saved with semicolons one hint.
func TestLeafletCSVSemicolons(t *testing.T) {
	site := leafletSite(t)
	dir := t.TempDir()
	csv := strings.ReplaceAll(csvHeader+csvRow("pl", "LP-1-26", "Anna Nowak", "anna.nowak@lincs.police.uk"), ",", ";")
	if err := os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, dir, "leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out")
	want := "row 1: the columns are separated by semicolons (;), not commas; save the file again as CSV with commas (in Excel: CSV UTF-8 (Comma delimited)), or replace every ; between columns with a comma"
	if code != 1 || strings.TrimSpace(stderr) != want {
		t.Errorf("exit %d, stderr:\n%s\nwant 1 and:\n%s", code, stderr, want)
	}
}

// TestLeafletCSVEveryBadColumn names every bad column of a row, the
// site's checks (language, crime) included.
func TestLeafletCSVEveryBadColumn(t *testing.T) {
	site := leafletSite(t)
	dir := t.TempDir()
	csv := csvHeader + "xx,shoplifting,LP-1-26,2099-01-01,Anna Nowak,PC,1234,1522000000,anna.nowak@,Boston,phone,7,no\n"
	if err := os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, dir, "leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out")
	for _, column := range []string{"lang", "crime", "reported", "officer-phone", "officer-email"} {
		if !strings.Contains(stderr, "row 2, column "+column+": ") {
			t.Errorf("stderr does not name column %s:\n%s", column, stderr)
		}
	}
	if code != 1 || strings.Contains(stderr, "shoplifting") || strings.Contains(stderr, "1522000000") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

// TestLeafletSuggestsDiscreet warns, on stderr, when a leaflet about
// domestic abuse is not discreet, and makes it all the same.
func TestLeafletSuggestsDiscreet(t *testing.T) {
	site := leafletSite(t)
	warning := "victimsite leaflet: warning: -discreet is not set, so the leaflet shows that it comes from the police and what the crime is."
	dir := t.TempDir()
	code, stdout, stderr := runCmd(t, dir, withFlag(site, "crime", "domestic-abuse")...)
	if code != 0 || !strings.HasPrefix(stderr, warning) || strings.Count(stderr, "\n") != 1 || stdout != "wrote LP-12345-26.pdf\n" {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant 0, the leaflet and one line starting %q", code, stdout, stderr, warning)
	}
	code, _, stderr = runCmd(t, dir, append(withFlag(site, "crime", "domestic-abuse"), "-discreet", "-o", "d.pdf")...)
	if code != 0 || stderr != "" {
		t.Errorf("with -discreet: exit %d, stderr %q; want 0 and no warning", code, stderr)
	}
	csv := strings.Replace(csvHeader, ",ics\n", ",ics,discreet\n", 1) +
		strings.Replace(strings.Replace(csvRow("pl", "LP-1-26", "Anna Nowak", "anna.nowak@lincs.police.uk"), "burglary", "domestic-abuse", 1), ",no\n", ",no,no\n", 1) +
		strings.Replace(strings.Replace(csvRow("pl", "LP-2-26", "Anna Nowak", "anna.nowak@lincs.police.uk"), "burglary", "domestic-abuse", 1), ",no\n", ",no,yes\n", 1)
	if err := os.WriteFile(filepath.Join(dir, "rows.csv"), []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCmd(t, dir, "leaflet", "-site", site, "-csv", "rows.csv", "-out-dir", "out")
	if code != 0 || !strings.HasPrefix(stderr, "warning: row 2, column discreet: is not set") || strings.Contains(stderr, "row 3") ||
		!strings.HasPrefix(stdout, "wrote 2 of 2 leaflets") {
		t.Errorf("CSV: exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
}
