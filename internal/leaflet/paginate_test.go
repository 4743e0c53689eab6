package leaflet

import (
	"strings"
	"testing"

	"victimsite/internal/pdf"
)

// leafUnit is a unit of height h whose one node holds one piece.
func leafUnit(h, gap float64, glue bool) unit {
	n := &node{}
	n.content(&piece{fills: nil})
	return unit{h: h, gap: gap, glue: glue, nodes: []*node{n}}
}

// pageOf returns the page of a unit's first piece.
func pageOf(u unit) int { return u.nodes[0].items[0].piece.page }

// TestPlaceSplitsCardsAtFootOfPage checks that a pair of cards side by
// side that does not fit at the foot of a page flows card by card: the
// heading and the first card stay on the page, the second card moves, and
// the structure tree holds the split cards in the pair's place; where not
// even the first card fits, the heading and the pair move whole.
func TestPlaceSplitsCardsAtFootOfPage(t *testing.T) {
	tests := []struct {
		name                  string
		before                float64 // height of the text above the heading
		split                 bool
		headPage, first, next int
	}{
		{"first card fits", 600, true, 0, 0, 1},
		{"nothing fits", 680, false, 1, 1, 1},
		{"pair fits", 300, false, 0, 0, 0},
	}
	for _, tt := range tests {
		part := &node{}
		pair := leafUnit(120, 8, false)
		pair.nodes = append(pair.nodes, leafUnit(0, 0, false).nodes...)
		part.items = append(part.items, entry{kid: pair.nodes[0]}, entry{kid: pair.nodes[1]})
		cards := []unit{leafUnit(80, 8, false), leafUnit(80, 8, false)}
		pair.parts = &cardSplit{whole: pair, cards: cards, parent: part}
		units := []unit{leafUnit(tt.before, 0, false), leafUnit(20, 8, true), pair}
		var furniture [][]piece
		pl := placer{top: 0, bottom: 740, furniture: &furniture}
		pl.place(units, 0)
		if p := pageOf(units[1]); p != tt.headPage {
			t.Errorf("%s: heading on page %d, want %d", tt.name, p, tt.headPage)
		}
		if !tt.split {
			if p := pageOf(pair); p != tt.first {
				t.Errorf("%s: pair on page %d, want %d", tt.name, p, tt.first)
			}
			if part.items[0].kid != pair.nodes[0] {
				t.Errorf("%s: the pair's node left the structure tree", tt.name)
			}
			continue
		}
		if p, q := pageOf(cards[0]), pageOf(cards[1]); p != tt.first || q != tt.next {
			t.Errorf("%s: cards on pages %d and %d, want %d and %d", tt.name, p, q, tt.first, tt.next)
		}
		if len(part.items) != 2 || part.items[0].kid != cards[0].nodes[0] || part.items[1].kid != cards[1].nodes[0] {
			t.Errorf("%s: structure tree does not hold the split cards in the pair's place", tt.name)
		}
	}
}

// rightsUnit sets the rights of the English leaflet of the fixture site
// as the layout does, and returns the unit and the list's element.
func rightsUnit(t *testing.T) (unit, *node) {
	t.Helper()
	r := testRenderer(t)
	d := r.compose(sample("en"), "en")
	s := &setter{fonts: r.fonts, stack: r.fonts.stacks["en"], lang: "en", sz: sizesFor(false), part: &node{}}
	for _, blocks := range d.pages {
		for _, b := range blocks {
			if b.kind == columns && b.more[0].kind == item {
				u := s.unit(b)
				return u, s.part.items[len(s.part.items)-1].kid
			}
		}
	}
	t.Fatal("the English leaflet has no list of rights")
	return unit{}, nil
}

// TestPlaceBreaksListBetweenRights checks that a list of rights that does
// not fit at the foot of a page breaks between two rights, with its
// heading and as many rights as fit on the page and the rest on the next,
// each right whole, in the list's order in the structure tree; and that
// the heading and the list move whole where not one right fits.
func TestPlaceBreaksListBetweenRights(t *testing.T) {
	for _, tt := range []struct {
		name   string
		before float64
		broken bool
	}{
		{"some rights fit", 600, true},
		{"no right fits", 715, false},
		{"the list fits", 100, false},
	} {
		list, l := rightsUnit(t)
		units := []unit{leafUnit(tt.before, 0, false), leafUnit(20, 8, true), list}
		var furniture [][]piece
		pl := placer{top: 0, bottom: 740, furniture: &furniture}
		last := pl.place(units, 0)
		if len(l.items) < 12 {
			t.Fatalf("%s: the list holds %d rights, want 12", tt.name, len(l.items))
		}
		var pages []int
		for i, it := range l.items {
			if it.kid.role != pdf.LI {
				t.Fatalf("%s: item %d of the list is a %v, not LI", tt.name, i, it.kid.role)
			}
			ps := pagesOf(it.kid)
			if len(ps) != 1 {
				t.Errorf("%s: right %d is on pages %v, want one", tt.name, i+1, ps)
			}
			pages = append(pages, ps[0])
		}
		head := pageOf(units[1])
		switch {
		case tt.broken && (head != 0 || pages[0] != 0 || pages[len(pages)-1] != 1 || last != 1):
			t.Errorf("%s: heading on page %d, rights on pages %v: want the heading and the first rights on page 0, the rest on 1", tt.name, head, pages)
		case !tt.broken && (pages[0] != head || pages[len(pages)-1] != head):
			t.Errorf("%s: heading on page %d, rights on pages %v: want the list whole with its heading", tt.name, head, pages)
		}
		for i := 1; i < len(pages); i++ {
			if pages[i] < pages[i-1] {
				t.Errorf("%s: right %d on page %d comes after right %d on page %d", tt.name, i+1, pages[i], i, pages[i-1])
			}
		}
		for _, f := range pl.fills[:len(pl.fills)-1] {
			if f.used > 740 {
				t.Errorf("%s: page %d holds %.0f pt, more than its 740", tt.name, f.page, f.used)
			}
		}
	}
}

// pagesOf lists the pages the pieces under n are on.
func pagesOf(n *node) []int {
	seen := map[int]bool{}
	var out []int
	var walk func(n *node)
	walk = func(n *node) {
		for _, it := range n.items {
			if it.kid != nil {
				walk(it.kid)
			} else if p := it.piece.page; !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	walk(n)
	return out
}

// TestTitleOnOneLine checks that the title keeps the full heading size
// where it stands on one line beside the QR code (English), is set
// smaller, down to 18 pt, where that keeps it on one line (Lithuanian),
// and wraps at the full size where not even 18 pt would do.
func TestTitleOnOneLine(t *testing.T) {
	r := testRenderer(t)
	long := strings.Repeat("Informacija nukentėjusiesiems ", 2)
	for _, tt := range []struct {
		lang, title string
		size        float64
		lines       int
	}{
		{"en", "", 21, 1},
		{"lt", "", 0, 1}, // smaller than 21, at least 18
		{"lt", long, 21, 2},
	} {
		d := r.compose(sample(tt.lang), tt.lang)
		if tt.title != "" {
			d.cover.title.s = tt.title
		}
		l, err := r.lay([]*doc{d}, false)
		if err != nil {
			t.Fatal(err)
		}
		h1 := l.tree[0].items[0].kid
		sizes, baselines := map[float64]bool{}, map[float64]bool{}
		var walk func(n *node)
		walk = func(n *node) {
			for _, it := range n.items {
				if it.kid != nil {
					walk(it.kid)
					continue
				}
				for _, r := range it.piece.runs {
					sizes[r.size], baselines[r.y] = true, true
				}
			}
		}
		walk(h1)
		if h1.role != pdf.H1 || len(sizes) != 1 {
			t.Fatalf("%s: the first element is %v in sizes %v, want an H1 in one size", tt.lang, h1.role, sizes)
		}
		for size := range sizes {
			if (tt.size != 0 && size != tt.size) || (tt.size == 0 && (size >= 21 || size < 18)) {
				t.Errorf("%s %q: title at %v pt, want %v (0: from 18 to under 21)", tt.lang, tt.title, size, tt.size)
			}
		}
		if len(baselines) != tt.lines {
			t.Errorf("%s %q: title on %d lines, want %d", tt.lang, tt.title, len(baselines), tt.lines)
		}
	}
}

// TestPlaceTallParagraph checks that a unit taller than a page, such as
// a very long paragraph, runs on over the pages line by line, each line
// whole and inside the page, and that every page it fills is counted
// full.
func TestPlaceTallParagraph(t *testing.T) {
	n := &node{}
	var lines []*piece
	for k := range 12 {
		p := &piece{fills: []pdf.Rect{{X: 0, Y: float64(k) * 20, W: 100, H: 15}}}
		lines = append(lines, p)
		n.content(p)
	}
	tall := unit{h: 12*20 - 5, nodes: []*node{n}}
	var furniture [][]piece
	pl := placer{top: 10, bottom: 110, furniture: &furniture}
	last := pl.place([]unit{leafUnit(30, 0, false), tall, leafUnit(20, 5, false)}, 0)
	for k, p := range lines {
		f := p.fills[0]
		if f.Y < pl.top || f.Y+f.H > pl.bottom {
			t.Errorf("line %d on page %d from %.0f to %.0f: outside the page's body", k+1, p.page, f.Y, f.Y+f.H)
		}
		if k > 0 && p.page < lines[k-1].page {
			t.Errorf("line %d on page %d, before line %d's page %d", k+1, p.page, k, lines[k-1].page)
		}
	}
	if last < 2 || len(pl.fills) != last+1 {
		t.Fatalf("last page %d, %d fills, want three pages or more and a fill for each", last, len(pl.fills))
	}
	for _, f := range pl.fills[:last] {
		if f.next == 0 {
			t.Errorf("page %d is counted as the last", f.page)
		}
	}
}
