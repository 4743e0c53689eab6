package main

import (
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
