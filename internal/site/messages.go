package site

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"victimsite/internal/locale"
	"victimsite/internal/phone"
)

// The template functions that fill in messages, beside T and N.
//
//	{{D "StepOf" "Step" 2 "Count" 5}}                     a message with data: "Step 2 of 5"
//	{{H "DangerNow" "Number" .Emergency.TelLink}}         a message with HTML in it
//
// With H, the translator decides where the link goes in the sentence
// ("Call {{.Number}}", or "{{.Number}} پر کال کریں" in Urdu), and the
// rest of the message is escaped as text. A translation that leaves out a
// placeholder would leave out a phone number, so it stops the build.

// dataMessage returns the D function of a language.
func dataMessage(lang *locale.Lang) func(string, ...any) (string, error) {
	return func(id string, pairs ...any) (string, error) {
		data, err := messageData(id, pairs)
		if err != nil {
			return "", err
		}
		return lang.D(id, data), nil
	}
}

// htmlMessage returns the H function of a language.
func htmlMessage(lang *locale.Lang) func(string, ...any) (template.HTML, error) {
	return func(id string, pairs ...any) (template.HTML, error) {
		data, err := messageData(id, pairs)
		if err != nil {
			return "", err
		}
		markers := map[string]string{} // marker -> the HTML it stands for
		for i := 0; i < len(pairs); i += 2 {
			marker := "\ue000" + strconv.Itoa(i/2) + "\ue001"
			markers[marker] = htmlOf(pairs[i+1])
			data[pairs[i].(string)] = marker
		}
		out := template.HTMLEscapeString(lang.D(id, data))
		for marker, html := range markers {
			if !strings.Contains(out, marker) {
				w := lang.Where(id)
				return "", fmt.Errorf("%s:%d: message %q leaves out {{.%s}}; put it back where it belongs in the sentence", w.File, w.Line, id, keyOf(pairs, marker))
			}
			out = strings.ReplaceAll(out, marker, html)
		}
		return template.HTML(out), nil
	}
}

// messageData turns "Key", value pairs into a message's data.
func messageData(id string, pairs []any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("message %q: give its data as pairs of a name and a value", id)
	}
	data := map[string]any{}
	for i := 0; i < len(pairs); i += 2 {
		key, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("message %q: %v is not the name of a value", id, pairs[i])
		}
		data[key] = pairs[i+1]
	}
	return data, nil
}

// htmlOf returns a value as HTML: as it is when it is HTML already,
// escaped otherwise.
func htmlOf(v any) string {
	if h, ok := v.(template.HTML); ok {
		return string(h)
	}
	return template.HTMLEscapeString(fmt.Sprint(v))
}

// keyOf returns the name that stands for a marker.
func keyOf(pairs []any, marker string) string {
	n, _ := strconv.Atoi(strings.Trim(marker, "\ue000\ue001"))
	return pairs[2*n].(string)
}

// telLinks returns text as HTML, with each of the site's phone numbers in
// it as a tel: link, for text from site.toml and front matter:
// {{phones .Summary}}.
func telLinks(text string, phones *phone.Matcher) template.HTML {
	var b strings.Builder
	at := 0
	for _, m := range phones.Find(text) {
		b.WriteString(template.HTMLEscapeString(text[at:m.Start]))
		b.WriteString(`<a href="tel:` + m.Tel + `" dir="ltr">` + template.HTMLEscapeString(text[m.Start:m.End]) + `</a>`)
		at = m.End
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}
