package leaflet

import (
	"math"
	"strings"
	"testing"

	"victimsite/internal/pdf"
)

// tables returns the tables of the tree in reading order.
func tables(ns []*node) []*node {
	var out []*node
	for _, n := range ns {
		if n.role == pdf.Table {
			out = append(out, n)
			continue
		}
		var kids []*node
		for _, it := range n.items {
			if it.kid != nil {
				kids = append(kids, it.kid)
			}
		}
		out = append(out, tables(kids)...)
	}
	return out
}

// extent returns the leftmost x and the top and bottom baselines of the
// text under n.
func extent(n *node) (left, top, bottom float64) {
	left, top, bottom = math.Inf(1), math.Inf(1), math.Inf(-1)
	for _, it := range n.items {
		if it.kid != nil {
			l, t, b := extent(it.kid)
			left, top, bottom = min(left, l), min(top, t), max(bottom, b)
			continue
		}
		for _, r := range it.piece.runs {
			left, top, bottom = min(left, r.x), min(top, r.y), max(bottom, r.y)
		}
	}
	return left, top, bottom
}

// TestOfficerAndReportSideBySide checks that the officer's and the
// report's tables stand side by side where every row of the officer's
// fits on one line in at least half the width, the officer first in the
// structure tree and on the leading side (the right in Arabic); that the
// report's labels stand above their values where its rows would not fit
// beside the officer's; and that the tables stand one under the other
// where the officer's row would leave the report too little room.
func TestOfficerAndReportSideBySide(t *testing.T) {
	r := testRenderer(t)
	withEmail := func(n int) Details {
		d := sample("ar")
		d.Officer.Email = strings.Repeat("j", n) + "@lincs.police.uk"
		return d
	}
	tests := []struct {
		name          string
		d             Details
		side, stacked bool
		rtl           bool
	}{
		{"arabic", sample("ar"), true, false, true},
		{"arabic, long email", withEmail(48), true, true, true},
		{"arabic, very long email", withEmail(90), false, false, true},
		{"english", sample("en"), true, true, false},
	}
	for _, tt := range tests {
		l, err := r.layout([]*doc{r.compose(tt.d, tt.d.Lang)}, [][][]bool{nil}, false)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		ts := tables(l.tree)
		if len(ts) < 2 || len(ts[0].items) != 5 || len(ts[1].items) != 3 {
			t.Fatalf("%s: want the officer's table (5 rows) then the report's (3 rows) first in reading order", tt.name)
		}
		ol, ot, ob := extent(ts[0])
		rl, rt, _ := extent(ts[1])
		if side := rt < ob; side != tt.side {
			t.Errorf("%s: side by side = %v (officer %.0f-%.0f, report from %.0f), want %v", tt.name, side, ot, ob, rt, tt.side)
		}
		if tt.side && (ol > rl) != tt.rtl {
			t.Errorf("%s: officer's table at x %.0f, report's at %.0f: officer not on the leading side", tt.name, ol, rl)
		}
		tr := ts[1].items[0].kid
		_, _, thBottom := extent(tr.items[0].kid)
		_, tdTop, _ := extent(tr.items[1].kid)
		if stacked := tdTop > thBottom; stacked != tt.stacked {
			t.Errorf("%s: the report's label above its value = %v, want %v", tt.name, stacked, tt.stacked)
		}
	}
}

// TestGenericOfficerAndReportSideBySide checks that on the generic
// English leaflet the officer's and the report's lines to write on stand
// side by side, their headings on one baseline, the officer's first in
// the structure tree.
func TestGenericOfficerAndReportSideBySide(t *testing.T) {
	r := testRenderer(t)
	d := r.composeGeneric("en")
	l, err := r.layout([]*doc{d}, [][][]bool{nil}, false)
	if err != nil {
		t.Fatal(err)
	}
	var h2s []*node
	for _, it := range l.tree[0].items {
		if it.kid != nil && it.kid.role == pdf.H2 {
			h2s = append(h2s, it.kid)
		}
	}
	if len(h2s) < 3 {
		t.Fatalf("%d top-level headings, want the officer's and the report's among them", len(h2s))
	}
	// The danger box's heading is inside its Sect: the first two H2s of
	// the part are the officer's and the report's.
	ol, ot, _ := extent(h2s[0])
	rl, rt, _ := extent(h2s[1])
	if ot != rt || rl <= ol {
		t.Errorf("officer's heading at x %.0f y %.0f, report's at x %.0f y %.0f: want them side by side, the officer's first", ol, ot, rl, rt)
	}
}
