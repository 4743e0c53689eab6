package leaflet

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"victimsite/internal/typeset"
)

// TestFilledSpans checks that the spans of a filled-in message cover its
// string values and nothing else, and that a message that does more with
// a value than print it is left personal throughout.
func TestFilledSpans(t *testing.T) {
	fill := func(tmpl string) func(map[string]any) string {
		return func(d map[string]any) string {
			s := tmpl
			for k, v := range d {
				if vs, ok := v.(string); ok && k == "Upper" {
					vs = strings.ToUpper(vs)
					s = strings.ReplaceAll(s, "{"+k+"}", vs)
					continue
				}
				s = strings.ReplaceAll(s, "{"+k+"}", toString(v))
			}
			return s
		}
	}
	tests := []struct {
		name, tmpl string
		data       map[string]any
		want       []string // the text of each span; nil: no spans
	}{
		{"one value", "For: {Name}", map[string]any{"Name": "Anna Nowak"}, []string{"Anna Nowak"}},
		{"two values and a count", "{Name}, every {Count} days by {Date}.",
			map[string]any{"Name": "Bo", "Count": 7, "Date": "27 May"}, []string{"Bo", "27 May"}},
		{"a value twice", "{Ref} and {Ref}", map[string]any{"Ref": "LP-1"}, []string{"LP-1", "LP-1"}},
		{"an empty value", "For: {Name}.", map[string]any{"Name": ""}, []string{""}},
		{"a value changed", "For: {Upper}", map[string]any{"Upper": "anna"}, nil},
		{"a value in another script", "لـ{Name}", map[string]any{"Name": "علي"}, []string{"علي"}},
	}
	for _, tt := range tests {
		f := fill(tt.tmpl)
		filled := f(tt.data)
		spans := filledSpans(filled, f, tt.data)
		if tt.want == nil {
			if spans != nil {
				t.Errorf("%s: spans %v, want none", tt.name, spans)
			}
			continue
		}
		var got []string
		for _, sp := range spans {
			got = append(got, filled[sp.Start:sp.End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: spans cover %q, want %q", tt.name, got, tt.want)
		}
	}
}

// toString prints a test value.
func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strings.Repeat("I", v)
	}
	return ""
}

// TestEndSentenceKeepsSpans checks that the spans still cover the date
// after endSentence drops the full stop the date ended with.
func TestEndSentenceKeepsSpans(t *testing.T) {
	s := "Next update by 27. 11. 2026.. Thanks, Anna."
	tx := text{s: s, own: true, mine: []typeset.Span{{Start: 15, End: 28}, {Start: 38, End: 42}}}
	got := endSentence(tx, "27. 11. 2026.")
	if want := "Next update by 27. 11. 2026. Thanks, Anna."; got.s != want {
		t.Fatalf("endSentence = %q, want %q", got.s, want)
	}
	if d, n := got.s[got.mine[0].Start:got.mine[0].End], got.s[got.mine[1].Start:got.mine[1].End]; d != "27. 11. 2026." || n != "Anna" {
		t.Errorf("spans cover %q and %q, want the date and the name", d, n)
	}
	// A name that holds the date, as text, keeps its full stop: the one
	// dropped is the date's, at the end of the sentence.
	odd := text{s: "Ann 27. 11. 2026.. will call by 27. 11. 2026..", own: true}
	if got := endSentence(odd, "27. 11. 2026.").s; got != "Ann 27. 11. 2026.. will call by 27. 11. 2026." {
		t.Errorf("endSentence = %q, want the last date's full stop dropped", got)
	}
}

// TestPiecesMakeTheSameLeaflet checks that shaping personal messages in
// pieces changes no byte of any leaflet: in every language, plain,
// discreet (with a contact name), bilingual and in large print, for two
// crimes, with details in Latin letters and in the language's own script.
func TestPiecesMakeTheSameLeaflet(t *testing.T) {
	r := repoRenderer(t)
	whole, err := New(r.src)
	if err != nil {
		t.Fatal(err)
	}
	whole.wholeOwn = true
	names := map[string][]string{
		"ar": {"فاطمة الزهراء", "علي"}, "ur": {"عائشہ قریشی", "پرویز"}, "pa": {"ਹਰਪ੍ਰੀਤ ਕੌਰ"},
		"ru": {"Зоряна Петрова"}, "bg": {"Зоряна Петрова"},
	}
	variants := []struct {
		crime                      string
		discreet, bilingual, large bool
	}{
		{crime: "burglary"}, {crime: "domestic-abuse", discreet: true}, {crime: "burglary", bilingual: true},
		{crime: "domestic-abuse", large: true},
	}
	for _, lang := range r.languages() {
		for i, name := range append([]string{"Zofia Wiśniewska"}, names[lang]...) {
			for _, v := range variants {
				d := sample(lang)
				d.Crime, d.Discreet, d.Bilingual, d.LargePrint = v.crime, v.discreet, v.bilingual, v.large
				d.VictimName, d.Officer.Name, d.Officer.Station = name, "Kit Qorvath", "Skegness"
				if i > 0 {
					d.Officer.Name = name // the officer's name in the language's script too
				}
				if v.discreet {
					d.ContactName = "Brynmor"
				}
				got, err := r.Render(d)
				if err != nil {
					t.Fatalf("%s %q %+v: %v", lang, name, v, err)
				}
				want, err := whole.Render(d)
				if err != nil {
					t.Fatalf("%s %q %+v, shaped whole: %v", lang, name, v, err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s %q %+v: the leaflet differs when its personal messages are shaped in pieces", lang, name, v)
				}
			}
		}
	}
}
