package content

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// langMarks finds the marks that give a span or link its language.
var langMarks = regexp.MustCompile(`\{lang=[A-Za-z0-9-]*\}`)

// headingIDs makes heading ids from the heading text in any script, so an
// Arabic or Polish heading gets a readable, unique id (goldmark's own
// keeps only ASCII, which turns every Arabic heading into "-").
type headingIDs struct {
	seen map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{seen: map[string]bool{}} }

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	var b strings.Builder
	dash := false
	// A language mark, as in [Victim Lincs]{lang=en}, is not part of the words.
	for _, r := range strings.ToLower(langMarks.ReplaceAllString(string(value), "")) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	base := id
	for n := 2; h.seen[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	h.seen[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }
