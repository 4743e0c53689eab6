package config

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"victimsite/internal/problem"
)

// validate records every problem with the decoded site. It reports false
// when the languages are unusable, so the site must not be loaded further.
func (s *Site) validate(probs *problem.List) bool {
	if strings.TrimSpace(s.Name) == "" {
		probs.Add(File, 1, "name is empty; give the site a name")
	}
	s.checkURL(probs, "base_url", s.BaseURL, true)
	if s.ExitURL == "" {
		s.ExitURL = "https://www.bbc.co.uk/weather"
	}
	s.checkURL(probs, "exit_url", s.ExitURL, false)
	if s.DefaultLanguage == "" {
		s.DefaultLanguage = "en"
	}
	usable := s.validateLanguages(probs)
	s.validateContacts(probs)
	s.validateCode(probs)
	s.validateFonts(probs)
	return usable
}

func (s *Site) checkURL(probs *problem.List, key, raw string, mustEndSlash bool) {
	u, err := url.Parse(raw)
	line := s.keyLine(key)
	switch {
	case raw == "":
		probs.Add(File, line, "%s is empty; give the full address, starting https://", key)
	case err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "":
		probs.Add(File, line, "%s %q is not a full web address; start it with https://", key, raw)
	case mustEndSlash && !strings.HasSuffix(u.Path, "/") && u.Path != "":
		probs.Add(File, line, "%s %q must end with /", key, raw)
	case !printableASCII(raw):
		probs.Add(File, line, "%s %q holds characters other than printable ASCII; percent-encode them (and write a domain name in its xn-- form), as the leaflets' links and QR codes need", key, raw)
	case len(raw) > maxURL:
		probs.Add(File, line, "%s is %d characters long; a leaflet's QR code holds an address of at most %d, so give a shorter one", key, len(raw), maxURL)
	}
}

// maxURL is the longest base_url or exit_url a site may give: with the
// longest path a leaflet adds, the address must fit a QR code (2,331
// bytes at level M).
const maxURL = 2000

// printableASCII reports whether s holds printable ASCII only, as a URI
// in a PDF link must.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

func (s *Site) validateLanguages(probs *problem.List) bool {
	if len(s.Languages) == 0 {
		probs.Add(File, 1, "no [[languages]] declared; declare at least %q", s.DefaultLanguage)
		return false
	}
	usable := true
	seen := map[string]bool{}
	for i, l := range s.Languages {
		line := s.lines.line(fmt.Sprintf("languages.%d.code", i))
		switch {
		case !LanguageTag(l.Code):
			probs.Add(File, line, "language code %q is not a language tag such as \"pl\" or \"pt-BR\"", l.Code)
			usable = false
		case seen[l.Code]:
			probs.Add(File, line, "language %q is declared twice", l.Code)
		}
		seen[l.Code] = true
		line = s.lines.line(fmt.Sprintf("languages.%d", i))
		if l.Endonym == "" || l.English == "" {
			probs.Add(File, line, "language %q needs both endonym (its name in itself) and english", l.Code)
		}
		if l.Dir != "ltr" && l.Dir != "rtl" {
			probs.Add(File, line, "language %q: dir must be \"ltr\" or \"rtl\", not %q", l.Code, l.Dir)
		}
	}
	if !seen[s.DefaultLanguage] {
		var codes []string
		for _, l := range s.Languages {
			codes = append(codes, strconv.Quote(l.Code))
		}
		probs.Add(File, s.keyLine("default_language"), "default_language %q is not the code of a declared language; use one of %s", s.DefaultLanguage, strings.Join(codes, ", "))
		usable = false
	}
	return usable
}

var phoneChars = regexp.MustCompile(`^[0-9 +()-]+$`)

func (s *Site) validateContacts(probs *problem.List) {
	seen := map[string]bool{}
	for i, c := range s.Contacts {
		line := s.lines.line(fmt.Sprintf("contacts.%d", i))
		if !contactID.MatchString(c.ID) {
			probs.Add(File, line, "contact id %q must be lower-case letters, digits and dashes", c.ID)
		} else if seen[c.ID] {
			probs.Add(File, line, "contact id %q is used twice", c.ID)
		}
		seen[c.ID] = true
		if c.Name == "" {
			probs.Add(File, line, "contact %q has no name", c.ID)
		}
		if c.Phone == "" && c.URL == "" {
			probs.Add(File, line, "contact %q needs a phone or a url", c.ID)
		}
		if c.Phone != "" && !phoneChars.MatchString(c.Phone) {
			probs.Add(File, line, "contact %q: phone %q may hold only digits, spaces, +, ( ) and -", c.ID, c.Phone)
		}
		if c.URL != "" {
			if u, err := url.Parse(c.URL); err != nil || u.Scheme != "https" || u.Host == "" {
				probs.Add(File, line, "contact %q: url %q must be a full https:// address", c.ID, c.URL)
			} else if !printableASCII(c.URL) {
				probs.Add(File, line, "contact %q: url %q holds characters other than printable ASCII; percent-encode them (and write a domain name in its xn-- form), as the leaflets' links need", c.ID, c.URL)
			}
		}
		if c.Checked.IsZero() {
			probs.Add(File, line, "contact %q has no checked date; add checked = YYYY-MM-DD", c.ID)
		}
		if len(c.About) > 0 && c.About["en"] == "" {
			probs.Add(File, line, "contact %q: about has no English (en) text to fall back on", c.ID)
		}
		if len(c.Hours) > 0 && c.Hours["en"] == "" {
			probs.Add(File, line, "contact %q: hours has no English (en) text to fall back on", c.ID)
		}
		for lang := range c.About {
			if _, ok := s.Language(lang); !ok {
				probs.Add(File, line, "contact %q: about.%s is not a declared language", c.ID, lang)
			}
		}
		for lang := range c.Hours {
			if _, ok := s.Language(lang); !ok {
				probs.Add(File, line, "contact %q: hours.%s is not a declared language", c.ID, lang)
			}
		}
		if !c.Verified {
			probs.Warn(File, line, "contact %q (%s) is not verified: confirm it with its source (%s), then set verified = true", c.ID, c.Name, c.Source)
		}
	}
}

func (s *Site) validateCode(probs *problem.List) {
	line := s.lines.line("code")
	if s.Code.ReferralDays <= 0 || s.Code.UpdateDays <= 0 || s.Code.EnhancedUpdateDays <= 0 {
		probs.Add(File, line, "[code] needs referral_days, update_days and enhanced_update_days, each a whole number above 0")
	}
	for key, id := range map[string]string{
		"support_contact":       s.Code.SupportContact,
		"emergency_contact":     s.Code.EmergencyContact,
		"non_emergency_contact": s.Code.NonEmergencyContact,
	} {
		if _, ok := s.Contact(id); !ok {
			probs.Add(File, line, "[code] %s names %q, which is not a contact id", key, id)
		}
	}
}

// keyLine returns the line of a key, such as "default_language" or
// "code.update_days", or 1.
func (s *Site) keyLine(key string) int { return s.lines.line(key) }

// validateFonts checks [leaflet.fonts.<lang>]: a declared language and
// font files named by a path inside the site's folder.
func (s *Site) validateFonts(probs *problem.List) {
	langs := make([]string, 0, len(s.Leaflet.Fonts))
	for lang := range s.Leaflet.Fonts {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		f := s.Leaflet.Fonts[lang]
		line := s.FontLine(lang)
		if _, ok := s.Language(lang); !ok {
			probs.Add(File, line, "[leaflet.fonts.%s]: %q is not a language of the site; use the code of a [[languages]] entry", lang, lang)
		}
		if f.Regular == "" {
			probs.Add(File, line, "[leaflet.fonts.%s] has no regular font; add regular = \"fonts/Name-Regular.ttf\"", lang)
		}
		for _, name := range []string{f.Regular, f.Bold} {
			switch {
			case name == "" || FontPath(name):
			case !fs.ValidPath(name):
				probs.Add(File, line, "[leaflet.fonts.%s]: %q must be a path inside the site's folder, with / between folders", lang, name)
			default:
				probs.Add(File, line, "[leaflet.fonts.%s]: %q is not a .ttf or .otf font file", lang, name)
			}
		}
	}
}

// FontPath reports whether name is a path validateFonts accepts for a
// font file: inside the site's folder, ending in .ttf or .otf.
func FontPath(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return fs.ValidPath(name) && (ext == ".ttf" || ext == ".otf")
}
