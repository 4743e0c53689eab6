package fonts

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// TestFiles checks that every named font is embedded, with the checksum
// README.md gives for it, and that the licence is there.
func TestFiles(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{SansRegular, SansBold, NaskhArabicRegular, NaskhArabicBold,
		NastaliqUrduRegular, NastaliqUrduBold, SansGurmukhiRegular, SansGurmukhiBold}
	for _, name := range names {
		data, err := fs.ReadFile(FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if line := hex.EncodeToString(sum[:]) + "  " + name; !strings.Contains(string(readme), line) {
			t.Errorf("README.md lacks %q: the file changed, or the README is out of date", line)
		}
	}
	lic, err := fs.ReadFile(FS(), License)
	if err != nil || !strings.Contains(string(lic), "SIL OPEN FONT LICENSE Version 1.1") {
		t.Errorf("licence: %v, or it is not the OFL 1.1", err)
	}
	ttfs, _ := fs.Glob(FS(), "*.ttf")
	if len(ttfs) != len(names) {
		t.Errorf("%d fonts embedded, %d named", len(ttfs), len(names))
	}
}
