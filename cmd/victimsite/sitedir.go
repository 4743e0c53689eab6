package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"victimsite"
	"victimsite/internal/config"
	"victimsite/internal/leaflet"
	"victimsite/internal/problem"
	"victimsite/internal/site"
)

// siteDir is the -site flag every command shares.
type siteDir struct {
	dir string
}

func (s *siteDir) register(fl *flag.FlagSet) {
	fl.StringVar(&s.dir, "site", "", "the site folder (default: this folder if it holds site.toml, else the built-in site)")
}

// open returns the site's files and the folder they came from ("" for the
// built-in site).
func (s *siteDir) open() (fs.FS, string, error) {
	if s.dir != "" {
		if _, err := os.Stat(filepath.Join(s.dir, config.File)); err != nil {
			return nil, "", fmt.Errorf("%s has no %s: give the folder of a site, or run victimsite init %s", s.dir, config.File, s.dir)
		}
		return os.DirFS(s.dir), s.dir, nil
	}
	if _, err := os.Stat(config.File); err == nil {
		return os.DirFS("."), ".", nil
	}
	return victimsite.DefaultSite, "", nil
}

// loadSite loads the site and checks what the leaflets need of it too, so
// that check, build and serve report the same problems.
func loadSite(fsys fs.FS) (*site.Site, problem.List) {
	st, probs := site.Load(fsys)
	if st != nil {
		probs = append(probs, leafletProblems(st)...)
		probs.Sort()
	}
	return st, probs
}

// leafletProblems are the problems with a loaded site that only its
// leaflets show, such as a message they need that a language lacks or a
// font file site.toml names that is not there.
func leafletProblems(st *site.Site) problem.List {
	if st.Content == nil || st.Locales == nil {
		return nil
	}
	src := leafletSource(st)
	return append(leaflet.Check(src), leaflet.CheckFonts(src)...)
}

// leafletSource is what the leaflets read of a loaded site: its
// settings, pages and strings, and its folder for the font files
// site.toml names, as leaflet.Load gives victimsite leaflet and the desk.
func leafletSource(st *site.Site) leaflet.Source {
	return leaflet.Source{Config: st.Config, Content: st.Content, Locales: st.Locales, Fonts: st.FS}
}

// cachedLeafletProblems returns leafletProblems for the preview, which
// loads the site again on every save: it checks again only when something
// the check reads has changed (leaflet.Checker), not after a text edit.
func cachedLeafletProblems() func(*site.Site) problem.List {
	var c leaflet.Checker
	return func(st *site.Site) problem.List {
		if st.Content == nil || st.Locales == nil {
			return nil
		}
		src := leafletSource(st)
		// The font files are read again every time: the cache knows
		// nothing of them.
		return append(c.Check(src), leaflet.CheckFonts(src)...)
	}
}

// printProblems prints one problem a line, paths relative to the working
// folder so editors can jump to them.
func printProblems(w io.Writer, dir string, probs problem.List) {
	for _, p := range probs {
		switch dir {
		case "":
			p.File = "(built-in site)/" + p.File
		case ".":
		default:
			p.File = filepath.Join(dir, filepath.FromSlash(p.File))
		}
		fmt.Fprintln(w, p.String())
	}
}

// parseFlags parses a command's flags, returning the exit code to use when
// parsing ended the command (help: 0, misuse: 2).
func parseFlags(fl *flag.FlagSet, args []string) (int, bool) {
	err := fl.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0, false
	case err != nil:
		return 2, false
	}
	return 0, true
}
