package sitegen_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"victimsite"
	"victimsite/internal/site"
	"victimsite/internal/sitegen"
)

func mapFS(files sitegen.Files) fstest.MapFS {
	m := fstest.MapFS{}
	for p, b := range files {
		m[p] = &fstest.MapFile{Data: b}
	}
	return m
}

func TestGeneratedSiteIsValid(t *testing.T) {
	files, err := sitegen.Generate(sitegen.Options{Pages: 40, Languages: []string{"en", "pl", "ar", "hu"}, Missing: 1.0 / 3, Base: victimsite.DefaultSite, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	s, probs := site.Load(mapFS(files))
	if probs.Errors() > 0 {
		t.Fatalf("the generated site has problems:\n%v", probs)
	}
	if got := len(s.Content.IDs()); got != 40+1+5 {
		t.Errorf("got %d source pages, want 46 (40 pages, home, 5 sections)", got)
	}
	out, err := s.Render()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := out["hu/crime/page-00000/index.html"]; !ok {
		t.Error("a page is missing in hu")
	}
	again, _ := sitegen.Generate(sitegen.Options{Pages: 40, Languages: []string{"en", "pl", "ar", "hu"}, Missing: 1.0 / 3, Base: victimsite.DefaultSite, Seed: 1})
	for p, b := range files {
		if !bytes.Equal(b, again[p]) {
			t.Fatalf("%s differs between two runs with the same seed", p)
		}
	}
	words := len(strings.Fields(string(files["content/crime/page-00000.en.md"])))
	if words < 300 || words > 1000 {
		t.Errorf("a page has %d words, want 300 to 800 of text", words)
	}
}

func TestWordsAskedFor(t *testing.T) {
	opts := sitegen.Options{Pages: 30, Languages: []string{"en", "pl", "ar"}, Missing: 1.0 / 3,
		Base: victimsite.DefaultSite, Seed: 2, MinWords: 300, MaxWords: 800}
	files, err := sitegen.Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, probs := site.Load(mapFS(files)); probs.Errors() > 0 {
		t.Fatalf("the generated site has problems:\n%v", probs)
	}
	shortest, longest := 1<<30, 0
	for p, b := range files {
		if !strings.Contains(p, "/page-") {
			continue
		}
		_, body, _ := strings.Cut(strings.TrimPrefix(string(b), "---\n"), "\n---\n")
		n := 0
		for _, f := range strings.Fields(body) {
			if strings.ContainsAny(strings.ToLower(f), "abcdefghijklmnopqrstuvwxyz") {
				n++
			}
		}
		shortest, longest = min(shortest, n), max(longest, n)
	}
	if shortest < 300 || longest > 800 {
		t.Errorf("got pages of %d to %d words, want 300 to 800", shortest, longest)
	}
	if longest-shortest < 250 {
		t.Errorf("got pages of %d to %d words, want lengths spread over 300 to 800", shortest, longest)
	}
}

func TestWordsRefused(t *testing.T) {
	for _, tc := range []struct{ min, max int }{{300, 200}, {900, 800}} {
		_, err := sitegen.Generate(sitegen.Options{Pages: 1, Base: victimsite.DefaultSite, MinWords: tc.min, MaxWords: tc.max})
		if err == nil {
			t.Errorf("%d to %d words: got no error, want one", tc.min, tc.max)
		}
	}
}
