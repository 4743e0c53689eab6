// Command gensite writes one made-up site twice, for bench/race.sh: as a
// victimsite site folder and as the same content in a Hugo site, so that
// the two generators can be timed on the same pages.
//
// The victimsite folder comes from package sitegen: site.toml, the
// built-in layouts and strings, and pages of 300 to 800 words of Markdown
// with headings, lists, a table, links and emphasis, in every language but
// with a share of the translations left out. The Hugo site holds the same
// page files, named the same way (content/<section>/<slug>.<lang>.md, a
// translation by its file name), the same interface strings as Hugo i18n
// files, the same CSS and script, and layouts of similar weight to
// victimsite's: a base layout with hreflang links, a language switcher,
// breadcrumbs, the "get help" block and footer, a page, a section list and
// a home page that lists every section with its pages.
//
// Usage:
//
//	gensite -pages 1000 -victimsite DIR -hugo DIR [-langs en,pl,...] [-missing 0.333] [-seed 1]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"victimsite"
	"victimsite/internal/sitegen"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// defaultLanguages are the nine languages of the built-in site and
// Hungarian, which it does not have: ten in all.
const defaultLanguages = "en,pl,lt,ro,ar,lv,ru,bg,pt,hu"

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gensite", flag.ContinueOnError)
	fl.SetOutput(stderr)
	pages := fl.Int("pages", 100, "the number of regular pages, besides the home page and five section pages")
	langs := fl.String("langs", defaultLanguages, "the languages, comma-separated; the first must be en")
	missing := fl.Float64("missing", 1.0/3, "the share of translations to leave out, 0 to 1")
	seed := fl.Uint64("seed", 1, "chooses the invented text")
	vsDir := fl.String("victimsite", "", "the folder to write the victimsite site into (empty or new)")
	hugoDir := fl.String("hugo", "", "the folder to write the Hugo site into (empty or new); none when empty")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *vsDir == "" || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gensite -pages N -victimsite DIR [-hugo DIR] [-langs en,pl,...] [-missing 0.333] [-seed 1]")
		return 2
	}
	files, err := sitegen.Generate(sitegen.Options{Pages: *pages, Languages: strings.Split(*langs, ","),
		Missing: *missing, Base: victimsite.DefaultSite, Seed: *seed, MinWords: 300, MaxWords: 800})
	if err != nil {
		fmt.Fprintf(stderr, "gensite: %v\n", err)
		return 1
	}
	if err := files.Write(*vsDir); err != nil {
		fmt.Fprintf(stderr, "gensite: %v\n", err)
		return 1
	}
	if *hugoDir != "" {
		hugo, err := hugoSite(files)
		if err == nil {
			err = hugo.Write(*hugoDir)
		}
		if err != nil {
			fmt.Fprintf(stderr, "gensite: the Hugo site: %v\n", err)
			return 1
		}
	}
	if err := ctx.Err(); err != nil {
		return 1
	}
	pageFiles := 0
	for name := range files {
		if strings.HasPrefix(name, "content/") {
			pageFiles++
		}
	}
	fmt.Fprintf(stdout, "gensite: %d pages and their translations, %d page files, into %s %s\n", *pages, pageFiles, *vsDir, *hugoDir)
	return 0
}
