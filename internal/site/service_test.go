package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestAssetNames checks that each asset is published under a name that
// holds the hash of its content, that the pages link those names, and
// that the icon is also at the root, where browsers look for it.
func TestAssetNames(t *testing.T) {
	fsys := goldenSite(t)
	files := renderGolden(t)
	for _, name := range []string{"site.css", "exit.js", "favicon.ico"} {
		data := fsys["templates/assets/"+name].Data
		sum := sha256.Sum256(data)
		ext := name[strings.LastIndexByte(name, '.'):]
		want := "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
		if got, ok := files[want]; !ok || string(got) != string(data) {
			t.Errorf("%s is not published as %s", name, want)
		}
		if name != "favicon.ico" && !strings.Contains(string(files["en/crime/burglary/index.html"]), `"../../../`+want+`"`) {
			t.Errorf("the burglary page does not link %s", want)
		}
		if _, ok := files["assets/"+name]; ok {
			t.Errorf("%s is also published under its own name, which cannot be cached for a year", name)
		}
	}
	if string(files["favicon.ico"]) != string(fsys["templates/assets/favicon.ico"].Data) {
		t.Error("the icon is not at the root")
	}
	// An edit gives a new name.
	fsys["templates/assets/site.css"] = &fstest.MapFile{Data: []byte("body { color: black }")}
	again := renderSite(t, fsys)
	if _, ok := again["assets/site."+hashOf("body { color: black }")+".css"]; !ok {
		t.Error("after an edit, the stylesheet keeps its old name")
	}
	// A layout that names an asset that does not exist stops the render.
	fsys["templates/404.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<img src="{{asset "logo.png"}}" alt="">{{end}}`)}
	s, _ := Load(fsys)
	if _, err := s.Render(); err == nil || !strings.Contains(err.Error(), "there is no templates/assets/logo.png") {
		t.Errorf("got %v, want an error that names the missing asset", err)
	}
}

// TestHeaderRules checks the headers every published file gets: the
// security headers, and caching for a year for assets and no-cache for
// everything else; and that no two rules for one path set one header.
func TestHeaderRules(t *testing.T) {
	s, _ := Load(goldenSite(t))
	files, err := s.Render()
	if err != nil {
		t.Fatal(err)
	}
	rules := s.HeaderRules(files)
	if string(files["_headers"]) != string(rules.File()) {
		t.Error("_headers is not the file of the rules")
	}
	paths := []string{"/", "/en/", "/ar/crime/burglary/", "/lt/404.html", "/pl/leaflet.pdf"}
	for p := range files {
		paths = append(paths, "/"+p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		if p == "/_headers" {
			continue
		}
		h := rules.For(p)
		for _, name := range []string{"Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"} {
			if h.Get(name) == "" {
				t.Errorf("%s has no %s", p, name)
			}
		}
		if csp := h.Get("Content-Security-Policy"); !strings.HasSuffix(csp, "; frame-ancestors 'none'") || !strings.HasPrefix(csp, ContentPolicy) {
			t.Errorf("%s: Content-Security-Policy %q, want the page's policy and frame-ancestors 'none'", p, csp)
		}
		want := CachePage
		if strings.HasPrefix(p, "/assets/") {
			want = CacheAsset
		}
		if got := h.Get("Cache-Control"); got != want {
			t.Errorf("%s: Cache-Control %q, want %q", p, got, want)
		}
		seen := map[string]string{}
		for _, r := range rules {
			if !r.Matches(p) {
				continue
			}
			for _, hd := range r.Headers {
				if other, dup := seen[hd.Name]; dup {
					t.Errorf("%s: both %s and %s set %s; Cloudflare Pages would send both values", p, other, r.Path, hd.Name)
				}
				seen[hd.Name] = r.Path
			}
		}
	}
	page := string(files["en/index.html"])
	if !strings.Contains(page, `content="`+strings.ReplaceAll(ContentPolicy, "'", "&#39;")+`"`) {
		t.Error("the page's meta element does not carry ContentPolicy")
	}
}

// TestListOrder checks that lists are in alphabetical order for each
// language, after the steps of a step-by-step and as weights say.
func TestListOrder(t *testing.T) {
	tests := []struct {
		lang   string
		titles []string // in the order the pages are added
		weight []int
		step   []int
		want   string
	}{
		{"pl", []string{"Zabójstwo", "Łapówka", "Kradzież", "Oszustwo"}, nil, nil, "Kradzież Łapówka Oszustwo Zabójstwo"},
		{"lt", []string{"Žala", "Jaunimas", "Ypatinga", "Ieškinys"}, nil, nil, "Ieškinys Ypatinga Jaunimas Žala"},
		{"en", []string{"violence", "Burglary", "arson"}, nil, nil, "arson Burglary violence"},
		{"en", []string{"Theft", "Arson", "Robbery"}, []int{0, 0, -1}, nil, "Robbery Arson Theft"},
		{"en", []string{"Rights", "Court", "Report", "Appeal"}, []int{0, 0, 0, 5}, []int{0, 2, 1, 0}, "Report Court Rights Appeal"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.want, func(t *testing.T) {
			links := make([]link, len(tt.titles))
			for i, title := range tt.titles {
				links[i] = link{ID: fmt.Sprint(i), Title: title}
				if tt.weight != nil {
					links[i].weight = tt.weight[i]
				}
				if tt.step != nil {
					links[i].Step = tt.step[i]
				}
			}
			order(links, tt.lang)
			var got []string
			for _, l := range links {
				got = append(got, l.Title)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("got %q, want %q", strings.Join(got, " "), tt.want)
			}
		})
	}
}

// TestStepNavigation checks each step's number, previous and next.
func TestStepNavigation(t *testing.T) {
	files := renderGolden(t)
	for _, tt := range []struct {
		path, caption string
		prev, next    string // the href of each, or ""
	}{
		{"en/journey/report/index.html", "Step 1 of 2", "", "../../../en/journey/court/"},
		{"pl/journey/court/index.html", "Krok 2 z 2", "../../../pl/journey/report/", ""},
	} {
		page := string(files[tt.path])
		if !strings.Contains(page, `<p class="step-caption">`+tt.caption+`</p>`) {
			t.Errorf("%s does not say %q", tt.path, tt.caption)
		}
		for rel, href := range map[string]string{"prev": tt.prev, "next": tt.next} {
			m := regexp.MustCompile(`<a href="([^"]+)" rel="` + rel + `">`).FindStringSubmatch(page)
			switch {
			case href == "" && m != nil:
				t.Errorf("%s has a %s link to %s, want none", tt.path, rel, m[1])
			case href != "" && (m == nil || m[1] != href):
				t.Errorf("%s: %s link %v, want %s", tt.path, rel, m, href)
			}
		}
	}
	if page := string(files["en/journey/rights/index.html"]); strings.Contains(page, "step-caption") || strings.Contains(page, `rel="next"`) {
		t.Error("a page of the section that is not a step shows step navigation")
	}
}

// TestMessageLeavesOutPlaceholder: a translation of "In danger now? Call
// {{.Number}}" without the number would hide 999, so it stops the build.
func TestMessageLeavesOutPlaceholder(t *testing.T) {
	fsys := goldenSite(t)
	pl := string(fsys["locales/pl.toml"].Data)
	i := strings.Index(pl, "\nDangerNow = ")
	if i < 0 {
		t.Fatal("locales/pl.toml has no DangerNow")
	}
	line := strings.Count(pl[:i+1], "\n") + 1
	fsys["locales/pl.toml"] = &fstest.MapFile{Data: []byte(pl[:i] + "\nDangerNow = \"Grozi Ci niebezpieczeństwo? Zadzwoń.\"" + pl[i+1+strings.IndexByte(pl[i+1:], '\n'):])}
	s, probs := Load(fsys)
	if probs.Errors() > 0 {
		t.Fatal(probs)
	}
	_, err := s.Render()
	want := fmt.Sprintf("locales/pl.toml:%d: message \"DangerNow\" leaves out {{.Number}}", line)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want an error with %q", err, want)
	}
}
