// Package pdfjs reads a PDF the way Firefox does, for tests: it runs
// structtree.mjs, which loads the PDF with pdf.js (npm pdfjs-dist, pinned
// in package.json) under Node and returns each page's structure tree with
// the text of every element, as a screen reader gets it. It is the referee
// for the tagged PDFs internal/pdf writes and the leaflets made with it,
// in every language: for right-to-left and shaped text, what counts is the
// element's ActualText, which pdf.js reports as its alt text.
//
// A test calls Read(t, pdfBytes). Without node, or without pdf.js in
// node_modules, the test is skipped with a message saying what to install;
// under CI=true it fails instead (see internal/browser).
package pdfjs

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"victimsite/internal/browser"
)

// Document is what pdf.js reads from a PDF.
type Document struct {
	Title string `json:"title"` // the Info /Title
	Lang  string `json:"lang"`  // the catalog's /Lang
	Pages []Page `json:"pages"`
	// Outline is the structure tree as text, one line per element; the
	// format is described in structtree.mjs.
	Outline string `json:"outline"`
}

// Page is one page's structure tree: the top elements whose content is on
// the page (pdf.js builds a tree per page).
type Page struct {
	Number int    `json:"number"`
	Tree   []Node `json:"tree"`
}

// Node is a structure element, or a link annotation inside one.
type Node struct {
	Role string `json:"role"` // H1, P, Link...; "annotation" for a link annotation
	Lang string `json:"lang"` // the element's own /Lang, if any
	// Alt is the element's /Alt, or its /ActualText when it has no /Alt:
	// what a screen reader reads instead of its content.
	Alt string `json:"alt"`
	// Text is the text drawn in the element and its children, in reading
	// order, with runs of white space made one space.
	Text string `json:"text"`
	// Own says whether the element has content of its own, not only
	// through its children.
	Own bool `json:"own"`
	// URL and Contents are a link annotation's target and description.
	URL      string `json:"url"`
	Contents string `json:"contents"`
	Kids     []Node `json:"kids"`
}

// Read runs pdf.js on the PDF and returns what it reads.
func Read(t testing.TB, pdf []byte) *Document {
	t.Helper()
	root := repoRoot(t)
	node := browser.Tool(t, "node", "apt-get install -y nodejs npm")
	module := filepath.Join(root, "node_modules", "pdfjs-dist", "legacy", "build", "pdf.mjs")
	_, err := os.Stat(module)
	browser.Need(t, err == nil, "pdf.js ("+module+")", "npm ci --ignore-scripts --no-audit --no-fund (in the repository root)")
	file := filepath.Join(t.TempDir(), "read.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(node, filepath.Join(root, "internal", "pdfjs", "structtree.mjs"), "--json", file)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdf.js: %v\n%s", err, stderr.String())
	}
	var doc Document
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("pdf.js output: %v\n%s", err, stdout.String())
	}
	return &doc
}

// repoRoot finds the repository (the folder with go.mod) above the test's
// working directory, where node_modules is.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		} else if !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Find returns every node of the given role on every page, in reading
// order. An element whose content spans pages appears once per page.
func (d *Document) Find(role string) []Node {
	var found []Node
	var walk func(ns []Node)
	walk = func(ns []Node) {
		for _, n := range ns {
			if n.Role == role {
				found = append(found, n)
			}
			walk(n.Kids)
		}
	}
	for _, p := range d.Pages {
		walk(p.Tree)
	}
	return found
}
