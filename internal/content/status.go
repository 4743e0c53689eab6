package content

// State is how a page stands in one language.
type State int

// The states of a page in a language, from best to worst.
const (
	Current  State = iota // translated from the current English text
	Draft                 // translated, not yet checked by a qualified translator
	Outdated              // translated from English text that has since changed
	Missing               // not translated: readers get the English text
)

func (s State) String() string {
	return [...]string{"current", "draft", "outdated", "missing"}[s]
}

// State reports how the page with the given id stands in lang. The source
// language is always current.
func (s *Set) State(id, lang string) State {
	p := s.Get(id, lang)
	switch {
	case p == nil:
		return Missing
	case lang == s.source:
		return Current
	case p.SourceHash != s.Get(id, s.source).Hash:
		return Outdated
	case p.DraftTranslation:
		return Draft
	}
	return Current
}
