package desk

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"victimsite/internal/benchcpu"
)

// loadRequests is how many officers ask for a leaflet at the same moment.
const loadRequests = 200

// TestLoad has 200 officers, each in their own browser session with their
// own name, collar number and crime reference, ask the desk for a leaflet at the same moment over
// loopback. Every PDF must hold its own officer and case and no one
// else's: the desk shares one Renderer between requests, so this is
// where a mix-up would show. It reports leaflets per second and the 95th
// percentile latency (go test -run TestLoad -v ./internal/desk).
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test makes 200 leaflets; run without -short")
	}
	srv := startDesk(t, newDesk(t, nil, nil))
	transport := &http.Transport{MaxIdleConnsPerHost: loadRequests}
	t.Cleanup(transport.CloseIdleConnections)
	officers := make([]*officer, loadRequests) // each with their own session and token
	for i := range officers {
		officers[i] = newOfficer(t, srv.URL)
		officers[i].client.Transport = transport
	}
	o := officers[0]
	for _, lang := range []string{"en", "pl"} { // cut each language's fonts before the clock starts, as a day's first leaflets would
		v := sample()
		v["lang"] = lang
		if resp, _ := o.post(v, actionPDF); resp.StatusCode != http.StatusOK {
			t.Fatalf("warm-up leaflet in %s: status %d", lang, resp.StatusCode)
		}
	}

	type result struct {
		pdf  []byte
		took time.Duration
		err  error
	}
	results := make([]result, loadRequests)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range loadRequests {
		o := officers[i]
		body := Form{Values: loadCase(i), Token: o.token, Action: actionPDF}.Encode()
		wg.Go(func() {
			<-start
			t0 := time.Now()
			results[i].pdf, results[i].err = postForm(o.client, srv.URL, body)
			results[i].took = time.Since(t0)
		})
	}
	cpu0 := benchcpu.Time()
	t0 := time.Now()
	close(start)
	wg.Wait()
	wall := time.Since(t0)
	cpu := (benchcpu.Time() - cpu0) / loadRequests

	var took []time.Duration
	for i, r := range results {
		if r.err != nil {
			t.Fatalf("request %d: %v", i, r.err)
		}
		took = append(took, r.took)
	}
	slices.Sort(took)
	p95 := took[(len(took)*95+99)/100-1]
	// The machine may be shared, so the CPU time per leaflet (server and
	// client, in this process) says more than the rate alone.
	t.Logf("%d leaflets at once on %d CPUs: %.0f leaflets/s, latency p50 %v, p95 %v, max %v; CPU time %v a leaflet",
		loadRequests, runtime.GOMAXPROCS(0), float64(loadRequests)/wall.Seconds(),
		took[len(took)/2].Round(time.Millisecond), p95.Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond),
		cpu.Round(100*time.Microsecond))

	checkEachHoldsItsOwn(t, results, func(r result) []byte { return r.pdf })
}

// loadCase is the i-th officer's leaflet: their own name, collar number
// and crime reference, in English or Polish.
func loadCase(i int) map[string]string {
	v := sample()
	v["officer-name"] = fmt.Sprintf("Officer %04d", i+1)
	v["collar"] = fmt.Sprintf("%d", 5000+i)
	v["crime-ref"] = fmt.Sprintf("LP-%05d-26", i+1)
	v["victim-name"] = ""
	v["bilingual"] = ""
	if i%2 == 1 {
		v["lang"] = "en"
	}
	return v
}

var (
	anyOfficer = regexp.MustCompile(`Officer [0-9]{4}`)
	anyRef     = regexp.MustCompile(`LP-[0-9]{5}-26`)
)

// checkEachHoldsItsOwn reads every PDF's text and checks it names its
// own officer and crime reference and no other.
func checkEachHoldsItsOwn[R any](t *testing.T, results []R, pdfOf func(R) []byte) {
	t.Helper()
	texts := make([]string, len(results))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range results {
		g.Go(func() error {
			texts[i] = pdfText(t, pdfOf(results[i]))
			return nil
		})
	}
	g.Wait()
	for i, text := range texts {
		want := loadCase(i)
		officers, refs := anyOfficer.FindAllString(text, -1), anyRef.FindAllString(text, -1)
		if len(officers) == 0 || len(refs) == 0 {
			t.Errorf("leaflet %d names no officer or no crime reference", i+1)
		}
		for _, got := range officers {
			if !strings.HasSuffix(want["officer-name"], got[len("Officer "):]) {
				t.Errorf("leaflet %d, for %s, names %s", i+1, want["officer-name"], got)
			}
		}
		for _, got := range refs {
			if got != want["crime-ref"] {
				t.Errorf("leaflet %d, for %s, names crime %s", i+1, want["crime-ref"], got)
			}
		}
	}
}

// postForm sends one form and returns the PDF; it is safe to call from
// any goroutine.
func postForm(client *http.Client, base, body string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodPost, base+"/leaflet", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(string(data), "%PDF-") {
		return nil, fmt.Errorf("status %d, %.60q; want 200 and a PDF", resp.StatusCode, data)
	}
	return data, nil
}

// BenchmarkDesk makes leaflets through the desk's handler on every CPU,
// with no network, and reports leaflets per second: the desk's own cost
// on top of leaflet.BenchmarkLeaflet.
func BenchmarkDesk(b *testing.B) {
	d := newDesk(b, nil, nil)
	srv := startDesk(b, d)
	o := newOfficer(b, srv.URL) // a session cookie and its token
	cookies := o.client.Jar.Cookies(mustURL(b, srv.URL))
	body := Form{Values: sample(), Token: o.token, Action: actionPDF}.Encode()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodPost, "/leaflet", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for _, c := range cookies {
				req.AddCookie(c)
			}
			rec := httptest.NewRecorder()
			d.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Errorf("status %d", rec.Code)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "leaflets/s")
}

func mustURL(b *testing.B, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		b.Fatal(err)
	}
	return u
}
