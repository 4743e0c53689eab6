package desk

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestServerLimits(t *testing.T) {
	srv := newServer(http.NotFoundHandler())
	for name, d := range map[string]time.Duration{
		"ReadHeaderTimeout": srv.ReadHeaderTimeout, "ReadTimeout": srv.ReadTimeout,
		"WriteTimeout": srv.WriteTimeout, "IdleTimeout": srv.IdleTimeout,
	} {
		if d <= 0 || d > 2*time.Minute {
			t.Errorf("%s is %v, want a limit above 0 and at most 2m", name, d)
		}
	}
	if srv.ReadHeaderTimeout > srv.ReadTimeout || srv.WriteTimeout < 30*time.Second {
		t.Errorf("timeouts read header %v, read %v, write %v: want the header first and time to make a leaflet under load",
			srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout)
	}
	if srv.MaxHeaderBytes <= 0 || srv.MaxHeaderBytes > 64<<10 {
		t.Errorf("MaxHeaderBytes is %d, want a limit of at most 64 KB", srv.MaxHeaderBytes)
	}
}

// TestServeStops: cancelling the context stops the server, and Serve
// reports a clean stop.
func TestServeStops(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, newDesk(t, nil, nil), nil) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after cancel: %v, want nil", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("Serve did not return within 15s of cancel")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("the desk still answers after it stopped")
	}
}

// TestServeAnswersOnlyItsHosts: the desk answers its loopback names and
// the names it was given, and refuses any other Host (a page that
// rebinds its own name to 127.0.0.1) with 421 before any route runs.
func TestServeAnswersOnlyItsHosts(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, newDesk(t, nil, nil), []string{"desk.example.org"}) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	tests := []struct {
		method, host string
		want         int
	}{
		{http.MethodGet, "127.0.0.1:" + port, http.StatusOK},
		{http.MethodGet, "localhost:" + port, http.StatusOK},
		{http.MethodGet, "desk.example.org", http.StatusOK},
		{http.MethodGet, "desk.example.org:443", http.StatusOK},
		{http.MethodGet, "rebind.evil.example:" + port, http.StatusMisdirectedRequest},
		{http.MethodPost, "rebind.evil.example:" + port, http.StatusMisdirectedRequest},
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for _, tt := range tests {
		req, err := http.NewRequest(tt.method, "http://"+ln.Addr().String()+"/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = tt.host
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("%s with Host %s: got %d, want %d", tt.method, tt.host, resp.StatusCode, tt.want)
		}
		if tt.want == http.StatusMisdirectedRequest && !strings.HasPrefix(string(body), "This server answers only to the names it was started for") {
			t.Errorf("Host %s: got body %.80q, want the plain refusal", tt.host, body)
		}
	}
}
