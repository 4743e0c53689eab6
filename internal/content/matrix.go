package content

import (
	"fmt"
	"strings"
)

// Row is one page's state in every language, for the translation matrix.
type Row struct {
	ID     string           `json:"id"`
	File   string           `json:"file"` // the source-language file
	States map[string]State `json:"states"`
}

// Totals counts the pages of one language in each state.
type Totals map[State]int

// Matrix returns the state of every page in each language, in page order,
// with totals per language.
func (s *Set) Matrix(langs []string) ([]Row, map[string]Totals) {
	totals := map[string]Totals{}
	for _, l := range langs {
		totals[l] = Totals{}
	}
	rows := make([]Row, 0, len(s.ids))
	for _, id := range s.ids {
		r := Row{ID: id, File: s.Get(id, s.source).File, States: map[string]State{}}
		for _, l := range langs {
			st := s.State(id, l)
			r.States[l] = st
			totals[l][st]++
		}
		rows = append(rows, r)
	}
	return rows, totals
}

// MarshalText writes a state as its name, for JSON.
func (st State) MarshalText() ([]byte, error) { return []byte(st.String()), nil }

// ExportFile returns the file a translator starts from for the page with
// the given id in lang: the English text, named as the translation, with
// the English page's hash already recorded and marked as a draft, so that
// once translated it can be copied into content/ as it is.
func (s *Set) ExportFile(id, lang string) (name string, data []byte, err error) {
	src := s.Get(id, s.source)
	if src == nil {
		return "", nil, fmt.Errorf("no page %q", id)
	}
	name = strings.TrimSuffix(src.File, "."+s.source+".md") + "." + lang + ".md"
	var b strings.Builder
	b.WriteString("---\n")
	writeYAML(&b, "title", src.Title)
	if src.Summary != "" {
		writeYAML(&b, "summary", src.Summary)
	}
	if src.Leaflet != "" {
		writeYAML(&b, "leaflet", src.Leaflet)
	}
	if len(src.Rights) > 0 {
		b.WriteString("rights:\n")
		for _, r := range src.Rights {
			b.WriteString("  - " + quoteYAML(r) + "\n")
		}
	}
	b.WriteString("source_hash: " + src.Hash + "\n")
	b.WriteString("draft_translation: true\n---\n")
	b.Write(src.Body)
	return name, []byte(b.String()), nil
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
