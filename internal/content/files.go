package content

import (
	"path"
	"slices"
	"strings"

	"victimsite/internal/problem"
)

// FilesFolder is the folder of the published site that holds the images
// and PDFs that sit beside pages: content/crime/map.png is published once,
// as files/crime/map.png, and every language's copy of a page links there.
const FilesFolder = "files"

// imageExts and the PDF are the kinds of file that may sit beside pages.
// SVG is left out on purpose: an SVG file can hold a script.
var imageExts = []string{".png", ".jpg", ".jpeg", ".gif", ".webp"}

// Attachable reports whether a file under content/ is one that can be
// published with the pages that link to it: an image or a PDF.
func Attachable(file string) bool {
	ext := strings.ToLower(path.Ext(file))
	return ext == ".pdf" || slices.Contains(imageExts, ext)
}

// EditorFile reports whether a file name is one that editors leave beside
// the file being edited, never part of a site: swap, backup, lock and
// half-written files such as .burglary.en.md.swp, burglary.en.md~,
// .#burglary.en.md, #burglary.en.md#, vim's 4913, burglary.en.md.tmp and
// JetBrains' burglary.en.md___jb_tmp___. The live preview ignores the same
// names.
func EditorFile(name string) bool {
	switch {
	case name == "":
		return false
	case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	case strings.Trim(name, "0123456789") == "":
		return true
	}
	for _, suffix := range []string{".swp", ".swx", ".swo", ".tmp", ".bak", ".orig", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// fragmentLink is a link to a heading: #id on the same page, or
// burglary.md#id on another.
type fragmentLink struct {
	raw, target, fragment string
	line                  int
}

// fileRef is a link to an image or PDF beside the page.
type fileRef struct {
	raw, file string
	line      int
}

// checkLinks checks what the pages link to beyond pages themselves, once
// every page is rendered: each #heading must be a heading of the page it
// leads to, in the linking page's language (or the English page that
// readers get when it is not translated), and each image or PDF must be
// there. It works out which files to publish, and warns about those that
// no page links to, as they are not published.
func (s *Set) checkLinks(probs *problem.List) {
	linked := map[string]bool{}
	for _, p := range s.pages {
		for _, f := range p.fragments {
			target := s.Get(f.target, p.Lang)
			if target == nil {
				target = s.Get(f.target, s.source)
			}
			if target == nil || f.fragment == "top" || slices.Contains(target.anchors, f.fragment) {
				continue
			}
			probs.Add(p.File, f.line, "link %q: %s has no heading with the id %q; %s", f.raw, target.File, f.fragment, headingHint(target))
		}
		for _, f := range p.files {
			if _, ok := s.files[f.file]; !ok {
				probs.Add(p.File, f.line, "broken link %q: there is no file %s; put the file there, or correct the link", f.raw, f.file)
				continue
			}
			linked[f.file] = true
		}
	}
	s.published = map[string][]byte{}
	for _, file := range sortedFiles(s.files) {
		if !linked[file] {
			probs.Warn(file, 0, "no page links to this file, so it is not published; link to it, as ![what it shows](%s), or remove it", path.Base(file))
			continue
		}
		s.published[FilesFolder+"/"+strings.TrimPrefix(file, Folder+"/")] = s.files[file]
	}
}

func headingHint(p *Page) string {
	if len(p.anchors) == 0 {
		return "it has no headings: link to the page without #"
	}
	return "its headings' ids are #" + strings.Join(p.anchors, ", #")
}

func sortedFiles(m map[string][]byte) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Files returns the images and PDFs that pages link to, by the path they
// are published at (files/crime/map.png), to publish with the pages.
func (s *Set) Files() map[string][]byte { return s.published }
