package desk

import (
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"victimsite/internal/leaflet"
)

func TestQuestionsCoverEveryField(t *testing.T) {
	for _, f := range leaflet.Fields {
		q, ok := questions[f]
		if !ok || q.Label == "" || q.Noun == "" {
			t.Errorf("leaflet field %q has no question with a label and a noun", f)
		}
		if !slices.Contains(order, f) {
			t.Errorf("leaflet field %q has no place in the form's order", f)
		}
	}
	for _, f := range leaflet.Required {
		if questions[f].Empty == "" {
			t.Errorf("required field %q has no message for when it is left empty", f)
		}
	}
	if got, want := len(order), len(leaflet.Fields); got != want {
		t.Errorf("the form orders %d fields, want the leaflet's %d", got, want)
	}
	for _, m := range leaflet.Methods {
		if methodLabels[m] == "" {
			t.Errorf("the way of keeping in touch %q has no label", m)
		}
	}
}

func TestForm(t *testing.T) {
	srv := startDesk(t, newDesk(t, nil, nil))
	resp, err := http.Get(srv.URL + "/?victim-name=Anna+Kowalska&crime-ref=LP-999")
	if err != nil {
		t.Fatal(err)
	}
	page := readAll(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /: status %d, want 200", resp.StatusCode)
	}
	for _, f := range leaflet.Fields {
		if !strings.Contains(page, `name="`+f+`"`) {
			t.Errorf("the form has no field named %q", f)
		}
		if !strings.Contains(page, `for="`+f+`"`) && f != leaflet.FieldPromiseMethod {
			t.Errorf("the field %q has no label", f)
		}
	}
	if strings.Contains(page, "Anna") || strings.Contains(page, "LP-999") {
		t.Error("the form was filled in from the query string; victims' details must never travel in a URL")
	}
	if v, _ := formValue(page, "reported"); v != "2026-11-23" {
		t.Errorf("date reported defaults to %q, want today, 2026-11-23", v)
	}
	src, _ := testSite(t)
	for _, l := range src.Config.Languages {
		opt := fmt.Sprintf(`<option value="%s" lang="%s" dir="%s">%s</option>`, l.Code, l.Code, l.Dir, l.Endonym)
		if !strings.Contains(page, opt) {
			t.Errorf("the language choice lacks %s", opt)
		}
	}
	if !strings.Contains(page, `<option value="burglary">Burglary</option>`) {
		t.Error("the crime choice lacks Burglary")
	}
	var session *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == cookieName {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteStrictMode || session.MaxAge != 0 || !session.Expires.IsZero() {
		t.Errorf("session cookie is %+v, want an HttpOnly, SameSite=Strict cookie that ends with the browser session", session)
	}
}

// TestHeaders checks the headers that every kind of response carries.
func TestHeaders(t *testing.T) {
	srv := startDesk(t, newDesk(t, nil, nil))
	o := newOfficer(t, srv.URL)
	want := map[string]string{
		"Cache-Control":           "no-store",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"X-Frame-Options":         "DENY",
		"Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
	}
	responses := map[string]func() *http.Response{
		"form":       func() *http.Response { r, _ := o.get("/"); return r },
		"script":     func() *http.Response { r, _ := o.get("/assets/desk.js"); return r },
		"site style": func() *http.Response { r, _ := o.get("/assets/site.css"); return r },
		"not found":  func() *http.Response { r, _ := o.get("/nothing"); return r },
		"wrong verb": func() *http.Response { r, _ := o.get("/leaflet"); return r },
		"leaflet":    func() *http.Response { r, _ := o.post(sample(), actionPDF); return r },
		"reminders":  func() *http.Response { r, _ := o.post(sample(), actionICS); return r },
		"errors":     func() *http.Response { r, _ := o.post(map[string]string{}, actionPDF); return r },
		"no token":   func() *http.Response { r, _ := o.send("lang=pl", nil); return r },
		"unreadable": func() *http.Response { r, _ := o.send("lang=%zz&csrf="+o.token, nil); return r },
		"too large":  func() *http.Response { r, _ := o.send(strings.Repeat("a", MaxBody+1), nil); return r },
		"not a form": func() *http.Response {
			r, _ := o.send("{}", func(r *http.Request) { r.Header.Set("Content-Type", "application/json") })
			return r
		},
	}
	for name, get := range responses {
		t.Run(name, func(t *testing.T) {
			o.t = t
			resp := get()
			for h, v := range want {
				if got := resp.Header.Get(h); got != v {
					t.Errorf("%s: got %q, want %q", h, got, v)
				}
			}
		})
	}
}

func TestDownloads(t *testing.T) {
	srv := startDesk(t, newDesk(t, nil, nil))
	o := newOfficer(t, srv.URL)

	resp, body := o.post(sample(), actionPDF)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("leaflet: status %d, type %q, starts %.20q; want 200, a PDF", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	if got, want := resp.Header.Get("Content-Disposition"), `attachment; filename="LP-12345-26.pdf"`; got != want {
		t.Errorf("leaflet: Content-Disposition %q, want %q", got, want)
	}
	text := pdfText(t, []byte(body))
	for _, want := range []string{"Jane Smith", "LP-12345-26", "01522 000000", "Anna Kowalska"} {
		if !strings.Contains(text, want) {
			t.Errorf("the leaflet's text lacks %q", want)
		}
	}

	resp, body = o.post(sample(), actionICS)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("reminders: status %d, type %q; want 200, text/calendar", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if got, want := resp.Header.Get("Content-Disposition"), `attachment; filename="LP-12345-26.ics"`; got != want {
		t.Errorf("reminders: Content-Disposition %q, want %q", got, want)
	}
	if !strings.HasPrefix(body, "BEGIN:VCALENDAR\r\n") || !strings.Contains(body, "LP-12345-26") || strings.Contains(body, "Anna") {
		t.Errorf("reminders are not a calendar about LP-12345-26 without the victim's name:\n%s", body)
	}
}

// TestNoLeafletWithoutToken: a page elsewhere cannot make an officer's
// browser generate leaflets, whatever it sends.
func TestNoLeafletWithoutToken(t *testing.T) {
	var skew atomic.Int64 // how far the desk's clock is ahead of today
	srv := startDesk(t, newDesk(t, nil, func() time.Time { return today.Add(time.Duration(skew.Load())) }))
	o := newOfficer(t, srv.URL)
	other := newOfficer(t, srv.URL)
	form := func(token string) string { return Form{Values: sample(), Token: token, Action: actionPDF}.Encode() }
	forged := strings.Split(o.token, ".")[0] + ".AAAA"
	tests := []struct {
		name string
		from *officer
		body string
		edit func(*http.Request)
		skew time.Duration
	}{
		{"no token", o, Form{Values: sample()}.Encode(), nil, 0},
		{"forged token", o, form(forged), nil, 0},
		{"another browser's token", o, form(other.token), nil, 0},
		{"no session cookie", &officer{t: t, url: srv.URL, client: http.DefaultClient}, form(o.token), nil, 0},
		{"expired token", o, form(o.token), nil, tokenTTL + time.Minute},
		{"sent from another site", o, form(o.token), func(r *http.Request) { r.Header.Set("Sec-Fetch-Site", "cross-site") }, 0},
		{"other origin", o, form(o.token), func(r *http.Request) { r.Header.Set("Origin", "https://evil.example") }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			skew.Store(int64(tt.skew))
			defer skew.Store(0)
			tt.from.t = t
			resp, body := tt.from.send(tt.body, tt.edit)
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("status %d, want 403", resp.StatusCode)
			}
			if strings.HasPrefix(body, "%PDF") || strings.Contains(body, "Jane Smith") || !strings.Contains(body, "Nothing was made") {
				t.Errorf("the refusal is not a page that says nothing was made and echoes nothing:\n%s", body)
			}
		})
	}
	t.Run("the same form, from the page", func(t *testing.T) {
		o.t = t
		if resp, _ := o.post(sample(), actionPDF); resp.StatusCode != http.StatusOK {
			t.Errorf("status %d, want 200", resp.StatusCode)
		}
	})
}

func TestGetMakesNothing(t *testing.T) {
	srv := startDesk(t, newDesk(t, nil, nil))
	o := newOfficer(t, srv.URL)
	q := strings.TrimPrefix(Form{Values: sample(), Token: o.token, Action: actionPDF}.Encode(), "")
	for _, method := range []string{http.MethodGet, http.MethodHead, http.MethodPut} {
		req, _ := http.NewRequest(method, srv.URL+"/leaflet?"+q, nil)
		resp, err := o.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body := readAll(t, resp)
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "POST" || strings.HasPrefix(body, "%PDF") {
			t.Errorf("%s /leaflet: status %d, Allow %q; want 405, POST, and no leaflet", method, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
}

func TestErrorsInTheForm(t *testing.T) {
	srv := startDesk(t, newDesk(t, nil, nil))
	o := newOfficer(t, srv.URL)
	tests := []struct {
		name   string
		change map[string]string
		want   map[string]string // field -> a piece of its message
	}{
		{"empty and malformed", map[string]string{"crime-ref": "", "officer-email": "jane at lincs"},
			map[string]string{"crime-ref": "Enter the crime reference number", "officer-email": "not an email address"}},
		{"everything empty", map[string]string{"lang": "", "crime": "", "crime-ref": "", "reported": "", "officer-name": "",
			"officer-rank": "", "collar": "", "officer-phone": "", "officer-email": "", "station": "", "promise-method": "", "promise-every": ""},
			map[string]string{"lang": "Choose the victim's language", "crime": "Choose the crime", "promise-method": "Choose how",
				"promise-every": "Enter how many days", "station": "Enter your police station"}},
		{"language not on this site", map[string]string{"lang": "xx"},
			map[string]string{"lang": "not a language of the site"}},
		{"crime not on this site", map[string]string{"crime": "piracy"},
			map[string]string{"crime": "no page on the site"}},
		{"dates", map[string]string{"promise-next": "2026-11-01"},
			map[string]string{"promise-next": "on or after the reported date"}},
		{"shapes", map[string]string{"collar": "ABC", "officer-phone": "call me", "promise-every": "700", "promise-method": "pigeon"},
			map[string]string{"collar": "not a collar number", "officer-phone": "not a phone number",
				"promise-every": "from 1 to 90", "promise-method": "must be one of"}},
		{"a box neither yes nor no", map[string]string{"large-print": "maybe"},
			map[string]string{"large-print": "Large print must be yes or no"}},
		{"invisible characters", map[string]string{"officer-name": "Jane\u202eSmith"},
			map[string]string{"officer-name": "invisible or control character"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o.t = t
			values := sample()
			for k, v := range tt.change {
				values[k] = v
			}
			resp, page := o.post(values, actionPDF)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", resp.StatusCode)
			}
			checkErrorPage(t, page, values, tt.want)
		})
	}
}

// checkErrorPage checks a form shown again after errors: the summary at
// the top links to each field in error, each message is beside its field
// and named by it, and everything typed is still there.
func checkErrorPage(t *testing.T, page string, values, want map[string]string) {
	t.Helper()
	if !strings.Contains(page, "<title>Error: ") {
		t.Error("the title does not start with Error:")
	}
	summary := regexp.MustCompile(`(?s)<div class="govuk-error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>(.*?)</div>`).FindStringSubmatch(page)
	if summary == nil || strings.Index(page, "govuk-error-summary") > strings.Index(page, "<h1>") {
		t.Fatalf("no focusable error summary before the heading:\n%s", page)
	}
	for field, msg := range want {
		link := regexp.MustCompile(`<li><a href="#` + regexp.QuoteMeta(field) + `">([^<]*)</a></li>`).FindStringSubmatch(summary[1])
		if link == nil || !strings.Contains(strings.ReplaceAll(link[1], "&#39;", "'"), msg) {
			t.Errorf("the summary has no link to #%s saying %q:\n%s", field, msg, summary[1])
		}
		if !strings.Contains(page, `id="`+field+`-error" class="govuk-error-message"`) {
			t.Errorf("no error message beside %s", field)
		}
		if field != leaflet.FieldPromiseMethod && !regexp.MustCompile(`id="`+regexp.QuoteMeta(field)+`"[^>]*aria-describedby="[^"]*`+regexp.QuoteMeta(field)+`-error"`).MatchString(page) {
			t.Errorf("the input %s is not described by its error", field)
		}
	}
	for field, v := range values {
		switch field {
		case "lang", "crime":
			if v != "xx" && v != "piracy" && v != "" && !regexp.MustCompile(`<option value="`+v+`"[^>]* selected>`).MatchString(page) {
				t.Errorf("the choice of %s %q was not kept", field, v)
			}
		case "promise-method":
			if v != "" && v != "pigeon" && !regexp.MustCompile(`value="`+v+`" checked`).MatchString(page) {
				t.Errorf("the way of keeping in touch %q was not kept", v)
			}
		case "bilingual", "large-print", "discreet":
			if checked(v) != strings.Contains(page, `id="`+field+`" name="`+field+`" type="checkbox" value="yes" checked`) {
				t.Errorf("the box %s was not kept as %q", field, v)
			}
		default:
			if got, ok := formValue(page, field); !ok || got != v {
				t.Errorf("%s is %q after the error, want what was typed, %q", field, got, v)
			}
		}
	}
}

func TestUnreadableForms(t *testing.T) {
	srv := startDesk(t, newDesk(t, nil, nil))
	o := newOfficer(t, srv.URL)
	withToken := func(s string) string { return s + "&csrf=" + o.token }
	tests := []struct {
		name   string
		body   string
		ctype  string
		status int
	}{
		{"too large", withToken("victim-name=" + strings.Repeat("x", MaxBody)), "", http.StatusRequestEntityTooLarge},
		{"not a form", `{"lang":"pl"}`, "application/json", http.StatusUnsupportedMediaType},
		{"broken encoding", withToken("lang=%zz"), "", http.StatusBadRequest},
		{"field twice", withToken("lang=pl&lang=ar"), "", http.StatusBadRequest},
		{"unknown field", withToken("colour=blue"), "", http.StatusBadRequest},
		{"unknown button", withToken("action=delete"), "", http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o.t = t
			resp, body := o.send(tt.body, func(r *http.Request) {
				if tt.ctype != "" {
					r.Header.Set("Content-Type", tt.ctype)
				}
			})
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if !strings.Contains(body, `<a href="/">Go to the form</a>`) {
				t.Errorf("the page does not lead back to the form:\n%s", body)
			}
		})
	}
}

// TestLogHoldsNoPersonalData sends every kind of request with personal
// details in every place a request can hold them, and reads the log.
func TestLogHoldsNoPersonalData(t *testing.T) {
	var logw syncBuffer
	srv := startDesk(t, newDesk(t, &logw, nil))
	o := newOfficer(t, srv.URL)
	values := sample()
	values["victim-name"] = "Zofia Wiśniewska"
	o.post(values, actionPDF)
	o.post(values, actionICS)
	bad := sample()
	bad["officer-email"] = "zofia.private@example"
	o.post(bad, actionPDF)
	o.send(Form{Values: values, Token: "forged.Zofia"}.Encode(), nil)
	o.get("/Zofia-Wisniewska/LP-12345-26?victim-name=Zofia")
	o.get("/?crime-ref=LP-12345-26")
	srv.Close() // waits for the handlers, so their log lines are written

	log := logw.String()
	line := regexp.MustCompile(`^(GET|POST|HEAD|OTHER) (/|/leaflet|/assets/[a-z.]+|\(other\)) [1-5][0-9]{2} [0-9.]+(µs|ms|s)$`)
	lines := strings.Split(strings.TrimSuffix(log, "\n"), "\n")
	if len(lines) != 7 {
		t.Errorf("%d log lines, want one per request, 7:\n%s", len(lines), log)
	}
	for _, l := range lines {
		if !line.MatchString(l) {
			t.Errorf("log line %q is not method, route, status, duration", l)
		}
	}
	for _, v := range append(slices.Collect(maps.Values(values)), "Zofia", "zofia.private", "LP-12345-26", "Wisniewska") {
		if v != "" && len(v) > 2 && strings.Contains(log, v) {
			t.Errorf("the log holds %q:\n%s", v, log)
		}
	}
}

// TestPanicIsAnErrorPage: a request that fails half way gets an error
// page, and the log gets its usual line and nothing of the panic.
func TestPanicIsAnErrorPage(t *testing.T) {
	var logw syncBuffer
	d := newDesk(t, &logw, nil)
	d.r = nil // the next leaflet panics
	srv := startDesk(t, d)
	o := newOfficer(t, srv.URL)
	resp, body := o.post(sample(), actionPDF)
	srv.Close() // waits for the handler, so its log line is written
	if resp.StatusCode != http.StatusInternalServerError || !strings.Contains(body, "Something went wrong") {
		t.Errorf("status %d, want 500 and a page that says something went wrong:\n%s", resp.StatusCode, body)
	}
	if !regexp.MustCompile(`(?m)^POST /leaflet 500 \S+$`).MatchString(logw.String()) || strings.Contains(logw.String(), "nil") {
		t.Errorf("log after a panic:\n%s\nwant a line POST /leaflet 500 and nothing of the panic", logw.String())
	}
}
