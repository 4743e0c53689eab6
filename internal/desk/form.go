package desk

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"unicode/utf8"

	"victimsite/internal/leaflet"
)

// The form's own fields, beside the leaflet's: the button pressed and the
// token that proves the form came from this desk.
const (
	fieldAction = "action"
	fieldToken  = "csrf"
)

// The buttons of the form, the values of its action field.
const (
	actionPDF = "pdf" // download the leaflet
	actionICS = "ics" // download the officer's reminders of the contact promise
)

// Form is one submission of the desk's form.
type Form struct {
	Values map[string]string // the leaflet's fields by name, what leaflet.Parse reads
	Action string            // actionPDF or actionICS
	Token  string            // the CSRF token from the hidden field
}

// errForm is the one thing a person is told about a body that no page of
// this desk could have sent; the detail is in the wrapped error.
var errForm = errors.New("the form could not be read")

// Decode reads a form body, application/x-www-form-urlencoded as a
// browser sends it. A body that no copy of the desk's form could have
// sent is an error wrapping errForm: a field the leaflet does not have, a
// field given twice, text that is not UTF-8 or an unknown button. A field
// left empty is kept, empty, for leaflet.Parse to report.
func Decode(body string) (Form, error) {
	q, err := url.ParseQuery(body)
	if err != nil {
		return Form{}, fmt.Errorf("%w: %v", errForm, err)
	}
	f := Form{Values: map[string]string{}, Action: actionPDF}
	for k, vs := range q {
		if len(vs) != 1 {
			return Form{}, fmt.Errorf("%w: the field %q comes %d times", errForm, k, len(vs))
		}
		v := vs[0]
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			return Form{}, fmt.Errorf("%w: a field is not UTF-8 text", errForm)
		}
		switch {
		case k == fieldToken:
			f.Token = v
		case k == fieldAction:
			if v != actionPDF && v != actionICS {
				return Form{}, fmt.Errorf("%w: no button is called %q", errForm, v)
			}
			f.Action = v
		case slices.Contains(leaflet.Fields, k):
			f.Values[k] = v
		default:
			return Form{}, fmt.Errorf("%w: the form has no field %q", errForm, k)
		}
	}
	return f, nil
}

// Encode returns the body a browser would send for f: the inverse of
// Decode, which the tests use.
func (f Form) Encode() string {
	q := url.Values{}
	for k, v := range f.Values {
		q.Set(k, v)
	}
	if f.Token != "" {
		q.Set(fieldToken, f.Token)
	}
	if f.Action != "" {
		q.Set(fieldAction, f.Action)
	}
	return q.Encode()
}
