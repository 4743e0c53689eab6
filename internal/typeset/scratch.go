package typeset

// Scratch keeps the shaping of text set with NoCache for one caller, for
// as long as that caller holds it: a document that measures a victim's
// name and then sets it, perhaps twice, shapes it once. Nothing in a
// Scratch reaches a Stack's caches, so personal text is dropped with the
// Scratch. A Scratch is not safe for concurrent use; give each document
// its own.
type Scratch struct {
	paras map[scratchKey]*paragraph
	mine  map[string][]Span // texts told of by Personal
}

// scratchKey is a text shaped in a stack's fonts.
type scratchKey struct {
	stack *Stack
	cacheKey
}

// NewScratch returns an empty Scratch.
func NewScratch() *Scratch {
	return &Scratch{paras: make(map[scratchKey]*paragraph), mine: make(map[string][]Span)}
}

// Personal tells sc that of text, only the bytes in spans (and any
// digits) are personal; the rest is the site's own words. Text set with
// NoCache through sc is then shaped in pieces: the site's pieces through
// the stack's cache, so that they are shaped once for every document,
// and the personal ones in sc alone. Text never told of is personal
// throughout. Spans outside text are ignored.
func (sc *Scratch) Personal(text string, spans []Span) {
	sc.mine[text] = append([]Span{}, spans...)
}

// paragraph returns the shaping of text in st's stack, as
// [Stack.paragraph] does, kept in sc (when not nil) instead of the stack.
func (sc *Scratch) paragraph(text string, st Style, rtl bool) (*paragraph, error) {
	if sc == nil {
		return st.Stack.paragraph(text, st.Bold, st.Lang, rtl, !st.NoCache, nil)
	}
	k := scratchKey{st.Stack, cacheKey{text: text, bold: st.Bold, lang: st.Lang, rtl: rtl}}
	if p, ok := sc.paras[k]; ok {
		return p, nil
	}
	p, err := st.Stack.paragraph(text, st.Bold, st.Lang, rtl, false, sc.mine[text])
	if err == nil {
		sc.paras[k] = p
	}
	return p, err
}
