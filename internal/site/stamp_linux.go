//go:build linux

package site

import (
	"io/fs"
	"syscall"
)

// sysStamp returns the time a file's metadata last changed, in
// nanoseconds, and its inode number.
func sysStamp(info fs.FileInfo) (int64, uint64) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0
	}
	sec, nsec := st.Ctim.Unix()
	return sec*1e9 + nsec, uint64(st.Ino)
}
