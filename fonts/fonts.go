// Package fonts holds the OpenType fonts that leaflets embed, compiled into
// the binary: Noto Sans (Latin, Cyrillic, Greek), Noto Naskh Arabic, Noto
// Nastaliq Urdu and Noto Sans Gurmukhi, each in a regular and a bold weight.
//
// The files are byte-for-byte copies of those in Debian's fonts-noto-core
// package (see README.md for the version and checksums) and are licensed
// under the SIL Open Font License 1.1 (OFL.txt). Nothing here parses a
// font: internal/typeset loads them by file name from [FS].
package fonts

import (
	"embed"
	"io/fs"
)

// The file names of the embedded fonts, as [FS] serves them.
const (
	SansRegular         = "NotoSans-Regular.ttf"
	SansBold            = "NotoSans-Bold.ttf"
	NaskhArabicRegular  = "NotoNaskhArabic-Regular.ttf"
	NaskhArabicBold     = "NotoNaskhArabic-Bold.ttf"
	NastaliqUrduRegular = "NotoNastaliqUrdu-Regular.ttf"
	NastaliqUrduBold    = "NotoNastaliqUrdu-Bold.ttf"
	SansGurmukhiRegular = "NotoSansGurmukhi-Regular.ttf"
	SansGurmukhiBold    = "NotoSansGurmukhi-Bold.ttf"
	License             = "OFL.txt"
)

//go:embed *.ttf OFL.txt
var files embed.FS

// FS returns the embedded fonts and their licence, by the file names above,
// at the root of the file system.
func FS() fs.FS { return files }
