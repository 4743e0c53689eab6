// Package serve is the live preview of a site folder, for the people who
// edit it: `victimsite serve`.
//
// Serve builds the site into memory, serves it over HTTP and watches
// site.toml, content/, locales/ and templates/ (folders made later too),
// and the leaflet font files site.toml names, with fsnotify. A burst of
// file events becomes one rebuild; each open page then reloads itself
// through a small script the preview adds before </body> (a build never
// holds it). It listens to server-sent events at /__victimsite/events.
//
// A rebuild renders only what a change needs: a content file re-renders
// its page in every language, and, when its title, summary, weight or
// translations changed, the lists that show it; site.toml, a message file
// or a layout renders everything. Unchanged files are not even read again
// (see site.Loader), nor is the content folder walked again: the watcher
// says which files changed, and an edit to the text of pages takes the
// last site with those pages read, checked and rendered again, and
// nothing else (see content.Cache). The page that changed is rendered
// before the reload; the lists that show it (a home page on a large site
// lists thousands of pages) are rendered when first asked for, or once
// the preview has been calm for a moment. Leaflets are made when first
// asked for. Nothing is written to public/.
//
// A build with problems never stops the preview: every page then shows
// every problem as file:line: message, and the next good build brings the
// pages back. The terminal gets one line per build: what changed, how
// many pages were rendered and how long it took. Responses are sent with
// Cache-Control: no-cache; an unknown address gets the site's 404 page.
// The preview answers only to the names it listens on (package hosts).
//
// This is the only package that imports fsnotify.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"time"

	"victimsite/internal/hosts"
	"victimsite/internal/problem"
	"victimsite/internal/site"
)

// Options say what to preview and how.
type Options struct {
	// Dir is the site folder, which is watched. When it is empty, FS is
	// served as it is, with nothing to watch (the built-in site).
	Dir string
	FS  fs.FS
	// Configure adds to each loaded site what the commands wire in, such
	// as the generic leaflets; it may be nil. Leaflets are made when
	// first asked for, not on every build.
	Configure func(*site.Site)
	// Check, if set, finds more problems in each loaded site, such as
	// messages the leaflets need; they are shown as the site's are.
	Check func(*site.Site) problem.List
	// Log gets one line per build; nil discards them.
	Log io.Writer
	// Quiet is how long the folder must be still before a rebuild:
	// editors save in several steps. Zero means DefaultQuiet.
	Quiet time.Duration
	// OnBuild, if set, is called after each build is served.
	OnBuild func(Build)
	// Hosts are host names the preview answers besides the loopback
	// names and the address it listens on (see package hosts); a request
	// sent to any other name gets 421, so a page elsewhere cannot read
	// the preview through DNS rebinding.
	Hosts []string
}

// DefaultQuiet is the pause after the last file event before a rebuild.
// Editors' saves (write a temporary file, rename it over the page) take a
// millisecond or two; a person notices a delay from about 100 ms.
const DefaultQuiet = 20 * time.Millisecond

// longest is how long a burst of events may go on before a rebuild anyway.
const longest = 300 * time.Millisecond

// Build is what one build did.
type Build struct {
	Change   Change        // what started it; empty for the first build
	Pages    int           // HTML files rendered
	Lists    int           // HTML files that list what changed, rendered next or when asked for
	Full     bool          // everything was rendered
	Problems problem.List  // everything wrong; the build failed if any is an error
	Err      error         // the build failed for a reason that names no file
	Took     time.Duration // from the change being taken to the new files served
}

// Failed reports whether the build failed, so the preview shows its
// problems instead of pages.
func (b Build) Failed() bool { return b.Err != nil || b.Problems.Errors() > 0 }

// Serve builds the site, serves the preview on ln and rebuilds after every
// change until ctx is done. Then it stops the watcher, ends every open
// event stream, shuts the HTTP server down and returns. It returns an
// error only when the preview cannot run at all.
func Serve(ctx context.Context, ln net.Listener, opts Options) error {
	if opts.Quiet <= 0 {
		opts.Quiet = DefaultQuiet
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	allowed, err := hosts.For(ln.Addr(), opts.Hosts)
	if err != nil {
		return err
	}
	fsys, changes, stop, err := open(opts)
	if err != nil {
		return err
	}
	defer stop()
	p := &preview{opts: opts, srv: newServer(), b: &builder{fsys: fsys, dir: opts.Dir, configure: opts.Configure, check: opts.Check},
		calm: time.NewTimer(calmAfter)}
	defer p.calm.Stop()
	p.publish(p.b.build(Change{}))
	fmt.Fprintf(opts.Log, "previewing at %s (press Ctrl-C to stop)\n", address(ln.Addr()))

	hs := &http.Server{Handler: allowed.Handler(p.srv), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	err = p.loop(ctx, changes, served)

	close(p.srv.done) // ends the event streams, which never end by themselves
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := hs.Shutdown(shut); serr != nil {
		hs.Close()
	}
	if err == nil {
		err = <-served
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// open returns the site's files and, for a folder, its changes and a
// function that stops watching.
func open(opts Options) (fs.FS, <-chan Change, func(), error) {
	if opts.Dir == "" {
		if opts.FS == nil {
			return nil, nil, nil, errors.New("serve: no site: set Options.Dir or Options.FS")
		}
		return opts.FS, nil, func() {}, nil
	}
	w, err := watch(opts.Dir, opts.Quiet, longest)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("watch %s: %w", opts.Dir, err)
	}
	return os.DirFS(opts.Dir), w.Changes(), func() { w.Close() }, nil
}

// preview is one run of Serve.
type preview struct {
	opts Options
	srv  *server
	b    *builder
	// todo are the list pages of the last build not made yet, to make
	// once nothing has happened for calmAfter.
	todo []*lazyFile
	calm *time.Timer
}

// calmAfter is how long after a build the preview starts to make the pages
// that list what changed, if nobody asked for them first: an editor who
// saves again soon should not wait for them.
const calmAfter = 250 * time.Millisecond

// idle is always ready, for a select that has something to do meanwhile.
var idle = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// loop rebuilds after each change until ctx is done or the HTTP server
// stops by itself, returning why it stopped when that is a failure. When
// all is calm, it makes the list pages of the last build, one at a time.
func (p *preview) loop(ctx context.Context, changes <-chan Change, served <-chan error) error {
	calm := false
	for {
		var work <-chan struct{}
		if calm && len(p.todo) > 0 {
			work = idle
		}
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			return err // the listener failed
		case ch, ok := <-changes:
			if !ok {
				return errors.New("the file watcher stopped")
			}
			p.publish(p.b.build(ch))
			calm = false
		case <-p.calm.C:
			calm = true
		case <-work:
			p.todo[0].get() // a failure shows when the page is asked for
			p.todo = p.todo[1:]
		}
	}
}

// publish serves a build and reports it.
func (p *preview) publish(res Build, snap *snapshot) {
	p.todo = snap.lazy.pending()
	p.calm.Reset(calmAfter)
	p.srv.publish(snap)
	fmt.Fprintln(p.opts.Log, res.line(p.opts.Dir))
	if p.opts.OnBuild != nil {
		p.opts.OnBuild(res)
	}
}

// address is the preview's address for a browser on this computer.
func address(a net.Addr) string {
	if tcp, ok := a.(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		return fmt.Sprintf("http://localhost:%d/", tcp.Port)
	}
	return "http://" + a.String() + "/"
}
