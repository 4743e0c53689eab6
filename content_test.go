package victimsite_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"victimsite"
	"victimsite/internal/site"
)

// loadShipped loads the built-in site and fails on any error in it.
func loadShipped(t *testing.T) *site.Site {
	t.Helper()
	s, probs := site.Load(victimsite.DefaultSite)
	if probs.Errors() > 0 {
		t.Fatalf("the shipped site has problems:\n%v", probs)
	}
	return s
}

var (
	sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)
	markup      = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)|[*_#>|-]`)
	ukPhone     = regexp.MustCompile(`\b0[0-9](?:[ ]?[0-9]){8,9}\b`)
)

// TestPlainEnglish holds the English pages to the house aim: short
// sentences, on average 15 words or fewer.
func TestPlainEnglish(t *testing.T) {
	s := loadShipped(t)
	for _, id := range s.Content.IDs() {
		p := s.Content.Get(id, "en")
		text := markup.ReplaceAllString(string(p.Body), "$1")
		var sentences, words int
		for _, part := range sentenceEnd.Split(text, -1) {
			if n := len(strings.Fields(part)); n > 0 {
				sentences++
				words += n
			}
		}
		if sentences == 0 {
			continue
		}
		if avg := float64(words) / float64(sentences); avg > 15 {
			t.Errorf("%s: %.1f words a sentence on average, want 15 or fewer", p.File, avg)
		}
	}
}

// TestNoUnsourcedPhoneNumbers makes sure every UK phone number in the
// content is one of the contacts in site.toml, where it is checked and
// dated: a number a victim may call is never typed into a page alone.
func TestNoUnsourcedPhoneNumbers(t *testing.T) {
	s := loadShipped(t)
	known := map[string]bool{}
	for _, c := range s.Config.Contacts {
		known[strings.ReplaceAll(c.Phone, " ", "")] = true
	}
	err := fs.WalkDir(victimsite.DefaultSite, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(victimsite.DefaultSite, p)
		if err != nil {
			return err
		}
		for _, m := range ukPhone.FindAllString(string(data), -1) {
			if !known[strings.ReplaceAll(m, " ", "")] {
				t.Errorf("%s: phone number %q is not a contact in site.toml; add it there with its source", p, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRightsAreData checks the Victims' Code page lists the twelve rights
// in every language it is translated into, for leaflets to reuse.
func TestRightsAreData(t *testing.T) {
	s := loadShipped(t)
	id := s.Config.Code.RightsPage
	for _, l := range s.Config.Languages {
		p := s.Content.Get(id, l.Code)
		if p == nil {
			continue
		}
		if len(p.Rights) != 12 {
			t.Errorf("%s lists %d rights, want the Code's 12", p.File, len(p.Rights))
		}
	}
}

// TestEveryCrimePageIsComplete checks each crime page has what a victim
// needs: a summary, leaflet text, support starting with the independent
// service, and the five parts in order.
func TestEveryCrimePageIsComplete(t *testing.T) {
	s := loadShipped(t)
	parts := []string{"## What it is", "## What happens after you report it", "## Your rights", "## What you can do now", "## Get support"}
	for _, p := range s.Content.Children("crime") {
		if p.Summary == "" || p.Leaflet == "" {
			t.Errorf("%s: needs both summary and leaflet", p.File)
		}
		if len(p.Support) == 0 || p.Support[0] != s.Config.Code.SupportContact {
			t.Errorf("%s: support must start with %s", p.File, s.Config.Code.SupportContact)
		}
		body, at := string(p.Body), 0
		for _, part := range parts {
			i := strings.Index(body[at:], part)
			if i < 0 {
				t.Errorf("%s: no %q after the earlier parts", p.File, part)
				break
			}
			at += i
		}
	}
}
