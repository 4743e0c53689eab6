package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// exportSite has a burglary page translated into Arabic from an older
// English text, and a violence page not translated.
func exportSite() fstest.MapFS {
	return fstest.MapFS{
		"content/_index.en.md":         {Data: []byte("---\ntitle: Home\n---\n")},
		"content/crime/_index.en.md":   {Data: []byte("---\ntitle: Crime\n---\n")},
		"content/crime/burglary.en.md": {Data: []byte("---\ntitle: Burglary\nsummary: Someone broke in.\n---\n## What it is\n\nNew English text --> with an arrow.\n")},
		"content/crime/burglary.ar.md": {Data: []byte("---\ntitle: سطو\nsummary: اقتحم أحدهم.\nsource_hash: 0123456789ab\n---\nنص عربي قديم.\n")},
		"content/crime/violence.en.md": {Data: []byte("---\ntitle: Violence\n---\nText.\n")},
	}
}

// TestStillEnglishIsAnError proves a translation whose title or text is
// still the English is refused: copied back from an export untranslated,
// it published English as a draft Arabic page, with lang="ar".
func TestStillEnglishIsAnError(t *testing.T) {
	tests := []struct{ name, file, want string }{
		{"title and text", "---\ntitle: Violence\nsource_hash: x\ndraft_translation: true\n---\nText.\n",
			"content/crime/violence.ar.md:2: the title is still the title of content/crime/violence.en.md; translate it|content/crime/violence.ar.md:6: the text is still the text of content/crime/violence.en.md; translate it"},
		{"text only, spaced differently", "---\ntitle: عنف\n---\n\nText.  \r\n",
			"content/crime/violence.ar.md:4: the text is still the text of content/crime/violence.en.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := exportSite()
			fsys["content/crime/violence.ar.md"] = &fstest.MapFile{Data: []byte(tt.file)}
			_, probs := Load(fsys, testConfig(t))
			for _, want := range strings.Split(tt.want, "|") {
				found := false
				for _, p := range probs {
					found = found || strings.HasPrefix(p.String(), want) && !p.Warning
				}
				if !found {
					t.Errorf("got %q, want an error starting %q", probs, want)
				}
			}
		})
	}
}

// TestExportCarriesTheTranslation proves the export of an outdated page
// holds its translation, to revise, and the English page as it is now in
// a note that check refuses while it is there: the export used to hold the
// English text only, and copying it back replaced the translation.
func TestExportCarriesTheTranslation(t *testing.T) {
	set, _ := Load(exportSite(), testConfig(t))
	name, data, err := set.ExportFile("crime/burglary", "ar")
	if err != nil || name != "content/crime/burglary.ar.md" {
		t.Fatalf("got %q, %v", name, err)
	}
	got := string(data)
	src := set.Get("crime/burglary", "en")
	for _, want := range []string{"title: \"سطو\"", "summary: \"اقتحم أحدهم.\"", "source_hash: " + src.Hash, "draft_translation: true",
		ExportNote, "The English page content/crime/burglary.en.md has changed", "title: Burglary", "summary: Someone broke in.",
		"## What it is", "New English text - -> with an arrow.", "-->\nنص عربي قديم.\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("the export does not hold %q:\n%s", want, got)
		}
	}
	// Copied back as it is, the note is refused at its lines...
	fsys := exportSite()
	fsys[name] = &fstest.MapFile{Data: data}
	_, probs := Load(fsys, testConfig(t))
	want := "content/crime/burglary.ar.md:7: the note from victimsite status -export is still here (lines 7 to 20)"
	if probs.Errors() != 1 || !strings.HasPrefix(probs[0].String(), want) {
		t.Fatalf("got %q, want one error starting %q", probs, want)
	}
	// ... and once revised, with the note gone, it is a current draft.
	revised := got[:strings.Index(got, ExportNote)] + "نص عربي جديد.\n"
	fsys[name] = &fstest.MapFile{Data: []byte(revised)}
	set, probs = Load(fsys, testConfig(t))
	if len(probs) != 0 || set.State("crime/burglary", "ar") != Draft {
		t.Errorf("got %v and state %v, want no problem and a draft", probs, set.State("crime/burglary", "ar"))
	}
	// A page not yet translated is exported in English, which check
	// refuses until it is translated.
	_, data, _ = set.ExportFile("crime/violence", "ar")
	if !strings.Contains(string(data), "title: \"Violence\"") || strings.Contains(string(data), ExportNote) {
		t.Errorf("the export of a missing page:\n%s", data)
	}
}
