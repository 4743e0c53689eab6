package leaflet

import "victimsite/internal/locale"

// messageIDs are the interface strings a leaflet uses. The Leaflet ones
// live in locales/leaflet.<lang>.toml; SiteName and the date messages are
// the website's own, in locales/<lang>.toml.
var messageIDs = append([]string{
	"SiteName", "LeafletTitle", "LeafletDangerTitle", "LeafletPageOf", "LeafletMade",
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
