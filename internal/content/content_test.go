package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"victimsite/internal/config"
	"victimsite/internal/problem"
)

func testConfig(t testing.TB) *config.Site {
	t.Helper()
	s, probs := config.Parse([]byte(`name = "Victims"
base_url = "https://example.org/"
checked = 2026-11-23
[code]
referral_days = 2
update_days = 5
enhanced_update_days = 1
support_contact = "help"
emergency_contact = "help"
non_emergency_contact = "help"
[[languages]]
code = "en"
endonym = "English"
english = "English"
dir = "ltr"
[[languages]]
code = "ar"
endonym = "العربية"
english = "Arabic"
dir = "rtl"
[[contacts]]
id = "help"
name = "Help"
phone = "101"
verified = true
checked = 2026-11-23
`))
	if probs.Errors() > 0 {
		t.Fatal(probs)
	}
	return s
}

func TestParseKeepsLineNumbers(t *testing.T) {
	var probs problem.List
	p := Parse("a.en.md", []byte("---\ntitle: A\nweight: 3\n---\nline five\n"), &probs)
	if p == nil || len(probs) != 0 {
		t.Fatalf("got %v, %v", p, probs)
	}
	if p.BodyLine != 5 {
		t.Errorf("got BodyLine %d, want 5", p.BodyLine)
	}
	if p.KeyLine("weight") != 3 {
		t.Errorf("got weight on line %d, want 3", p.KeyLine("weight"))
	}
}

func TestLinksAreRewrittenForEveryLanguage(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.en.md":         {Data: []byte("---\ntitle: Home\n---\n[a](crime/burglary.md) [b](/crime/) [c](https://example.org/x) [d](#top) [e](/crime/burglary.en.md#steps)\n")},
		"content/crime/_index.en.md":   {Data: []byte("---\ntitle: Crime\n---\n[home](../_index.md) [sib](burglary.md)\n")},
		"content/crime/burglary.en.md": {Data: []byte("---\ntitle: Burglary\n---\n[up](../crime/_index.en.md) [home](/)\n\n## Steps\n")},
	}
	set, probs := Load(fsys, testConfig(t))
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	tests := []struct{ id, want string }{
		{"", `<a href="crime/burglary/">a</a> <a href="crime/">b</a> <a href="https://example.org/x">c</a> <a href="#top">d</a> <a href="crime/burglary/#steps">e</a>`},
		{"crime", `<a href="../">home</a> <a href="../crime/burglary/">sib</a>`},
		{"crime/burglary", `<a href="../../crime/">up</a> <a href="../../">home</a>`},
	}
	for _, tt := range tests {
		got := string(set.Get(tt.id, "en").HTML)
		if !strings.Contains(got, tt.want) {
			t.Errorf("page %q: got %s, want it to hold %s", tt.id, got, tt.want)
		}
	}
}

func TestRawHTMLIsNotPublished(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.en.md": {Data: []byte("---\ntitle: Home\n---\n<script>alert(1)</script>\n\nHi <b onclick=x>there</b>\n")},
	}
	set, probs := Load(fsys, testConfig(t))
	if probs.Errors() != 0 {
		t.Fatal(probs)
	}
	if got := string(set.Get("", "en").HTML); strings.Contains(got, "<script") || strings.Contains(got, "onclick") {
		t.Errorf("raw HTML came through: %s", got)
	}
	if len(probs) == 0 {
		t.Error("got no warning about HTML in Markdown")
	}
}

func TestState(t *testing.T) {
	src := "---\ntitle: Home\n---\nHi\n"
	h := HashOf(src)
	fsys := fstest.MapFS{
		"content/_index.en.md": {Data: []byte(src)},
		"content/_index.ar.md": {Data: []byte("---\ntitle: x\nsource_hash: " + h + "\ndraft_translation: true\n---\n")},
		"content/a.en.md":      {Data: []byte("---\ntitle: A\n---\n")},
		"content/a.ar.md":      {Data: []byte("---\ntitle: x\nsource_hash: " + HashOf("---\ntitle: A\n---\n") + "\n---\n")},
		"content/b.en.md":      {Data: []byte("---\ntitle: B\n---\n")},
		"content/b.ar.md":      {Data: []byte("---\ntitle: x\nsource_hash: abc\n---\n")},
		"content/c.en.md":      {Data: []byte("---\ntitle: C\n---\n")},
	}
	set, _ := Load(fsys, testConfig(t))
	for _, tt := range []struct {
		id   string
		want State
	}{{"", Draft}, {"a", Current}, {"b", Outdated}, {"c", Missing}} {
		if got := set.State(tt.id, "ar"); got != tt.want {
			t.Errorf("State(%q, ar) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestSetSourceHash(t *testing.T) {
	tests := []struct{ in, want string }{
		{"---\ntitle: A\n---\nBody\n", "---\ntitle: A\nsource_hash: 123\n---\nBody\n"},
		{"---\ntitle: A\nsource_hash: old\nweight: 2\n---\n", "---\ntitle: A\nsource_hash: 123\nweight: 2\n---\n"},
		{"---\r\ntitle: A\r\n---\r\nB\r\n", "---\r\ntitle: A\r\nsource_hash: 123\r\n---\r\nB\r\n"},
	}
	for _, tt := range tests {
		got, err := SetSourceHash([]byte(tt.in), "123")
		if err != nil || string(got) != tt.want {
			t.Errorf("SetSourceHash(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if _, err := SetSourceHash([]byte("no front matter"), "1"); err == nil {
		t.Error("got no error for a file with no front matter")
	}
}

// FuzzParse feeds arbitrary files to the front-matter parser: it must never
// panic, and every problem must point at a line inside the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\n---\nBody\n",
		"---\ntitle: A\nsupport: [a, b\n---\n",
		"---\ntitle: [\n---\n",
		"---\nunknown: 1\n---\n",
		"---\n---\n",
		"---\ntitle: A",
		"\ufeff---\r\ntitle: A\r\n---\r\n",
		"no front matter",
		"---\ntitle: A\nrights:\n  - one\n  - two\nweight: x\n---\n",
		"---\ntitle: \xff\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var probs problem.List
		p := Parse("f.en.md", data, &probs)
		lines := strings.Count(string(data), "\n") + 1
		for _, pr := range probs {
			if pr.Line < 0 || pr.Line > lines+1 {
				t.Errorf("problem %q points past the file's %d lines", pr, lines)
			}
		}
		if p != nil && utf8.Valid(data) && p.BodyLine < 1 {
			t.Errorf("got BodyLine %d", p.BodyLine)
		}
	})
}

// FuzzLoad loads and renders an arbitrary page beside a valid one: no
// panic, and no problem without a file.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\n---\n[x](../_index.md) [y](javascript:x) [z](/nowhere/)\n",
		"---\ntitle: A\n---\n# H1\n\n<div>x</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"---\ntitle: A\n---\n[x](%zz) <https://example.org> ![i](data:image/png;base64,AA)\n",
		"---\ntitle: A\n---\n[a]: ../x.md\n\n[a]\n",
		"---\ntitle: A\n---\n## B\n\n![m](m.png) [f](f.pdf#p) [s](../s/) [h](#b) [o](../_index.md#x) [d](x.docx) [u](../../../etc)\n",
		"---\ntitle: A\n---\n<!-- victimsite: REVISE THIS TRANSLATION\nx\n-->\nText\n",
	} {
		f.Add([]byte(s))
	}
	cfg := testConfig(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"content/_index.en.md":   {Data: []byte("---\ntitle: Home\n---\n")},
			"content/s/_index.en.md": {Data: []byte("---\ntitle: S\n---\n")},
			"content/s/p.en.md":      {Data: data},
			"content/s/p.ar.md":      {Data: data},
			"content/s/m.png":        {Data: []byte("png")},
		}
		set, probs := Load(fsys, cfg)
		for _, p := range probs {
			if p.File == "" {
				t.Errorf("problem with no file: %q", p)
			}
		}
		if p := set.Get("s/p", "en"); p != nil && strings.Contains(strings.ToLower(string(p.HTML)), `href="javascript:`) {
			t.Errorf("a javascript: link was published: %s", p.HTML)
		}
	})
}

func TestHeadingNamesItsID(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.en.md": {Data: []byte("---\ntitle: Home\n---\n## Kaucja {#bail}\n\n## Bad {#x onclick=\"alert(1)\" .big}\n\n[to bail](#bail)\n")},
	}
	set, probs := Load(fsys, testConfig(t))
	got := string(set.Get("", "en").HTML)
	if !strings.Contains(got, `<h2 id="bail">Kaucja</h2>`) {
		t.Errorf("got %s, want the heading to take the id it names", got)
	}
	if strings.Contains(got, "onclick=\"") || strings.Contains(got, `class=`) {
		t.Errorf("got %s, want no attribute but an id", got)
	}
	if probs.Errors() != 0 {
		t.Errorf("got %v, want the link to #bail to land", probs)
	}
}

func TestFrontMatterIsPlainText(t *testing.T) {
	var probs problem.List
	Parse("a.ru.md", []byte("---\ntitle: A\nrights:\n  - \"You learn of any [appeals](../help/words.md#appeal).\"\n---\nText.\n"), &probs)
	if probs.Errors() != 1 || !strings.HasPrefix(probs[0].String(), "a.ru.md:3: rights is plain text") {
		t.Errorf("got %v, want one problem at the rights key", probs)
	}
}
