package site

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"victimsite/internal/content"
)

// minimalSite is a valid site with two languages and the smallest layouts,
// for tests that break one thing at a time.
func minimalSite() fstest.MapFS {
	msgs := `SiteName = "Victims"
LastChecked = "Checked {{.Date}}"
DateFormat = "{{.Day}} {{.Month}} {{.Year}}"
` + months()
	main := `{{define "main"}}{{.Title}}{{.Body}}{{end}}`
	return fstest.MapFS{
		"site.toml": {Data: []byte(`name = "Victims"
force = "Police"
base_url = "https://example.org/"
checked = 2026-11-23

[code]
referral_days = 2
update_days = 5
enhanced_update_days = 1
support_contact = "help"
emergency_contact = "help"
non_emergency_contact = "help"

[[languages]]
code = "en"
endonym = "English"
english = "English"
dir = "ltr"

[[languages]]
code = "pl"
endonym = "Polski"
english = "Polish"
dir = "ltr"

[[contacts]]
id = "help"
name = "Help"
phone = "101"
verified = true
checked = 2026-11-23
`)},
		"content/_index.en.md":             {Data: []byte("---\ntitle: Home\n---\nSee [burglary](crime/burglary.md).\n")},
		"content/crime/_index.en.md":       {Data: []byte("---\ntitle: Crime\n---\n")},
		"content/crime/burglary.en.md":     {Data: []byte("---\ntitle: Burglary\nsupport: [help]\n---\nText.\n")},
		"content/crime/burglary.pl.md":     {Data: []byte("---\ntitle: Włamanie\nsource_hash: " + burglaryHash + "\n---\nTekst.\n")},
		"locales/en.toml":                  {Data: []byte(msgs)},
		"locales/pl.toml":                  {Data: []byte(msgs)},
		"templates/base.html":              {Data: []byte(`{{define "base"}}<title>{{T "SiteName"}}</title>{{template "main" .}}{{end}}`)},
		"templates/home.html":              {Data: []byte(main)},
		"templates/list.html":              {Data: []byte(main)},
		"templates/page.html":              {Data: []byte(main)},
		"templates/root.html":              {Data: []byte(main)},
		"templates/404.html":               {Data: []byte(main)},
		"templates/assets/site.css":        {Data: []byte("body{}")},
		"content/crime/.keep-not-markdown": {Data: []byte("ignored")},
	}
}

// burglaryHash is the hash of the fixture's English burglary page, which
// the Polish translation records as its source.
var burglaryHash = content.HashOf("---\ntitle: Burglary\nsupport: [help]\n---\nText.\n")

func months() string {
	var b strings.Builder
	for i, m := range []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"} {
		fmt.Fprintf(&b, "Month%d = %q\n", i+1, m)
	}
	return b.String()
}

func TestMinimalSiteIsValid(t *testing.T) {
	s, probs := Load(minimalSite())
	if len(probs) != 0 {
		t.Fatalf("got problems on the valid fixture:\n%v", probs)
	}
	files, err := s.Render()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"en/index.html", "pl/index.html", "en/crime/burglary/index.html", "pl/crime/burglary/index.html", "index.html", "404.html",
		"en/404.html", "pl/404.html", "sitemap.xml", "robots.txt", "_headers", "assets/site." + hashOf("body{}") + ".css"} {
		if _, ok := files[want]; !ok {
			t.Errorf("no %s in the output", want)
		}
	}
}

// TestCheckProblems breaks the valid fixture one way at a time and expects
// exactly the problem, with its file and line, that check must print.
func TestCheckProblems(t *testing.T) {
	tests := []struct {
		name string
		edit map[string]string // file -> new content ("" removes the file)
		want string
	}{
		{"malformed YAML", map[string]string{"content/crime/burglary.en.md": "---\ntitle: Burglary\nsupport: [help\n---\nText.\n"},
			"content/crime/burglary.en.md:3: front matter: a list that opens with [ here is not closed with ]"},
		{"unknown front-matter key", map[string]string{"content/crime/burglary.en.md": "---\ntitle: Burglary\ncolour: red\n---\n"},
			"content/crime/burglary.en.md:3: front matter: unknown key \"colour\""},
		{"missing title", map[string]string{"content/crime/burglary.en.md": "---\nsummary: Someone broke in.\n---\nText.\n"},
			"content/crime/burglary.en.md:1: the page has no title"},
		{"no front matter", map[string]string{"content/crime/burglary.en.md": "Text.\n"},
			"content/crime/burglary.en.md:1: the page must start with front matter"},
		{"undeclared language", map[string]string{"content/crime/burglary.de.md": "---\ntitle: Einbruch\n---\n"},
			"content/crime/burglary.de.md: language \"de\" in the file name is not declared in site.toml"},
		{"translation without source", map[string]string{"content/crime/robbery.pl.md": "---\ntitle: Rozbój\n---\n"},
			"content/crime/robbery.pl.md: a translation with no English source: add content/crime/robbery.en.md"},
		{"message missing from a locale", map[string]string{"templates/page.html": "{{define \"main\"}}\n{{T \"Phone\"}}{{end}}"},
			"templates/page.html:2: message \"Phone\" is missing from locales/en.toml"},
		{"unknown contact", map[string]string{"content/crime/burglary.en.md": "---\ntitle: Burglary\nweight: 2\nsupport: [help, nobody]\n---\n"},
			"content/crime/burglary.en.md:4: support names contact \"nobody\", which is not in site.toml"},
		{"broken internal link", map[string]string{"content/_index.en.md": "---\ntitle: Home\n---\nIntro.\n\nSee [robbery](crime/robbery.md).\n"},
			"content/_index.en.md:6: broken link \"crime/robbery.md\": there is no page content/crime/robbery.en.md"},
		{"broken absolute link", map[string]string{"content/_index.en.md": "---\ntitle: Home\n---\nSee\n[help](/help/nothing/).\n"},
			"content/_index.en.md:5: broken link \"/help/nothing/\""},
		{"javascript link", map[string]string{"content/_index.en.md": "---\ntitle: Home\n---\n[x](javascript:alert(1))\n"},
			"content/_index.en.md:4: link \"javascript:alert(1)\" uses the javascript scheme, which is refused"},
		{"data link", map[string]string{"content/_index.en.md": "---\ntitle: Home\n---\n\n[x](DATA:text/html,hi)\n"},
			"content/_index.en.md:5: link \"DATA:text/html,hi\" uses the data scheme, which is refused"},
		{"vbscript link", map[string]string{"content/crime/_index.en.md": "---\ntitle: Crime\n---\n[x](vbscript:x)\n"},
			"content/crime/_index.en.md:4: link \"vbscript:x\" uses the vbscript scheme, which is refused"},
		{"duplicate slug", map[string]string{"content/crime/Burglary.en.md": "---\ntitle: Burglary again\n---\n"},
			"content/crime/burglary.en.md: duplicate page: content/crime/burglary.en.md is published at the same address as content/crime/Burglary.en.md"},
		{"invalid UTF-8", map[string]string{"content/crime/burglary.en.md": "---\ntitle: Burglary\n---\nOne.\nTw\xff.\n"},
			"content/crime/burglary.en.md:5: the file is not valid UTF-8"},
		{"top-level heading", map[string]string{"content/crime/burglary.en.md": "---\ntitle: Burglary\n---\n\n# Burglary\n"},
			"content/crime/burglary.en.md:5: a # heading in the text"},
		{"unknown site key", map[string]string{"site.toml": strings.Replace(string(minimalSite()["site.toml"].Data), "checked =", "colour = \"red\"\nchecked =", 1)},
			"site.toml:4: unknown key \"colour\""},
		{"template syntax", map[string]string{"templates/list.html": "{{define \"main\"}}\n{{.Title}\n{{end}}"},
			"templates/list.html:2: "},
		{"locale syntax", map[string]string{"locales/pl.toml": "SiteName = \"Ofiary\"\nLastChecked = \n"},
			"locales/pl.toml:2: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimalSite()
			for f, data := range tt.edit {
				if data == "" {
					delete(fsys, f)
				} else {
					fsys[f] = &fstest.MapFile{Data: []byte(data)}
				}
			}
			_, probs := Load(fsys)
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
				if strings.HasPrefix(p.String(), tt.want) {
					if p.Warning {
						t.Errorf("%q is a warning, want an error", p)
					}
					return
				}
			}
			t.Errorf("no problem starting %q; got:\n%s", tt.want, strings.Join(got, "\n"))
		})
	}
}

func TestUnverifiedContactIsWarning(t *testing.T) {
	fsys := minimalSite()
	fsys["site.toml"].Data = []byte(strings.Replace(string(fsys["site.toml"].Data), "verified = true", "verified = false", 1))
	_, probs := Load(fsys)
	if probs.Errors() != 0 || len(probs) != 1 || !probs[0].Warning {
		t.Fatalf("got %v, want exactly one warning", probs)
	}
	if want := "site.toml:26: warning: contact \"help\" (Help) is not verified"; !strings.HasPrefix(probs[0].String(), want) {
		t.Errorf("got %q, want it to start %q", probs[0], want)
	}
}

func TestOutdatedTranslationIsWarning(t *testing.T) {
	fsys := minimalSite()
	fsys["content/crime/burglary.pl.md"].Data = []byte("---\ntitle: Włamanie\nsource_hash: 0123456789ab\n---\nTekst.\n")
	_, probs := Load(fsys)
	if probs.Errors() != 0 {
		t.Fatalf("got errors %v, want only warnings", probs)
	}
	want := "content/crime/burglary.pl.md:3: warning: translation is outdated"
	if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), want) {
		t.Errorf("got %v, want one problem starting %q", probs, want)
	}
}

// hashOf is the hash an asset's published name holds.
func hashOf(data string) string {
	name := hashedName("x", []byte(data))
	return name[2:]
}
