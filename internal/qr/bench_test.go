package qr

import (
	"testing"
	"time"

	boombuler "github.com/boombuler/barcode/qr"

	"victimsite/internal/benchcpu"
)

// leafletAddress is a typical address on a leaflet's cover.
const leafletAddress = "https://victims.lincs.police.uk/ur/crime/domestic-abuse/"

// BenchmarkEncode compares Encode with boombuler on a leaflet address,
// in one run: go test -run '^$' -bench Encode ./internal/qr/. On a busy
// machine compare cpu-ns/op, the CPU time the process used, rather than
// ns/op, which counts waiting for a CPU too.
func BenchmarkEncode(b *testing.B) {
	b.Run("qr", func(b *testing.B) {
		b.ReportAllocs()
		cpu := benchcpu.Time()
		for b.Loop() {
			if _, err := Encode(leafletAddress); err != nil {
				b.Fatal(err)
			}
		}
		benchcpu.Report(b, cpu, b.N, time.Nanosecond, "op")
	})
	b.Run("boombuler", func(b *testing.B) {
		b.ReportAllocs()
		cpu := benchcpu.Time()
		for b.Loop() {
			if _, err := boombuler.Encode(leafletAddress, boombuler.M, boombuler.Auto); err != nil {
				b.Fatal(err)
			}
		}
		benchcpu.Report(b, cpu, b.N, time.Nanosecond, "op")
	})
}
