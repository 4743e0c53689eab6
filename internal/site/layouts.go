package site

import (
	"fmt"
	"html/template"
	"io/fs"
	"regexp"
	"strconv"
	"text/template/parse"

	"victimsite/internal/config"
	"victimsite/internal/locale"
	"victimsite/internal/phone"
	"victimsite/internal/problem"
)

// TemplatesFolder is the folder, inside a site, that holds the layouts.
const TemplatesFolder = "templates"

// The kinds of layout. Each is templates/<kind>.html, parsed together with
// templates/base.html, and defines "main".
var kinds = []string{"home", "list", "page", "root", "404"}

// layouts holds the parsed templates: one set per kind per language,
// parsed once and cloned per language so each language's T and N look up
// its own strings.
type layouts struct {
	byLang map[string]map[string]*template.Template
	// defs says where each template of each kind is defined, for errors
	// that name only the template.
	defs map[string]map[string]locale.Use
}

// placeholders let templates parse before a language is chosen. The
// functions themselves are in messages.go.
var placeholders = template.FuncMap{
	"T":      func(string) string { return "" },
	"N":      func(string, int) string { return "" },
	"D":      func(string, ...any) (string, error) { return "", nil },
	"H":      func(string, ...any) (template.HTML, error) { return "", nil },
	"TIn":    func(string, string) string { return "" },
	"asset":  func(string) (string, error) { return "", nil },
	"phones": func(string) template.HTML { return "" },
}

// messageFuncs are the template functions whose first argument names a
// message, and TIn, whose second does.
var messageFuncs = map[string]int{"T": 1, "N": 1, "D": 1, "H": 1, "TIn": 2}

var locationLine = regexp.MustCompile(`^(.*):(\d+):\d+$`)

func loadLayouts(fsys fs.FS, cfg *config.Site) (*layouts, map[string]locale.Use, problem.List) {
	var probs problem.List
	used := map[string]locale.Use{}
	base, err := readTemplate(fsys, "base")
	if err != nil {
		probs.Add(TemplatesFolder+"/base.html", 0, "cannot read the base layout: %v", err)
		return nil, used, probs
	}
	parsed := map[string]*template.Template{}
	defs := map[string]map[string]locale.Use{}
	for _, kind := range kinds {
		src, err := readTemplate(fsys, kind)
		if err != nil {
			probs.Add(TemplatesFolder+"/"+kind+".html", 0, "cannot read the layout: %v", err)
			continue
		}
		t := template.New(kind).Funcs(placeholders)
		if _, err := t.New(TemplatesFolder + "/base.html").Parse(base); err != nil {
			addTemplateError(&probs, err)
			return nil, used, probs
		}
		if _, err := t.New(TemplatesFolder + "/" + kind + ".html").Parse(src); err != nil {
			addTemplateError(&probs, err)
			continue
		}
		defs[kind] = map[string]locale.Use{}
		for _, tt := range t.Templates() {
			if tt.Tree != nil {
				messagesIn(tt.Tree, tt.Tree.Root, used)
				defs[kind][tt.Name()] = useAt(tt.Tree, tt.Tree.Root)
			}
		}
		parsed[kind] = t
	}
	if probs.Errors() > 0 {
		return nil, used, probs
	}
	l := &layouts{byLang: map[string]map[string]*template.Template{}, defs: defs}
	for _, lang := range cfg.Languages {
		l.byLang[lang.Code] = map[string]*template.Template{}
		for kind, t := range parsed {
			c, err := t.Clone()
			if err != nil {
				probs.Add(TemplatesFolder+"/"+kind+".html", 0, "%v", err)
				continue
			}
			l.byLang[lang.Code][kind] = c
		}
	}
	return l, used, probs
}

func readTemplate(fsys fs.FS, kind string) (string, error) {
	b, err := fs.ReadFile(fsys, TemplatesFolder+"/"+kind+".html")
	return string(b), err
}

func addTemplateError(probs *problem.List, err error) {
	if m := templateLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[2])
		probs.Add(m[1], n, "%s", m[3])
		return
	}
	probs.Add(TemplatesFolder, 0, "%v", err)
}

// bind gives the templates of one language their string functions, and
// the published names of the assets.
func (l *layouts) bind(code string, lang *locale.Lang, all *locale.Bundle, a assets, phones *phone.Matcher) {
	funcs := template.FuncMap{
		"T": lang.T, "N": lang.N, "D": dataMessage(lang), "H": htmlMessage(lang),
		"TIn":    func(code, id string) string { return all.Lang(code).T(id) },
		"asset":  a.path,
		"phones": func(text string) template.HTML { return telLinks(text, phones) },
	}
	for _, t := range l.byLang[code] {
		t.Funcs(funcs)
	}
}

// messagesIn records every message a parse tree names: {{T "Id"}}, {{N "Id" n}},
// {{D "Id" ...}}, {{H "Id" ...}} and {{TIn code "Id"}}.
func messagesIn(tree *parse.Tree, n parse.Node, used map[string]locale.Use) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			messagesIn(tree, c, used)
		}
	case *parse.ActionNode:
		messagesIn(tree, n.Pipe, used)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			messagesIn(tree, c, used)
		}
	case *parse.CommandNode:
		if len(n.Args) == 0 {
			return
		}
		if id, ok := n.Args[0].(*parse.IdentifierNode); ok && messageFuncs[id.Ident] > 0 && len(n.Args) > messageFuncs[id.Ident] {
			if s, ok := n.Args[messageFuncs[id.Ident]].(*parse.StringNode); ok {
				if _, seen := used[s.Text]; !seen {
					used[s.Text] = useAt(tree, n)
				}
			}
		}
		for _, a := range n.Args {
			messagesIn(tree, a, used)
		}
	case *parse.IfNode:
		messagesIn(tree, n.Pipe, used)
		messagesIn(tree, n.List, used)
		messagesIn(tree, n.ElseList, used)
	case *parse.RangeNode:
		messagesIn(tree, n.Pipe, used)
		messagesIn(tree, n.List, used)
		messagesIn(tree, n.ElseList, used)
	case *parse.WithNode:
		messagesIn(tree, n.Pipe, used)
		messagesIn(tree, n.List, used)
		messagesIn(tree, n.ElseList, used)
	case *parse.TemplateNode:
		messagesIn(tree, n.Pipe, used)
	}
}

func useAt(tree *parse.Tree, n parse.Node) locale.Use {
	loc, _ := tree.ErrorContext(n)
	if m := locationLine.FindStringSubmatch(loc); m != nil {
		line, _ := strconv.Atoi(m[2])
		return locale.Use{File: m[1], Line: line}
	}
	return locale.Use{File: fmt.Sprint(loc)}
}
