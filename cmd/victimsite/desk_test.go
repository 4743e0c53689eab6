package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// startDeskCmd runs victimsite desk with args until the test ends, and
// returns its address, what it prints to stderr, and a channel with its
// exit code. It waits for the line that says where the desk is.
func startDeskCmd(t *testing.T, ctx context.Context, args ...string) (string, *strings.Builder, <-chan int) {
	t.Helper()
	outR, outW := io.Pipe()
	var stderr strings.Builder
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, append([]string{"desk"}, args...), outW, &stderr)
		outW.Close()
	}()
	addr := make(chan string, 1)
	go func() {
		at := regexp.MustCompile(`^officers' desk at (http://\S+)/ `)
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			if m := at.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		close(addr)
	}()
	select {
	case a, ok := <-addr:
		if !ok {
			t.Fatalf("victimsite desk stopped before it was serving: exit %d: %s", <-code, stderr.String())
		}
		return a, &stderr, code
	case <-time.After(time.Minute):
		t.Fatal("victimsite desk did not start within a minute")
	}
	return "", nil, nil
}

func TestDeskServesAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url, stderr, code := startDeskCmd(t, ctx, "-site", "../..", "-addr", "127.0.0.1:0")
	resp, err := http.Get(url + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("GET /: status %d, Cache-Control %q; want 200, no-store", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("exit %d after Ctrl-C, want 0: %s", c, stderr)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("victimsite desk did not stop within 15s of Ctrl-C")
	}
	if strings.Contains(stderr.String(), "warning") {
		t.Errorf("a desk on 127.0.0.1 warns: %s", stderr)
	}
}

// TestDeskHostFlag: the desk answers the names given with -host, repeated
// or separated by commas, and refuses any other Host with 421.
func TestDeskHostFlag(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url, _, code := startDeskCmd(t, ctx, "-site", "../..", "-addr", "127.0.0.1:0",
		"-host", "desk.example.org, desk2.example.org", "-host", "desk3.example.org")
	defer func() { cancel(); <-code }()
	for host, want := range map[string]int{
		"desk.example.org": 200, "desk2.example.org": 200, "desk3.example.org:8443": 200,
		strings.TrimPrefix(url, "http://"): 200, "rebind.evil.example": 421,
	} {
		req, err := http.NewRequest(http.MethodGet, url+"/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: got %d, want %d", host, resp.StatusCode, want)
		}
	}
}

func TestDeskWarnsOffLoopback(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, stderr, code := startDeskCmd(t, ctx, "-site", "../..", "-addr", "0.0.0.0:0")
	cancel()
	<-code
	if !strings.Contains(stderr.String(), "can be reached from other computers") {
		t.Errorf("a desk on every address does not warn; stderr: %q", stderr)
	}
}

func TestDeskMisuse(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"help", []string{"desk", "-h"}, 0, "officers' desk"},
		{"argument", []string{"desk", "extra"}, 2, `unexpected argument "extra"`},
		{"no site", []string{"desk", "-site", t.TempDir()}, 1, "has no site.toml"},
		{"bad address", []string{"desk", "-site", "../..", "-addr", "127.0.0.1:notaport"}, 1, "choose another address with -addr"},
		{"bad host", []string{"desk", "-host", "http://desk.example.org/"}, 2, "leave out http://"},
		{"empty host", []string{"desk", "-host", ","}, 2, "give a host name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.want)
			}
		})
	}
}
