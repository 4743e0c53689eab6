package site

import (
	"errors"
	htmltemplate "html/template"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"victimsite/internal/locale"
	"victimsite/internal/problem"
)

// TestCheckExecutesEveryLayout proves Check finds a layout that cannot be
// executed, at its file and line, whether the pages of today's site reach
// it (then build fails too) or only a page in another state would: load
// alone passed {{.NoSuchField}}, which build then could not execute.
func TestCheckExecutesEveryLayout(t *testing.T) {
	tests := []struct {
		name, file, layout, want string
	}{
		{"no such field", "templates/page.html", "{{define \"main\"}}{{.Title}}\n{{.NoSuchField}}{{end}}",
			"templates/page.html:2: {{.NoSuchField}}: a page (the dot of every layout) has no NoSuchField; it has .Site, .Lang, .Kind, .Title"},
		{"only in a draft", "templates/page.html", "{{define \"main\"}}{{.Title}}\n{{if .Draft}}{{.Drafted}}{{end}}{{end}}",
			"templates/page.html:2: {{.Drafted}}: a page (the dot of every layout) has no Drafted"},
		{"only in the home page's sections", "templates/home.html", "{{define \"main\"}}{{range .Sections}}\n{{.Name}}{{end}}{{end}}",
			"templates/home.html:2: {{.Name}}: a section of the home page has no Name; it has .ID, .Title, .Summary, .Href, .Lang, "},
		{"only with a leaflet", "templates/list.html", "{{define \"main\"}}\n\n{{with .LeafletHref}}{{.X}}{{end}}{{end}}",
			"templates/list.html:3: {{.X}}: "},
		{"only with support contacts", "templates/page.html", "{{define \"main\"}}{{range .Support}}{{.Phone}}\n{{.Fax}}{{end}}{{end}}",
			"templates/page.html:2: {{.Fax}}: a contact has no Fax"},
		{"the 404 page", "templates/404.html", "{{define \"main\"}}{{.Site.Nmae}}{{end}}",
			"templates/404.html:1: {{.Site.Nmae}}: the site (.Site) has no Nmae; it has .Name, .Force"},
		{"the language chooser", "templates/root.html", "{{define \"main\"}}{{index .Switcher 20}}{{end}}",
			"templates/root.html:1: {{index .Switcher 20}}: error calling index: index out of range: 20"},
		{"unsafe place for a value", "templates/base.html", `{{define "base"}}<script>var x = "{{.Title}}</script>{{template "main" .}}{{end}}`,
			"templates/base.html:1: the layout \"base\" ends inside unfinished HTML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimalSite()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.layout)}
			s, probs := Load(fsys)
			if probs.Errors() > 0 {
				t.Fatalf("the layout does not even load: %v", probs)
			}
			got := s.Check()
			found := false
			for _, p := range got {
				found = found || strings.HasPrefix(p.String(), tt.want)
			}
			if !found {
				t.Errorf("got %q, want a problem starting %q", got, tt.want)
			}
			// Whatever build cannot render, check reports.
			if _, err := s.Render(); err != nil {
				var perr *problem.Error
				if !errors.As(err, &perr) {
					t.Fatalf("Render's error %v lists no problems", err)
				}
				for _, p := range perr.List {
					if !containsAt(got, p.File, p.Line) {
						t.Errorf("build fails with %q, which check does not report", p)
					}
				}
			}
		})
	}
}

func containsAt(probs problem.List, file string, line int) bool {
	for _, p := range probs {
		if p.File == file && p.Line == line {
			return true
		}
	}
	return false
}

// TestCheckPassesAGoodSite proves Check finds nothing wrong with the
// repository's own layouts, in every state of every kind of page.
func TestCheckPassesAGoodSite(t *testing.T) {
	s, probs := Load(goldenSite(t))
	if probs.Errors() > 0 {
		t.Fatal(probs)
	}
	if got := s.Check(); len(got) > 0 {
		t.Errorf("got %v", got)
	}
}

// TestLayoutErrorWording pins the wording of html/template's and
// text/template's errors that layoutPlace reads: if the libraries change
// it, problems would lose their line or speak of Go types.
func TestLayoutErrorWording(t *testing.T) {
	tm := htmltemplate.Must(htmltemplate.New("templates/page.html").Parse("<p>\n{{.Nope}}</p>"))
	err := tm.Execute(new(strings.Builder), &view{})
	file, line, msg := layoutPlace(err, nil)
	if file != "templates/page.html" || line != 2 || !strings.HasPrefix(msg, "{{.Nope}}: a page (the dot of every layout) has no Nope; it has .Site, .Lang, .Kind, .Title, ") {
		t.Errorf("got %s:%d: %s from %q", file, line, msg, err)
	}
	unclosed := minimalSite()["templates/list.html"] // any file: only its name is used below
	unclosed.Data = []byte("{{define \"main\"}}\n{{.Title}\n{{end}}")
	_, err = htmltemplate.New("templates/list.html").Parse(string(unclosed.Data))
	if file, line, _ := layoutPlace(err, nil); file != "templates/list.html" || line != 2 {
		t.Errorf("got %s:%d from the parse error %q", file, line, err)
	}
	tm = htmltemplate.Must(htmltemplate.New("x").Parse("{{define \"base\"}}<script>var x = \"{{.}}</script>{{end}}"))
	err = tm.ExecuteTemplate(new(strings.Builder), "base", "x")
	defined := func(name string) (string, int) { return "templates/" + name + ".html", 7 }
	if file, line, msg := layoutPlace(err, defined); file != "templates/base.html" || line != 7 || !strings.Contains(msg, "ends inside unfinished HTML") {
		t.Errorf("got %s:%d: %s from the escaping error %q", file, line, msg, err)
	}
}

// TestLinksFromEveryLanguageResolve renders a site whose page links to a
// section, a heading and files beside it, and follows every relative link
// of every published page: each must reach a published file, so a link
// that check passes is never a 404 in any language.
func TestLinksFromEveryLanguageResolve(t *testing.T) {
	fsys := minimalSite()
	fsys["content/crime/burglary.en.md"].Data = []byte("---\ntitle: Burglary\nsupport: [help]\n---\n## Steps\n\n" +
		"![map](map.png) [form](forms/claim.pdf) [crime](_index.md) [home](../_index.md#top) [steps](#steps)\n")
	fsys["content/crime/map.png"] = &fstest.MapFile{Data: []byte("png")}
	fsys["content/crime/forms/claim.pdf"] = &fstest.MapFile{Data: []byte("pdf")}
	delete(fsys, "content/crime/burglary.pl.md") // Polish readers get the English text, links and all
	files := renderSite(t, fsys)
	if string(files["files/crime/map.png"]) != "png" || string(files["files/crime/forms/claim.pdf"]) != "pdf" {
		t.Fatalf("the files beside the page are not published under files/")
	}
	followed := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || name == "404.html" {
			continue
		}
		for _, m := range relativeRef.FindAllStringSubmatch(string(data), -1) {
			target := path.Join(path.Dir(name), m[1])
			if strings.HasSuffix(m[1], "/") || m[1] == "" {
				target = path.Join(target, "index.html")
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s links to %q, which is not published (%s)", name, m[1], target)
			}
			followed++
		}
	}
	if followed < 10 {
		t.Errorf("followed only %d links", followed)
	}
}

// relativeRef finds the relative links and sources in HTML.
var relativeRef = regexp.MustCompile(`(?:href|src)="([^":#?]*)[#?"]`)

// TestTemplateLocationWording pins the form of text/template's
// ErrorContext ("file:line:column"), which useAt reads to say where a
// layout uses a message: if it changes, "missing message" problems would
// lose their line.
func TestTemplateLocationWording(t *testing.T) {
	tm := htmltemplate.Must(htmltemplate.New("templates/page.html").Funcs(placeholders).Parse("<p>\n\n{{T \"Hi\"}}</p>"))
	used := map[string]locale.Use{}
	messagesIn(tm.Tree, tm.Tree.Root, used)
	if got, want := used["Hi"], (locale.Use{File: "templates/page.html", Line: 3}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
