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
		fmt.Fprintln(stderr, "Usage: victimsite init DIR\n\nWrites the built-in Lincolnshire site (site.toml, content, locales, templates) to DIR,\nas a starting point. It never overwrites an existing site.")
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
	n := 0
	err := fs.WalkDir(victimsite.DefaultSite, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(victimsite.DefaultSite, p)
		if err != nil {
			return err
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if _, err := os.Stat(full); err == nil {
			return fmt.Errorf("%s exists already; choose an empty folder", full)
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		n++
		return os.WriteFile(full, data, 0o644)
	})
	if err != nil {
		fmt.Fprintf(stderr, "victimsite init: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files to %s; build it with: victimsite build -site %s\n", n, dir, dir)
	return 0
}
