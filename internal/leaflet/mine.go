package leaflet

import (
	"maps"
	"slices"
	"strings"

	"victimsite/internal/typeset"
)

// This file finds which bytes of a filled-in message are personal, so
// that the message's own words can be shaped once for every leaflet
// (typeset.Scratch.Personal) while the details are shaped for this
// leaflet alone. In an Urdu leaflet the sentences around the reference,
// the name and the date were most of the text shaped per victim.

// ownData is c.data for a message filled in with personal details: the
// text is own, and mine marks the bytes that came from data.
func (c *composer) ownData(id string, data map[string]any) text {
	t := own(c.data(id, data))
	if !c.r.wholeOwn {
		t.mine = filledSpans(t.s, func(d map[string]any) string { return c.strs.D(id, d) }, data)
	}
	return t
}

// markBase is the first of the private-use runes that stand in for the
// values while a message is filled in to find where they go: plane 15,
// which no message or translation uses.
const markBase = 0xF0000

// filledSpans returns the byte ranges of filled (fill(data)) that hold
// data's string values. It fills the message again with a mark in place
// of each value and puts the values back in: if that does not give
// filled again (a message that tests or changes a value), it returns
// nil, which leaves all of filled personal.
func filledSpans(filled string, fill func(map[string]any) string, data map[string]any) []typeset.Span {
	marked := maps.Clone(data)
	var values []string
	for _, k := range slices.Sorted(maps.Keys(data)) { // the same marks every time
		if v, ok := data[k].(string); ok {
			marked[k] = string(rune(markBase + len(values)))
			values = append(values, v)
		}
	}
	var b strings.Builder
	spans := []typeset.Span{}
	for _, r := range fill(marked) {
		i := int(r - markBase)
		if i < 0 || i >= len(values) {
			b.WriteRune(r)
			continue
		}
		start := b.Len()
		b.WriteString(values[i])
		spans = append(spans, typeset.Span{Start: start, End: b.Len()})
	}
	if b.String() != filled {
		return nil
	}
	return spans
}
