// Package phone finds a site's phone numbers in text, so that every number
// a reader may call becomes a tel: link, on a page or around it.
//
// A Matcher knows the numbers of the contacts in site.toml. Find looks for
// them in any text, however their digits are spaced ("0800 33 4 55 00" or
// "0800334 5500"), as whole numbers only: 101 is found in "call 101", not
// in "1010" or in a crime reference such as LP-101-26. A number that is
// not a contact is never linked, so a time limit or a date stays text.
package phone

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Matcher finds known phone numbers in text. It is safe for concurrent use.
type Matcher struct {
	known map[string]bool // digits only
	key   string
}

// New returns a Matcher for the given numbers, written in any spacing.
// Numbers with no digit are left out.
func New(numbers ...string) *Matcher {
	m := &Matcher{known: map[string]bool{}}
	var digits []string
	for _, n := range numbers {
		if d := Tel(n); d != "" && !m.known[d] {
			m.known[d] = true
			digits = append(digits, d)
		}
	}
	slices.Sort(digits)
	m.key = strings.Join(digits, ",")
	return m
}

// Key identifies the numbers the Matcher knows: two Matchers with the same
// Key find the same matches.
func (m *Matcher) Key() string {
	if m == nil {
		return ""
	}
	return m.key
}

// Tel returns the digits of a number, for a tel: link: "01522 947510"
// gives "01522947510". A leading + is kept.
func Tel(number string) string {
	var b strings.Builder
	for i, r := range number {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		}
	}
	if b.String() == "+" {
		return ""
	}
	return b.String()
}

// A Match is a known number found in text: text[Start:End] is the number
// as written, and Tel its digits.
type Match struct {
	Start, End int
	Tel        string
}

// group is a run of digits in text, at text[start:end].
type group struct{ start, end int }

// Find returns the known numbers in text, in order.
func (m *Matcher) Find(text string) []Match {
	if m == nil || len(m.known) == 0 {
		return nil
	}
	var out []Match
	for i := 0; i < len(text); {
		if !isDigit(text[i]) || !startsNumber(text, i) {
			i++
			continue
		}
		groups := digitGroups(text, i)
		found := false
		for first := range groups {
			if mt, ok := m.longest(text, groups[first:]); ok {
				out = append(out, mt)
				i, found = mt.End, true
				break
			}
		}
		if !found {
			i = groups[len(groups)-1].end
		}
	}
	return out
}

// longest returns the longest run of groups, from the first, that spells
// a known number and ends where a number may end.
func (m *Matcher) longest(text string, groups []group) (Match, bool) {
	digits := ""
	best, ok := Match{}, false
	for _, g := range groups {
		digits += text[g.start:g.end]
		if m.known[digits] && endsNumber(text, g.end) {
			best, ok = Match{Start: groups[0].start, End: g.end, Tel: digits}, true
		}
	}
	return best, ok
}

// digitGroups returns the runs of digits from i on that are separated by
// one space (or no-break space) each.
func digitGroups(text string, i int) []group {
	var groups []group
	for {
		start := i
		for i < len(text) && isDigit(text[i]) {
			i++
		}
		groups = append(groups, group{start, i})
		gap := spaceAt(text, i)
		if gap == 0 || i+gap >= len(text) || !isDigit(text[i+gap]) {
			return groups
		}
		i += gap
	}
}

// spaceAt returns the length of the space at text[i], or 0.
func spaceAt(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	if text[i] == ' ' {
		return 1
	}
	if r, size := utf8.DecodeRuneInString(text[i:]); r == '\u00a0' || r == '\u202f' {
		return size
	}
	return 0
}

// startsNumber reports whether a number may start at text[i]: not inside
// a word, a longer number or a reference such as LP-12345-26.
func startsNumber(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !joins(r)
}

// endsNumber reports whether a number may end at text[i].
func endsNumber(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	if r == '.' || r == ',' { // the end of a sentence, unless a decimal follows
		return i+1 >= len(text) || !isDigit(text[i+1])
	}
	return !joins(r)
}

// joins reports whether r binds a number to what is beside it.
func joins(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_/+.:@#", r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
