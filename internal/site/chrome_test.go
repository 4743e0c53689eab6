package site

import (
	"testing"
)

// TestChromeIsThePagesOwn: the exit button, header, footer and the links
// to the assets rendered once per language and depth, and the links to a
// page's other languages rendered once for all of them, are, on every
// page, exactly what the layouts give for that page on its own; and a
// page whose folder the URL escaper would change gets its header
// rendered for it alone.
func TestChromeIsThePagesOwn(t *testing.T) {
	s, probs := Load(goldenSite(t))
	if probs.Errors() > 0 {
		t.Fatal(probs.Err())
	}
	jobs := append(s.jobs(), s.variantJobs()...)
	odd := s.pageView(s.Content.IDs()[len(s.Content.IDs())-1], s.Config.Languages[1], s.Locales.Lang(s.Config.Languages[1].Code))
	for i := range odd.Switcher {
		odd.Switcher[i].Href += "caf%C3%A9/"
	}
	jobs = append(jobs, job{path: "odd.html", kind: odd.Kind, view: odd})
	help, err := s.helpBlocks()
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		j.view.HelpHTML, j.view.HelpNowHTML = help[j.view.Lang.Code].help, help[j.view.Lang.Code].now
	}
	if err := s.setChrome(jobs, help); err != nil {
		t.Fatal(err)
	}
	shared := 0
	for _, j := range jobs {
		if _, ok := s.switcherFolder(j.view); ok {
			shared++
		}
		for _, b := range []struct {
			name string
			got  string
		}{{"exit", string(j.view.ExitHTML)}, {"header", string(j.view.HeaderHTML)}, {"footer", string(j.view.FooterHTML)},
			{"assets", string(j.view.AssetsHTML)}, {"alternates", string(j.view.AlternatesHTML)}} {
			want, err := s.block(j.view, b.name)
			if err != nil {
				t.Fatal(err)
			}
			empty := b.name == "alternates" && len(j.view.Alternates) == 0
			if b.got != string(want) || (want == "") != empty {
				t.Errorf("%s: the %s block is\n%s\nwant\n%s", j.path, b.name, b.got, want)
			}
		}
	}
	if shared < len(jobs)/2 {
		t.Errorf("only %d of %d pages share their header; want most", shared, len(jobs))
	}
	if _, ok := s.switcherFolder(odd); ok {
		t.Error("a folder the escaper changes shares its header")
	}
}

func TestPlainFolder(t *testing.T) {
	for dir, want := range map[string]bool{"": true, "crime/": true, "crime/burglary-2/": true, "crime": false,
		"/crime/": false, "a//b/": false, "café/": false, "a b/": false, "a?b/": false, "../": false} {
		if got := plainFolder(dir); got != want {
			t.Errorf("plainFolder(%q) = %v, want %v", dir, got, want)
		}
	}
}
