package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildKey: the key names the program and the site folder, as given
// and absolute, and there is none for a program that cannot name itself.
func TestBuildKey(t *testing.T) {
	if id := programID(); !strings.HasPrefix(id, "go build id ") && !strings.HasPrefix(id, "sha256 ") {
		t.Fatalf("programID() = %q, want the Go build ID or the executable's SHA-256", id)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	abs := filepath.Join(dir, "site")
	keys := map[string]string{}
	for _, d := range []string{"", "site", "./site", abs} {
		k := buildKey(d)
		if k == "" || k != buildKey(d) {
			t.Fatalf("buildKey(%q) = %q, then %q", d, k, buildKey(d))
		}
		if other, ok := keys[k]; ok {
			t.Errorf("buildKey(%q) = buildKey(%q)", d, other)
		}
		keys[k] = d
	}
	t.Chdir(t.TempDir())
	if _, ok := keys[buildKey("site")]; ok {
		t.Errorf("buildKey(\"site\") is the same from another folder")
	}
	t.Chdir(dir)
	if _, ok := keys[buildKey("site")]; !ok {
		t.Fatalf("buildKey(\"site\") changed back in the same folder")
	}
	saved := programID
	defer func() { programID = saved }()
	programID = func() string { return "" }
	if k := buildKey("site"); k != "" {
		t.Errorf("with no program ID, buildKey = %q, want none", k)
	}
	programID = func() string { return "another program" }
	if _, ok := keys[buildKey("site")]; ok {
		t.Errorf("another program has the same key")
	}
}
