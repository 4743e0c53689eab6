package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"victimsite/internal/problem"
)

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// Parse splits a page file into front matter and body, decoding the front
// matter strictly. It records problems against file and returns nil when
// the file cannot be used at all.
func Parse(file string, data []byte, probs *problem.List) *Page {
	if !utf8.Valid(data) {
		probs.Add(file, invalidUTF8Line(data), "the file is not valid UTF-8; save it as UTF-8 in your editor")
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if !strings.HasPrefix(text, "---\n") {
		probs.Add(file, 1, "the page must start with front matter: a line ---, then title: and the other keys, then another ---")
		return nil
	}
	rest := text[len("---\n"):]
	end := strings.Index(rest, "\n---\n")
	var yamlText, body string
	switch {
	case end >= 0:
		yamlText, body = rest[:end+1], rest[end+len("\n---\n"):]
	case strings.HasSuffix(rest, "\n---"):
		yamlText, body = rest[:len(rest)-len("---")], ""
	case strings.HasPrefix(rest, "---\n") || rest == "---":
		yamlText, body = "", strings.TrimPrefix(strings.TrimPrefix(rest, "---"), "\n")
	default:
		probs.Add(file, 1, "the front matter that starts here has no closing --- line")
		return nil
	}
	p := &Page{File: file, Body: []byte(body), BodyLine: 3 + strings.Count(yamlText, "\n")}
	if !decodeFrontMatter(file, yamlText, &p.FrontMatter, probs) {
		return nil
	}
	p.keyLines = keyLines(yamlText)
	if strings.TrimSpace(p.Title) == "" {
		probs.Add(file, p.KeyLine("title"), "the page has no title; add a line such as title: Burglary to the front matter")
	}
	p.Hash = hashOf(&p.FrontMatter, p.Body)
	return p
}

// decodeFrontMatter decodes YAML into fm, rejecting unknown keys, and
// reports errors at their line in the file (the YAML starts on line 2).
func decodeFrontMatter(file, src string, fm *FrontMatter, probs *problem.List) bool {
	dec := yaml.NewDecoder(strings.NewReader(src))
	dec.KnownFields(true)
	err := dec.Decode(fm)
	if err == nil || errors.Is(err, io.EOF) {
		return true
	}
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		line, msg := 1, m
		if sub := yamlLine.FindStringSubmatch(m); sub != nil {
			n, _ := strconv.Atoi(sub[1])
			line, msg = unclosedLine(src, n, sub[2])+1, sub[2]
		}
		// The decoder can count past the end of the front matter; the
		// closing --- line is where such a problem shows.
		line = min(line, strings.Count(src, "\n")+2)
		probs.Add(file, line, "front matter: %s", friendlyYAML(msg))
	}
	return false
}

// unclosedLine corrects the line of an unclosed [ or { list: the YAML
// decoder reports the line of the key that holds it, which is the line
// above the one to fix when the list starts on a later line.
func unclosedLine(src string, line int, msg string) int {
	var open, close string
	switch {
	case strings.Contains(msg, "',' or ']'"):
		open, close = "[", "]"
	case strings.Contains(msg, "',' or '}'"):
		open, close = "{", "}"
	default:
		return line
	}
	lines := strings.Split(src, "\n")
	for i := line - 1; i >= 0 && i < len(lines); i++ {
		if strings.Count(lines[i], open) > strings.Count(lines[i], close) {
			return i + 1
		}
	}
	return line
}

var unknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)

func friendlyYAML(msg string) string {
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("unknown key %q; the keys are title, summary, weight, step, enhanced_rights, support, leaflet, rights, source_hash and draft_translation", m[1])
	}
	return msg
}

// keyLines maps each top-level key of the front matter to its line in the
// file.
func keyLines(src string) map[string]int {
	m := map[string]int{}
	for i, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
			continue
		}
		if k, _, ok := strings.Cut(line, ":"); ok {
			m[strings.TrimSpace(k)] = i + 2
		}
	}
	return m
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
