package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"

	"victimsite/internal/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("victimsite serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var sd siteDir
	sd.register(fl)
	addr := fl.String("addr", "127.0.0.1:1313", "the address to serve the preview at")
	var names hostNames
	names.register(fl)
	fl.Usage = func() {
		fmt.Fprintln(stderr, `Usage: victimsite serve [-site DIR] [-addr HOST:PORT] [-host NAME]

Previews the site in a browser while you edit it. The site is built into
memory (public/ is left alone) and rebuilt after every save; open pages
reload by themselves. A file with problems shows them on every page until
it is fixed. It answers only to localhost, 127.0.0.1 and [::1] on its port,
the address it listens on and the names given with -host, so a web page
cannot reach it through DNS rebinding. Press Ctrl-C to stop.`)
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "victimsite serve: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	fsys, dir, err := sd.open()
	if err != nil {
		fmt.Fprintf(stderr, "victimsite serve: %v\n", err)
		return 1
	}
	if dir == "" {
		fmt.Fprintln(stderr, "victimsite serve: showing the built-in site, which cannot change; to edit a site, run victimsite init DIR, then victimsite serve -site DIR")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "victimsite serve: %v; choose another address with -addr\n", err)
		return 1
	}
	if !loopback(ln.Addr()) {
		fmt.Fprintf(stderr, "victimsite serve: warning: %s can be reached from other computers, and the preview shows drafts; use -addr 127.0.0.1:PORT to keep it to this one. It answers only to this computer's addresses and the names given with -host\n", ln.Addr())
	}
	err = serve.Serve(ctx, ln, serve.Options{Dir: dir, FS: fsys, Configure: configureSite, Check: cachedLeafletProblems(), Log: stdout, Hosts: names})
	if err != nil {
		fmt.Fprintf(stderr, "victimsite serve: %v\n", err)
		return 1
	}
	return 0
}
