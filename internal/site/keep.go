package site

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"victimsite/internal/content"
)

// Pages are what RenderInto tells WriteBuild of a build's pages: the
// view key of each, rendered or kept, the pages it kept, the files it
// rendered again that came out as the last build left them, and the
// CacheFile it read, so that WriteBuild need not read it again.
type Pages struct {
	keys map[string]string // path -> view key
	kept []string          // sorted
	same []string          // sorted
	prev *cache            // the last build's cache, whatever it was built from
	dir  string            // the folder prev is in, resolved
}

// Kept is how many page files RenderInto kept from the last build.
func (p *Pages) Kept() int {
	if p == nil {
		return 0
	}
	return len(p.kept)
}

// Count is how many page files the build makes, rendered or kept.
func (p *Pages) Count() int {
	if p == nil {
		return 0
	}
	return len(p.keys)
}

// keptPaths are the files WriteBuild leaves as they are, sorted: the
// pages kept and the files that came out the same.
func (p *Pages) keptPaths() []string {
	if p == nil {
		return nil
	}
	if len(p.same) == 0 {
		return p.kept
	}
	all := slices.Concat(p.kept, p.same)
	slices.Sort(all)
	return all
}

func (p *Pages) key(path string) string {
	if p == nil {
		return ""
	}
	return p.keys[path]
}

// cacheIn returns the CacheFile RenderInto read from the folder dir
// (resolved), while it is still there as it was read; else nil.
func (p *Pages) cacheIn(dir string) *cache {
	if p == nil || p.prev == nil || p.dir != dir {
		return nil
	}
	info, err := os.Lstat(filepath.Join(dir, CacheFile))
	if err != nil || stampOf(info) != p.prev.self {
		return nil
	}
	return p.prev
}

// keeper is set on a Site while RenderInto renders it: it works out the
// view key of every page, and leaves out of the render the pages that
// the last build into the folder rendered from the same view.
type keeper struct {
	last  *cache // nil: leave nothing out
	pages Pages
}

// RenderInto is Render for a build into dir of the site fingerprinted as
// in; with in nil, or naming no program, it is Render. When dir's
// CacheFile records a build by the same program, from the same site
// folder and with the same site.toml, locales/ and templates/ (only pages
// and the files beside them differ), a page whose view (see viewHasher)
// is the one that build rendered, and whose file is still as that build
// left it, would come out the same: it is not rendered again but kept,
// and the Pages say so to WriteBuild. Anything else is rendered as Render
// does, and a file that comes out as the last build wrote it (whatever
// that build was made from), and is still as it was left, is not held in
// memory but left alone too: a build after a change to a layout renders
// every page, and few of them may change. It must not run while s
// renders otherwise.
func (s *Site) RenderInto(dir string, in *Inputs) (Files, *Pages, error) {
	k := &keeper{pages: Pages{keys: map[string]string{}}}
	if in != nil && in.key != "" {
		if resolved, err := resolve(dir); err == nil {
			if c, ok := readCache(resolved); ok {
				k.pages.prev, k.pages.dir = c, resolved
				if c.key == in.key && in.sameBut(c.inputs, content.Folder+"/") {
					k.last = c
				}
			}
		}
	}
	s.keep = k
	defer func() { s.keep = nil }()
	if k.pages.prev == nil {
		files, err := s.Render()
		return files, &k.pages, err
	}
	var c collector
	var mu sync.Mutex
	err := s.renderTo(func(f rendered) error {
		if !k.unchanged(f) {
			return c.add(f)
		}
		f.release()
		mu.Lock()
		k.pages.same = append(k.pages.same, f.path)
		mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, &k.pages, err
	}
	slices.Sort(k.pages.same)
	return c.files, &k.pages, nil
}

// unchanged reports whether f is what the last build wrote at its path,
// and the file there is still as that build left it.
func (k *keeper) unchanged(f rendered) bool {
	e, ok := k.pages.prev.output(f.path)
	return ok && e.hash != "" && e.hash == hashBytes(f.data) && k.pages.prev.intactFile(k.pages.dir, e)
}

// sameBut is same for the files whose path does not start with prefix.
func (in *Inputs) sameBut(recorded []entry, prefix string) bool {
	outside := func(es []entry) []entry {
		return slices.DeleteFunc(slices.Clone(es), func(e entry) bool { return strings.HasPrefix(e.path, prefix) })
	}
	rest := *in
	rest.files = outside(in.files)
	return rest.same(outside(recorded))
}

// filter returns the jobs to render: all but those the keeper keeps. It
// works out the view key of each, several at once.
func (k *keeper) filter(jobs []job) []job {
	if k == nil {
		return jobs
	}
	keys := make([]string, len(jobs))
	keep := make([]bool, len(jobs))
	n := runtime.GOMAXPROCS(0)
	var g errgroup.Group
	for w := range n {
		g.Go(func() error {
			vh := newViewHasher()
			for i := w; i < len(jobs); i += n {
				keys[i] = vh.key(jobs[i].view)
				keep[i] = k.same(jobs[i].path, keys[i])
			}
			return nil
		})
	}
	_ = g.Wait()
	var render []job
	for i, j := range jobs {
		k.pages.keys[j.path] = keys[i]
		if keep[i] {
			k.pages.kept = append(k.pages.kept, j.path)
		} else {
			render = append(render, j)
		}
	}
	slices.Sort(k.pages.kept)
	return render
}

// same reports whether the last build rendered the page at path from a
// view with the given key, and left its file as it is now.
func (k *keeper) same(path, key string) bool {
	if k.last == nil || key == "" {
		return false
	}
	e, ok := k.last.output(path)
	return ok && e.view == key && k.last.intactFile(k.pages.dir, e)
}
