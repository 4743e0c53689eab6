package leaflet

import "testing"

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
