package leaflet

import (
	"testing"
)

// TestPersonalDetailsNotKept renders a leaflet in every language, plain,
// bilingual and discreet, and checks that no font stack's cache keeps any
// text holding the victim's or the officer's details: they are shaped for
// the leaflet and dropped.
func TestPersonalDetailsNotKept(t *testing.T) {
	r := repoRenderer(t)
	personal := []string{"Zofia Wiśniewska", "Qorvath", "551234", "qorvath.k@lincs", "LP-98765-26", "Skegness", "Brynmor",
		"عائشہ", "فاطمة", "ਹਰਪ੍ਰੀਤ", "Зоряна"}
	// A name in the language's own script shares its words' runs: the
	// site's words are kept (pieces), the name must not be.
	ownScript := map[string]string{"ur": "عائشہ قریشی", "ar": "فاطمة الزهراء", "pa": "ਹਰਪ੍ਰੀਤ ਕੌਰ", "ru": "Зоряна Петрова"}
	variants := []struct{ bilingual, discreet, large bool }{
		{}, {bilingual: true}, {discreet: true}, {large: true}, {bilingual: true, discreet: true, large: true},
	}
	for _, lang := range r.languages() {
		for _, variant := range variants {
			d := sample(lang)
			d.VictimName, d.Officer.Name = "Zofia Wiśniewska", "Kit Qorvath"
			if n, ok := ownScript[lang]; ok && variant.bilingual {
				d.VictimName = n
			}
			d.Officer.Phone, d.Officer.Email, d.CrimeRef = "01522 551234", "qorvath.k@lincs.police.uk", "LP-98765-26"
			d.Officer.Station = "Skegness"
			d.Bilingual, d.Discreet, d.LargePrint = variant.bilingual, variant.discreet, variant.large
			if variant.discreet && variant.large {
				d.ContactName = "Brynmor" // how the discreet leaflet names the officer (personal, never kept)
			}
			if _, err := r.Render(d); err != nil {
				t.Fatalf("%s %+v: %v", lang, variant, err)
			}
		}
	}
	for lang, st := range r.fonts.stacks {
		for _, p := range personal {
			if st.Keeps(p) {
				t.Errorf("the %s font stack keeps a text with %q", lang, p)
			}
		}
	}
}
