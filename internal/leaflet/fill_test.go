package leaflet

import (
	"fmt"
	"runtime"
	"sync"
	"testing"

	"golang.org/x/sync/errgroup"
)

// This file checks that leaflets fill their pages: no page before the
// last left half empty by a block that would have fitted, and no last
// page that holds a stranded line.

// minFill is how full, as a share of its body, every page but a
// leaflet's last must be; minLast is the least a later last page holds,
// in points: more than a heading and a short paragraph's first line.
const (
	minFill = 0.75
	minLast = 4 * 12 * 1.3
)

// checkLaidOut lays d out as Render does and checks that it takes pages
// pages, and fills them as checkFills asks.
func checkLaidOut(r *Renderer, d Details, pages int) error {
	l, err := r.lay(r.docs(d), d.LargePrint)
	if err != nil {
		return err
	}
	if l.pages != pages {
		return fmt.Errorf("laid out on %d pages, printed on %d", l.pages, pages)
	}
	return checkFills(l)
}

// checkFills checks that every page of l but the last of each language
// is at least minFill full, and that a last page after the first holds
// at least minLast points.
func checkFills(l *laid) error {
	for i, f := range l.fills {
		last := f.next == 0
		switch {
		case !last && f.used < minFill*f.room:
			return fmt.Errorf("page %d is %.0f%% full (%.0f of %.0f pt); what follows needs %.0f pt", f.page+1, 100*f.used/f.room, f.used, f.room, f.next)
		case last && i > 0 && l.fills[i-1].next != 0 && f.used < minLast:
			return fmt.Errorf("page %d, the last, holds %.0f pt only", f.page+1, f.used)
		}
	}
	return nil
}

// TestPagesFilledLargeAndBilingual lays out the large-print and the
// bilingual leaflet of every language and crime of the shipped site, and
// the generic leaflet of every language, and checks that their pages are
// filled as checkFills asks, that a
// bilingual leaflet takes at most two pages more than maxPages, and that
// at least minFourPages bilingual leaflets fit on four (two sheets).
func TestPagesFilledLargeAndBilingual(t *testing.T) {
	r := repoRenderer(t)
	var mu sync.Mutex
	bilingual, large := map[int]int{}, map[int]int{}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, l := range r.languages() {
		for _, crime := range r.Crimes() {
			for _, bi := range []bool{false, true} {
				g.Go(func() error {
					d := sample(l)
					d.Crime, d.LargePrint, d.Bilingual = crime, !bi, bi
					lt, err := r.lay(r.docs(d), d.LargePrint)
					if err == nil {
						err = checkFills(lt)
					}
					if err != nil {
						return fmt.Errorf("%s %s, bilingual %v, large print %v: %w", l, crime, bi, !bi, err)
					}
					if bi && lt.pages > maxPages+2 {
						return fmt.Errorf("%s %s, bilingual: %d pages, want at most %d", l, crime, lt.pages, maxPages+2)
					}
					mu.Lock()
					defer mu.Unlock()
					if bi {
						bilingual[lt.pages]++
					} else {
						large[lt.pages]++
					}
					return nil
				})
			}
		}
	}
	generic := map[int]int{}
	for _, l := range r.languages() {
		g.Go(func() error {
			lt, err := r.lay([]*doc{r.composeGeneric(l)}, false)
			if err == nil {
				err = checkFills(lt)
			}
			if err != nil {
				return fmt.Errorf("%s, generic: %w", l, err)
			}
			mu.Lock()
			defer mu.Unlock()
			generic[lt.pages]++
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	t.Logf("bilingual leaflets by page count: %v; large print: %v; generic: %v", bilingual, large, generic)
	if four := bilingual[2] + bilingual[3] + bilingual[4]; four < minFourPages {
		t.Errorf("%d bilingual leaflets on four pages or fewer, want at least %d", four, minFourPages)
	}
}

// minFourPages is the fewest bilingual leaflets of the shipped site that
// must fit on four pages: each language on two, English starting on a
// page of its own.
const minFourPages = 108
