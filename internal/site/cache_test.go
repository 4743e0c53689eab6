package site

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// cacheSite is a small site folder: what a build reads, not a site that
// loads, as the cache looks only at the files.
var cacheSite = map[string]string{
	"site.toml":                    "base_url = \"https://example.org/\"\n\n[leaflet.fonts.pl]\nregular = \"fonts/Own-Regular.ttf\"\nbold = \"type/Own-Bold.ttf\"\n",
	"fonts/Own-Regular.ttf":        "a regular font\n",
	"fonts/Other-Regular.ttf":      "a font site.toml does not name\n",
	"type/Own-Bold.ttf":            "a bold font\n",
	"content/_index.en.md":         "---\ntitle: Home\n---\nHello.\n",
	"content/crime/burglary.en.md": "---\ntitle: Burglary\n---\nText.\n",
	"content/crime/map.png":        "png",
	"locales/en.toml":              "Hello = \"Hello\"\n",
	"templates/base.html":          "{{block \"main\" .}}{{end}}\n",
	"templates/assets/site.css":    "p{}\n",
	"notes.txt":                    "not read by a build\n",
}

// cacheOutput is what a build of cacheSite "wrote".
var cacheOutput = Files{
	"en/index.html":                []byte("<p>Hello.</p>"),
	"en/crime/burglary/index.html": []byte("<p>Text.</p>"),
	"files/crime/map.png":          []byte("png"),
	"sitemap.xml":                  []byte("<urlset/>"),
}

// builtCache writes cacheSite to a folder, aged, and "builds" it into
// another with WriteBuild, as a build whose inputs were fingerprinted a
// while after the files last changed.
func builtCache(t *testing.T) (siteDir, out string) {
	t.Helper()
	siteDir, out = filepath.Join(t.TempDir(), "site"), filepath.Join(t.TempDir(), "public")
	writeTree(t, siteDir, cacheSite)
	ageTree(t, siteDir)
	in, err := ReadInputs(os.DirFS(siteDir), "key 1")
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteBuild(out, cacheOutput, in, []string{"site.toml:1: warning: a note"}, nil); err != nil {
		t.Fatal(err)
	}
	// As if the cache had been written a tick of the clock after the
	// files, so that their size and times are trusted.
	cache := filepath.Join(out, CacheFile)
	setTime(t, cache, modTime(t, cache).Add(time.Second))
	return siteDir, out
}

// upToDate reports UpToDate for the site in siteDir under key.
func upToDate(t *testing.T, siteDir, out, key string) bool {
	t.Helper()
	in, err := ReadInputs(os.DirFS(siteDir), key)
	if err != nil {
		t.Fatal(err)
	}
	_, ok := UpToDate(out, in)
	return ok
}

// edit writes data to the file at p below dir and sets its modification
// time back to what it was, so that only its size, its content or the
// time its metadata changed can tell.
func edit(t *testing.T, dir, p, data string) {
	t.Helper()
	name := filepath.Join(dir, filepath.FromSlash(p))
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
}

// A cacheChange changes the site in siteDir or the output in out after
// builtCache.
type cacheChange func(t *testing.T, siteDir, out string)

// editSite edits the file at p in the site as edit does; editOutput, in
// the output.
func editSite(p, data string) cacheChange {
	return func(t *testing.T, s, _ string) { edit(t, s, p, data) }
}

func editOutput(p, data string) cacheChange {
	return func(t *testing.T, _, o string) { edit(t, o, p, data) }
}

// removeFromSite removes the file at p from the site; removeFromOutput,
// from the output.
func removeFromSite(p string) cacheChange {
	return func(t *testing.T, s, _ string) { removeFile(t, s, p) }
}

func removeFromOutput(p string) cacheChange {
	return func(t *testing.T, _, o string) { removeFile(t, o, p) }
}

func removeFile(t *testing.T, dir, p string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
		t.Fatal(err)
	}
}

// TestUpToDateInvalidation: every change to what a build reads or wrote,
// and a build by another program or with other settings, makes the
// output out of date; only an untouched site and output are up to date.
func TestUpToDateInvalidation(t *testing.T) {
	page := "content/crime/burglary.en.md"
	tests := []struct {
		name   string
		key    string      // the key of the next build; builtCache's is "key 1"
		change cacheChange // nil: nothing
		want   bool
	}{
		{"nothing changed", "key 1", nil, true},
		{"a file the build does not read", "key 1", editSite("notes.txt", "changed"), true},
		{"another program or other settings", "key 2", nil, false},
		{"a program that cannot name itself", "", nil, false},
		{"a page's text, same size, time set back", "key 1", editSite(page, strings.Replace(cacheSite[page], "Text", "Tent", 1)), false},
		{"a page's text, longer", "key 1", editSite(page, cacheSite[page]+"More.\n"), false},
		{"a page added", "key 1", func(t *testing.T, s, _ string) {
			writeTree(t, s, map[string]string{"content/crime/fraud.en.md": "---\ntitle: Fraud\n---\n"})
		}, false},
		{"a page deleted", "key 1", removeFromSite(page), false},
		{"an image beside a page", "key 1", editSite("content/crime/map.png", "PNG"), false},
		{"site.toml (the base URL)", "key 1", editSite("site.toml", strings.Replace(cacheSite["site.toml"], "example.org", "example.net", 1)), false},
		{"a leaflet font, same size, time set back", "key 1", editSite("fonts/Own-Regular.ttf", "a regular fonT\n"), false},
		{"a leaflet font outside fonts/, longer", "key 1", editSite("type/Own-Bold.ttf", "a bolder font\n"), false},
		{"a leaflet font replaced by another of the same size and time", "key 1", func(t *testing.T, s, _ string) {
			own, other := filepath.Join(s, "fonts/Own-Regular.ttf"), filepath.Join(s, "fonts/Other-Regular.ttf")
			writeTree(t, s, map[string]string{"fonts/Other-Regular.ttf": "a regular fonT\n"})
			setTime(t, other, modTime(t, own))
			if err := os.Rename(other, own); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"a leaflet font removed", "key 1", removeFromSite("type/Own-Bold.ttf"), false},
		{"a font file site.toml does not name", "key 1", editSite("fonts/Other-Regular.ttf", "a font site.toml does not nam3\n"), true},
		{"a language's strings", "key 1", editSite("locales/en.toml", "Hello = \"Hi!!!\"\n"), false},
		{"a layout", "key 1", editSite("templates/base.html", "{{block \"main\" .}}{{end}}\n\n"), false},
		{"an asset", "key 1", editSite("templates/assets/site.css", "a{}\n"), false},
		{"an output edited, same size, time set back", "key 1", editOutput("en/index.html", "<p>Hellp.</p>"), false},
		{"an output edited, longer", "key 1", editOutput("sitemap.xml", "<urlset></urlset>"), false},
		{"an output deleted", "key 1", removeFromOutput("files/crime/map.png"), false},
		{"the Marker deleted", "key 1", removeFromOutput(Marker), false},
		{"the cache garbled", "key 1", editOutput(CacheFile, cacheHeader+"\nkey \"key 1\"\nin 1 2\n"), false},
		{"the cache from another version", "key 1", func(t *testing.T, _, o string) {
			data, err := os.ReadFile(filepath.Join(o, CacheFile))
			if err != nil {
				t.Fatal(err)
			}
			edit(t, o, CacheFile, strings.Replace(string(data), cacheHeader, "victimsite build cache 0", 1))
		}, false},
		{"the files rewritten by a Write that records nothing", "key 1", func(t *testing.T, _, o string) {
			files := maps.Clone(cacheOutput)
			files["en/index.html"] = []byte("<p>Hi.</p>")
			if err := Write(o, files); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"an output's recorded hash no longer its own, recorded in the same tick as the cache", "key 1", func(t *testing.T, _, o string) {
			swapRecordedHash(t, o, "en/index.html")
			setTime(t, filepath.Join(o, CacheFile), modTime(t, filepath.Join(o, "en/index.html")))
		}, false},
	}
	// Each case holds with the system's stamps and, as on a system that
	// gives no metadata times (macOS, Windows), with size and time alone.
	systems := []struct {
		name  string
		stamp func(fs.FileInfo) (int64, uint64)
	}{
		{"this system", sysStamp},
		{"no metadata times", func(fs.FileInfo) (int64, uint64) { return 0, 0 }},
	}
	for _, sys := range systems {
		t.Run(sys.name, func(t *testing.T) {
			defer func(old func(fs.FileInfo) (int64, uint64)) { metaStamp = old }(metaStamp)
			metaStamp = sys.stamp
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					siteDir, out := builtCache(t)
					if tt.change != nil {
						tt.change(t, siteDir, out)
					}
					if got := upToDate(t, siteDir, out, tt.key); got != tt.want {
						t.Errorf("UpToDate = %v, want %v", got, tt.want)
					}
				})
			}
		})
	}
}

// swapRecordedHash changes the SHA-256 the cache in out records for the
// file at p, as if the file had changed since within the same tick of the
// clock.
func swapRecordedHash(t *testing.T, out, p string) {
	t.Helper()
	name := filepath.Join(out, CacheFile)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	want := hashBytes(cacheOutput[p])
	if !strings.Contains(string(data), want) {
		t.Fatalf("the cache does not record %s's SHA-256", p)
	}
	data = []byte(strings.Replace(string(data), want, hashBytes([]byte("something else")), 1))
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func modTime(t *testing.T, name string) time.Time {
	t.Helper()
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return info.ModTime()
}

func setTime(t *testing.T, name string, at time.Time) {
	t.Helper()
	if err := os.Chtimes(name, at, at); err != nil {
		t.Fatal(err)
	}
}

// TestUpToDateTrustsStampsOnlyWhereTheyTell: an output written before
// the cache, and whose size and times are the same, is not read again;
// the same file recorded in the cache's own tick is compared by content.
func TestUpToDateTrustsStampsOnlyWhereTheyTell(t *testing.T) {
	siteDir, out := builtCache(t)
	swapRecordedHash(t, out, "en/index.html")
	setTime(t, filepath.Join(out, CacheFile), modTime(t, filepath.Join(out, "en/index.html")).Add(time.Second))
	if !upToDate(t, siteDir, out, "key 1") {
		t.Errorf("an output whose stamp is as recorded, written before the cache, was read again")
	}
}

// TestRacyInputsAreHashed: a file that changed just before the build was
// fingerprinted may change again with the same size and time; it is
// compared by content. A file system with no times (a site built into
// the program) is compared by content throughout.
func TestRacyInputsAreHashed(t *testing.T) {
	for _, at := range []time.Time{time.Now(), {}} {
		fsys := fstest.MapFS{}
		for p, s := range cacheSite {
			fsys[p] = &fstest.MapFile{Data: []byte(s), ModTime: at}
		}
		in, err := ReadInputs(fsys, "k")
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		if err := WriteBuild(out, cacheOutput, in, nil, nil); err != nil {
			t.Fatal(err)
		}
		if again, _ := ReadInputs(fsys, "k"); !upToDateWith(out, again) {
			t.Fatalf("time %v: the same files are not up to date", at)
		}
		page := fsys["content/crime/burglary.en.md"]
		page.Data = []byte(strings.Replace(string(page.Data), "Text", "Tent", 1))
		if again, _ := ReadInputs(fsys, "k"); upToDateWith(out, again) {
			t.Errorf("time %v: a page changed with the same size and time is taken to be up to date", at)
		}
	}
}

func upToDateWith(out string, in *Inputs) bool {
	_, ok := UpToDate(out, in)
	return ok
}

// TestUpToDateGivesTheNotes: the warnings the build printed come back, to
// be printed again.
func TestUpToDateGivesTheNotes(t *testing.T) {
	siteDir, out := builtCache(t)
	in, err := ReadInputs(os.DirFS(siteDir), "key 1")
	if err != nil {
		t.Fatal(err)
	}
	notes, ok := UpToDate(out, in)
	if !ok || len(notes) != 1 || notes[0] != "site.toml:1: warning: a note" {
		t.Errorf("UpToDate = %q, %v; want the one note", notes, ok)
	}
}

// TestWriteDropsTheCacheFirst: a Write that changes a file removes the
// cache before it does, and one that changes nothing leaves it as it was.
func TestWriteDropsTheCacheFirst(t *testing.T) {
	_, out := builtCache(t)
	cache := filepath.Join(out, CacheFile)
	before, err := os.ReadFile(cache)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(out, cacheOutput); err != nil {
		t.Fatal(err)
	}
	if after, err := os.ReadFile(cache); err != nil || string(after) != string(before) {
		t.Errorf("a Write that changed nothing changed the cache (%v)", err)
	}
	files := Files{"en/index.html": []byte("<p>Hi.</p>")}
	if err := Write(out, files); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(cache); !os.IsNotExist(err) {
		t.Errorf("after a Write that changed files, the cache is still there (%v)", err)
	}
}

// TestWriteBuildRestoresAnEditedOutput: an output someone edited, even
// to the same size with its time set back, is written again, as the
// cache's record of it no longer matches.
func TestWriteBuildRestoresAnEditedOutput(t *testing.T) {
	siteDir, out := builtCache(t)
	edit(t, out, "en/index.html", "<p>Hellp.</p>")
	in, err := ReadInputs(os.DirFS(siteDir), "key 1")
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteBuild(out, cacheOutput, in, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(out, "en/index.html")); err != nil || string(got) != string(cacheOutput["en/index.html"]) {
		t.Errorf("en/index.html = %q (%v), want it restored", got, err)
	}
	if !upToDate(t, siteDir, out, "key 1") {
		t.Errorf("after the build that restored it, the output is not up to date")
	}
}
