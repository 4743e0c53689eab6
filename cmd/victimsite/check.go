package main

import (
	"context"
	"flag"
	"fmt"
	"io"
)

func runCheck(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("victimsite check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var sd siteDir
	sd.register(fl)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Usage: victimsite check [-site DIR]\n\nChecks the whole site, rendering every page in memory as build does, and\nlists every problem as file:line: message. Exits 1 when there are errors; warnings alone exit 0.")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "victimsite check: unexpected argument %q; check takes the site folder as -site DIR\n", fl.Arg(0))
		return 2
	}
	fsys, dir, err := sd.open()
	if err != nil {
		fmt.Fprintf(stderr, "victimsite check: %v\n", err)
		return 1
	}
	st, probs := loadSite(fsys)
	if st != nil && probs.Errors() == 0 {
		// Render every page in memory, as build does, so that a layout
		// build cannot execute fails check too.
		configureSite(st)
		probs = append(probs, st.Check()...)
		probs.Sort()
	}
	printProblems(stdout, dir, probs)
	errs, warns := probs.Errors(), len(probs)-probs.Errors()
	fmt.Fprintf(stdout, "%d %s, %d %s\n", errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
	if errs > 0 {
		return 1
	}
	return 0
}

// plural returns one for 1 and other for any other number.
func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}

// count says how many: "1 page", "2 pages".
func count(n int, one, other string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, other))
}
