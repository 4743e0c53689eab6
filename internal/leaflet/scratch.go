package leaflet

import "victimsite/internal/typeset"

// This file keeps the layouts of personal text for one leaflet. The
// officer's name, phone and email are measured, set, and set again where
// a leaflet is set a second time with less space between its blocks; the
// typesetter does not keep text set with NoCache, so without this each
// would be shaped every time. A scratch belongs to one Render call and is
// dropped with it: personal details never reach the process-wide caches.

// scratch holds the layouts and shaping of personal text of one leaflet.
// The nil scratch keeps nothing.
type scratch struct {
	blocks map[scratchKey]typeset.Block
	shaped *typeset.Scratch
}

// scratchKey is a text set in a style and width.
type scratchKey struct {
	text  string
	style typeset.Style
	width float64
}

// newScratch returns an empty scratch.
func newScratch() *scratch {
	return &scratch{blocks: make(map[scratchKey]typeset.Block), shaped: typeset.NewScratch()}
}

// layout sets text as typeset.Layout does; personal text (st.NoCache) is
// shaped once per scratch and set once per style and width. The Block is
// shared, so it must not be changed.
func (sc *scratch) layout(t text, st typeset.Style, width float64) (typeset.Block, error) {
	if !st.NoCache || sc == nil {
		return typeset.Layout(t.s, st, width)
	}
	if t.mine != nil {
		sc.shaped.Personal(t.s, t.mine)
	}
	st.Scratch = sc.shaped
	k := scratchKey{t.s, st, width}
	if blk, ok := sc.blocks[k]; ok {
		return blk, nil
	}
	blk, err := typeset.Layout(t.s, st, width)
	if err == nil {
		sc.blocks[k] = blk
	}
	return blk, err
}
