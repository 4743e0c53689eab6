package leaflet

import (
	"regexp"
	"slices"
	"testing"
)

// TestDigitsKeepSubsets checks that leaflets that differ only in the
// digits of their personal details (reference, phone, collar number)
// embed the same Noto Sans subsets, so that a bulk run subsets and
// compresses them once, not once a leaflet.
func TestDigitsKeepSubsets(t *testing.T) {
	r := repoRenderer(t)
	subsets := regexp.MustCompile(`/BaseFont/([A-Z]{6}\+NotoSans-(?:Regular|Bold))`)
	for _, lang := range []string{"en", "pl", "ar"} {
		var got [][]string
		for _, digits := range []string{"12345", "67890"} {
			d := sample(lang)
			d.CrimeRef = "LP-" + digits + "-26"
			d.Officer.Phone, d.Officer.Collar = "01522 "+digits, digits[1:]
			b, err := r.Render(d)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, m := range subsets.FindAllSubmatch(unpacked(t, b), -1) {
				names = append(names, string(m[1]))
			}
			slices.Sort(names)
			got = append(got, slices.Compact(names))
		}
		if len(got[0]) == 0 || !slices.Equal(got[0], got[1]) {
			t.Errorf("%s: Noto Sans subsets %v and %v, want the same", lang, got[0], got[1])
		}
	}
}
