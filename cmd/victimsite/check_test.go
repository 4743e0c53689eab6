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

// TestTranslatedUsesTheDefaultLanguage proves translated takes the source
// page in the site's default_language: it took the English page whatever
// the site said, so on a Welsh-first site it called every English page
// "not a translation".
func TestTranslatedUsesTheDefaultLanguage(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.toml": `name = "Dioddefwyr"
base_url = "https://example.org/"
default_language = "cy"
checked = 2026-11-23
[code]
referral_days = 2
update_days = 5
enhanced_update_days = 1
support_contact = "help"
emergency_contact = "help"
non_emergency_contact = "help"
[[languages]]
code = "cy"
endonym = "Cymraeg"
english = "Welsh"
dir = "ltr"
[[languages]]
code = "en"
endonym = "English"
english = "English"
dir = "ltr"
[[contacts]]
id = "help"
name = "Help"
phone = "101"
verified = true
checked = 2026-11-23
`,
		"content/_index.cy.md":  "---\ntitle: Hafan\n---\nCroeso.\n",
		"content/lladrad.cy.md": "\ufeff---\ntitle: Lladrad\n---\nTestun.\n",
		"content/lladrad.en.md": "---\ntitle: Theft\n---\nText.\n",
	}
	for name, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := filepath.Join("content", "lladrad.en.md")
	code, stdout, stderr := runCmd(t, dir, "translated", page)
	if code != 0 || !strings.Contains(stdout, "current") {
		t.Fatalf("translated: exit %d: %s%s", code, stdout, stderr)
	}
	code, stdout, _ = runCmd(t, dir, "status", "-json", "-lang", "en")
	if code != 0 || !strings.Contains(stdout, `"lladrad"`) || strings.Contains(stdout, `"outdated"`) {
		t.Errorf("status after translated: exit %d\n%s", code, stdout)
	}
	code, _, stderr = runCmd(t, dir, "translated", filepath.Join("content", "lladrad.cy.md"))
	if code != 1 || !strings.Contains(stderr, "default_language (cy)") {
		t.Errorf("translated on the source page: exit %d, %q", code, stderr)
	}
}
