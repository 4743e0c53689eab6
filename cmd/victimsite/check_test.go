package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// editFile replaces old with new in a file of the site, failing when the
// file does not hold old.
func editFile(t *testing.T, dir, name, old, new string) {
	t.Helper()
	file := filepath.Join(dir, filepath.FromSlash(name))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCheckAndBuildRefuseWhatCheckMissed takes the mistakes that check,
// build and leaflet let through, or panicked on, one at a time: check and
// build must each exit 1 and name the file and line, and never panic.
func TestCheckAndBuildRefuseWhatCheckMissed(t *testing.T) {
	tests := []struct {
		name, file, old, new, want string
	}{
		{"placeholder typo", "locales/leaflet.pl.toml", "{{.Phone}}.", "{{.Phon}}.",
			`locales/leaflet.pl.toml:%d: message "LeafletCall999": {{.Phon}} is never filled in; this message can use {{.Phone}}`},
		{"unclosed placeholder", "locales/pl.toml", "{{.Date}}", "{{.Date}",
			`locales/pl.toml:%d: message "LastChecked": every {{ needs a }} after it`},
		{"default language as a word", "site.toml", `default_language = "en"`, `default_language = "english"`,
			`site.toml:%d: default_language "english" is not the code of a declared language`},
		{"no such field in a layout", "templates/page.html", "{{.Title}}", "{{.NoSuchField}}",
			`templates/page.html:%d: {{.NoSuchField}}: a page (the dot of every layout) has no NoSuchField`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := initSite(t)
			editFile(t, dir, tt.file, tt.old, tt.new)
			want := strings.Replace(tt.want, "%d", lineOf(t, filepath.Join(dir, tt.file), tt.new), 1)
			code, stdout, stderr := runCmd(t, dir, "check")
			if code != 1 || !strings.Contains(stdout, filepath.FromSlash(want)) || strings.Contains(stderr, "panic") {
				t.Errorf("check: got exit %d with\n%s%s\nwant exit 1 and %q", code, stdout, stderr, want)
			}
			code, _, stderr = runCmd(t, dir, "build")
			if code != 1 || !strings.Contains(stderr, filepath.FromSlash(want)) || strings.Contains(stderr, "panic") {
				t.Errorf("build: got exit %d with\n%s\nwant exit 1 and %q", code, stderr, want)
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
				t.Error("build published the site")
			}
		})
	}
}

// lineOf returns, as text, the number of the first line of file that
// holds s.
func lineOf(t *testing.T, file, s string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, s) {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("%s does not hold %q", file, s)
	return ""
}
