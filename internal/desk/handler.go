package desk

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"

	"victimsite/internal/leaflet"
)

// route is what the desk does for one path: its name in the log and the
// methods it answers.
type route struct {
	name  string
	serve http.HandlerFunc
}

// The routes. A path that is not one of these is logged as "(other)", so
// that nothing typed into the address bar reaches the log.
const (
	routeForm    = "/"
	routeLeaflet = "/leaflet"
	routeAssets  = "/assets/"
)

// route picks the route for a request.
func (d *Desk) route(r *http.Request) route {
	p := r.URL.Path
	switch {
	case p == routeForm:
		return route{routeForm, only(d.showForm, http.MethodGet, http.MethodHead)}
	case p == routeLeaflet:
		return route{routeLeaflet, only(d.makeLeaflet, http.MethodPost)}
	case strings.HasPrefix(p, routeAssets):
		if data, ctype, ok := d.asset(strings.TrimPrefix(p, routeAssets)); ok {
			return route{p, only(serveBytes(data, ctype), http.MethodGet, http.MethodHead)}
		}
	}
	return route{"(other)", d.notFound}
}

// only answers the methods given and refuses the others with 405. A GET
// of /leaflet is refused like this: a link can never make a leaflet.
func only(h http.HandlerFunc, methods ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for _, m := range methods {
			if r.Method == m {
				h(w, r)
				return
			}
		}
		w.Header().Set("Allow", strings.Join(methods, ", "))
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusMethodNotAllowed)
		fmt.Fprintf(w, "This address answers %s only. Open the form at / to make a leaflet.\n", strings.Join(methods, " and "))
	}
}

func (d *Desk) notFound(w http.ResponseWriter, r *http.Request) {
	d.message(w, http.StatusNotFound, "Page not found", "The desk has one page: the form that makes a leaflet.")
}

// asset returns a file the pages use: the site's stylesheet and the
// desk's own stylesheet and script.
func (d *Desk) asset(name string) ([]byte, string, bool) {
	switch name {
	case "site.css":
		return d.siteCSS, "text/css; charset=utf-8", true
	case "desk.css", "desk.js":
		data, err := files.ReadFile(path.Join("assets", name))
		ctype := "text/css; charset=utf-8"
		if path.Ext(name) == ".js" {
			ctype = "text/javascript; charset=utf-8"
		}
		return data, ctype, err == nil
	}
	return nil, "", false
}

func serveBytes(data []byte, ctype string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Length", fmt.Sprint(len(data)))
		if r.Method != http.MethodHead {
			w.Write(data)
		}
	}
}

// showForm shows the empty form. A query string is ignored: the form is
// never filled in from a link, so victims' details never sit in a URL or
// in the browser's history.
func (d *Desk) showForm(w http.ResponseWriter, r *http.Request) {
	values := map[string]string{leaflet.FieldReported: d.now().Format("2006-01-02")}
	d.page(w, http.StatusOK, "form", d.formPage(w, r, values))
}

func (d *Desk) formPage(w http.ResponseWriter, r *http.Request, values map[string]string) *formPage {
	return &formPage{
		Site: d.src.Config.Name, Force: d.src.Config.Force,
		Token:   d.guard.token(d.guard.session(w, r)),
		Values:  values,
		choices: d.choices,
	}
}

// makeLeaflet makes the leaflet or the reminders the form describes, or
// shows the form again with its problems.
func (d *Desk) makeLeaflet(w http.ResponseWriter, r *http.Request) {
	form, ok := d.readForm(w, r)
	if !ok {
		return
	}
	details, errs := d.check(form.Values)
	if len(errs) > 0 {
		p := d.formPage(w, r, form.Values)
		p.Errors = errs
		d.page(w, http.StatusUnprocessableEntity, "form", p)
		return
	}
	base := leaflet.FileBase(details.CrimeRef)
	if form.Action == actionICS {
		download(w, "text/calendar; charset=utf-8", base+".ics", leaflet.Calendar(details, d.now()))
		return
	}
	pdf, err := d.render(r, details)
	if err != nil {
		p := d.formPage(w, r, form.Values)
		p.Errors = problems(form.Values, err)
		status := http.StatusUnprocessableEntity
		if len(p.Errors) == 0 {
			p.Problem = "The leaflet could not be made: " + err.Error()
			status = http.StatusInternalServerError
		}
		d.page(w, status, "form", p)
		return
	}
	download(w, "application/pdf", base+".pdf", pdf)
}

// readForm reads and decodes a POST of the form and checks its token,
// answering with a page that says why when it cannot be used.
func (d *Desk) readForm(w http.ResponseWriter, r *http.Request) (Form, bool) {
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/x-www-form-urlencoded" {
		d.message(w, http.StatusUnsupportedMediaType, "The form could not be read",
			"Nothing was made. Send the details from the form on this desk.")
		return Form{}, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		d.message(w, http.StatusRequestEntityTooLarge, "Too much was sent",
			fmt.Sprintf("The details sent were more than %d KB, far more than the form holds, so nothing was made.", MaxBody>>10),
			"Go back to the form, check what was pasted into it, and try again.")
		return Form{}, false
	case err != nil:
		d.message(w, http.StatusBadRequest, "The form could not be read", "Nothing was made. Try again.")
		return Form{}, false
	}
	form, err := Decode(string(body))
	if err != nil {
		d.message(w, http.StatusBadRequest, "The form could not be read",
			"Nothing was made: "+strings.TrimPrefix(err.Error(), errForm.Error()+": ")+".",
			"Open the form again from this desk and fill it in.")
		return Form{}, false
	}
	if err := d.guard.check(r, form.Token); err != nil {
		d.message(w, http.StatusForbidden, "Nothing was made",
			"The form did not come from this desk, or it was opened more than 12 hours ago or before the desk was restarted.",
			"Open the form again, fill it in and press the button once more.")
		return Form{}, false
	}
	return form, true
}

// check parses and validates the details as the leaflet command does.
func (d *Desk) check(values map[string]string) (leaflet.Details, []fieldError) {
	details, err := d.r.Read(values, d.now())
	return details, problems(values, err)
}

// render makes the PDF once a slot is free, giving up if the officer's
// browser gives up first.
func (d *Desk) render(r *http.Request, details leaflet.Details) ([]byte, error) {
	select {
	case d.renders <- struct{}{}:
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
	defer func() { <-d.renders }()
	return d.r.Render(details)
}

// download sends a file to be saved, named after the crime reference
// (which the log never sees).
func download(w http.ResponseWriter, ctype, name string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(http.StatusOK)
	w.Write(data)
}
