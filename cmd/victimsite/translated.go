package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/problem"
)

// runTranslated records that translations match their current English
// source by writing the source's hash into each one's front matter.
func runTranslated(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("victimsite translated", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintln(stderr, `Usage: victimsite translated FILE...

Records that each translation (such as content/crime/burglary.pl.md) now
matches its source page (in the site's default_language, usually English), by
writing the source page's source_hash into the translation's front matter.
Run it after updating a translation.`)
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return 2
	}
	failed := 0
	for _, file := range fl.Args() {
		if err := markTranslated(file); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", file, err)
			failed++
			continue
		}
		fmt.Fprintf(stdout, "%s: current\n", file)
	}
	if failed > 0 {
		return 1
	}
	return 0
}

func markTranslated(file string) error {
	source, err := sourceLanguage(file)
	if err != nil {
		return err
	}
	srcFile, ok := content.SourceFile(file, source)
	if !ok {
		return fmt.Errorf("not a translation: name it <page>.<lang>.md, in a language other than the site's default_language (%s)", source)
	}
	srcData, err := os.ReadFile(srcFile)
	if err != nil {
		return fmt.Errorf("cannot read its English page %s: %w", srcFile, err)
	}
	var probs problem.List
	src := content.Parse(srcFile, srcData, &probs)
	if src == nil || probs.Errors() > 0 {
		return fmt.Errorf("its English page has problems, fix them first: %s", probs[0])
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	// A translation whose own front matter does not parse would be
	// recorded as current and then fail check: refuse it now.
	var own problem.List
	if content.Parse(file, data, &own) == nil || own.Errors() > 0 {
		return fmt.Errorf("the translation has problems, fix them first: %s", own.Err())
	}
	out, err := content.SetSourceHash(data, src.Hash)
	if err != nil {
		return err
	}
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	return os.WriteFile(file, out, info.Mode().Perm())
}

// sourceLanguage returns the default_language of the site that file is
// in: the nearest folder above it that holds site.toml.
func sourceLanguage(file string) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	for dir := filepath.Dir(abs); ; {
		if _, err := os.Stat(filepath.Join(dir, config.File)); err == nil {
			cfg, probs := config.Load(os.DirFS(dir))
			if cfg == nil {
				return "", fmt.Errorf("the site's %s has problems, fix them first: %s", filepath.Join(dir, config.File), probs[0])
			}
			return cfg.DefaultLanguage, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no %s in its folder or above it; run victimsite translated on a page of a site", config.File)
		}
		dir = parent
	}
}
