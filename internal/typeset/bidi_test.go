package typeset

import (
	"bufio"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/bidi"
)

// TestBidiConformance runs the levels and reordering (rules up to L2)
// against a sample of Unicode's BidiCharacterTest.txt: every line of text
// that has no explicit embeddings must get the levels and the visual order
// the Unicode Consortium gives. It is what shows that refineNumbers
// restores the levels go-text's bidi package folds together.
func TestBidiConformance(t *testing.T) {
	f, err := os.Open("testdata/bidi-character-test.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := newShaper().(*shaper)
	sc := bufio.NewScanner(f)
	n, failed := 0, 0
	for line := 0; sc.Scan(); {
		line++
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		n++
		fields := strings.Split(text, ";")
		runes, rtl := parseCodePoints(t, fields[0]), fields[1] == "1"
		wantLevels, wantOrder := parseInts(t, fields[3]), parseInts(t, fields[4])
		base := int8(0)
		if rtl {
			base = 1
		}
		classes := make([]bidi.Class, len(runes))
		for i, r := range runes {
			classes[i] = bidiClass(r)
		}
		levels := lineLevels(classes, sh.bidiLevels(runes, classes, nil, rtl), base)
		got := make([]int, len(levels))
		for i, l := range levels {
			got[i] = int(l)
		}
		order := visualOrder(levels)
		if !reflect.DeepEqual(got, wantLevels) || !reflect.DeepEqual(order, wantOrder) {
			failed++
			if failed <= 10 {
				t.Errorf("line %d (%s, rtl %v): levels %v order %v, want %v order %v", line, fields[0], rtl, got, order, wantLevels, wantOrder)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 1000 {
		t.Fatalf("read %d test lines, want the whole sample", n)
	}
	if failed > 0 {
		t.Errorf("%d of %d lines differ", failed, n)
	}
}

func parseCodePoints(t *testing.T, s string) []rune {
	t.Helper()
	var rs []rune
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseUint(f, 16, 32)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, rune(v))
	}
	return rs
}

func parseInts(t *testing.T, s string) []int {
	t.Helper()
	out := []int{}
	for _, f := range strings.Fields(s) {
		v, err := strconv.Atoi(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// TestVisualOrder checks rule L2 on levels alone.
func TestVisualOrder(t *testing.T) {
	tests := []struct {
		levels []int8
		want   []int
	}{
		{[]int8{0, 0, 0}, []int{0, 1, 2}},
		{[]int8{1, 1, 1}, []int{2, 1, 0}},
		{[]int8{0, 1, 1, 0}, []int{0, 2, 1, 3}},
		{[]int8{1, 2, 1}, []int{2, 1, 0}},             // a number inside right-to-left text keeps its place
		{[]int8{1, 2, 2, 1}, []int{3, 1, 2, 0}},       // ...and its inner order
		{[]int8{0, 1, 2, 0}, []int{0, 2, 1, 3}},       // a number after Arabic in English text goes left of it
		{[]int8{0, 2, 0}, []int{0, 1, 2}},             // an Arabic number alone in English text stays
		{[]int8{2, 3, 4, 3, 2}, []int{0, 3, 2, 1, 4}}, // nested
	}
	for _, tt := range tests {
		if got := visualOrder(tt.levels); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("visualOrder(%v) = %v, want %v", tt.levels, got, tt.want)
		}
	}
}
