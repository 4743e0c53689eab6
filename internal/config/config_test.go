package config

import (
	"os"
	"strings"
	"testing"
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
		{"bad direction", `dir = "ltr"`, `dir = "left"`, "site.toml:13: language \"en\": dir must be"},
		{"bad language", `code = "en"`, `code = "English"`, "site.toml:13: language code \"English\" is not a language tag"},
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
