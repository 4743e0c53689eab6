package leaflet

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"victimsite/internal/content"
)

// TestCheckerAnswersAsCheck loads the fixture site, changes one file as
// an editor would, loads it again, and wants Checker to give what Check
// gives, running Check again exactly when the change reaches what Check
// reads.
func TestCheckerAnswersAsCheck(t *testing.T) {
	tests := []struct {
		name, file string
		edit       func(string) string
		strings    bool // the change is to site.toml or locales/, which the preview loads again
		rerun      bool
		changes    bool // the change changes Check's answer
	}{
		{"nothing", "", nil, false, false, false},
		{"a page's text", "content/crime/burglary.pl.md", func(s string) string {
			return s + "\nPolicja 999 Włamanie.\n"
		}, false, false, false},
		{"a crime page's title", "content/crime/burglary.pl.md", func(s string) string {
			return strings.Replace(s, "title: Włamanie", "title: może", 1)
		}, false, true, true},
		{"a crime page's support", "content/crime/burglary.en.md", func(s string) string {
			return strings.Replace(s, "support: [", "support: [crimestoppers, ", 1)
		}, false, true, false},
		{"a new crime page", "content/crime/theft.en.md", func(string) string {
			return "---\ntitle: Theft\n---\nText.\n"
		}, false, true, false},
		{"site.toml", "site.toml", func(s string) string {
			return strings.Replace(s, `en = "If you are in danger now.`, `en = "The police come if you are in danger now.`, 1)
		}, true, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fixtureFS(t).(fstest.MapFS)
			base, probs := Load(fsys)
			if probs.Errors() > 0 {
				t.Fatal(probs.Err())
			}
			var c Checker
			if got, want := c.Check(base), Check(base); !slices.Equal(got, want) {
				t.Fatalf("first check: got %v, want %v", got, want)
			}
			if tt.edit != nil {
				old := ""
				if f := fsys[tt.file]; f != nil {
					old = string(f.Data)
				}
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.edit(old))}
			}
			src, _ := Load(fsys)
			if !tt.strings {
				src.Locales = base.Locales // the preview keeps them while only content changes
			}
			got, want := c.Check(src), Check(src)
			if !slices.Equal(got, want) {
				t.Errorf("Checker gave\n%v\nCheck gives\n%v", got, want)
			}
			if reran := c.runs == 2; reran != tt.rerun {
				t.Errorf("Check ran again: %v, want %v", reran, tt.rerun)
			}
			if changed := !slices.Equal(Check(base), want); changed != tt.changes {
				t.Errorf("the change changed Check's answer: %v, want %v", changed, tt.changes)
			}
		})
	}
}

// TestCheckReadsNoBodyField guards Checker's rule: it gives its last
// answer again while content.SameOutsideBody holds, which leaves out
// content.BodyFields. Check must then read none of them. This writes the
// police, 999 and a crime's title into each of them on every page, and
// wants Check's answer unchanged.
func TestCheckReadsNoBodyField(t *testing.T) {
	src, _ := Load(fixtureFS(t))
	want := Check(src)
	set := 0
	for _, p := range src.Content.Pages() {
		v := reflect.ValueOf(p).Elem()
		for _, name := range content.BodyFields {
			if f := v.FieldByName(name); f.CanSet() {
				set += poison(f)
			}
		}
	}
	if set == 0 {
		t.Fatal("no field of content.BodyFields was written")
	}
	if got := Check(src); !slices.Equal(got, want) {
		t.Errorf("Check reads a field of content.BodyFields: with them changed it gives\n%v\nnot\n%v", got, want)
	}
}

// poison writes giveaway words into v, returning 1 if it could.
func poison(v reflect.Value) int {
	const words = "Police 999 Burglary Domestic abuse Victim Support"
	switch {
	case v.Kind() == reflect.String:
		v.SetString(words)
	case v.Kind() == reflect.Int:
		v.SetInt(999)
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
		v.SetBytes([]byte(words))
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		for i := range s.Index(0).NumField() {
			if f := s.Index(0).Field(i); f.CanSet() {
				poison(f)
			}
		}
		v.Set(s)
	default:
		return 0
	}
	return 1
}
