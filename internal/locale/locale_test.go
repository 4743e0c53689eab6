package locale

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"victimsite/internal/config"
	"victimsite/internal/problem"
)

func site(t *testing.T, langs ...string) *config.Site {
	t.Helper()
	s := &config.Site{DefaultLanguage: "en"}
	for _, l := range langs {
		s.Languages = append(s.Languages, config.Language{Code: l, Endonym: l, English: l, Dir: "ltr"})
	}
	return s
}

const months = `Month1 = "January"
Month11 = "November"
DateFormat = "{{.Day}} {{.Month}} {{.Year}}"
`

func TestStringsAndPlurals(t *testing.T) {
	fsys := fstest.MapFS{
		"locales/en.toml": {Data: []byte(months + `Hi = "Hello"
[EnhancedText]
one = "{{.Count}} day"
other = "{{.Count}} days"
`)},
		"locales/pl.toml": {Data: []byte(`Hi = "Cześć"
Month11 = "listopada"
DateFormat = "{{.Day}} {{.Month}} {{.Year}}"
[EnhancedText]
one = "{{.Count}} dzień"
few = "{{.Count}} dni"
many = "{{.Count}} dni"
other = "{{.Count}} dnia"
`)},
		"locales/leaflet.pl.toml": {Data: []byte(`Leaflet = "Ulotka"`)},
		"locales/leaflet.en.toml": {Data: []byte(`Leaflet = "Leaflet"`)},
	}
	b, probs := Load(fsys, site(t, "en", "pl"))
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	pl := b.Lang("pl")
	tests := []struct{ got, want string }{
		{pl.T("Hi"), "Cześć"},
		{pl.T("Leaflet"), "Ulotka"},
		{pl.N("EnhancedText", 1), "1 dzień"},
		{pl.N("EnhancedText", 3), "3 dni"},
		{pl.N("EnhancedText", 5), "5 dni"},
		{b.Lang("en").N("EnhancedText", 1), "1 day"},
		{b.Lang("en").N("EnhancedText", 7), "7 days"},
		{pl.Date(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)), "27 listopada 2026"},
		{b.Lang("en").Date(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)), "27 November 2026"},
		{pl.T("Nothing"), "Nothing"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	fsys := fstest.MapFS{
		"locales/en.toml": {Data: []byte("Hi = \"Hello\"\n[EnhancedText]\none = \"{{.Count}} day\"\nother = \"{{.Count}} days\"\n")},
		"locales/pl.toml": {Data: []byte("\n[EnhancedText]\none = \"{{.Count}} dzień\"\nother = \"{{.Count}} dni\"\n")},
		"locales/de.toml": {Data: []byte("Hi = \"Hallo\"\n")},
	}
	b, probs := Load(fsys, site(t, "en", "pl"))
	b.Check(map[string]Use{"Hi": {File: "templates/base.html", Line: 7}, "EnhancedText": {File: "templates/page.html", Line: 2}}, &probs)
	probs.Sort()
	want := []string{
		"locales/de.toml: warning: not used: \"de\" is not a language declared in site.toml",
		"locales/pl.toml:2: message \"EnhancedText\" lacks a plural form that pl needs (for counts such as 0); add \"many\"",
		"templates/base.html:7: message \"Hi\" is missing from locales/pl.toml; add it there",
	}
	if len(probs) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(probs), len(want), probs)
	}
	for i, w := range want {
		if !strings.HasPrefix(probs[i].String(), w) {
			t.Errorf("got %q, want it to start %q", probs[i], w)
		}
	}
}

func TestBrokenFileNamesItsLine(t *testing.T) {
	fsys := fstest.MapFS{"locales/en.toml": {Data: []byte("A = \"a\"\nB = \n")}}
	_, probs := Load(fsys, site(t, "en"))
	if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), "locales/en.toml:2: ") {
		t.Errorf("got %v, want one problem at locales/en.toml:2", probs)
	}
	var none problem.List
	if _, p := Load(fstest.MapFS{}, site(t, "en")); len(p) != 1 || !strings.Contains(p[0].String(), "no message file") {
		t.Errorf("got %v%v, want a missing-file problem", p, none)
	}
}
