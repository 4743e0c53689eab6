// Package sitegen makes large, valid, made-up sites for benchmarks and
// tests: the build benchmarks of package site, the live-preview latency
// test of package serve and the scripts under bench/ that compare
// victimsite with other generators.
//
// Generate returns the files of a site folder that victimsite check
// accepts with no errors: a site.toml with three contacts and the asked-for
// languages, the templates/ and locales/ of a base site (the built-in one,
// so the layouts are the real ones), and pages of invented text under
// content/. The same Options always give the same files, byte for byte.
// Files.Write puts them on disk; Files.MapFS serves them from memory.
//
// The content is laid out as a real site is: the home page, then five
// sections, each with its own _index page, and the pages dealt out among
// them in turn (page-00000 in the first section, page-00001 in the second
// and so on). Every page has headings, a list, a table, emphasis and
// links to a neighbour and to its section, so that Markdown rendering and
// link checking do real work: about 270 to 375 words, or as many as
// Options.MinWords and MaxWords ask for. Each page exists in
// every language but a chosen share of translations is left out, so those
// pages fall back to English; translations that exist record the English
// page's hash, so none is outdated.
package sitegen

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"

	"victimsite/internal/config"
	"victimsite/internal/content"
)

// Options say what site to make.
type Options struct {
	// Pages is the number of regular pages, not counting the home page
	// and the section pages.
	Pages int
	// Languages are the declared languages; the first is the source and
	// must be "en". Empty means just "en".
	Languages []string
	// Missing is the share of translations, from 0 to 1, left out.
	Missing float64
	// Base is the site whose templates/ and locales/ are copied, usually
	// victimsite.DefaultSite. A language with no locales/<code>.toml in
	// Base gets a copy of the English messages.
	Base fs.FS
	// Seed chooses the invented text and which translations are missing.
	Seed uint64
	// MinWords and MaxWords, when MaxWords is not zero, make the text of
	// every regular page MinWords to MaxWords words long (each page draws
	// its own length), by adding sections of a heading, a paragraph with
	// a link and emphasis, and a list. MaxWords must then be at least 380
	// and MinWords at most MaxWords. Zero keeps the pages' usual length.
	MinWords, MaxWords int
}

// Files are a generated site: slash-separated path to bytes.
type Files map[string][]byte

// Sections are the sections pages are dealt out among.
var Sections = []string{"crime", "after-reporting", "help", "support", "court"}

// Generate makes the site that opts describe.
func Generate(opts Options) (Files, error) {
	if opts.Pages < 0 {
		return nil, fmt.Errorf("sitegen: %d pages", opts.Pages)
	}
	if len(opts.Languages) == 0 {
		opts.Languages = []string{"en"}
	}
	if opts.Languages[0] != "en" {
		return nil, fmt.Errorf("sitegen: the first language must be en, not %q", opts.Languages[0])
	}
	if opts.MaxWords != 0 && (opts.MaxWords < maxUsual || opts.MinWords > opts.MaxWords) {
		return nil, fmt.Errorf("sitegen: %d to %d words; MaxWords must be at least %d and MinWords at most MaxWords", opts.MinWords, opts.MaxWords, maxUsual)
	}
	if opts.Base == nil {
		return nil, fmt.Errorf("sitegen: Options.Base is nil; pass victimsite.DefaultSite")
	}
	files := Files{}
	decl := declarations(opts.Base, opts.Languages)
	files[config.File] = []byte(siteTOML(decl))
	if err := copyBase(files, opts.Base, opts.Languages); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x76696374696d73))
	for _, pg := range layout(opts.Pages) {
		src := pg.markdown(rng, "en", "", opts)
		files[pg.file("en")] = []byte(src)
		hash := content.HashOf(src)
		for _, l := range opts.Languages[1:] {
			if pg.kind != "page" || rng.Float64() >= opts.Missing {
				files[pg.file(l)] = []byte(pg.markdown(rng, l, hash, opts))
			}
		}
	}
	return files, nil
}

// Write writes the files into dir, which must be empty or not exist yet.
func (f Files) Write(dir string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("sitegen: %s is not empty", dir)
	}
	for name, data := range f {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("sitegen: %w", err)
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return fmt.Errorf("sitegen: %w", err)
		}
	}
	return nil
}

// MapFS returns the files as an in-memory file system for site.Load.
func (f Files) MapFS() fstest.MapFS {
	m := fstest.MapFS{}
	for p, b := range f {
		m[p] = &fstest.MapFile{Data: b}
	}
	return m
}

// known names the languages a base site may not declare.
var known = map[string]config.Language{
	"en": {Code: "en", Endonym: "English", English: "English", Dir: "ltr"},
	"pl": {Code: "pl", Endonym: "Polski", English: "Polish", Dir: "ltr"},
	"lt": {Code: "lt", Endonym: "Lietuvių", English: "Lithuanian", Dir: "ltr"},
	"ro": {Code: "ro", Endonym: "Română", English: "Romanian", Dir: "ltr"},
	"ar": {Code: "ar", Endonym: "العربية", English: "Arabic", Dir: "rtl"},
	"hu": {Code: "hu", Endonym: "Magyar", English: "Hungarian", Dir: "ltr"},
	"ur": {Code: "ur", Endonym: "اردو", English: "Urdu", Dir: "rtl"},
	"fa": {Code: "fa", Endonym: "فارسی", English: "Persian", Dir: "rtl"},
	"he": {Code: "he", Endonym: "עברית", English: "Hebrew", Dir: "rtl"},
}

// declarations takes each language's endonym, English name and direction
// from the base site.toml, then from known, and else makes them up.
func declarations(base fs.FS, langs []string) []config.Language {
	cfg, _ := config.Load(base)
	out := make([]config.Language, 0, len(langs))
	for _, code := range langs {
		l, ok := config.Language{}, false
		if cfg != nil {
			l, ok = cfg.Language(code)
		}
		if !ok {
			l, ok = known[code]
		}
		if !ok {
			l = config.Language{Code: code, Endonym: code, English: code, Dir: "ltr"}
		}
		out = append(out, l)
	}
	return out
}

func siteTOML(langs []config.Language) string {
	var b strings.Builder
	b.WriteString(`# Generated by victimsite/internal/sitegen: made-up pages for benchmarks.
name = "Generated Victim Information"
force = "Example Police"
base_url = "https://victims.example.org/"
default_language = "en"
exit_url = "https://www.bbc.co.uk/weather"
checked = 2026-01-01

[code]
referral_days = 2
update_days = 5
enhanced_update_days = 1
support_contact = "support"
emergency_contact = "emergency"
non_emergency_contact = "non-emergency"
`)
	for _, l := range langs {
		fmt.Fprintf(&b, "\n[[languages]]\ncode = %q\nendonym = %q\nenglish = %q\ndir = %q\n", l.Code, l.Endonym, l.English, l.Dir)
	}
	for _, c := range []struct{ id, name, phone string }{
		{"emergency", "Emergency: police", "999"},
		{"non-emergency", "Police non-emergency", "101"},
		{"support", "Victim Support", "0808 168 9111"},
	} {
		fmt.Fprintf(&b, "\n[[contacts]]\nid = %q\nname = %q\nphone = %q\nverified = true\nchecked = 2026-01-01\n", c.id, c.name, c.phone)
	}
	return b.String()
}

// copyBase copies templates/ and the message files of langs from base; a
// language with no message file there gets the English one.
func copyBase(files Files, base fs.FS, langs []string) error {
	err := fs.WalkDir(base, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(base, p)
		return err
	})
	if err != nil {
		return fmt.Errorf("sitegen: copy the base templates: %w", err)
	}
	en, err := fs.ReadFile(base, "locales/en.toml")
	if err != nil {
		return fmt.Errorf("sitegen: the base site has no English messages: %w", err)
	}
	for _, l := range langs {
		from := l
		data, err := fs.ReadFile(base, "locales/"+l+".toml")
		if err != nil {
			data, from = en, "en"
		}
		files["locales/"+l+".toml"] = data
		more, _ := fs.Glob(base, "locales/*."+from+".toml")
		for _, m := range more {
			name := strings.TrimSuffix(m, from+".toml") + l + ".toml"
			if files[name], err = fs.ReadFile(base, m); err != nil {
				return fmt.Errorf("sitegen: %w", err)
			}
		}
	}
	return nil
}
