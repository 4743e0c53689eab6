package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the file Write leaves at the top of every folder it publishes.
// It lists the files that build wrote, so that the next build can remove
// those it no longer makes and nothing else. Write writes only to a folder
// that holds this file (one it wrote before), an empty folder or none at
// all: never someone's notes, and never the site itself.
const Marker = ".victimsite-output"

// markerText is what the marker says to someone who finds it.
const markerText = `This folder was written by victimsite build. Each build updates it in
place: it writes the files that changed and removes the files listed below
that it no longer makes. Keep nothing else here. Without this file,
victimsite refuses to build into the folder. Beside it, .victimsite-cache
records what the last build read and wrote, so that a build with nothing
changed can stop at once; delete it to make the next build do everything.
`

// manifestHeader opens the list of files in the Marker, one a line.
const manifestHeader = "Files written by the last build:"

// sourceFolders are the folders of a site that a build reads; a build
// written into one of them would be read back as part of the site.
var sourceFolders = []string{"content", "locales", "templates"}

// CheckOutput reports why a build must not be written to dir, or nil.
// siteDir is the site folder being built ("" for the built-in site).
// dir must not be the site folder, a folder that holds it or the folder
// the command runs in, nor lie inside the site's content, locales or
// templates; and it must be a folder that Write may write to (see Marker).
func CheckOutput(dir, siteDir string) error {
	out, err := resolve(dir)
	if err != nil {
		return err
	}
	type folder struct{ what, path string }
	var keep []folder
	if siteDir != "" {
		keep = append(keep, folder{"the site folder", siteDir})
	}
	if wd, err := os.Getwd(); err == nil {
		keep = append(keep, folder{"the folder you are in", wd})
	}
	for _, k := range keep {
		p, err := resolve(k.path)
		if err != nil || !within(out, p) {
			continue
		}
		if out == p {
			return fmt.Errorf("%s is %s (%s); a build takes over the folder it writes to, so give -out a folder of its own, such as %s", dir, k.what, p, filepath.Join(p, "public"))
		}
		return fmt.Errorf("%s holds %s (%s); a build takes over the folder it writes to, so give -out a folder of its own", dir, k.what, p)
	}
	if siteDir != "" {
		site, err := resolve(siteDir)
		if err != nil {
			return err
		}
		for _, f := range sourceFolders {
			if within(filepath.Join(site, f), out) {
				return fmt.Errorf("%s is inside the site's %s/ folder, which the build reads; give -out a folder outside content/, locales/ and templates/", dir, f)
			}
		}
	}
	return owned(out)
}

// owned reports whether Write may write to dir: it is missing, an empty
// folder, or a folder that holds the Marker.
func owned(dir string) error {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s is a file, not a folder; give -out a folder", dir)
	}
	if m, err := os.Lstat(filepath.Join(dir, Marker)); err == nil && m.Mode().IsRegular() {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	msg := fmt.Sprintf("%s holds files that victimsite did not write (such as %s), and a build takes over the folder it writes to; nothing was changed. Give -out a new or empty folder", dir, entries[0].Name())
	if looksBuilt(entries) {
		msg += fmt.Sprintf(". If %s is a build from an older victimsite, which did not mark its output with %s, delete it once (rm -r %s) and build again", dir, Marker, dir)
	}
	return errors.New(msg)
}

// looksBuilt reports whether a folder's entries look like a build's: the
// hint that it may be one from before builds were marked.
func looksBuilt(entries []fs.DirEntry) bool {
	has := map[string]bool{}
	for _, e := range entries {
		has[e.Name()] = true
	}
	return has["index.html"] && has["sitemap.xml"]
}

// resolve returns p as an absolute path with every symbolic link in it
// followed, also when p or some of its parents do not exist yet.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; cur = filepath.Dir(cur) {
		real, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(cur) == cur {
			return "", err
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
	}
}

// within reports whether path inner is folder outer or lies inside it.
func within(outer, inner string) bool {
	rel, err := filepath.Rel(outer, inner)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
