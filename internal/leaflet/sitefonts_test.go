package leaflet

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// TestSiteFontProblems: a font file site.toml names that is not there or
// is no font is reported by Load, and refused by New, at the line of
// site.toml that names it, with what to do.
func TestSiteFontProblems(t *testing.T) {
	font, err := os.ReadFile("../../fonts/NotoNastaliqUrdu-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, toml string
		files      map[string]string
		want       string // "" for none
	}{
		{"regular and bold there", "regular = \"fonts/R.ttf\"\nbold = \"type/B.otf\"\n",
			map[string]string{"fonts/R.ttf": string(font), "type/B.otf": string(font)}, ""},
		{"regular missing", "regular = \"fonts/R.ttf\"\n", nil,
			`[leaflet.fonts.pl]: the regular font "fonts/R.ttf" is not in the site's folder; put the font file there`},
		{"bold not a font", "regular = \"fonts/R.ttf\"\nbold = \"fonts/B.ttf\"\n",
			map[string]string{"fonts/R.ttf": string(font), "fonts/B.ttf": "<html>not a font</html>"},
			`[leaflet.fonts.pl]: the bold font "fonts/B.ttf" cannot be used (`},
		{"a folder, not a file", "regular = \"fonts\"\n", map[string]string{"fonts/R.ttf": string(font)},
			`[leaflet.fonts.pl]: "fonts" is not a .ttf or .otf font file`}, // config's problem, not read as a font too
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys, line := withSiteFonts(t, tt.toml, tt.files)
			at := fmt.Sprintf("site.toml:%d: ", line)
			src, probs := Load(fsys)
			if tt.want == "" {
				if err := probs.Err(); err != nil {
					t.Fatal(err)
				}
				if _, err := New(src); err != nil {
					t.Errorf("New: %v", err)
				}
				return
			}
			if err := probs.Err(); err == nil || !strings.Contains(err.Error(), at+tt.want) || strings.Count(err.Error(), tt.want) != 1 {
				t.Errorf("Load: %v; want %q once", err, at+tt.want)
			}
			if strings.Contains(tt.want, "[leaflet.fonts.pl]: the") {
				if _, err := New(src); err == nil || !strings.Contains(err.Error(), at+tt.want) {
					t.Errorf("New: %v; want %q", err, at+tt.want)
				}
			}
		})
	}
}

// TestSiteFontsReadOnce checks that a font file site.toml names is read
// once when a site is loaded (and its fonts checked) and a Renderer made
// from it, not once by the check and again by the Renderer.
func TestSiteFontsReadOnce(t *testing.T) {
	font, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	fsys, _ := withSiteFonts(t, "regular = \"fonts/R.ttf\"\n", map[string]string{"fonts/R.ttf": string(font)})
	counted := &openCounter{FS: fsys, opens: map[string]int{}}
	src, probs := Load(counted)
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := New(src); err != nil {
		t.Fatal(err)
	}
	if n := counted.opens["fonts/R.ttf"]; n != 1 {
		t.Errorf("fonts/R.ttf read %d times by Load and New; want once", n)
	}
}

// openCounter counts the files opened in FS, by name.
type openCounter struct {
	fs.FS
	opens map[string]int
}

func (c *openCounter) Open(name string) (fs.File, error) {
	c.opens[name]++
	return c.FS.Open(name)
}

// withSiteFonts is the fixture site with a [leaflet.fonts.pl] table of
// the given entries and the given files in its folder, and the line of
// site.toml that names the table.
func withSiteFonts(t *testing.T, entries string, files map[string]string) (fstest.MapFS, int) {
	t.Helper()
	fsys := fixtureFS(t).(fstest.MapFS)
	base := string(fsys["site.toml"].Data)
	fsys["site.toml"] = &fstest.MapFile{Data: []byte(base + "\n[leaflet.fonts.pl]\n" + entries)}
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys, strings.Count(base, "\n") + 2
}
