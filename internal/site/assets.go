package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"victimsite/internal/problem"
)

// assets are the files of templates/assets/, published under names that
// hold a hash of their content (assets/site.3f9a0c1b2d.css), so a browser
// or CDN may keep them for a year: a changed file gets a new name.
type assets struct {
	files Files             // by published path
	names map[string]string // assets/ name (site.css) -> published path
}

// rootAssets are also published at the root of the site, where browsers
// and other programs ask for them without being told.
var rootAssets = []string{"favicon.ico"}

// hashedName returns the published name of an asset: site.css with the
// first ten hex digits of its SHA-256 before the extension.
func hashedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}

// loadAssets reads templates/assets/, published as assets/.
func loadAssets(fsys fs.FS) (assets, problem.List) {
	var probs problem.List
	a := assets{files: Files{}, names: map[string]string{}}
	root := TemplatesFolder + "/assets"
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasPrefix(path.Base(p), ".") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, root+"/")
		published := "assets/" + hashedName(name, data)
		a.files[published] = data
		a.names[name] = published
		for _, r := range rootAssets {
			if name == r {
				a.files[r] = data
			}
		}
		return nil
	})
	if err != nil {
		probs.Add(root, 0, "cannot read the assets: %v", err)
	}
	return a, probs
}

// path returns the published path of the asset with the given name, for
// templates as {{asset "site.css"}}.
func (a assets) path(name string) (string, error) {
	p, ok := a.names[name]
	if !ok {
		return "", fmt.Errorf("there is no %s/assets/%s", TemplatesFolder, name)
	}
	return p, nil
}
