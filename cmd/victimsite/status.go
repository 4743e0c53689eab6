package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"victimsite/internal/content"
	"victimsite/internal/site"
)

func runStatus(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("victimsite status", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var sd siteDir
	sd.register(fl)
	asJSON := fl.Bool("json", false, "print the matrix as JSON, for tools")
	only := fl.String("lang", "", "show one language only")
	export := fl.String("export", "", "with a folder after the flags: write there, for a translator, every page in LANG that is missing (the English text) or outdated (the translation and the changed English page)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, `Usage: victimsite status [-site DIR] [-json] [-lang LANG]
       victimsite status [-site DIR] -export LANG DIR

Shows every page in every language: current, draft (not yet checked by a
qualified translator), outdated (the English page changed since) or missing
(readers get the English page). With -export, writes to DIR a file for each page in LANG
with work for a translator: the English text of a missing page, or the
current translation of an outdated page with the changed English page in a
note at its top. Each is named and marked ready to copy back into content/.`)
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	fsys, dir, err := sd.open()
	if err != nil {
		fmt.Fprintf(stderr, "victimsite status: %v\n", err)
		return 1
	}
	st, probs := site.Load(fsys)
	if st == nil || st.Content == nil {
		printProblems(stderr, dir, probs)
		return 1
	}
	langs := codes(st)
	if *export != "" {
		if fl.NArg() != 1 {
			fmt.Fprintln(stderr, "victimsite status: -export needs a language and a folder: -export pl DIR")
			return 2
		}
		return exportPages(st, *export, fl.Arg(0), stdout, stderr)
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "victimsite status: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	if *only != "" {
		if _, ok := st.Config.Language(*only); !ok {
			fmt.Fprintf(stderr, "victimsite status: -lang %q is not a language of this site; it has %s\n", *only, strings.Join(langs, ", "))
			return 1
		}
		langs = []string{*only}
	}
	rows, totals := st.Content.Matrix(langs)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"languages": langs, "pages": rows, "totals": totals}); err != nil {
			fmt.Fprintf(stderr, "victimsite status: %v\n", err)
			return 1
		}
		return 0
	}
	printMatrix(stdout, langs, rows, totals)
	return 0
}

func codes(st *site.Site) []string {
	var out []string
	for _, l := range st.Config.Languages {
		out = append(out, l.Code)
	}
	return out
}

// printMatrix prints one row a page and one column a language, then the
// totals of each language.
func printMatrix(w io.Writer, langs []string, rows []content.Row, totals map[string]content.Totals) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "page\t%s\n", strings.Join(langs, "\t"))
	for _, r := range rows {
		name := r.ID
		if name == "" {
			name = "(home)"
		}
		cells := make([]string, len(langs))
		for i, l := range langs {
			cells[i] = r.States[l].String()
		}
		fmt.Fprintf(tw, "%s\t%s\n", name, strings.Join(cells, "\t"))
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, l := range langs {
		t := totals[l]
		fmt.Fprintf(w, "%s: %d current, %d draft, %d outdated, %d missing\n", l,
			t[content.Current], t[content.Draft], t[content.Outdated], t[content.Missing])
	}
}

// exportPages writes, under dir, a file for each page in lang that a
// translator has work on: the English text of a page not yet translated,
// and the translation of an outdated page with the English page as it is
// now in a note at its top. Each is named as the translation, to copy back
// into content/ once done.
func exportPages(st *site.Site, lang, dir string, stdout, stderr io.Writer) int {
	if _, ok := st.Config.Language(lang); !ok || lang == st.Content.Source() {
		fmt.Fprintf(stderr, "victimsite status: -export %q: give a language of this site other than %s\n", lang, st.Content.Source())
		return 1
	}
	missing, outdated := 0, 0
	for _, id := range st.Content.IDs() {
		state := st.Content.State(id, lang)
		if state != content.Missing && state != content.Outdated {
			continue
		}
		name, data, err := st.Content.ExportFile(id, lang)
		if err == nil {
			full := filepath.Join(dir, filepath.FromSlash(name))
			if err = os.MkdirAll(filepath.Dir(full), 0o755); err == nil {
				err = os.WriteFile(full, data, 0o644)
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "victimsite status: export %s: %v\n", id, err)
			return 1
		}
		what := "to translate from English"
		if state == content.Outdated {
			what = "to revise: the current translation, with the changed English page in a note at the top"
			outdated++
		} else {
			missing++
		}
		fmt.Fprintf(stdout, "%s\t%s\n", filepath.Join(dir, filepath.FromSlash(name)), what)
	}
	fmt.Fprintf(stderr, "wrote %s to translate into %s and %s to revise, to %s. Once the translator is done, copy its content/ folder over the site's; check refuses a page still in English or still holding the note.\n",
		count(missing, "page", "pages"), lang, count(outdated, "page", "pages"), dir)
	return 0
}
