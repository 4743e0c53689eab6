package content

import "reflect"

// SameOutsideBody reports whether two loads of a set hold the same pages
// in the same languages from the same source, alike in everything but
// what their bodies make: the same ids, files, front matter and lines of
// its keys. Checks that read only front matter (such as the leaflets')
// give the same answer for both; a text edit keeps this true.
func SameOutsideBody(a, b *Set) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.source != b.source || len(a.pages) != len(b.pages) || !reflect.DeepEqual(a.ids, b.ids) {
		return false
	}
	for _, p := range b.pages {
		q := a.Get(p.ID, p.Lang)
		if q == nil || (q != p && !reflect.DeepEqual(outsideBody(*q), outsideBody(*p))) {
			return false
		}
	}
	return true
}

// outsideBody returns a copy of p without what its body makes. A field
// added to Page is compared unless it is cleared here, so a new field
// never lets a stale answer through; BodyFields names those
// cleared.
func outsideBody(p Page) Page {
	p.Body, p.BodyLine, p.HTML, p.Headings, p.Hash = nil, 0, "", nil, ""
	p.links, p.anchors, p.fragments, p.files = nil, nil, nil, nil
	return p
}

// BodyFields are the fields of Page that SameOutsideBody leaves out: what a
// page's body makes. A check that reads none of them (leaflet.Checker) may
// give its last answer again while SameOutsideBody holds.
var BodyFields = []string{"Body", "BodyLine", "HTML", "Headings", "Hash", "links", "anchors", "fragments", "files"}
