// Package locale holds the site's interface strings (everything that is not
// page content: the skip link, the Exit control, notices, headings of the
// leaflet) in every declared language, read from go-i18n message files in
// locales/<lang>.toml.
//
// Load reads one file per declared language into a go-i18n bundle and makes
// one Lang per language. Plain messages are looked up once at load time, so
// rendering thousands of pages costs a map lookup per string; messages with
// a count use the language's CLDR plural rules. Check reports a message that
// is used but missing from a language, or that lacks a plural form the
// language needs, with its file and line.
package locale

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"

	"victimsite/internal/config"
	"victimsite/internal/problem"
)

// Folder is the folder, inside a site, that holds the message files.
const Folder = "locales"

// Bundle is the interface strings of every declared language.
type Bundle struct {
	langs  map[string]*Lang
	source string
}

// Lang is the interface strings of one language.
type Lang struct {
	Code   string
	file   string // the main message file, locales/<code>.toml
	loc    *i18n.Localizer
	source *Lang             // the default language, nil for itself
	plain  map[string]string // messages with no count and no data
	where  map[string]Use    // message id -> file and line
	plural map[string]bool   // ids of messages with plural forms
	forms  map[string][]form // message id -> its text in each plural form
	failed map[string]bool   // messages that cannot be filled in (see tryAll)
	broken map[string]bool   // message files that could not be read
}

// form is one plural form of a message ("other" for a message without
// plural forms), as written in its file.
type form struct {
	name, text  string
	left, right string // the placeholder delimiters, when not {{ and }}
	line        int
}

// strict makes a message that names data it is not given fail, where
// go-i18n's default prints "<no value>".
var strict = &template.TextParser{Option: "missingkey=error"}

// Load reads the message files of every language the site declares:
// locales/<code>.toml for the website and any locales/<name>.<code>.toml
// (such as leaflet.pl.toml) beside it. It tries every message in every
// language with the data its callers give it (see Params), so a mistyped
// placeholder is reported here, at its file and line, and never shown
// to a reader as "<no value>".
func Load(fsys fs.FS, site *config.Site) (*Bundle, problem.List) {
	var probs problem.List
	b := &Bundle{langs: map[string]*Lang{}, source: site.DefaultLanguage}
	tag, err := language.Parse(site.DefaultLanguage)
	if err != nil {
		probs.Add(config.File, 0, "default_language %q is not a language tag such as \"en\"", site.DefaultLanguage)
		return b, probs
	}
	bundle := i18n.NewBundle(tag)
	names, _ := fs.Glob(fsys, Folder+"/*.toml")
	for _, l := range site.Languages {
		main := Folder + "/" + l.Code + ".toml"
		if !slices.Contains(names, main) {
			probs.Add(main, 0, "no message file for %s (%s); copy locales/%s.toml and translate it", l.English, l.Code, site.DefaultLanguage)
			continue
		}
		lang := &Lang{Code: l.Code, file: main, where: map[string]Use{}, plural: map[string]bool{},
			plain: map[string]string{}, forms: map[string][]form{}, broken: map[string]bool{}, failed: map[string]bool{}}
		tag, err := language.Parse(l.Code)
		if err != nil {
			probs.Add(config.File, 0, "language code %q is not a language tag such as \"pl\"", l.Code)
			continue
		}
		for _, file := range names {
			if file == main || strings.HasSuffix(file, "."+l.Code+".toml") {
				lang.parse(fsys, bundle, tag, file, &probs)
			}
		}
		lang.loc = i18n.NewLocalizer(bundle, l.Code)
		b.langs[l.Code] = lang
	}
	for _, file := range names {
		base := strings.TrimSuffix(path.Base(file), ".toml")
		code := base[strings.LastIndexByte(base, '.')+1:]
		if _, ok := site.Language(code); !ok {
			probs.Warn(file, 0, "not used: %q is not a language declared in site.toml (message files are named <lang>.toml or <name>.<lang>.toml)", code)
		}
	}
	b.link(names, &probs)
	for _, code := range b.codes() {
		b.langs[code].tryAll(&probs)
	}
	return b, probs
}

// link points every language at the default one, which it falls back
// on, and reports what the two disagree on: a message file that the
// default language has and another lacks, and a message that only
// another language has (a misspelt id, which nothing would show).
func (b *Bundle) link(names []string, probs *problem.List) {
	src := b.langs[b.source]
	if src == nil {
		return
	}
	for _, code := range b.codes() {
		l := b.langs[code]
		if l == src {
			continue
		}
		l.source = src
		for _, file := range names {
			if own := l.counterpart(file, src.Code); strings.HasSuffix(file, "."+src.Code+".toml") && !slices.Contains(names, own) {
				probs.Add(own, 0, "no message file %s for %s; copy %s and translate it", path.Base(own), code, file)
				l.broken[own] = true
			}
		}
		if len(src.broken) > 0 {
			continue // the default language's ids are not all known
		}
		for _, id := range sortedKeys(l.where) {
			if _, ok := src.where[id]; !ok {
				w := l.where[id]
				probs.Warn(w.File, w.Line, "message %q is not in the %s message files, so nothing shows it; correct its name or remove it", id, src.Code)
			}
		}
	}
}

// counterpart names this language's file that matches another
// language's: locales/leaflet.en.toml gives locales/leaflet.pl.toml.
func (l *Lang) counterpart(file, code string) string {
	return strings.TrimSuffix(file, code+".toml") + l.Code + ".toml"
}

func (b *Bundle) codes() []string { return sortedKeys(b.langs) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// parse adds one message file to the language. A file that is not valid
// TOML is reported once, at the line the TOML library names, and the
// messages it would hold are not reported missing one by one.
func (l *Lang) parse(fsys fs.FS, bundle *i18n.Bundle, tag language.Tag, file string, probs *problem.List) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		probs.Add(file, 0, "cannot read: %v", err)
		l.broken[file] = true
		return
	}
	if _, err := toml.Decode(string(data), new(map[string]any)); err != nil {
		var perr toml.ParseError
		line, msg := 1, firstLine(err)
		if errors.As(err, &perr) {
			line, msg = perr.Position.Line, perr.Message
		}
		probs.Add(file, line, "%s; until it is fixed, none of this file's messages can be read", msg)
		l.broken[file] = true
		return
	}
	msgs, err := bundle.ParseMessageBytes(tag, data, toml.Unmarshal)
	if err != nil {
		probs.Add(file, 1, "%v", err)
		l.broken[file] = true
		return
	}
	lines := messageLines(data)
	for _, m := range msgs {
		line := lines[m.ID]
		if prev, dup := l.where[m.ID]; dup {
			probs.Add(file, line, "message %q is also defined at %s:%d; keep one", m.ID, prev.File, prev.Line)
		}
		l.where[m.ID] = Use{File: file, Line: line}
		l.forms[m.ID] = formsOf(m, line, lines)
		switch {
		case m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "":
			l.plural[m.ID] = true
		case !strings.Contains(m.Other, "{{") && m.LeftDelim == "":
			l.plain[m.ID] = m.Other
		}
	}
}

// formsOf lists the plural forms a message has, each with its line.
func formsOf(m *i18n.Message, line int, lines map[string]int) []form {
	var out []form
	for _, f := range []struct{ name, text string }{
		{"zero", m.Zero}, {"one", m.One}, {"two", m.Two}, {"few", m.Few}, {"many", m.Many}, {"other", m.Other},
	} {
		if f.text == "" {
			continue
		}
		at := line
		if n, ok := lines[m.ID+"."+f.name]; ok {
			at = n
		}
		out = append(out, form{name: f.name, text: f.text, left: m.LeftDelim, right: m.RightDelim, line: at})
	}
	return out
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

var (
	pluralForm  = regexp.MustCompile(`plural form "(\w+)"`)
	tableHeader = regexp.MustCompile(`^\[\s*"?([^\]"]+)"?\s*\]`)
	keyValue    = regexp.MustCompile(`^"?([A-Za-z0-9_.-]+)"?\s*=`)
)

// messageLines finds the line each message starts on, and the line of
// each plural form of a message written as a table ("Days.one").
func messageLines(data []byte) map[string]int {
	m := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	table := ""
	for n := 1; sc.Scan(); n++ {
		t := strings.TrimSpace(sc.Text())
		if sub := tableHeader.FindStringSubmatch(t); sub != nil {
			table = strings.TrimSpace(sub[1])
			m[table] = n
			continue
		}
		if sub := keyValue.FindStringSubmatch(t); sub != nil {
			if table == "" {
				m[sub[1]] = n
			} else {
				m[table+"."+sub[1]] = n
			}
		}
	}
	return m
}

// Lang returns the strings of one language, or nil if it was not loaded.
func (b *Bundle) Lang(code string) *Lang { return b.langs[code] }

// A Use is a place that uses a message: a template file and line.
type Use struct {
	File string
	Line int
}

// Check reports every message that a template uses but a language lacks,
// and every plural message that lacks a form its language needs. (Load
// has already tried every form that each message has.)
func (b *Bundle) Check(used map[string]Use, probs *problem.List) {
	ids := sortedKeys(used)
	for _, code := range b.codes() {
		l := b.langs[code]
		for _, id := range ids {
			if !l.Has(id) {
				u := used[id]
				probs.Add(u.File, u.Line, "message %q is missing from %s; add it there", id, l.file)
			}
		}
		for _, id := range sortedKeys(l.plural) {
			l.tryPlural(id, probs)
		}
	}
}

// Has reports whether the language defines the message itself (not
// through the default language). It also reports true when the file that
// would define it could not be read: that file's own problem is the one
// to fix, rather than every message it holds.
func (l *Lang) Has(id string) bool {
	if _, ok := l.where[id]; ok {
		return true
	}
	src := l.source
	if src == nil {
		return len(l.broken) > 0
	}
	if w, ok := src.where[id]; ok {
		return l.broken[l.counterpart(w.File, src.Code)]
	}
	return len(src.broken) > 0 || len(l.broken) > 0
}

// T returns a plain message. A message missing from the language, or that
// cannot be filled in (Load reports both), is shown in the default
// language, and failing that as its id: never as "<no value>".
func (l *Lang) T(id string) string {
	if s, ok := l.plain[id]; ok && !l.failed[id] {
		return s
	}
	return l.localize(id, &i18n.LocalizeConfig{MessageID: id}, func() string { return id })
}

// N returns a message with a count, in the plural form that the count
// takes in this language. The message sees the count as {{.Count}}; any
// other field that Params gives the message is left empty, for callers
// that only want to know whether the language has the form.
func (l *Lang) N(id string, count int) string {
	data := map[string]any{"Count": count}
	for _, f := range Params[id] {
		if f != Count {
			data[string(f)] = ""
		}
	}
	return l.localize(id, &i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: data},
		func() string { return id + " " + strconv.Itoa(count) })
}

// D returns a message filled in with data, as {{.Key}} in the message.
// A "Count" key in data also chooses the plural form.
func (l *Lang) D(id string, data map[string]any) string {
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if c, ok := data["Count"]; ok && l.plural[id] {
		cfg.PluralCount = c
	}
	return l.localize(id, cfg, func() string { return id })
}

// localize fills in a message strictly, in this language, or in the
// default one when this language lacks the message or has it in a form
// that cannot be filled in. A message that lacks the plural form a count
// takes gives failed(), which callers can recognise.
func (l *Lang) localize(id string, cfg *i18n.LocalizeConfig, failed func() string) string {
	cfg.TemplateParser = strict
	in := l
	if _, ok := l.where[id]; !ok || l.failed[id] {
		in = l.source
	}
	if in == nil || in.failed[id] {
		return failed()
	}
	if _, ok := in.where[id]; !ok {
		return failed()
	}
	s, err := in.loc.Localize(cfg)
	if err != nil {
		return failed()
	}
	return s
}

// CodeMessages are the messages that Go code, not templates, asks for:
// they must exist in every language too.
var CodeMessages = []string{"DateFormat", "Month1", "Month2", "Month3", "Month4", "Month5",
	"Month6", "Month7", "Month8", "Month9", "Month10", "Month11", "Month12"}

// Date formats a date the way the language writes it, such as
// "27 November 2026" or "27 listopada 2026".
func (l *Lang) Date(t time.Time) string {
	return l.D("DateFormat", map[string]any{
		"Day":   t.Day(),
		"Month": l.T("Month" + strconv.Itoa(int(t.Month()))),
		"Year":  t.Year(),
	})
}

// Where returns the file and line that define a message.
func (l *Lang) Where(id string) Use { return l.where[id] }

// File returns the language's message file.
func (l *Lang) File() string { return l.file }
