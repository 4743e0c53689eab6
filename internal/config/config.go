// Package config reads site.toml into a typed, validated Site.
//
// The file names the site, its published address, its languages (with their
// endonyms and writing direction), the contacts shown on pages and leaflets,
// the time limits of the Victims' Code and the "Exit this page" destination.
// Load decodes it strictly: an unknown key is a problem with its line, so a
// typo never silently drops a fact a victim relies on.
package config

import (
	"bytes"
	"errors"
	"io/fs"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"victimsite/internal/problem"
)

// File is the name of the site file at the root of a site folder.
const File = "site.toml"

// Site is the validated content of site.toml.
type Site struct {
	Name            string     `toml:"name"`
	Force           string     `toml:"force"`
	BaseURL         string     `toml:"base_url"`
	DefaultLanguage string     `toml:"default_language"`
	ExitURL         string     `toml:"exit_url"`
	Checked         time.Time  `toml:"checked"`
	Code            Code       `toml:"code"`
	Languages       []Language `toml:"languages"`
	Contacts        []Contact  `toml:"contacts"`
	// LeafletFonts are other font files for a language's leaflets, by
	// language code: [leaflet.fonts.xx] in site.toml.
	Leaflet Leaflet `toml:"leaflet"`

	// lines maps "languages.3", "contacts.2" or "code.update_days" to
	// its line, for problems found after decoding.
	lines lineIndex
}

// Leaflet holds the leaflet settings of site.toml.
type Leaflet struct {
	// Fonts are font files, in the site's folder, that a language's
	// leaflets draw with before the embedded Noto fonts.
	Fonts map[string]LeafletFont `toml:"fonts"`
}

// LeafletFont names a language's font files (TrueType or OpenType)
// relative to the site's folder; Bold may be empty.
type LeafletFont struct {
	Regular string `toml:"regular"`
	Bold    string `toml:"bold"`
}

// FontLine returns the line of site.toml that names a language's
// leaflet fonts, for messages about them.
func (s *Site) FontLine(lang string) int { return s.lines.line("leaflet.fonts." + lang) }

// FontFiles returns the paths of the font files that the site.toml in
// fsys names under [leaflet.fonts], for the build cache to fingerprint
// before the site is loaded. It reads only that table, and leaves out
// what Load refuses as a font path (FontPath); a site.toml it cannot
// read names none (Load reports why).
func FontFiles(fsys fs.FS) []string {
	data, err := fs.ReadFile(fsys, File)
	if err != nil || !mayNameFonts(data) {
		return nil
	}
	var s struct {
		Leaflet Leaflet `toml:"leaflet"`
	}
	if _, err := toml.Decode(string(data), &s); err != nil {
		return nil
	}
	var paths []string
	for _, f := range s.Leaflet.Fonts {
		for _, p := range []string{f.Regular, f.Bold} {
			if FontPath(p) {
				paths = append(paths, p)
			}
		}
	}
	return paths
}

// mayNameFonts reports whether site.toml can hold a key "fonts": it has
// the word, or an escape that could spell it in a quoted key. Most sites
// name no fonts, and this spares the build cache decoding the whole file
// (some 2 ms) every time.
func mayNameFonts(data []byte) bool {
	return bytes.Contains(data, []byte("fonts")) || bytes.Contains(data, []byte(`\u`)) || bytes.Contains(data, []byte(`\U`))
}

// Code holds the time limits of the Victims' Code and the ids of the
// contacts that every page and leaflet shows.
type Code struct {
	ReferralDays        int    `toml:"referral_days"`
	UpdateDays          int    `toml:"update_days"`
	EnhancedUpdateDays  int    `toml:"enhanced_update_days"`
	SupportContact      string `toml:"support_contact"`
	EmergencyContact    string `toml:"emergency_contact"`
	NonEmergencyContact string `toml:"non_emergency_contact"`
	RightsPage          string `toml:"rights_page"`
}

// Language is one language the site is published in.
type Language struct {
	Code    string `toml:"code"`    // BCP 47 tag, e.g. "pl"
	Endonym string `toml:"endonym"` // the name in the language itself
	English string `toml:"english"` // the name in English
	Dir     string `toml:"dir"`     // "ltr" or "rtl"
}

// RTL reports whether the language is written right to left.
func (l Language) RTL() bool { return l.Dir == "rtl" }

// Contact is a service a victim can call or visit. About and Hours are
// keyed by language code; English is the fallback.
type Contact struct {
	ID       string            `toml:"id"`
	Name     string            `toml:"name"`
	Phone    string            `toml:"phone"`
	URL      string            `toml:"url"`
	Verified bool              `toml:"verified"`
	Checked  time.Time         `toml:"checked"`
	Source   string            `toml:"source"`
	About    map[string]string `toml:"about"`
	Hours    map[string]string `toml:"hours"`
}

// AboutIn returns what the service is for in lang, or else in English, and
// the language of the text returned.
func (c Contact) AboutIn(lang string) (text, in string) { return pick(c.About, lang) }

// HoursIn returns the opening hours in lang, or else in English, and the
// language of the text returned.
func (c Contact) HoursIn(lang string) (text, in string) { return pick(c.Hours, lang) }

func pick(m map[string]string, lang string) (string, string) {
	if s, ok := m[lang]; ok && s != "" {
		return s, lang
	}
	return m["en"], "en"
}

// Language returns the declared language with the given code.
func (s *Site) Language(code string) (Language, bool) {
	for _, l := range s.Languages {
		if l.Code == code {
			return l, true
		}
	}
	return Language{}, false
}

// Contact returns the contact with the given id.
func (s *Site) Contact(id string) (Contact, bool) {
	for _, c := range s.Contacts {
		if c.ID == id {
			return c, true
		}
	}
	return Contact{}, false
}

// URL returns the absolute address of a site path such as "pl/crime/burglary/".
func (s *Site) URL(path string) string {
	return strings.TrimSuffix(s.BaseURL, "/") + "/" + strings.TrimPrefix(path, "/")
}

var (
	langCode  = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	contactID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
)

// LanguageTag reports whether code is a language tag that victimsite can
// use in file names and that the language libraries understand: lower-case
// letters for the language, such as "pl", "pt-BR" or "ckb".
func LanguageTag(code string) bool {
	if !langCode.MatchString(code) {
		return false
	}
	_, err := language.Parse(code)
	return err == nil
}

// Load reads and validates site.toml from fsys. Every problem found is
// returned in the list; the Site is nil only when the file cannot be read
// or decoded at all.
func Load(fsys fs.FS) (*Site, problem.List) {
	var probs problem.List
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		probs.Add(File, 0, "cannot read the site file: %v; run `victimsite init DIR` for a starting point", errors.Unwrap(err))
		return nil, probs
	}
	s, probs := Parse(data)
	return s, probs
}

// Parse decodes and validates the bytes of a site.toml. The Site is nil
// when the file cannot be decoded, when a value has the wrong type, or when
// its languages cannot be used (a code that is not a language tag, or a
// default_language that is not declared): everything else in a site
// depends on them, so the problems with them are reported alone.
func Parse(data []byte) (*Site, problem.List) {
	var probs problem.List
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			probs.Add(File, perr.Position.Line, "%s", plainTOML(perr.Message))
		} else {
			probs.Add(File, 1, "%v", err)
		}
		return nil, probs
	}
	idx := indexLines(data)
	if checkTypes(raw, idx, &probs); probs.Errors() > 0 {
		return nil, probs
	}
	var s Site
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&s)
	if err != nil {
		// checkTypes has let through a value the decoder refuses.
		probs.Add(File, 1, "%v", err)
		return nil, probs
	}
	s.lines = idx
	reported := map[string]bool{}
	for _, key := range md.Undecoded() {
		if k := key.String(); !reported[k] {
			reported[k] = true
			for _, line := range idx.lines(k) {
				probs.Add(File, line, "unknown key %q; check its spelling against the README", k)
			}
		}
	}
	if !s.validate(&probs) {
		return nil, probs
	}
	return &s, probs
}

// plainTOML rewords the TOML decoder's messages that speak of its
// insides.
func plainTOML(msg string) string {
	if strings.HasPrefix(msg, "invalid datetime") {
		return "not a date: write dates as year-month-day without quotes, such as 2026-11-23 (" + msg + ")"
	}
	return msg
}
