package content

import (
	"errors"
	"regexp"
	"strings"
	"unicode/utf8"

	"victimsite/internal/problem"
)

// A split is a page file cut at its front matter. Parse, which check and
// build use, and SetSourceHash, which victimsite translated uses, both cut
// files here, so that they always agree on where the front matter ends.
type split struct {
	bom, crlf bool
	yaml      string // the lines between the --- lines, each ending in "\n"
	body      string
	bodyLine  int // the line of the file that body starts on
}

// Why a file cannot be split.
var (
	errNoFrontMatter = errors.New("the page must start with front matter: a line ---, then title: and the other keys, then another ---")
	errUnclosed      = errors.New("the front matter that starts here has no closing --- line")
)

// splitPage cuts a page file at its front matter: an optional byte order
// mark, a first line ---, the YAML, and the next line that is --- (spaces
// after the dashes are allowed, as editors leave them). Line endings may
// be \r\n; the parts have \n.
func splitPage(data []byte) (split, error) {
	var s split
	text := string(data)
	if t, ok := strings.CutPrefix(text, "\ufeff"); ok {
		text, s.bom = t, true
	}
	if strings.Contains(text, "\r\n") {
		text, s.crlf = strings.ReplaceAll(text, "\r\n", "\n"), true
	}
	first, rest, _ := strings.Cut(text, "\n")
	if !isFence(first) {
		return s, errNoFrontMatter
	}
	line := 2
	for start := 0; start <= len(rest); line++ {
		end := strings.IndexByte(rest[start:], '\n')
		if end < 0 {
			end = len(rest) - start
		}
		if isFence(rest[start : start+end]) {
			s.yaml = rest[:start]
			s.body = strings.TrimPrefix(rest[start+end:], "\n")
			s.bodyLine = line + 1
			return s, nil
		}
		start += end + 1
	}
	return s, errUnclosed
}

func isFence(line string) bool { return strings.TrimRight(line, " \t") == "---" }

// join puts a page file back together, with its byte order mark and line
// endings as they were.
func (s split) join() []byte {
	out := "---\n" + s.yaml + "---\n" + s.body
	if s.crlf {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	if s.bom {
		out = "\ufeff" + out
	}
	return []byte(out)
}

// Parse splits a page file into front matter and body, decoding the front
// matter strictly. It records problems against file and returns nil when
// the file cannot be used at all. The page's Body may share data's memory,
// so data must not be changed afterwards.
func Parse(file string, data []byte, probs *problem.List) *Page {
	if !utf8.Valid(data) {
		probs.Add(file, invalidUTF8Line(data), "the file is not valid UTF-8; save it as UTF-8 in your editor")
		return nil
	}
	sp, err := splitPage(data)
	if err != nil {
		probs.Add(file, 1, "%v", err)
		return nil
	}
	body := []byte(sp.body)
	if !sp.crlf {
		body = data[len(data)-len(sp.body):] // the body ends the file: no copy needed
	}
	p := &Page{File: file, Body: body, BodyLine: sp.bodyLine}
	lines, ok := decodeFrontMatter(file, sp.yaml, &p.FrontMatter, probs)
	if !ok {
		return nil
	}
	p.keyLines = lines
	if strings.TrimSpace(p.Title) == "" {
		probs.Add(file, p.KeyLine("title"), "the page has no title; add a line such as title: Burglary to the front matter")
	}
	noMarkdownIn(p, probs)
	p.Hash = hashOf(&p.FrontMatter, p.Body)
	return p
}

// markdownLink is [words](target), which front matter shows as it is.
var markdownLink = regexp.MustCompile(`\[[^\]]+\]\([^)\s]+\)`)

// noMarkdownIn reports Markdown links in the front matter's text, which
// lists, leaflets and search engines show as typed: a leaflet printed
// "(../help/words.md#appeal)" in the middle of a right.
func noMarkdownIn(p *Page, probs *problem.List) {
	fields := map[string][]string{"title": {p.Title}, "summary": {p.Summary}, "leaflet": {p.Leaflet}, "rights": p.Rights}
	for _, key := range []string{"title", "summary", "leaflet", "rights"} {
		for _, text := range fields[key] {
			if m := markdownLink.FindString(text); m != "" {
				probs.Add(p.File, p.KeyLine(key), "%s is plain text, shown as typed on leaflets and in lists: write %q without the link", key, m)
			}
		}
	}
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}
