package leaflet

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// calendarMonths is how far ahead the reminders of a contact promise go.
const calendarMonths = 3

// Calendar returns an iCalendar file (RFC 5545) for the officer: one
// all-day event with a 9am reminder for each update the contact promise
// makes due, from the next update until three months after the crime was
// reported. It names the crime reference and the way of contact, never
// the victim. The same details give the same bytes.
func Calendar(d Details) []byte {
	var b bytes.Buffer
	w := func(s string) { b.WriteString(fold(s)) }
	w("BEGIN:VCALENDAR")
	w("VERSION:2.0")
	w("PRODID:-//" + Producer + "//contact promise//EN")
	w("CALSCALE:GREGORIAN")
	w("METHOD:PUBLISH")
	stamp := d.Reported.Format("20060102") + "T000000Z"
	summary := fmt.Sprintf("Update due: crime %s (%s)", d.CrimeRef, d.Promise.Method)
	about := fmt.Sprintf("Contact promise for crime %s: update the victim by %s every %d days. The victim can quote the crime reference on 101.",
		d.CrimeRef, d.Promise.Method, d.Promise.Every)
	for i, day := range UpdateDays(d) {
		w("BEGIN:VEVENT")
		w(fmt.Sprintf("UID:%s-%s-%d@%s", uidSafe(d.CrimeRef), day.Format("20060102"), i+1, Producer))
		w("DTSTAMP:" + stamp)
		w("DTSTART;VALUE=DATE:" + day.Format("20060102"))
		w("DTEND;VALUE=DATE:" + day.AddDate(0, 0, 1).Format("20060102"))
		w("SUMMARY:" + escapeText(summary))
		w("DESCRIPTION:" + escapeText(about))
		w("TRANSP:TRANSPARENT")
		w("BEGIN:VALARM")
		w("ACTION:DISPLAY")
		w("TRIGGER;RELATED=START:PT9H")
		w("DESCRIPTION:" + escapeText(summary))
		w("END:VALARM")
		w("END:VEVENT")
	}
	w("END:VCALENDAR")
	return b.Bytes()
}

// UpdateDays returns the days updates are due: the next update, then one
// every Promise.Every days, up to three months after the report. There is
// always at least the next update.
func UpdateDays(d Details) []time.Time {
	if d.Promise.Next.IsZero() || d.Promise.Every < 1 {
		return nil
	}
	limit := d.Reported.AddDate(0, calendarMonths, 0)
	days := []time.Time{d.Promise.Next}
	for day := d.Promise.Next.AddDate(0, 0, d.Promise.Every); !day.After(limit); day = day.AddDate(0, 0, d.Promise.Every) {
		days = append(days, day)
	}
	return days
}

// escapeText escapes a TEXT value: backslash, semicolon, comma, newline.
func escapeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

func uidSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' {
			return '-'
		}
		return r
	}, s)
}

// fold ends a content line with CRLF, folding it into lines of at most 75
// octets without splitting a character.
func fold(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		size := utf8.RuneLen(r)
		if n+size > 75 {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteRune(r)
		n += size
	}
	b.WriteString("\r\n")
	return b.String()
}
