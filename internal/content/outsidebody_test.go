package content

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// TestSameOutsideBody loads a site, changes one file, loads it again and
// wants SameOutsideBody true only when the change stays in a body.
func TestSameOutsideBody(t *testing.T) {
	cfg := testConfig(t)
	base := "---\ntitle: A\nsummary: About A.\n---\nText.\n"
	tests := []struct {
		name, file, data string
		same             bool
	}{
		{"nothing", "content/a.en.md", base, true},
		{"the text", "content/a.en.md", "---\ntitle: A\nsummary: About A.\n---\nOther text, with [a link](_index.md).\n\n## A heading\n", true},
		{"the title", "content/a.en.md", "---\ntitle: A2\nsummary: About A.\n---\nText.\n", false},
		{"a key's line", "content/a.en.md", "---\n\ntitle: A\nsummary: About A.\n---\nText.\n", false},
		{"a new translation", "content/a.ar.md", "---\ntitle: أ\n---\nنص.\n", false},
		{"a new page", "content/b.en.md", base, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"content/_index.en.md": {Data: []byte("---\ntitle: Home\n---\nSee [a](a.md).\n")},
				"content/a.en.md":      {Data: []byte(base)},
			}
			before, _ := Load(fsys, cfg)
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			after, _ := Load(fsys, cfg)
			if got := SameOutsideBody(before, after); got != tt.same {
				t.Errorf("SameOutsideBody = %v, want %v", got, tt.same)
			}
		})
	}
}

// TestBodyFieldsArePageFields keeps BodyFields in step with Page: each
// names a field of Page, so that renaming one cannot leave it compared
// where a check that reads front matter only expects it left out.
func TestBodyFieldsArePageFields(t *testing.T) {
	typ := reflect.TypeFor[Page]()
	for _, name := range BodyFields {
		if _, ok := typ.FieldByName(name); !ok {
			t.Errorf("BodyFields names %q, which Page lacks", name)
		}
	}
	if n := typ.NumField() - 1 + reflect.TypeFor[FrontMatter]().NumField(); n <= len(BodyFields) {
		t.Errorf("Page has %d fields, BodyFields leaves out %d: nothing is compared", n, len(BodyFields))
	}
}
