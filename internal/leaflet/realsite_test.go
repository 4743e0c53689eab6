package leaflet

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/sync/errgroup"

	"victimsite/internal/typeset"
)

// TestEveryLanguageAndCrime renders the leaflet of every language of the
// shipped site for every crime page, in parallel, and checks what a
// victim must find: 999, 101 and the crime reference on page 1, the
// reference on every later page, no text under 12 pt (mutool), and that
// the pages are filled (see checkFills). It lists the page counts per
// language and holds every leaflet to at most maxPages pages, and at
// least minTwoPages leaflets to two (one sheet, printed on both sides).
func TestEveryLanguageAndCrime(t *testing.T) {
	pdftotext := needTool(t, "pdftotext")
	mutool := needTool(t, "mutool")
	r := repoRenderer(t)
	dir := t.TempDir()
	type result struct {
		lang, crime string
		pages, size int
	}
	var mu sync.Mutex
	var results []result
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, l := range r.languages() {
		for _, crime := range r.Crimes() {
			g.Go(func() error {
				d := sample(l)
				d.Crime = crime
				pdf, err := r.Render(d)
				if err != nil {
					return fmt.Errorf("%s %s: %w", l, crime, err)
				}
				file := filepath.Join(dir, l+"-"+crime+".pdf")
				if err := os.WriteFile(file, pdf, 0o600); err != nil {
					return err
				}
				pages, err := checkLeafletPages(pdftotext, mutool, file, 12)
				if err == nil {
					err = checkLaidOut(r, d, pages)
				}
				if err != nil {
					return fmt.Errorf("%s %s: %w", l, crime, err)
				}
				mu.Lock()
				results = append(results, result{l, crime, pages, len(pdf)})
				mu.Unlock()
				return nil
			})
		}
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	sort.Slice(results, func(i, j int) bool {
		return results[i].lang+results[i].crime < results[j].lang+results[j].crime
	})
	counts := map[int]int{}
	byLang := map[string]map[int]int{}
	var table strings.Builder
	for _, res := range results {
		counts[res.pages]++
		if byLang[res.lang] == nil {
			byLang[res.lang] = map[int]int{}
		}
		byLang[res.lang][res.pages]++
		fmt.Fprintf(&table, "%-3s %-28s %d\n", res.lang, res.crime, res.pages)
	}
	t.Logf("pages per leaflet (language, crime, pages):\n%s", table.String())
	table.Reset()
	fmt.Fprintf(&table, "lang  2 pages  3 pages  4 pages\n")
	for _, l := range r.languages() {
		fmt.Fprintf(&table, "%-4s  %7d  %7d  %7d\n", l, byLang[l][1]+byLang[l][2], byLang[l][3], byLang[l][4])
	}
	t.Logf("leaflets per language by page count:\n%s", table.String())
	t.Logf("leaflets by page count: %v; on two pages: %d of %d", counts, counts[1]+counts[2], len(results))
	t.Logf("bytes per leaflet (language, mean, max):\n%s", sizeTable(len(results), func(i int) (string, int) { return results[i].lang, results[i].size }))
	for _, res := range results {
		if res.pages > maxPages {
			t.Errorf("%s %s: %d pages, want at most %d", res.lang, res.crime, res.pages, maxPages)
		}
	}
	if two := counts[1] + counts[2]; two < minTwoPages {
		t.Errorf("%d leaflets on two pages, want at least %d", two, minTwoPages)
	}
}

// maxPages is the most pages a leaflet of the shipped site may run to at
// 12 pt, and minTwoPages the fewest that must fit on two (one sheet): the
// best reached so far, a floor for later work to raise. Russian,
// Bulgarian and Urdu (whose Nastaliq needs 1.8 em a line) need a third
// page for every crime; the crimes with the most support services need
// one in most languages.
const (
	maxPages    = 3
	minTwoPages = 108
)

// TestFootersOnOneLine checks that the footer of every language of the
// shipped site stands on one line at 12 pt, even with two-digit page
// numbers: a wrapped footer costs every page a line.
func TestFootersOnOneLine(t *testing.T) {
	r := repoRenderer(t)
	sz := sizesFor(false)
	for _, l := range r.languages() {
		d := r.compose(sample(l), l)
		s := &setter{fonts: r.fonts, stack: r.fonts.stacks[l], lang: l, rtl: d.rtl, sz: sz}
		t0, _ := s.footerLine(&node{}, d.footer, 98, 99, tstyle{size: sz.small})
		if s.err != nil {
			t.Fatal(s.err)
		}
		line := t0.s
		blk, err := typeset.Layout(line, typeset.Style{Stack: s.stack, Size: sz.small, Lang: l}, textW)
		if err != nil {
			t.Fatal(err)
		}
		if len(blk.Lines) != 1 || !strings.Contains(line, "LP-12345-26") {
			t.Errorf("%s: footer %q takes %d lines, want one with the reference", l, line, len(blk.Lines))
		}
	}
}

// sizeTable lists the mean and largest size per language, and over all.
func sizeTable(n int, at func(i int) (lang string, size int)) string {
	type stat struct{ n, sum, max int }
	stats := map[string]*stat{}
	var langs []string
	for i := range n {
		lang, size := at(i)
		for _, k := range []string{lang, "all"} {
			st := stats[k]
			if st == nil {
				st = &stat{}
				stats[k] = st
				langs = append(langs, k)
			}
			st.n, st.sum, st.max = st.n+1, st.sum+size, max(st.max, size)
		}
	}
	var b strings.Builder
	for _, k := range langs {
		st := stats[k]
		fmt.Fprintf(&b, "%-3s %6d %6d\n", k, st.sum/st.n, st.max)
	}
	return b.String()
}

var textSize = regexp.MustCompile(`size="([0-9.]+)"`)

// checkLeafletPages checks one leaflet file, whose text must be at least
// least points, and returns its page count.
func checkLeafletPages(pdftotext, mutool, file string, least float64) (int, error) {
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		return 0, err
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f\n"), "\f")
	first := pages[0]
	for _, want := range []string{"999", "101", "LP-12345-26"} {
		if !strings.Contains(first, want) {
			return 0, fmt.Errorf("page 1 lacks %q", want)
		}
	}
	for i, p := range pages[1:] {
		if !strings.Contains(p, "LP-12345-26") {
			return 0, fmt.Errorf("page %d lacks the crime reference", i+2)
		}
		// Beside the footer (one line, sometimes two), a page holds
		// whole blocks: more than a stranded line.
		if lines := nonEmptyLines(p); lines < 4 {
			return 0, fmt.Errorf("page %d holds %d lines only:\n%s", i+2, lines, p)
		}
	}
	st, err := exec.Command(mutool, "draw", "-F", "stext", "-o", "-", file).Output()
	if err != nil {
		return 0, err
	}
	for _, m := range textSize.FindAllSubmatch(st, -1) {
		if size, _ := strconv.ParseFloat(string(m[1]), 64); size < least {
			return 0, fmt.Errorf("text at %s pt, under %v pt", m[1], least)
		}
	}
	if len(textSize.FindAllSubmatch(st, -1)) == 0 {
		return 0, fmt.Errorf("mutool found no text")
	}
	return len(pages), nil
}

func nonEmptyLines(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// TestLargePrint renders large-print leaflets of the real site in scripts
// of every kind and checks that mutool finds no text under 16 pt, that
// 999, 101 and the reference are on page 1 and the reference on every
// later page, and that they are larger than ordinary print.
func TestLargePrint(t *testing.T) {
	pdftotext := needTool(t, "pdftotext")
	mutool := needTool(t, "mutool")
	r := repoRenderer(t)
	dir := t.TempDir()
	for _, lang := range []string{"en", "ar", "ur", "pa"} {
		t.Run(lang, func(t *testing.T) {
			pages := map[bool]int{}
			for _, large := range []bool{false, true} {
				d := sample(lang)
				d.LargePrint = large
				pdf, err := r.Render(d)
				if err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(dir, fmt.Sprintf("%s-%v.pdf", lang, large))
				if err := os.WriteFile(file, pdf, 0o600); err != nil {
					t.Fatal(err)
				}
				least := 12.0
				if large {
					least = 16
				}
				if pages[large], err = checkLeafletPages(pdftotext, mutool, file, least); err != nil {
					t.Fatalf("large print %v: %v", large, err)
				}
			}
			if pages[true] <= pages[false] {
				t.Errorf("large print has %d pages, ordinary print %d: want more", pages[true], pages[false])
			}
			t.Logf("%s: %d pages, %d in large print", lang, pages[false], pages[true])
		})
	}
}

// TestStructureTree walks the structure tree that poppler reads from an
// English leaflet and finds, in reading order, the title, the emergency
// box with tel: links, the officer's table, the rights list and the QR
// code's Figure; and that the PDF says it is tagged.
func TestStructureTree(t *testing.T) {
	needTool(t, "pdfinfo")
	pdf, err := testRenderer(t).Render(sample("en"))
	if err != nil {
		t.Fatal(err)
	}
	if info := runTool(t, pdf, "pdfinfo"); !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("pdfinfo does not say Tagged: yes:\n%s", info)
	}
	tree := runTool(t, pdf, "pdfinfo", "-struct-text")
	want := []string{
		"H1 (block)", `"Information for victims of crime"`, "Figure:", "Sect", "H2 (block)", `"If you are in danger now"`,
		"Link (inline)", `"999"`, "Link (inline)", `"101"`, "H2 (block)", `"Your officer"`, "Table", "TR", "TH", `"Name"`, "TD",
		`"PC Jane Smith"`, "Link (inline)", `"01522 000000"`, "Link (inline)", `"jane.smith@lincs.police.uk"`,
		"H2 (block)", `"Your report"`, "H2 (block)", `"Support for you"`, "H3 (block)", `"Victim Lincs"`,
		"L (block)", "LI", "Lbl", `"1."`, "LBody", "H2 (block)", `"How to complain"`,
	}
	at := 0
	for _, w := range want {
		i := strings.Index(tree[at:], w)
		if i < 0 {
			t.Fatalf("the structure tree lacks %q after byte %d:\n%s", w, at, tree)
		}
		at += i + len(w)
	}
	objs := string(unpacked(t, pdf))
	for _, uri := range []string{"tel:999", "tel:101", "tel:+441522000000", "mailto:jane.smith@lincs.police.uk", "https://www.victimlincs.co.uk/"} {
		if !strings.Contains(objs, "("+uri+")") {
			t.Errorf("no link annotation to %s", uri)
		}
	}
}
