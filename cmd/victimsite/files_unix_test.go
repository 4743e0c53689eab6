//go:build unix

package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLeafletWritesOnlyRegularFiles: -o and -ics naming a pipe, a link or
// a folder are refused with a message that says what the name is, and
// the pipe, the link and the file the link points to are left as they
// were. Before, the leaflet was renamed over each of them.
func TestLeafletWritesOnlyRegularFiles(t *testing.T) {
	site := leafletSite(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(target, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	ok := filepath.Join(dir, "ok.pdf")
	tests := []struct {
		flags []string
		want  string
	}{
		{[]string{"-o", fifo}, "-o " + fifo + " is a named pipe; victimsite writes only to regular files"},
		{[]string{"-o", link}, "-o " + link + " is a symbolic link; victimsite writes only to regular files"},
		{[]string{"-o", dir}, "-o " + dir + " is a folder; give a file name, such as " + filepath.Join(dir, "leaflet.pdf")},
		{[]string{"-o", ok, "-ics", fifo}, "-ics " + fifo + " is a named pipe"},
		{[]string{"-o", ok, "-ics", link}, "-ics " + link + " is a symbolic link"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCmd(t, "", append(exampleFlags(site), tt.flags...)...)
		if code != 1 || stdout != "" || !strings.Contains(stderr, "victimsite leaflet: "+tt.want) {
			t.Errorf("%v: got exit %d, stdout %q, stderr %q; want exit 1 and %q", tt.flags, code, stdout, stderr, tt.want)
		}
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced (%v)", err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
	if data, _ := os.ReadFile(target); string(data) != "mine" {
		t.Errorf("the file behind the link holds %q, want it unchanged", data)
	}
	if _, err := os.Lstat(ok); err == nil {
		t.Error("the leaflet was written although its calendar was refused")
	}
}

// TestCheckOut names each kind of thing that is not a regular file,
// /dev/null among them, without writing to any.
func TestCheckOut(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		replace bool
		want    string // "" for allowed
	}{
		{filepath.Join(dir, "new.pdf"), false, ""},
		{file, true, ""},
		{file, false, "exists already"},
		{"/dev/null", true, "is a device"},
		{dir, true, "is a folder"},
	}
	for _, tt := range tests {
		err := checkOut("-o", tt.name, tt.replace)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("checkOut(%s, replace %v): got %v, want nil", tt.name, tt.replace, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("checkOut(%s, replace %v): got %v, want %q", tt.name, tt.replace, err, tt.want)
		}
	}
}
