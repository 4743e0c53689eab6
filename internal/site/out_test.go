package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree makes the files, relative to dir, with the given contents.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree returns every file below dir, by slash-separated path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for p, data := range snapshot(t, dir) {
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.ToSlash(rel)] = string(data)
	}
	return out
}

// TestWriteRefusesFoldersItDidNotWrite: a build replaces the whole folder,
// so a folder with someone's files in it is refused and left alone.
func TestWriteRefusesFoldersItDidNotWrite(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"notes", map[string]string{"a": "x", "sub/b.txt": "y"}, []string{"did not write (such as a)", "nothing was changed"}},
		{"a hidden file only", map[string]string{".profile": "x"}, []string{"did not write (such as .profile)"}},
		{"an unmarked older build", map[string]string{"index.html": "<p>", "sitemap.xml": "<x/>", "assets/site.css": "p{}"},
			[]string{"did not write", "delete it once (rm -r"}},
		{"a marker that is a folder", map[string]string{Marker + "/x": "x"}, []string{"did not write"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "notes")
			writeTree(t, dir, tt.files)
			err := Write(dir, Files{"index.html": []byte("new")})
			if err == nil {
				t.Fatal("got no error, want a refusal")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got %q, want it to say %q", err, w)
				}
			}
			got := readTree(t, dir)
			if len(got) != len(tt.files) {
				t.Errorf("got %d files after the refusal, want the %d there before", len(got), len(tt.files))
			}
			for p, data := range tt.files {
				if got[p] != data {
					t.Errorf("%s: got %q after the refusal, want %q", p, got[p], data)
				}
			}
		})
	}
}

// TestWriteReplacesItsOwnOutput: a folder Write made, or an empty or
// missing one, is written; the next build leaves the files of the last
// one that it makes no more nowhere.
func TestWriteReplacesItsOwnOutput(t *testing.T) {
	for _, start := range []string{"missing", "empty"} {
		t.Run(start, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "a", "public")
			if start == "empty" {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if err := Write(dir, Files{"old.html": []byte("old"), "en/index.html": []byte("1")}); err != nil {
				t.Fatal(err)
			}
			if err := Write(dir, Files{"en/index.html": []byte("2")}); err != nil {
				t.Fatalf("writing over its own output: %v", err)
			}
			got := readTree(t, dir)
			want := map[string]string{"en/index.html": "2", Marker: string(markerFor([]string{"en/index.html"}))}
			if len(got) != len(want) {
				t.Errorf("got files %v, want only %v", keys(got), keys(want))
			}
			for p, data := range want {
				if got[p] != data {
					t.Errorf("%s: got %q, want %q", p, got[p], data)
				}
			}
			leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".public*"))
			if len(leftovers) != 0 {
				t.Errorf("the write left %v behind", leftovers)
			}
		})
	}
}

// TestWriteThroughSymlink: a link to an earlier build is kept, and the
// folder it names is replaced.
func TestWriteThroughSymlink(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "www-2026")
	if err := Write(real, Files{"a.html": []byte("1")}); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "public")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, Files{"a.html": []byte("2")}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (err %v)", err)
	}
	if got, _ := os.ReadFile(filepath.Join(real, "a.html")); string(got) != "2" {
		t.Errorf("got %q in the linked folder, want the new build", got)
	}
}

func TestWriteRefusesAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes.txt")
	writeTree(t, filepath.Dir(file), map[string]string{"notes.txt": "mine"})
	err := Write(file, Files{"a.html": []byte("1")})
	if err == nil || !strings.Contains(err.Error(), "is a file, not a folder") {
		t.Errorf("got %v, want a refusal that says it is a file", err)
	}
	if got, _ := os.ReadFile(file); string(got) != "mine" {
		t.Errorf("got %q, want the file unchanged", got)
	}
}

// TestCheckOutput: the site, what holds it, the folder the command runs
// in and the folders the build reads are never an output folder.
func TestCheckOutput(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "sites", "lincs")
	writeTree(t, site, map[string]string{"site.toml": "x", "content/_index.en.md": "x", "templates/base.html": "x"})
	empty := filepath.Join(root, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(site, "content"))
	tests := []struct {
		out  string
		want string // "" for no error
	}{
		{filepath.Join(site, "public"), ""},
		{empty, ""},
		{filepath.Join(root, "new", "www"), ""},
		{"../public", ""},
		{site, "is the site folder"},
		{"..", "is the site folder"},
		{filepath.Join(root, "sites"), "holds the site folder"},
		{root, "holds the site folder"},
		{"/", "holds the site folder"},
		{".", "is the folder you are in"},
		{filepath.Join(site, "content", "out"), "inside the site's content/ folder"},
		{filepath.Join(site, "templates", "assets"), "inside the site's templates/ folder"},
		{filepath.Join(site, "locales"), "inside the site's locales/ folder"},
		{filepath.Join(site, "site.toml"), "is a file, not a folder"},
	}
	for _, tt := range tests {
		err := CheckOutput(tt.out, site)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckOutput(%q): got %v, want no error", tt.out, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("CheckOutput(%q): got %v, want an error that says %q", tt.out, err, tt.want)
		}
	}
	// A link to the site is the site.
	link := filepath.Join(root, "link")
	if err := os.Symlink(site, link); err != nil {
		t.Fatal(err)
	}
	if err := CheckOutput(link, site); err == nil || !strings.Contains(err.Error(), "is the site folder") {
		t.Errorf("CheckOutput(a link to the site): got %v, want a refusal", err)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
