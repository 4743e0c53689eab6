package serve

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"victimsite"
	"victimsite/internal/sitegen"
)

// BenchmarkEditToServed measures what an editor waits for: the time from
// starting to write a page file to the preview serving the new HTML of
// that page. It includes the quiet pause that gathers an editor's save
// into one rebuild (DefaultQuiet). One op is one edit; p50 and p90 are
// reported too, with the p50 of the rebuild alone (load, render, swap)
// and the pages each edit rendered at once. An edit to the text renders
// the page in every language; an edit to the title makes the home page
// and the section, which list it, when first asked for (title-on-home
// asks for the home page) or else once the preview is calm. Run it with
//
//	go test -run '^$' -bench EditToServed -benchtime 30x ./internal/serve
func BenchmarkEditToServed(b *testing.B) {
	sites := []struct {
		name       string
		make       func(b *testing.B) string
		file, page string
	}{
		{"shipped", func(b *testing.B) string { return shippedSite(b) }, "content/crime/burglary.en.md", "/en/crime/burglary/"},
		{"generated-5000-en", generated(5000, "en"), "content/crime/page-00000.en.md", "/en/crime/page-00000/"},
		{"generated-5000-en-pl-lt-ro-ar", generated(5000, "en", "pl", "lt", "ro", "ar"), "content/crime/page-00000.en.md", "/en/crime/page-00000/"},
	}
	for _, s := range sites {
		b.Run(s.name, func(b *testing.B) {
			dir := s.make(b)
			p := startPreview(b, dir)
			old := readFile(b, dir, s.file)
			b.Run("text", func(b *testing.B) {
				benchEdit(b, p, dir, s.file, s.page, func(n int) (string, string) {
					mark := fmt.Sprintf("Edit number %d.", n)
					return strings.Replace(old, "\n---\n", "\n---\n"+mark+"\n\n", 1), "<p>" + mark + "</p>"
				})
			})
			b.Run("title", func(b *testing.B) {
				benchEdit(b, p, dir, s.file, s.page, func(n int) (string, string) {
					title := fmt.Sprintf("Edit number %d", n)
					return strings.Replace(old, "\ntitle: ", "\ntitle: "+title+" ", 1), "<h1>" + title + " "
				})
			})
			// The home page lists every page: on a large site, it is
			// the slowest page to render.
			b.Run("title-on-home", func(b *testing.B) {
				benchEdit(b, p, dir, s.file, "/en/", func(n int) (string, string) {
					title := fmt.Sprintf("Home edit number %d", n)
					return strings.Replace(old, "\ntitle: ", "\ntitle: "+title+" ", 1), ">" + title + " "
				})
			})
		})
	}
}

func generated(pages int, langs ...string) func(b *testing.B) string {
	return func(b *testing.B) string {
		files, err := sitegen.Generate(sitegen.Options{Pages: pages, Languages: langs, Missing: 1.0 / 3,
			Base: victimsite.DefaultSite, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		dir := b.TempDir()
		if err := files.Write(dir); err != nil {
			b.Fatal(err)
		}
		return dir
	}
}

// benchEdit writes the file made by edit(n) and waits until the page
// holds the text edit(n) says, once an op.
func benchEdit(b *testing.B, p *running, dir, file, page string, edit func(n int) (text, want string)) {
	var took, built []time.Duration
	n := 0
	for b.Loop() {
		n++
		text, want := edit(n)
		start := time.Now()
		writeFile(b, dir, file, text)
		p.waitFor(b, page, 200, want)
		took = append(took, time.Since(start))
		built = append(built, p.last.Load().Took)
	}
	ms := func(d []time.Duration, q float64) float64 {
		slices.Sort(d)
		return float64(d[int(q*float64(len(d)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(took, 0.5), "ms-p50")
	b.ReportMetric(ms(took, 0.9), "ms-p90")
	b.ReportMetric(ms(built, 0.5), "ms-build-p50")
	if last := p.last.Load(); last != nil {
		b.ReportMetric(float64(last.Pages), "pages/edit")
	}
}
