package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Role is a standard structure type (ISO 32000-1, 14.8.4): what an
// element is to a screen reader. Only the standard types below are
// written, so the document needs no role map.
type Role string

// The structure types an Element may have. The Document element is the
// root, made by New.
const (
	Part       Role = "Part"       // a large division of the document
	Sect       Role = "Sect"       // a section
	Div        Role = "Div"        // a generic block grouping
	BlockQuote Role = "BlockQuote" // a quoted passage
	Caption    Role = "Caption"    // the caption of a Table, Figure or L
	H1         Role = "H1"         // a heading; levels may not be skipped
	H2         Role = "H2"
	H3         Role = "H3"
	H4         Role = "H4"
	H5         Role = "H5"
	H6         Role = "H6"
	P          Role = "P"     // a paragraph
	L          Role = "L"     // a list of LI
	LI         Role = "LI"    // a list item: Lbl and LBody
	Lbl        Role = "Lbl"   // a list item's bullet or number
	LBody      Role = "LBody" // a list item's text
	Table      Role = "Table" // a table of TR (or THead, TBody, TFoot)
	THead      Role = "THead"
	TBody      Role = "TBody"
	TFoot      Role = "TFoot"
	TR         Role = "TR" // a table row of TH and TD
	TH         Role = "TH" // a header cell; see Element.Scope
	TD         Role = "TD" // a data cell
	Span       Role = "Span"
	Quote      Role = "Quote"
	Note       Role = "Note" // a note; the writer gives it the /ID PDF/UA asks for
	Reference  Role = "Reference"
	Code       Role = "Code"
	Link       Role = "Link"    // a link: its text and its annotation (Page.Link)
	Figure     Role = "Figure"  // an illustration; needs Alt
	Formula    Role = "Formula" // a formula; needs Alt

	roleDocument Role = "Document"
)

// known lists the roles an Element may have.
var known = []Role{Part, Sect, Div, BlockQuote, Caption, H1, H2, H3, H4, H5, H6, P, L, LI, Lbl, LBody,
	Table, THead, TBody, TFoot, TR, TH, TD, Span, Quote, Note, Reference, Code, Link, Figure, Formula}

// parents are the roles that may hold each role that cannot stand
// anywhere (ISO 32000-1, 14.8.4.3).
var parents = map[Role][]Role{
	LI: {L}, Lbl: {LI}, LBody: {LI},
	THead: {Table}, TBody: {Table}, TFoot: {Table},
	TR: {Table, THead, TBody, TFoot}, TH: {TR}, TD: {TR},
}

// containers are the roles whose children are other elements only, never
// content of their own, with the children they may have.
var containers = map[Role][]Role{
	L: {LI, L, Caption}, LI: {Lbl, LBody},
	Table: {TR, THead, TBody, TFoot, Caption}, THead: {TR}, TBody: {TR}, TFoot: {TR}, TR: {TH, TD},
}

// Scope says which cells a TH heads.
type Scope string

// The scopes of a header cell.
const (
	ScopeColumn Scope = "Column" // the default
	ScopeRow    Scope = "Row"
	ScopeBoth   Scope = "Both"
)

// Element is a node of the structure tree. Its children, elements and
// content (Page.Begin) and link annotations (Page.Link), are in reading
// order: the order of the calls that added them.
type Element struct {
	// Lang is the BCP 47 language of the element's text. Set it where the
	// text is in another language than the element it is in; it is
	// written only where it differs from the language inherited.
	Lang string
	// Alt is a description of the element's content, read instead of it:
	// required for a Figure or Formula (PDF/UA-1 7.3).
	Alt string
	// ActualText is the text the element's content stands for, read
	// instead of the glyphs. Give it for right-to-left and shaped text,
	// where the glyphs are in visual order or do not map one to one onto
	// the text. The writer leaves it out where it would say nothing more:
	// where the element has no child elements and the text of the glyphs
	// drawn for it, in the order drawn and as its fonts' ToUnicode maps
	// give it, is the same text (a Latin name or number in an Arabic
	// leaflet's table).
	ActualText string
	// Scope is, for a TH, the cells it heads (ScopeColumn when empty).
	Scope Scope

	role   Role
	doc    *Document
	parent *Element
	kids   []kid
	text   []byte // a Link's text, for its annotation's /Contents
	// plain is how much of ActualText (plainOf, as it was then) the glyphs
	// drawn for e read as so far, in bytes; -1 once they read otherwise
	// or were drawn before ActualText was set.
	plain   int
	plainOf string
	bbox    [4]float64
	hasBBox bool
	ref     int    // object number, while writing
	id      string // a Note's /ID, while writing
}

// kid is one child of an element: an element, a marked-content sequence
// on a page, or a link annotation.
type kid struct {
	elem  *Element
	page  *Page
	mcid  int
	annot *annotation
}

// Role is the element's structure type.
func (e *Element) Role() Role { return e.role }

// Add appends a child element of the given role and returns it.
func (e *Element) Add(role Role) *Element {
	c := &Element{role: role, doc: e.doc, parent: e}
	e.kids = append(e.kids, kid{elem: c})
	return c
}

// path names the element for a message: its roles from the root, with
// the position among its siblings where that helps.
func (e *Element) path() string {
	if e.parent == nil {
		return string(e.role)
	}
	n, same := 0, 0
	for _, k := range e.parent.kids {
		if k.elem == nil || k.elem.role != e.role {
			continue
		}
		same++
		if k.elem == e {
			n = same
		}
	}
	name := string(e.role)
	if same > 1 {
		name += " " + strconv.Itoa(n)
	}
	return e.parent.path() + " > " + name
}

// check returns the problems of e and its subtree; lang is the language e
// inherits.
func (e *Element) check(lang string) []error {
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("pdf: structure element %s: %s", e.path(), fmt.Sprintf(format, args...)))
	}
	if e.role != roleDocument && !slices.Contains(known, e.role) {
		fail("%q is not a standard structure type", e.role)
	}
	if ps, ok := parents[e.role]; ok && !slices.Contains(ps, e.parent.role) {
		fail("a %s must be inside %s", e.role, orList(ps))
	}
	if e.Lang != "" && !validLang(e.Lang) {
		fail("language %q is not a BCP 47 tag such as ar or en-GB", e.Lang)
	}
	if e.Lang != "" {
		lang = e.Lang
	}
	if (e.role == Figure || e.role == Formula) && e.Alt == "" && e.ActualText == "" {
		fail("a %s needs Alt, a description of it", e.role)
	}
	if e.Scope != "" && (e.role != TH || !slices.Contains([]Scope{ScopeColumn, ScopeRow, ScopeBoth}, e.Scope)) {
		fail("Scope %q is for a TH only, and is Column, Row or Both", e.Scope)
	}
	e.checkKids(fail)
	for _, k := range e.kids {
		if k.elem != nil {
			errs = append(errs, k.elem.check(lang)...)
		}
	}
	return errs
}

// checkKids checks what e holds: no content of its own in a container,
// an annotation in a Link, and some content somewhere.
func (e *Element) checkKids(fail func(format string, args ...any)) {
	kids, annots, own := containers[e.role], 0, false
	for _, k := range e.kids {
		if k.annot != nil {
			annots++
		} else if k.elem == nil {
			own = true
		}
	}
	if own && kids != nil {
		fail("has content of its own; a %s holds only %s", e.role, orList(kids))
	}
	if e.role == Link && annots == 0 {
		fail("has no link annotation: call Page.Link with it")
	}
	if !e.hasContent() && !slices.ContainsFunc(e.kids, func(k kid) bool { return k.elem != nil }) {
		fail("was given no content: draw it with Page.Begin or remove it")
	}
}

func orList(roles []Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return strings.Join(s, " or ")
}

// hasContent reports whether anything was drawn for e or its subtree.
func (e *Element) hasContent() bool {
	for _, k := range e.kids {
		if k.elem == nil || k.elem.hasContent() {
			return true
		}
	}
	return false
}

// checkHeadings checks the heading levels in reading order: the first is
// H1, and none skips a level on the way down (Matterhorn 14-002, 14-003).
func (d *Document) checkHeadings() []error {
	var errs []error
	last := 0
	d.root.walk(func(e *Element) {
		level := headingLevel(e.role)
		if level == 0 {
			return
		}
		if level > last+1 {
			want := "H1"
			if last > 0 {
				want = fmt.Sprintf("H1 to H%d", last+1)
			}
			errs = append(errs, fmt.Errorf("pdf: structure element %s: heading levels may not be skipped: after %s comes %s", e.path(), headingName(last), want))
		}
		last = level
	})
	return errs
}

func headingLevel(r Role) int {
	if len(r) == 2 && r[0] == 'H' && r[1] >= '1' && r[1] <= '6' {
		return int(r[1] - '0')
	}
	return 0
}

func headingName(level int) string {
	if level == 0 {
		return "the start of the document"
	}
	return "H" + strconv.Itoa(level)
}

// readGlyphs follows the text the glyphs drawn for e read as, against
// its ActualText: see plain. A glyph reads as the text its font's
// ToUnicode map gives it, which is settled once the glyph has any.
func (e *Element) readGlyphs(df *docFont, gs []Glyph) {
	if e.plain < 0 {
		return
	}
	if e.ActualText == "" || e.plain > 0 && e.ActualText != e.plainOf {
		e.plain = -1
		return
	}
	e.plainOf = e.ActualText
	for _, g := range gs {
		t := df.text[g.ID]
		if t == "" || !strings.HasPrefix(e.ActualText[e.plain:], t) {
			e.plain = -1
			return
		}
		e.plain += len(t)
	}
}

// needsActualText reports whether e's ActualText says more than its
// glyphs: whether the writer must write it.
func (e *Element) needsActualText() bool {
	if e.ActualText == "" {
		return false
	}
	if e.plain != len(e.ActualText) || e.plainOf != e.ActualText || e.role == Figure || e.role == Formula {
		return true
	}
	return slices.ContainsFunc(e.kids, func(k kid) bool { return k.elem != nil })
}

// walk calls fn for e and its subtree in reading order.
func (e *Element) walk(fn func(*Element)) {
	fn(e)
	for _, k := range e.kids {
		if k.elem != nil {
			k.elem.walk(fn)
		}
	}
}
