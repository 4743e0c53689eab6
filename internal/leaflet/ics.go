package leaflet

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// calendarMonths is how far ahead the reminders of a contact promise go.
const calendarMonths = 3

// Calendar returns an iCalendar file (RFC 5545) for the officer, made at
// made: one all-day event with a 9am reminder for each update the contact
// promise makes due (see UpdateDays). It names the crime reference and
// the way of contact, never the victim.
//
// Every file has its own event UIDs, so the reminders of two victims of
// one crime, with the same officer and promise, both stay in a calendar
// that imports them: a UID is a hash of the details, the time the file
// was made and random bytes, in hex, which shows neither a name nor the
// reference. DTSTAMP is when the file was made; SEQUENCE is 0, the first
// version of each event.
func Calendar(d Details, made time.Time) []byte {
	return calendar(d, made, rand.Reader)
}

// calendar is Calendar with the source of the UIDs' random bytes.
func calendar(d Details, made time.Time, random io.Reader) []byte {
	var b bytes.Buffer
	w := func(s string) { b.WriteString(fold(s)) }
	w("BEGIN:VCALENDAR")
	w("VERSION:2.0")
	w("PRODID:-//" + Producer + "//contact promise//EN")
	w("CALSCALE:GREGORIAN")
	w("METHOD:PUBLISH")
	stamp := made.UTC().Format("20060102T150405Z")
	seed := uidSeed(d, stamp, random)
	summary := fmt.Sprintf("Update due: crime %s (%s)", d.CrimeRef, d.Promise.Method)
	about := fmt.Sprintf("Contact promise for crime %s: update the victim by %s every %d days. The victim can quote the crime reference on 101.",
		d.CrimeRef, d.Promise.Method, d.Promise.Every)
	for i, day := range UpdateDays(d) {
		w("BEGIN:VEVENT")
		w("UID:" + uid(seed, i) + "@" + Producer)
		w("DTSTAMP:" + stamp)
		w("SEQUENCE:0")
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

// uidSeed hashes every detail of the leaflet with the time the file is
// made and 16 random bytes. Without the random bytes, two victims of one
// crime whose details are the same would get the same UIDs.
func uidSeed(d Details, stamp string, random io.Reader) []byte {
	h := sha256.New()
	fmt.Fprintf(h, "%q\x00%s\x00", fmt.Sprintf("%+v", d), stamp)
	var salt [16]byte
	if _, err := io.ReadFull(random, salt[:]); err != nil {
		// crypto/rand does not fail on the systems Go supports; the
		// time and the details still tell most files apart.
		salt = [16]byte{}
	}
	h.Write(salt[:])
	return h.Sum(nil)
}

// uid is the UID of the calendar's event i: 32 hex digits.
func uid(seed []byte, i int) string {
	h := sha256.Sum256(append(slices.Clone(seed), strconv.Itoa(i)...))
	return hex.EncodeToString(h[:16])
}

// UpdateDays returns the days the officer's reminders fall on: the next
// update, then one every Promise.Every days, up to three months after the
// report. There is always at least the next update. A day that is a bank
// holiday at Christmas or the New Year (25 and 26 December, 1 January,
// and the weekdays off in lieu when they fall at a weekend) moves to the
// next working day, once however many reminders move there.
func UpdateDays(d Details) []time.Time {
	if d.Promise.Next.IsZero() || d.Promise.Every < 1 {
		return nil
	}
	limit := d.Reported.AddDate(0, calendarMonths, 0)
	days := []time.Time{workingDay(d.Promise.Next)}
	for day := d.Promise.Next.AddDate(0, 0, d.Promise.Every); !day.After(limit); day = day.AddDate(0, 0, d.Promise.Every) {
		days = append(days, workingDay(day))
	}
	slices.SortFunc(days, time.Time.Compare)
	return slices.CompactFunc(days, time.Time.Equal)
}

// workingDay returns day, or the next weekday after it that is not a bank
// holiday, when day is a Christmas or New Year bank holiday.
func workingDay(day time.Time) time.Time {
	if !christmasHoliday(day) {
		return day
	}
	for {
		day = day.AddDate(0, 0, 1)
		if !weekend(day) && !christmasHoliday(day) {
			return day
		}
	}
}

// christmasHoliday reports whether day is a bank holiday of England and
// Wales at Christmas or the New Year: Christmas Day, Boxing Day, New
// Year's Day, or the weekday off in lieu of one that falls at a weekend.
func christmasHoliday(day time.Time) bool {
	y := day.Year()
	if day.Month() == time.January {
		y-- // the New Year's Day of the Christmas before
	}
	for _, h := range christmasHolidays(y) {
		if h.Year() == day.Year() && h.YearDay() == day.YearDay() {
			return true
		}
	}
	return false
}

// christmasHolidays returns the days of year's Christmas and the next New
// Year that are bank holidays. A holiday that falls at a weekend is also
// kept, and gives the next weekday that is not already a holiday off in
// lieu: Christmas on a Saturday gives Monday 27 and Boxing Day Tuesday 28;
// Christmas on a Sunday gives Tuesday 27, as Boxing Day is Monday 26.
func christmasHolidays(year int) []time.Time {
	fixed := []time.Time{
		time.Date(year, time.December, 25, 0, 0, 0, 0, time.UTC),
		time.Date(year, time.December, 26, 0, 0, 0, 0, time.UTC),
		time.Date(year+1, time.January, 1, 0, 0, 0, 0, time.UTC),
	}
	out := slices.Clone(fixed)
	for _, day := range fixed {
		if !weekend(day) {
			continue
		}
		lieu := day
		for weekend(lieu) || slices.ContainsFunc(out, lieu.Equal) {
			lieu = lieu.AddDate(0, 0, 1)
		}
		out = append(out, lieu)
	}
	return out
}

func weekend(day time.Time) bool {
	return day.Weekday() == time.Saturday || day.Weekday() == time.Sunday
}

// escapeText escapes a TEXT value: backslash, semicolon, comma, newline.
func escapeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
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
