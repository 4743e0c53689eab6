package typeset

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode/utf8"
)

// Family names the font files of one typeface in the two weights a
// leaflet uses. Bold may be empty: bold text is then drawn in Regular.
// LineHeight, when above zero, replaces the line height in ems that the
// regular and bold fonts report (see [Font.LineHeight]), even below their
// ascent plus descent; a line is then opened only where its ink would
// come near the next line's (see [Style]).
type Family struct {
	Regular    string
	Bold       string
	LineHeight float64
}

// DefaultFamilies returns the font families for a language (a BCP 47 tag
// such as "ur" or "pa-IN"), by the file names of the fonts in the
// victimsite/fonts package: Noto Naskh Arabic for Arabic and Persian, Noto
// Nastaliq Urdu for Urdu, Noto Sans Gurmukhi for Panjabi, each followed by
// Noto Sans; Noto Sans alone (Latin, Cyrillic, Greek) for every other
// language.
func DefaultFamilies(lang string) []Family {
	sans := Family{Regular: "NotoSans-Regular.ttf", Bold: "NotoSans-Bold.ttf"}
	switch primaryLanguage(lang) {
	case "ar", "fa", "ps", "ckb", "sd":
		return []Family{{Regular: "NotoNaskhArabic-Regular.ttf", Bold: "NotoNaskhArabic-Bold.ttf"}, sans}
	case "ur":
		return []Family{{Regular: "NotoNastaliqUrdu-Regular.ttf", Bold: "NotoNastaliqUrdu-Bold.ttf"}, sans}
	case "pa":
		return []Family{{Regular: "NotoSansGurmukhi-Regular.ttf", Bold: "NotoSansGurmukhi-Bold.ttf"}, sans}
	}
	return []Family{sans}
}

// Library loads font files from a file system by name, once each, so that
// stacks of different languages share one *Font for a file (Noto Sans is
// in every stack, and a PDF embeds it once). It is safe for concurrent use.
type Library struct {
	fsys         fs.FS
	mu           sync.Mutex
	fonts        map[string]*Font
	cutsAtSpaces bool // see CutAtSpaces
}

// NewLibrary returns a Library that reads font files from fsys.
func NewLibrary(fsys fs.FS) *Library {
	return &Library{fsys: fsys, fonts: make(map[string]*Font)}
}

// CutAtSpaces tells l that in its fonts no shaping reaches across a space
// (no kerning, ligature or contextual form takes a space and the letter
// beside it together), and returns l. Personal text set in them is then
// cut at spaces as well as where the script changes (Scratch.Personal).
// The embedded Noto fonts are such fonts (TestPiecesShapeAsWhole holds
// them to it); many others are not: Liberation Sans kerns " A" and " Y".
// Call it before the first Font.
func (l *Library) CutAtSpaces() *Library {
	l.cutsAtSpaces = true
	return l
}

// Font returns the font in the file called name, loading it on first use.
func (l *Library) Font(name string) (*Font, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if f, ok := l.fonts[name]; ok {
		return f, nil
	}
	data, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		return nil, fmt.Errorf("load font: %w", err)
	}
	f, err := LoadFont(name, data)
	if err != nil {
		return nil, err
	}
	f.cutsAtSpaces = l.cutsAtSpaces
	l.fonts[name] = f
	return f, nil
}

// Stack loads the families' fonts and returns them as a stack, in the
// order given: for each character the first family that can draw it is
// used. It reports every font that fails to load.
func (l *Library) Stack(families ...Family) (*Stack, error) {
	if len(families) == 0 {
		return nil, errors.New("font stack: no font families given")
	}
	var regular, bold []*Font
	var errs []error
	for _, fam := range families {
		r, b, err := l.family(fam)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		regular, bold = append(regular, r), append(bold, b)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s, err := NewStack(regular, bold)
	if err != nil {
		return nil, err
	}
	for i, fam := range families {
		if fam.LineHeight > 0 {
			s.leading[regular[i]], s.leading[bold[i]] = fam.LineHeight, fam.LineHeight
		}
	}
	return s, nil
}

// family loads the two weights of fam.
func (l *Library) family(fam Family) (regular, bold *Font, err error) {
	if fam.Regular == "" {
		return nil, nil, errors.New("font stack: a family has no regular font file")
	}
	if regular, err = l.Font(fam.Regular); err != nil {
		return nil, nil, err
	}
	bold = regular
	if fam.Bold != "" {
		if bold, err = l.Font(fam.Bold); err != nil {
			return nil, nil, err
		}
	}
	return regular, bold, nil
}

// Stack is an ordered list of fonts for one language, in a regular and a
// bold weight, with the shaping machinery and a bounded cache of shaped
// text. A Stack is safe for concurrent use; build it once per language and
// share it.
type Stack struct {
	regular, bold []*Font
	leading       map[*Font]float64 // line heights set by a Family
	pool          sync.Pool         // of *shaper
	cache         *runeCache[cacheKey, *paragraph]
	blocks        *runeCache[blockKey, Block]   // whole layouts, shared with their callers
	items         *runeCache[itemKey, []sglyph] // the site's pieces of personal text (pieces.go)
}

// DefaultCacheRunes is how many runes of shaped text a new Stack keeps,
// about 8 MB, and how many of laid-out text, as much again; see
// [Stack.SetCacheSize].
const DefaultCacheRunes = 1 << 17

// NewStack returns a stack of the given fonts, regular[i] and bold[i]
// being the two weights of one typeface. Both lists must have the same,
// non-zero length.
func NewStack(regular, bold []*Font) (*Stack, error) {
	if len(regular) == 0 || len(regular) != len(bold) {
		return nil, fmt.Errorf("font stack: %d regular and %d bold fonts; give one of each per family", len(regular), len(bold))
	}
	for i := range regular {
		if regular[i] == nil || bold[i] == nil {
			return nil, errors.New("font stack: a font is nil")
		}
	}
	s := &Stack{regular: regular, bold: bold, leading: make(map[*Font]float64),
		cache: newRuneCache[cacheKey, *paragraph](DefaultCacheRunes), blocks: newRuneCache[blockKey, Block](DefaultCacheRunes),
		items: newRuneCache[itemKey, []sglyph](DefaultCacheRunes)}
	s.pool.New = func() any { return newShaper() }
	return s, nil
}

// Fonts returns the stack's fonts of one weight, in order.
func (s *Stack) Fonts(bold bool) []*Font {
	if bold {
		return append([]*Font(nil), s.bold...)
	}
	return append([]*Font(nil), s.regular...)
}

// LineHeight returns the line height in ems that the stack uses for f:
// the one its [Family] set, or else [Font.LineHeight].
func (s *Stack) LineHeight(f *Font) float64 {
	if h, ok := s.leading[f]; ok {
		return h
	}
	return f.LineHeight()
}

// SetCacheSize bounds the cache of shaped text to about runes runes (the
// least recently used text is dropped first), and the caches of whole
// layouts and of the site's pieces of personal text likewise; 0 turns
// them off. Text longer than the bound is
// shaped but not kept.
func (s *Stack) SetCacheSize(runes int) {
	s.cache.setLimit(runes)
	s.blocks.setLimit(runes)
	s.items.setLimit(runes)
}

// Keeps reports whether the stack's caches hold a text that contains sub:
// for checking that text set with NoCache (a victim's name) stays out.
func (s *Stack) Keeps(sub string) bool {
	return s.cache.any(func(k cacheKey) bool { return strings.Contains(k.text, sub) }) ||
		s.blocks.any(func(k blockKey) bool { return strings.Contains(k.text, sub) }) ||
		s.items.any(func(k itemKey) bool { return strings.Contains(k.text, sub) })
}

// fonts returns the stack's fonts of one weight without copying.
func (s *Stack) fonts(bold bool) []*Font {
	if bold {
		return s.bold
	}
	return s.regular
}

// Check returns a *MissingGlyphError for the first rune of text that no
// font of the stack (in the given weight) can draw, alone or together with
// the characters it combines with (a base letter and its marks must come
// from one font); an error wrapping [ErrInvalidUTF8] for text that is not
// UTF-8; and nil when all of text can be drawn. Runes that draw nothing
// (see [Invisible]) need no glyph. [Layout] makes the same check, so that
// nothing is ever drawn as a box.
func (s *Stack) Check(text string, bold bool) error {
	fonts := s.fonts(bold)
	if err := checkRunes(fonts, text); err != nil {
		return err
	}
	sh := s.pool.Get().(*shaper)
	defer s.pool.Put(sh)
	sh.seg.Init([]rune(text))
	for it := sh.seg.GraphemeIterator(); it.Next(); {
		g := it.Grapheme()
		if err := checkGrapheme(fonts, g.Text, text, g.OffsetInBytes); err != nil {
			return err
		}
	}
	return nil
}

// checkRunes is the first half of Check: valid UTF-8, and a font for
// every rune.
func checkRunes(fonts []*Font, text string) error {
	for i, r := range text {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(text[i:]); n == 1 {
				return fmt.Errorf("%w (byte %d)", ErrInvalidUTF8, i)
			}
		}
		if firstCovering(fonts, r) < 0 {
			return &MissingGlyphError{Rune: r, Offset: i}
		}
	}
	return nil
}

// checkGrapheme is the second half of Check: one font for all the runes
// of a grapheme, which starts at byte offset in text.
func checkGrapheme(fonts []*Font, g []rune, text string, offset int) error {
	if len(g) < 2 || coveringFontOf(fonts, g) >= 0 {
		return nil
	}
	n := 0
	for _, r := range g {
		n += utf8.RuneLen(r)
	}
	return combiningError(fonts, text[offset:offset+n], offset)
}

// coveringFontOf returns the index of the first font that draws all of
// rs, or -1.
func coveringFontOf(fonts []*Font, rs []rune) int {
	for i, f := range fonts {
		if f.coversAll(rs) {
			return i
		}
	}
	return -1
}

// combiningError reports the first rune of a grapheme (starting at byte
// offset in the text) that the font of its first visible rune lacks.
func combiningError(fonts []*Font, grapheme string, offset int) error {
	var base *Font
	for i, r := range grapheme {
		if base == nil && !Invisible(r) {
			base = fonts[firstCovering(fonts, r)]
		}
		if base != nil && !base.Covers(r) {
			return &MissingGlyphError{Rune: r, Offset: offset + i, Combining: true}
		}
	}
	return &MissingGlyphError{Rune: []rune(grapheme)[0], Offset: offset, Combining: true}
}

// firstCovering returns the index of the first font that covers r, or -1.
func firstCovering(fonts []*Font, r rune) int {
	for i, f := range fonts {
		if f.Covers(r) {
			return i
		}
	}
	return -1
}
