package site

import (
	"errors"
	htmltemplate "html/template"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/problem"
)

// Check renders the site in memory, as Render does but without the
// leaflets, and reports every layout that cannot be executed, at its
// templates/FILE:LINE. So that a layout is tried in every branch before
// a page needs it, it also renders each kind of page (home, section,
// page, language chooser and 404) in every language in each state a page
// can be in: untranslated, outdated, a draft, with enhanced rights and
// support contacts, with empty lists, and with the leaflet link. Call it
// only on a site that loaded without errors.
func (s *Site) Check() problem.List {
	if s == nil || s.layouts == nil || s.Content == nil {
		return nil
	}
	probs, _ := s.executeAll(append(s.jobs(), s.variantJobs()...), nil) // no emit, no error
	probs.Sort()
	return probs
}

// variants are the states a page can be in, each set on a view.
var variants = []struct {
	name string
	set  func(v *view, source string)
}{
	{"untranslated", func(v *view, source string) { v.Fallback, v.BodyLang = true, source }},
	{"outdated", func(v *view, _ string) { v.Outdated = true }},
	{"draft", func(v *view, _ string) { v.Draft = true }},
	{"with enhanced rights and support contacts", func(v *view, _ string) {
		v.Enhanced, v.EnhancedDays, v.Support = true, 1, []contact{*v.Help.Emergency, *v.Help.NonEmergency, *v.Help.Support}
	}},
	{"with empty lists", func(v *view, _ string) {
		v.Children, v.Sections, v.Crumbs, v.Support, v.Alternates = nil, nil, nil, nil, nil
	}},
	{"with the leaflet link", func(v *view, _ string) { v.LeafletHref = v.Root + v.Lang.Code + "/leaflet.pdf" }},
}

// variantJobs are the pages that Render may not make today but will when
// the content changes: each kind of page in each state, in every
// language, and the language chooser and 404 page in every language.
func (s *Site) variantJobs() []job {
	var ids []string
	seen := map[content.Kind]bool{}
	for _, id := range s.Content.IDs() {
		if p := s.Content.Get(id, s.Content.Source()); !seen[p.Kind] {
			seen[p.Kind] = true
			ids = append(ids, id)
		}
	}
	var jobs []job
	for _, lang := range s.Config.Languages {
		strs := s.Locales.Lang(lang.Code)
		for _, id := range ids {
			for _, vr := range variants {
				v := s.pageView(id, lang, strs)
				vr.set(v, s.Content.Source())
				path := lang.Code + "/" + content.Dir(id) + "index.html (" + vr.name + ")"
				jobs = append(jobs, job{path: path, kind: v.Kind, view: v})
			}
		}
		for _, kind := range []string{"root", "404"} {
			v := s.special(lang, strs, "", kind)
			jobs = append(jobs, job{path: kind + " page in " + lang.Code, kind: kind, view: v})
		}
	}
	return jobs
}

// execProblems turns the errors of jobs into problems, one for each place
// in a layout however many pages fail there.
func (s *Site) execProblems(jobs []job, errs []error) problem.List {
	type place struct {
		file string
		line int
		msg  string
	}
	var order []place
	pages := map[place][]string{}
	for i, err := range errs {
		if err == nil {
			continue
		}
		file, line, msg := layoutPlace(err, s.layouts.definedIn(jobs[i].kind))
		p := place{file, line, msg}
		if _, ok := pages[p]; !ok {
			order = append(order, p)
		}
		pages[p] = append(pages[p], jobs[i].path)
	}
	var probs problem.List
	for _, p := range order {
		on := pages[p][0]
		if n := len(pages[p]) - 1; n > 0 {
			on += " and " + strconv.Itoa(n) + " more"
		}
		probs.Add(p.file, p.line, "%s (rendering %s)", p.msg, on)
	}
	probs.Sort()
	return probs
}

// definedIn finds where a template of the layouts of a kind of page is
// defined: its file, and the line of its {{define}}.
func (l *layouts) definedIn(kind string) func(name string) (string, int) {
	return func(name string) (string, int) {
		if u, ok := l.defs[kind][name]; ok {
			return u.File, u.Line
		}
		return TemplatesFolder, 0
	}
}

// addExecError adds one error of executing a layout to probs.
func addExecError(probs *problem.List, err error, what string, defined func(string) (string, int)) {
	file, line, msg := layoutPlace(err, defined)
	probs.Add(file, line, "%s (rendering %s)", msg, what)
}

// templateLine is how html/template and text/template start an error:
// the layout's file, its line and maybe a column. TestLayoutErrorWording
// pins it.
var templateLine = regexp.MustCompile(`(?:html/)?template: ?([^:]+):(\d+):(?:\d+:)? ?(.*)`)

// executing is how text/template names the action that failed.
var executing = regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: (.*)$`)

// noField is text/template's error for a field that is not there.
var noField = regexp.MustCompile(`^can't evaluate field (\w+) in type (\S+)$`)

// layoutPlace finds the layout file and line of an error executing a
// layout, and says what is wrong in words. defined finds where a named
// template is defined, for errors that name only the template.
func layoutPlace(err error, defined func(name string) (string, int)) (file string, line int, msg string) {
	var herr *htmltemplate.Error
	if errors.As(err, &herr) && herr.Line == 0 && !strings.Contains(herr.Name, "/") && defined != nil {
		file, line = defined(herr.Name)
		msg = herr.Description
		if herr.ErrorCode == htmltemplate.ErrEndContext {
			msg = "the layout " + strconv.Quote(herr.Name) + " ends inside unfinished HTML: a tag, a quoted attribute, a comment or a <script> is not closed"
		}
		return file, line, msg
	}
	m := templateLine.FindStringSubmatch(err.Error())
	if m == nil {
		return TemplatesFolder, 0, err.Error()
	}
	line, _ = strconv.Atoi(m[2])
	return m[1], line, plainExec(m[3])
}

// plainExec rewords text/template's "can't evaluate field X in type
// *site.view" into what a layout author can act on.
func plainExec(msg string) string {
	m := executing.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	action, why := m[1], m[2]
	f := noField.FindStringSubmatch(why)
	if f == nil {
		return "{{" + action + "}}: " + why
	}
	d, ok := described[strings.TrimPrefix(f[2], "*")]
	if !ok {
		return "{{" + action + "}}: there is no " + f[1] + " here"
	}
	return "{{" + action + "}}: " + d.what + " has no " + f[1] + "; it has ." + strings.Join(d.fields, ", .")
}

// described names, for a layout author, each kind of value a layout sees,
// with its fields, taken from the types themselves so the list stays true.
var described = describe(map[string]any{
	"a page (the dot of every layout)":      view{},
	"a link to a page":                      link{},
	"a section of the home page":            section{},
	"a contact":                             contact{},
	"a language of the switcher":            switchLink{},
	"an alternate language of the page":     alternate{},
	"the site (.Site)":                      config.Site{},
	"the page's language (.Lang)":           config.Language{},
	"the site's Victims' Code (.Site.Code)": config.Code{},
})

type description struct {
	what   string
	fields []string
}

func describe(values map[string]any) map[string]description {
	out := map[string]description{}
	for what, v := range values {
		t := reflect.TypeOf(v)
		var fields []string
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() {
				fields = append(fields, f.Name)
			}
		}
		out[t.String()] = description{what, fields}
	}
	return out
}
