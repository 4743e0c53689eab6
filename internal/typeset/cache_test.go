package typeset

import (
	"reflect"
	"strings"
	"sync"
	"testing"
)

// newStack returns a fresh stack (with an empty cache) for lang.
func newStack(t testing.TB, lang string) *Stack {
	t.Helper()
	s, err := testLibrary().Stack(DefaultFamilies(lang)...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestCache checks that a text is shaped once per weight, language and
// direction, that the cache drops the least recently used text beyond its
// bound, and that cached and fresh results are the same.
func TestCache(t *testing.T) {
	s := newStack(t, "en")
	st := Style{Stack: s, Size: 12, Lang: "en"}
	first := mustLayout(t, "twelve runes", st, 100)
	if n := s.cache.len(); n != 1 {
		t.Fatalf("%d texts cached, want 1", n)
	}
	again := mustLayout(t, "twelve runes", st, 100)
	st.Size = 20
	mustLayout(t, "twelve runes", st, 50) // another size and width: same shaping
	st.Bold = true
	mustLayout(t, "twelve runes", st, 50) // another weight: shaped again
	if n := s.cache.len(); n != 2 {
		t.Errorf("%d texts cached, want 2", n)
	}
	s.SetCacheSize(0)
	fresh := mustLayout(t, "twelve runes", Style{Stack: s, Size: 12, Lang: "en"}, 100)
	if !reflect.DeepEqual(first, again) || !reflect.DeepEqual(first, fresh) {
		t.Error("cached and fresh layouts differ")
	}
	if n := s.cache.len(); n != 0 {
		t.Errorf("%d texts cached with the cache off", n)
	}

	s.SetCacheSize(30)
	st = Style{Stack: s, Size: 12, Lang: "en"}
	for i, text := range []string{"aaaaaaaaaa", "bbbbbbbbbb", "aaaaaaaaaa", "cccccccccc", "dddddddddd"} {
		mustLayout(t, text, st, 100+float64(i)) // a new width each time: shaping from the cache, lines anew
	}
	for text, want := range map[string]bool{"aaaaaaaaaa": true, "bbbbbbbbbb": false, "cccccccccc": true, "dddddddddd": true} {
		if _, got := s.cache.get(cacheKey{text: text, lang: "en"}); got != want {
			t.Errorf("%s cached: %v, want %v", text, got, want)
		}
	}
	mustLayout(t, strings.Repeat("long ", 10), st, 100)
	if _, ok := s.cache.get(cacheKey{text: strings.Repeat("long ", 10), lang: "en"}); ok {
		t.Error("a text longer than the bound was cached")
	}
	st.NoCache = true
	mustLayout(t, "Jan Kowalski", st, 100)
	if _, ok := s.cache.get(cacheKey{text: "Jan Kowalski", lang: "en"}); ok {
		t.Error("a text set with NoCache was cached")
	}
}

// TestConcurrentLayout sets every sample from several goroutines at once
// on shared stacks (run it with -race) and checks that each result is the
// one a single goroutine gets.
func TestConcurrentLayout(t *testing.T) {
	want := make([]Block, len(samples))
	styles := make([]Style, len(samples))
	for i, s := range samples {
		styles[i] = testStyle(t, s.lang, 12)
		styles[i].Stack.SetCacheSize(0)
		want[i] = mustLayout(t, s.text, styles[i], 150)
		styles[i].Stack.SetCacheSize(DefaultCacheRunes)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(samples))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, s := range samples {
				b, err := Layout(s.text, styles[i], 150)
				if err != nil || !reflect.DeepEqual(b, want[i]) {
					errs <- s.name
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for name := range errs {
		t.Errorf("%s: a concurrent layout differs", name)
	}
}

// TestBlockCache checks that a text set again in the same style and
// width is the layout set before, that another size, line height or
// width is set anew, and that NoCache text and a cache turned off keep
// nothing.
func TestBlockCache(t *testing.T) {
	s := newStack(t, "en")
	st := Style{Stack: s, Size: 12, Lang: "en", LineHeight: 1.3}
	text := "A paragraph long enough to take two lines at this width."
	first := mustLayout(t, text, st, 150)
	if n := s.blocks.len(); n != 1 {
		t.Fatalf("%d layouts cached, want 1", n)
	}
	again := mustLayout(t, text, st, 150)
	if &again.Lines[0] != &first.Lines[0] {
		t.Error("the same text, style and width was laid out again")
	}
	for _, other := range []func(*Style, *float64){
		func(st *Style, w *float64) { st.Size = 13 },
		func(st *Style, w *float64) { st.LineHeight = 1.5 },
		func(st *Style, w *float64) { *w = 200 },
		func(st *Style, w *float64) { st.Bold = true },
	} {
		st2, w := st, 150.0
		other(&st2, &w)
		b := mustLayout(t, text, st2, w)
		if &b.Lines[0] == &first.Lines[0] {
			t.Errorf("style %+v width %v: got the layout of another style", st2, w)
		}
	}
	if n := s.blocks.len(); n != 5 {
		t.Errorf("%d layouts cached, want 5", n)
	}
	st.NoCache = true
	mustLayout(t, "Jan Kowalski", st, 150)
	if _, ok := s.blocks.get(blockKey{cacheKey{text: "Jan Kowalski", lang: "en"}, 12, 1.3, 150}); ok {
		t.Error("a text set with NoCache was cached")
	}
	s.SetCacheSize(0)
	if n := s.blocks.len(); n != 0 {
		t.Errorf("%d layouts cached with the cache off", n)
	}
	st.NoCache = false
	fresh := mustLayout(t, text, st, 150)
	if !reflect.DeepEqual(fresh, first) {
		t.Error("cached and fresh layouts differ")
	}
}

// TestKeeps checks that Keeps finds text in either cache, and not text
// set with NoCache.
func TestKeeps(t *testing.T) {
	s := newStack(t, "en")
	st := Style{Stack: s, Size: 12, Lang: "en"}
	mustLayout(t, "Call 101 and give the reference", st, 100)
	st.NoCache = true
	mustLayout(t, "For Jan Kowalski", st, 100)
	if !s.Keeps("give the") || s.Keeps("Kowalski") {
		t.Errorf("Keeps: kept text %v (want true), NoCache text %v (want false)", s.Keeps("give the"), s.Keeps("Kowalski"))
	}
	s.cache.setLimit(0)
	if !s.Keeps("give the") {
		t.Error("Keeps does not look in the cache of layouts")
	}
}

// TestScratch checks that personal text set with a Scratch is shaped once
// for several widths and line heights, comes out as it does without one,
// and stays out of the stack's caches.
func TestScratch(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		s := newStack(t, lang)
		sc := NewScratch()
		text := "Jan Kowalski 01522 000001"
		plain := Style{Stack: s, Size: 12, Lang: lang, NoCache: true}
		for _, w := range []float64{400, 80} {
			for _, lh := range []float64{0, 1.4} {
				st := plain
				st.LineHeight = lh
				want := mustLayout(t, text, st, w)
				st.Scratch = sc
				if got := mustLayout(t, text, st, w); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: width %v line height %v: set differently with a Scratch", lang, w, lh)
				}
			}
		}
		if n := len(sc.paras); n != 1 {
			t.Errorf("%s: Scratch holds %d shapings of one text, want 1", lang, n)
		}
		if s.Keeps("Kowalski") {
			t.Errorf("%s: text set with a Scratch is in the stack's caches", lang)
		}
		cached := plain
		cached.NoCache, cached.Scratch = false, NewScratch()
		mustLayout(t, "Call 101", cached, 400)
		if len(cached.Scratch.paras) != 0 || !s.Keeps("Call 101") {
			t.Errorf("%s: text without NoCache went into the Scratch, not the stack", lang)
		}
	}
}
