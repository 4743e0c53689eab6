package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildCacheFollowsTheSite: after a build, each change to the site, to
// the output or to the build's settings makes the next build load, check
// and write what changed; a build with nothing changed is up to date.
func TestBuildCacheFollowsTheSite(t *testing.T) {
	page := filepath.Join("content", "crime", "burglary.en.md")
	tests := []struct {
		name   string
		change func(t *testing.T, dir, public string) (args []string)
		check  func(t *testing.T, public string)
		// kept is whether pages the change does not show in are kept
		// rather than rendered again.
		kept bool
	}{
		{"a page's text", func(t *testing.T, dir, _ string) []string {
			appendTo(t, filepath.Join(dir, page), "\nA zebra crossing is near.\n")
			return nil
		}, func(t *testing.T, public string) {
			wantIn(t, public, "en/crime/burglary/index.html", "A zebra crossing is near.")
		}, true},
		{"a translation deleted", func(t *testing.T, dir, _ string) []string {
			remove(t, filepath.Join(dir, "content", "crime", "burglary.pl.md"))
			return nil
		}, func(t *testing.T, public string) {
			wantNotIn(t, public, "sitemap.xml", "<loc>https://victims.lincs.police.uk/pl/crime/burglary/</loc>")
		}, true},
		{"an image deleted", func(t *testing.T, dir, public string) []string {
			remove(t, filepath.Join(dir, "content", "crime", "plan.png"))
			return nil
		}, func(t *testing.T, public string) {
			if _, err := os.Stat(filepath.Join(public, "files", "crime", "plan.png")); !os.IsNotExist(err) {
				t.Errorf("files/crime/plan.png is still published (%v)", err)
			}
		}, true},
		{"the base URL", func(t *testing.T, dir, _ string) []string {
			editFile(t, dir, "site.toml", "https://victims.lincs.police.uk/", "https://victims.example.org/")
			return nil
		}, func(t *testing.T, public string) {
			wantIn(t, public, "en/crime/burglary/index.html", "https://victims.example.org/en/crime/burglary/")
		}, false},
		{"a layout", func(t *testing.T, dir, _ string) []string {
			editFile(t, dir, "templates/base.html", "</body>", "<p>The layout changed.</p></body>")
			return nil
		}, func(t *testing.T, public string) {
			wantIn(t, public, "en/index.html", "<p>The layout changed.</p>")
		}, false},
		{"an output edited by hand", func(t *testing.T, _, public string) []string {
			editFile(t, public, "en/index.html", "<html", "<!-- mine --><html")
			return nil
		}, func(t *testing.T, public string) {
			wantNotIn(t, public, "en/index.html", "<!-- mine -->")
		}, true},
		{"an output deleted", func(t *testing.T, _, public string) []string {
			remove(t, filepath.Join(public, "sitemap.xml"))
			return nil
		}, func(t *testing.T, public string) {
			wantIn(t, public, "sitemap.xml", "<urlset")
		}, true},
		{"the same site in another folder", func(t *testing.T, dir, public string) []string {
			other := filepath.Join(t.TempDir(), "copy")
			if err := os.CopyFS(other, os.DirFS(dir)); err != nil {
				t.Fatal(err)
			}
			remove(t, filepath.Join(other, "public"))
			return []string{"-site", other, "-out", public}
		}, func(*testing.T, string) {}, false},
	}
	// One site goes through the changes in turn, as an editor's would.
	dir := initSite(t)
	public := filepath.Join(dir, "public")
	if err := os.WriteFile(filepath.Join(dir, "content", "crime", "plan.png"), []byte("\x89PNG\r\n\x1a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build := func(args []string) string {
		t.Helper()
		code, stdout, stderr := runCmd(t, dir, append([]string{"build"}, args...)...)
		if code != 0 {
			t.Fatalf("build %v: exit %d: %s", args, code, stderr)
		}
		return stdout
	}
	build(nil)
	if out := build(nil); !strings.Contains(out, "is up to date") {
		t.Fatalf("the build after the first printed %q, want it up to date", out)
	}
	var args []string
	for _, tt := range tests {
		args = tt.change(t, dir, public)
		out := build(args)
		if !strings.HasPrefix(out, "built ") {
			t.Fatalf("%s: the build after the change printed %q, want it built", tt.name, out)
		}
		if kept := strings.Contains(out, "were not rendered again"); kept != tt.kept {
			t.Errorf("%s: the build printed %q; want pages kept: %v", tt.name, out, tt.kept)
		}
		tt.check(t, public)
	}
	if out := build(args); !strings.Contains(out, "is up to date") {
		t.Errorf("the build after the last printed %q, want it up to date", out)
	}
}

func appendTo(t *testing.T, name, text string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, append(data, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, name string) {
	t.Helper()
	if err := os.RemoveAll(name); err != nil {
		t.Fatal(err)
	}
}

func wantIn(t *testing.T, public, p, want string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(p)))
	if err != nil || !strings.Contains(string(data), want) {
		t.Errorf("%s does not hold %q (%v)", p, want, err)
	}
}

func wantNotIn(t *testing.T, public, p, unwanted string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(p)))
	if err != nil || strings.Contains(string(data), unwanted) {
		t.Errorf("%s holds %q (%v)", p, unwanted, err)
	}
}
