package leaflet

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"testing"
)

// TestSharedPages checks that the pages after the first of a leaflet,
// which show the site's text and the footer, put all but the footer in a
// shared content stream (pdf.Page.EndShared), the same bytes for two
// victims of one crime, so that a bulk run compresses it once; and that
// the first page, with the victim's details, is not shared.
func TestSharedPages(t *testing.T) {
	r := repoRenderer(t)
	for _, lang := range []string{"en", "ur"} {
		var shared [2][][]byte
		for i, name := range []string{"Ann Smith", "Bartholomew Wiśniewski-Kowalczyk"} {
			d := sample(lang)
			d.VictimName, d.CrimeRef = name, "LP-0000"+strconv.Itoa(i)+"-26"
			b, err := r.Render(d)
			if err != nil {
				t.Fatal(err)
			}
			shared[i] = sharedStreams(t, b)
			if pages := bytes.Count(unpacked(t, b), []byte("/Type/Page/")); len(shared[i]) != pages-1 || pages < 2 {
				t.Errorf("%s: %d of %d pages have a shared stream, want all but the first", lang, len(shared[i]), pages)
			}
		}
		if len(shared[0]) != len(shared[1]) {
			t.Fatalf("%s: %d and %d shared streams", lang, len(shared[0]), len(shared[1]))
		}
		for p := range shared[0] {
			if !bytes.Equal(shared[0][p], shared[1][p]) {
				t.Errorf("%s: page %d's shared stream differs between two victims", lang, p+2)
			}
		}
	}
}

var (
	contentsPair = regexp.MustCompile(`/Contents \[(\d+) 0 R \d+ 0 R\]`)
	streamObject = `(?s)\n%s 0 obj\n<<[^>]*>>\nstream\n(.*?)\nendstream`
)

// sharedStreams returns the compressed shared content streams of a
// leaflet's pages, in page order.
func sharedStreams(t *testing.T, b []byte) [][]byte {
	t.Helper()
	var out [][]byte
	for _, m := range contentsPair.FindAllSubmatch(unpacked(t, b), -1) {
		s := regexp.MustCompile(fmt.Sprintf(streamObject, m[1])).FindSubmatch(b)
		if s == nil {
			t.Fatalf("no stream object %s", m[1])
		}
		out = append(out, s[1])
	}
	return out
}
