package leaflet

import (
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The fields of Details, by name. A name is the command's flag without
// its dash, a CSV column and a form field, so a problem reported against
// it points at the same thing wherever the details came from.
const (
	FieldLang          = "lang"
	FieldCrime         = "crime"
	FieldCrimeRef      = "crime-ref"
	FieldReported      = "reported"
	FieldOfficerName   = "officer-name"
	FieldOfficerRank   = "officer-rank"
	FieldCollar        = "collar"
	FieldOfficerPhone  = "officer-phone"
	FieldOfficerEmail  = "officer-email"
	FieldStation       = "station"
	FieldPromiseMethod = "promise-method"
	FieldPromiseEvery  = "promise-every"
	FieldPromiseNext   = "promise-next"
	FieldVictimName    = "victim-name"
	FieldBilingual     = "bilingual"
	FieldLargePrint    = "large-print"
	FieldDiscreet      = "discreet"
	FieldContactName   = "contact-name"
)

// Fields are the names of every field Parse reads, in the order a form
// or a CSV header lists them.
var Fields = []string{
	FieldLang, FieldCrime, FieldCrimeRef, FieldReported,
	FieldOfficerName, FieldOfficerRank, FieldCollar, FieldOfficerPhone, FieldOfficerEmail, FieldStation,
	FieldPromiseMethod, FieldPromiseEvery, FieldPromiseNext,
	FieldVictimName, FieldBilingual, FieldLargePrint, FieldDiscreet, FieldContactName,
}

// Switches are the fields that are yes or no: a flag without a value on
// the command line, a yes/no column in a CSV file, a box on the desk.
var Switches = []string{FieldBilingual, FieldLargePrint, FieldDiscreet}

// Required are the fields that must not be empty.
var Required = []string{
	FieldLang, FieldCrime, FieldCrimeRef, FieldReported,
	FieldOfficerName, FieldOfficerRank, FieldCollar, FieldOfficerPhone, FieldOfficerEmail, FieldStation,
	FieldPromiseMethod, FieldPromiseEvery,
}

// FieldError is a problem with one field. Its message never repeats the
// value, which may be personal: it says what the field must hold. Explain
// says it where the person typed the field.
type FieldError struct {
	Field   string // a name from Fields
	Message string
	Warning bool // a warning from Advise: the details can still be used
}

// Error reads "field: message", such as "collar: is not a collar number…".
func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// InvalidError is every problem found with one set of details. Read it
// with errors.As to report each field; errors.As also finds the first
// *FieldError inside it.
type InvalidError struct {
	Problems []*FieldError
}

// Error gives one line per problem.
func (e *InvalidError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap returns each *FieldError.
func (e *InvalidError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

func (e *InvalidError) add(field, format string, args ...any) {
	e.Problems = append(e.Problems, &FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// sort orders the problems as the fields are listed, unknown fields last.
func (e *InvalidError) sort() {
	rank := func(f string) int {
		if i := slices.Index(Fields, f); i >= 0 {
			return i
		}
		return len(Fields)
	}
	slices.SortStableFunc(e.Problems, func(a, b *FieldError) int { return rank(a.Field) - rank(b.Field) })
}

func (e *InvalidError) err() error {
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

// The shapes of the fields that have one.
var (
	langTag   = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	crimeSlug = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	crimeRef  = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9/-]{2,29}$`)
	collarNum = regexp.MustCompile(`^[A-Za-z]{0,2}[0-9]{1,6}$`)
	phoneNum  = regexp.MustCompile(`^\+?[0-9 ()-]+$`)
)

// Limits on free text, in characters, so that every field fits its line.
const (
	maxName    = 70
	maxRank    = 30
	maxStation = 60
	maxEmail   = 100
)

const dateLayout = "2006-01-02"

// Parse reads details from text fields keyed by the names in Fields, as
// typed into flags, a CSV file or a form, on the day of now (a report
// cannot be dated after it). Free text is trimmed and put in Unicode
// normal form C. Every problem is collected into one *InvalidError; a
// field that is not in Fields is a problem too.
func Parse(values map[string]string, now time.Time) (Details, error) {
	var inv InvalidError
	for _, k := range sortedKeys(values) {
		if !slices.Contains(Fields, k) {
			inv.add(k, "is not a field; the fields are %s", strings.Join(Fields, ", "))
		}
	}
	get := func(field string) string { return strings.TrimSpace(values[field]) }
	for _, f := range Required {
		if get(f) == "" {
			inv.add(f, "is empty; %s", hints[f])
		}
	}
	d := Details{
		Lang:     get(FieldLang),
		Crime:    strings.ToLower(get(FieldCrime)),
		CrimeRef: strings.ToUpper(get(FieldCrimeRef)),
		Officer: Officer{
			Name:    freeText(&inv, FieldOfficerName, get(FieldOfficerName), maxName),
			Rank:    freeText(&inv, FieldOfficerRank, get(FieldOfficerRank), maxRank),
			Collar:  strings.ToUpper(get(FieldCollar)),
			Phone:   get(FieldOfficerPhone),
			Email:   get(FieldOfficerEmail),
			Station: freeText(&inv, FieldStation, get(FieldStation), maxStation),
		},
		Promise:     Promise{Method: strings.ToLower(get(FieldPromiseMethod))},
		VictimName:  freeText(&inv, FieldVictimName, get(FieldVictimName), maxName),
		ContactName: freeText(&inv, FieldContactName, get(FieldContactName), maxName),
	}
	d.Reported = date(&inv, FieldReported, get(FieldReported))
	d.Made = civilDay(now)
	if today := civilDay(now); d.Reported.After(today) {
		inv.add(FieldReported, "is after today; give the date the crime was reported, as YYYY-MM-DD")
	}
	d.Promise.Every = days(&inv, get(FieldPromiseEvery))
	d.Promise.Next = date(&inv, FieldPromiseNext, get(FieldPromiseNext))
	d.Bilingual = boolean(&inv, FieldBilingual, get(FieldBilingual))
	d.Discreet = boolean(&inv, FieldDiscreet, get(FieldDiscreet))
	d.LargePrint = boolean(&inv, FieldLargePrint, get(FieldLargePrint))
	checkShapes(&inv, d)
	if d.Promise.Next.IsZero() && !d.Reported.IsZero() && d.Promise.Every > 0 {
		d.Promise.Next = workingDay(d.Reported.AddDate(0, 0, d.Promise.Every))
	}
	if !d.Promise.Next.IsZero() && !d.Reported.IsZero() &&
		(d.Promise.Next.Before(d.Reported) || d.Promise.Next.After(d.Reported.AddDate(1, 0, 0))) {
		inv.add(FieldPromiseNext, "must be on or after the reported date and within a year of it")
	}
	inv.sort()
	return d, inv.err()
}

// hints say what an empty required field should hold.
var hints = map[string]string{
	FieldLang:          "give the victim's language, such as pl",
	FieldCrime:         "give the crime, such as burglary",
	FieldCrimeRef:      "give the crime reference number, such as LP-12345-26",
	FieldReported:      "give the date the crime was reported, as YYYY-MM-DD",
	FieldOfficerName:   "give the officer's name, such as Jane Smith",
	FieldOfficerRank:   "give the officer's rank, such as PC",
	FieldCollar:        "give the officer's collar number, such as 1234",
	FieldOfficerPhone:  "give the officer's phone number, such as 01522 000000",
	FieldOfficerEmail:  "give the officer's email address",
	FieldStation:       "give the officer's police station, such as Boston",
	FieldPromiseMethod: "give how the officer will keep in touch: " + strings.Join(Methods, ", "),
	FieldPromiseEvery:  "give how many days apart the updates are, such as 7",
}

// checkShapes checks the fields that have a fixed shape. Empty fields
// have been reported already.
func checkShapes(inv *InvalidError, d Details) {
	if d.Lang != "" && !langTag.MatchString(d.Lang) {
		inv.add(FieldLang, "is not a language code such as pl or ar")
	}
	if d.Crime != "" && !crimeSlug.MatchString(d.Crime) {
		inv.add(FieldCrime, "is not a crime such as burglary: use lower-case letters, digits and dashes")
	}
	if d.CrimeRef != "" && (!crimeRef.MatchString(d.CrimeRef) || !strings.ContainsAny(d.CrimeRef, "0123456789")) {
		inv.add(FieldCrimeRef, "is not a crime reference such as LP-12345-26: use 3 to 30 letters, digits, - and /")
	}
	if d.Officer.Collar != "" && !collarNum.MatchString(d.Officer.Collar) {
		inv.add(FieldCollar, "is not a collar number such as 1234: up to 6 digits, after at most 2 letters")
	}
	if p := d.Officer.Phone; p != "" {
		if msg := phoneProblem(p); msg != "" {
			inv.add(FieldOfficerPhone, "%s", msg)
		}
	}
	if e := d.Officer.Email; e != "" && !isEmail(e) {
		inv.add(FieldOfficerEmail, "is not an email address such as jane.smith@lincs.police.uk")
	}
	if m := d.Promise.Method; m != "" && !slices.Contains(Methods, m) {
		inv.add(FieldPromiseMethod, "must be one of %s", strings.Join(Methods, ", "))
	}
}

// phoneProblem says what is wrong with a phone number, or "". A UK number
// starts with 0, or with + and the country code; a number that starts
// with another digit has most likely lost its 0 in a spreadsheet, which
// reads 01522 000000 as the number 1522000000.
func phoneProblem(p string) string {
	digits := strings.Map(keepDigits, p)
	switch {
	case !phoneNum.MatchString(p) || len(digits) < 6 || len(digits) > 15:
		return "is not a phone number such as 01522 000000: 6 to 15 digits, with spaces, +, ( ) or - if you like"
	case !bracketsPair(p):
		return "has brackets that do not pair up; write it as (01522) 000000 or 01522 000000"
	case strings.HasPrefix(p, "+"):
		return ""
	case strings.HasPrefix(digits, "44") && len(digits) == 12:
		return "has lost the + before the country code 44; write it as +44 1522 000000 or 01522 000000 (in a spreadsheet, format the column as text)"
	case digits[0] != '0':
		return "has lost its leading 0, as a spreadsheet drops it; write it as 01522 000000 (in a spreadsheet, format the column as text)"
	}
	return ""
}

// bracketsPair reports whether every ( is closed by a ) before the next
// one opens.
func bracketsPair(s string) bool {
	open := false
	for _, r := range s {
		switch r {
		case '(':
			if open {
				return false
			}
			open = true
		case ')':
			if !open {
				return false
			}
			open = false
		}
	}
	return !open
}

// civilDay is the date of t in t's own time zone, as a date reads: at
// midnight UTC, like the dates Parse reads.
func civilDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func keepDigits(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

// isEmail reports whether s is a bare address with a domain that has a
// dot, and that the leaflet font can draw.
func isEmail(s string) bool {
	if len(s) > maxEmail || strings.ContainsAny(s, " <>\"(),;") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool { return !CanDraw(r) }) < 0
}

// freeText checks and normalises a field of free text: a name, a rank, a
// station. It refuses control and formatting characters (including the
// invisible direction overrides, which would scramble the line) and any
// rune the font cannot draw.
func freeText(inv *InvalidError, field, s string, limit int) string {
	if s == "" {
		return ""
	}
	if !utf8.ValidString(s) {
		inv.add(field, "is not valid UTF-8 text; save the file as UTF-8")
		return ""
	}
	s = norm.NFC.String(s)
	if n := utf8.RuneCountInString(s); n > limit {
		inv.add(field, "is %d characters long; the most that fits is %d", n, limit)
		return ""
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.C, r) || r == '\u2028' || r == '\u2029':
			inv.add(field, "holds an invisible or control character (U+%04X); retype it", r)
			return ""
		case !CanDraw(r):
			inv.add(field, "holds %q (U+%04X), which no leaflet font can draw; write it in Latin letters or in the script of a language the site supports", r, r)
			return ""
		}
	}
	if r := Drawable(s); r >= 0 {
		inv.add(field, "holds %q (U+%04X), which no leaflet font can draw with the letters around it; retype it", r, r)
		return ""
	}
	return s
}

// date reads a date written YYYY-MM-DD.
func date(inv *InvalidError, field, s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil || t.Year() < 2000 || t.Year() > 2100 {
		inv.add(field, "is not a date written YYYY-MM-DD, such as 2026-11-20")
		return time.Time{}
	}
	return t
}

// days reads the number of days between updates.
func days(inv *InvalidError, s string) int {
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 90 {
		inv.add(FieldPromiseEvery, "must be a whole number of days from 1 to 90")
		return 0
	}
	return n
}

// boolean reads a yes/no field; empty is no.
func boolean(inv *InvalidError, field, s string) bool {
	switch strings.ToLower(s) {
	case "", "0", "false", "no", "n":
		return false
	case "1", "true", "yes", "y":
		return true
	}
	inv.add(field, "must be yes or no (or true or false)")
	return false
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
