package main

import (
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"victimsite/internal/content"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtureSite copies the small golden site, with the repository's layouts
// and strings, to a new folder.
func fixtureSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"../../internal/site/testdata/golden": "",
		"../../templates":                     "templates",
		"../../locales":                       "locales",
	} {
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			full := filepath.Join(dir, dst, rel)
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				return err
			}
			return os.WriteFile(full, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestStatusGolden(t *testing.T) {
	golden, err := filepath.Abs(filepath.Join("testdata", "status.golden"))
	if err != nil {
		t.Fatal(err)
	}
	dir := fixtureSite(t)
	code, stdout, stderr := runCmd(t, dir, "status")
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, stderr)
	}
	if *update {
		if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(want) {
		t.Errorf("got\n%s\nwant\n%s", stdout, want)
	}
}

func TestStatusJSONAndOneLanguage(t *testing.T) {
	dir := fixtureSite(t)
	code, stdout, stderr := runCmd(t, dir, "status", "-json", "-lang", "pl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Languages []string
		Pages     []struct {
			ID     string
			States map[string]string
		}
		Totals map[string]map[string]int
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v in %s", err, stdout)
	}
	states := map[string]string{}
	for _, p := range got.Pages {
		states[p.ID] = p.States["pl"]
	}
	want := map[string]string{"": "current", "crime": "current", "crime/burglary": "current", "crime/violence": "outdated", "help": "missing", "help/exit-this-page": "missing"}
	for id, w := range want {
		if states[id] != w {
			t.Errorf("pl %q: got %q, want %q", id, states[id], w)
		}
	}
	if !slices.Equal(got.Languages, []string{"pl"}) {
		t.Errorf("got languages %v, want [pl]", got.Languages)
	}
	if code, _, stderr := runCmd(t, dir, "status", "-lang", "xx"); code != 1 || !strings.Contains(stderr, "not a language of this site") {
		t.Errorf("-lang xx: exit %d, %q", code, stderr)
	}
}

func TestStatusExport(t *testing.T) {
	dir := fixtureSite(t)
	out := filepath.Join(t.TempDir(), "for-translator")
	code, stdout, stderr := runCmd(t, dir, "status", "-export", "pl", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	outFiles := stdout
	var got []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	slices.Sort(got)
	// Missing: help/_index, help/exit-this-page; outdated: crime/violence.
	want := []string{"content/crime/violence.pl.md", "content/help/_index.pl.md", "content/help/exit-this-page.pl.md"}
	if !slices.Equal(got, want) {
		t.Fatalf("exported %v, want exactly %v\n%s", got, want, outFiles)
	}
	if !strings.Contains(stdout, "to revise: the current translation") || !strings.Contains(stderr, "wrote 2 pages to translate into pl and 1 page to revise") {
		t.Errorf("the export does not say what each file is:\n%s%s", stdout, stderr)
	}
	// The outdated page's export holds its Polish translation, so copying
	// it back does not lose it.
	violence := filepath.Join(out, "content", "crime", "violence.pl.md")
	data, _ := os.ReadFile(violence)
	if !strings.Contains(string(data), "Napaść to sytuacja, gdy ktoś Cię krzywdzi.") || !strings.Contains(string(data), "title: \"Przemoc i napaść\"") {
		t.Fatalf("the export of the outdated page lost its translation:\n%s", data)
	}
	// Copied back untouched, the export is refused: still English, or still
	// holding the note about the changed English page.
	copyOver(t, dir, out)
	code, stdout, _ = runCmd(t, dir, "check")
	for _, want := range []string{
		filepath.Join("content", "crime", "violence.pl.md") + ":7: the note from victimsite status -export is still here",
		filepath.Join("content", "help", "exit-this-page.pl.md") + ":2: the title is still the title of content/help/exit-this-page.en.md",
	} {
		if code != 1 || !strings.Contains(stdout, want) {
			t.Errorf("check after copying the export back: exit %d, want 1 and %q in\n%s", code, want, stdout)
		}
	}
	// Revised (the note deleted), the page is a current draft.
	revised := string(data[:strings.Index(string(data), content.ExportNote)]) + "Napaść to sytuacja, gdy ktoś Cię krzywdzi lub grozi.\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "crime", "violence.pl.md"), []byte(revised), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, _ = runCmd(t, dir, "status", "-json", "-lang", "pl")
	if !strings.Contains(stdout, `"crime/violence"`) || strings.Contains(stdout, `"outdated"`) {
		t.Errorf("after revising, violence is not current:\n%s", stdout)
	}
	if code, _, _ := runCmd(t, dir, "status", "-export", "en", out); code != 1 {
		t.Errorf("exporting the source language: exit %d, want 1", code)
	}
}

// copyOver copies every file under src over the file of the same name
// under dst, as a user copies a translator's folder back.
func copyOver(t *testing.T, dst, src string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStatusFollowsEdits(t *testing.T) {
	dir := fixtureSite(t)
	state := func() string {
		_, stdout, _ := runCmd(t, dir, "status", "-json", "-lang", "pl")
		var got struct {
			Pages []struct {
				ID     string
				States map[string]string
			}
		}
		json.Unmarshal([]byte(stdout), &got)
		for _, p := range got.Pages {
			if p.ID == "crime/burglary" {
				return p.States["pl"]
			}
		}
		return ""
	}
	if s := state(); s != "current" {
		t.Fatalf("before: got %q, want current", s)
	}
	src := filepath.Join(dir, "content/crime/burglary.en.md")
	data, _ := os.ReadFile(src)
	os.WriteFile(src, append(data, "\nA new paragraph.\n"...), 0o644)
	if s := state(); s != "outdated" {
		t.Fatalf("after editing English: got %q, want outdated", s)
	}
	if code, _, stderr := runCmd(t, dir, "translated", "content/crime/burglary.pl.md"); code != 0 {
		t.Fatal(stderr)
	}
	if s := state(); s != "current" {
		t.Errorf("after translated: got %q, want current", s)
	}
}
