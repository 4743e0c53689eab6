package pdf

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"

	"victimsite/internal/pdf/pdftest"
)

// TestXrefStream reads the cross-reference stream of a document back
// through the Up predictor it declares and checks every entry: object 0
// free, each object written on its own found at its offset, each packed
// one at its index in the object stream.
func TestXrefStream(t *testing.T) {
	out := write(t, sampleDocument(t))
	m := regexp.MustCompile(`/Type/XRef/Size (\d+)/W\[1 4 2\]/DecodeParms<</Predictor 12/Columns 7>>.*?/Length (\d+)>>\nstream\n`).FindSubmatchIndex(out)
	if m == nil {
		t.Fatalf("no cross-reference stream with /W[1 4 2] and the Up predictor")
	}
	size, _ := strconv.Atoi(string(out[m[2]:m[3]]))
	length, _ := strconv.Atoi(string(out[m[4]:m[5]]))
	data := pdftest.Inflate(t, out[m[1]:m[1]+length])
	if len(data) != size*8 {
		t.Fatalf("%d bytes of entries, want %d rows of 8 for /Size %d", len(data), size*8, size)
	}
	prev := make([]byte, 7)
	packed := 0
	for n := range size {
		row := data[8*n : 8*n+8]
		if row[0] != 2 {
			t.Fatalf("entry %d: filter type %d, want 2 (Up)", n, row[0])
		}
		e := make([]byte, 7)
		for i := range e {
			e[i] = row[1+i] + prev[i]
		}
		prev = e
		f2 := int(e[1])<<24 | int(e[2])<<16 | int(e[3])<<8 | int(e[4])
		f3 := int(e[5])<<8 | int(e[6])
		switch {
		case n == 0:
			if e[0] != 0 || f3 != 0xffff {
				t.Errorf("entry 0: %v, want free with generation 65535", e)
			}
		case e[0] == 1:
			if want := strconv.Itoa(n) + " 0 obj\n"; !bytes.HasPrefix(out[f2:], []byte(want)) {
				t.Errorf("entry %d: offset %d holds %q, want %q", n, f2, out[f2:min(f2+12, len(out))], want)
			}
		case e[0] == 2:
			if f3 != packed {
				t.Errorf("entry %d: index %d in the object stream, want %d", n, f3, packed)
			}
			packed++
		default:
			t.Errorf("entry %d: type %d", n, e[0])
		}
	}
	if packed == 0 {
		t.Error("no packed objects")
	}
}
