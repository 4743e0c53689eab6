package typeset

import (
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/vector"

	"victimsite/internal/browser"
)

var pngDir = flag.String("png", "", "write the rendered samples of TestRender as PNG files to this folder, to look at")

// pxPerPt is the resolution of rendered samples: 4 px per point (288 dpi).
const pxPerPt = 4.0

// render draws a block's glyph outlines into a grey image, the way a PDF
// writer would place them: each line's top at the running height, the
// baseline below it, right-to-left lines at the right margin, each glyph
// at its run's X plus the advances before it in the run, moved by its
// offsets.
func render(b Block, width float64) *image.Gray {
	w, h := int((width+8)*pxPerPt), int((b.Height+8)*pxPerPt)
	ras := vector.NewRasterizer(w, h)
	top := 4.0
	for _, l := range b.Lines {
		left := 4.0
		if b.Dir == RightToLeft {
			left += width - l.Width
		}
		for _, r := range l.Runs {
			face := font.NewFace(r.Font.font)
			pen := left + r.X
			for _, g := range r.Glyphs {
				x, y := pen+g.XOffset, top+l.Baseline-g.YOffset
				drawGlyph(ras, face, g.ID, r.Size/float64(r.Font.upem), x, y)
				pen += g.XAdvance
			}
		}
		top += l.Height
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	ink := image.NewUniform(color.Black)
	ras.Draw(img, img.Bounds(), ink, image.Point{})
	return img
}

// drawGlyph adds the outline of glyph id, scaled from font units to points
// by scale, with its origin at (x, y) points (y down), to ras.
func drawGlyph(ras *vector.Rasterizer, face *font.Face, id uint16, scale, x, y float64) {
	outline, ok := face.GlyphData(ot.GID(id)).(font.GlyphOutline)
	if !ok {
		return
	}
	pt := func(p ot.SegmentPoint) (float32, float32) {
		return float32((x + float64(p.X)*scale) * pxPerPt), float32((y - float64(p.Y)*scale) * pxPerPt)
	}
	for _, s := range outline.Segments {
		a, b, c := s.Args[0], s.Args[1], s.Args[2]
		switch s.Op {
		case ot.SegmentOpMoveTo:
			ras.ClosePath()
			ras.MoveTo(pt(a))
		case ot.SegmentOpLineTo:
			ras.LineTo(pt(a))
		case ot.SegmentOpQuadTo:
			ax, ay := pt(a)
			bx, by := pt(b)
			ras.QuadTo(ax, ay, bx, by)
		case ot.SegmentOpCubeTo:
			ax, ay := pt(a)
			bx, by := pt(b)
			cx, cy := pt(c)
			ras.CubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	ras.ClosePath()
}

// inkColumns returns the leftmost and rightmost columns of img that hold
// dark pixels, in points from the text's left edge; ok is false for a
// blank image.
func inkColumns(img *image.Gray) (left, right float64, ok bool) {
	b := img.Bounds()
	lo, hi := b.Max.X, -1
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if img.GrayAt(x, y).Y < 128 {
				lo, hi = min(lo, x), max(hi, x)
			}
		}
	}
	return float64(lo)/pxPerPt - 4, float64(hi+1)/pxPerPt - 4, hi >= 0
}

// TestRender draws one line of each script and checks that the ink lies
// where the line's metrics say: from near 0 to near Line.Width. With
// -png DIR it writes the images, to look at.
func TestRender(t *testing.T) {
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			st := testStyle(t, s.lang, 12)
			b, err := Layout(s.text, st, 1000)
			if err != nil {
				t.Fatal(err)
			}
			img := render(b, b.Width)
			left, right, ok := inkColumns(img)
			if !ok {
				t.Fatal("nothing drawn")
			}
			// Side bearings keep ink a little inside the advances, and
			// Nastaliq swashes reach a little beyond them.
			if w := b.Lines[0].Width; left < -3 || left > 3 || right < w-3 || right > w+3 {
				t.Errorf("ink from %.1f to %.1f pt, want about 0 to %.1f", left, right, w)
			}
			if *pngDir != "" {
				writePNG(t, filepath.Join(*pngDir, s.name+".png"), img)
			}
		})
	}
}

// TestRenderParagraphs draws the benchmark paragraphs in 200 pt columns,
// in both weights, and checks that no ink leaves the column (Nastaliq
// swashes may reach 5 pt beyond it). With -png DIR it writes the images.
func TestRenderParagraphs(t *testing.T) {
	const width = 200
	for _, p := range benchParagraphs {
		for _, bold := range []bool{false, true} {
			st := testStyle(t, p.lang, 12)
			st.Bold = bold
			b := mustLayout(t, p.text, st, width)
			img := render(b, width)
			left, right, ok := inkColumns(img)
			if !ok || left < -5 || right > width+5 {
				t.Errorf("%s (bold %v): ink from %.1f to %.1f pt, want within 0 to %d", p.name, bold, left, right, width)
			}
			if *pngDir != "" {
				name := p.name + "-paragraph"
				if bold {
					name += "-bold"
				}
				writePNG(t, filepath.Join(*pngDir, name+".png"), img)
			}
		}
	}
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestRenderDigitsOCR draws Arabic and Urdu sentences that hold a phone
// number and crime references, and reads them back with Debian's
// tesseract-ocr: they must come out in the order they are written, left
// to right, as a reader sees them on paper. Tesseract reads right-to-left
// letters as noise, so each sentence is checked for the pieces only.
func TestRenderDigitsOCR(t *testing.T) {
	tesseract := browser.Tool(t, "tesseract", "apt-get install -y tesseract-ocr")
	texts := map[string]string{
		"ar":     "اتصل بالشرطة على الرقم +44 (0)1522 000000 واذكر المرجع 12345-26.",
		"ur":     "پولیس سے رابطہ کریں: +44 (0)1522 000000، حوالہ 12345-26۔",
		"ar-ref": "المرجع LP-12345-26 أو LP/12345/26 فقط",
		"ur-ref": "حوالہ نمبر LP-12345-26 یا LP/12345/26 ہے",
	}
	wants := map[string][]string{
		"ar": {"+44(0)1522000000", "12345-26"}, "ur": {"+44(0)1522000000", "12345-26"},
		"ar-ref": {"LP-12345-26", "LP/12345/26"}, "ur-ref": {"LP-12345-26", "LP/12345/26"},
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			lang, _, _ := strings.Cut(name, "-")
			b := mustLayout(t, text, testStyle(t, lang, 12), 1000)
			path := filepath.Join(t.TempDir(), name+".png")
			writePNG(t, path, render(b, b.Width))
			out, err := exec.Command(tesseract, path, "-", "--psm", "7", "-l", "eng").Output()
			if err != nil {
				t.Fatalf("tesseract: %v", err)
			}
			read := strings.ReplaceAll(string(out), " ", "")
			for _, want := range wants[name] {
				if !strings.Contains(read, want) {
					t.Errorf("OCR read %q, want it to hold %q", out, want)
				}
			}
		})
	}
}
