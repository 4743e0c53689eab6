package leaflet

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	boombuler "github.com/boombuler/barcode/qr"

	"victimsite/internal/benchcpu"
	"victimsite/internal/qr"
	"victimsite/internal/qr/qrtest"
)

// TestQRCodeRealSite checks the QR code of every address the shipped
// site's leaflets carry, each crime's page in each language and each
// language's home for the generic leaflet, against the code
// github.com/boombuler/barcode drew for it before, module for module.
func TestQRCodeRealSite(t *testing.T) {
	r := repoRenderer(t)
	urls := siteQRAddresses(r)
	if want := len(r.languages()) * (len(r.Crimes()) + 1); len(urls) != want {
		t.Fatalf("%d distinct QR addresses, want %d (a language's crimes and home)", len(urls), want)
	}
	t.Logf("%d addresses", len(urls))
	for u := range urls {
		if !strings.HasPrefix(u, r.src.Config.BaseURL) {
			t.Errorf("QR address %q is not under base_url %q", u, r.src.Config.BaseURL)
		}
		got, err := r.qrCode(u)
		if err != nil {
			t.Fatal(err)
		}
		again, err := r.qrCode(u)
		if err != nil || &again[0][0] != &got[0][0] {
			t.Errorf("the second QR code for %s is not the cached one (err %v)", u, err)
		}
		want, err := qrtest.Boombuler(u, boombuler.Auto)
		if err != nil {
			t.Fatal(err)
		}
		if d := qrtest.Diff(got, want); d != "" {
			t.Errorf("QR code for %s: %s", u, d)
		}
	}
}

// siteQRAddresses returns the addresses the QR codes of r's leaflets
// carry: each crime's page in each language, and each language's home.
func siteQRAddresses(r *Renderer) map[string]bool {
	urls := map[string]bool{}
	for _, l := range r.languages() {
		for _, crime := range r.Crimes() {
			d := sample(l)
			d.Crime = crime
			urls[r.compose(d, l).cover.qr] = true
		}
		urls[r.composeGeneric(l).cover.qr] = true
	}
	return urls
}

// BenchmarkQRCodes encodes every address of the shipped site's leaflets
// once, as a bulk run of leaflets in every language and crime does, with
// internal/qr and with boombuler; cpu-ms/run is the CPU time a bulk run
// spends on QR codes.
func BenchmarkQRCodes(b *testing.B) {
	urls := siteQRAddresses(repoRenderer(b))
	for _, enc := range []struct {
		name   string
		encode func(string) error
	}{
		{"qr", func(u string) error { _, err := qr.Encode(u); return err }},
		{"boombuler", func(u string) error { _, err := boombuler.Encode(u, boombuler.M, boombuler.Auto); return err }},
	} {
		b.Run(enc.name, func(b *testing.B) {
			cpu := benchcpu.Time()
			for b.Loop() {
				for u := range urls {
					if err := enc.encode(u); err != nil {
						b.Fatal(err)
					}
				}
			}
			benchcpu.Report(b, cpu, b.N, time.Millisecond, "run")
		})
	}
}

// TestQRCodeTooLong checks that an address no QR code holds gives an
// error that names it, says what to do and wraps qr.ErrTooLong.
func TestQRCodeTooLong(t *testing.T) {
	u := "https://victims.example.org/" + strings.Repeat("a", qr.MaxBytes) + "/en/"
	_, err := new(Renderer).qrCode(u)
	if !errors.Is(err, qr.ErrTooLong) {
		t.Fatalf("qrCode(%d bytes) = %v, want an error wrapping qr.ErrTooLong", len(u), err)
	}
	for _, want := range []string{"leaflet: QR code for https://victims.example.org/aaa", "shorten base_url in site.toml"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if len(err.Error()) > 200 {
		t.Errorf("error is %d bytes long; the address should be cut short", len(err.Error()))
	}
	// Cut short between letters, never inside one.
	for pad := range 4 {
		u := "https://victims.example.org/" + strings.Repeat("a", pad) + strings.Repeat("ü", qr.MaxBytes)
		if _, err := new(Renderer).qrCode(u); err == nil || !utf8.ValidString(err.Error()) {
			t.Errorf("the error for an address of ü is not UTF-8: %q", err)
		}
	}
}
