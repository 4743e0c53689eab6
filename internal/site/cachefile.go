package site

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// CacheFile holds one record a line, each a word and its fields
// separated by spaces, the path or text last and quoted as in Go:
//
//	victimsite build cache 2
//	key "…"
//	in SIZE MTIME CTIME INODE SHA256-or-- - "content/crime/_index.en.md"
//	out SIZE MTIME CTIME INODE SHA256 VIEW-or-- "en/crime/index.html"
//	note "site.toml:12: warning: …"
//
// Times are in nanoseconds since 1970; VIEW is a page's view key (see
// viewHasher).

// readCache reads dir's CacheFile; it reports false for a folder without
// one, or with one it cannot use.
func readCache(dir string) (*cache, bool) {
	name := filepath.Join(dir, CacheFile)
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() {
		return nil, false
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	c := &cache{written: info.ModTime().UnixNano(), self: stampOf(info)}
	first, rest, _ := strings.Cut(string(data), "\n")
	if first != cacheHeader {
		return nil, false
	}
	for line := range strings.Lines(rest) {
		if err := c.parse(strings.TrimSuffix(line, "\n")); err != nil {
			return nil, false
		}
	}
	return c, c.key != ""
}

// parse reads one line of CacheFile into c.
func (c *cache) parse(line string) error {
	word, rest, _ := strings.Cut(line, " ")
	switch word {
	case "key":
		return unquote(rest, &c.key)
	case "note":
		var s string
		err := unquote(rest, &s)
		c.notes = append(c.notes, s)
		return err
	case "in", "out":
		e, err := parseEntry(rest)
		if word == "in" {
			c.inputs = append(c.inputs, e)
		} else {
			c.outputs = append(c.outputs, e)
		}
		return err
	}
	return fmt.Errorf("unknown record %q", word)
}

func unquote(s string, to *string) error {
	var err error
	*to, err = strconv.Unquote(s)
	return err
}

// parseEntry reads "SIZE MTIME CTIME INODE HASH VIEW PATH".
func parseEntry(s string) (entry, error) {
	var f [6]string
	for i := range f {
		var ok bool
		if f[i], s, ok = strings.Cut(s, " "); !ok {
			return entry{}, errors.New("too few fields")
		}
	}
	var e entry
	var errs [5]error
	e.size, errs[0] = strconv.ParseInt(f[0], 10, 64)
	e.mtime, errs[1] = strconv.ParseInt(f[1], 10, 64)
	e.ctime, errs[2] = strconv.ParseInt(f[2], 10, 64)
	e.ino, errs[3] = strconv.ParseUint(f[3], 10, 64)
	if f[4] != "-" {
		e.hash = f[4]
	}
	if f[5] != "-" {
		e.view = f[5]
	}
	errs[4] = unquote(s, &e.path)
	return e, errors.Join(errs[:]...)
}

// appendEntry adds e to b as the fields parseEntry reads.
func appendEntry(b []byte, word string, e entry) []byte {
	b = append(b, word...)
	for _, n := range []int64{e.size, e.mtime, e.ctime} {
		b = append(b, ' ')
		b = strconv.AppendInt(b, n, 10)
	}
	b = append(b, ' ')
	b = strconv.AppendUint(b, e.ino, 10)
	b = append(b, ' ')
	for _, s := range []string{e.hash, e.view} {
		if s == "" {
			s = "-"
		}
		b = append(append(b, s...), ' ')
	}
	b = strconv.AppendQuote(b, e.path)
	return append(b, '\n')
}

// writeCache records in CacheFile that dir holds files (at paths, with
// the given SHA-256 each), written from in, the view keys of the pages
// and the notes the build printed.
func writeCache(dir string, paths, hashes []string, in *Inputs, notes []string, pages *Pages) error {
	outs := make([]entry, len(paths))
	err := inParallel(len(paths), func(i int) error {
		info, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(paths[i])))
		if err != nil {
			return err
		}
		outs[i] = entry{path: paths[i], stamp: stampOf(info), hash: hashes[i], view: pages.key(paths[i])}
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(outs, func(a, b entry) int { return strings.Compare(a.path, b.path) })
	var b bytes.Buffer
	b.Grow(128 * (len(outs) + len(in.files)))
	buf := b.AvailableBuffer()
	buf = append(buf, cacheHeader+"\nkey "...)
	buf = append(strconv.AppendQuote(buf, in.key), '\n')
	for _, e := range in.files {
		buf = appendEntry(buf, "in", e)
	}
	for _, e := range outs {
		buf = appendEntry(buf, "out", e)
	}
	for _, n := range notes {
		buf = append(strconv.AppendQuote(append(buf, "note "...), n), '\n')
	}
	return replaceFile(filepath.Join(dir, CacheFile), buf)
}

// dropCache removes dir's CacheFile, before the build changes anything
// that it vouches for.
func dropCache(dir string) error {
	err := os.Remove(filepath.Join(dir, CacheFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
