package phone

import (
	"fmt"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	m := New("999", "101", "01522 947510", "0800 33 4 55 00", "116 123")
	tests := []struct {
		text string
		want []string // the numbers found, as written
	}{
		{"Call 999 now.", []string{"999"}},
		{"call 101, or 999", []string{"101", "999"}},
		{"Victim Lincs: 01522 947510 (weekdays)", []string{"01522 947510"}},
		{"Victim Lincs: 01522947510", []string{"01522947510"}},
		{"Victim Lincs: 01522\u00a0947510.", []string{"01522\u00a0947510"}},
		{"Rape Crisis 0800 33 4 55 00 any time", []string{"0800 33 4 55 00"}},
		{"Samaritans on 116 123.", []string{"116 123"}},
		{"call 101 24 hours a day", []string{"101"}},
		{"within 2 working days, or 1 working day", nil},
		{"1010 is not 101", []string{"101"}},
		{"reference LP-101-26", nil},
		{"room101", nil},
		{"press 55 when asked", nil},
		{"version 1.999", nil},
		{"01522 947510 and 999", []string{"01522 947510", "999"}},
		{"2 01522 947510", []string{"01522 947510"}},
		{"اتصل بالرقم 999 الآن", []string{"999"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, mt := range m.Find(tt.text) {
				got = append(got, tt.text[mt.Start:mt.End])
				if want := Tel(tt.text[mt.Start:mt.End]); mt.Tel != want {
					t.Errorf("Tel of %q is %q, want %q", tt.text[mt.Start:mt.End], mt.Tel, want)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTel(t *testing.T) {
	for in, want := range map[string]string{"01522 947510": "01522947510", "+44 1522 947510": "+441522947510", "999": "999", "+": "", "none": ""} {
		if got := Tel(in); got != want {
			t.Errorf("Tel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKey(t *testing.T) {
	if New("999", "101").Key() != New("101", "9 9 9").Key() {
		t.Error("the same numbers in another order and spacing give another key")
	}
	if New("999").Key() == New("999", "101").Key() {
		t.Error("different numbers give the same key")
	}
	var none *Matcher
	if none.Key() != "" || none.Find("999") != nil {
		t.Error("a nil Matcher knows a number")
	}
}

// FuzzFind checks that matches are in order, inside the text, and spell
// a known number.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"call 999", "01522 947510.", "LP-101-26", "1 0 1", "\u00a0101\u00a0"} {
		f.Add(s)
	}
	m := New("999", "101", "01522 947510")
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, mt := range m.Find(text) {
			if mt.Start < end || mt.End <= mt.Start || mt.End > len(text) {
				t.Fatalf("match %+v out of order or outside %q", mt, text)
			}
			if !m.known[Tel(text[mt.Start:mt.End])] || strings.TrimSpace(text[mt.Start:mt.End]) != text[mt.Start:mt.End] {
				t.Fatalf("match %q in %q is not a known number", text[mt.Start:mt.End], text)
			}
			end = mt.End
		}
	})
}
