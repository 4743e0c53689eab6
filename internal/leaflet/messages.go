package leaflet

import (
	"time"

	"victimsite/internal/locale"
)

// messageIDs are the interface strings a leaflet uses. The Leaflet ones
// live in locales/leaflet.<lang>.toml; SiteName and the date messages are
// the website's own, in locales/<lang>.toml.
var messageIDs = append([]string{
	"SiteName",
	"LeafletDiscreetTitle", "LeafletFor", "LeafletQR",
	"LeafletDiscreetContactTitle", "LeafletDiscreetName", "LeafletDiscreetRef", "LeafletDiscreetPromise",
	"LeafletDiscreetMore", "LeafletDiscreetCall101", "LeafletDiscreetNever",
	"LeafletReportTitle", "LeafletCrimeRef", "LeafletReported", "LeafletCrime",
	"LeafletOfficerTitle", "LeafletOfficerName", "LeafletCollar", "LeafletPhone", "LeafletEmail", "LeafletStation",
	"LeafletPromiseTitle", "LeafletPromise",
	"LeafletByPhone", "LeafletByEmail", "LeafletByText", "LeafletByLetter", "LeafletByVisit",
	"LeafletPromiseHow", "LeafletPromiseEvery", "LeafletPromiseNext",
	"LeafletNextTitle", "LeafletNextGeneric",
	"LeafletSupportTitle", "LeafletWebsite", "LeafletHours",
	"LeafletEmergencyTitle", "LeafletCall999", "LeafletCall101", "LeafletCall101Generic",
	"LeafletReferral", "LeafletUpdates",
	"LeafletEnhancedTitle", "LeafletEnhanced", "LeafletEnhancedGenericTitle", "LeafletEnhancedGeneric",
	"LeafletComplainTitle", "LeafletComplain",
	"LeafletInterpreterTitle", "LeafletInterpreter",
	"LeafletLanguagesTitle", "LeafletLanguages", "LeafletListSeparator", "LeafletFallback",
}, locale.CodeMessages...)

// sampleCounts reach every plural form of every language the site may
// declare.
var sampleCounts = []int{0, 1, 2, 3, 5, 7, 11, 14, 21, 22, 25, 100, 101, 102}

// staticText returns every string a leaflet in lang can hold that does not
// come from the officer: the messages in every plural form, the month
// names, and the text of every crime page, the rights page and the
// contacts, as leaflets would show them. Their runes go into the
// language's font subset, so that only names typed in another script make
// a leaflet take the slow path.
func (r *Renderer) staticText(lang string) []string {
	var out []string
	collect := func(d *doc) {
		out = append(out, d.title)
		for _, t := range []text{d.cover.title, d.cover.subtitle, d.cover.caption} {
			out = append(out, t.s)
		}
		for _, page := range d.pages {
			for _, b := range page {
				out = append(out, b.label.s, b.body.s)
				for _, m := range b.more {
					out = append(out, m.body.s)
				}
			}
		}
	}
	collect(r.composeGeneric(lang))
	sample := Details{Lang: lang, CrimeRef: "X", Reported: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Officer: Officer{Name: "X", Rank: "X", Collar: "1", Phone: "1", Email: "x@x.x", Station: "X"},
		Promise: Promise{Method: Methods[0], Every: 7, Next: time.Date(2026, 1, 8, 0, 0, 0, 0, time.UTC)}, VictimName: "X"}
	for _, crime := range r.Crimes() {
		sample.Crime = crime
		collect(r.compose(sample, lang))
		sample.Discreet = true
		collect(r.compose(sample, lang))
		sample.Discreet = false
	}
	strs := r.src.Locales.Lang(lang)
	for _, m := range Methods {
		for _, n := range sampleCounts {
			for _, id := range []string{"LeafletPromise", "LeafletDiscreetPromise"} {
				out = append(out, strs.D(id, map[string]any{"Count": n, "Method": strs.T(methodMessages[m]), "Date": "1", "Name": "X"}))
			}
		}
	}
	for _, id := range []string{"LeafletReferral", "LeafletUpdates", "LeafletEnhanced", "LeafletEnhancedGeneric"} {
		for _, n := range sampleCounts {
			out = append(out, strs.D(id, map[string]any{"Count": n}))
		}
	}
	for m := time.January; m <= time.December; m++ {
		out = append(out, strs.Date(time.Date(2026, m, 1, 0, 0, 0, 0, time.UTC)))
	}
	return out
}
