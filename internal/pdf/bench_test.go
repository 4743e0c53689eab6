package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchWords are the words of the benchmark's text, which picks them in
// a fixed pseudo-random order: like a leaflet's prose, it does not repeat
// whole sentences, so the content streams compress as a real one would.
var benchWords = strings.Fields(`if you have been the victim of a crime you have rights under Code
	Practice for Victims Crime police will tell what happens next and Victim Support can help
	whether or not reported it ask an interpreter make Personal Statement to explain how
	affected Keep this leaflet safe has your reference number name officer in charge case
	contact within five working days by phone email letter visit court witness care unit
	compensation scheme Criminal Injuries Authority restorative justice meeting offender
	decision charge suspect arrested released bail conditions investigation evidence
	statement interview family friend support worker specialist advice free confidential
	services helpline open every day week hours call text online chat website address`)

// benchLines lays out n lines of about 80 characters each.
func benchLines(tb testing.TB, f *Font, size float64, n int) [][]Glyph {
	rng := rand.New(rand.NewPCG(1, 2))
	var lines [][]Glyph
	var line strings.Builder
	for len(lines) < n {
		w := benchWords[rng.IntN(len(benchWords))]
		if line.Len()+len(w) > 80 {
			lines = append(lines, glyphs(tb, f, size, line.String(), false))
			line.Reset()
		}
		line.WriteString(w + " ")
	}
	return lines
}

// benchLayout is the glyphs of the benchmark document, shaped once: the
// writer is measured, not the layout.
type benchLayout struct {
	regular, bold *Font
	heads, body   [][]Glyph
	footer        []Glyph
}

func newBenchLayout(b testing.TB) *benchLayout {
	regular, bold := loadFont(b, "NotoSans-Regular.ttf"), loadFont(b, "NotoSans-Bold.ttf")
	l := &benchLayout{regular: regular, bold: bold, body: benchLines(b, regular, 12, 60),
		footer: glyphs(b, regular, 9, "Information for victims of crime", false)}
	for i := range 8 {
		l.heads = append(l.heads, glyphs(b, bold, 16, fmt.Sprintf("Section %d: what happens next", i+1), false))
	}
	return l
}

// document builds the benchmark document: two A4 pages, each with a
// heading, four sections of a heading and paragraphs, a list, two links,
// and a footer.
func (l *benchLayout) document() *Document {
	d := New(Info{Title: "Information for victims of crime", Lang: "en-GB"})
	root := d.Root()
	line := 0
	for pg := range 2 {
		p := d.AddPage(A4)
		y := 60.0
		for s := range 4 {
			role := H2
			if s == 0 && pg == 0 {
				role = H1
			}
			h := root.Add(role)
			p.Begin(h)
			p.Text(Run{Font: l.bold, Size: 16, X: 56, Y: y, Glyphs: l.heads[pg*4+s]})
			p.End()
			y += 24
			para := root.Add(P)
			for range 7 {
				p.Begin(para)
				p.Text(Run{Font: l.regular, Size: 12, X: 56, Y: y, Glyphs: l.body[line%len(l.body)]})
				p.End()
				line++
				y += 16
			}
			if s%2 == 1 {
				link := para.Add(Link)
				p.Begin(link)
				p.Text(Run{Font: l.regular, Size: 12, X: 56, Y: y, Color: blue, Glyphs: l.body[0][:20]})
				p.End()
				p.Link(link, "https://www.victimsupport.org.uk/", Rect{X: 56, Y: y - 12, W: 120, H: 16})
				y += 16
			}
			y += 8
		}
		p.BeginArtifact(ArtifactFooter)
		p.Text(Run{Font: l.regular, Size: 9, X: 56, Y: 810, Glyphs: l.footer})
		p.End()
	}
	return d
}

// BenchmarkDocument writes the two-page document with warm fonts: the
// same glyphs as the last document, so the subset fonts come from the
// Fonts' caches, as in a bulk run of one leaflet.
func BenchmarkDocument(b *testing.B) {
	l := newBenchLayout(b)
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		out, err := l.document().Bytes()
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/doc")
}

// BenchmarkDocumentColdFonts writes the same document with empty font
// caches, so each document subsets and compresses its fonts: the cost of
// a leaflet whose glyphs no recent one had.
func BenchmarkDocumentColdFonts(b *testing.B) {
	l := newBenchLayout(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range []*Font{l.regular, l.bold} {
			f.subsets.clear()
			f.cmaps.clear()
		}
		if _, err := l.document().Bytes(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseFont parses Noto Sans, which a program does once per font.
func BenchmarkParseFont(b *testing.B) {
	data := loadFont(b, "NotoSans-Regular.ttf").data
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseFont(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompressionLevels compresses the streams of the benchmark
// document (two content streams, two subset fonts) at each zlib level, to
// choose flateLevel and cachedLevel: it reports the time and the bytes
// per document.
func BenchmarkCompressionLevels(b *testing.B) {
	l := newBenchLayout(b)
	d := l.document()
	var streams [][]byte
	for _, p := range d.pages {
		streams = append(streams, p.content)
	}
	for _, df := range d.fonts {
		streams = append(streams, df.font.subsetTrueType(nil, df.font.closure(df.used.list(nil))))
	}
	kinds := map[string][][]byte{"content": streams[:len(d.pages)], "fonts": streams[len(d.pages):]}
	for _, kind := range []string{"content", "fonts"} {
		for _, level := range []int{zlib.HuffmanOnly, zlib.BestSpeed, 2, 4, zlib.DefaultCompression, zlib.BestCompression} {
			b.Run(fmt.Sprintf("%s/level=%d", kind, level), func(b *testing.B) {
				benchCompress(b, kinds[kind], level)
			})
		}
	}
}

// benchCompress compresses the streams at a level, reporting the bytes.
func benchCompress(b *testing.B, streams [][]byte, level int) {
	var out bytes.Buffer
	w, _ := zlib.NewWriterLevel(&out, level)
	in := 0
	for _, s := range streams {
		in += len(s)
	}
	for b.Loop() {
		out.Reset()
		for _, s := range streams {
			w.Reset(&out)
			w.Write(s)
			w.Close()
		}
	}
	b.ReportMetric(float64(in), "in-bytes")
	b.ReportMetric(float64(out.Len()), "out-bytes")
}
