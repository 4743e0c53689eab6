package pdf

import (
	"bytes"
	"compress/zlib"
	"regexp"
	"strconv"
	"testing"

	"victimsite/internal/pdf/pdftest"
)

// streamLevels names the compression level the writer gives each kind of
// stream, as measured and chosen in compress.go: level 4 for what each
// document writes anew, level 6 for what it compresses once and keeps
// (fonts, ToUnicode maps, shared page streams). A change of level changes
// the size and the time of every leaflet, so it must be made here too.
var streamLevels = map[string]int{
	"content": 4, "objstm": 4, "xref": 4,
	"shared": 6, "font": 6, "tounicode": 6,
}

// streamObj matches a stream object's number, dictionary and start.
var streamObj = regexp.MustCompile(`(?s)(\d+) 0 obj\n<<(.*?)/Length (\d+)>>\nstream\n`)

// TestStreamLevels writes a document with a shared page stream and checks
// that each of its streams is byte for byte what its kind's level makes of
// the stream's data: a level lowered by mistake (or a stream compressed
// at the wrong one) would make every leaflet silently larger.
func TestStreamLevels(t *testing.T) {
	b := sharedDoc(t, "LP-1")
	shared := regexp.MustCompile(`/Contents \[(\d+) 0 R \d+ 0 R\]`).FindSubmatch(unpack(t, b))
	if shared == nil {
		t.Fatal("the page has no shared content stream")
	}
	seen := map[string]int{}
	for _, m := range streamObj.FindAllSubmatchIndex(b, -1) {
		num, dict := string(b[m[2]:m[3]]), b[m[4]:m[5]]
		n, _ := strconv.Atoi(string(b[m[6]:m[7]]))
		z := b[m[1] : m[1]+n]
		if !bytes.Contains(dict, []byte("/FlateDecode")) {
			continue
		}
		data := pdftest.Inflate(t, z)
		kind := "content"
		switch {
		case bytes.Contains(dict, []byte("/Type/ObjStm")):
			kind = "objstm"
		case bytes.Contains(dict, []byte("/Type/XRef")):
			kind = "xref"
		case bytes.Contains(dict, []byte("/Length1")):
			kind = "font"
		case bytes.HasPrefix(data, []byte("/CIDInit")):
			kind = "tounicode"
		case num == string(shared[1]):
			kind = "shared"
		}
		seen[kind]++
		if want := zlibAt(t, data, streamLevels[kind]); !bytes.Equal(z, want) {
			t.Errorf("object %s (%s): %d bytes compressed, want %d, as level %d gives", num, kind, len(z), len(want), streamLevels[kind])
		}
	}
	for kind := range streamLevels {
		if seen[kind] == 0 {
			t.Errorf("the document has no %s stream to check", kind)
		}
	}
}

// zlibAt compresses data at a level with a writer of its own.
func zlibAt(t *testing.T, data []byte, level int) []byte {
	t.Helper()
	var out bytes.Buffer
	w, err := zlib.NewWriterLevel(&out, level)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return out.Bytes()
}
