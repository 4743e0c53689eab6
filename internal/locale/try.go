package locale

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	texttemplate "text/template"
	"text/template/parse"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"victimsite/internal/problem"
)

// pluralSamples reach every plural form of every language CLDR knows.
var pluralSamples = []int{0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 100, 101, 102}

// tryAll fills in every form of every message of the language with the
// data its callers give it (Params), as the site and the leaflets will,
// and reports each that cannot be filled in at its file and line.
func (l *Lang) tryAll(probs *problem.List) {
	for _, id := range sortedKeys(l.forms) {
		w := l.where[id]
		for _, f := range l.forms[id] {
			if !l.plural[id] {
				f.name = "" // a message without plural forms
			}
			if msg := tryForm(id, f); msg != "" {
				probs.Add(w.File, f.line, "%s", msg)
				l.failed[id] = true
			}
		}
	}
}

// tryPlural reports a plural message that lacks a form that some count
// takes in the language.
func (l *Lang) tryPlural(id string, probs *problem.List) {
	for _, n := range pluralSamples {
		_, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: n,
			TemplateData: sampleData(id), TemplateParser: strict})
		if err == nil {
			continue
		}
		form := "the one go-i18n names: " + err.Error()
		if m := pluralForm.FindStringSubmatch(err.Error()); m != nil {
			form = strconv.Quote(m[1])
		}
		w := l.where[id]
		probs.Add(w.File, w.Line, "message %q lacks a plural form that %s needs (for counts such as %d); add %s", id, l.Code, n, form)
		return
	}
}

// tryForm parses and fills in one form of a message, returning what is
// wrong with it in words, or "".
func tryForm(id string, f form) string {
	what := strconv.Quote(id)
	if f.name != "" {
		what += " (" + f.name + ")"
	}
	left, right := f.left, f.right
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	if strings.Count(f.text, left) != strings.Count(f.text, right) {
		return fmt.Sprintf("message %s: every %s needs a %s after it; write placeholders as %s",
			what, left, right, allowed(id, left, right))
	}
	t, err := texttemplate.New(id).Delims(left, right).Option("missingkey=error").Parse(f.text)
	if err != nil {
		return fmt.Sprintf("message %s: a placeholder is not written right (%s); write placeholders as %s",
			what, templateProblem(err), allowed(id, left, right))
	}
	if bad := unknownFields(t.Tree, id); len(bad) > 0 {
		if len(Params[id]) == 0 {
			return fmt.Sprintf("message %s: %s is never filled in, as this message is given no data; remove it",
				what, strings.Join(placeholders(bad, left, right), " and "))
		}
		return fmt.Sprintf("message %s: %s is never filled in; this message can use %s",
			what, strings.Join(placeholders(bad, left, right), " and "), allowed(id, left, right))
	}
	var b strings.Builder
	if err := t.Execute(&b, sampleData(id)); err != nil {
		return fmt.Sprintf("message %s cannot be filled in: %s", what, templateProblem(err))
	}
	return ""
}

// templateAt is how text/template starts its messages: the template's
// name, its line and maybe a column. TestTemplateWording pins it.
var templateAt = regexp.MustCompile(`^template: [^:]*:\d+:(\d+:)? ?`)

// templateProblem is a text/template error without its position, which
// means nothing to a translator (the line is in the message already).
func templateProblem(err error) string {
	return templateAt.ReplaceAllString(err.Error(), "")
}

// unknownFields returns the placeholders of a message that its callers do
// not fill in: a field they do not give, or {{.}}, which would print
// everything the message is given.
func unknownFields(tree *parse.Tree, id string) []string {
	var bad []string
	add := func(s string) {
		if !slices.Contains(bad, s) {
			bad = append(bad, s)
		}
	}
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.DotNode:
			add(".")
		case *parse.FieldNode:
			if !slices.Contains(Params[id], Field(n.Ident[0])) {
				add("." + n.Ident[0])
			}
		case *parse.ChainNode:
			walk(n.Node)
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(tree.Root)
	return bad
}

func placeholders(fields []string, left, right string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = left + f + right
	}
	return out
}

// allowed lists the placeholders a message can use.
func allowed(id, left, right string) string {
	fields := Params[id]
	if len(fields) == 0 {
		return left + ".Name" + right + " (this message is given no data, so it needs none)"
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = "." + string(f)
	}
	return strings.Join(placeholders(names, left, right), ", ")
}
