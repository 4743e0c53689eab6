package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"victimsite/internal/config"
	"victimsite/internal/content"
)

// Folders are the folders of a site that the preview watches, with every
// folder inside them, including those made later. site.toml is watched too,
// and so are the font files it names for the leaflets, wherever they are.
var Folders = []string{"content", "locales", "templates"}

// A Change is a burst of file events gathered into one: the files and
// folders that were written, made, removed or renamed, as slash-separated
// paths in the site folder, sorted. Lost is set when the system dropped
// events, so that anything may have changed. Others are the files in the
// content folder that are not part of a site (a note, sed's sedXXXXXX)
// and changed since the last Change: they start no rebuild of their own,
// but a build reports them, so the next one must look at them again.
type Change struct {
	Paths  []string
	Lost   bool
	Others []string
}

// watcher watches a site folder and sends a Change once the folder has
// been still for quiet after an event, or longest after the first event of
// a burst that goes on and on. Events on editors' temporary files are left
// out. Changes wait while nobody receives, gathering further events.
type watcher struct {
	root           string
	fsw            *fsnotify.Watcher
	quiet, longest time.Duration
	changes        chan Change
	done, stopped  chan struct{}
	closeOnce      sync.Once

	dirs map[string]bool // the folders watched, as paths in the site; owned by loop
	// fonts are the font files site.toml names ([leaflet.fonts]), and
	// fontDirs the folders watched for them alone; owned by loop.
	fonts, fontDirs map[string]bool
	// others are the files that changed for Change.Others; owned by loop.
	others map[string]bool
}

// watch starts watching the site folder root.
func watch(root string, quiet, longest time.Duration) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fsw: fsw, quiet: quiet, longest: longest,
		changes: make(chan Change), done: make(chan struct{}), stopped: make(chan struct{}),
		dirs: map[string]bool{}, others: map[string]bool{}, fontDirs: map[string]bool{}}
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, f := range Folders {
		if err := w.addTree(f, nil); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	w.watchFonts()
	go w.loop()
	return w, nil
}

// Changes delivers the changes; it is closed when the watcher stops.
func (w *watcher) Changes() <-chan Change { return w.changes }

// Close stops the watcher and waits until it has let go of everything.
func (w *watcher) Close() error {
	var err error
	w.closeOnce.Do(func() {
		close(w.done)
		<-w.stopped
		err = w.fsw.Close()
	})
	return err
}

func (w *watcher) loop() {
	defer close(w.stopped)
	defer close(w.changes)
	pending := map[string]bool{}
	lost := false
	var first time.Time // of the burst under way
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	ready := false
	arm := func() {
		if first.IsZero() {
			first = time.Now()
		}
		if !ready {
			timer.Reset(min(w.quiet, max(0, w.longest-time.Since(first))))
		}
	}
	for {
		var out chan Change
		var next Change
		if ready {
			out, next = w.changes, Change{Paths: sorted(pending), Lost: lost, Others: sorted(w.others)}
		}
		select {
		case <-w.done:
			timer.Stop()
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if w.handle(ev, pending) {
				arm()
			}
		case _, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			// An overflow, or a folder that could not be watched:
			// anything may have changed, so watch everything again.
			lost = true
			for _, f := range Folders {
				_ = w.addTree(f, pending) // what still fails, fails again
			}
			w.watchFonts()
			arm()
		case <-timer.C:
			ready = true
		case out <- next:
			clear(pending)
			clear(w.others)
			lost, first, ready = false, time.Time{}, false
		}
	}
}

// handle notes one event in pending, and reports whether it counts.
func (w *watcher) handle(ev fsnotify.Event, pending map[string]bool) bool {
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return false
	}
	rel = filepath.ToSlash(rel)
	if ev.Op == fsnotify.Chmod {
		return false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		delete(w.fontDirs, rel) // its watch is gone with it
	}
	if w.fonts[rel] || w.holdsFont(rel) {
		w.watchFonts() // a font's folder made or renamed: watch it again
		pending[rel] = true
		for f := range w.fonts {
			// A font written into the folder before its watch began.
			if !strings.HasPrefix(f, rel+"/") {
				continue
			}
			if _, err := os.Stat(filepath.Join(w.root, filepath.FromSlash(f))); err == nil {
				pending[f] = true
			}
		}
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	if rel != "site.toml" && !slices.Contains(Folders, top) {
		return false // public/, README.md and the rest of the site folder
	}
	if temporary(path.Base(rel)) {
		return false
	}
	if rel == config.File {
		w.watchFonts() // it may name other fonts now
	}
	wasDir := w.dirs[rel]
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forgetTree(rel)
	}
	isDir := false
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			isDir = true
			// Its files may be there before the watch. A folder that
			// cannot be watched is rebuilt from when it changes around it.
			_ = w.addTree(rel, pending)
		}
	}
	if !wasDir && !isDir && !part(rel) {
		if top == content.Folder {
			w.others[rel] = true
		}
		return false
	}
	pending[rel] = true
	return true
}

// watchFonts watches the font files site.toml names for the leaflets:
// the folder of each, alone, where no other watch covers it. A folder
// that is not there yet is watched once it is made (holdsFont), however
// many folders on the way are made one by one.
func (w *watcher) watchFonts() {
	w.fonts = map[string]bool{}
	for _, f := range config.FontFiles(os.DirFS(w.root)) {
		w.fonts[f] = true
		// The font's folder, or the nearest folder on the way to it that
		// is there: its new folders are seen (holdsFont) and watched too.
		dir := path.Dir(f)
		for dir != "." && !isDir(filepath.Join(w.root, filepath.FromSlash(dir))) {
			dir = path.Dir(dir)
		}
		if dir == "." || w.dirs[dir] || w.fontDirs[dir] {
			continue
		}
		if err := w.fsw.Add(filepath.Join(w.root, filepath.FromSlash(dir))); err == nil {
			w.fontDirs[dir] = true
		}
	}
}

// isDir reports whether p is a folder.
func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// holdsFont reports whether rel is a folder on the way to a font file
// site.toml names.
func (w *watcher) holdsFont(rel string) bool {
	for f := range w.fonts {
		if strings.HasPrefix(f, rel+"/") {
			return true
		}
	}
	return false
}

// part reports whether a file is part of a site: site.toml, a page, an
// image or PDF beside pages, a message file or anything in templates/
// (layouts and assets). Editors' and tools' other files beside them (sed's
// sedXXXXXX, a README) are not.
func part(rel string) bool {
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "site.toml":
		return rel == "site.toml"
	case "content":
		return strings.HasSuffix(rel, ".md") || content.Attachable(rel)
	case "locales":
		return strings.HasSuffix(rel, ".toml")
	case "templates":
		return rel != "templates"
	}
	return false
}

// addTree watches the folder dir in the site and every folder under it,
// noting the files found in pending when it is not nil. It returns the
// first folder that could not be watched (too many watches, say).
func (w *watcher) addTree(dir string, pending map[string]bool) error {
	var failed error
	_ = filepath.WalkDir(filepath.Join(w.root, filepath.FromSlash(dir)), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone already, or unreadable: nothing to watch
		}
		rel, _ := filepath.Rel(w.root, p)
		rel = filepath.ToSlash(rel)
		if rel != dir && temporary(d.Name()) {
			return skip(d)
		}
		if !d.IsDir() {
			switch {
			case pending == nil:
			case part(rel):
				pending[rel] = true
			case strings.HasPrefix(rel, content.Folder+"/"):
				w.others[rel] = true
			}
			return nil
		}
		if !w.dirs[rel] {
			if err := w.fsw.Add(p); err != nil {
				if failed == nil && !errors.Is(err, fs.ErrNotExist) {
					failed = fmt.Errorf("cannot watch %s: %w", p, err)
				}
				return fs.SkipDir
			}
			w.dirs[rel] = true
		}
		return nil
	})
	return failed
}

// forgetTree stops watching a folder that was removed or renamed, and the
// folders under it; a renamed folder is watched again under its new name
// when its Create event comes.
func (w *watcher) forgetTree(rel string) {
	for d := range w.dirs {
		if d == rel || strings.HasPrefix(d, rel+"/") {
			err := w.fsw.Remove(filepath.Join(w.root, filepath.FromSlash(d)))
			_ = err // already gone with the folder, usually
			delete(w.dirs, d)
		}
	}
}

func skip(d fs.DirEntry) error {
	if d.IsDir() {
		return fs.SkipDir
	}
	return nil
}

// temporary reports whether a file name is one that editors leave beside
// the file being edited (swap, backup, lock, half-written): the same names
// the content folder ignores, so the preview and a build never disagree.
func temporary(name string) bool { return content.EditorFile(name) }

func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
