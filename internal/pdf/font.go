package pdf

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
)

// Font is a parsed TrueType font (or CFF-flavoured OpenType font), ready to
// be embedded in any number of documents. ParseFont reads everything a
// document needs once; afterwards a Font is only read, so one *Font may be
// shared by documents built at the same time on several goroutines.
//
// The Font keeps the slice given to ParseFont (it is not copied): the
// caller must not change those bytes afterwards.
type Font struct {
	data       []byte
	cff        bool   // CFF outlines: embedded whole as FontFile3/OpenType
	name       string // PostScript name, safe to use as a PDF name
	unitsPerEm int
	numGlyphs  int
	advances   []uint16  // per glyph, font units
	widths     []float64 // per glyph, as the W array gives it (see width)
	lsbs       []int16   // per glyph, font units (TrueType subsets keep them)

	// TrueType outlines and the tables a subset copies.
	loca             []uint32 // numGlyphs+1 offsets into glyf
	components       [][]uint16
	glyf             []byte
	head, hhea, maxp []byte

	desc descriptor // FontDescriptor values, in 1/1000 em

	kept    []Glyph            // glyphs every document embeds (Keep)
	subsets lru[*embeddedFont] // by glyph set
	cmaps   lru[[]byte]        // compressed ToUnicode CMaps, by their text
}

// descriptor holds the FontDescriptor entries, worked out once per font.
type descriptor struct {
	flags                      int
	bbox                       [4]float64
	italicAngle                float64
	ascent, descent, capHeight float64
	stemV                      float64
}

// errFont wraps every problem with a font's bytes, so the caller's message
// says what was wrong without a stack of contexts.
var errFont = errors.New("font")

func fontErrorf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errFont, fmt.Sprintf(format, args...))
}

// ParseFont reads a TrueType font (an sfnt with glyf outlines), or an
// OpenType font with non-CID-keyed CFF outlines. Font collections (.ttc),
// WOFF, CID-keyed CFF and fonts whose licence forbids embedding are
// refused with an error that says so.
func ParseFont(data []byte) (*Font, error) {
	tables, err := readTableDirectory(data)
	if err != nil {
		return nil, err
	}
	f := &Font{data: data}
	if err := f.readHead(tables); err != nil {
		return nil, err
	}
	if err := f.readMetrics(tables); err != nil {
		return nil, err
	}
	if cff, ok := tables["CFF "]; ok {
		if err := checkCFF(cff); err != nil {
			return nil, err
		}
		f.cff = true
	} else if err := f.readOutlines(tables); err != nil {
		return nil, err
	}
	if err := f.readDescriptor(tables); err != nil {
		return nil, err
	}
	f.name = postScriptName(tables["name"])
	return f, nil
}

// Name is the font's PostScript name (from its name table), reduced to the
// characters a PDF name may hold.
func (f *Font) Name() string { return f.name }

// NumGlyphs is the number of glyphs in the font; glyph ids run from 0 to
// NumGlyphs()-1.
func (f *Font) NumGlyphs() int { return f.numGlyphs }

// UnitsPerEm is the size of the font's design grid.
func (f *Font) UnitsPerEm() int { return f.unitsPerEm }

// Advance is the advance width of glyph gid in the font's hmtx table, in
// ems (multiply by the font size in points to get points). It is 0 for a
// glyph id out of range.
func (f *Font) Advance(gid uint16) float64 {
	if int(gid) >= f.numGlyphs {
		return 0
	}
	return float64(f.advances[gid]) / float64(f.unitsPerEm)
}

// width is a glyph's width as the W array gives it: thousandths of an em,
// rounded to what the PDF writes, so that TJ adjustments computed against
// it place each glyph exactly where the caller asked.
func (f *Font) width(gid uint16) float64 { return f.widths[gid] }

// readTableDirectory returns the font's tables by tag, each checked to lie
// inside data.
func readTableDirectory(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, fontErrorf("%d bytes is too short for a font", len(data))
	}
	switch tag := string(data[:4]); tag {
	case "\x00\x01\x00\x00", "true", "OTTO":
	case "ttcf":
		return nil, fontErrorf("a font collection (.ttc) is not supported: give one font of it as a .ttf file")
	case "wOFF", "wOF2":
		return nil, fontErrorf("WOFF fonts are not supported: give the font as a .ttf file")
	default:
		return nil, fontErrorf("not a TrueType or OpenType font (it starts with %q)", tag)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return nil, fontErrorf("table directory of %d tables runs past the end of the file", n)
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off := uint64(binary.BigEndian.Uint32(rec[8:]))
		length := uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+length > uint64(len(data)) {
			return nil, fontErrorf("table %q runs past the end of the file", tag)
		}
		tables[tag] = data[off : off+length : off+length]
	}
	return tables, nil
}

// need returns a table that must be there and be at least size bytes long.
func need(tables map[string][]byte, tag string, size int) ([]byte, error) {
	t, ok := tables[tag]
	if !ok {
		return nil, fontErrorf("the %q table is missing", tag)
	}
	if len(t) < size {
		return nil, fontErrorf("the %q table is %d bytes, want at least %d", tag, len(t), size)
	}
	return t, nil
}

func u16(b []byte, off int) int { return int(binary.BigEndian.Uint16(b[off:])) }
func i16(b []byte, off int) int { return int(int16(binary.BigEndian.Uint16(b[off:]))) }

func (f *Font) readHead(tables map[string][]byte) error {
	head, err := need(tables, "head", 54)
	if err != nil {
		return err
	}
	f.head = head
	f.unitsPerEm = u16(head, 18)
	if f.unitsPerEm < 16 || f.unitsPerEm > 16384 {
		return fontErrorf("unitsPerEm is %d, want 16 to 16384", f.unitsPerEm)
	}
	if i16(head, 50) != 0 && i16(head, 50) != 1 {
		return fontErrorf("indexToLocFormat is %d, want 0 or 1", i16(head, 50))
	}
	maxp, err := need(tables, "maxp", 6)
	if err != nil {
		return err
	}
	f.maxp = maxp
	f.numGlyphs = u16(maxp, 4)
	if f.numGlyphs == 0 {
		return fontErrorf("the font has no glyphs")
	}
	return nil
}

// readMetrics reads hhea and hmtx: every glyph's advance and left side
// bearing.
func (f *Font) readMetrics(tables map[string][]byte) error {
	hhea, err := need(tables, "hhea", 36)
	if err != nil {
		return err
	}
	f.hhea = hhea
	long := u16(hhea, 34)
	if long == 0 || long > f.numGlyphs {
		return fontErrorf("numberOfHMetrics is %d, want 1 to %d", long, f.numGlyphs)
	}
	hmtx, err := need(tables, "hmtx", 4*long+2*(f.numGlyphs-long))
	if err != nil {
		return err
	}
	f.advances = make([]uint16, f.numGlyphs)
	f.lsbs = make([]int16, f.numGlyphs)
	f.widths = make([]float64, f.numGlyphs)
	for g := range f.numGlyphs {
		if g < long {
			f.advances[g] = uint16(u16(hmtx, 4*g))
			f.lsbs[g] = int16(i16(hmtx, 4*g+2))
		} else {
			f.advances[g] = f.advances[long-1]
			f.lsbs[g] = int16(i16(hmtx, 4*long+2*(g-long)))
		}
		f.widths[g] = round3(float64(f.advances[g]) * 1000 / float64(f.unitsPerEm))
	}
	return nil
}

// readOutlines reads loca and the composite glyphs' components, so that a
// subset never has to check the font again.
func (f *Font) readOutlines(tables map[string][]byte) error {
	glyf, ok := tables["glyf"]
	if !ok {
		return fontErrorf("the font has neither TrueType (glyf) nor CFF outlines")
	}
	short := i16(f.head, 50) == 0
	size := 4
	if short {
		size = 2
	}
	loca, err := need(tables, "loca", size*(f.numGlyphs+1))
	if err != nil {
		return err
	}
	f.glyf = glyf
	f.loca = make([]uint32, f.numGlyphs+1)
	for i := range f.loca {
		if short {
			f.loca[i] = 2 * uint32(u16(loca, 2*i))
		} else {
			f.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		}
		if f.loca[i] > uint32(len(glyf)) || i > 0 && f.loca[i] < f.loca[i-1] {
			return fontErrorf("loca entry %d (%d) is out of order or past the glyf table", i, f.loca[i])
		}
	}
	f.components = make([][]uint16, f.numGlyphs)
	for g := range f.numGlyphs {
		comps, err := f.readComponents(uint16(g))
		if err != nil {
			return err
		}
		f.components[g] = comps
	}
	return nil
}

// glyph returns the outline data of glyph g.
func (f *Font) glyph(g uint16) []byte { return f.glyf[f.loca[g]:f.loca[g+1]] }

// Flags of a composite glyph's component record.
const (
	argsAreWords  = 0x0001
	haveScale     = 0x0008
	moreComps     = 0x0020
	haveXYScale   = 0x0040
	haveTwoByTwo  = 0x0080
	haveInstructs = 0x0100
)

// readComponents lists the glyphs a composite glyph is built from (nil
// for a simple or empty glyph).
func (f *Font) readComponents(g uint16) ([]uint16, error) {
	data := f.glyph(g)
	if len(data) == 0 {
		return nil, nil
	}
	if len(data) < 10 {
		return nil, fontErrorf("glyph %d is %d bytes, shorter than its header", g, len(data))
	}
	if i16(data, 0) >= 0 {
		return nil, nil
	}
	var comps []uint16
	for off := 10; ; {
		if off+4 > len(data) {
			return nil, fontErrorf("composite glyph %d runs past its end", g)
		}
		flags, comp := u16(data, off), u16(data, off+2)
		if comp >= f.numGlyphs {
			return nil, fontErrorf("composite glyph %d uses glyph %d, past the last glyph %d", g, comp, f.numGlyphs-1)
		}
		comps = append(comps, uint16(comp))
		off += 4 + componentArgSize(flags)
		if flags&moreComps == 0 {
			if off > len(data) {
				return nil, fontErrorf("composite glyph %d runs past its end", g)
			}
			return comps, nil
		}
	}
}

// componentArgSize is the size of a component record after its flags and
// glyph index.
func componentArgSize(flags int) int {
	n := 2
	if flags&argsAreWords != 0 {
		n = 4
	}
	switch {
	case flags&haveScale != 0:
		n += 2
	case flags&haveXYScale != 0:
		n += 4
	case flags&haveTwoByTwo != 0:
		n += 8
	}
	return n
}

// round3 rounds to thousandths, the precision the PDF is written in.
func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// lru keeps the last few values computed for a font, keyed by a hash of
// what they were computed from, so that documents drawing the same glyphs
// (the same leaflet for many victims) subset and compress once. It is
// safe for use by several goroutines.
type lru[V any] struct {
	limit  int // values kept; 0: maxCached
	mu     sync.Mutex
	keys   [][32]byte // most recently used last
	values []V
}

// maxCached bounds the memory a Font holds in each of its caches: a
// subset of a leaflet's glyphs is some 2 to 20 KB compressed, so a few
// MB at most. A bulk run of 1,000 leaflets in every language and crime
// of a site (all sharing Noto Sans) meets some hundreds of glyph sets:
// with 16 kept, half the fonts embedded were subset and compressed
// again; with 64, 42%; with 256, 24%. At 128, BenchmarkLeaflet took
// about 0.4 ms less CPU a leaflet than at 16.
const maxCached = 128

func (c *lru[V]) get(key [32]byte) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, k := range c.keys {
		if k == key {
			v := c.values[i]
			c.keys = append(append(c.keys[:i], c.keys[i+1:]...), k)
			c.values = append(append(c.values[:i], c.values[i+1:]...), v)
			return v, true
		}
	}
	var zero V
	return zero, false
}

func (c *lru[V]) put(key [32]byte, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if slices.Contains(c.keys, key) {
		return // another document made the same one meanwhile
	}
	if limit := cmp.Or(c.limit, maxCached); len(c.keys) >= limit {
		c.keys, c.values = c.keys[1:], c.values[1:]
	}
	c.keys, c.values = append(c.keys, key), append(c.values, v)
}

// clear empties the cache (for the benchmarks of cold fonts).
func (c *lru[V]) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keys, c.values = nil, nil
}

// Keep makes every document that draws with f embed the glyphs given, each
// standing for its Text, as well as the glyphs it draws. Text that differs
// from one document to the next (a reference number, a phone number) then
// leaves the font's subset the same, so that documents share one subset
// and ToUnicode map, compressed once, instead of each making its own.
// A drawn glyph that Keep gave stands for the Keep text. Glyph ids out of
// range are left out. Call Keep before any document draws with f; it is
// not safe to call while documents are being made.
func (f *Font) Keep(glyphs ...Glyph) {
	for _, g := range glyphs {
		if int(g.ID) < f.numGlyphs {
			f.kept = append(f.kept, Glyph{ID: g.ID, Text: g.Text})
		}
	}
}
