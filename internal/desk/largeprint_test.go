package desk

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"

	"victimsite/internal/leaflet"
)

// largePrintLeaflets returns the sample leaflet as the renderer makes it
// in large print and in ordinary print, on the desk's day.
func largePrintLeaflets(t *testing.T) (large, plain []byte) {
	t.Helper()
	_, r := testSite(t)
	values := sample()
	values[leaflet.FieldLargePrint] = "yes"
	d, err := r.Read(values, today)
	if err != nil {
		t.Fatal(err)
	}
	if large, err = r.Render(d); err != nil {
		t.Fatal(err)
	}
	d.LargePrint = false
	if plain, err = r.Render(d); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(large, plain) {
		t.Fatal("the renderer makes the same leaflet with and without large print")
	}
	return large, plain
}

// TestLargePrintDownload: a form with the large-print box ticked downloads
// the large-print leaflet, and one without it the ordinary leaflet.
func TestLargePrintDownload(t *testing.T) {
	large, plain := largePrintLeaflets(t)
	srv := startDesk(t, newDesk(t, nil, nil))
	o := newOfficer(t, srv.URL)
	for _, tt := range []struct {
		box  string
		want []byte
	}{{"yes", large}, {"", plain}} {
		values := sample()
		values[leaflet.FieldLargePrint] = tt.box
		resp, body := o.post(values, actionPDF)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("large-print=%q: status %d", tt.box, resp.StatusCode)
		}
		if !bytes.Equal([]byte(body), tt.want) {
			t.Errorf("large-print=%q: the download is not the leaflet the renderer makes for it", tt.box)
		}
	}
}

// checkLargePrint ticks "Large print" by clicking its label, as an
// officer would, and downloads the large-print leaflet.
func checkLargePrint(t *testing.T, tab context.Context, url string) {
	large, _ := largePrintLeaflets(t)
	step := open(t, tab, url)
	fill(t, step, sample())
	if err := chromedp.Do(step, chromedp.Click(chromedp.CSS(`label[for="large-print"]`))); err != nil {
		t.Fatal(err)
	}
	if got, _ := chromedp.Run(step, chromedp.Evaluate[string](fieldJS(leaflet.FieldLargePrint))); got != "yes" {
		t.Fatalf("clicking the label left the box unticked")
	}
	_, pdf := saveDownload(t, step, button(actionPDF))
	if !bytes.Equal(pdf, large) {
		t.Error("the downloaded leaflet is not the large-print leaflet")
	}
}
