// Package desk serves the officers' desk: one accessible web form that
// makes the same personalised leaflet as `victimsite leaflet`, and the
// officer's calendar reminders of the contact promise, as downloads.
//
// Data enters as a POST of the form (field names are the leaflet
// command's flags without the dash), is decoded by Decode, checked by
// leaflet.Parse and Renderer.Validate exactly as the command checks it,
// and leaves as a PDF or an .ics file in the response, or as the form
// again, with what was typed kept and each problem shown beside its field
// and in an error summary at the top (the GOV.UK form patterns).
//
// The desk is stateless and forgets everyone in a leaflet: it stores,
// caches and logs nothing about them. Every response says Cache-Control:
// no-store; a log line holds the method, the route, the status and the
// duration, never a value or a query. Only the officer's own details may
// be kept, and only in their browser (localStorage), when they tick
// "Remember my details on this device"; the script that does it never
// reads a field about the victim.
//
// A page elsewhere cannot make an officer's browser generate leaflets:
// leaflets are made only by a POST whose hidden token was signed, with a
// key made when the process starts, for that browser's session cookie
// (SameSite=Strict), and that the browser marks as sent from this site.
// Responses carry a Content-Security-Policy that allows scripts, styles
// and form submissions from the desk alone and forbids framing.
//
// The form's words are English: it is for officers. The languages it
// offers for the leaflet are listed by their own names, from site.toml.
package desk

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"time"

	"victimsite/internal/leaflet"
)

//go:embed templates/*.html assets/*
var files embed.FS

// MaxBody is the largest form body the desk reads. The form's fields
// together are well under 2 KB; anything far bigger did not come from it.
const MaxBody = 64 << 10

// Options configure a Desk.
type Options struct {
	// Source is the site the leaflets come from: its languages and crime
	// pages make the form's choices.
	Source leaflet.Source
	// Renderer makes the leaflets. It is shared by every request, so fonts
	// are cut once; New makes one from Source when it is nil.
	Renderer *leaflet.Renderer
	// SiteCSS is the site's stylesheet, served as /assets/site.css so the
	// form looks like the site. The desk's own stylesheet goes on top.
	SiteCSS []byte
	// Log gets one line per request: method, route, status, duration. Nil
	// logs nothing.
	Log io.Writer
	// Now is the clock, for the form's default "date reported" and the
	// tokens' expiry; nil means time.Now.
	Now func() time.Time
}

// Desk is the officers' desk as an http.Handler. It is safe for
// concurrent use.
type Desk struct {
	src     leaflet.Source
	r       *leaflet.Renderer
	pages   *template.Template
	guard   *guard
	log     *log.Logger
	now     func() time.Time
	siteCSS []byte
	choices map[string][]choice
	// renders holds a slot for each leaflet being made: as many as there
	// are CPUs, so that a burst of requests queues rather than holding
	// the memory of hundreds of half-made PDFs at once.
	renders chan struct{}
}

// New returns the desk for a site.
func New(opts Options) (*Desk, error) {
	if opts.Source.Config == nil || opts.Source.Content == nil {
		return nil, errors.New("desk: the site is not loaded")
	}
	r := opts.Renderer
	if r == nil {
		var err error
		if r, err = leaflet.New(opts.Source); err != nil {
			return nil, err
		}
	}
	pages, err := template.ParseFS(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	d := &Desk{
		src: opts.Source, r: r, pages: pages, guard: newGuard(now), log: log.New(logw, "", 0),
		now: now, siteCSS: opts.SiteCSS, renders: make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
	d.choices = map[string][]choice{
		leaflet.FieldLang:          d.languages(),
		leaflet.FieldCrime:         d.crimes(),
		leaflet.FieldPromiseMethod: methods(),
	}
	return d, nil
}

// languages are the site's languages by their own names, in site.toml's
// order, each marked with its language so a screen reader says it right.
func (d *Desk) languages() []choice {
	out := []choice{{Label: "Choose a language"}}
	for _, l := range d.src.Config.Languages {
		out = append(out, choice{Value: l.Code, Label: l.Endonym, Lang: l.Code, Dir: l.Dir})
	}
	return out
}

// crimes are the site's crime pages by their English titles, A to Z.
func (d *Desk) crimes() []choice {
	var out []choice
	for _, slug := range d.r.Crimes() {
		title := slug
		if p := d.src.Content.Get(leaflet.CrimePage(slug), d.src.Content.Source()); p != nil && p.Title != "" {
			title = p.Title
		}
		out = append(out, choice{Value: slug, Label: title, Discreet: leaflet.SuggestsDiscreet(slug)})
	}
	slices.SortFunc(out, func(a, b choice) int { return strings.Compare(a.Label, b.Label) })
	return append([]choice{{Label: "Choose a crime"}}, out...)
}

func methods() []choice {
	var out []choice
	for _, m := range leaflet.Methods {
		label := methodLabels[m]
		if label == "" {
			label = m
		}
		out = append(out, choice{Value: m, Label: label})
	}
	return out
}

// ServeHTTP answers one request, with the desk's headers on every
// response and one log line after it.
func (d *Desk) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	route := d.route(r)
	defer func() {
		d.log.Printf("%s %s %d %s", logMethod(r.Method), route.name, rec.status, time.Since(start).Round(time.Microsecond))
	}()
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if v == http.ErrAbortHandler {
			panic(v)
		}
		// The panic's value may quote what was typed: it is not logged.
		rec.status = http.StatusInternalServerError
		if !rec.wrote {
			d.message(rec, http.StatusInternalServerError, "Something went wrong",
				"The desk could not finish, and nothing was kept. Try again; if it happens again, tell whoever looks after the desk.")
		}
	}()
	setHeaders(rec.Header())
	route.serve(rec, r)
}

// setHeaders sets the headers every response carries.
func setHeaders(h http.Header) {
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
}

// logMethod is the method as logged: one of the standard ones, or OTHER,
// so a log line holds nothing a client chose freely.
func logMethod(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return m
	}
	return "OTHER"
}

// recorder remembers the status of a response for the log.
type recorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

// page renders a template into memory first, so a failure is a clean 500
// rather than half a page.
func (d *Desk) page(w http.ResponseWriter, status int, name string, data any) {
	var b bytes.Buffer
	if err := d.pages.ExecuteTemplate(&b, name, data); err != nil {
		status = http.StatusInternalServerError
		b.Reset()
		fmt.Fprintf(&b, "The desk could not show this page: %v", err)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	} else {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	w.Header().Set("Content-Length", fmt.Sprint(b.Len()))
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// messagePage is a page that says one thing and leads back to the form.
type messagePage struct {
	Site, Force string
	Title       string
	Lines       []string
}

func (d *Desk) message(w http.ResponseWriter, status int, title string, lines ...string) {
	d.page(w, status, "message", messagePage{Site: d.src.Config.Name, Force: d.src.Config.Force, Title: title, Lines: lines})
}
