package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"victimsite/internal/leaflet"
	"victimsite/internal/problem"
	"victimsite/internal/site"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("victimsite build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var sd siteDir
	sd.register(fl)
	out := fl.String("out", "", "the folder to build into, which the build keeps up to date (default: <site>/public)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, `Usage: victimsite build [-site DIR] [-out DIR]

Builds the website. A build with problems publishes nothing and leaves the
last good build in place. A first build writes each file as it is rendered,
into a new folder beside the output that takes its place once every file is
written. A build into its own earlier output writes only
the files that changed (each whole, pages after the files they use) and
removes the files it no longer makes; it keeps a list of the files it
wrote in `+site.Marker+`, and what it read and wrote in `+site.CacheFile+`:
a build with the same program, the same site folder and every file of the
site and of the output as they were then prints "up to date" and writes
nothing. It writes only to a new or empty folder or to
one an earlier build wrote, and never to the site folder, a folder that
holds it, or its content/, locales/ or templates/.`)
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "victimsite build: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	start := time.Now()
	fsys, dir, err := sd.open()
	if err != nil {
		fmt.Fprintf(stderr, "victimsite build: %v\n", err)
		return 1
	}
	if *out == "" {
		*out = "public"
		if dir != "" {
			*out = filepath.Join(dir, "public")
		}
	}
	// The site's files are fingerprinted before they are read, so that one
	// that changes while the build runs is found changed next time.
	in, _ := site.ReadInputs(fsys, buildKey(dir)) // nil: build without the cache
	outErr := site.CheckOutput(*out, dir)         // reported once the site is loaded
	if outErr == nil && upToDate(*out, in, start, stdout, stderr) {
		return 0
	}
	st, probs := loadSite(fsys)
	var printed bytes.Buffer
	printProblems(&printed, dir, probs)
	stderr.Write(printed.Bytes())
	if probs.Errors() > 0 || st == nil {
		fmt.Fprintln(stderr, "victimsite build: the site has problems (listed above); nothing was published")
		return 1
	}
	if outErr != nil {
		fmt.Fprintf(stderr, "victimsite build: -out %v\n", outErr)
		return 1
	}
	configureSite(st)
	notes := strings.Split(strings.TrimSuffix(printed.String(), "\n"), "\n")
	if printed.Len() == 0 {
		notes = nil
	}
	n, pages, err := site.PublishBuild(ctx, *out, st, in, notes)
	if perr := (*problem.Error)(nil); errors.As(err, &perr) {
		printProblems(stderr, dir, perr.List)
		fmt.Fprintln(stderr, "victimsite build: the site has problems (listed above); nothing was published")
		return 1
	}
	if err != nil && ctx.Err() != nil {
		fmt.Fprintln(stderr, "victimsite build: interrupted; nothing was published")
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "victimsite build: %v; nothing was published, and the previous build was left in place\n", err)
		return 1
	}
	kept := ""
	if k := pages.Kept(); k > 0 {
		kept = fmt.Sprintf("; %d of %d page files showed nothing that changed and were not rendered again", k, pages.Count())
	}
	fmt.Fprintf(stdout, "built %s (%s in %s) into %s in %s%s\n",
		count(n, "file", "files"), count(len(st.Content.IDs()), "page", "pages"),
		count(len(st.Config.Languages), "language", "languages"), *out, time.Since(start).Round(time.Millisecond), kept)
	return 0
}

// upToDate reports whether the build into out of the site fingerprinted
// as in has nothing to do, and if so prints the warnings the last build
// printed, and that it is up to date.
func upToDate(out string, in *site.Inputs, start time.Time, stdout, stderr io.Writer) bool {
	notes, ok := site.UpToDate(out, in)
	if !ok {
		return false
	}
	for _, n := range notes {
		fmt.Fprintln(stderr, n)
	}
	fmt.Fprintf(stdout, "%s is up to date: nothing changed since the last build, so nothing was written (checked in %s)\n",
		out, time.Since(start).Round(time.Millisecond))
	return true
}

// configureSite adds what the site package cannot make by itself, such as
// the generic leaflets. It is the one place the commands wire that in.
// The leaflets of every language are made together, in parallel, the
// first time the site asks for one.
func configureSite(st *site.Site) {
	var once sync.Once
	var pdfs map[string][]byte
	var err error
	st.Leaflet = func(lang string) ([]byte, error) {
		once.Do(func() {
			var r *leaflet.Renderer
			r, err = leaflet.New(leafletSource(st))
			if err == nil {
				pdfs, err = r.Generics()
			}
		})
		if err != nil {
			return nil, err
		}
		return pdfs[lang], nil
	}
}
