package typeset

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind tells what a token is, which decides where a line may break
// inside it.
type tokenKind uint8

const (
	tokenNumber tokenKind = iota // a phone number or reference: never broken
	tokenURL                     // a web address or email: broken only after / . -
)

// token is a run of text that must read left to right as one piece in any
// paragraph: a web address, an email address, a reference of letters and
// digits ("LP-12345-26", "LP/12345/26"), or a number in several groups
// ("+44 (0)1522 000000", "12345-26", "01/02/2026"). start and end are
// byte offsets.
type token struct {
	start, end int
	kind       tokenKind
}

var (
	urlPattern = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"'()\[\]{}]+` +
		`|\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}\b(?:/[^\s<>"'()\[\]{}]*)?`)
	emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	// A number in groups, from where it starts: digits or (digits),
	// joined by at most one of space, no-break space, dot, slash or
	// hyphen, with an optional +.
	numberPattern = regexp.MustCompile(`^\+?(?:\(\p{Nd}+\)|\p{Nd}+)(?:[ \x{00A0}\x{202F}./-]?(?:\(\p{Nd}+\)|\p{Nd}+))*`)
	// A reference: groups of Latin letters and digits joined by single
	// hyphens or slashes. It is a token only if it holds both a letter
	// and a digit: inside right-to-left text the letters and the digits
	// would otherwise stand in separate runs, and the hyphen between them
	// would take the paragraph's direction ("LP-12345-26" would read
	// "12345-26-LP").
	refPattern = regexp.MustCompile(`[A-Za-z0-9\p{Nd}]+(?:[-/][A-Za-z0-9\p{Nd}]+)+`)
)

// findTokens returns the tokens of text in order, without overlaps.
// Addresses win over references, and references over numbers; a number
// is a token only if it has more than one group or starts with + or (,
// since plain digits need no help.
func findTokens(text string) []token {
	toks := findAddresses(text)
	for _, m := range refPattern.FindAllStringIndex(text, -1) {
		if s, e := m[0], m[1]; isReference(text[s:e]) && !overlaps(toks, s, e) {
			toks = append(toks, token{s, e, tokenNumber})
		}
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !numberStart(text, i, r) {
			i += n
			continue
		}
		m := numberPattern.FindStringIndex(text[i:])
		if m == nil {
			i += n
			continue
		}
		if s, e := i, i+m[1]; !plainDigits(text[s:e]) && !overlaps(toks, s, e) {
			toks = append(toks, token{s, e, tokenNumber})
		}
		i += m[1]
	}
	sort.Slice(toks, func(i, j int) bool { return toks[i].start < toks[j].start })
	return toks
}

// overlaps reports whether bytes [s, e) overlap one of toks.
func overlaps(toks []token, s, e int) bool {
	for _, t := range toks {
		if s < t.end && t.start < e {
			return true
		}
	}
	return false
}

// isReference reports whether a match of refPattern holds a Latin letter
// as well as a digit.
func isReference(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0 &&
		strings.IndexFunc(s, func(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }) >= 0
}

// numberStart reports whether a number token may start with r, at byte i
// of text: a digit, + or ( that does not follow a digit.
func numberStart(text string, i int, r rune) bool {
	if r != '+' && r != '(' && !unicode.IsDigit(r) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return i == 0 || !unicode.IsDigit(prev)
}

// findAddresses returns the web and email addresses in text. An address
// holds no space, so only words with a dot, slash or @ are searched.
func findAddresses(text string) []token {
	var toks []token
	for start := 0; start < len(text); {
		end := strings.IndexFunc(text[start:], unicode.IsSpace)
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if word := text[start:end]; strings.ContainsAny(word, "./@") {
			toks = appendAddresses(toks, word, start)
		}
		_, n := utf8.DecodeRuneInString(text[end:])
		start = end + max(n, 1)
	}
	return toks
}

// appendAddresses appends the addresses of one word, at byte offset
// off in the text, emails first.
func appendAddresses(toks []token, word string, off int) []token {
	var found []token
	for _, re := range []*regexp.Regexp{emailPattern, urlPattern} {
	matches:
		for _, m := range re.FindAllStringIndex(word, -1) {
			s, e := m[0], trimURLEnd(word, m[0], m[1])
			for _, t := range found {
				if s < t.end && t.start < e || e <= s {
					continue matches
				}
			}
			found = append(found, token{s, e, tokenURL})
		}
	}
	for _, t := range found {
		toks = append(toks, token{t.start + off, t.end + off, tokenURL})
	}
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
