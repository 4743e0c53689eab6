// Package pdftest helps tests read the PDFs that package pdf writes: it
// unpacks the object streams that hold the structure elements,
// annotations and dictionaries, so a test can look for what they say.
// Only tests import it.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"
)

// objStm finds the object streams of a PDF and the length of their data.
var objStm = regexp.MustCompile(`<</Type/ObjStm[^>]*/Filter/FlateDecode/Length (\d+)>>\nstream\n`)

// Unpack returns b with the objects packed in its object streams appended
// as plain text. It fails the test when a stream cannot be read, or when
// the PDF has no object stream (every PDF the writer makes has one, and a
// test that looks for something left out must not pass by reading
// nothing).
func Unpack(t testing.TB, b []byte) []byte {
	t.Helper()
	out := append([]byte(nil), b...)
	for _, m := range objStm.FindAllSubmatchIndex(b, -1) {
		n, _ := strconv.Atoi(string(b[m[2]:m[3]]))
		out = append(append(out, '\n'), Inflate(t, b[m[1]:m[1]+n])...)
	}
	if len(out) == len(b) {
		t.Fatal("the PDF has no object stream")
	}
	return out
}

// Inflate returns the zlib (FlateDecode) stream data decompressed, and
// fails the test when it cannot be read.
func Inflate(t testing.TB, data []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
