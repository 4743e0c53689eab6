package site

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"victimsite"
)

// TestUnusableDefaultLanguage proves a default_language that is not a
// language tag is a site.toml problem at its line: it made check, build
// and serve panic in language.MustParse.
func TestUnusableDefaultLanguage(t *testing.T) {
	for _, value := range []string{"english", "EN", "", "pl-", "xx"} {
		fsys := minimalSite()
		fsys["site.toml"].Data = bytes.Replace(fsys["site.toml"].Data, []byte("checked ="),
			[]byte("default_language = \""+value+"\"\nchecked ="), 1)
		s, probs := Load(fsys)
		want := "site.toml:4: default_language"
		if value == "" {
			if s == nil || probs.Errors() > 0 {
				t.Errorf("default_language = \"\": got %v, want the default, English", probs)
			}
			continue
		}
		if s != nil || len(probs) == 0 || !strings.HasPrefix(probs[0].String(), want) {
			t.Errorf("default_language = %q: got site %v and %q, want no site and a problem starting %q", value, s != nil, probs, want)
		}
	}
}

// FuzzLoad goes from the bytes of site.toml to a loaded site, its pages,
// messages and layouts those of a small valid site: whatever site.toml
// holds, loading must not panic, every problem must name a file of the
// site, and a site that loads without errors must render.
func FuzzLoad(f *testing.F) {
	valid := minimalSite()["site.toml"].Data
	f.Add(valid)
	f.Add(bytes.Replace(valid, []byte("checked ="), []byte("default_language = \"english\"\nchecked ="), 1))
	f.Add(bytes.Replace(valid, []byte(`code = "pl"`), []byte(`code = "xx"`), 1))
	f.Add(bytes.Replace(valid, []byte(`code = "pl"`), []byte(`code = "en"`), 1))
	f.Add(bytes.Replace(valid, []byte(`dir = "ltr"`), []byte(`dir = 3`), 1))
	f.Add(bytes.Replace(valid, []byte("checked = 2026-11-23"), []byte(`checked = "23/11/2026"`), 1))
	f.Add(bytes.Replace(valid, []byte("[[contacts]]"), []byte("[contacts]"), 1))
	if shipped, err := victimsite.DefaultSite.ReadFile("site.toml"); err == nil {
		f.Add(shipped)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := minimalSite()
		fsys["site.toml"] = &fstest.MapFile{Data: data}
		s, probs := Load(fsys)
		if s == nil && probs.Errors() == 0 {
			t.Fatalf("no site and no error: %v", probs)
		}
		for _, p := range probs {
			if !namesSiteFile(p.File) {
				t.Errorf("problem names no file of the site: %q", p)
			}
		}
		if s != nil && probs.Errors() == 0 {
			if _, err := s.Render(); err != nil {
				t.Errorf("a site with no errors does not render: %v", err)
			}
		}
	})
}

func namesSiteFile(file string) bool {
	if file == "site.toml" {
		return true
	}
	for _, folder := range []string{"content", "locales", "templates"} {
		if file == folder || strings.HasPrefix(file, folder+"/") {
			return true
		}
	}
	return false
}
