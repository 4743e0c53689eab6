// Command editlatency measures what an editor of a large site waits for in
// the live preview, for bench/race.sh: it starts `victimsite serve` on a
// site folder, then edits one page file again and again and times each
// edit from the start of the write to the preview serving the page with
// the new text. It listens to the preview's reload events, as an open
// page does, and fetches the page after each one.
//
// Usage:
//
//	editlatency -bin victimsite -site DIR [-file content/crime/page-00000.en.md] [-page /en/crime/page-00000/] [-edits 20]
//
// It prints one line: edits=N p50_ms=… p90_ms=… max_ms=… first_build_s=…
// The page file is put back as it was at the end.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// options say what to measure.
type options struct {
	bin, site, file, page string
	edits                 int
	pause, wait           time.Duration
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("editlatency", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o options
	fl.StringVar(&o.bin, "bin", "victimsite", "the victimsite command")
	fl.StringVar(&o.site, "site", "", "the site folder")
	fl.StringVar(&o.file, "file", "content/crime/page-00000.en.md", "the page file to edit, in the site folder")
	fl.StringVar(&o.page, "page", "/en/crime/page-00000/", "the address of the page it makes")
	fl.IntVar(&o.edits, "edits", 20, "how many edits to time")
	fl.DurationVar(&o.pause, "pause", 300*time.Millisecond, "the pause between two edits, as a person types")
	fl.DurationVar(&o.wait, "wait", 10*time.Minute, "how long to wait for the first build")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if o.site == "" || o.edits < 1 || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: editlatency -bin victimsite -site DIR [-file F] [-page P] [-edits N]")
		return 2
	}
	took, first, err := measure(ctx, o)
	if err != nil {
		fmt.Fprintf(stderr, "editlatency: %v\n", err)
		return 1
	}
	slices.Sort(took)
	ms := func(q float64) float64 {
		return float64(took[int(q*float64(len(took)-1)+0.5)]) / float64(time.Millisecond)
	}
	fmt.Fprintf(stdout, "edits=%d p50_ms=%.0f p90_ms=%.0f max_ms=%.0f first_build_s=%.1f\n",
		len(took), ms(0.5), ms(0.9), ms(1), first.Seconds())
	return 0
}

// measure starts the preview, waits for its first build, and times the
// edits. It returns how long each edit took and the first build.
func measure(ctx context.Context, o options) (took []time.Duration, first time.Duration, err error) {
	path := filepath.Join(o.site, filepath.FromSlash(o.file))
	old, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	if !strings.Contains(string(old), "\n---\n") {
		return nil, 0, fmt.Errorf("%s has no front matter to write after", path)
	}
	defer func() {
		if rerr := os.WriteFile(path, old, 0o644); rerr != nil && err == nil {
			err = rerr
		}
	}()
	addr, err := freeAddress()
	if err != nil {
		return nil, 0, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, o.bin, "serve", "-site", o.site, "-addr", addr)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, 0, err
	}
	defer cmd.Wait()
	defer cancel()
	base := "http://" + addr
	if err := waitForPage(ctx, base+o.page, o.wait); err != nil {
		return nil, 0, err
	}
	first = time.Since(start)
	events, err := listen(ctx, base+"/__victimsite/events")
	if err != nil {
		return nil, 0, err
	}
	for n := 1; n <= o.edits; n++ {
		mark := fmt.Sprintf("Edit number %d.", n)
		text := strings.Replace(string(old), "\n---\n", "\n---\n"+mark+"\n\n", 1)
		t0 := time.Now()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return nil, 0, err
		}
		if err := waitForText(ctx, base+o.page, "<p>"+mark+"</p>", events); err != nil {
			return nil, 0, fmt.Errorf("edit %d: %w", n, err)
		}
		took = append(took, time.Since(t0))
		time.Sleep(o.pause)
	}
	return took, first, nil
}

// freeAddress finds a loopback port that nothing listens on.
func freeAddress() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// waitForPage waits until url answers 200, while the first build runs.
func waitForPage(ctx context.Context, url string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if body, err := get(ctx, url); err == nil && body != "" {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	return fmt.Errorf("%s did not answer within %s", url, limit)
}

// listen follows the preview's server-sent events: one value a build.
func listen(ctx context.Context, url string) (<-chan struct{}, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("%s: %s", url, resp.Status)
	}
	ch := make(chan struct{}, 1)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data:") {
				select {
				case ch <- struct{}{}:
				default: // a build not yet seen is news enough
				}
			}
		}
	}()
	return ch, nil
}

// waitForText waits for builds until the page at url holds want. It also
// looks every second, in case an event was missed.
func waitForText(ctx context.Context, url, want string, events <-chan struct{}) error {
	deadline := time.After(30 * time.Second)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-deadline:
			return errors.New("the new text was not served within 30 s")
		case <-events:
		case <-time.After(time.Second):
		}
		body, err := get(ctx, url)
		if err != nil {
			return err
		}
		if strings.Contains(body, want) {
			return nil
		}
	}
}

// get returns the body of url when it answers 200, and "" otherwise.
func get(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		return "", err
	}
	return string(b), nil
}
