package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// This file is how the commands write files for people: never over a file
// they did not mean to replace.

// newFile is a file to create, by name, and its bytes.
type newFile struct {
	name string
	data []byte
}

// writeNewFiles creates each file in dir, readable by its owner only,
// and never over an existing file: either every file is written or none
// is. It returns the name of the file that failed with the error.
func writeNewFiles(dir string, files []newFile) (string, error) {
	var made []string
	for _, f := range files {
		full := filepath.Join(dir, f.name)
		if err := writeNew(full, f.data, 0o600); err != nil {
			for _, m := range made {
				os.Remove(m)
			}
			return f.name, err
		}
		made = append(made, full)
	}
	return "", nil
}

// writeNew creates the file name with the given mode and writes data to
// it. It fails with an error that is fs.ErrExist when name exists,
// whatever it is (a file, a link, a pipe), and removes what it made if
// writing fails.
func writeNew(name string, data []byte, mode os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// checkOut reports why name must not be written by writeOut, or nil: it
// is not a regular file (a link, a pipe, a device, a folder), or it is a
// file and replace is false. flag names the option that gave the name.
func checkOut(flag, name string, replace bool) error {
	info, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", flag, name, errors.Unwrap(err))
	}
	m := info.Mode()
	what := ""
	switch {
	case m.IsRegular():
		if replace {
			return nil
		}
		return fmt.Errorf("%s exists already, and victimsite does not replace a leaflet it was not told to; give -o a new file name, or move that file away", name)
	case m&fs.ModeSymlink != 0:
		what = "a symbolic link"
	case m.IsDir():
		return fmt.Errorf("%s %s is a folder; give a file name, such as %s", flag, name, filepath.Join(name, "leaflet"+filepath.Ext(flagExample[flag])))
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeDevice != 0:
		what = "a device"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	default:
		what = "not a regular file"
	}
	hint := "Give the name of a file"
	if flag == "-o" {
		hint += ", or -o - to send the leaflet to standard output"
	}
	return fmt.Errorf("%s %s is %s; victimsite writes only to regular files and left it alone. %s", flag, name, what, hint)
}

// flagExample is a file each output flag names, for messages.
var flagExample = map[string]string{"-o": "leaflet.pdf", "-ics": "reminders.ics"}

// writeOut writes data to the file name, readable by its owner only, once
// checkOut has allowed it. A new file is created without replacing
// anything that appeared meanwhile; an existing regular file is replaced
// through a temporary file in the same folder, so no one reads half a
// leaflet and its looser mode is not kept.
func writeOut(name string, data []byte) error {
	if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
		return writeNew(name, data, 0o600)
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".leaflet-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := checkOut("", name, true); err != nil {
		return fmt.Errorf("%s changed while the leaflet was made; nothing was written", name)
	}
	return os.Rename(tmp.Name(), name)
}
