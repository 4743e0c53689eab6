package content

import (
	"regexp"
	"strings"
)

var sourceHashLine = regexp.MustCompile(`(?m)^source_hash:.*$`)

// SetSourceHash returns the page file src with its front matter's
// source_hash set to hash, replacing the line that holds it or adding one
// at the end of the front matter. It cuts the file where Parse does, and
// keeps its byte order mark and line endings; nothing else changes.
func SetSourceHash(src []byte, hash string) ([]byte, error) {
	sp, err := splitPage(src)
	if err != nil {
		return nil, err
	}
	line := "source_hash: " + hash
	if sourceHashLine.MatchString(sp.yaml) {
		sp.yaml = sourceHashLine.ReplaceAllLiteralString(sp.yaml, line)
	} else {
		sp.yaml += line + "\n"
	}
	return sp.join(), nil
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
