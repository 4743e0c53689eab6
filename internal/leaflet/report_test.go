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
	glyph := `site.toml: contact x: no leaflet font can draw 'ʭ' (U+02AD); replace it`
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

func TestAdvise(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Details)
		fields []string
	}{
		{"burglary", func(d *Details) {}, nil},
		{"domestic abuse, full leaflet", func(d *Details) { d.Crime = "domestic-abuse" }, []string{FieldDiscreet}},
		{"stalking, full leaflet", func(d *Details) { d.Crime = "stalking-and-harassment" }, []string{FieldDiscreet}},
		{"sexual offence, full leaflet", func(d *Details) { d.Crime = "rape-and-sexual-offences" }, []string{FieldDiscreet}},
		{"domestic abuse, discreet", func(d *Details) { d.Crime, d.Discreet = "domestic-abuse", true }, nil},
		{"next update on Christmas Day", func(d *Details) { d.Promise.Next = day("2026-12-25") }, []string{FieldPromiseNext}},
		{"next update on the Monday off for Boxing Day", func(d *Details) { d.Promise.Next = day("2026-12-28") }, []string{FieldPromiseNext}},
		{"next update on Christmas Eve", func(d *Details) { d.Promise.Next = day("2026-12-24") }, nil},
		{"contact name, full leaflet", func(d *Details) { d.ContactName = "Sam" }, []string{FieldContactName}},
		{"contact name, discreet", func(d *Details) { d.ContactName, d.Discreet = "Sam", true }, nil},
	}
	for _, tt := range tests {
		d := sample("en")
		tt.change(&d)
		var got []string
		for _, x := range Explain(Advise(d), func(f string) string { return "-" + f }) {
			if !x.Warning {
				t.Errorf("%s: %q is not a warning", tt.name, x.Text)
			}
			if strings.Contains(x.Text, "domestic-abuse") || strings.Contains(x.Text, "2026") {
				t.Errorf("%s: %q repeats a value", tt.name, x.Text)
			}
			got = append(got, x.Field)
		}
		if strings.Join(got, " ") != strings.Join(tt.fields, " ") {
			t.Errorf("%s: warnings about %v, want %v", tt.name, got, tt.fields)
		}
	}
}
