package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"

	"victimsite"
	"victimsite/internal/desk"
)

const deskUsage = `Usage: victimsite desk [-site DIR] [-addr HOST:PORT] [-host NAME]

Serves the officers' desk: a form in the browser that makes a victim's
leaflet, the same as victimsite leaflet, as a download, and the officer's
calendar reminders of the contact promise. Open the address it prints.
Nothing about the people in a leaflet is stored or logged; each request
logs its method, path, status and duration only. Press Ctrl-C to stop.

The desk has no sign-in and no TLS: keep it on this computer (the default,
127.0.0.1) unless a proxy in front of it adds both. It answers only to
localhost, 127.0.0.1 and [::1] on its port, the address it listens on, and
the names given with -host (such as the name a proxy forwards), and refuses
any other with 421, so a web page cannot reach it through DNS rebinding.
`

// siteCSSFile is the site's stylesheet, which the desk's form reuses.
const siteCSSFile = "templates/assets/site.css"

func runDesk(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("victimsite desk", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var sd siteDir
	sd.register(fl)
	addr := fl.String("addr", "127.0.0.1:8080", "the address to serve the desk at")
	var names hostNames
	names.register(fl)
	fl.Usage = func() {
		fmt.Fprint(stderr, deskUsage+"\nFlags:\n")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "victimsite desk: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	d, ok := loadDesk(&sd, stdout, stderr)
	if !ok {
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "victimsite desk: %v; choose another address with -addr\n", err)
		return 1
	}
	if !loopback(ln.Addr()) {
		fmt.Fprintf(stderr, "victimsite desk: warning: %s can be reached from other computers, and the desk has no sign-in and no TLS; use -addr 127.0.0.1:PORT to keep it to this one. It answers only to this computer's addresses and the names given with -host\n", ln.Addr())
	}
	fmt.Fprintf(stdout, "officers' desk at http://%s/ (press Ctrl-C to stop)\n", ln.Addr())
	if err := desk.Serve(ctx, ln, d, names); err != nil {
		fmt.Fprintf(stderr, "victimsite desk: %v\n", err)
		return 1
	}
	return 0
}

// loadDesk loads the site and makes the desk, printing the site's errors
// (not its warnings: an officer cannot act on them).
func loadDesk(sd *siteDir, stdout, stderr io.Writer) (*desk.Desk, bool) {
	src, fsys, ok := loadLeafletSource(sd, "desk", stderr)
	if !ok {
		return nil, false
	}
	css, err := fs.ReadFile(fsys, siteCSSFile)
	if err != nil {
		css, _ = fs.ReadFile(victimsite.DefaultSite, siteCSSFile)
	}
	d, err := desk.New(desk.Options{Source: src, SiteCSS: css, Log: stdout})
	if err != nil {
		fmt.Fprintf(stderr, "victimsite desk: %v\n", err)
		return nil, false
	}
	return d, true
}
