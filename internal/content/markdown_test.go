package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"victimsite/internal/problem"
)

// renderOne renders body as the page content/crime/a.<lang>.md of the
// test site, whose only phone number is 101.
func renderOne(t *testing.T, lang, body string) (string, *Page, problem.List) {
	t.Helper()
	fsys := fstest.MapFS{
		"content/_index.en.md":       {Data: []byte("---\ntitle: Home\n---\n")},
		"content/crime/_index.en.md": {Data: []byte("---\ntitle: Crime\n---\n")},
		"content/crime/a.en.md":      {Data: []byte("---\ntitle: A\n---\n" + body)},
	}
	if lang != "en" {
		// The English page differs, as a translation still in English is an error.
		fsys["content/crime/a.en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\nThe English text.\n")}
		fsys["content/crime/a."+lang+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: A (" + lang + ")\n---\n" + body)}
	}
	set, probs := Load(fsys, testConfig(t))
	p := set.Get("crime/a", lang)
	if p == nil {
		t.Fatalf("no page in %s: %v", lang, probs)
	}
	return strings.TrimSpace(string(p.HTML)), p, probs
}

func TestMarkdownExtensions(t *testing.T) {
	tests := []struct {
		name, lang, md, want string
	}{
		{"a span in English inside Arabic", "ar", "اتصل بـ [Victim Lincs]{lang=en} الآن",
			`<p>اتصل بـ <span lang="en" dir="ltr">Victim Lincs</span> الآن</p>`},
		{"a span in English inside English needs no direction", "en", "Call [Victim Lincs]{lang=en}.",
			`<p>Call <span lang="en">Victim Lincs</span>.</p>`},
		{"a span in a language the site does not declare", "en", "[Croeso]{lang=cy}",
			`<p><span lang="cy" dir="auto">Croeso</span></p>`},
		{"a link in English", "ar", "[Victim Lincs](https://www.victimlincs.co.uk/){lang=en}",
			`<p><a href="https://www.victimlincs.co.uk/" lang="en" dir="ltr">Victim Lincs</a></p>`},
		{"an autolink in English", "ar", "<https://www.victimlincs.co.uk/>{lang=en}",
			`<p><a href="https://www.victimlincs.co.uk/" lang="en" dir="ltr" class="url">https://www.victimlincs.co.uk/</a></p>`},
		{"a span inside a link", "en", "[see [Victim Lincs]{lang=en}](https://x.example/)",
			`<p><a href="https://x.example/">see <span lang="en">Victim Lincs</span></a></p>`},
		{"brackets that are not a span", "en", "[not a span] and [a link](https://x.example/)",
			`<p>[not a span] and <a href="https://x.example/">a link</a></p>`},
		{"a space before the mark", "en", "[a link](https://x.example/) {lang=en}",
			`<p><a href="https://x.example/">a link</a> {lang=en}</p>`},
		{"a phone number", "en", "Call 101 now.",
			`<p>Call <a href="tel:101" dir="ltr">101</a> now.</p>`},
		{"a phone number in Arabic", "ar", "اتصل بالرقم 101.",
			`<p>اتصل بالرقم <a href="tel:101" dir="ltr">101</a>.</p>`},
		{"a phone number in a list, twice", "en", "- 101 or 101\n",
			"<ul>\n<li><a href=\"tel:101\" dir=\"ltr\">101</a> or <a href=\"tel:101\" dir=\"ltr\">101</a></li>\n</ul>"},
		{"a phone number already a link", "en", "[call 101](tel:101)",
			`<p><a href="tel:101">call 101</a></p>`},
		{"a phone number in code", "en", "`101`",
			`<p><code>101</code></p>`},
		{"a number that is not a contact", "en", "Within 1010 days.",
			`<p>Within 1010 days.</p>`},
		{"a phone number at a line break", "en", "call\n101\nnow",
			"<p>call\n<a href=\"tel:101\" dir=\"ltr\">101</a>\nnow</p>"},
		{"a phone number in a span", "en", "[101 Police]{lang=en}",
			`<p><span lang="en"><a href="tel:101" dir="ltr">101</a> Police</span></p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, probs := renderOne(t, tt.lang, tt.md)
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if probs.Errors() > 0 {
				t.Errorf("got problems: %v", probs)
			}
		})
	}
}

func TestLangMarkShownAsTextIsReported(t *testing.T) {
	_, _, probs := renderOne(t, "en", "Intro.\n\n[a link](https://x.example/) {lang=en}\n")
	if got := fmt.Sprint(probs); !strings.Contains(got, "content/crime/a.en.md:6: warning: {lang=...} is shown as text") {
		t.Errorf("got %q, want a warning on line 6", got)
	}
	_, _, probs = renderOne(t, "en", "`{lang=en}` is how to mark a span.\n")
	if len(probs) != 0 {
		t.Errorf("a mark in code is reported: %v", probs)
	}
}

func TestHeadings(t *testing.T) {
	_, p, _ := renderOne(t, "en", "## What it is\n\nText.\n\n### Detail\n\n## Call *101* [now]{lang=en}\n\n## What it is\n")
	got := fmt.Sprint(p.Headings)
	want := "[{what-it-is What it is} {call-101-now Call 101 now} {what-it-is-2 What it is}]"
	if got != want {
		t.Errorf("got headings %s, want %s", got, want)
	}
}

func TestSteps(t *testing.T) {
	page := func(step string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: A\nstep: " + step + "\n---\n")}
	}
	tests := []struct {
		name  string
		files map[string]*fstest.MapFile
		want  []string // problems, or nil
	}{
		{"numbered from 1", map[string]*fstest.MapFile{"content/s/a.en.md": page("1"), "content/s/b.en.md": page("2"), "content/s/c.en.md": page("0")}, nil},
		{"a repeat", map[string]*fstest.MapFile{"content/s/a.en.md": page("1"), "content/s/b.en.md": page("1")},
			[]string{"content/s/b.en.md:3: step 1 is also the step of content/s/a.en.md"}},
		{"a gap", map[string]*fstest.MapFile{"content/s/a.en.md": page("1"), "content/s/b.en.md": page("3"), "content/s/c.en.md": page("4")},
			[]string{"content/s/b.en.md:3: this is step 3, but the step before it is 1"}},
		{"not from 1", map[string]*fstest.MapFile{"content/s/a.en.md": page("2")},
			[]string{"content/s/a.en.md:3: this is step 2, but the step before it is 0"}},
		{"on a section", map[string]*fstest.MapFile{"content/s/_index.en.md": page("1")},
			[]string{"content/s/_index.en.md:3: step must be a number from 1"}},
		{"negative", map[string]*fstest.MapFile{"content/s/a.en.md": page("-1")},
			[]string{"content/s/a.en.md:3: step must be a number from 1"}},
		{"in a translation", map[string]*fstest.MapFile{"content/s/a.en.md": page("1"), "content/s/a.ar.md": page("1")},
			[]string{"content/s/a.ar.md:3: warning: step is taken from the English page"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"content/_index.en.md":   {Data: []byte("---\ntitle: Home\n---\n")},
				"content/s/_index.en.md": {Data: []byte("---\ntitle: S\n---\n")},
			}
			for name, f := range tt.files {
				fsys[name] = f
			}
			_, probs := Load(fsys, testConfig(t))
			var got []string
			for _, p := range probs {
				if strings.Contains(p.String(), "step") {
					got = append(got, p.String())
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("got %q, want it to start %q", got[i], tt.want[i])
				}
			}
		})
	}
}

// TestCacheRendersAgainWhenPhonesChange: a page's tel: links come from
// site.toml, so a cached page is rendered again when the numbers change.
func TestCacheRendersAgainWhenPhonesChange(t *testing.T) {
	fsys := fstest.MapFS{"content/_index.en.md": {Data: []byte("---\ntitle: Home\n---\nCall 101 or 111.\n")}}
	cfg := testConfig(t)
	var c Cache
	set, _ := c.Load(fsys, cfg)
	if got := string(set.Get("", "en").HTML); strings.Contains(got, "tel:111") || !strings.Contains(got, "tel:101") {
		t.Fatalf("got %s, want 101 linked and 111 not", got)
	}
	cfg.Contacts[0].Phone = "111"
	set, _ = c.Load(fsys, cfg)
	if got := string(set.Get("", "en").HTML); !strings.Contains(got, "tel:111") || strings.Contains(got, "tel:101") {
		t.Errorf("after the number changed in site.toml, got %s, want 111 linked and 101 not", got)
	}
}

// FuzzMarkdown renders any text as a page and checks that it does not
// crash and that every tel: link is a known number.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"[Victim Lincs]{lang=en}", "[a](b){lang=en}", "call 101", "[101]{lang=ar}", "[x]{lang=", "{lang=en}", "[[a]{lang=en}](x)"} {
		f.Add(s)
	}
	cfg := testConfig(f)
	f.Fuzz(func(t *testing.T, body string) {
		fsys := fstest.MapFS{"content/_index.en.md": {Data: []byte("---\ntitle: Home\n---\n" + body)}}
		set, _ := Load(fsys, cfg)
		p := set.Get("", "en")
		if p == nil {
			return
		}
		html := string(p.HTML)
		for rest := html; ; {
			i := strings.Index(rest, `href="tel:`)
			if i < 0 {
				break
			}
			rest = rest[i+len(`href="tel:`):]
			if !strings.HasPrefix(rest, `101"`) {
				t.Fatalf("a tel: link to an unknown number in %q", html)
			}
		}
	})
}
