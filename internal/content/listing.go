package content

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// A listing is what is in the content folder, kept by a Cache between
// loads so that a load after an edit need not walk a folder of tens of
// thousands of files: the files a walk finds, in the order it finds them,
// and the bytes of the images and PDFs among them. The files that the
// cache's owner forgets are looked at again; anything else unexpected
// (the content folder itself changed, a file that cannot be looked at)
// makes the next load walk everything.
type listing struct {
	valid bool
	gen   int               // counts the times the files listed changed
	files []string          // in walk order (see walkOrder)
	data  map[string][]byte // images and PDFs read so far, by file
	dirty []string          // paths forgotten since the last load
}

// walkContent lists the files under content/ that a site is made of, in
// the order fs.WalkDir visits them: pages and every other file but
// editors' ones and those in hidden folders.
func walkContent(fsys fs.FS) ([]string, error) {
	var files []string
	err := walkFiles(fsys, Folder, func(p string) { files = append(files, p) })
	return files, err
}

// walkFiles calls add with each file below root that a walk of the
// content folder lists, in walk order. Names starting with a dot are
// editors' lock and swap files (.#burglary.en.md) and hidden folders,
// never pages.
func walkFiles(fsys fs.FS, root string, add func(string)) error {
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case p != root && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return fs.SkipDir
			}
		case !d.IsDir() && !EditorFile(d.Name()):
			add(p)
		}
		return nil
	})
}

// list returns the files under content/, from the listing when it holds
// and by walking the folder when it does not. Without a cache it walks.
func (c *Cache) list(fsys fs.FS) ([]string, error) {
	if c == nil {
		return walkContent(fsys)
	}
	l := &c.listing
	if l.valid {
		for _, p := range l.dirty {
			if !l.update(fsys, p) {
				l.valid = false
				break
			}
		}
	}
	l.dirty = l.dirty[:0]
	if l.valid {
		return l.files, nil
	}
	files, err := walkContent(fsys)
	l.files, l.data, l.valid = files, map[string][]byte{}, err == nil
	l.gen++
	return files, err
}

// forget notes that the path p in the content folder changed.
func (l *listing) forget(p string) {
	l.dirty = append(l.dirty, p)
	l.drop(p) // and the data of the files under p, if p is a folder
}

// drop forgets the bytes of the file p and of every file under p.
func (l *listing) drop(p string) {
	delete(l.data, p)
	prefix := p + "/"
	for f := range l.data {
		if strings.HasPrefix(f, prefix) {
			delete(l.data, f)
		}
	}
}

// update brings the listing up to date with the path p, which changed. It
// reports false when it cannot, so that the folder must be walked.
func (l *listing) update(fsys fs.FS, p string) bool {
	if p == Folder || !listable(p) {
		// The folder itself, or a path in a hidden folder or an editor's
		// file, which a walk leaves out; the folder itself is walked.
		return p != Folder
	}
	info, err := fs.Lstat(fsys, p)
	switch {
	case err == nil && !info.IsDir():
		if _, found := slices.BinarySearchFunc(l.files, p, walkOrder); found {
			return true // a file that is still there: the listing is the same
		}
		l.remove(p)
		l.insert(p)
		return true
	case errors.Is(err, fs.ErrNotExist):
		l.remove(p)
		return true
	case err != nil:
		return false
	}
	l.remove(p)
	return walkFiles(fsys, p, l.insert) == nil
}

// listable reports whether a walk of the content folder would list the
// file p, or files under the folder p: no name in it starts with a dot,
// and the last is not an editor's.
func listable(p string) bool {
	rel := strings.TrimPrefix(p, Folder+"/")
	for _, name := range strings.Split(rel, "/") {
		if strings.HasPrefix(name, ".") {
			return false
		}
	}
	return !EditorFile(path.Base(p))
}

// remove takes p, and every file under it, out of the listing.
func (l *listing) remove(p string) {
	i, found := slices.BinarySearchFunc(l.files, p, walkOrder)
	if found {
		l.files = slices.Delete(l.files, i, i+1)
		l.gen++
		return
	}
	// The files under a folder come together, right after where the
	// folder's own name would be.
	j := i
	for j < len(l.files) && strings.HasPrefix(l.files[j], p+"/") {
		j++
	}
	if j > i {
		l.files = slices.Delete(l.files, i, j)
		l.gen++
	}
}

// holds reports whether the listing holds the file p or files under p.
func (l *listing) holds(p string) bool {
	i, found := slices.BinarySearchFunc(l.files, p, walkOrder)
	return found || i < len(l.files) && strings.HasPrefix(l.files[i], p+"/")
}

// insert adds the file p to the listing.
func (l *listing) insert(p string) {
	i, found := slices.BinarySearchFunc(l.files, p, walkOrder)
	if !found {
		l.files = slices.Insert(l.files, i, p)
		l.gen++
	}
}

// walkOrder orders paths as fs.WalkDir visits them: name by name, so that
// a folder's files come before those of a folder whose name is longer,
// content/a/x.md before content/a.b/x.md.
func walkOrder(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		switch {
		case x == '/':
			return -1
		case y == '/':
			return 1
		case x < y:
			return -1
		}
		return 1
	}
	return len(a) - len(b)
}

// fileData returns the bytes of an image or PDF kept from an earlier load.
func (c *Cache) fileData(file string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	data, ok := c.listing.data[file]
	return data, ok
}

// keepData keeps the bytes of an image or PDF for the next load, while
// the listing holds.
func (c *Cache) keepData(file string, data []byte) {
	if c != nil && c.listing.valid {
		c.listing.data[file] = data
	}
}
