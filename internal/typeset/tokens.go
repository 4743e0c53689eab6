package typeset

import (
	"regexp"
	"sort"
	"strings"
)

// tokenKind tells what a token is, which decides where a line may break
// inside it.
type tokenKind uint8

const (
	tokenNumber tokenKind = iota // a phone number or reference: never broken
	tokenURL                     // a web address or email: broken only after / . -
)

// token is a run of text that must read left to right as one piece in any
// paragraph: a web address, an email address, or a number in several
// groups ("+44 (0)1522 000000", "12345-26", "01/02/2026"). start and end
// are byte offsets.
type token struct {
	start, end int
	kind       tokenKind
}

var (
	urlPattern = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"'()\[\]{}]+` +
		`|\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}\b(?:/[^\s<>"'()\[\]{}]*)?`)
	emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	// A number in groups: digits or (digits), joined by at most one of
	// space, no-break space, dot, slash or hyphen, with an optional +.
	numberPattern = regexp.MustCompile(`\+?(?:\(\p{Nd}+\)|\p{Nd}+)(?:[ \x{00A0}\x{202F}./-]?(?:\(\p{Nd}+\)|\p{Nd}+))*`)
)

// findTokens returns the tokens of text in order, without overlaps.
// Addresses win over numbers; a number is a token only if it has more
// than one group or starts with + or (, since plain digits need no help.
func findTokens(text string) []token {
	var toks []token
	taken := func(s, e int) bool {
		for _, t := range toks {
			if s < t.end && t.start < e {
				return true
			}
		}
		return false
	}
	for _, re := range []*regexp.Regexp{emailPattern, urlPattern} {
		for _, m := range re.FindAllStringIndex(text, -1) {
			s, e := m[0], trimURLEnd(text, m[0], m[1])
			if e > s && !taken(s, e) {
				toks = append(toks, token{s, e, tokenURL})
			}
		}
	}
	for _, m := range numberPattern.FindAllStringIndex(text, -1) {
		if !plainDigits(text[m[0]:m[1]]) && !taken(m[0], m[1]) {
			toks = append(toks, token{m[0], m[1], tokenNumber})
		}
	}
	sort.Slice(toks, func(i, j int) bool { return toks[i].start < toks[j].start })
	return toks
}

// trimURLEnd drops punctuation that ends the sentence rather than the
// address, such as the full stop in "see www.example.org.".
func trimURLEnd(text string, start, end int) int {
	for end > start {
		switch text[end-1] {
		case '.', ',', ';', ':', '!', '?', '-':
			end--
		default:
			return end
		}
	}
	return end
}

// plainDigits reports whether s is one group of digits.
func plainDigits(s string) bool {
	return !strings.ContainsAny(s, "+() ./-\u00a0\u202f")
}
