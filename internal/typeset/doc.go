// Package typeset sets text for the leaflets: it chooses fonts, shapes
// every script with HarfBuzz, orders mixed directions, and breaks
// paragraphs into lines of positioned glyphs. It knows nothing of PDF; a
// writer draws its output, and a layout places its lines on pages. It is
// the only package that imports github.com/go-text/typesetting.
//
// # Fonts
//
// [LoadFont] parses an OpenType font (TrueType or CFF outlines) from bytes
// and keeps them ([Font.Data]) for the writer to subset and embed. A
// [Library] loads fonts by file name from an fs.FS once each. A [Stack] is
// the ordered fonts of one language in two weights, built from [Family]
// names, so a site can configure other fonts per language;
// [DefaultFamilies] gives the stacks of the fonts in victimsite/fonts:
//
//	ar, fa   Noto Naskh Arabic, Noto Sans
//	ur       Noto Nastaliq Urdu, Noto Sans
//	pa       Noto Sans Gurmukhi, Noto Sans
//	others   Noto Sans (Latin, Cyrillic, Greek)
//
// # The glyph guarantee
//
// [Stack.Check] reports the first rune of a text that no font of the
// stack can draw, as a [*MissingGlyphError] with its byte offset, so the
// caller can refuse it and name the field. A base letter and its marks
// must come from one font. [Layout] makes the same check:
// nothing is drawn as a box or left blank. Runes that draw nothing
// ([Invisible]: spaces, controls, ZWJ, ZWNJ, bidi marks) need no glyph.
//
// # Setting a block
//
// [Layout] sets a text in a [Style] (stack, size, weight, language,
// direction, line height) to a width. In order:
//
//  1. Tokens. Web and email addresses, and numbers in several groups
//     (phone numbers such as "+44 (0)1522 000000", references such as
//     "12345-26", dates) are found in the text.
//  2. Direction. The Unicode Bidirectional Algorithm (UAX #9) gives each
//     rune an embedding level, with the paragraph direction from the
//     style (by default from its language). In text that holds anything
//     right to left, each token is a left-to-right isolate read left to
//     right throughout, so that a phone number inside an Arabic or Urdu
//     sentence is drawn as it is written. Text with nothing right to left
//     in it is all at level 0.
//  3. Fonts. Each grapheme takes the first font of the stack that draws
//     all of it. Digits and punctuation take the font of the letters next
//     to them at the same level, if it draws them; standing alone at their
//     level, as numbers, phone numbers and addresses in right-to-left text
//     do, they take the stack's first font with Latin letters (Noto Sans).
//     Spaces take the font of the grapheme before them at the same level,
//     else of the one after.
//  4. Shaping. Runs of one level, script and font are shaped by go-text's
//     port of HarfBuzz with their script and language, at the font's units
//     per em, and scaled to the size afterwards (go-text rounds a size to
//     whole points).
//  5. Lines. Lines break at UAX #14 opportunities, greedily, as far as
//     fits; inside an address only after / . or - (and not inside one that
//     would fit whole on the next line), and never inside a number token.
//     A word wider than the line is cut between graphemes. Where a cut runs
//     through letters that HarfBuzz shaped together (a kerned pair, a
//     joined Arabic word), the pieces are shaped again on their own, and
//     the line is measured again. A newline ends a line.
//  6. Order. Each line gets rule L1 (whitespace at its end takes the
//     paragraph level) and rule L2: its runs are put in visual order.
//
// Steps 1 to 4 depend only on the text, weight, language and direction,
// and are cached in the stack (a bounded cache; see [Stack.SetCacheSize]),
// and so is the whole Block for the size, line height and width it was
// set in, unless the style says NoCache, as it should for personal
// details. [Join] puts pieces of one line set apart side by side, so that
// a line of fixed text around a personal detail (a footer with a
// reference number) needs only the detail shaped. A sentence that wraps
// around details ("Call 101 and quote LP-12345-26") is told to its
// [Scratch] with [Scratch.Personal]: its words are then shaped once for
// every document, in pieces cut at spaces and script changes, and only
// the details for each.
//
// # Output
//
// A [Block] holds [Line]s, top to bottom; a line holds [Run]s in visual
// order, left to right, each in one font, size and direction, with its
// logical text, language and bidi level; a run holds [Glyph]s in visual
// order with glyph ids, advances and offsets in points, and the byte
// range of the run's text that each glyph's cluster stands for. Lengths
// are in points; y grows upwards within a line (a glyph's YOffset), and a
// line's Baseline is measured down from its top.
//
// # Limits
//
// Levels are exact for text without explicit embedding or isolate
// characters of its own (U+202A to U+202E, U+2066 to U+2069): with them,
// runs are still split and reversed by direction, but levels above 2 in a
// left-to-right paragraph are not told apart. No hyphen is added where a
// word is cut. Text is set horizontally only.
package typeset
