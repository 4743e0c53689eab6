package serve

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestAnswersOnlyItsHosts: the preview answers its loopback names and the
// names given in Options.Hosts, and refuses any other Host, as a page
// that rebinds its own name to 127.0.0.1 would send, with 421 and a
// plain message; the live-reload stream too.
func TestAnswersOnlyItsHosts(t *testing.T) {
	p := startPreview(t, goldenSite(t), func(o *Options) { o.Hosts = []string{"preview.example.org"} })
	u, err := url.Parse(p.url)
	if err != nil {
		t.Fatal(err)
	}
	port := u.Port()
	tests := []struct {
		host, path string
		want       int
	}{
		{"127.0.0.1:" + port, "/en/", http.StatusOK},
		{"localhost:" + port, "/en/", http.StatusOK},
		{"[::1]:" + port, "/en/", http.StatusOK},
		{"preview.example.org", "/en/", http.StatusOK},
		{"rebind.evil.example:" + port, "/en/", http.StatusMisdirectedRequest},
		{"rebind.evil.example:" + port, eventsURL, http.StatusMisdirectedRequest},
		{"localhost:1", "/en/", http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		req, err := http.NewRequest(http.MethodGet, p.url+tt.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = tt.host
		resp, err := p.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("Host %s, %s: got %d, want %d", tt.host, tt.path, resp.StatusCode, tt.want)
		}
		if tt.want == http.StatusMisdirectedRequest && (!strings.Contains(string(body), "-host NAME") || strings.Contains(string(body), "<")) {
			t.Errorf("Host %s: got body %.80q, want a plain message that names -host", tt.host, body)
		}
	}
}
