package webtest

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"victimsite/internal/browser"
	"victimsite/internal/site"
)

// vnuReport is the Nu Html Checker's --format json output.
type vnuReport struct {
	Messages []struct {
		Type, SubType, URL, Message, Extract string
		LastLine, FirstColumn                int
	}
}

// TestValidHTML runs the Nu Html Checker once over every published page,
// and the stylesheets too, and expects no error.
func TestValidHTML(t *testing.T) {
	t.Parallel()
	java := browser.Tool(t, "java", "apt-get install -y default-jre-headless")
	jar := npmFile(t, "vnu-jar/build/dist/vnu.jar", "the Nu Html Checker")
	fx := build(t)
	out := filepath.Join(t.TempDir(), "public")
	if err := site.Write(out, fx.files); err != nil {
		t.Fatal(err)
	}
	args := []string{"-jar", jar, "--errors-only", "--format", "json", "--also-check-css"}
	pages := 0
	for name := range fx.files {
		if strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".css") {
			args = append(args, filepath.Join(out, filepath.FromSlash(name)))
			pages++
		}
	}
	cmd := exec.Command(java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var report vnuReport
	// vnu writes its report to stderr, and exits 1 when it found errors.
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		t.Fatalf("java -jar vnu.jar: %v; cannot read its report: %v\nstdout: %s\nstderr: %s", runErr, err, stdout.Bytes(), stderr.Bytes())
	}
	for _, m := range report.Messages {
		name, _ := filepath.Rel(out, strings.TrimPrefix(m.URL, "file:"))
		t.Errorf("%s:%d:%d: %s %s: %s\n\t%s", filepath.ToSlash(name), m.LastLine, m.FirstColumn, m.Type, m.SubType, m.Message, strings.TrimSpace(m.Extract))
	}
	if runErr != nil && len(report.Messages) == 0 {
		t.Errorf("java -jar vnu.jar: %v with no message\n%s", runErr, stdout.Bytes())
	}
	t.Logf("checked %d files", pages)
}
