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
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
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
	plain  map[string]string // messages with no count and no data
	where  map[string]Use    // message id -> file and line
	plural map[string]bool   // ids of messages with plural forms
}

// Load reads the message files of every language the site declares:
// locales/<code>.toml for the website and any locales/<name>.<code>.toml
// (such as leaflet.pl.toml) beside it.
func Load(fsys fs.FS, site *config.Site) (*Bundle, problem.List) {
	var probs problem.List
	b := &Bundle{langs: map[string]*Lang{}, source: site.DefaultLanguage}
	bundle := i18n.NewBundle(language.MustParse(site.DefaultLanguage))
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	names, _ := fs.Glob(fsys, Folder+"/*.toml")
	for _, l := range site.Languages {
		main := Folder + "/" + l.Code + ".toml"
		lang := &Lang{Code: l.Code, file: main, where: map[string]Use{}, plural: map[string]bool{}, plain: map[string]string{}}
		if !slices.Contains(names, main) {
			probs.Add(main, 0, "no message file for %s (%s); copy locales/%s.toml and translate it", l.English, l.Code, site.DefaultLanguage)
			continue
		}
		for _, file := range names {
			if file == main || strings.HasSuffix(file, "."+l.Code+".toml") {
				lang.parse(fsys, bundle, file, &probs)
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
	return b, probs
}

// parse adds one message file to the language.
func (l *Lang) parse(fsys fs.FS, bundle *i18n.Bundle, file string, probs *problem.List) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		probs.Add(file, 0, "cannot read: %v", err)
		return
	}
	if _, err := toml.Decode(string(data), new(map[string]any)); err != nil {
		var perr toml.ParseError
		line := 1
		if errors.As(err, &perr) {
			line = perr.Position.Line
		}
		probs.Add(file, line, "%s", firstLine(err))
		return
	}
	mf, err := bundle.ParseMessageFileBytes(data, file)
	if err != nil {
		probs.Add(file, 1, "%v", err)
		return
	}
	lines := messageLines(data)
	for _, m := range mf.Messages {
		if prev, dup := l.where[m.ID]; dup {
			probs.Add(file, lines[m.ID], "message %q is also defined at %s:%d; keep one", m.ID, prev.File, prev.Line)
		}
		l.where[m.ID] = Use{File: file, Line: lines[m.ID]}
		switch {
		case m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "":
			l.plural[m.ID] = true
		case !strings.Contains(m.Other, "{{"):
			l.plain[m.ID] = m.Other
		}
	}
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

// messageLines finds the line each message starts on.
func messageLines(data []byte) map[string]int {
	m := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	inTable := false
	for n := 1; sc.Scan(); n++ {
		t := strings.TrimSpace(sc.Text())
		if sub := tableHeader.FindStringSubmatch(t); sub != nil {
			m[strings.TrimSpace(sub[1])] = n
			inTable = true
			continue
		}
		if sub := keyValue.FindStringSubmatch(t); sub != nil && !inTable {
			m[sub[1]] = n
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
// and every plural message that lacks a form its language needs.
func (b *Bundle) Check(used map[string]Use, probs *problem.List) {
	ids := make([]string, 0, len(used))
	for id := range used {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	codes := make([]string, 0, len(b.langs))
	for code := range b.langs {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		l := b.langs[code]
		for _, id := range ids {
			if !l.Has(id) {
				u := used[id]
				probs.Add(u.File, u.Line, "message %q is missing from %s; add it there", id, l.file)
			}
		}
		for id := range l.plural {
			for _, n := range []int{0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 100, 101, 102} {
				if _, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: n}); err != nil {
					w := l.where[id]
					form := "the one go-i18n names: " + err.Error()
					if m := pluralForm.FindStringSubmatch(err.Error()); m != nil {
						form = strconv.Quote(m[1])
					}
					probs.Add(w.File, w.Line, "message %q lacks a plural form that %s needs (for counts such as %d); add %s", id, code, n, form)
					break
				}
			}
		}
	}
}

// Has reports whether the language defines the message itself (not through
// the English fallback).
func (l *Lang) Has(id string) bool {
	_, ok := l.where[id]
	return ok
}

// T returns a plain message. A message missing from the file (which Check
// reports) is shown as its id, so it is easy to spot in a preview.
func (l *Lang) T(id string) string {
	if s, ok := l.plain[id]; ok {
		return s
	}
	s, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: id})
	if err != nil {
		return id
	}
	return s
}

// N returns a message with a count, in the plural form that the count
// takes in this language. The message sees the count as {{.Count}}.
func (l *Lang) N(id string, count int) string {
	s, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count,
		TemplateData: map[string]any{"Count": count}})
	if err != nil {
		return id + " " + strconv.Itoa(count)
	}
	return s
}

// D returns a message filled in with data, as {{.Key}} in the message.
// A "Count" key in data also chooses the plural form.
func (l *Lang) D(id string, data map[string]any) string {
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if c, ok := data["Count"]; ok && l.plural[id] {
		cfg.PluralCount = c
	}
	s, err := l.loc.Localize(cfg)
	if err != nil {
		return fmt.Sprintf("%s %v", id, data)
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
