package hosts

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAllows(t *testing.T) {
	loop := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}
	a, err := For(loop, []string{"desk.example.org", "Proxy.Example.org:9000", "10.0.0.5", "::2"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		host string
		want bool
	}{
		{"localhost:8080", true},
		{"LOCALHOST:8080", true},
		{"localhost.:8080", true},
		{"127.0.0.1:8080", true},
		{"[::1]:8080", true},
		{"localhost:8081", false}, // the loopback names on the port listened on only
		{"localhost", false},      // which is 80
		{"desk.example.org", true},
		{"desk.example.org:443", true},
		{"DESK.example.org.", true},
		{"proxy.example.org:9000", true},
		{"proxy.example.org", false},
		{"10.0.0.5:1", true},
		{"[::2]:8080", true},
		{"evil.example", false},
		{"evil.example:8080", false},
		{"localhost.evil.example:8080", false},
		{"127.0.0.1.nip.io:8080", false},
		{"desk.example.org.evil.example", false},
		{"", false},
		{"[::1:8080", false},
		{"localhost:80a", false},
	}
	for _, tt := range tests {
		if got := a.Allows(tt.host); got != tt.want {
			t.Errorf("Allows(%q): got %v, want %v", tt.host, got, tt.want)
		}
	}
}

// TestAllowsWhereItListens: a server on a port of its own address
// answers that address; one on every address answers this computer's.
func TestAllowsWhereItListens(t *testing.T) {
	a, err := For(&net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 80}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]bool{"192.168.1.5": true, "192.168.1.5:80": true, "localhost": true, "192.168.1.6": false} {
		if got := a.Allows(host); got != want {
			t.Errorf("on 192.168.1.5:80, Allows(%q): got %v, want %v", host, got, want)
		}
	}
	all, err := For(&net.TCPAddr{IP: net.IPv4zero, Port: 1313}, nil)
	if err != nil {
		t.Fatal(err)
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil || len(addrs) == 0 {
		t.Fatalf("no interface addresses: %v", err)
	}
	for _, ad := range addrs {
		host := net.JoinHostPort(ad.(*net.IPNet).IP.String(), "1313")
		if !all.Allows(host) {
			t.Errorf("on 0.0.0.0:1313, Allows(%q): got false, want true", host)
		}
	}
	if all.Allows("evil.example:1313") {
		t.Error("on 0.0.0.0:1313, evil.example is allowed")
	}
}

func TestSplit(t *testing.T) {
	got, err := Split(" a.example, b.example:8080 ,,[::1]")
	if err != nil || strings.Join(got, " ") != "a.example b.example:8080 [::1]" {
		t.Errorf("got %q, %v", got, err)
	}
	for _, bad := range []string{"", " , ", "http://a.example", "a.example/desk", "a.example:http", "a b", "[::1", "user@a.example"} {
		if _, err := Split(bad); err == nil {
			t.Errorf("Split(%q): got no error", bad)
		}
	}
}

func TestHandlerRefusesOtherHosts(t *testing.T) {
	a, err := For(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := a.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "page") }))
	for host, want := range map[string]int{"localhost:1313": http.StatusOK, "rebind.evil.example:1313": http.StatusMisdirectedRequest} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %s: got %d, want %d", host, w.Code, want)
		}
		if want != http.StatusOK {
			body := w.Body.String()
			if strings.Contains(body, "page") || strings.Contains(body, "evil") || !strings.Contains(body, "-host NAME") {
				t.Errorf("Host %s: got body %q, want a plain refusal that names -host and not the host", host, body)
			}
			if ct := w.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
				t.Errorf("got Content-Type %q", ct)
			}
		}
	}
}
