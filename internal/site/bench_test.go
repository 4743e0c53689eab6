package site

import (
	"testing"
	"testing/fstest"
	"time"

	"victimsite"
	"victimsite/internal/benchcpu"
	"victimsite/internal/sitegen"
)

// benchSite is a generated site of 1,000 pages in ten languages, a third
// of the translations missing, each page 300 to 800 words: the site that
// bench/race.sh races at N=1000.
func benchSite(b *testing.B) fstest.MapFS {
	b.Helper()
	files, err := sitegen.Generate(sitegen.Options{Pages: 1000, Languages: []string{"en", "pl", "lt", "ro", "ar", "lv", "ru", "bg", "pt", "hu"},
		Missing: 1.0 / 3, Base: victimsite.DefaultSite, Seed: 1, MinWords: 300, MaxWords: 800})
	if err != nil {
		b.Fatal(err)
	}
	return files.MapFS()
}

// BenchmarkBuild measures what victimsite build does before it writes:
// Load (read, parse and check every page, render its Markdown) and Render
// (every page in every language through the layouts). The generic
// leaflets are left out; package leaflet measures them. Profile it with
//
//	go test -run '^$' -bench Build -cpuprofile cpu.prof ./internal/site
func BenchmarkBuild(b *testing.B) {
	fsys := benchSite(b)
	b.ReportAllocs()
	html := 0
	cpu := benchcpu.Time()
	for b.Loop() {
		s, probs := Load(fsys)
		if probs.Errors() > 0 {
			b.Fatal(probs.Err())
		}
		files, err := s.Render()
		if err != nil {
			b.Fatal(err)
		}
		html = len(s.Content.IDs()) * len(s.Config.Languages)
		_ = files
	}
	b.ReportMetric(float64(html*b.N)/b.Elapsed().Seconds(), "pages/s")
	benchcpu.Report(b, cpu, b.N, time.Nanosecond, "op")
}

// BenchmarkLoad and BenchmarkRender measure the two halves of
// BenchmarkBuild on their own.
func BenchmarkLoad(b *testing.B) {
	fsys := benchSite(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := Load(fsys); probs.Errors() > 0 {
			b.Fatal(probs.Err())
		}
	}
}

func BenchmarkRender(b *testing.B) {
	s, probs := Load(benchSite(b))
	if probs.Errors() > 0 {
		b.Fatal(probs.Err())
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Render(); err != nil {
			b.Fatal(err)
		}
	}
}
