package locale

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	texttemplate "text/template"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

const enLeaflet = `LeafletCall999 = "In an emergency, call {{.Phone}}."
LeafletCall101 = "Call {{.Phone}}, quoting {{.Ref}}."
LeafletByPhone = "by phone"
[LeafletReferral]
one = "Within {{.Count}} day."
other = "Within {{.Count}} days."
`

// typoSite is English and Polish, the Polish leaflet file replaced by pl.
func typoSite(pl string) fstest.MapFS {
	return fstest.MapFS{
		"locales/en.toml":         {Data: []byte(months + "Hi = \"Hello\"\n")},
		"locales/pl.toml":         {Data: []byte(months + "Hi = \"Cześć\"\n")},
		"locales/leaflet.en.toml": {Data: []byte(enLeaflet)},
		"locales/leaflet.pl.toml": {Data: []byte(pl)},
	}
}

// TestPlaceholderTypos proves that a mistyped placeholder in any form of
// any message is reported at its own line when the messages load, and
// that filling the message in at run time never prints "<no value>" or
// the data (it printed "call <no value>" where 999 belongs).
func TestPlaceholderTypos(t *testing.T) {
	tests := []struct {
		name, pl, want string
	}{
		{"misspelt field", "LeafletCall999 = \"Zadzwoń pod {{.Phon}}.\"\n",
			`locales/leaflet.pl.toml:1: message "LeafletCall999": {{.Phon}} is never filled in; this message can use {{.Phone}}`},
		{"unclosed placeholder", "\nLeafletCall101 = \"Zadzwoń pod {{.Phone}}, podaj {{.Ref}.\"\n",
			`locales/leaflet.pl.toml:2: message "LeafletCall101": every {{ needs a }} after it; write placeholders as {{.Phone}}, {{.Ref}}`},
		{"the whole data", "LeafletCall999 = \"Zadzwoń {{.}}\"\n",
			`locales/leaflet.pl.toml:1: message "LeafletCall999": {{.}} is never filled in`},
		{"data in a message given none", "LeafletByPhone = \"{{.Phone}}\"\n",
			`locales/leaflet.pl.toml:1: message "LeafletByPhone": {{.Phone}} is never filled in, as this message is given no data; remove it`},
		{"one plural form", "[LeafletReferral]\none = \"{{.Count}} dzień\"\nfew = \"{{.Cout}} dni\"\nmany = \"{{.Count}} dni\"\nother = \"{{.Count}} dnia\"\n",
			`locales/leaflet.pl.toml:3: message "LeafletReferral" (few): {{.Cout}} is never filled in; this message can use {{.Count}}`},
		{"a function", "LeafletCall999 = \"{{upper .Phone}}\"\n",
			`locales/leaflet.pl.toml:1: message "LeafletCall999": a placeholder is not written right (function "upper" not defined)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, probs := Load(typoSite(tt.pl), site(t, "en", "pl"))
			found := false
			for _, p := range probs {
				found = found || strings.HasPrefix(p.String(), tt.want) && !p.Warning
			}
			if !found {
				t.Errorf("got %q, want an error starting %q", probs, tt.want)
			}
			pl := b.Lang("pl")
			for _, got := range []string{
				pl.D("LeafletCall999", map[string]any{"Phone": "999"}),
				pl.D("LeafletCall101", map[string]any{"Phone": "101", "Ref": "LP-1"}),
				pl.D("LeafletReferral", map[string]any{"Count": 3}),
				pl.T("LeafletByPhone"),
			} {
				if strings.Contains(got, "<no value>") || strings.Contains(got, "map[") || strings.Contains(got, "{{") {
					t.Errorf("filled in as %q", got)
				}
			}
		})
	}
}

// TestFailedMessageFallsBack proves a message that cannot be filled in is
// shown in the default language, with the data in place.
func TestFailedMessageFallsBack(t *testing.T) {
	b, _ := Load(typoSite("LeafletCall999 = \"Zadzwoń pod {{.Phon}}.\"\n"), site(t, "en", "pl"))
	if got, want := b.Lang("pl").D("LeafletCall999", map[string]any{"Phone": "999"}), "In an emergency, call 999."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestEveryShippedMessageFillsIn loads the site's own message files: none
// may have a problem, warnings included.
func TestEveryShippedMessageFillsIn(t *testing.T) {
	fsys := fstest.MapFS{}
	langs := []string{"en", "pl", "lt", "ro", "ar", "lv", "ru", "bg", "pt"}
	for _, l := range langs {
		for _, name := range []string{l + ".toml", "leaflet." + l + ".toml"} {
			data, err := readRepo("locales/" + name)
			if err != nil {
				t.Fatal(err)
			}
			fsys["locales/"+name] = &fstest.MapFile{Data: data}
		}
	}
	if _, probs := Load(fsys, site(t, langs...)); len(probs) > 0 {
		t.Errorf("got %d problems:\n%v", len(probs), probs)
	}
}

// TestUnknownMessageIsAWarning proves a message that the default language
// does not have is reported, as a warning, at its line.
func TestUnknownMessageIsAWarning(t *testing.T) {
	pl := strings.Replace(enLeaflet, "other =", "few = \"{{.Count}} dni\"\nmany = \"{{.Count}} dni\"\nother =", 1)
	fsys := typoSite("LeafletCal999 = \"Zadzwoń\"\n" + pl)
	_, probs := Load(fsys, site(t, "en", "pl"))
	want := `locales/leaflet.pl.toml:1: warning: message "LeafletCal999" is not in the en message files, so nothing shows it; correct its name or remove it`
	if len(probs) != 1 || probs[0].String() != want {
		t.Errorf("got %q, want only %q", probs, want)
	}
}

// TestBrokenFileIsReportedAlone proves a message file that is not valid
// TOML is reported once, at the line the TOML library names, and a
// missing leaflet file once, without a "missing" line for each message
// they would hold.
func TestBrokenFileIsReportedAlone(t *testing.T) {
	fsys := typoSite("")
	fsys["locales/pl.toml"] = &fstest.MapFile{Data: []byte("Hi = \"Cześć\"\nMonth1 = \"stycznia\nMonth2 = \"lutego\"\n")}
	delete(fsys, "locales/leaflet.pl.toml")
	b, probs := Load(fsys, site(t, "en", "pl"))
	b.Check(map[string]Use{"Hi": {File: "templates/base.html", Line: 2}, "Month1": {File: "templates/base.html", Line: 3}, "SkipLink": {File: "templates/base.html", Line: 4}}, &probs)
	probs.Sort()
	want := []string{
		"locales/leaflet.pl.toml: no message file leaflet.pl.toml for pl; copy locales/leaflet.en.toml and translate it",
		"locales/pl.toml:2: strings cannot contain newlines; until it is fixed, none of this file's messages can be read",
		`templates/base.html:4: message "SkipLink" is missing from locales/en.toml; add it there`,
	}
	if len(probs) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(probs), len(want), probs)
	}
	for i, w := range want {
		if !strings.HasPrefix(probs[i].String(), w) {
			t.Errorf("got %q, want it to start %q", probs[i], w)
		}
	}
	for _, id := range []string{"LeafletCall999", "Month1", "Hi"} {
		if !b.Lang("pl").Has(id) {
			t.Errorf("Has(%q) = false: the missing message would be reported besides its file", id)
		}
	}
}

// TestLibraryWording pins the wording of the libraries' errors that this
// package reads: the position that starts a text/template error, and the
// plural form that go-i18n names when a message lacks it. If either
// changes, the problems would show positions twice or lose the form.
func TestLibraryWording(t *testing.T) {
	_, err := texttemplate.New("x").Parse("call {{.Ref | upper}}")
	if err == nil || !templateAt.MatchString(err.Error()) || templateProblem(err) != `function "upper" not defined` {
		t.Errorf("parse error %q no longer reads as templateAt expects", err)
	}
	tm := texttemplate.Must(texttemplate.New("x").Option("missingkey=error").Parse("call {{.Dat}}"))
	err = tm.Execute(new(strings.Builder), map[string]any{"Date": 1})
	if err == nil || !templateAt.MatchString(err.Error()) || strings.HasPrefix(templateProblem(err), "template:") {
		t.Errorf("execute error %q no longer reads as templateAt expects", err)
	}
	bundle := i18n.NewBundle(language.English)
	if _, err := bundle.ParseMessageBytes(language.Polish, []byte("[D]\none = \"a\"\nother = \"b\"\n"), toml.Unmarshal); err != nil {
		t.Fatal(err)
	}
	_, err = i18n.NewLocalizer(bundle, "pl").Localize(&i18n.LocalizeConfig{MessageID: "D", PluralCount: 5})
	m := pluralForm.FindStringSubmatch(errString(err))
	if m == nil || m[1] != "many" {
		t.Errorf("go-i18n's error %q no longer names the missing plural form as pluralForm expects", err)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// readRepo reads a file of the repository's own site.
func readRepo(name string) ([]byte, error) { return os.ReadFile(filepath.Join("..", "..", name)) }
