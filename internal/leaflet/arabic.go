package leaflet

import "strings"

// Arabic letters change shape with their neighbours, and a PDF draws the
// glyphs it is given: fpdf does no shaping. So text is shaped here, in
// logical order, by replacing each letter with its presentation form
// (isolated, final, initial or medial, Unicode's Arabic Presentation
// Forms-B) and each lam followed by an alef with the lam-alef ligature.
// The bidi step then puts the shaped text in visual order.

// joining is how a letter joins its neighbours.
type joining uint8

const (
	joinNone  joining = iota // does not join (hamza, and every non-Arabic rune)
	joinRight                // joins only the letter before it (alef, dal, reh, waw…)
	joinDual                 // joins on both sides (beh, seen, lam…)
	joinCause                // tatweel: joins both sides, has no forms of its own
)

// arabicForm gives a letter's joining type and its isolated presentation
// form; the final form follows it, and for dual-joining letters the
// initial and medial forms follow that.
type arabicForm struct {
	join     joining
	isolated rune
}

var arabicForms = map[rune]arabicForm{
	0x0621: {joinNone, 0xFE80}, // hamza
	0x0622: {joinRight, 0xFE81}, 0x0623: {joinRight, 0xFE83}, 0x0624: {joinRight, 0xFE85},
	0x0625: {joinRight, 0xFE87}, 0x0626: {joinDual, 0xFE89}, 0x0627: {joinRight, 0xFE8D},
	0x0628: {joinDual, 0xFE8F}, 0x0629: {joinRight, 0xFE93}, 0x062A: {joinDual, 0xFE95},
	0x062B: {joinDual, 0xFE99}, 0x062C: {joinDual, 0xFE9D}, 0x062D: {joinDual, 0xFEA1},
	0x062E: {joinDual, 0xFEA5}, 0x062F: {joinRight, 0xFEA9}, 0x0630: {joinRight, 0xFEAB},
	0x0631: {joinRight, 0xFEAD}, 0x0632: {joinRight, 0xFEAF}, 0x0633: {joinDual, 0xFEB1},
	0x0634: {joinDual, 0xFEB5}, 0x0635: {joinDual, 0xFEB9}, 0x0636: {joinDual, 0xFEBD},
	0x0637: {joinDual, 0xFEC1}, 0x0638: {joinDual, 0xFEC5}, 0x0639: {joinDual, 0xFEC9},
	0x063A: {joinDual, 0xFECD}, 0x0640: {joinCause, 0x0640}, 0x0641: {joinDual, 0xFED1},
	0x0642: {joinDual, 0xFED5}, 0x0643: {joinDual, 0xFED9}, 0x0644: {joinDual, 0xFEDD},
	0x0645: {joinDual, 0xFEE1}, 0x0646: {joinDual, 0xFEE5}, 0x0647: {joinDual, 0xFEE9},
	0x0648: {joinRight, 0xFEED}, 0x0649: {joinRight, 0xFEEF}, 0x064A: {joinDual, 0xFEF1},
}

// lamAlef maps the alef that follows a lam to the isolated form of their
// ligature; the final form follows it.
var lamAlef = map[rune]rune{0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}

const lam = 0x0644

// transparent reports whether r is a mark that sits on a letter without
// breaking the joining around it (the harakat and superscript alef).
func transparent(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670 || (r >= 0x06D6 && r <= 0x06ED)
}

// hasArabic reports whether s holds any rune of the Arabic block.
func hasArabic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0600 && r <= 0x06FF })
}

// shapeArabic returns s with its Arabic letters in their presentation
// forms. Other text is unchanged.
func shapeArabic(s string) string {
	if !hasArabic(s) {
		return s
	}
	in := []rune(s)
	out := make([]rune, 0, len(in))
	for i := 0; i < len(in); i++ {
		r := in[i]
		f, ok := arabicForms[r]
		if !ok || f.join == joinCause {
			out = append(out, r)
			continue
		}
		before := joinsForward(in, i)
		if r == lam {
			if j := nextLetter(in, i); j > 0 {
				if lig, ok := lamAlef[in[j]]; ok {
					if before {
						lig++
					}
					out = append(out, lig)
					out = append(out, in[i+1:j]...) // marks on the lam
					i = j
					continue
				}
			}
		}
		after := f.join == joinDual && joinsBackward(in, i)
		out = append(out, formOf(f, before, after))
	}
	return string(out)
}

// formOf picks the presentation form for a letter that joins the letter
// before it, the letter after it, both or neither.
func formOf(f arabicForm, before, after bool) rune {
	switch {
	case before && after:
		return f.isolated + 3
	case after:
		return f.isolated + 2
	case before:
		return f.isolated + 1
	}
	return f.isolated
}

// joinsForward reports whether the letter before position i (skipping
// marks) joins towards the letter at i, and the letter at i can take it.
func joinsForward(in []rune, i int) bool {
	if arabicForms[in[i]].join == joinNone {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		if transparent(in[j]) {
			continue
		}
		f, ok := arabicForms[in[j]]
		return ok && (f.join == joinDual || f.join == joinCause)
	}
	return false
}

// joinsBackward reports whether the letter after position i (skipping
// marks) accepts a join from the letter at i.
func joinsBackward(in []rune, i int) bool {
	j := nextLetter(in, i)
	if j < 0 {
		return false
	}
	f, ok := arabicForms[in[j]]
	return ok && f.join != joinNone
}

// nextLetter returns the position of the first rune after i that is not a
// mark, or -1.
func nextLetter(in []rune, i int) int {
	for j := i + 1; j < len(in); j++ {
		if !transparent(in[j]) {
			return j
		}
	}
	return -1
}
