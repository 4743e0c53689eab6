package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// lines is an io.Writer that passes each line written to it on a channel.
type lines struct {
	ch   chan string
	rest []byte
}

func (l *lines) Write(p []byte) (int, error) {
	l.rest = append(l.rest, p...)
	for {
		i := bytes.IndexByte(l.rest, '\n')
		if i < 0 {
			return len(p), nil
		}
		l.ch <- string(l.rest[:i])
		l.rest = l.rest[i+1:]
	}
}

// nextLine waits for a line holding want.
func nextLine(t *testing.T, ch <-chan string, want string) string {
	t.Helper()
	deadline := time.After(time.Minute)
	for {
		select {
		case line := <-ch:
			if strings.Contains(line, want) {
				return line
			}
		case <-deadline:
			t.Fatalf("no line with %q within a minute", want)
		}
	}
}

// TestServe runs victimsite serve on an initialised site, edits a page,
// sees the edit served, and stops it as Ctrl-C does.
func TestServe(t *testing.T) {
	dir := initSite(t)
	out := &lines{ch: make(chan string, 100)}
	var stderr bytes.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"serve", "-site", dir, "-addr", "127.0.0.1:0"}, out, &stderr)
	}()
	line := nextLine(t, out.ch, "previewing at http://127.0.0.1:")
	url := strings.Fields(line[strings.Index(line, "http://"):])[0]

	get := func(path string) string {
		t.Helper()
		resp, err := http.Get(url + strings.TrimPrefix(path, "/"))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: got %d, want 200", path, resp.StatusCode)
		}
		return string(body)
	}
	if page := get("/en/crime/burglary/"); !strings.Contains(page, "<h1>Burglary</h1>") {
		t.Fatalf("the burglary page has no h1 Burglary:\n%.1000s", page)
	}
	file := filepath.Join(dir, "content", "crime", "burglary.en.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, bytes.Replace(data, []byte("title: Burglary"), []byte("title: Break-ins"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	line = nextLine(t, out.ch, "content/crime/burglary.en.md changed: rendered")
	if !strings.Contains(line, " pages in ") {
		t.Errorf("the build line %q does not say how many pages and how long", line)
	}
	if page := get("/en/crime/burglary/"); !strings.Contains(page, "<h1>Break-ins</h1>") {
		t.Error("the edit is not served")
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("serve wrote public/ (%v)", err)
	}
	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("got exit %d after Ctrl-C, want 0; stderr:\n%s", c, stderr.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("serve did not stop within a minute of Ctrl-C")
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
}

func TestServeMisuse(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	dir := initSite(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "-h"}, 0, "Ctrl-C"},
		{[]string{"serve", "extra"}, 2, "unexpected argument"},
		{[]string{"serve", "-host", "preview.example.org/x"}, 2, "leave out http:// and any path"},
		{[]string{"serve", "-site", t.TempDir()}, 1, "has no site.toml"},
		{[]string{"serve", "-site", dir, "-addr", busy.Addr().String()}, 1, "choose another address with -addr"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("victimsite %s: got exit %d and %q, want %d and %q", strings.Join(tt.args, " "), code, stderr, tt.code, tt.want)
		}
	}
}

func TestLoopback(t *testing.T) {
	for _, tt := range []struct {
		ip   string
		want bool
	}{
		{"127.0.0.1", true},
		{"::1", true},
		{"0.0.0.0", false},
		{"::", false},
		{"192.168.1.10", false},
	} {
		if got := loopback(&net.TCPAddr{IP: net.ParseIP(tt.ip), Port: 1313}); got != tt.want {
			t.Errorf("loopback(%s) = %v, want %v", tt.ip, got, tt.want)
		}
	}
}
