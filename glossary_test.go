package victimsite_test

import (
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"

	"victimsite/internal/content"
	"victimsite/internal/site"
)

// glossaryID is the page "Words the police and courts use".
const glossaryID = "help/words"

var (
	mdLink      = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)\)`)
	headingLine = regexp.MustCompile(`(?m)^[ \t]*#.*$`)
	h2          = regexp.MustCompile(`<h2 id="([^"]+)">(.*?)</h2>`)
	htmlID      = regexp.MustCompile(`\bid="([^"]+)"`)
	href        = regexp.MustCompile(`\bhref="([^"]+)"`)
)

// term is one word the glossary explains.
type term struct {
	name, id string
	match    *regexp.Regexp
	// explainedOn are the pages the glossary entry sends readers to for
	// the whole story: they explain the word themselves, and a link to
	// them explains it too.
	explainedOn map[string]bool
}

// glossary reads the English glossary's words, heading ids and "Read
// about" pages.
func glossary(t *testing.T, s *site.Site) []term {
	t.Helper()
	g := s.Content.Get(glossaryID, s.Content.Source())
	if g == nil {
		t.Fatalf("no English page %s: the glossary is missing", glossaryID)
	}
	var terms []term
	for _, m := range h2.FindAllStringSubmatch(string(g.HTML), -1) {
		name := html.UnescapeString(m[2])
		terms = append(terms, term{
			name:        name,
			id:          m[1],
			match:       regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(name) + `(?:s|es|d|ed)?\b`),
			explainedOn: map[string]bool{},
		})
	}
	if len(terms) < 20 {
		t.Fatalf("%s: found %d words, want the glossary's ## headings", g.File, len(terms))
	}
	// Each ## section's links name the pages that explain its word.
	sections := strings.Split("\n"+string(g.Body), "\n## ")[1:]
	if len(sections) != len(terms) {
		t.Fatalf("%s: %d ## sections but %d headings rendered", g.File, len(sections), len(terms))
	}
	for i, sec := range sections {
		for _, l := range mdLink.FindAllStringSubmatch(sec, -1) {
			if id, _, ok := pageOf(g, l[2]); ok {
				terms[i].explainedOn[id] = true
			}
		}
	}
	return terms
}

// pageOf resolves a Markdown link in page p to the page id and fragment it
// points to, for links to other pages ("../help/words.md#bail").
func pageOf(p *content.Page, dest string) (id, fragment string, ok bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasSuffix(u.Path, ".md") {
		return "", "", false
	}
	dir := path.Dir(strings.TrimPrefix(p.File, content.Folder+"/"))
	full := path.Join(dir, strings.TrimSuffix(u.Path, ".md"))
	if base := path.Base(full); strings.Contains(base, ".") {
		full = path.Join(path.Dir(full), base[:strings.IndexByte(base, '.')])
	}
	switch {
	case full == "_index":
		full = ""
	case strings.HasSuffix(full, "/_index"):
		full = strings.TrimSuffix(full, "/_index")
	}
	return full, u.Fragment, true
}

// TestGlossaryTermsAreLinked holds every English page to the house rule:
// the first time a page uses a word from "Words the police and courts
// use", that word links to its entry, or to the page the entry names for
// the whole story. Headings do not count: the first use in the text does.
func TestGlossaryTermsAreLinked(t *testing.T) {
	s := loadShipped(t)
	terms := glossary(t, s)
	names := map[string]string{}
	for _, tm := range terms {
		names[tm.id] = strings.ToLower(tm.name)
	}
	for _, id := range s.Content.IDs() {
		p := s.Content.Get(id, s.Content.Source())
		if p == nil || id == glossaryID {
			continue
		}
		body := string(p.Body)
		// Blank out headings and link destinations, keeping offsets, so
		// only words a reader sees in the text are matched.
		masked := []byte(headingLine.ReplaceAllStringFunc(body, blank))
		links := mdLink.FindAllStringSubmatchIndex(body, -1)
		for _, l := range links {
			copy(masked[l[3]:l[1]], blank(body[l[3]:l[1]]))
		}
		for _, tm := range terms {
			if tm.explainedOn[id] {
				continue
			}
			at := tm.match.FindIndex(withoutLonger(masked, tm, terms))
			if at == nil {
				continue
			}
			if !linkedAt(p, body, links, at[0], tm, names) {
				t.Errorf("%s:%d: the first %q is not linked: write [%s](%s#%s)",
					p.File, p.BodyLine+strings.Count(body[:at[0]], "\n"), body[at[0]:at[1]], body[at[0]:at[1]],
					relPath(p, glossaryID), tm.id)
			}
		}
	}
}

// linkedAt reports whether offset at in body falls inside the text of a
// link to tm's glossary entry (or an entry for a longer phrase holding
// it, such as "Witness Care Unit" for "witness"), or to a page that the
// entry names.
func linkedAt(p *content.Page, body string, links [][]int, at int, tm term, names map[string]string) bool {
	for _, l := range links {
		if at < l[2] || at >= l[3] {
			continue
		}
		id, frag, ok := pageOf(p, body[l[4]:l[5]])
		switch {
		case !ok:
			return false
		case id == glossaryID:
			return strings.Contains(names[frag], strings.ToLower(tm.name))
		default:
			return tm.explainedOn[id]
		}
	}
	return false
}

func blank(s string) string { return strings.Repeat(" ", len(s)) }

// withoutLonger blanks out the longer glossary phrases that hold tm's
// word, so that "witness" in "Witness Care Unit" is not a use of
// "witness": the longer phrase has its own entry.
func withoutLonger(text []byte, tm term, terms []term) []byte {
	out := text
	for _, o := range terms {
		if o.id != tm.id && strings.Contains(strings.ToLower(o.name), strings.ToLower(tm.name)) {
			out = o.match.ReplaceAllFunc(out, func(b []byte) []byte { return []byte(blank(string(b))) })
		}
	}
	return out
}

// relPath is how page p links to page id in Markdown.
func relPath(p *content.Page, id string) string {
	from := path.Dir(strings.TrimPrefix(p.File, content.Folder+"/"))
	up := ""
	if from != "." {
		up = strings.Repeat("../", strings.Count(from, "/")+1)
	}
	return up + id + ".md"
}

// TestGlossaryAnchorsExist checks, in every language, that each link to an
// entry of the glossary lands on a heading of the glossary the reader gets
// in that language: its translation, or else the English page.
func TestGlossaryAnchorsExist(t *testing.T) {
	s := loadShipped(t)
	src := s.Content.Source()
	for _, l := range s.Config.Languages {
		g := s.Content.Get(glossaryID, l.Code)
		if g == nil {
			g = s.Content.Get(glossaryID, src)
		}
		ids := map[string]bool{}
		for _, m := range htmlID.FindAllStringSubmatch(string(g.HTML), -1) {
			ids[html.UnescapeString(m[1])] = true
		}
		target := "/" + content.Dir(glossaryID)
		for _, id := range s.Content.IDs() {
			p := s.Content.Get(id, l.Code)
			if p == nil {
				p = s.Content.Get(id, src) // shown in English, linking within this language
			}
			base := &url.URL{Path: "/" + content.Dir(id)}
			for _, m := range href.FindAllStringSubmatch(string(p.HTML), -1) {
				u, err := url.Parse(html.UnescapeString(m[1]))
				if err != nil || u.Fragment == "" {
					continue
				}
				r := base.ResolveReference(u)
				if r.Scheme != "" || r.Host != "" || r.Path != target {
					continue
				}
				if !ids[u.Fragment] {
					t.Errorf("%s (read in %s): links to #%s, but %s has no heading with that id", p.File, l.Code, u.Fragment, g.File)
				}
			}
		}
	}
}
