package config

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

const valid = `name = "Victims"
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

[[contacts]]
id = "help"
name = "Help"
phone = "101"
verified = true
checked = 2026-11-23
[contacts.about]
en = "About"
`

func TestValidSite(t *testing.T) {
	s, probs := Parse([]byte(valid))
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	if s.ExitURL != "https://www.bbc.co.uk/weather" {
		t.Errorf("got exit URL %q, want the default", s.ExitURL)
	}
	if got := s.URL("pl/crime/"); got != "https://example.org/pl/crime/" {
		t.Errorf("URL: got %q", got)
	}
	c, _ := s.Contact("help")
	if text, in := c.AboutIn("pl"); text != "About" || in != "en" {
		t.Errorf("AboutIn(pl) = %q, %q; want the English fallback", text, in)
	}
}

func TestShippedSiteIsValid(t *testing.T) {
	data, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, probs := Parse(data)
	if probs.Errors() > 0 {
		t.Fatal(probs)
	}
	if ar, ok := s.Language("ar"); !ok || !ar.RTL() {
		t.Error("the shipped site has no right-to-left Arabic")
	}
	for _, id := range []string{"victim-lincs", "emergency", "non-emergency"} {
		if _, ok := s.Contact(id); !ok {
			t.Errorf("the shipped site has no contact %q", id)
		}
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"unknown key", "checked =", "colour = 1\nchecked =", "site.toml:3: unknown key \"colour\""},
		{"syntax", `name = "Victims"`, `name = "Victims`, "site.toml:1: "},
		{"bad base url", `base_url = "https://example.org/"`, `base_url = "example.org"`, "site.toml:2: base_url \"example.org\" is not a full web address"},
		{"non-ASCII base url", `base_url = "https://example.org/"`, `base_url = "https://example.org/ofiary-przestępstw/"`, "site.toml:2: base_url \"https://example.org/ofiary-przestępstw/\" holds characters other than printable ASCII"},
		{"long base url", `base_url = "https://example.org/"`, `base_url = "https://example.org/` + strings.Repeat("a", 2000) + `/"`, "site.toml:2: base_url is 2021 characters long"},
		{"non-ASCII contact url", `phone = "101"`, "phone = \"101\"\nurl = \"https://example.org/pomoc-ofiarom-przestępstw\"", "site.toml:19: contact \"help\": url \"https://example.org/pomoc-ofiarom-przestępstw\" holds characters"},
		{"bad direction", `dir = "ltr"`, `dir = "left"`, "site.toml:13: language \"en\": dir must be"},
		{"bad language", `code = "en"`, `code = "English"`, "site.toml:14: language code \"English\" is not a language tag"},
		{"bad phone", `phone = "101"`, `phone = "call 101"`, "site.toml:19: contact \"help\": phone \"call 101\" may hold only"},
		{"no name", `name = "Help"`, `name = ""`, "site.toml:19: contact \"help\" has no name"},
		{"http contact", `phone = "101"`, "phone = \"101\"\nurl = \"http://example.org/\"", "site.toml:19: contact \"help\": url \"http://example.org/\" must be a full https:// address"},
		{"undeclared language text", `en = "About"`, "en = \"About\"\nde = \"Über\"", "site.toml:19: contact \"help\": about.de is not a declared language"},
		{"unknown code contact", `support_contact = "help"`, `support_contact = "nobody"`, "site.toml:5: [code] support_contact names \"nobody\""},
		{"no time limits", "update_days = 5\n", "", "site.toml:5: [code] needs referral_days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(valid, tt.old, tt.new, 1)
			_, probs := Parse([]byte(src))
			var got []string
			for _, p := range probs {
				if strings.HasPrefix(p.String(), tt.want) {
					return
				}
				got = append(got, p.String())
			}
			t.Errorf("no problem starting %q; got %q", tt.want, got)
		})
	}
}

// twoContacts is valid with a second contact, so that problems in the
// first [[contacts]] entry must be found at its own lines, not the last's.
var twoContacts = valid + `
[[contacts]]
id = "other"
name = "Other"
phone = "102"
verified = true
checked = 2026-11-23
`

// TestProblemsInWords proves a value of the wrong kind is reported at its
// own line, in words: no Go type, no Go time layout, and no line of
// another [[contacts]] entry (the TOML decoder gives the last entry's).
func TestProblemsInWords(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"date in quotes", "checked = 2026-11-23\n\n[code]", "checked = \"23/11/2026\"\n\n[code]", "site.toml:3: checked must be a date written as year-month-day without quotes, such as checked = 2026-11-23"},
		{"not a date", "checked = 2026-11-23\n\n[code]", "checked = 2026-13-01\n\n[code]", "site.toml:3: not a date: write dates as year-month-day"},
		{"number in words", "referral_days = 2", `referral_days = "two"`, "site.toml:6: referral_days must be a whole number without quotes"},
		{"fraction", "referral_days = 2", "referral_days = 2.5", "site.toml:6: referral_days must be a whole number"},
		{"yes for true", "verified = true\nchecked = 2026-11-23\n[contacts.about]", "verified = \"yes\"\nchecked = 2026-11-23\n[contacts.about]", "site.toml:23: verified must be true or false, without quotes"},
		{"about as text", "[contacts.about]\nen = \"About\"", "about = \"About\"", "site.toml:25: about must be a table of texts by language"},
		{"number as text", `name = "Victims"`, `name = 3`, "site.toml:1: name must be text in double quotes"},
		{"unknown key in the first of two contacts", "verified = true\nchecked = 2026-11-23\n[contacts.about]", "verified = true\ncolour = \"red\"\nchecked = 2026-11-23\n[contacts.about]", "site.toml:24: unknown key \"contacts.colour\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(twoContacts, tt.old, tt.new, 1)
			if src == twoContacts {
				t.Fatalf("the fixture has no %q", tt.old)
			}
			_, probs := Parse([]byte(src))
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
				for _, goWords := range []string{"2006", "int", "string", "float64", "[]", "TOML value"} {
					if strings.Contains(p.Message, goWords) {
						t.Errorf("%q speaks of Go: %q", p, goWords)
					}
				}
			}
			for _, g := range got {
				if strings.HasPrefix(g, tt.want) {
					return
				}
			}
			t.Errorf("no problem starting %q; got %q", tt.want, got)
		})
	}
}

// TestUnusableLanguages proves a default language or a language code that
// the language libraries cannot use stops the load with a site.toml:LINE
// problem (it made locale.Load panic in language.MustParse), while a valid
// one loads.
func TestUnusableLanguages(t *testing.T) {
	tests := []struct {
		old, new, want string
	}{
		{"checked = 2026-11-23\n\n[code]", "checked = 2026-11-23\ndefault_language = \"english\"\n\n[code]", `site.toml:4: default_language "english" is not the code of a declared language; use one of "en"`},
		{"[[contacts]]", "[[languages]]\ncode = \"en-US-US\"\nendonym = \"Z\"\nenglish = \"Z\"\ndir = \"ltr\"\n\n[[contacts]]", `site.toml:20: language code "en-US-US" is not a language tag`},
	}
	for _, tt := range tests {
		s, probs := Parse([]byte(strings.Replace(valid, tt.old, tt.new, 1)))
		if s != nil {
			t.Errorf("%s: got a site, want nil", tt.want)
		}
		if len(probs) == 0 || !strings.HasPrefix(probs[0].String(), tt.want) {
			t.Errorf("got %q, want a first problem starting %q", probs, tt.want)
		}
	}
}

// TestLanguageTag pins what golang.org/x/text/language accepts, which
// LanguageTag relies on beside its own pattern: if the library starts to
// refuse a tag a site uses, or to accept a word, this fails.
func TestLanguageTag(t *testing.T) {
	for code, want := range map[string]bool{
		"en": true, "pl": true, "pt-BR": true, "ckb": true, "zh-Hant": true, "sr-Latn-RS": true,
		"english": false, "EN": false, "e": false, "en_GB": false, "": false, "en-": false,
		// The pattern allows these; the language library does not.
		"xx": false, "en-US-US": false, "en-Latn-Latn": false,
	} {
		if got := LanguageTag(code); got != want {
			t.Errorf("LanguageTag(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestUnverifiedIsAWarning(t *testing.T) {
	_, probs := Parse([]byte(strings.Replace(valid, "verified = true", "verified = false", 1)))
	if probs.Errors() != 0 || len(probs) != 1 || !probs[0].Warning {
		t.Errorf("got %v, want one warning", probs)
	}
}

// FuzzParse feeds arbitrary site files to the decoder: it must never panic,
// and a file it accepts has its defaults filled in.
func FuzzParse(f *testing.F) {
	f.Add([]byte(valid))
	f.Add([]byte("[[languages]]\n[[languages]]\ncode = 1\n"))
	f.Add([]byte("name = \"x\"\n[contacts.about]\nen = 1\n"))
	f.Add([]byte("checked = 2026-13-45\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, probs := Parse(data)
		if s == nil && len(probs) == 0 {
			t.Fatal("no site and no problem")
		}
		for _, p := range probs {
			if p.File != File {
				t.Errorf("problem in %q, want %q", p.File, File)
			}
		}
		if s != nil && (s.ExitURL == "" || s.DefaultLanguage == "") {
			t.Errorf("defaults not filled in: %+v", s)
		}
	})
}

func TestLeafletFonts(t *testing.T) {
	base, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		add, want string
	}{
		{"[leaflet.fonts.ur]\nregular = \"fonts/Ur.ttf\"\nbold = \"fonts/Ur-Bold.otf\"\n", ""},
		{"[leaflet.fonts.zz]\nregular = \"fonts/Z.ttf\"\n", `"zz" is not a language of the site`},
		{"[leaflet.fonts.ur]\nbold = \"fonts/B.ttf\"\n", "has no regular font"},
		{"[leaflet.fonts.ur]\nregular = \"../Ur.ttf\"\n", "must be a path inside the site's folder"},
		{"[leaflet.fonts.ur]\nregular = \"fonts/Ur.woff2\"\n", "is not a .ttf or .otf font file"},
		{"[leaflet.fonts.ur]\nregular = 3\n", "regular must be text"},
	}
	for _, tt := range tests {
		data := string(base) + "\n" + tt.add
		line := strings.Count(string(base), "\n") + 2
		s, probs := Parse([]byte(data))
		if tt.want == "" {
			if probs.Errors() > 0 || s == nil || s.Leaflet.Fonts["ur"].Bold != "fonts/Ur-Bold.otf" {
				t.Errorf("%q: %v", tt.add, probs.Err())
			}
			continue
		}
		err := probs.Err()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.add, err, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), "site.toml:"+strconv.Itoa(line)) && !strings.Contains(err.Error(), "site.toml:"+strconv.Itoa(line+1)) {
			t.Errorf("%q: %v does not name line %d", tt.add, err, line)
		}
	}
}

// TestFontFiles: the build cache fingerprints the font files site.toml
// names, and only paths inside the site's folder.
func TestFontFiles(t *testing.T) {
	tests := []struct {
		toml string
		want []string
	}{
		{"name = \"x\"\n", nil},
		{"[leaflet.fonts.ur]\nregular = \"fonts/Ur.ttf\"\nbold = \"type/Ur-Bold.otf\"\n[leaflet.fonts.pa]\nregular = \"fonts/Pa.ttf\"\n",
			[]string{"fonts/Pa.ttf", "fonts/Ur.ttf", "type/Ur-Bold.otf"}},
		{"[leaflet.fonts.ur]\nregular = \"../Ur.ttf\"\nbold = \"/abs/B.ttf\"\n", nil},
		{"[leaflet.fonts.ur]\nregular = 3\n", nil},
		{"not toml = = \n", nil},
		{"[leaflet.\"\\u0066onts\".ur]\nregular = \"type/Ur.ttf\"\n", []string{"type/Ur.ttf"}},
	}
	for _, tt := range tests {
		got := FontFiles(fstest.MapFS{File: {Data: []byte(tt.toml)}})
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("FontFiles(%q) = %q, want %q", tt.toml, got, tt.want)
		}
	}
	if got := FontFiles(fstest.MapFS{}); got != nil {
		t.Errorf("FontFiles without site.toml = %q, want none", got)
	}
}
