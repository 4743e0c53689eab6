package content

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	gmrender "github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"victimsite/internal/phone"
)

// This file holds what victimsite adds to Markdown: a way to mark the
// language of a span, and phone numbers that become tel: links.
//
// A span in another language than the page is written [text]{lang=en};
// a link in another language is [text](page.md){lang=en}. Screen readers
// then read "Victim Lincs" as English inside a Polish sentence, and in a
// right-to-left page the span keeps its own direction.

// langAttr is the attribute that marks a span's language, as written
// after a span or link: {lang=en}.
var langAttr = regexp.MustCompile(`^\{lang=([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\}`)

// KindLangSpan is the kind of a LangSpan node.
var KindLangSpan = ast.NewNodeKind("LangSpan")

// LangSpan is text in another language: [Victim Lincs]{lang=en}.
type LangSpan struct {
	ast.BaseInline
}

// Kind implements ast.Node.
func (n *LangSpan) Kind() ast.NodeKind { return KindLangSpan }

// Dump implements ast.Node.
func (n *LangSpan) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// langSpanParser parses [text]{lang=xx}. The text is taken as it is,
// without emphasis or links inside: it is a name or an address.
type langSpanParser struct{}

func (langSpanParser) Trigger() []byte { return []byte{'['} }

func (langSpanParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	end := bytes.IndexAny(line[1:], "[]\n")
	if end < 1 || line[1+end] != ']' {
		return nil
	}
	m := langAttr.FindSubmatch(line[2+end:])
	if m == nil {
		return nil
	}
	span := &LangSpan{}
	span.SetAttributeString("lang", string(m[1]))
	span.AppendChild(span, ast.NewTextSegment(text.NewSegment(seg.Start+1, seg.Start+1+end)))
	block.Advance(2 + end + len(m[0]))
	return span
}

// linkLangParser parses the {lang=xx} that follows a link directly and
// gives the link that language.
type linkLangParser struct{}

func (linkLangParser) Trigger() []byte { return []byte{'{'} }

func (linkLangParser) Parse(parent ast.Node, block text.Reader, _ parser.Context) ast.Node {
	last := parent.LastChild()
	if last == nil || (last.Kind() != ast.KindLink && last.Kind() != ast.KindAutoLink) {
		return nil
	}
	line, seg := block.PeekLine()
	m := langAttr.FindSubmatch(line)
	if m == nil {
		return nil
	}
	last.SetAttributeString("lang", string(m[1]))
	block.Advance(len(m[0]))
	return ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start)) // renders as nothing
}

// langSpanRenderer renders a LangSpan as <span lang dir>.
type langSpanRenderer struct{}

func (langSpanRenderer) RegisterFuncs(reg gmrender.NodeRendererFuncRegisterer) {
	reg.Register(KindLangSpan, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<span")
			html.RenderAttributes(w, n, html.GlobalAttributeFilter)
			_ = w.WriteByte('>')
		} else {
			_, _ = w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	})
}

// languages is the goldmark extension that marks the language of spans
// and links.
type languages struct{}

func (languages) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(langSpanParser{}, 199), // before links, which also start with [
		util.Prioritized(linkLangParser{}, 900),
	))
	m.Renderer().AddOptions(gmrender.WithNodeRenderers(util.Prioritized(langSpanRenderer{}, 500)))
}

// linkPhones turns each known phone number in the text of doc into a tel:
// link that reads left to right, also inside right-to-left text. Text in
// links and code is left alone.
func linkPhones(doc ast.Node, source []byte, phones *phone.Matcher) {
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindLink, ast.KindAutoLink, ast.KindCodeSpan, ast.KindImage, ast.KindCodeBlock, ast.KindFencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindText:
			texts = append(texts, n.(*ast.Text))
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		splitPhones(t, source, phones)
	}
}

// splitPhones replaces a text node that holds phone numbers with text
// and tel: links.
func splitPhones(t *ast.Text, source []byte, phones *phone.Matcher) {
	if t.IsRaw() {
		return
	}
	found := phones.Find(string(t.Segment.Value(source)))
	if len(found) == 0 {
		return
	}
	parent, seg := t.Parent(), t.Segment
	at := seg.Start
	var last ast.Node = t
	insert := func(n ast.Node) {
		parent.InsertAfter(parent, last, n)
		last = n
	}
	for _, m := range found {
		if seg.Start+m.Start > at {
			insert(ast.NewTextSegment(text.NewSegment(at, seg.Start+m.Start)))
		}
		link := ast.NewLink()
		link.Destination = []byte("tel:" + m.Tel)
		link.SetAttributeString("dir", "ltr")
		link.AppendChild(link, ast.NewTextSegment(text.NewSegment(seg.Start+m.Start, seg.Start+m.End)))
		insert(link)
		at = seg.Start + m.End
	}
	tail := ast.NewTextSegment(text.NewSegment(at, seg.Stop))
	tail.SetSoftLineBreak(t.SoftLineBreak())
	tail.SetHardLineBreak(t.HardLineBreak())
	insert(tail)
	parent.RemoveChild(parent, t)
}
