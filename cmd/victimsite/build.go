package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
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
last good build in place. A build into its own earlier output writes only
the files that changed (each whole, pages after the files they use) and
removes the files it no longer makes; it keeps a list of the files it
wrote in `+site.Marker+`. It writes only to a new or empty folder or to
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
	st, dir, ok := sd.load(stderr)
	if !ok {
		fmt.Fprintln(stderr, "victimsite build: the site has problems (listed above); nothing was published")
		return 1
	}
	if *out == "" {
		*out = "public"
		if dir != "" {
			*out = filepath.Join(dir, "public")
		}
	}
	if err := site.CheckOutput(*out, dir); err != nil {
		fmt.Fprintf(stderr, "victimsite build: -out %v\n", err)
		return 1
	}
	configureSite(st)
	n, err := site.Publish(ctx, *out, st)
	if perr := (*problem.Error)(nil); errors.As(err, &perr) {
		printProblems(stderr, dir, perr.List)
		fmt.Fprintln(stderr, "victimsite build: the site has problems (listed above); nothing was published")
		return 1
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "victimsite build: interrupted; nothing was published")
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "victimsite build: %v; nothing was published, and the previous build was left in place\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "built %s (%s in %s) into %s in %s\n",
		count(n, "file", "files"), count(len(st.Content.IDs()), "page", "pages"),
		count(len(st.Config.Languages), "language", "languages"), *out, time.Since(start).Round(time.Millisecond))
	return 0
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
			r, err = leaflet.New(leaflet.Source{Config: st.Config, Content: st.Content, Locales: st.Locales})
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
