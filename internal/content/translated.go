package content

import (
	"fmt"
	"regexp"
	"strings"
)

var sourceHashLine = regexp.MustCompile(`(?m)^source_hash:.*$`)

// SetSourceHash returns the page file src with its front matter's
// source_hash set to hash, replacing the line that holds it or adding one
// after the title. Nothing else in the file changes.
func SetSourceHash(src []byte, hash string) ([]byte, error) {
	text := string(src)
	crlf := strings.Contains(text, "\r\n")
	if crlf {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	if !strings.HasPrefix(text, "---\n") {
		return nil, fmt.Errorf("the file has no front matter")
	}
	end := strings.Index(text[4:], "\n---")
	if end < 0 {
		return nil, fmt.Errorf("the front matter has no closing --- line")
	}
	fm, rest := text[4:4+end+1], text[4+end+1:]
	line := "source_hash: " + hash
	if sourceHashLine.MatchString(fm) {
		fm = sourceHashLine.ReplaceAllLiteralString(fm, line)
	} else {
		fm += line + "\n"
	}
	out := "---\n" + fm + rest
	if crlf {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	return []byte(out), nil
}

// SourceFile returns the file of the source-language page that a
// translation file is made from: content/crime/burglary.pl.md gives
// content/crime/burglary.en.md. ok is false when file is not a page or is
// already in the source language.
func SourceFile(file, source string) (string, bool) {
	base := strings.TrimSuffix(file, ".md")
	dot := strings.LastIndexByte(base, '.')
	if !strings.HasSuffix(file, ".md") || dot < 0 || base[dot+1:] == source || strings.ContainsRune(base[dot+1:], '/') {
		return "", false
	}
	return base[:dot] + "." + source + ".md", true
}
