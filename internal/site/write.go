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

// Write publishes files into dir. It writes everything into a new folder
// beside dir first and only then swaps it in, so if anything fails the
// previous contents of dir are left as they were. It replaces only a
// folder it wrote before, an empty one or none (see Marker), and follows
// a symbolic link to the folder it names.
func Write(dir string, files Files) error {
	dir, err := resolve(dir)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := owned(dir); err != nil {
		return err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("write: %w", err)
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

// writeAll writes files below root: first every folder, a level at a
// time, then the files, several at once, as most of the time goes on
// system calls that can run side by side.
func writeAll(root string, files Files) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		if strings.HasPrefix(p, "/") || strings.Contains(p, "..") {
			return fmt.Errorf("write: refusing the path %q", p)
		}
		paths = append(paths, p)
	}
	slices.Sort(paths)
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
