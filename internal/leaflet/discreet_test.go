package leaflet

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/text/unicode/norm"
)

// policeWords are the word for the police in each language of the site,
// as the leaflet's own messages write it ("Police station", "Komisariat
// policji"): a floor under each language's LeafletDiscreetNever, so that
// emptying that list cannot make the tests below pass.
var policeWords = map[string]string{
	"en": "police", "pl": "policj", "lt": "policij", "ro": "poliți", "ar": "شرطة",
	"lv": "policij", "ru": "полиц", "bg": "полиц", "pt": "polícia",
	"hu": "rendőr", "ur": "پولیس", "pa": "ਪੁਲਿਸ",
}

var (
	siteOnce     sync.Once
	siteRenderer *Renderer
	siteErr      error
)

// siteRenderer returns a Renderer for the repository's own site: every
// language and crime it ships.
func repoRenderer(t testing.TB) *Renderer {
	t.Helper()
	siteOnce.Do(func() {
		src, probs := Load(os.DirFS("../.."))
		if err := probs.Err(); err != nil {
			siteErr = err
			return
		}
		siteRenderer, siteErr = New(src)
	})
	if siteErr != nil {
		t.Fatalf("load the site: %v", siteErr)
	}
	return siteRenderer
}

// discreetSample is an officer's details that a discreet leaflet must
// mostly leave out: the surname, rank, collar number, email and station.
func discreetSample(lang, crime string) Details {
	return Details{
		Lang: lang, Crime: crime, CrimeRef: "LP-12345-26", Reported: day("2026-11-20"),
		Officer: Officer{Name: "Jane Smithson", Rank: "Sergeant", Collar: "98761", Phone: "01522 000000",
			Email: "jane.smithson@lincs.police.uk", Station: "Gainsborough"},
		Promise:  Promise{Method: "phone", Every: 7, Next: day("2026-11-27")},
		Discreet: true, Bilingual: true,
	}
}

// forbidden is what a discreet leaflet in lang must not show, from the
// site and its messages: the words of LeafletDiscreetNever in lang and
// English, the word for police, the site's name and force and host, a
// police email or address, the officer's details it leaves out, the
// labels of the full leaflet that name the police or the crime, every
// crime's title, and every support service that is not for every victim
// (the domestic-abuse service among them).
func forbidden(t *testing.T, r *Renderer, lang string) (anywhere, wordStart []string) {
	t.Helper()
	cfg := r.src.Config
	def := cfg.DefaultLanguage
	strs, en := r.src.Locales.Lang(lang), r.src.Locales.Lang(def)
	anywhere = append(neverWords(strs.T("LeafletDiscreetNever")), policeWords[lang],
		"police.uk", "lincs.police", "victims.lincs.police.uk", "@", "smithson", "sergeant", "98761", "gainsborough",
		strings.ToLower(cfg.Name), strings.ToLower(cfg.Force))
	for _, s := range []*struct{ id string }{{"SiteName"}, {"LeafletStation"}, {"LeafletCrimeRef"}, {"LeafletCrime"}, {"LeafletOfficerTitle"}, {"LeafletQR"}} {
		anywhere = append(anywhere, strings.ToLower(strs.T(s.id)), strings.ToLower(en.T(s.id)))
	}
	for _, crime := range r.Crimes() {
		for _, l := range []string{lang, def} {
			if p := r.src.Content.Get(CrimePage(crime), l); p != nil {
				anywhere = append(anywhere, strings.ToLower(p.Title))
			}
		}
	}
	general := r.generalContacts()
	abuse := 0
	for _, ct := range cfg.Contacts {
		about, _ := ct.AboutIn("en")
		if strings.Contains(strings.ToLower(about+ct.Name), "domestic abuse") {
			abuse++
		} else if strings.Contains(strings.Join(general, " "), ct.ID) {
			continue
		}
		anywhere = append(anywhere, strings.ToLower(ct.Name))
	}
	if abuse == 0 {
		t.Fatal("site.toml names no domestic-abuse service, so the test would not look for one")
	}
	if lang != def {
		wordStart = neverWords(en.T("LeafletDiscreetNever"))
	}
	return anywhere, wordStart
}

// shows returns the first forbidden term s holds.
func shows(s string, anywhere, wordStart []string) string {
	s = strings.ToLower(s)
	for _, term := range anywhere {
		if term != "" && strings.Contains(s, term) {
			return term
		}
	}
	for _, term := range wordStart {
		if regexp.MustCompile(`(^|[^\p{L}])` + regexp.QuoteMeta(term)).MatchString(s) {
			return term
		}
	}
	return ""
}

// composedTexts returns every text and link of the docs.
func composedTexts(docs []*doc) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.title, d.cover.title.s, d.cover.subtitle.s, d.cover.force.s, d.cover.caption.s, d.cover.qr, d.footer.ref, d.footer.made)
		for _, page := range d.pages {
			walkBlocks(page, func(b block) {
				out = append(out, b.label.s, b.body.s)
				for _, l := range b.links {
					out = append(out, l.uri)
				}
			})
		}
	}
	return out
}

// extracted is the text of a PDF as pdftotext gives it, with Arabic
// presentation forms and direction marks normalised away.
func extracted(t *testing.T, pdf []byte) string {
	t.Helper()
	return norm.NFKC.String(strings.Map(func(r rune) rune {
		if (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
			return -1
		}
		return r
	}, pdfText(t, pdf)))
}

var pdfURI = regexp.MustCompile(`/URI ?\(([^)]*)\)`)

// TestDiscreetLeavesOut makes the discreet leaflet, with its English
// copy, for every language and every crime of the shipped site, and
// finds none of what FACTS.md says it must not show, in what it says
// (composed) nor in what a reader gets from the PDF (pdftotext), nor in
// its links; and finds what it must keep.
func TestDiscreetLeavesOut(t *testing.T) {
	needTool(t, "pdftotext")
	r := repoRenderer(t)
	for _, lang := range r.languages() {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			discreetLeavesOut(t, r, lang)
		})
	}
}

// discreetLeavesOut checks the discreet leaflets of one language.
func discreetLeavesOut(t *testing.T, r *Renderer, lang string) {
	anywhere, wordStart := forbidden(t, r, lang)
	for _, crime := range r.Crimes() {
		d := discreetSample(lang, crime)
		docs := []*doc{r.compose(d, lang)}
		if lang != r.src.Config.DefaultLanguage {
			docs = append(docs, r.compose(d, r.src.Config.DefaultLanguage))
		}
		for _, s := range composedTexts(docs) {
			if term := shows(s, anywhere, wordStart); term != "" {
				t.Errorf("%s, %s: the discreet leaflet says %q, which shows %q", lang, crime, s, term)
			}
		}
		for _, doc := range docs {
			if doc.cover.qr != "" {
				t.Errorf("%s, %s: the discreet leaflet has a QR code to %s", lang, crime, doc.cover.qr)
			}
		}
		if testing.Short() && !SuggestsDiscreet(crime) {
			continue // the PDFs of the crimes that suggest it
		}
		pdf, err := r.Render(d)
		if err != nil {
			t.Fatalf("%s, %s: %v", lang, crime, err)
		}
		text := extracted(t, pdf)
		if term := shows(text, anywhere, wordStart); term != "" {
			t.Errorf("%s, %s: the PDF's text shows %q", lang, crime, term)
		}
		objs := unpacked(t, pdf)
		uris := pdfURI.FindAllSubmatch(objs, -1)
		if len(uris) == 0 {
			t.Errorf("%s, %s: the PDF has no links", lang, crime)
		}
		for _, m := range uris {
			if term := shows(string(m[1]), anywhere, wordStart); term != "" {
				t.Errorf("%s, %s: the PDF links to %s, which shows %q", lang, crime, m[1], term)
			}
		}
		for _, keep := range []string{"Jane", "01522 000000", "LP-12345-26", "999", "101", "Victim Lincs", "01522 947510", "Victim Support"} {
			if l, _ := r.src.Config.Language(lang); l.RTL() {
				// pdftotext may put the words of a Latin name in a
				// right-to-left line in another order (pdfjs_test.go
				// reads these leaflets in order).
				keep = strings.Fields(keep)[len(strings.Fields(keep))-1]
			}
			if !strings.Contains(text, keep) {
				t.Errorf("%s, %s: the discreet leaflet lacks %q", lang, crime, keep)
			}
		}
		if bytes.Contains(objs, []byte("Smithson")) {
			t.Errorf("%s, %s: the PDF's bytes hold the officer's surname", lang, crime)
		}
	}
}

// TestDiscreetWordsNameThePolice checks that every language's list of
// words to avoid holds its word for the police, as its own "Police
// station" message writes it.
func TestDiscreetWordsNameThePolice(t *testing.T) {
	r := repoRenderer(t)
	for _, lang := range r.languages() {
		strs := r.src.Locales.Lang(lang)
		word, ok := policeWords[lang]
		if !ok {
			t.Errorf("%s: the test does not know its word for the police; add it to policeWords", lang)
			continue
		}
		if !strings.Contains(strings.ToLower(strs.T("LeafletStation")), word) {
			t.Errorf("%s: LeafletStation %q does not hold %q", lang, strs.T("LeafletStation"), word)
		}
		found := false
		for _, w := range neverWords(strs.T("LeafletDiscreetNever")) {
			found = found || strings.Contains(word, w)
		}
		if !found {
			t.Errorf("%s: LeafletDiscreetNever %q has no word that finds %q", lang, strs.T("LeafletDiscreetNever"), word)
		}
	}
}

// TestDiscreetKeeps checks what the discreet leaflet says about the
// officer: the first name, or the name they chose, and their phone.
func TestDiscreetKeeps(t *testing.T) {
	needTool(t, "pdftotext")
	r := testRenderer(t)
	d := sample("en")
	d.Crime, d.Discreet = "domestic-abuse", true
	for _, tt := range []struct{ contact, want string }{{"", "Jane"}, {"Sam", "Sam"}} {
		d.ContactName = tt.contact
		pdf, err := r.Render(d)
		if err != nil {
			t.Fatal(err)
		}
		text := oneLine(pdfText(t, pdf))
		for _, want := range []string{
			"Useful information", "Name " + tt.want, "Phone 01522 000000", "Reference LP-12345-26",
			tt.want + " will contact you by phone every 7 days; next contact by 27 November 2026.",
			"In an emergency, call 999.", "If you cannot reach " + tt.want + ", call 101 and give the reference LP-12345-26.",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("contact name %q: the leaflet lacks %q:\n%s", tt.contact, want, text)
			}
		}
		if strings.Contains(text, "Smith") || strings.Contains(text, "PC") {
			t.Errorf("contact name %q: the leaflet shows the surname or rank:\n%s", tt.contact, text)
		}
	}
}

// TestCheckFindsDiscreetGiveaway puts the police into a translated
// discreet message and into site.toml's words about 999, and wants check
// to name each at its file and line.
func TestCheckFindsDiscreetGiveaway(t *testing.T) {
	fsys := fixtureFS(t).(fstest.MapFS)
	pl := string(fsys["locales/leaflet.pl.toml"].Data)
	pl = strings.Replace(pl, `LeafletDiscreetMore = "{{.Name}} może`, `LeafletDiscreetMore = "Policjant {{.Name}} może`, 1)
	fsys["locales/leaflet.pl.toml"] = &fstest.MapFile{Data: []byte(pl)}
	site := string(fsys["site.toml"].Data)
	site = strings.Replace(site, `en = "If you are in danger now.`, `en = "The police come if you are in danger now.`, 1)
	fsys["site.toml"] = &fstest.MapFile{Data: []byte(site)}
	_, probs := Load(fsys)
	var got []string
	for _, p := range probs {
		if !p.Warning {
			got = append(got, p.String())
		}
	}
	want := []string{
		`locales/leaflet.pl.toml:15: message LeafletDiscreetMore: a discreet leaflet in pl would show "policj"`,
		`site.toml: contact emergency about: a discreet leaflet in en would show "police"`,
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no problem starting %q in:\n%s", w, strings.Join(got, "\n"))
		}
	}
}
