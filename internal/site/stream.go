package site

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sync"

	"golang.org/x/sync/errgroup"
)

// PublishBuild renders s and publishes it into dir, and returns how many
// files it published. Into a folder that an earlier build wrote and
// listed (see Marker), it is RenderInto and WriteBuild: the site is
// rendered in memory, only the pages whose view changed are rendered
// again, and the folder is updated in place. Into any other folder that
// Write may write to (a new or empty one), it writes each file as soon as
// it is rendered, into a new folder beside dir that is swapped in at the
// end, as Write does: the whole site is never held in memory, and the disk
// works while pages render. Either way a build that fails, from a layout
// that cannot be executed (a *problem.Error) to a full disk or ctx
// ending, leaves dir as it was.
//
// The build is of the site fingerprinted as in (nil: nothing is
// recorded), and printed notes (its warnings): it records what it read
// and wrote in CacheFile, as WriteBuild does; into a new folder the files
// are hashed as they are written, and CacheFile is written once the new
// folder is in dir's place. The Pages say how many page files the build
// made and how many it kept.
func PublishBuild(ctx context.Context, dir string, s *Site, in *Inputs, notes []string) (int, *Pages, error) {
	real, err := resolve(dir)
	if err != nil {
		return 0, nil, fmt.Errorf("write: %w", err)
	}
	if err := owned(real); err != nil {
		return 0, nil, err
	}
	if _, listed, err := readManifest(real); err != nil {
		return 0, nil, fmt.Errorf("write: %w", err)
	} else if listed {
		files, pages, err := s.RenderInto(dir, in)
		if err != nil {
			return 0, nil, err
		}
		if err := ctx.Err(); err != nil {
			return 0, nil, err
		}
		return len(files) + len(pages.keptPaths()), pages, WriteBuild(dir, files, in, notes, pages)
	}
	record := in != nil && in.key != ""
	k := &keeper{pages: Pages{keys: map[string]string{}}} // keeps nothing, notes the view keys
	if record {
		s.keep = k
		defer func() { s.keep = nil }()
	}
	var paths, sums []string
	err = swapIn(real, func(tmp string) error {
		paths, sums, err = s.stream(ctx, tmp, record)
		return err
	})
	if err != nil || !record {
		return len(paths), &k.pages, err
	}
	// The files are all in place: a CacheFile that cannot be written only
	// makes the next build check and render everything.
	_ = writeCache(real, paths, sums, in, notes, &k.pages)
	return len(paths), &k.pages, nil
}

// stream renders s into the folder root as it goes, several files at
// once, and writes the Marker last. It returns the paths it wrote, sorted,
// and when hash is set the SHA-256 of each.
func (s *Site) stream(ctx context.Context, root string, hash bool) ([]string, []string, error) {
	g, gctx := errgroup.WithContext(ctx)
	q := &queue{ctx: gctx, files: make(chan rendered, 2*writers), seen: map[string]string{}}
	w := &folderWriter{root: root, made: map[string]*folderOnce{".": doneFolder}}
	for range writers {
		g.Go(func() error {
			for f := range q.files {
				err := gctx.Err() // after a failure, the rest is not written
				if err == nil {
					err = w.write(f.path, f.data)
				}
				if err == nil && hash {
					q.hashed(f.path, hashBytes(f.data))
				}
				f.release()
				if err != nil {
					return err
				}
			}
			return nil
		})
	}
	renderErr := s.renderTo(q.add)
	close(q.files)
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	if renderErr != nil {
		return nil, nil, renderErr
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return q.finish(root, hash)
}

// finish writes the Marker listing the files written below root, once
// they all are, and returns their paths, sorted, and when hash is set the
// SHA-256 of each.
func (q *queue) finish(root string, hash bool) (paths, sums []string, err error) {
	files := make(Files, len(q.seen))
	for p := range q.seen {
		files[p] = nil
	}
	paths, err = sortedPaths(files) // the same checks as Write's
	if err != nil {
		return nil, nil, err
	}
	if err := os.WriteFile(filepath.Join(root, Marker), markerFor(paths), 0o644); err != nil {
		return nil, nil, fmt.Errorf("write: %w", err)
	}
	if hash {
		sums = make([]string, len(paths))
		for i, p := range paths {
			sums[i] = q.seen[p]
		}
	}
	return paths, sums, nil
}

// queue takes rendered files to the writers, refusing a second file at
// the same path.
type queue struct {
	ctx   context.Context
	files chan rendered
	mu    sync.Mutex
	seen  map[string]string // path -> SHA-256, once written and hashed
}

// add queues f, waiting while the writers are busy.
func (q *queue) add(f rendered) error {
	q.mu.Lock()
	_, twice := q.seen[f.path]
	q.seen[f.path] = ""
	q.mu.Unlock()
	if twice {
		f.release()
		return fmt.Errorf("write: two files would be published as %s", f.path)
	}
	select {
	case q.files <- f:
		return nil
	case <-q.ctx.Done():
		f.release()
		return context.Cause(q.ctx)
	}
}

// hashed records the SHA-256 of the file written at p.
func (q *queue) hashed(p, sum string) {
	q.mu.Lock()
	q.seen[p] = sum
	q.mu.Unlock()
}

// rendered is one published file on its way to the disk or to a Files.
// When buf is set, data is its bytes, and the buffer goes back to the
// pool of buffers once the file is written (release).
type rendered struct {
	path string
	data []byte
	buf  *bytes.Buffer
}

// release gives the file's buffer back to the pool; data must not be used
// after.
func (f rendered) release() {
	if f.buf != nil {
		buffers.Put(f.buf)
	}
}

// folderWriter writes files below root from several goroutines, making
// each folder once, when the first file in it comes.
type folderWriter struct {
	root string
	mu   sync.Mutex
	made map[string]*folderOnce
}

// folderOnce makes one folder, once.
type folderOnce struct {
	once sync.Once
	err  error
}

// doneFolder stands for the root, which is there already.
var doneFolder = func() *folderOnce {
	f := &folderOnce{}
	f.once.Do(func() {})
	return f
}()

// write writes the file at the slash-separated path p, refusing a path
// that leads out of the folder.
func (w *folderWriter) write(p string, data []byte) error {
	if !safePath(p) || p == Marker || p == CacheFile {
		return fmt.Errorf("write: refusing the path %q", p)
	}
	if err := w.folder(path.Dir(p)); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := os.WriteFile(filepath.Join(w.root, filepath.FromSlash(p)), data, 0o644); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// folder makes the slash-separated folder dir and those above it, unless
// they are made already.
func (w *folderWriter) folder(dir string) error {
	w.mu.Lock()
	f, ok := w.made[dir]
	if !ok {
		f = &folderOnce{}
		w.made[dir] = f
	}
	w.mu.Unlock()
	f.once.Do(func() {
		if f.err = w.folder(path.Dir(dir)); f.err == nil {
			f.err = os.Mkdir(filepath.Join(w.root, filepath.FromSlash(dir)), 0o755)
		}
	})
	return f.err
}
