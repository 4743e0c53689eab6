package content

import (
	"fmt"
	"strings"
)

// ExportNote starts the note that ExportFile puts at the top of a
// translation to revise. Check refuses a page that still holds it, so an
// export copied back unrevised is never published.
const ExportNote = "<!-- victimsite: REVISE THIS TRANSLATION"

// ExportFile returns the file a translator starts from for the page with
// the given id in lang, named as the translation, with the English page's
// hash already recorded and marked as a draft, so that once translated it
// can be copied into content/ as it is.
//
// For a page not yet translated, the file holds the English text to
// translate; check refuses it if it is copied back with its title or text
// still in English. For a translation that is outdated, the file holds
// that translation, to revise rather than to redo, and above its text a
// note with the English page as it is now; check refuses it while the
// note is there.
func (s *Set) ExportFile(id, lang string) (name string, data []byte, err error) {
	src := s.Get(id, s.source)
	if src == nil {
		return "", nil, fmt.Errorf("no page %q", id)
	}
	name = strings.TrimSuffix(src.File, "."+s.source+".md") + "." + lang + ".md"
	text := &src.FrontMatter
	body := string(src.Body)
	old := s.Get(id, lang)
	if old != nil {
		text, body = &old.FrontMatter, revisionNote(src, name)+string(old.Body)
	}
	var b strings.Builder
	b.WriteString("---\n")
	writeYAML(&b, "title", text.Title)
	if text.Summary != "" {
		writeYAML(&b, "summary", text.Summary)
	}
	if text.Leaflet != "" {
		writeYAML(&b, "leaflet", text.Leaflet)
	}
	if len(text.Rights) > 0 {
		b.WriteString("rights:\n")
		for _, r := range text.Rights {
			b.WriteString("  - " + quoteYAML(r) + "\n")
		}
	}
	b.WriteString("source_hash: " + src.Hash + "\n")
	b.WriteString("draft_translation: true\n---\n")
	b.WriteString(body)
	return name, []byte(b.String()), nil
}

// revisionNote is the note above an outdated translation in an export:
// what to do, then the English page as it is now, in a comment that is
// never published.
func revisionNote(src *Page, name string) string {
	var b strings.Builder
	b.WriteString(ExportNote + "\n")
	fmt.Fprintf(&b, "The English page %s has changed since this translation was made.\n", src.File)
	b.WriteString("The English page as it is now is below. Change the translation under this\n")
	b.WriteString("note to match it (its title, summary and leaflet lines too), then delete\n")
	b.WriteString("this whole note, from this line to the line that closes it below. Until\n")
	fmt.Fprintf(&b, "it is deleted, victimsite check refuses %s.\n\n", name)
	var en strings.Builder
	en.WriteString("title: " + src.Title + "\n")
	if src.Summary != "" {
		en.WriteString("summary: " + src.Summary + "\n")
	}
	if src.Leaflet != "" {
		en.WriteString("leaflet: " + src.Leaflet + "\n")
	}
	for i, r := range src.Rights {
		fmt.Fprintf(&en, "right %d: %s\n", i+1, r)
	}
	en.WriteString("\n" + strings.TrimSpace(string(src.Body)) + "\n")
	// Nothing in the English text may end the comment early.
	b.WriteString(strings.ReplaceAll(en.String(), "-->", "- ->"))
	b.WriteString("-->\n")
	return b.String()
}

func writeYAML(b *strings.Builder, key, value string) {
	b.WriteString(key + ": " + quoteYAML(value) + "\n")
}

// quoteYAML writes a string as a double-quoted YAML scalar, which is safe
// whatever the text holds.
func quoteYAML(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	return `"` + r.Replace(strings.TrimSpace(s)) + `"`
}
