package leaflet

import (
	"errors"
	"strings"
	"testing"
)

// TestExplain says one set of problems as the command, a CSV file and
// the desk each name the field, from the same messages.
func TestExplain(t *testing.T) {
	values := validValues()
	values[FieldOfficerPhone] = "1987654321"
	values[FieldLang] = "xx"
	_, err := testRenderer(t).Read(values, testNow)
	err = errors.Join(err, &GlyphError{Where: "site.toml: contact x", Rune: 'ʭ'})
	flag := func(f string) string {
		if f == "" {
			return ""
		}
		return "-" + f
	}
	row := (&RowError{Row: 4, names: map[string]string{FieldOfficerPhone: "officer_phone"}}).where
	form := func(f string) string {
		return map[string]string{FieldLang: "The language", FieldOfficerPhone: "Your phone number"}[f]
	}
	phone := "has lost its leading 0, as a spreadsheet drops it; write it as 01522 000000 (in a spreadsheet, format the column as text)"
	lang := "is not a language of the site; use one of en, pl, lt, ro, ar"
	glyph := `site.toml: contact x: the leaflet font cannot draw 'ʭ' (U+02AD); replace it`
	tests := []struct {
		name  string
		where func(string) string
		want  []string
	}{
		{"command", flag, []string{"-lang " + lang, "-officer-phone " + phone, glyph}},
		{"csv", row, []string{"row 4, column lang: " + lang, "row 4, column officer_phone: " + phone, "row 4: " + glyph}},
		{"desk", form, []string{"The language " + lang, "Your phone number " + phone, glyph}},
	}
	for _, tt := range tests {
		var got []string
		for _, x := range Explain(err, tt.where) {
			got = append(got, x.Text)
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
	if got := Explain(nil, flag); got != nil {
		t.Errorf("Explain(nil) = %v, want nothing", got)
	}
}
