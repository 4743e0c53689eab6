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
  victimsite build   [-site DIR] [-out DIR]   build the site (default out: <site>/public)
  victimsite check   [-site DIR]              list every problem as file:line: message
  victimsite init    DIR                      write the built-in site to DIR to start from
%s
Without -site, a folder holding site.toml is used when you are in one, and
otherwise the built-in Lincolnshire site.
Run "victimsite COMMAND -h" for a command's options.
`

// command is one subcommand: its name, a line for the usage text and the
// function that runs it.
type command struct {
	name, help string
	run        func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "", runBuild},
		{"check", "", runCheck},
		{"init", "", runInit},
		{"status", "victimsite status     [-site DIR] [-json] [-lang L] [-export L DIR]   which pages are translated", runStatus},
		{"serve", "victimsite serve      [-site DIR] [-addr A]   live preview, reloaded on every save (default 127.0.0.1:1313)", runServe},
		{"leaflet", "victimsite leaflet    [-site DIR] -lang L -crime C ... [-o FILE.pdf] | -csv FILE -out-dir DIR   victims' leaflets", runLeaflet},
		{"desk", "victimsite desk       [-site DIR] [-addr A]   officers' leaflet form in the browser (default 127.0.0.1:8080)", runDesk},
		{"translated", "victimsite translated FILE...                 record that translations match their English page", runTranslated},
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
		fmt.Fprintf(w, usage, extraUsage())
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
	fmt.Fprintf(stderr, usage, extraUsage())
	return 2
}

func extraUsage() string {
	s := ""
	for _, c := range commands() {
		if c.help != "" {
			s += "  " + c.help + "\n"
		}
	}
	return s
}
