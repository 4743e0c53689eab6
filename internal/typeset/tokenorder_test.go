package typeset

import (
	"strings"
	"testing"
)

// visualClusters returns the text of a line's glyph clusters in visual
// order, left to right, each cluster once, joined by "|".
func visualClusters(l Line) string {
	var parts []string
	for _, r := range l.Runs {
		prev := [2]int{-1, -1}
		for _, g := range r.Glyphs {
			if c := [2]int{g.ClusterStart, g.ClusterEnd}; c != prev {
				parts, prev = append(parts, r.Text[g.ClusterStart:g.ClusterEnd]), c
			}
		}
	}
	return strings.Join(parts, "|")
}

// ltrClusters returns s as visualClusters shows it when it is drawn left
// to right one character a cluster: "LP-1" gives "L|P|-|1".
func ltrClusters(s string) string {
	return strings.Join(strings.Split(s, ""), "|")
}

// TestTokenOrderRTL checks that references, phone numbers, emails and web
// addresses inside Arabic and Urdu sentences are drawn left to right as
// one piece: their glyph clusters follow each other in visual order
// exactly as they are written, in one left-to-right run.
func TestTokenOrderRTL(t *testing.T) {
	tests := []struct{ lang, text, token string }{
		{"ar", "المرجع LP-12345-26 هنا", "LP-12345-26"},
		{"ar", "المرجع LP/12345/26 هنا", "LP/12345/26"},
		{"ar", "المرجع: LP-12345-26.", "LP-12345-26"},
		{"ar", "المرجع 12345-26 هنا", "12345-26"},
		{"ar", "المرجع AB12/345-C هنا", "AB12/345-C"},
		{"ar", "اتصل على +44 (0)1522 000000 الآن", "+44 (0)1522 000000"},
		{"ar", "راسلنا على help-desk2@lincs.police.uk الآن", "help-desk2@lincs.police.uk"},
		{"ar", "زوروا https://www.example.org/a-b/c2 الآن", "https://www.example.org/a-b/c2"},
		{"ar", "زوروا www.victimsupport.org.uk الآن", "www.victimsupport.org.uk"},
		{"ur", "حوالہ LP-12345-26 ہے", "LP-12345-26"},
		{"ur", "حوالہ LP/12345/26 ہے", "LP/12345/26"},
		{"ur", "حوالہ 12345-26۔", "12345-26"},
		{"ur", "فون: +44 (0)1522 000000، شکریہ", "+44 (0)1522 000000"},
		{"ur", "ای میل help@lincs.police.uk پر", "help@lincs.police.uk"},
		{"ur", "ویب سائٹ https://www.victimandwitnessinfo.org.uk/ دیکھیں", "https://www.victimandwitnessinfo.org.uk/"},
		// Left-to-right text keeps them as written, too.
		{"en", "Your reference is LP-12345-26.", "LP-12345-26"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.token, func(t *testing.T) {
			b := mustLayout(t, tt.text, testStyle(t, tt.lang, 12), 1000)
			if len(b.Lines) != 1 {
				t.Fatalf("%d lines, want 1", len(b.Lines))
			}
			got, want := visualClusters(b.Lines[0]), ltrClusters(tt.token)
			if !strings.Contains(got, want) {
				t.Errorf("clusters left to right:\n %s\nwant them to hold %s", got, want)
			}
			var runs []string
			for _, r := range b.Lines[0].Runs {
				if strings.Contains(r.Text, tt.token) && r.Dir == LeftToRight {
					runs = append(runs, r.Text)
				}
			}
			if len(runs) != 1 {
				t.Errorf("no left-to-right run holds %q whole", tt.token)
			}
			checkClusterOrder(t, b.Lines[0])
		})
	}
}
