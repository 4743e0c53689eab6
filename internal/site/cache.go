package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/locale"
)

// CacheFile is where WriteBuild records, beside the Marker, what the last
// build read and wrote: a fingerprint of every file of the site it read
// (see Inputs), a key for the program and its settings, every file it
// wrote with its size, times and SHA-256, and the warnings it printed.
// UpToDate compares them with the site and the folder as they are, so a
// build with nothing changed need not load, check or render anything.
// The file is removed before a build changes anything in the folder and
// written again, whole, after the last change: while it is there, it is
// true.
const CacheFile = ".victimsite-cache"

// cacheHeader is the first line of CacheFile; a file that starts
// otherwise (from another version of the format) is not used.
const cacheHeader = "victimsite build cache 2"

// racyInput is how recently before a build a file of the site may have
// changed and still change again with the same size and time (file
// systems keep times to a second or two, and a file server's clock may be
// a little behind): such a file's content is hashed, and compared again
// by its hash the next time.
const racyInput = 2 * time.Second

// inputRoots are the files and folders of a site that a build reads.
var inputRoots = []string{config.File, content.Folder, locale.Folder, TemplatesFolder}

// stamp is what a file's metadata says of its content: its size, its
// times and, where the system has them, its inode number and the time
// its metadata last changed, which no one can set back.
type stamp struct {
	size, mtime, ctime int64
	ino                uint64
}

func stampOf(info fs.FileInfo) stamp {
	s := stamp{size: info.Size(), mtime: info.ModTime().UnixNano()}
	if info.ModTime().IsZero() {
		s.mtime = 0
	}
	s.ctime, s.ino = metaStamp(info)
	return s
}

// metaStamp is sysStamp; a test sets it to one that gives nothing, as on
// a system without metadata times.
var metaStamp = sysStamp

// proves reports whether a stamp, when it has not changed, proves the
// content has not: only where the system gives the time a file's metadata
// last changed, which no one can set back. Elsewhere a same-size edit
// with its time put back (touch -r, cp -p, rsync -a, an unzipped archive)
// keeps size and time, so the content is compared by its SHA-256.
func (s stamp) proves() bool { return s.ctime != 0 }

// entry is one file in the cache: its slash-separated path, its stamp
// and, when known, the hex SHA-256 of its content and, for a page, its
// view key.
type entry struct {
	path string
	stamp
	hash, view string
}

// Inputs are the fingerprints of everything a build reads (site.toml, the
// files under content/, locales/ and templates/, and the font files
// site.toml names for the leaflets) and a key for
// whatever else decides what it writes: the program itself and its
// settings. Take them before loading the site, so that a file that
// changes while the site loads is seen as changed next time.
type Inputs struct {
	key   string
	start time.Time
	files []entry // sorted by path
	fsys  fs.FS
}

// ReadInputs fingerprints the site in fsys. key names the program and the
// settings of the build (a build by another program, or with other
// settings, is never taken for this one); "" makes Inputs that never
// match, for a program that cannot name itself. A file whose time is
// within racyInput of now (or that has no time, as in a site built into
// the program) is hashed too.
func ReadInputs(fsys fs.FS, key string) (*Inputs, error) {
	in := &Inputs{key: key, start: time.Now(), fsys: fsys}
	for _, root := range inputRoots {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if p == root && errors.Is(err, fs.ErrNotExist) {
				return nil // a site without this folder
			}
			if err != nil || d.IsDir() {
				return err
			}
			info, err := fs.Stat(fsys, p) // through a symbolic link, as a read goes
			if err != nil {
				return err
			}
			if info.IsDir() {
				in.key = "" // a link to a folder: its files are not fingerprinted
			}
			in.files = append(in.files, entry{path: p, stamp: stampOf(info)})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("fingerprint the site: %w", err)
		}
	}
	if err := in.addFonts(); err != nil {
		return nil, fmt.Errorf("fingerprint the site: %w", err)
	}
	slices.SortFunc(in.files, func(a, b entry) int { return strings.Compare(a.path, b.path) })
	in.files = slices.CompactFunc(in.files, func(a, b entry) bool { return a.path == b.path })
	err := inParallel(len(in.files), func(i int) error {
		if !in.racy(in.files[i]) {
			return nil
		}
		h, err := fileHash(fsys, in.files[i].path)
		in.files[i].hash = h
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("fingerprint the site: %w", err)
	}
	return in, nil
}

// addFonts fingerprints the font files site.toml names for the leaflets
// ([leaflet.fonts]), wherever in the site they are. One that is not
// there is left out: the build that needs it fails, and one made after
// it appears is a file the cache did not record.
func (in *Inputs) addFonts() error {
	for _, p := range config.FontFiles(in.fsys) {
		info, err := fs.Stat(in.fsys, p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		if info.IsDir() {
			in.key = "" // not a font: the build fails, and records nothing
		}
		in.files = append(in.files, entry{path: p, stamp: stampOf(info)})
	}
	return nil
}

// racy reports whether a file may have changed since it was fingerprinted
// without its stamp changing.
func (in *Inputs) racy(e entry) bool {
	return e.mtime == 0 || !e.proves() || e.mtime >= in.start.Add(-racyInput).UnixNano()
}

// same reports whether the site is as recorded: the same files, each with
// the same stamp, and the same content where it was hashed.
func (in *Inputs) same(recorded []entry) bool {
	if len(recorded) != len(in.files) {
		return false
	}
	for i, r := range recorded {
		if r.path != in.files[i].path || r.stamp != in.files[i].stamp {
			return false
		}
	}
	err := inParallel(len(recorded), func(i int) error {
		r, e := recorded[i], in.files[i]
		if r.hash == "" {
			return nil // not racy when recorded, and its stamp is the same
		}
		if e.hash == "" {
			var err error
			if e.hash, err = fileHash(in.fsys, e.path); err != nil {
				return err
			}
		}
		if e.hash != r.hash {
			return errChanged
		}
		return nil
	})
	return err == nil
}

// errChanged stops a comparison at the first file that differs.
var errChanged = errors.New("changed")

// fileHash returns the hex SHA-256 of the file at p in fsys.
func fileHash(fsys fs.FS, p string) (string, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashBytes returns the hex SHA-256 of data.
func hashBytes(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// cache is what CacheFile holds, and the time it was written.
type cache struct {
	key     string
	inputs  []entry
	outputs []entry // sorted by path
	notes   []string
	written int64 // CacheFile's modification time, in the output folder's clock
	self    stamp // CacheFile's own stamp, when it was read
}

// UpToDate reports whether dir holds what a build of in would write, as
// the last build into dir left it: in matches what CacheFile recorded,
// and every file that build wrote is there with the size and times it
// had then (or, where they cannot tell, the same SHA-256). It also
// returns the warnings that build printed, to print them again.
func UpToDate(dir string, in *Inputs) ([]string, bool) {
	if in == nil || in.key == "" {
		return nil, false
	}
	dir, err := resolve(dir)
	if err != nil {
		return nil, false
	}
	c, ok := readCache(dir)
	if !ok || c.key != in.key || !in.same(c.inputs) || !c.intact(dir) {
		return nil, false
	}
	return c.notes, true
}

// intact reports whether every file the cache lists in dir is as it was
// written. A file whose time is not earlier than the cache's own, so that
// it could have been changed since within the same tick of the clock, is
// compared by its SHA-256.
func (c *cache) intact(dir string) bool {
	if _, err := os.Lstat(filepath.Join(dir, Marker)); err != nil {
		return false
	}
	err := inParallel(len(c.outputs), func(i int) error {
		if !c.intactFile(dir, c.outputs[i]) {
			return errChanged
		}
		return nil
	})
	return err == nil
}

// intactFile reports whether the file e in dir is as it was written.
func (c *cache) intactFile(dir string, e entry) bool {
	info, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(e.path)))
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	if c.vouches(e, info) {
		return true
	}
	if stampOf(info) != e.stamp {
		return false
	}
	h, err := fileHash(os.DirFS(dir), e.path)
	return err == nil && h == e.hash
}

// vouches reports whether info, the file c records as e, is as it was
// written, without reading it: it has the stamp c recorded, a stamp
// that proves the content, and a time earlier than the cache's own, so
// that it cannot have changed since within the same tick of the clock.
func (c *cache) vouches(e entry, info fs.FileInfo) bool {
	return stampOf(info) == e.stamp && e.proves() && e.mtime < c.written
}

// output returns what c records of the file it wrote at path p.
func (c *cache) output(p string) (entry, bool) {
	if c == nil {
		return entry{}, false
	}
	i, ok := slices.BinarySearchFunc(c.outputs, p, func(e entry, p string) int { return strings.Compare(e.path, p) })
	if !ok {
		return entry{}, false
	}
	return c.outputs[i], true
}
