package leaflet

import (
	"reflect"
	"slices"

	"victimsite/internal/content"
	"victimsite/internal/problem"
)

// Checker runs Check on site after site, as the preview loads them, and
// gives the last answer again when nothing Check reads has changed: the
// settings, the strings (a load that reads them again makes a new
// bundle), and the pages outside their bodies (content.SameOutsideBody).
// Composing the discreet texts of every language against the titles of
// every crime page takes a while on a large site, and an edit to a page's
// text cannot change what it finds. It is not safe for concurrent use.
type Checker struct {
	last  Source
	probs problem.List
	runs  int // how many times Check ran, for tests
}

// Check returns Check(src), from the last answer when it still holds.
func (c *Checker) Check(src Source) problem.List {
	if c.last.Config == nil || !c.same(src) {
		c.probs = Check(src)
		c.runs++
	}
	c.last = src
	return slices.Clone(c.probs)
}

// same reports whether src gives Check the inputs it gave last time.
// Check reads src's settings, strings and pages, never its fonts.
func (c *Checker) same(src Source) bool {
	return src.Locales == c.last.Locales &&
		(src.Config == c.last.Config || reflect.DeepEqual(src.Config, c.last.Config)) &&
		content.SameOutsideBody(c.last.Content, src.Content)
}
