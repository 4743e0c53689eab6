package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// linkSite is a home page, a crime section with a burglary page in English
// and Arabic, and a help section, with body replaced in the English
// burglary page.
func linkSite(body string) fstest.MapFS {
	return fstest.MapFS{
		"content/_index.en.md":         {Data: []byte("---\ntitle: Home\n---\n")},
		"content/crime/_index.en.md":   {Data: []byte("---\ntitle: Crime\n---\n")},
		"content/help/_index.en.md":    {Data: []byte("---\ntitle: Help\n---\n## Who to call\n")},
		"content/crime/burglary.en.md": {Data: []byte("---\ntitle: Burglary\n---\n## What it is\n\n" + body + "\n")},
		"content/crime/burglary.ar.md": {Data: []byte("---\ntitle: سطو\n---\n## ما هو\n\n[هنا](#ما-هو)\n")},
		"content/crime/form.pdf":       {Data: []byte("%PDF-1.7 form")},
		"content/crime/photo.png":      {Data: []byte("\x89PNG photo")},
	}
}

// TestLinksBeyondPages proves check follows every kind of link that it
// used to let through: a page's web address, which is published as a 404;
// a file beside the page that is missing or of a kind that cannot be
// published; and a #heading that the page linked to does not have.
func TestLinksBeyondPages(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"section by address", "[help](../help/)",
			`content/crime/burglary.en.md:6: link "../help/" is a web address, which leads nowhere from the published page; link to the page's file instead: ../help/_index.md`},
		{"page by address", "See\n[home](../)",
			`content/crime/burglary.en.md:7: link "../" is a web address, which leads nowhere from the published page; link to the page's file instead: ../_index.md`},
		{"nothing there", "[x](../advice/)",
			`content/crime/burglary.en.md:6: broken link "../advice/": there is no page or file content/advice; link to a page by its file, such as burglary.md`},
		{"missing image", "![map](map.png)",
			`content/crime/burglary.en.md:6: broken link "map.png": there is no file content/crime/map.png; put the file there, or correct the link`},
		{"a kind of file that is not published", "[notes](notes.docx)",
			`content/crime/burglary.en.md:6: link "notes.docx": only pages (by their .md file), images (.png, .jpg, .jpeg, .gif, .webp) and PDFs (.pdf) beside the pages can be linked`},
		{"outside the content", "[settings](../../site.toml)",
			`content/crime/burglary.en.md:6: link "../../site.toml" leads outside the content folder`},
		{"heading on the same page", "[see](#what-is-it)",
			`content/crime/burglary.en.md:6: link "#what-is-it": content/crime/burglary.en.md has no heading with the id "what-is-it"; its headings' ids are #what-it-is`},
		{"heading on another page", "[call](../help/_index.md#who-calls)",
			`content/crime/burglary.en.md:6: link "../help/_index.md#who-calls": content/help/_index.en.md has no heading with the id "who-calls"; its headings' ids are #who-to-call`},
		{"heading on a page with none", "[home](../_index.md#top-tips)",
			`content/crime/burglary.en.md:6: link "../_index.md#top-tips": content/_index.en.md has no heading with the id "top-tips"; it has no headings: link to the page without #`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Load(linkSite(tt.body), testConfig(t))
			for _, p := range probs {
				if strings.HasPrefix(p.String(), tt.want) && !p.Warning {
					return
				}
			}
			t.Errorf("got %q, want an error starting %q", probs, tt.want)
		})
	}
}

// TestFilesBesidePagesArePublished proves an image or PDF that a page
// links to is published once, under files/, with a link that is right
// from every language's copy of the page, and that a file nothing links
// to is a warning, not published.
func TestFilesBesidePagesArePublished(t *testing.T) {
	body := "![map](photo.png) and the [form](./form.pdf#page=2), [who to call](../help/_index.md#who-to-call), [top](#top), [here](#what-it-is)"
	fsys := linkSite(body)
	fsys["content/crime/old.jpg"] = &fstest.MapFile{Data: []byte("old")}
	set, probs := Load(fsys, testConfig(t))
	want := "content/crime/old.jpg: warning: no page links to this file, so it is not published"
	if probs.Errors() > 0 || !strings.HasPrefix(probs[len(probs)-1].String(), want) {
		t.Fatalf("got %q, want no error and %q", probs, want)
	}
	html := string(set.Get("crime/burglary", "en").HTML)
	for _, href := range []string{`src="../../../files/crime/photo.png"`, `href="../../../files/crime/form.pdf#page=2"`, `href="../../help/#who-to-call"`} {
		if !strings.Contains(html, href) {
			t.Errorf("the page holds no %s:\n%s", href, html)
		}
	}
	files := set.Files()
	if len(files) != 2 || string(files["files/crime/form.pdf"]) != "%PDF-1.7 form" || files["files/crime/photo.png"] == nil {
		t.Errorf("got published files %v, want files/crime/form.pdf and files/crime/photo.png", keys(files))
	}
}

// TestOtherFilesInContent proves a file in content/ that cannot be
// published is an error that names it, while editors' backups are left
// alone.
func TestOtherFilesInContent(t *testing.T) {
	fsys := linkSite("")
	fsys["content/crime/notes.docx"] = &fstest.MapFile{Data: []byte("x")}
	fsys["content/crime/burglary.en.md~"] = &fstest.MapFile{Data: []byte("x")}
	fsys["content/crime/#burglary.en.md#"] = &fstest.MapFile{Data: []byte("x")}
	fsys["content/crime/4913"] = &fstest.MapFile{Data: []byte("x")}
	fsys["content/crime/burglary.en.md.swp"] = &fstest.MapFile{Data: []byte("x")}
	_, probs := Load(fsys, testConfig(t))
	var errs []string
	for _, p := range probs {
		if !p.Warning {
			errs = append(errs, p.String())
		}
	}
	want := "content/crime/notes.docx: only pages (.md), images (.png, .jpg, .jpeg, .gif, .webp) and PDFs (.pdf) can be in the content folder"
	if len(errs) != 1 || !strings.HasPrefix(errs[0], want) {
		t.Errorf("got %q, want only %q", errs, want)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
