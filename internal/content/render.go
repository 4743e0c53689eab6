package content

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
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
		case *ast.RawHTML, *ast.HTMLBlock:
			probs.Warn(p.File, lines.of(n), "HTML in Markdown is not published; write it as Markdown")
		}
		return ast.WalkContinue, nil
	})
	linkPhones(doc, p.Body, r.set.phones)
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, p.Body, doc); err != nil {
		probs.Add(p.File, p.BodyLine, "cannot render the Markdown: %v", err)
		return
	}
	p.HTML = template.HTML(buf.String())
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
// has the same folders.
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
	if u.Scheme != "" || u.Host != "" || u.Path == "" {
		return dest
	}
	target, ok := r.targetID(p, u.Path)
	if !ok {
		return dest
	}
	p.links = append(p.links, target)
	if r.set.Get(target, r.set.source) == nil && !r.set.broken[target] {
		probs.Add(p.File, line, "broken link %q: there is no page %s; check the path", raw, describe(target, r.set.source))
		return dest
	}
	href := relative(p.ID, target)
	if u.Fragment != "" {
		href += "#" + u.Fragment
	}
	return []byte(href)
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
