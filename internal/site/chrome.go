package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"victimsite/internal/config"
)

// The page's chrome is what base.html puts around every page: the "exit"
// button, the "header" with the language switcher and the "footer". It is
// the same on every page of a language but for the links that depend on
// where the page sits, so each block is rendered once for each language
// and each way up to the site root (".Root"), and passed to the layouts as
// already-safe HTML (.ExitHTML, .HeaderHTML, .FooterHTML), rather than
// through html/template's escapers once for every page. A block sees the
// chrome of a page only (.Site, .Lang, .Root, .Switcher, .Help,
// .HelpNowHTML, .LeafletHref, .Checked), not its title or text. So it is
// with the links in the page's head: "assets" (the icon, style sheet and
// script, .AssetsHTML) is rendered once per language and Root, and
// "alternates" (a link to the page in each language it is written in,
// .AlternatesHTML) once for all the languages of a page, seeing only
// .Site and .Alternates.

// pathMark stands for the page's folder in the switcher links of a header
// rendered once for many pages; each page's header gets its own folder in
// its place. It is made of characters that the URL escaper leaves alone.
const pathMark = "victimsite-page-folder-mark/"

// chromeKey names the pages that share their chrome.
type chromeKey struct{ lang, root, leaflet string }

// chromeBlocks are a language's blocks for pages at one Root; header has
// pathMark where each page's folder goes.
type chromeBlocks struct{ exit, header, footer, assets template.HTML }

// setChrome renders the chrome of the pages of jobs, once per language and
// Root, and sets it on each page's view. A page whose switcher is not the
// usual one (the language chooser, say) gets its header rendered for it
// alone.
func (s *Site) setChrome(jobs []job, help map[string]helpBlocks) error {
	blocks := map[chromeKey]chromeBlocks{}
	alternates := map[string]template.HTML{}
	for _, j := range jobs {
		v := j.view
		if err := s.setAlternates(v, alternates); err != nil {
			return err
		}
		key := chromeKey{v.Lang.Code, v.Root, v.LeafletHref}
		b, ok := blocks[key]
		if !ok {
			var err error
			if b, err = s.renderChrome(key, v.Lang, help[v.Lang.Code]); err != nil {
				return err
			}
			blocks[key] = b
		}
		v.ExitHTML, v.FooterHTML, v.AssetsHTML = b.exit, b.footer, b.assets
		if dir, ok := s.switcherFolder(v); ok {
			v.HeaderHTML = template.HTML(strings.ReplaceAll(string(b.header), pathMark, dir))
			continue
		}
		h, err := s.block(v, "header")
		if err != nil {
			return err
		}
		v.HeaderHTML = h
	}
	return nil
}

// renderChrome renders the chrome blocks of lang for the pages of key.
func (s *Site) renderChrome(key chromeKey, lang config.Language, help helpBlocks) (chromeBlocks, error) {
	v := s.chrome(lang, s.Locales.Lang(lang.Code), 0)
	root := key.root
	v.Root, v.LeafletHref = root, key.leaflet
	v.HelpHTML, v.HelpNowHTML = help.help, help.now
	for _, l := range s.Config.Languages {
		v.Switcher = append(v.Switcher, switchLink{l.Code, l.Endonym, l.English, l.Dir, root + l.Code + "/" + pathMark, l.Code == lang.Code})
	}
	var b chromeBlocks
	var err error
	for _, block := range []struct {
		name string
		to   *template.HTML
	}{{"exit", &b.exit}, {"header", &b.header}, {"footer", &b.footer}, {"assets", &b.assets}} {
		if *block.to, err = s.block(v, block.name); err != nil {
			return b, err
		}
	}
	return b, nil
}

// setAlternates sets v.AlternatesHTML, rendering the "alternates" block
// for the first page with v's list of alternates: done holds the blocks
// rendered so far, by list.
func (s *Site) setAlternates(v *view, done map[string]template.HTML) error {
	var key strings.Builder
	for _, a := range v.Alternates {
		key.WriteString(a.Lang + "\x00" + a.URL + "\x00")
	}
	if h, ok := done[key.String()]; ok {
		v.AlternatesHTML = h
		return nil
	}
	def, _ := s.Config.Language(s.Config.DefaultLanguage)
	h, err := s.block(&view{Site: s.Config, Lang: def, Alternates: v.Alternates}, "alternates")
	if err != nil {
		return err
	}
	done[key.String()], v.AlternatesHTML = h, h
	return nil
}

// block renders the named block of the layouts with v, or nothing when
// the site's layouts have no such block.
func (s *Site) block(v *view, name string) (template.HTML, error) {
	t := s.layouts.byLang[v.Lang.Code]["page"]
	if t.Lookup(name) == nil {
		return "", nil
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, v); err != nil {
		return "", fmt.Errorf("render the %s block in %s: %w", name, v.Lang.Code, err)
	}
	return template.HTML(buf.String()), nil
}

// switcherFolder returns the folder that v's switcher links point to in
// every language, when the switcher is the one renderChrome makes with
// pathMark in that folder's place: a link to each language in order,
// from v.Root, the page's own marked as current.
func (s *Site) switcherFolder(v *view) (string, bool) {
	langs := s.Config.Languages
	if len(v.Switcher) != len(langs) || len(langs) == 0 {
		return "", false
	}
	first := v.Root + langs[0].Code + "/"
	dir, ok := strings.CutPrefix(v.Switcher[0].Href, first)
	if !ok || !plainFolder(dir) {
		return "", false
	}
	for i, l := range langs {
		want := switchLink{l.Code, l.Endonym, l.English, l.Dir, v.Root + l.Code + "/" + dir, l.Code == v.Lang.Code}
		if v.Switcher[i] != want {
			return "", false
		}
	}
	return dir, true
}

// plainFolder reports whether dir is "" or a page's folder made of
// letters, digits and hyphens ("crime/burglary/"), which the URL escaper
// leaves as they are.
func plainFolder(dir string) bool {
	for i := 0; i < len(dir); i++ {
		c := dir[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '/') {
			return false
		}
	}
	return dir == "" || strings.HasSuffix(dir, "/") && !strings.HasPrefix(dir, "/") && !strings.Contains(dir, "//")
}
