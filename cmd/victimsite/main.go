// Command victimsite builds the victim-information website and makes the
// personalised leaflets that officers give to victims.
//
// main only wires: it calls run, which every test can call too.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `victimsite: publish victim-of-crime information as a website and leaflets.

Usage:
  victimsite build      [-site DIR] [-out DIR]        build the site into a folder of its own (default: <site>/public)
  victimsite check      [-site DIR]                   list every problem as file:line: message
  victimsite status     [-site DIR] [-json] [-lang L] which page is translated in which language
  victimsite status     [-site DIR] -export L DIR     the pages a translator into L needs
  victimsite translated FILE...                       record that translations match their English page
  victimsite serve      [-site DIR] [-addr A] [-host NAME]   live preview (default 127.0.0.1:1313)
  victimsite leaflet    [-site DIR] -lang L -crime C ... -o FILE.pdf   one personalised leaflet
  victimsite leaflet    [-site DIR] -csv FILE -out-dir DIR             one leaflet per CSV row
  victimsite desk       [-site DIR] [-addr A] [-host NAME]   officers' leaflet form (default 127.0.0.1:8080)
  victimsite init       DIR                           write the built-in site to DIR to start from

Without -site, a folder holding site.toml is used when you are in one, and
otherwise the built-in Lincolnshire site.
Run "victimsite COMMAND -h" for a command's options.
`

// command is one subcommand: its name and the function that runs it.
type command struct {
	name string
	run  func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", runBuild},
		{"check", runCheck},
		{"init", runInit},
		{"status", runStatus},
		{"serve", runServe},
		{"leaflet", runLeaflet},
		{"desk", runDesk},
		{"translated", runTranslated},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs one victimsite command and returns the exit code: 0 for
// success, 1 for a problem the user can fix, 2 for misuse.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		w := stderr
		if len(args) > 0 {
			w = stdout
		}
		fmt.Fprint(w, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "victimsite: unknown command %q\n\n", args[0])
	fmt.Fprint(stderr, usage)
	return 2
}
