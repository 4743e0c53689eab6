package pdf

import (
	"fmt"
	"strings"
)

// annotation is a link annotation on a page.
type annotation struct {
	page *Page
	area Rect
	uri  string
	elem *Element
	key  int // StructParent: its key in the parent tree
	ref  int // object number, while writing
}

// linkSchemes are the URI schemes a link may use.
var linkSchemes = []string{"http://", "https://", "mailto:", "tel:"}

// Link makes the areas of the page (one per line the link's text is
// drawn on) a link to uri, which must be http, https, mailto or tel, in
// ASCII (percent-encode anything else). e is the Link element whose text
// is drawn there; each area becomes a link annotation that sits in e,
// after the text, as PDF/UA-1 7.18.5 asks. Its /Contents, what a screen
// reader says for it, is e's ActualText or Alt if set, else the text drawn
// in e, else the URI.
func (p *Page) Link(e *Element, uri string, areas ...Rect) {
	switch {
	case e == nil || e.doc != p.doc:
		p.fail(fmt.Errorf("Link was given an element of another document"))
		return
	case e.role != Link:
		p.fail(fmt.Errorf("Link was given a %s element: a link annotation belongs in a Link element", e.role))
		return
	case len(areas) == 0:
		p.fail(fmt.Errorf("link to %q has no area", uri))
		return
	}
	if err := checkURI(uri); err != nil {
		p.fail(err)
		return
	}
	for _, r := range areas {
		if !finite(r.X, r.Y, r.W, r.H) || r.W <= 0 || r.H <= 0 {
			p.fail(fmt.Errorf("link to %q has an area that is empty or not finite", uri))
			return
		}
	}
	for _, r := range areas {
		a := &annotation{page: p, area: r, uri: uri, elem: e, key: p.doc.nextKey}
		p.doc.nextKey++
		p.annots = append(p.annots, a)
		e.kids = append(e.kids, kid{annot: a})
	}
}

// checkURI accepts the schemes a leaflet links to, in printable ASCII.
func checkURI(uri string) error {
	ok := false
	for _, s := range linkSchemes {
		if len(uri) > len(s) && strings.EqualFold(uri[:len(s)], s) {
			ok = true
		}
	}
	if !ok {
		return fmt.Errorf("link to %q: the scheme must be http, https, mailto or tel", uri)
	}
	for i := 0; i < len(uri); i++ {
		if uri[i] <= ' ' || uri[i] >= 0x7f {
			return fmt.Errorf("link to %q: a URI holds printable ASCII only; percent-encode the rest", uri)
		}
	}
	return nil
}

// contents is what a screen reader says for a link annotation.
func (a *annotation) contents() string {
	e := a.elem
	switch {
	case e.ActualText != "":
		return e.ActualText
	case e.Alt != "":
		return e.Alt
	}
	if s := strings.Join(strings.Fields(string(e.text)), " "); s != "" {
		return s
	}
	return a.uri
}
