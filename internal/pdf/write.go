package pdf

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// header starts the file: the version, and a comment of bytes above 127
// that tells transfer programs the file is binary (ISO 32000-1, 7.5.2).
const header = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"

// refs are the object numbers of the document-wide objects.
type refs struct {
	catalog, pages, structRoot, parentTree, idTree, metadata, info int
	fonts                                                          []fontRefs
}

// write serialises a checked document.
func (d *Document) write() ([]byte, error) {
	size := 16 << 10
	for _, p := range d.pages {
		size += len(p.content)
	}
	// The packed objects of a leaflet take 10 to 35 KB: room for most at
	// once, rather than growing the slice again and again.
	w := &objects{buf: make([]byte, 0, size), packed: packer{data: make([]byte, 0, 32<<10)}}
	w.buf = append(w.buf, header...)
	r := d.allocate(w)

	d.writeCatalog(w, r)
	for _, p := range d.pages {
		w.writePage(p, r.pages)
	}
	scratch := make([]uint16, 0, 256)
	for i, df := range d.fonts {
		w.writeFont(df, r.fonts[i], scratch)
	}
	d.writeStructure(w, r)
	w.stream(r.metadata, []byte("/Type/Metadata/Subtype/XML"), appendXMP(nil, d.info), false)
	w.open(r.info)
	w.buf = appendInfo(w.buf, d.info)
	w.close()
	return w.finish(r.catalog, r.info), nil
}

// writeCatalog writes the catalog and the page tree.
func (d *Document) writeCatalog(w *objects, r refs) {
	w.open(r.catalog)
	b := append(w.buf, "<</Type/Catalog/Pages "...)
	b = append(appendRef(b, r.pages), "/Lang"...)
	b = append(appendTextString(b, d.info.Lang), "/MarkInfo<</Marked true>>/StructTreeRoot "...)
	b = append(appendRef(b, r.structRoot), "/Metadata "...)
	b = append(appendRef(b, r.metadata), "/ViewerPreferences<</DisplayDocTitle true>>>>"...)
	w.buf = b
	w.close()

	w.open(r.pages)
	w.buf = append(w.buf, "<</Type/Pages/Kids["...)
	for i, p := range d.pages {
		if i > 0 {
			w.buf = append(w.buf, ' ')
		}
		w.buf = appendRef(w.buf, p.ref)
	}
	w.buf = append(w.buf, "]/Count "...)
	w.buf = append(strconv.AppendInt(w.buf, int64(len(d.pages)), 10), ">>"...)
	w.close()
}

// allocate numbers every object in the order they are written.
func (d *Document) allocate(w *objects) refs {
	var r refs
	r.catalog, r.pages = w.alloc(), w.alloc()
	for _, p := range d.pages {
		p.ref, p.contentRef = w.alloc(), w.alloc()
		if p.split() {
			p.restRef = w.alloc()
		}
		for _, a := range p.annots {
			a.ref = w.alloc()
		}
	}
	for _, df := range d.fonts {
		fr := w.allocFont()
		df.ref = fr.type0
		r.fonts = append(r.fonts, fr)
	}
	r.structRoot, r.parentTree = w.alloc(), w.alloc()
	notes := 0
	d.root.walk(func(e *Element) {
		e.ref = w.alloc()
		if e.role == Note {
			notes++
			e.id = "note-" + strconv.Itoa(notes)
		}
	})
	if notes > 0 {
		r.idTree = w.alloc()
	}
	r.metadata, r.info = w.alloc(), w.alloc()
	return r
}

// writePage writes a page, its content stream and its link annotations.
func (w *objects) writePage(p *Page, pages int) {
	w.open(p.ref)
	b := append(w.buf, "<</Type/Page/Parent "...)
	b = append(appendRef(b, pages), "/MediaBox[0 0 "...)
	b = append(appendPoint(b, p.size.Width, p.size.Height), "]/Resources<<"...)
	if len(p.fonts) > 0 {
		b = append(b, "/Font<<"...)
		for _, df := range p.fonts {
			b = append(appendName(b, df.res), ' ')
			b = appendRef(b, df.ref)
		}
		b = append(b, ">>"...)
	}
	b = append(b, ">>/Contents "...)
	if p.split() {
		b = append(appendRef(append(b, '['), p.contentRef), ' ')
		b = append(appendRef(b, p.restRef), ']')
	} else {
		b = appendRef(b, p.contentRef)
	}
	if p.structParents >= 0 {
		b = append(b, "/StructParents "...)
		b = strconv.AppendInt(b, int64(p.structParents), 10)
	}
	if len(p.annots) > 0 {
		b = append(b, "/Annots["...)
		for i, a := range p.annots {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendRef(b, a.ref)
		}
		b = append(b, "]/Tabs/S"...) // tab order follows the structure (PDF/UA-1 7.18.3)
	}
	w.buf = append(b, ">>"...)
	w.close()
	switch {
	case p.split():
		w.sharedStream(p.contentRef, p.content[:p.sharedEnd])
		w.stream(p.restRef, nil, p.content[p.sharedEnd:], true)
	case p.sharedEnd > 0:
		w.sharedStream(p.contentRef, p.content)
	default:
		w.stream(p.contentRef, nil, p.content, true)
	}
	for _, a := range p.annots {
		w.writeAnnotation(a)
	}
}

// writeAnnotation writes a link annotation: a URI action, no border, and
// the /Contents and /StructParent PDF/UA-1 7.18.1 and 7.18.5 ask for. The
// annotation's and the action's /Type are optional (ISO 32000-1, tables
// 164 and 193), and left out.
func (w *objects) writeAnnotation(a *annotation) {
	p := a.page
	w.open(a.ref)
	b := append(w.buf, "<</Subtype/Link/Rect["...)
	b = append(appendPoint(b, a.area.X, p.size.Height-a.area.Y-a.area.H), ' ')
	b = append(appendPoint(b, a.area.X+a.area.W, p.size.Height-a.area.Y), "]/Border[0 0 0]/F 4/P "...)
	b = append(appendRef(b, p.ref), "/StructParent "...)
	b = append(strconv.AppendInt(b, int64(a.key), 10), "/Contents"...)
	b = append(appendTextString(b, a.contents()), "/A<</S/URI/URI"...)
	w.buf = append(appendLiteral(b, a.uri), ">>>>"...)
	w.close()
}

// writeStructure writes the structure tree root, the parent tree that
// leads from content and annotations back to their elements, the ID tree
// of the notes, and every element.
func (d *Document) writeStructure(w *objects, r refs) {
	w.open(r.structRoot)
	b := append(w.buf, "<</Type/StructTreeRoot/K "...)
	b = append(appendRef(b, d.root.ref), "/ParentTree "...)
	b = appendRef(b, r.parentTree)
	if r.idTree != 0 {
		b = append(b, "/IDTree "...)
		b = appendRef(b, r.idTree)
	}
	b = append(b, "/ParentTreeNextKey "...)
	w.buf = append(strconv.AppendInt(b, int64(d.nextKey), 10), ">>"...)
	w.close()

	w.open(r.parentTree)
	w.buf = d.appendParentTree(append(w.buf, "<</Nums["...))
	w.buf = append(w.buf, "]>>"...)
	w.close()

	if r.idTree != 0 {
		w.writeIDTree(d.root, r.idTree)
	}
	d.root.walk(func(e *Element) { w.writeElement(e, r.structRoot, d.info.Lang) })
}

// appendParentTree writes the parent tree's number tree entries: for a
// page, the array of the elements its marked-content ids belong to; for
// an annotation, its element. Keys are sorted, as a number tree needs.
func (d *Document) appendParentTree(b []byte) []byte {
	type entry struct {
		key  int
		page *Page
		elem *Element
	}
	var entries []entry
	for _, p := range d.pages {
		if p.structParents >= 0 {
			entries = append(entries, entry{key: p.structParents, page: p})
		}
		for _, a := range p.annots {
			entries = append(entries, entry{key: a.key, elem: a.elem})
		}
	}
	slices.SortFunc(entries, func(x, y entry) int { return cmp.Compare(x.key, y.key) })
	for i, e := range entries {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(strconv.AppendInt(b, int64(e.key), 10), ' ')
		if e.page == nil {
			b = appendRef(b, e.elem.ref)
			continue
		}
		b = append(b, '[')
		for j, el := range e.page.mcids {
			if j > 0 {
				b = append(b, ' ')
			}
			b = appendRef(b, el.ref)
		}
		b = append(b, ']')
	}
	return b
}

// writeIDTree writes the name tree from element ids to elements (needed
// once any element has an /ID), sorted by id.
func (w *objects) writeIDTree(root *Element, n int) {
	var notes []*Element
	root.walk(func(e *Element) {
		if e.id != "" {
			notes = append(notes, e)
		}
	})
	slices.SortFunc(notes, func(x, y *Element) int { return strings.Compare(x.id, y.id) })
	w.open(n)
	w.buf = append(w.buf, "<</Names["...)
	for i, e := range notes {
		if i > 0 {
			w.buf = append(w.buf, ' ')
		}
		w.buf = append(appendLiteral(w.buf, e.id), ' ')
		w.buf = appendRef(w.buf, e.ref)
	}
	w.buf = append(w.buf, "]>>"...)
	w.close()
}

// writeElement writes one structure element: its structure type, parent,
// children in reading order, and the attributes that differ from what it
// inherits. Its /Type (StructElem) is optional (ISO 32000-1, table 323)
// and left out: a tenth of a kilobyte a leaflet.
func (w *objects) writeElement(e *Element, structRoot int, docLang string) {
	w.open(e.ref)
	b := append(w.buf, "<</S"...)
	b = append(appendName(b, string(e.role)), "/P "...)
	if e.parent != nil {
		b = appendRef(b, e.parent.ref)
	} else {
		b = appendRef(b, structRoot)
	}
	pg := e.firstPage()
	if pg != nil {
		b = append(b, "/Pg "...)
		b = appendRef(b, pg.ref)
	}
	if inherited := e.parent.lang(docLang); e.Lang != "" && !strings.EqualFold(e.Lang, inherited) {
		b = append(b, "/Lang"...)
		b = appendTextString(b, e.Lang)
	}
	if e.Alt != "" {
		b = append(b, "/Alt"...)
		b = appendTextString(b, e.Alt)
	}
	if e.needsActualText() {
		b = append(b, "/ActualText"...)
		b = appendTextString(b, e.ActualText)
	}
	if e.id != "" {
		b = append(b, "/ID"...)
		b = appendLiteral(b, e.id)
	}
	b = e.appendAttributes(b)
	b = append(b, "/K["...)
	for i, k := range e.kids {
		if i > 0 {
			b = append(b, ' ')
		}
		b = k.append(b, pg)
	}
	w.buf = append(b, "]>>"...)
	w.close()
}

// appendAttributes writes the attributes PDF/UA asks for: a Figure's
// bounding box (7.3) and a TH's scope (7.5).
func (e *Element) appendAttributes(b []byte) []byte {
	switch {
	case (e.role == Figure || e.role == Formula) && e.hasBBox:
		b = append(b, "/A<</O/Layout/BBox["...)
		for i, v := range e.bbox {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendNum(b, v)
		}
		return append(b, "]>>"...)
	case e.role == TH:
		scope := e.Scope
		if scope == "" {
			scope = ScopeColumn
		}
		b = append(b, "/A<</O/Table/Scope"...)
		return append(appendName(b, string(scope)), ">>"...)
	}
	return b
}

// append writes a kid: an element's reference, a marked-content id (as a
// bare number when it is on the element's /Pg), or an object reference to
// a link annotation.
func (k kid) append(b []byte, pg *Page) []byte {
	switch {
	case k.elem != nil:
		return appendRef(b, k.elem.ref)
	case k.annot != nil:
		b = append(b, "<</Type/OBJR/Obj "...)
		b = append(appendRef(b, k.annot.ref), "/Pg "...)
		return append(appendRef(b, k.annot.page.ref), ">>"...)
	case k.page == pg:
		return strconv.AppendInt(b, int64(k.mcid), 10)
	}
	b = append(b, "<</Type/MCR/Pg "...)
	b = append(appendRef(b, k.page.ref), "/MCID "...)
	return append(strconv.AppendInt(b, int64(k.mcid), 10), ">>"...)
}

// firstPage is the page of the element's first content of its own, or
// nil when all its content is in its children.
func (e *Element) firstPage() *Page {
	for _, k := range e.kids {
		switch {
		case k.annot != nil:
			return k.annot.page
		case k.elem == nil:
			return k.page
		}
	}
	return nil
}

// lang is the language an element's text is in: its own, or inherited.
func (e *Element) lang(docLang string) string {
	for ; e != nil; e = e.parent {
		if e.Lang != "" {
			return e.Lang
		}
	}
	return docLang
}
