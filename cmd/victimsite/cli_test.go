package main

import (
	"strings"
	"testing"
)

// TestCommandsRefuseArguments: a command that takes no arguments after
// its flags says so and exits 2, whatever the command.
func TestCommandsRefuseArguments(t *testing.T) {
	for _, name := range []string{"build", "check", "status", "serve", "desk", "leaflet"} {
		code, stdout, stderr := runCmd(t, t.TempDir(), name, "extra")
		if code != 2 || !strings.Contains(stderr, `victimsite `+name+`: unexpected argument "extra"`) {
			t.Errorf("victimsite %s extra: got exit %d, stdout %q, stderr %q; want exit 2 and the argument named", name, code, stdout, stderr)
		}
	}
}

// TestLeafletWithoutDetails: no flags at all is misuse, answered with the
// usage; a missing language is named once, not also as "not a language".
func TestLeafletWithoutDetails(t *testing.T) {
	for _, args := range [][]string{{"leaflet"}, {"leaflet", "-site", "../.."}} {
		code, stdout, stderr := runCmd(t, "", args...)
		if code != 2 || stdout != "" || !strings.HasPrefix(stderr, "Usage:\n  victimsite leaflet [-site DIR] -lang L") ||
			!strings.HasSuffix(stderr, "Run victimsite leaflet -h for what each flag means.\n") {
			t.Errorf("%v: got exit %d, stderr %q; want exit 2 and the usage", args, code, stderr)
		}
	}
	code, _, stderr := runCmd(t, t.TempDir(), "leaflet", "-site", leafletSite(t), "-crime", "burglary")
	if n := strings.Count(stderr, "-lang"); code != 1 || n != 1 {
		t.Errorf("leaflet -crime burglary: got exit %d and -lang named %d times in\n%s\nwant exit 1 and -lang once", code, n, stderr)
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 pages", 1: "1 page", 2: "2 pages", 21: "21 pages"} {
		if got := count(n, "page", "pages"); got != want {
			t.Errorf("count(%d): got %q, want %q", n, got, want)
		}
	}
}
