package leaflet

import (
	"os"
	"testing"
)

func TestZZGeneric(t *testing.T) {
	if os.Getenv("DEV") == "" {
		t.Skip()
	}
	r := repoRenderer(t)
	for _, l := range r.languages() {
		d := r.composeGeneric(l)
		qr, _ := r.qrCode(d.cover.qr)
		lt, err := r.layout([]*doc{d}, [][][]bool{qr}, false)
		if err != nil {
			t.Fatal(err)
		}
		err = checkFills(lt)
		t.Logf("%s generic %d pages, fills %v err %v", l, lt.pages, lt.fills, err)
	}
}
