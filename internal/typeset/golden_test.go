package typeset

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/layout/*.golden from the current output")

// TestGolden sets each sample at 12 pt in 200 pt lines, in both weights,
// and compares every line, run and glyph with testdata/layout: a change in
// shaping, fonts, bidi or line breaking shows up here glyph by glyph.
func TestGolden(t *testing.T) {
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			var b strings.Builder
			for _, bold := range []bool{false, true} {
				st := testStyle(t, s.lang, 12)
				st.Bold = bold
				describeBlock(&b, mustLayout(t, s.text, st, 200), bold)
			}
			path := filepath.Join("testdata", "layout", s.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update to write it)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("%s differs from the output (go test -run TestGolden -update rewrites it):\n%s", path, firstDiff(got, string(want)))
			}
		})
	}
}

// describeBlock writes a block as text: one line per line, run and glyph.
// Lengths are in points, rounded to 1/1000.
func describeBlock(w *strings.Builder, b Block, bold bool) {
	fmt.Fprintf(w, "block dir=%v bold=%v width=%.3f height=%.3f\n", b.Dir, bold, b.Width, b.Height)
	for i, l := range b.Lines {
		fmt.Fprintf(w, "line %d %q width=%.3f height=%.3f ascent=%.3f descent=%.3f baseline=%.3f\n",
			i+1, l.Text, l.Width, l.Height, l.Ascent, l.Descent, l.Baseline)
		for _, r := range l.Runs {
			fmt.Fprintf(w, "  run %q %v level=%d x=%.3f width=%.3f font=%s size=%g lang=%s\n",
				r.Text, r.Dir, r.Level, r.X, r.Width, r.Font.Name(), r.Size, r.Lang)
			for _, g := range r.Glyphs {
				fmt.Fprintf(w, "    %5d adv=%.3f off=%.3f,%.3f %q\n", g.ID, g.XAdvance, g.XOffset, g.YOffset,
					r.Text[g.ClusterStart:g.ClusterEnd])
			}
		}
	}
}

// firstDiff returns the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, gl, wl)
		}
	}
	return ""
}
