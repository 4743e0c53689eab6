package leaflet

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"victimsite/internal/config"
	"victimsite/internal/pdf"
	"victimsite/internal/problem"
	"victimsite/internal/typeset"
)

// siteFonts are the font files of a site's folder that site.toml names
// for the leaflets, each read and parsed once, for the typesetter and for
// the PDF writer: Load keeps them in the Source it returns, so that the
// Renderer New makes from it uses the fonts CheckFonts parsed.
type siteFonts struct {
	lib *typeset.Library
	pdf pdfFonts
}

// newSiteFonts reads font files from a site's folder.
func newSiteFonts(fsys fs.FS) *siteFonts {
	return &siteFonts{lib: typeset.NewLibrary(fsys)}
}

// siteFonts returns the site's font files as Load read them, or else a
// reader of its folder (nil when it has none).
func (src Source) siteFonts() *siteFonts {
	switch {
	case src.site != nil:
		return src.site
	case src.Fonts != nil:
		return newSiteFonts(src.Fonts)
	}
	return nil
}

// CheckFonts reads every font file site.toml names for the leaflets
// ([leaflet.fonts.<lang>]) from src.Fonts, as the leaflets will, and
// reports one that is not there or cannot be used, at the line of
// site.toml that names it. Entries that config.Load has already refused
// (no regular font, a path outside the site's folder, another language)
// are left to it.
func CheckFonts(src Source) problem.List {
	var probs problem.List
	site := src.siteFonts()
	if site == nil || src.Config == nil {
		return nil
	}
	for _, lang := range fontLangs(src.Config) {
		ff := src.Config.Leaflet.Fonts[lang]
		for _, f := range []struct{ which, name string }{{"regular", ff.Regular}, {"bold", ff.Bold}} {
			if !config.FontPath(f.name) {
				continue
			}
			if _, _, err := site.font(lang, f.which, f.name); err != nil {
				probs.Add(config.File, src.Config.FontLine(lang), "%v", err)
			}
		}
	}
	return probs
}

// fontLangs are the languages of the site that site.toml gives fonts,
// sorted.
func fontLangs(cfg *config.Site) []string {
	var langs []string
	for lang := range cfg.Leaflet.Fonts {
		if _, ok := cfg.Language(lang); ok {
			langs = append(langs, lang)
		}
	}
	slices.Sort(langs)
	return langs
}

// font loads a font file of the site's, for the typesetter and for the
// PDF writer, on first use. Its error says which entry of site.toml,
// what is wrong and what to do, but not the line (the caller has the
// config).
func (s *siteFonts) font(lang, which, name string) (*typeset.Font, *pdf.Font, error) {
	f, err := s.lib.Font(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("[leaflet.fonts.%s]: the %s font %q is not in the site's folder; put the font file there, or correct the path (relative to the folder of site.toml)", lang, which, name)
	}
	var p *pdf.Font
	if err == nil {
		p, err = s.pdf.get(f, nil)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("[leaflet.fonts.%s]: the %s font %q cannot be used (%v); give a TrueType or OpenType font file (.ttf, .otf)", lang, which, name, err)
	}
	return f, p, nil
}

// siteStack puts the site's font files for lang first in its stack,
// followed by the embedded fonts. An error names site.toml's line.
func (fs *fontSet) siteStack(site *siteFonts, cfg *config.Site, lang string, families []typeset.Family) (*typeset.Stack, error) {
	ff := cfg.Leaflet.Fonts[lang]
	r, err := fs.siteFont(site, lang, "regular", ff.Regular)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: %w", config.File, cfg.FontLine(lang), err)
	}
	b := r
	if ff.Bold != "" {
		if b, err = fs.siteFont(site, lang, "bold", ff.Bold); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", config.File, cfg.FontLine(lang), err)
		}
	}
	st, err := fs.lib.Stack(families...)
	if err != nil {
		return nil, err
	}
	return typeset.NewStack(append([]*typeset.Font{r}, st.Fonts(false)...), append([]*typeset.Font{b}, st.Fonts(true)...))
}

// siteFont is site.font, keeping the font as the PDF writer parsed it.
func (fs *fontSet) siteFont(site *siteFonts, lang, which, name string) (*typeset.Font, error) {
	f, p, err := site.font(lang, which, name)
	if err != nil {
		return nil, err
	}
	fs.pdf.put(f, p)
	return f, nil
}
