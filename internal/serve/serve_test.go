package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"victimsite/internal/site"
)

const burglary = "content/crime/burglary.en.md"

// retitle returns a page file with its title replaced.
func retitle(t *testing.T, dir, file, title string) string {
	t.Helper()
	old := readFile(t, dir, file)
	i := strings.Index(old, "\ntitle: ")
	j := strings.Index(old[i+1:], "\n")
	return old[:i] + "\ntitle: " + title + old[i+1+j:]
}

// TestEdits makes each change an editor makes, in turn, on one running
// preview, and checks that the right page is served after each.
func TestEdits(t *testing.T) {
	checkNoLeaks(t)
	dir := goldenSite(t)
	p := startPreview(t, dir)
	css := p.stylesheet(t)
	stalking := "---\ntitle: Stalking\nsummary: Being followed.\nweight: 30\n---\nText.\n"

	t.Run("edit", func(t *testing.T) {
		writeFile(t, dir, burglary, retitle(t, dir, burglary, "Break-ins"))
		p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Break-ins</h1>")
		p.waitFor(t, "/en/crime/", 200, "Break-ins") // the section lists it
		p.waitFor(t, "/lt/crime/burglary/", 200, ">Break-ins</h1>")
	})
	t.Run("only what the edit needs is rendered", func(t *testing.T) {
		writeFile(t, dir, burglary, retitle(t, dir, burglary, "Burglary again"))
		p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Burglary again</h1>")
		// burglary in four languages, then its section and the home
		// page, which list it.
		if b := p.lastBuild(t); b.Full || b.Pages != 4 || b.Lists != 8 {
			t.Errorf("got %d pages and %d lists rendered (full: %v), want 4 and 8", b.Pages, b.Lists, b.Full)
		}
		p.waitFor(t, "/lt/crime/", 200, "Burglary again")
		writeFile(t, dir, burglary, strings.Replace(readFile(t, dir, burglary), "\n## ", "\nMore text.\n\n## ", 1))
		p.waitFor(t, "/en/crime/burglary/", 200, "<p>More text.</p>")
		if b := p.lastBuild(t); b.Full || b.Pages != 4 || b.Lists != 0 {
			t.Errorf("after an edit to the text, got %d pages and %d lists rendered (full: %v), want 4 and 0", b.Pages, b.Lists, b.Full)
		}
	})
	t.Run("add", func(t *testing.T) {
		writeFile(t, dir, "content/crime/stalking.en.md", stalking)
		p.waitFor(t, "/en/crime/stalking/", 200, "<h1>Stalking</h1>")
		p.waitFor(t, "/pl/crime/", 200, "Stalking")
	})
	t.Run("delete", func(t *testing.T) {
		os.Remove(filepath.Join(dir, "content/crime/stalking.en.md"))
		p.waitFor(t, "/en/crime/stalking/", 404)
		p.waitFor(t, "/pl/crime/stalking/", 404)
		body := p.waitFor(t, "/en/crime/", 200)
		if strings.Contains(body, "Stalking") {
			t.Error("the section still lists the deleted page")
		}
	})
	t.Run("rename", func(t *testing.T) {
		writeFile(t, dir, "content/crime/stalking.en.md", stalking)
		p.waitFor(t, "/en/crime/stalking/", 200)
		if err := os.Rename(filepath.Join(dir, "content/crime/stalking.en.md"), filepath.Join(dir, "content/crime/harassment.en.md")); err != nil {
			t.Fatal(err)
		}
		p.waitFor(t, "/en/crime/harassment/", 200, "<h1>Stalking</h1>")
		p.waitFor(t, "/en/crime/stalking/", 404)
	})
	t.Run("atomic save, as vim does", func(t *testing.T) {
		vimSave(t, dir, burglary, retitle(t, dir, burglary, "Saved by vim"))
		p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Saved by vim</h1>")
	})
	t.Run("atomic save through a temporary file", func(t *testing.T) {
		tmp := filepath.Join(dir, "content/crime/.burglary.en.md.tmp")
		if err := os.WriteFile(tmp, []byte(retitle(t, dir, burglary, "Renamed into place")), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dir, burglary)); err != nil {
			t.Fatal(err)
		}
		p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Renamed into place</h1>")
	})
	t.Run("delete, then create", func(t *testing.T) {
		next := retitle(t, dir, burglary, "Deleted and made again")
		os.Remove(filepath.Join(dir, burglary))
		writeFile(t, dir, burglary, next)
		p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Deleted and made again</h1>")
	})
	t.Run("swap, backup and lock files", func(t *testing.T) {
		for _, name := range []string{".burglary.en.md.swp", "burglary.en.md~", ".#burglary.en.md", "#burglary.en.md#", "4913"} {
			writeFile(t, dir, "content/crime/"+name, "not a page: [\n")
		}
		writeFile(t, dir, burglary, retitle(t, dir, burglary, "Beside the swap files"))
		p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Beside the swap files</h1>")
	})
	t.Run("many saves a second", func(t *testing.T) {
		for i := range 30 {
			writeFile(t, dir, burglary, retitle(t, dir, burglary, "Save "+string(rune('A'+i%26))+strings.Repeat("!", i)))
		}
		p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Save "+string(rune('A'+29%26))+strings.Repeat("!", 29)+"</h1>")
	})
	t.Run("broken front matter, then fixed", func(t *testing.T) {
		good := readFile(t, dir, burglary)
		writeFile(t, dir, burglary, strings.Replace(good, "\ntitle: ", "\ntitle: [", 1))
		writeFile(t, dir, "content/crime/violence.en.md", "no front matter\n")
		// Every page shows every problem, with the reload script.
		for _, page := range []string{"/en/crime/burglary/", "/pl/", "/no/such/page/"} {
			p.waitFor(t, page, 500, "The site has problems", filepath.Join(dir, burglary)+":2: ",
				filepath.Join(dir, "content/crime/violence.en.md")+":1: ", "/__victimsite/reload.js")
		}
		// The styles of the last good build are still served.
		p.waitFor(t, css, 200)
		writeFile(t, dir, "content/crime/violence.en.md", "---\ntitle: Violence\n---\nText.\n")
		writeFile(t, dir, burglary, retitle(t, dir, burglary, "Fixed"))
		p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Fixed</h1>")
		p.waitFor(t, "/en/crime/violence/", 200, "<h1>Violence</h1>")
	})
	t.Run("a folder made later", func(t *testing.T) {
		writeFile(t, dir, "content/court/_index.en.md", "---\ntitle: Going to court\n---\nText.\n")
		writeFile(t, dir, "content/court/witness.en.md", "---\ntitle: Being a witness\n---\nText.\n")
		p.waitFor(t, "/en/court/witness/", 200, "<h1>Being a witness</h1>")
		writeFile(t, dir, "content/court/witness.en.md", "---\ntitle: Giving evidence\n---\nText.\n")
		p.waitFor(t, "/en/court/witness/", 200, "<h1>Giving evidence</h1>")
	})
	t.Run("a folder renamed", func(t *testing.T) {
		if err := os.Rename(filepath.Join(dir, "content/court"), filepath.Join(dir, "content/trial")); err != nil {
			t.Fatal(err)
		}
		p.waitFor(t, "/en/trial/witness/", 200, "<h1>Giving evidence</h1>")
		p.waitFor(t, "/en/court/witness/", 404)
		writeFile(t, dir, "content/trial/witness.en.md", "---\ntitle: In the witness box\n---\nText.\n")
		p.waitFor(t, "/en/trial/witness/", 200, "<h1>In the witness box</h1>")
	})
	t.Run("a layout", func(t *testing.T) {
		page := readFile(t, dir, "templates/page.html")
		writeFile(t, dir, "templates/page.html", strings.Replace(page, "<article>", `<article data-edited="layout">`, 1))
		p.waitFor(t, "/pl/crime/burglary/", 200, `data-edited="layout"`)
		if b := p.lastBuild(t); !b.Full {
			t.Error("a layout change did not render everything")
		}
	})
	t.Run("site.toml", func(t *testing.T) {
		cfg := readFile(t, dir, "site.toml")
		writeFile(t, dir, "site.toml", strings.Replace(cfg, `force = "Lincolnshire Police"`, `force = "Edited Police"`, 1))
		p.waitFor(t, "/ar/crime/burglary/", 200, "Edited Police")
	})
	t.Run("serves what a build makes", func(t *testing.T) {
		writeFile(t, dir, burglary, retitle(t, dir, burglary, "Last of all"))
		p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Last of all</h1>")
		sameAsBuild(t, p, dir)
	})
	t.Run("a broken layout, then fixed", func(t *testing.T) {
		page := readFile(t, dir, "templates/page.html")
		writeFile(t, dir, "templates/page.html", strings.Replace(page, "{{end}}", "", 1))
		p.waitFor(t, "/en/", 500, "templates/page.html")
		writeFile(t, dir, "templates/page.html", page)
		p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Last of all</h1>")
		sameAsBuild(t, p, dir)
	})
}

// lastBuild returns the most recent build.
func (p *running) lastBuild(t *testing.T) Build {
	t.Helper()
	b := p.last.Load()
	if b == nil {
		t.Fatal("no build yet")
	}
	return *b
}

// vimSave saves as vim does with backupcopy=no: it checks it may write a
// file named 4913, renames the page to a backup, writes the page anew and
// deletes the backup, with a swap file beside it all the while.
func vimSave(t *testing.T, dir, file, text string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(file))
	folder := filepath.Dir(full)
	swap := filepath.Join(folder, "."+filepath.Base(full)+".swp")
	steps := []func() error{
		func() error { return os.WriteFile(swap, []byte("swap"), 0o600) },
		func() error { return os.WriteFile(filepath.Join(folder, "4913"), nil, 0o644) },
		func() error { return os.Remove(filepath.Join(folder, "4913")) },
		func() error { return os.Rename(full, full+"~") },
		func() error { return os.WriteFile(full, []byte(text), 0o644) },
		func() error { return os.Remove(full + "~") },
		func() error { return os.Remove(swap) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestShutdown stops the preview while a page listens for reloads, and
// checks that everything it started has ended.
func TestShutdown(t *testing.T) {
	checkNoLeaks(t)
	dir := goldenSite(t)
	p, err := startPreviewErr(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	p.nextBuild(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	messages := stream(t, ctx, p, "/__victimsite/events")
	if err := p.stop(); err != nil {
		t.Fatalf("Serve returned %v", err)
	}
	for open := true; open; {
		select {
		case _, open = <-messages:
		case <-time.After(wait):
			t.Fatal("the event stream is still open after the preview stopped")
		}
	}
	if _, err := p.client.Get(p.url + "/en/"); err == nil {
		t.Error("the preview still answers after it stopped")
	}
}

// TestBrokenFromTheStart starts on a site with problems; the preview runs,
// shows them and recovers when they are fixed.
func TestBrokenFromTheStart(t *testing.T) {
	checkNoLeaks(t)
	dir := goldenSite(t)
	good := readFile(t, dir, burglary)
	writeFile(t, dir, burglary, "---\ntitle: [\n---\n")
	p, err := startPreviewErr(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.stop() })
	if b := p.nextBuild(t); !b.Failed() {
		t.Fatal("the first build of a broken site did not fail")
	}
	p.waitFor(t, "/en/", 500, "burglary.en.md:2: ")
	writeFile(t, dir, burglary, good)
	p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Burglary</h1>")
}

// sameAsBuild checks that every file the preview serves is the file a
// build of dir makes, but for the reload script in each page.
func sameAsBuild(t *testing.T, p *running, dir string) {
	t.Helper()
	st, probs := site.Load(os.DirFS(dir))
	if probs.Errors() > 0 {
		t.Fatal(probs)
	}
	files, err := st.Render()
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range files {
		status, got, _ := p.get(t, "/"+strings.TrimSuffix(path, "index.html"))
		if i := strings.Index(got, `<script src="/__victimsite/reload.js"`); i >= 0 {
			end := strings.Index(got[i:], "</script>\n") + len("</script>\n")
			got = got[:i] + got[i+end:]
		}
		if status != 200 || got != string(want) {
			t.Errorf("%s: got status %d and a file that differs from a build's", path, status)
		}
	}
}
