package site

import (
	"bytes"
	"cmp"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"victimsite/internal/content"
)

// order sorts the links of a list as readers of lang expect them: the
// steps of a step-by-step first, in their order; then the pages by
// weight, where a page's weight says so; and then, among pages of the
// same weight (or none), by title in alphabetical order for that
// language ("Kradzież" before "Łapówka" in Polish, "y" with "i" in
// Lithuanian). Titles not yet translated are sorted as they are shown.
func order(links []link, lang string) {
	col := collate.New(language.Make(lang))
	var buf collate.Buffer
	keys := make(map[string][]byte, len(links))
	for _, l := range links {
		keys[l.ID] = bytes.Clone(col.KeyFromString(&buf, l.Title))
		buf.Reset()
	}
	notStep := func(l link) int {
		if l.Step > 0 {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(links, func(a, b link) int {
		return cmp.Or(cmp.Compare(notStep(a), notStep(b)), cmp.Compare(a.Step, b.Step),
			cmp.Compare(a.weight, b.weight), bytes.Compare(keys[a.ID], keys[b.ID]))
	})
}

// stepNav is where a page sits in a step-by-step: its number, the whole
// list of steps, and the steps before and after it.
type stepNav struct {
	Number, Count int
	Section       link // the step-by-step's own page
	Steps         []link
	Prev, Next    *link
}

// stepNav builds the step-by-step around the step page src.
func (s *Site) stepNav(src *content.Page, lang, root string) *stepNav {
	sec := s.Content.Get(src.Section(), s.Content.Source())
	if sec == nil {
		return nil
	}
	nav := &stepNav{Number: src.Step, Section: s.linkTo(sec, lang, root)}
	for _, p := range s.Content.Children(sec.ID) {
		if p.Step == 0 {
			continue
		}
		l := s.linkTo(p, lang, root)
		l.Current, l.Summary = p.ID == src.ID, ""
		nav.Steps = append(nav.Steps, l)
	}
	slices.SortFunc(nav.Steps, func(a, b link) int { return cmp.Compare(a.Step, b.Step) })
	nav.Count = len(nav.Steps)
	for i, l := range nav.Steps {
		if !l.Current {
			continue
		}
		if i > 0 {
			nav.Prev = &nav.Steps[i-1]
		}
		if i+1 < len(nav.Steps) {
			nav.Next = &nav.Steps[i+1]
		}
	}
	return nav
}
