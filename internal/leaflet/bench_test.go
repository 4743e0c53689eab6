package leaflet

import (
	"fmt"
	"runtime/debug"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"victimsite/internal/benchcpu"
)

// benchCrimes is how many crime pages BenchmarkLeaflet takes turns with.
const benchCrimes = 4

// benchDetails returns the details of n personalised leaflets of the
// repository's site, as a bulk CSV run has them (bench/leaflets.sh): every
// language, benchCrimes crimes, each leaflet its own reference, officer
// and victim, every 10th bilingual and every 7th discreet.
func benchDetails(r *Renderer, n int) []Details {
	langs, crimes := r.languages(), r.Crimes()[:benchCrimes]
	methods := []string{"phone", "email", "text", "letter", "visit"}
	out := make([]Details, n)
	for i := range out {
		d := sample(langs[i%len(langs)])
		d.Crime = crimes[(i/len(langs))%len(crimes)]
		d.CrimeRef = fmt.Sprintf("LP-%05d-26", i)
		d.Officer.Name, d.Officer.Collar = fmt.Sprintf("Officer Name%d", i), strconv.Itoa(1000+i%9000)
		d.Officer.Phone = fmt.Sprintf("01522 %06d", i)
		d.Officer.Email = fmt.Sprintf("officer%d@lincs.police.uk", i)
		d.Promise.Method, d.Promise.Every = methods[i%len(methods)], 1+i%28
		d.VictimName = fmt.Sprintf("Victim %d", i)
		d.Bilingual, d.Discreet = i%10 == 0, i%7 == 0
		out[i] = d
	}
	return out
}

// BenchmarkLeaflet renders personalised leaflets of the repository's
// site (benchDetails: all its languages, several crimes) from one Renderer
// on every CPU, as a bulk run does (with its garbage collector setting).
// It reports the CPU time per leaflet (user and system time of the
// process, which on a shared machine, unlike ns/op, leaves out the time
// spent waiting for a CPU), leaflets per second of wall time, and the
// average size. Every language and crime is rendered once before the
// clock starts, as the first leaflets of a real run are.
//
//	go test ./internal/leaflet -run '^$' -bench BenchmarkLeaflet -benchtime 200x
func BenchmarkLeaflet(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	r := repoRenderer(b)
	ds := benchDetails(r, len(r.languages())*benchCrimes*7)
	for _, d := range ds[:len(r.languages())*benchCrimes] {
		if _, err := r.Render(d); err != nil {
			b.Fatal(err)
		}
	}
	var next, size atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	cpu := benchcpu.Time()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1) - 1
			pdf, err := r.Render(ds[i%int64(len(ds))])
			if err != nil {
				b.Error(err)
				return
			}
			size.Add(int64(len(pdf)))
		}
	})
	n := max(next.Load(), 1)
	benchcpu.Report(b, cpu, int(n), time.Millisecond, "leaflet")
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "leaflets/s")
	b.ReportMetric(float64(size.Load())/float64(n)/1024, "KB/leaflet")
}

// TestBenchDetails checks that the benchmark's leaflets are valid and
// cover every language and benchCrimes crimes, so it measures what it says.
func TestBenchDetails(t *testing.T) {
	r := repoRenderer(t)
	ds := benchDetails(r, len(r.languages())*benchCrimes*7)
	langs, crimes := map[string]bool{}, map[string]bool{}
	for _, d := range ds {
		if err := r.Validate(d); err != nil {
			t.Fatalf("%s %s: %v", d.Lang, d.Crime, err)
		}
		langs[d.Lang], crimes[d.Lang+" "+d.Crime] = true, true
	}
	if len(langs) != len(r.languages()) || len(crimes) != len(r.languages())*benchCrimes || len(r.languages()) < 12 {
		t.Errorf("%d languages and %d language-crime pairs, want all %d languages with %d crimes each",
			len(langs), len(crimes), len(r.languages()), benchCrimes)
	}
}

// BenchmarkGeneric is the cost a site build pays per language, font
// subsetting included.
func BenchmarkGeneric(b *testing.B) {
	src, probs := Load(fixtureFS(b))
	if probs.Errors() > 0 {
		b.Fatal(probs.Err())
	}
	for b.Loop() {
		r, err := New(src)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Generics(); err != nil {
			b.Fatal(err)
		}
	}
}
