// Package content loads the pages of a site: Markdown files with YAML front
// matter, one file per page per language, under content/.
//
// A file's name says what it is: content/_index.pl.md is the Polish home
// page, content/crime/_index.pl.md introduces the crime section and
// content/crime/burglary.pl.md is the Polish burglary page. English is the
// source; every other language is a translation that records, in
// source_hash, the hash of the English text it was made from, so a change
// to the English page shows up as an outdated translation.
//
// Load reads every file from an fs.FS, decodes front matter strictly,
// renders the Markdown once with goldmark (raw HTML off) and rewrites links
// between pages so that one rendering serves every language. Rendering adds
// two things to Markdown (markdown.go): [words]{lang=en} marks words in
// another language, as {lang=en} after a link does, and each phone number
// of a contact in site.toml becomes a tel: link. Every problem is collected
// with its file and line.
package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"strings"

	"victimsite/internal/problem"
)

// Kind says where a page sits in the site.
type Kind int

// The kinds of page.
const (
	Regular Kind = iota // content/<section>/<slug>.<lang>.md
	Section             // content/<section>/_index.<lang>.md
	Home                // content/_index.<lang>.md
)

// FrontMatter is the YAML between the --- lines at the top of a page. Keys
// not listed here are an error.
type FrontMatter struct {
	Title            string   `yaml:"title"`
	Summary          string   `yaml:"summary"`
	Weight           int      `yaml:"weight"`
	EnhancedRights   bool     `yaml:"enhanced_rights"`
	Support          []string `yaml:"support"`
	Leaflet          string   `yaml:"leaflet"`
	Rights           []string `yaml:"rights"`
	Step             int      `yaml:"step"`
	SourceHash       string   `yaml:"source_hash"`
	DraftTranslation bool     `yaml:"draft_translation"`
}

// Page is one page in one language.
type Page struct {
	FrontMatter

	File string // path in the site folder, e.g. "content/crime/burglary.pl.md"
	ID   string // language-independent id: "", "crime" or "crime/burglary"
	Kind Kind
	Lang string

	// Body is the Markdown after the front matter; BodyLine is the line of
	// the file that Body starts on.
	Body     []byte
	BodyLine int

	// HTML is the rendered body, with links to other pages made relative
	// so that it is correct in every language.
	HTML template.HTML

	// Headings are the body's second-level headings, in order, for the
	// page's contents list.
	Headings []Heading

	// Hash identifies the translatable text of the page (title, summary,
	// leaflet text, rights and body). A translation is current while its
	// SourceHash equals the English page's Hash.
	Hash string

	// keyLines maps a front-matter key to its line in the file.
	keyLines map[string]int
	// links are the ids of the pages the body links to, found when it
	// is rendered, as are its headings' ids, its links to headings and
	// its links to images and PDFs.
	links     []string
	anchors   []string
	fragments []fragmentLink
	files     []fileRef
}

// Heading is a heading of a page's text: its id, to link to, and its
// words without markup.
type Heading struct{ ID, Text string }

// Section returns the section a page belongs to: "crime" for
// "crime/burglary" and for the section page "crime"; "" for the home page
// and for pages at the top level.
func (p *Page) Section() string {
	if p.Kind == Section {
		return p.ID
	}
	sec, _, ok := strings.Cut(p.ID, "/")
	if !ok {
		return ""
	}
	return sec
}

// Dir returns the page's folder below its language folder in the published
// site: "" for the home page, "crime/" and "crime/burglary/".
func (p *Page) Dir() string { return Dir(p.ID) }

// Dir returns the published folder of the page with the given id, relative
// to the language folder.
func Dir(id string) string {
	if id == "" {
		return ""
	}
	return id + "/"
}

// KeyLine returns the line of a front-matter key, or the first line.
func (p *Page) KeyLine(key string) int {
	if n, ok := p.keyLines[key]; ok {
		return n
	}
	return 1
}

// hashOf computes the hash of the translatable text of a page. It is short
// because people copy it by hand into front matter now and then.
func hashOf(fm *FrontMatter, body []byte) string {
	h := sha256.New()
	for _, s := range []string{fm.Title, fm.Summary, fm.Leaflet, strings.Join(fm.Rights, "\x1f")} {
		h.Write([]byte(strings.TrimSpace(s)))
		h.Write([]byte{0})
	}
	// The body, trimmed, with CRLF line endings read as LF, written a
	// line at a time rather than copied.
	for b := bytes.TrimSpace(body); ; {
		i := bytes.Index(b, []byte("\r\n"))
		if i < 0 {
			h.Write(b)
			break
		}
		h.Write(b[:i])
		h.Write([]byte("\n"))
		b = b[i+2:]
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// HashOf returns the hash that a translation of the page file src records
// as its source_hash, or "" when src is not a valid page.
func HashOf(src string) string {
	var probs problem.List
	p := Parse("page.md", []byte(src), &probs)
	if p == nil {
		return ""
	}
	return p.Hash
}
