package content

import (
	"strings"
	"testing"
)

// sameByFields is what same must agree with: the texts' words, joined.
func sameByFields(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

func TestSame(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"  \n", "", true},
		{"Burglary", "Burglary", true},
		{"Your  rights\r\nafter a crime", " Your rights after\ta crime\n", true},
		{"Your rights", "Your right s", false},
		{"Your rights", "Your rights now", false},
		{"a\u00a0b", "a b", true}, // a no-break space is white space to strings.Fields too
		{"Włamanie", "Wlamanie", false},
		{"x", "", false},
	}
	for _, tt := range tests {
		if got := same([]byte(tt.a), []byte(tt.b)); got != tt.want || got != sameByFields(tt.a, tt.b) {
			t.Errorf("same(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// FuzzSame: same agrees with comparing the texts' words, for any texts.
func FuzzSame(f *testing.F) {
	f.Add("Your  rights\r\n", "Your rights")
	f.Add("a\u2003b", "a b")
	f.Add("\xff a", "\xff  a")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := same([]byte(a), []byte(b)), sameByFields(a, b); got != want {
			t.Errorf("same(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}
