package leaflet

import (
	"io/fs"
	"os"
	"path"
	"sync"
	"testing"
	"testing/fstest"
	"time"
	"victimsite/internal/pdf/pdftest"
)

// fixtureFS is the small test site in testdata/site with the real
// leaflet messages from the repository's locales folder laid over it, so
// the golden files test the shipped translations.
func fixtureFS(t testing.TB) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	root := os.DirFS("testdata/site")
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	repo := os.DirFS("../..")
	names, err := fs.Glob(repo, "locales/leaflet.*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no locales/leaflet.*.toml in the repository: %v", err)
	}
	for _, n := range names {
		data, err := fs.ReadFile(repo, n)
		if err != nil {
			t.Fatal(err)
		}
		m[path.Clean(n)] = &fstest.MapFile{Data: data}
	}
	return m
}

var (
	fixtureOnce     sync.Once
	fixtureRenderer *Renderer
	fixtureErr      error
)

// testRenderer returns a Renderer for the fixture site, made once for the
// whole test binary as a bulk run would.
func testRenderer(t testing.TB) *Renderer {
	t.Helper()
	fixtureOnce.Do(func() {
		src, probs := Load(fixtureFS(t))
		if err := probs.Err(); err != nil {
			fixtureErr = err
			return
		}
		fixtureRenderer, fixtureErr = New(src)
	})
	if fixtureErr != nil {
		t.Fatalf("load the fixture site: %v", fixtureErr)
	}
	return fixtureRenderer
}

// testNow is the clock of the tests: the day the site's facts were
// checked, a few days after the sample crime was reported.
var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// parseNow parses details as on testNow.
func parseNow(values map[string]string) (Details, error) { return Parse(values, testNow) }

func day(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// sample returns the details from the example.
func sample(lang string) Details {
	return Details{
		Lang: lang, Crime: "burglary", CrimeRef: "LP-12345-26", Reported: day("2026-11-20"),
		Officer: Officer{Name: "Jane Smith", Rank: "PC", Collar: "1234", Phone: "01522 000000",
			Email: "jane.smith@lincs.police.uk", Station: "Boston"},
		Promise: Promise{Method: "phone", Every: 7, Next: day("2026-11-27")},
	}
}

// unpacked returns b with the objects of its object streams appended as
// plain text (see pdftest.Unpack).
func unpacked(t testing.TB, b []byte) []byte {
	t.Helper()
	return pdftest.Unpack(t, b)
}
