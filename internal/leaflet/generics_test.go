package leaflet

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestGenerics checks that the generic leaflets made in parallel are one a
// language of the site, each the same bytes as made alone.
func TestGenerics(t *testing.T) {
	r := testRenderer(t)
	got, err := r.Generics()
	if err != nil {
		t.Fatal(err)
	}
	var langs []string
	for l := range got {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	if want := slices.Sorted(slices.Values(r.languages())); !slices.Equal(langs, want) {
		t.Fatalf("Generics made %v, want %v", langs, want)
	}
	for _, l := range langs {
		alone, err := r.Generic(l)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got[l], alone) {
			t.Errorf("the generic leaflet in %s differs when made in parallel", l)
		}
	}
}

// TestGenericsNamesTheLanguage checks that a generic leaflet that cannot be
// made fails the whole set with an error that names its language and
// keeps the cause.
func TestGenericsNamesTheLanguage(t *testing.T) {
	fsys := fixtureFS(t).(fstest.MapFS)
	msgs := string(fsys["locales/leaflet.pl.toml"].Data)
	msgs = strings.Replace(msgs, `LeafletQR = "`, `LeafletQR = "漢 `, 1)
	fsys["locales/leaflet.pl.toml"] = &fstest.MapFile{Data: []byte(msgs)}
	_, err := rendererFor(t, fsys).Generics()
	var ge *GlyphError
	if err == nil || !strings.HasPrefix(err.Error(), "leaflet in pl: ") || !errors.As(err, &ge) {
		t.Fatalf("Generics = %v, want a GlyphError that starts \"leaflet in pl: \"", err)
	}
}

// TestCheckKeepsNoPersonalText checks that the fonts' memory of texts
// already found drawable holds the site's texts and none of a victim's or
// an officer's details.
func TestCheckKeepsNoPersonalText(t *testing.T) {
	r := rendererFor(t, fixtureFS(t))
	d := sample("en")
	d.VictimName, d.Officer.Name = "Zelda Quixote", "Xavier Jumbo"
	if _, err := r.Render(d); err != nil {
		t.Fatal(err)
	}
	n := 0
	r.fonts.drawable.Range(func(k, _ any) bool {
		n++
		for _, s := range []string{d.VictimName, d.Officer.Name, d.CrimeRef, d.Officer.Email} {
			if strings.Contains(k.(checkKey).s, s) {
				t.Errorf("kept %q, which holds personal details", k.(checkKey).s)
			}
		}
		return true
	})
	if n == 0 {
		t.Error("no text of the site kept: every leaflet checks them all again")
	}
}

// TestGenericsWithoutRightsPage checks that a site that names no rights
// page (rights_page is optional in site.toml) gets its generic leaflets,
// with no rights heading: the empty id is the home page, which lists no
// rights, and its empty list of rights once stopped the build.
func TestGenericsWithoutRightsPage(t *testing.T) {
	fsys := fixtureFS(t).(fstest.MapFS)
	cfg := string(fsys["site.toml"].Data)
	without := regexp.MustCompile(`(?m)^rights_page = .*\n`).ReplaceAllString(cfg, "")
	if without == cfg {
		t.Fatal("the fixture's site.toml has no rights_page line to remove")
	}
	fsys["site.toml"] = &fstest.MapFile{Data: []byte(without)}
	r := rendererFor(t, fsys)
	for _, lang := range []string{"en", "pl"} {
		for _, page := range r.composeGeneric(lang).pages {
			for _, b := range page {
				if b.kind == columns && len(b.more) == 0 {
					t.Errorf("the generic leaflet in %s has an empty list of rights", lang)
				}
			}
		}
	}
	if _, err := r.Generics(); err != nil {
		t.Fatal(err)
	}
}
