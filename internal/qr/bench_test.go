package qr

import (
	"testing"

	boombuler "github.com/boombuler/barcode/qr"
)

// leafletAddress is a typical address on a leaflet's cover.
const leafletAddress = "https://victims.lincs.police.uk/ur/crime/domestic-abuse/"

// BenchmarkEncode compares Encode with boombuler on a leaflet address,
// in one run: go test -run '^$' -bench Encode ./internal/qr/
func BenchmarkEncode(b *testing.B) {
	b.Run("qr", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Encode(leafletAddress); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("boombuler", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := boombuler.Encode(leafletAddress, boombuler.M, boombuler.Auto); err != nil {
				b.Fatal(err)
			}
		}
	})
}
