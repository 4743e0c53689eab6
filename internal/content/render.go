package content

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"victimsite/internal/problem"
)

// renderer turns page Markdown into HTML. It is safe for concurrent use.
type renderer struct {
	md  goldmark.Markdown
	set *Set
}

func newRenderer(s *Set) *renderer {
	// Raw HTML stays off (goldmark's default): content is text, and
	// html/template escapes everything around it.
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, languages{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	return &renderer{md: md, set: s}
}

func (r *renderer) render(p *Page, probs *problem.List) {
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := r.md.Parser().Parse(text.NewReader(p.Body), parser.WithContext(ctx))
	lines := newLineIndex(p.Body, p.BodyLine)
	p.Headings = nil
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			explicitID(n, p.Body)
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					p.anchors = append(p.anchors, string(b))
				}
			}
			if n.Level == 1 {
				probs.Add(p.File, lines.of(n), "a # heading in the text: the title is the page's only top-level heading, so start headings with ##")
			}
			if n.Level == 2 {
				p.Headings = append(p.Headings, Heading{ID: attr(n, "id"), Text: plainText(n, p.Body)})
			}
		case *LangSpan:
			r.setDir(p, n)
		case *ast.Text:
			if n.Parent().Kind() != ast.KindCodeSpan && bytes.Contains(n.Segment.Value(p.Body), []byte("{lang=")) {
				probs.Warn(p.File, lines.of(n), "{lang=...} is shown as text: write it right after [the words]{lang=en} or a link, with no space, and with a language code such as en")
			}
		case *ast.Link:
			n.Destination = r.link(p, n.Destination, lines.lineOfText(n, n.Destination), probs)
			r.setDir(p, n)
		case *ast.AutoLink:
			u := n.URL(p.Body)
			r.link(p, u, lines.lineOfText(n, u), probs)
			r.setDir(p, n)
			n.SetAttributeString("class", "url") // it shows its address already, also on paper
		case *ast.Image:
			n.Destination = r.link(p, n.Destination, lines.lineOfText(n, n.Destination), probs)
		case *ast.HTMLBlock:
			if l := n.Lines(); l.Len() > 0 && bytes.HasPrefix(p.Body[l.At(0).Start:], []byte(ExportNote)) {
				last := lines.at(l.At(l.Len() - 1).Start)
				if n.HasClosure() {
					last = lines.at(n.ClosureLine.Start)
				}
				probs.Add(p.File, lines.of(n), "the note from victimsite status -export is still here (lines %d to %d): revise the translation as it says, then delete the note", lines.of(n), last)
				break
			}
			probs.Warn(p.File, lines.of(n), "HTML in Markdown is not published; write it as Markdown")
		case *ast.RawHTML:
			probs.Warn(p.File, lines.of(n), "HTML in Markdown is not published; write it as Markdown")
		}
		return ast.WalkContinue, nil
	})
	linkPhones(doc, p.Body, r.set.phones)
	var buf strings.Builder // its String does not copy
	buf.Grow(len(p.Body) + len(p.Body)/2)
	if err := r.md.Renderer().Render(&buf, p.Body, doc); err != nil {
		probs.Add(p.File, p.BodyLine, "cannot render the Markdown: %v", err)
		return
	}
	p.HTML = template.HTML(buf.String())
}

// headingID is an id a heading names for itself at its end: {#bail}.
var headingID = regexp.MustCompile(`\s*\{#([\p{L}\p{N}_-]+)\}\s*$`)

// explicitID lets a heading name its own id, as in "## Kaucja {#bail}", so
// that a translated heading keeps the English id that links from every
// language use. Only an id can be given this way: goldmark's attribute
// syntax would also take classes and event handlers, and would read a
// heading that ends in "[words]{lang=en}" as attributes of the heading.
func explicitID(n *ast.Heading, source []byte) {
	t, ok := n.LastChild().(*ast.Text)
	if !ok {
		return
	}
	v := t.Segment.Value(source)
	m := headingID.FindSubmatchIndex(v)
	if m == nil {
		return
	}
	n.SetAttributeString("id", []byte(v[m[2]:m[3]]))
	t.Segment = t.Segment.WithStop(t.Segment.Start + m[0])
	// The id may stand in a text node of its own, after the words.
	if prev, ok := t.PreviousSibling().(*ast.Text); ok && t.Segment.Len() == 0 {
		pv := prev.Segment.Value(source)
		prev.Segment = prev.Segment.WithStop(prev.Segment.Stop - (len(pv) - len(bytes.TrimRight(pv, " \t"))))
	}
}

// setDir gives a span or link marked as in another language the
// direction of that language, where it differs from the page's.
func (r *renderer) setDir(p *Page, n ast.Node) {
	lang := attr(n, "lang")
	if lang == "" {
		return
	}
	dir, known := r.set.dirs[lang]
	switch {
	case !known:
		n.SetAttributeString("dir", "auto")
	case dir != r.set.dirs[p.Lang]:
		n.SetAttributeString("dir", dir)
	}
}

// attr returns an attribute of a node as a string, or "".
func attr(n ast.Node, name string) string {
	v, _ := n.AttributeString(name)
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}

// plainText returns the text of a node and its children, without markup.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(source))
				if c.SoftLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// refused are the link schemes that can run code in a reader's browser.
var refused = []string{"javascript:", "data:", "vbscript:"}

// link checks a link destination and rewrites a link to another page into a
// path relative to p, which holds in every language because every language
// has the same folders. A link to an image or PDF beside the page becomes
// a link to its one published copy (see FilesFolder). Links to a heading
// (#id) and to files are checked once every page is rendered (checkLinks).
func (r *renderer) link(p *Page, dest []byte, line int, probs *problem.List) []byte {
	raw := string(dest)
	lower := strings.ToLower(strings.Map(func(c rune) rune {
		if c <= ' ' {
			return -1
		}
		return c
	}, raw))
	for _, s := range refused {
		if strings.HasPrefix(lower, s) {
			probs.Add(p.File, line, "link %q uses the %s scheme, which is refused; link to a web page instead", raw, strings.TrimSuffix(s, ":"))
			return []byte("#")
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		probs.Add(p.File, line, "link %q is not a valid address: %v", raw, err)
		return dest
	}
	switch {
	case u.Scheme != "" || u.Host != "" || u.Opaque != "":
		return dest
	case u.Path == "":
		if u.Fragment != "" {
			p.fragments = append(p.fragments, fragmentLink{raw: raw, target: p.ID, fragment: u.Fragment, line: line})
		}
		return dest
	}
	target, ok := r.targetID(p, u.Path)
	if !ok {
		return r.fileLink(p, raw, u, line, probs)
	}
	p.links = append(p.links, target)
	if r.set.Get(target, r.set.source) == nil && !r.set.broken[target] {
		probs.Add(p.File, line, "broken link %q: there is no page %s; check the path", raw, describe(target, r.set.source))
		return dest
	}
	href := relative(p.ID, target)
	if u.Fragment != "" {
		href += "#" + u.Fragment
		p.fragments = append(p.fragments, fragmentLink{raw: raw, target: target, fragment: u.Fragment, line: line})
	}
	return []byte(href)
}

// fileLink handles a relative link that does not name a page file: an
// image or PDF beside the page, or a mistake, such as a link to a page's
// web address (../help/), which is relative to the published page, not to
// the file, and so leads nowhere.
func (r *renderer) fileLink(p *Page, raw string, u *url.URL, line int, probs *problem.List) []byte {
	if strings.HasPrefix(u.Path, "/") {
		return []byte(raw) // /assets/... and other addresses on the site
	}
	full := path.Join(path.Dir(p.File), u.Path)
	if full != Folder && !strings.HasPrefix(full, Folder+"/") {
		probs.Add(p.File, line, "link %q leads outside the content folder; link to a page by its file, such as burglary.md, or put the file beside the page", raw)
		return []byte(raw)
	}
	if Attachable(full) {
		p.files = append(p.files, fileRef{raw: raw, file: full, line: line})
		href := strings.Repeat("../", strings.Count(Dir(p.ID), "/")+1) + FilesFolder + "/" + strings.TrimPrefix(full, Folder+"/")
		if u.Fragment != "" {
			href += "#" + u.Fragment
		}
		return []byte(href)
	}
	if path.Ext(full) == "" {
		id := idOfPath(strings.TrimPrefix(strings.TrimPrefix(full, Folder), "/"))
		if r.set.Get(id, r.set.source) != nil {
			probs.Add(p.File, line, "link %q is a web address, which leads nowhere from the published page; link to the page's file instead: %s", raw, pageFileLink(p, id, u.Fragment))
			return []byte(raw)
		}
		probs.Add(p.File, line, "broken link %q: there is no page or file %s; link to a page by its file, such as burglary.md", raw, full)
		return []byte(raw)
	}
	probs.Add(p.File, line, "link %q: only pages (by their .md file), images (%s) and PDFs (.pdf) beside the pages can be linked; put other files on a web site and link to their https:// address", raw, strings.Join(imageExts, ", "))
	return []byte(raw)
}

// pageFileLink is the link, from page p's file, to the file of the page
// id: "../help/_index.md" from content/crime/burglary.en.md to "help".
func pageFileLink(p *Page, id, fragment string) string {
	name := "_index.md"
	switch {
	case id == "":
	case strings.Contains(id, "/"):
		name = id + ".md"
	default:
		name = id + "/_index.md"
	}
	from := strings.TrimPrefix(path.Dir(p.File), Folder)
	rel := strings.Repeat("../", strings.Count(from, "/")) + name
	if fragment != "" {
		rel += "#" + fragment
	}
	return rel
}

// targetID resolves a link path to a page id. It understands
// "../crime/burglary.md" (relative to the file, with or without the
// language), "/crime/burglary" and "/crime/burglary/". Anything else is not
// a link to a page.
func (r *renderer) targetID(p *Page, lp string) (string, bool) {
	switch {
	case strings.HasSuffix(lp, ".md"):
		dir, name := path.Split(strings.TrimSuffix(lp, ".md"))
		if dot := strings.LastIndexByte(name, '.'); dot >= 0 {
			name = name[:dot] // burglary.pl.md names the page, whatever its language
		}
		if name == "" {
			return "", false
		}
		var full string
		if strings.HasPrefix(dir, "/") {
			full = path.Clean(strings.TrimPrefix(dir+name, "/"))
		} else {
			full = path.Join(path.Dir(strings.TrimPrefix(p.File, Folder+"/")), dir, name)
		}
		if full == ".." || strings.HasPrefix(full, "../") {
			return full, true // outside content/: reported as broken
		}
		return idOfPath(full), true
	case strings.HasPrefix(lp, "/"):
		full := path.Clean(strings.Trim(lp, "/"))
		if full == "." {
			return "", true
		}
		if strings.HasPrefix(full, "assets/") || strings.Contains(path.Base(full), ".") {
			return "", false
		}
		return strings.ToLower(full), true
	}
	return "", false
}

func idOfPath(full string) string {
	full = strings.ToLower(full)
	switch {
	case full == "_index" || full == ".":
		return ""
	case strings.HasSuffix(full, "/_index"):
		return strings.TrimSuffix(full, "/_index")
	}
	return full
}

func describe(id, lang string) string {
	switch {
	case id == "":
		return Folder + "/_index." + lang + ".md"
	case !strings.Contains(id, "/"):
		return Folder + "/" + id + "/_index." + lang + ".md (or " + Folder + "/" + id + "." + lang + ".md)"
	}
	return Folder + "/" + id + "." + lang + ".md"
}

// relative returns the path from the folder of page `from` to the folder
// of page `to`, both ids.
func relative(from, to string) string {
	up := 0
	if from != "" {
		up = strings.Count(from, "/") + 1
	}
	rel := strings.Repeat("../", up) + Dir(to)
	if rel == "" {
		return "./"
	}
	return rel
}

// lineIndex turns byte offsets in a body into line numbers of the file.
type lineIndex struct {
	src   []byte
	first int
}

func newLineIndex(src []byte, first int) lineIndex { return lineIndex{src: src, first: first} }

func (l lineIndex) at(offset int) int {
	if offset > len(l.src) {
		offset = len(l.src)
	}
	return l.first + bytes.Count(l.src[:offset], []byte("\n"))
}

// of returns the line a block node starts on, or the line of the nearest
// block that holds an inline node.
func (l lineIndex) of(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return l.at(n.Lines().At(0).Start)
		}
	}
	return l.first
}

// lineOfText finds needle in the source from the start of the block that
// holds n, so a link in the third line of a paragraph gets that line.
func (l lineIndex) lineOfText(n ast.Node, needle []byte) int {
	for b := n; b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			start := b.Lines().At(0).Start
			if i := bytes.Index(l.src[start:], needle); i >= 0 && len(needle) > 0 {
				return l.at(start + i)
			}
			return l.at(start)
		}
	}
	return l.first
}
