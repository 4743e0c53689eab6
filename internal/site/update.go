package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// updateInPlace brings dir, which an earlier build wrote and whose Marker lists
// the files it wrote (old), up to date with files, in place:
//
//  1. It compares every file with what is on disk and writes nothing
//     when all are the same. A path the build makes that holds a file
//     not in old is someone else's: it is refused before anything is
//     written.
//  2. When there are new paths, the Marker first lists old and new, so
//     that a build stopped half-way leaves no file of its own unlisted.
//  3. It writes the changed files other than pages (stylesheets, scripts,
//     images, leaflets) first and then the pages, so that a changed page
//     never links to an asset that is not there yet. Each file is written
//     whole under a temporary name beside it and renamed over the old
//     one: a reader gets the old file or the new one, never part of one.
//  4. It removes the files in old that the build no longer makes, and the
//     folders that leaves empty, and lists the new files in the Marker.
//
// The files at kept (pages the build did not render again, as they would
// be the same; see keeper) are left as they are, and stay listed.
func updateInPlace(dir string, files Files, paths, kept, old []string, k known) error {
	was := make(map[string]bool, len(old))
	for _, p := range old {
		was[p] = true
	}
	changed, err := compare(dir, files, paths, was, k)
	if err != nil {
		return err
	}
	listed := paths
	if len(kept) > 0 {
		listed = slices.Concat(paths, kept)
		slices.Sort(listed)
		listed = slices.Compact(listed)
	}
	isListed := make(map[string]bool, len(listed))
	for _, p := range listed {
		isListed[p] = true
	}
	var stale []string
	for _, p := range old {
		if !isListed[p] && safePath(p) && p != Marker {
			stale = append(stale, p)
		}
	}
	grown := slices.ContainsFunc(listed, func(p string) bool { return !was[p] })
	if len(changed) == 0 && len(stale) == 0 && !grown {
		return nil
	}
	if err := dropCache(dir); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if grown {
		all := slices.Concat(old, listed)
		slices.Sort(all)
		if err := replaceFile(filepath.Join(dir, Marker), markerFor(slices.Compact(all))); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if err := writeChanged(dir, files, changed); err != nil {
		return err
	}
	if err := removeStale(dir, stale); err != nil {
		return err
	}
	if err := replaceFile(filepath.Join(dir, Marker), markerFor(listed)); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// compare returns the paths whose file in dir differs from files, in the
// order of paths. A path that is not in was (the files the last build
// wrote) but holds something is an error: victimsite did not write it.
func compare(dir string, files Files, paths []string, was map[string]bool, k known) ([]string, error) {
	differs := make([]bool, len(paths))
	err := inParallel(len(paths), func(i int) error {
		name := filepath.Join(dir, filepath.FromSlash(paths[i]))
		if !was[paths[i]] {
			if _, err := os.Lstat(name); !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s holds %s, which victimsite did not write and the build would replace; nothing was changed. Move it out of the folder, or give -out a new folder", dir, paths[i])
			}
			differs[i] = true
			return nil
		}
		same, err := k.sameFile(name, paths[i], i, files[paths[i]])
		differs[i] = !same
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	var changed []string
	for i, d := range differs {
		if d {
			changed = append(changed, paths[i])
		}
	}
	return changed, nil
}

// known is what Write knows of the files before it reads them: the last
// build's cache, and the SHA-256 of each file to write, in the order of
// their paths; either may be nil.
type known struct {
	last *cache
	sums []string
}

// sameFile reports whether name is a regular file that holds data, the
// i-th file to write. Where the last build's cache records the file with
// the size and times it still has, and earlier than the cache itself,
// their SHA-256 are compared instead of reading the file.
func (k known) sameFile(name, p string, i int, data []byte) (bool, error) {
	info, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false, err
	}
	if e, ok := k.last.output(p); ok && k.sums != nil && k.last.vouches(e, info) {
		return e.hash == k.sums[i], nil
	}
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, len(data)+1)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	return n == len(data) && bytes.Equal(buf[:n], data), nil
}

// writeChanged writes the given files below dir, each whole: first those
// that are not pages, then the pages.
func writeChanged(dir string, files Files, changed []string) error {
	made := map[string]bool{}
	for _, p := range changed {
		if d := path.Dir(p); d != "." && !made[d] {
			made[d] = true
			if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
	}
	isPage := func(p string) bool { return strings.HasSuffix(p, ".html") }
	for _, pages := range []bool{false, true} {
		var batch []string
		for _, p := range changed {
			if isPage(p) == pages {
				batch = append(batch, p)
			}
		}
		err := inParallel(len(batch), func(i int) error {
			return replaceFile(filepath.Join(dir, filepath.FromSlash(batch[i])), files[batch[i]])
		})
		if err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	return nil
}

// tmpCount makes the names of temporary files unique within a process.
var tmpCount atomic.Int64

// replaceFile writes data to a new file beside name and renames it over
// name, so that no reader sees part of the file.
func replaceFile(name string, data []byte) error {
	tmp := filepath.Join(filepath.Dir(name), "."+filepath.Base(name)+"."+
		strconv.Itoa(os.Getpid())+"-"+strconv.FormatInt(tmpCount.Add(1), 10)+".tmp")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// removeStale removes the regular files at paths below dir, and then the
// folders that held them if that left them empty.
func removeStale(dir string, paths []string) error {
	folders := map[string]bool{}
	for _, p := range paths {
		name := filepath.Join(dir, filepath.FromSlash(p))
		info, err := os.Lstat(name)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("write: %w", err)
		}
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			folders[d] = true
		}
	}
	deepest := make([]string, 0, len(folders))
	for d := range folders {
		deepest = append(deepest, d)
	}
	slices.SortFunc(deepest, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, d := range deepest {
		os.Remove(filepath.Join(dir, filepath.FromSlash(d))) // fails, as it should, when not empty
	}
	return nil
}

// markerFor returns the Marker's text listing paths, sorted.
func markerFor(paths []string) []byte {
	var b bytes.Buffer
	b.WriteString(markerText)
	b.WriteString("\n" + manifestHeader + "\n")
	for _, p := range paths {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// readManifest returns the files listed in dir's Marker, and whether it
// has a list: a missing Marker, or one from before the list, has none.
func readManifest(dir string) ([]string, bool, error) {
	data, err := os.ReadFile(filepath.Join(dir, Marker))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	_, list, ok := strings.Cut(string(data), "\n"+manifestHeader+"\n")
	if !ok {
		return nil, false, nil
	}
	var paths []string
	for p := range strings.Lines(list) {
		if p = strings.TrimSuffix(p, "\n"); p != "" {
			paths = append(paths, p)
		}
	}
	return paths, true, nil
}
