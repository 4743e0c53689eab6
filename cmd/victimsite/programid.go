package main

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// programID names this program exactly, for the build cache: a program
// built from other code, or with another built-in site, has another.
// It is the Go build ID that the linker writes into the executable (a
// hash of what it linked), or where there is none the SHA-256 of the
// executable; "" when neither can be read, and then no build is ever
// taken to be up to date.
var programID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil && len(data) > 16 {
				return "go build id " + hex.EncodeToString(data)
			}
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return "sha256 " + hex.EncodeToString(h.Sum(nil))
})

// buildKey names what decides a build's output besides the site's files:
// the program and its settings (the site folder, "" for the built-in
// site, both as given, which the warnings name files by, and absolute).
// A build under another key never takes the output of this one to be up
// to date.
func buildKey(siteDir string) string {
	id := programID()
	if id == "" {
		return ""
	}
	abs := ""
	if siteDir != "" {
		var err error
		if abs, err = filepath.Abs(siteDir); err != nil {
			return ""
		}
	}
	sum := sha256.Sum256([]byte("victimsite build\x00" + id + "\x00site=" + siteDir + "\x00abs=" + abs))
	return hex.EncodeToString(sum[:])
}
