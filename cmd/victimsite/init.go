package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"victimsite"
	"victimsite/internal/config"
)

func runInit(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("victimsite init", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Usage: victimsite init DIR\n\nWrites the built-in Lincolnshire site (site.toml, content, locales, templates) to DIR,\nas a starting point. It never overwrites a file: when DIR already has any of\nthe site's files, it names them and writes nothing.")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return 2
	}
	dir := fl.Arg(0)
	if _, err := os.Stat(filepath.Join(dir, config.File)); err == nil {
		fmt.Fprintf(stderr, "victimsite init: %s already holds a site (%s); choose an empty folder\n", dir, config.File)
		return 1
	}
	files, err := defaultSiteFiles()
	if err == nil {
		err = refuseExisting(dir, files)
	}
	if err == nil {
		err = writeSite(dir, files)
	}
	if err != nil {
		fmt.Fprintf(stderr, "victimsite init: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d %s to %s; build it with: victimsite build -site %s\n", len(files), plural(len(files), "file", "files"), dir, dir)
	return 0
}

// defaultSiteFiles lists the files of the built-in site.
func defaultSiteFiles() ([]string, error) {
	var files []string
	err := fs.WalkDir(victimsite.DefaultSite, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	return files, err
}

// refuseExisting names every file of the site that dir already has, so
// that init writes all of the site or none of it.
func refuseExisting(dir string, files []string) error {
	var taken []string
	for _, p := range files {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(p))); err == nil {
			taken = append(taken, p)
		}
	}
	switch len(taken) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("%s already has %s; nothing was written: choose an empty folder", dir, taken[0])
	}
	return fmt.Errorf("%s already has %s and %d more of the site's files; nothing was written: choose an empty folder", dir, taken[0], len(taken)-1)
}

// writeSite writes the files of the built-in site below dir, creating
// each one new: a file that appeared meanwhile is never overwritten.
func writeSite(dir string, files []string) error {
	for _, p := range files {
		data, err := fs.ReadFile(victimsite.DefaultSite, p)
		if err != nil {
			return err
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := writeNew(full, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
