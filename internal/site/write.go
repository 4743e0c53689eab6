package site

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"
)

// Write publishes files into dir, and follows a symbolic link to the
// folder it names. It writes only to a folder it wrote before, an empty
// one or none (see Marker).
//
// A folder that an earlier build wrote, whose Marker lists the files it
// wrote, is updated in place (see updateInPlace): only changed and new files are
// written, each whole, and files the build no longer makes are removed.
// Any other folder (missing, empty, or marked by a victimsite from before
// the list) is replaced whole: everything is written into a new folder
// beside dir first and only then swapped in, so if anything fails the
// previous contents of dir are left as they were.
func Write(dir string, files Files) error {
	return WriteBuild(dir, files, nil, nil, nil)
}

// WriteBuild is Write for a build of in that printed notes (its
// warnings), and that RenderInto rendered as pages says (nil: all of it):
// when it has written the files, and left alone those that RenderInto
// kept or found unchanged, it records in CacheFile what they were made
// from, for UpToDate and the next RenderInto. With in nil it records nothing.
// Either way the CacheFile of the last build is removed before anything
// in dir changes, and its record of the files already there spares
// reading back those whose size and times it still matches.
func WriteBuild(dir string, files Files, in *Inputs, notes []string, pages *Pages) error {
	dir, err := resolve(dir)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := owned(dir); err != nil {
		return err
	}
	paths, err := sortedPaths(files)
	if err != nil {
		return err
	}
	old, listed, err := readManifest(dir)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	last := pages.cacheIn(dir)
	if last == nil {
		last, _ = readCache(dir)
	}
	kept := pages.keptPaths()
	if len(kept) > 0 && (!listed || last == nil) {
		return fmt.Errorf("write: %s changed while the build ran; build again", dir)
	}
	record := in != nil && in.key != ""
	var sums []string
	if record || last != nil {
		sums = make([]string, len(paths))
		_ = inParallel(len(paths), func(i int) error {
			sums[i] = hashBytes(files[paths[i]])
			return nil
		})
	}
	if listed {
		err = updateInPlace(dir, files, paths, kept, old, known{last, sums})
	} else {
		err = replace(dir, files, paths)
	}
	if err != nil || !record {
		return err
	}
	for _, p := range kept {
		e, _ := last.output(p)
		paths, sums = append(paths, p), append(sums, e.hash)
	}
	// The files are all written: a CacheFile that cannot be written only
	// makes the next build check and render everything.
	_ = writeCache(dir, paths, sums, in, notes, pages)
	return nil
}

// replace writes files into a new folder beside dir and swaps it in.
func replace(dir string, files Files, paths []string) error {
	return swapIn(dir, func(tmp string) error {
		if err := writeAll(tmp, files, paths); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(tmp, Marker), markerFor(paths), 0o644); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	})
}

// swapIn has fill write into a new folder beside dir, and puts that
// folder in dir's place, unless fill fails: then dir is left as it was.
func swapIn(dir string, fill func(tmp string) error) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := fill(tmp); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("write: %w", err)
	}
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("write: move the old %s aside: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("write: %w", err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// sortedPaths returns the paths of files, sorted, or an error for a path
// that would lead out of the output folder or lie below another file, so
// that such a mistake is found before anything is written.
func sortedPaths(files Files) ([]string, error) {
	paths := make([]string, 0, len(files))
	for p := range files {
		if !safePath(p) || p == Marker || p == CacheFile {
			return nil, fmt.Errorf("write: refusing the path %q", p)
		}
		paths = append(paths, p)
	}
	for _, p := range paths {
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			if _, ok := files[d]; ok {
				return nil, fmt.Errorf("write: %s would be both a file and the folder that holds %s", d, p)
			}
		}
	}
	slices.Sort(paths)
	return paths, nil
}

// safePath reports whether the slash-separated path p stays inside the
// folder it is relative to.
func safePath(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && !strings.Contains(p, "..") && !strings.Contains(p, "\\")
}

// writeAll writes files below root: first every folder, a level at a
// time, then the files, several at once, as most of the time goes on
// system calls that can run side by side.
func writeAll(root string, files Files, paths []string) error {
	for _, level := range folders(paths) {
		err := inParallel(len(level), func(i int) error {
			return os.Mkdir(filepath.Join(root, filepath.FromSlash(level[i])), 0o755)
		})
		if err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	err := inParallel(len(paths), func(i int) error {
		return os.WriteFile(filepath.Join(root, filepath.FromSlash(paths[i])), files[paths[i]], 0o644)
	})
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// folders lists the folders that hold the given slash-separated paths,
// and the folders above them, by depth: a level's parents are all in the
// level before.
func folders(paths []string) [][]string {
	seen := map[string]bool{}
	var levels [][]string
	for _, p := range paths {
		for d := path.Dir(p); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			depth := strings.Count(d, "/")
			for len(levels) <= depth {
				levels = append(levels, nil)
			}
			levels[depth] = append(levels[depth], d)
		}
	}
	return levels
}

// writers is how many files are written at once: more than the CPUs, as
// a writer often waits on the file system.
var writers = 2 * runtime.GOMAXPROCS(0)

// inParallel calls do for 0 to n-1, up to writers at a time, and returns
// the first error. After an error no new call starts.
func inParallel(n int, do func(i int) error) error {
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(writers)
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if ctx.Err() != nil {
				return nil
			}
			return do(i)
		})
	}
	return g.Wait()
}
