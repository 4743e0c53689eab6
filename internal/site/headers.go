package site

import (
	"net/http"
	"slices"
	"strings"
)

// ContentPolicy is the Content-Security-Policy of every page: scripts,
// styles, pictures and fonts come from the site itself, and nothing from
// anywhere else. Pages also carry it in a meta element, for hosts that
// send no headers.
const ContentPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'"

// The caching a response asks for: pages are checked with the server
// each time, so a corrected phone number shows at once; assets, whose
// names change with their content, are kept for a year.
const (
	CachePage  = "no-cache"
	CacheAsset = "public, max-age=31536000, immutable"
)

// A HeaderRule gives the response headers for the paths that match Path:
// one path, or every path that starts with what comes before a final *.
type HeaderRule struct {
	Path    string
	Headers []Header
}

// A Header is one response header.
type Header struct{ Name, Value string }

// Matches reports whether the rule applies to the URL path p.
func (r HeaderRule) Matches(p string) bool {
	if prefix, ok := strings.CutSuffix(r.Path, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	return p == r.Path
}

// HeaderRules are the rules for the headers of a published site. No two
// rules that match the same path set the same header, so hosts that add
// up matching rules (Cloudflare Pages) and hosts that let the later one
// win (Netlify) send the same.
type HeaderRules []HeaderRule

// For returns the headers for the URL path p.
func (rules HeaderRules) For(p string) http.Header {
	h := http.Header{}
	for _, r := range rules {
		if r.Matches(p) {
			for _, hd := range r.Headers {
				h.Set(hd.Name, hd.Value)
			}
		}
	}
	return h
}

// securityHeaders go with every response.
var securityHeaders = []Header{
	{"Strict-Transport-Security", "max-age=63072000; includeSubDomains"},
	{"Content-Security-Policy", ContentPolicy + "; frame-ancestors 'none'"},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"},
}

// HeaderRules returns the rules for the headers of the site's files:
// the security headers for everything, a year's caching for assets, and
// no-cache for each language's folder and each file at the root.
func (s *Site) HeaderRules(files Files) HeaderRules {
	var root []string
	for p := range files {
		if !strings.Contains(p, "/") {
			root = append(root, p)
		}
	}
	return s.headerRules(root)
}

// headerRules are HeaderRules for a site with the given files at its root.
func (s *Site) headerRules(root []string) HeaderRules {
	rules := HeaderRules{
		{Path: "/*", Headers: securityHeaders},
		{Path: "/assets/*", Headers: []Header{{"Cache-Control", CacheAsset}}},
		{Path: "/", Headers: []Header{{"Cache-Control", CachePage}}},
	}
	root = slices.DeleteFunc(slices.Clone(root), func(p string) bool { return p == "_headers" })
	slices.Sort(root)
	for _, p := range slices.Compact(root) {
		rules = append(rules, HeaderRule{Path: "/" + p, Headers: []Header{{"Cache-Control", CachePage}}})
	}
	for _, l := range s.Config.Languages {
		rules = append(rules, HeaderRule{Path: "/" + l.Code + "/*", Headers: []Header{{"Cache-Control", CachePage}}})
	}
	return rules
}

// File returns the rules as a _headers file, which Netlify and
// Cloudflare Pages read from the root of the published folder.
func (rules HeaderRules) File() []byte {
	var b strings.Builder
	b.WriteString("# Response headers, for hosts that read this file (Netlify, Cloudflare Pages).\n")
	b.WriteString("# Written by victimsite build; deploy/ has the same for nginx and Caddy.\n")
	for _, r := range rules {
		b.WriteString("\n" + r.Path + "\n")
		for _, h := range r.Headers {
			b.WriteString("  " + h.Name + ": " + h.Value + "\n")
		}
	}
	return []byte(b.String())
}
