package desk

import (
	"errors"
	"maps"
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"victimsite/internal/leaflet"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		want   Form
		broken bool
	}{
		{"the form", "lang=pl&crime-ref=LP-1%2F26&officer-name=Jane+Smith&csrf=abc.def&action=ics",
			Form{Values: map[string]string{"lang": "pl", "crime-ref": "LP-1/26", "officer-name": "Jane Smith"}, Token: "abc.def", Action: actionICS}, false},
		{"no button is the leaflet", "lang=pl",
			Form{Values: map[string]string{"lang": "pl"}, Action: actionPDF}, false},
		{"empty fields are kept", "victim-name=&bilingual=yes",
			Form{Values: map[string]string{"victim-name": "", "bilingual": "yes"}, Action: actionPDF}, false},
		{"empty body", "", Form{Values: map[string]string{}, Action: actionPDF}, false},
		{"unknown field", "lang=pl&colour=blue", Form{}, true},
		{"field twice", "lang=pl&lang=ar", Form{}, true},
		{"token twice", "csrf=a&csrf=b", Form{}, true},
		{"unknown button", "action=print", Form{}, true},
		{"bad escape", "lang=%zz", Form{}, true},
		{"semicolon", "lang=pl;crime=burglary", Form{}, true},
		{"not UTF-8", "officer-name=%FF%FE", Form{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.body)
			if tt.broken {
				if err == nil || !errors.Is(err, errForm) {
					t.Errorf("Decode(%q) = %+v, %v; want an error wrapping errForm", tt.body, got, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode(%q): %v", tt.body, err)
			}
			if !maps.Equal(got.Values, tt.want.Values) || got.Token != tt.want.Token || got.Action != tt.want.Action {
				t.Errorf("Decode(%q) = %+v, want %+v", tt.body, got, tt.want)
			}
		})
	}
}

// FuzzDecode feeds the form decoder any body. It must never panic; what
// it accepts holds only the leaflet's fields, as UTF-8, with a known
// button, encodes back to the same form, and is safe to hand to
// leaflet.Parse and to show again in the form.
func FuzzDecode(f *testing.F) {
	f.Add(Form{Values: sample(), Token: "AAAAAGsFR9A.6b5RUQfVIqQ", Action: actionPDF}.Encode())
	f.Add("lang=ar&victim-name=%D8%B3%D8%A7%D8%B1%D8%A9&action=ics")
	f.Add("lang=pl&lang=ar")
	f.Add("officer-name=Jane%E2%80%AESmith&promise-every=7")
	f.Add("reported=2026-02-30&promise-next=1999-01-01")
	f.Add("a=%zz&;&=&&")
	f.Add("crime-ref=%00%FF")
	page := &formPage{choices: map[string][]choice{leaflet.FieldLang: {{Value: "pl", Label: "Polski"}}}}
	f.Fuzz(func(t *testing.T, body string) {
		form, err := Decode(body)
		if err != nil {
			if !errors.Is(err, errForm) {
				t.Fatalf("Decode(%q): error %v does not wrap errForm", body, err)
			}
			return
		}
		if form.Action != actionPDF && form.Action != actionICS {
			t.Fatalf("Decode(%q): action %q", body, form.Action)
		}
		for k, v := range form.Values {
			if !slices.Contains(leaflet.Fields, k) || !utf8.ValidString(v) {
				t.Fatalf("Decode(%q): field %q = %q is not a leaflet field of UTF-8 text", body, k, v)
			}
		}
		again, err := Decode(form.Encode())
		if err != nil || !maps.Equal(again.Values, form.Values) || again.Token != form.Token || again.Action != form.Action {
			t.Fatalf("Decode(%q) = %+v, but its encoding decodes to %+v, %v", body, form, again, err)
		}
		_, perr := leaflet.Parse(form.Values, time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC))
		page.Values = form.Values
		page.Errors = problems(form.Values, perr)
		for _, name := range order {
			page.Q(name)
		}
	})
}
