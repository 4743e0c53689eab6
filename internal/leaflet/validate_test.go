package leaflet

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	_ "time/tzdata" // the zone database, so the test runs on any machine
)

// validValues are the example as text fields.
func validValues() map[string]string {
	return map[string]string{
		FieldLang: "pl", FieldCrime: "burglary", FieldCrimeRef: "LP-12345-26", FieldReported: "2026-11-20",
		FieldOfficerName: "Jane Smith", FieldOfficerRank: "PC", FieldCollar: "1234",
		FieldOfficerPhone: "01522 000000", FieldOfficerEmail: "jane.smith@lincs.police.uk", FieldStation: "Boston",
		FieldPromiseMethod: "phone", FieldPromiseEvery: "7",
	}
}

func TestParse(t *testing.T) {
	d, err := Parse(validValues(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	want := sample("pl")
	want.Made = civilDay(testNow)
	if fmt.Sprint(d) != fmt.Sprint(want) {
		t.Errorf("Parse = %+v, want %+v", d, want)
	}
	if got := d.Promise.Next.Format(dateLayout); got != "2026-11-27" {
		t.Errorf("next update = %s, want 2026-11-27 (reported + 7 days)", got)
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		field, value string
		want         string // part of the message
	}{
		{FieldLang, "", "is empty"},
		{FieldLang, "Polish!", "not a language code"},
		{FieldCrime, "Burglary & theft", "not a crime"},
		{FieldCrimeRef, "", "is empty"},
		{FieldCrimeRef, "LP", "not a crime reference"},
		{FieldCrimeRef, "no-digits-here", "not a crime reference"},
		{FieldCrimeRef, "../../etc/passwd", "not a crime reference"},
		{FieldReported, "20/11/2026", "YYYY-MM-DD"},
		{FieldReported, "2026-02-30", "YYYY-MM-DD"},
		{FieldReported, "1999-12-31", "YYYY-MM-DD"},
		{FieldReported, "2026-11-24", "is after today"},
		{FieldReported, "2099-01-01", "is after today"},
		{FieldOfficerName, "  ", "is empty"},
		{FieldOfficerName, strings.Repeat("x", 71), "characters long"},
		{FieldOfficerRank, "", "is empty"},
		{FieldCollar, "12a34", "not a collar number"},
		{FieldCollar, "1234567", "not a collar number"},
		{FieldOfficerPhone, "phone me", "not a phone number"},
		{FieldOfficerPhone, "12345", "not a phone number"},
		{FieldOfficerPhone, "0152200000000000", "not a phone number"},
		{FieldOfficerPhone, "1522000000", "lost its leading 0"},
		{FieldOfficerPhone, "1522 000000", "lost its leading 0"},
		{FieldOfficerPhone, "7700900123", "lost its leading 0"},
		{FieldOfficerPhone, "441522000000", "lost the + before"},
		{FieldOfficerPhone, "(01522 000000", "brackets"},
		{FieldOfficerPhone, "01522) 000000", "brackets"},
		{FieldOfficerEmail, "jane.smith@", "not an email"},
		{FieldOfficerEmail, "Jane <jane@lincs.police.uk>", "not an email"},
		{FieldOfficerEmail, "jane@localhost", "not an email"},
		{FieldOfficerEmail, "jane smith@lincs.police.uk", "not an email"},
		{FieldStation, "", "is empty"},
		{FieldPromiseMethod, "pigeon", "must be one of"},
		{FieldPromiseEvery, "0", "from 1 to 90"},
		{FieldPromiseEvery, "weekly", "from 1 to 90"},
		{FieldPromiseNext, "2026-11-19", "on or after the reported date"},
		{FieldPromiseNext, "2027-12-01", "within a year"},
		{FieldVictimName, "Alex\u202eDoe", "control character"},
		{FieldContactName, "Jo\u202eDoe", "control character"},
		{FieldBilingual, "perhaps", "yes or no"},
		{FieldLargePrint, "16pt", "yes or no"},
		{"colour", "blue", "not a field"},
	}
	for _, tt := range tests {
		t.Run(tt.field+"="+tt.value, func(t *testing.T) {
			values := validValues()
			values[tt.field] = tt.value
			_, err := Parse(values, testNow)
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("Parse = %v, want an *InvalidError", err)
			}
			if len(inv.Problems) != 1 || inv.Problems[0].Field != tt.field || !strings.Contains(inv.Problems[0].Message, tt.want) {
				t.Errorf("problems = %v, want one with %s saying %q", err, tt.field, tt.want)
			}
		})
	}
}

// TestParseSwitches reads each yes/no field into its own Details field,
// in every spelling a person or a spreadsheet uses.
func TestParseSwitches(t *testing.T) {
	get := map[string]func(Details) bool{
		FieldBilingual:  func(d Details) bool { return d.Bilingual },
		FieldLargePrint: func(d Details) bool { return d.LargePrint },
		FieldDiscreet:   func(d Details) bool { return d.Discreet },
	}
	if len(get) != len(Switches) {
		t.Fatalf("Switches = %v; test each of them", Switches)
	}
	for _, field := range Switches {
		for value, want := range map[string]bool{"yes": true, "YES": true, "y": true, "true": true, "1": true,
			"no": false, "n": false, "false": false, "0": false, "": false, " yes ": true} {
			values := validValues()
			values[field] = value
			d, err := Parse(values, testNow)
			if err != nil {
				t.Fatalf("%s=%q: %v", field, value, err)
			}
			for other, read := range get {
				if got := read(d); got != (want && other == field) {
					t.Errorf("%s=%q: %s is %v", field, value, other, got)
				}
			}
		}
	}
}

func TestParseNeverRepeatsPersonalValues(t *testing.T) {
	values := validValues()
	values[FieldOfficerEmail] = "secret.person@@example"
	values[FieldOfficerPhone] = "call secret"
	values[FieldOfficerName] = strings.Repeat("Secretname", 8)
	_, err := Parse(values, testNow)
	if err == nil || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "Secretname") {
		t.Errorf("problems repeat the values: %v", err)
	}
	values = validValues()
	values[FieldOfficerPhone] = "1987654321"
	values[FieldReported] = "2031-07-09"
	_, err = Parse(values, testNow)
	if err == nil || strings.Contains(err.Error(), "987654") || strings.Contains(err.Error(), "2031") {
		t.Errorf("problems repeat the values: %v", err)
	}
}

// TestParseNextUpdateOnWorkingDay moves the default next update, and so
// the date the leaflet promises, off a Christmas bank holiday, as the
// officer's reminder moves.
func TestParseNextUpdateOnWorkingDay(t *testing.T) {
	values := validValues()
	values[FieldReported] = "2026-12-18"
	d, err := Parse(values, day("2026-12-18"))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Promise.Next.Format(dateLayout); got != "2026-12-29" {
		t.Errorf("next update = %s, want 2026-12-29: 25 December and the Monday off for Boxing Day are holidays", got)
	}
	if days := UpdateDays(d); len(days) == 0 || !days[0].Equal(d.Promise.Next) {
		t.Errorf("the first reminder is not the next update the leaflet promises: %v", days)
	}
}

// TestParsePhoneNumbers accepts the ways people write a UK number.
func TestParsePhoneNumbers(t *testing.T) {
	for _, phone := range []string{"01522 000000", "(01522) 000000", "01522-000000", "+44 1522 000000",
		"+44 (0)1522 000000", "07700 900123", "0800 555 111", "+44 (0) 1522 000000"} {
		values := validValues()
		values[FieldOfficerPhone] = phone
		d, err := Parse(values, testNow)
		if err != nil {
			t.Errorf("Parse(officer-phone %q) = %v, want it accepted", phone, err)
		} else if d.Officer.Phone != phone {
			t.Errorf("officer phone = %q, want %q as typed", d.Officer.Phone, phone)
		}
	}
}

// TestParseReportedToday accepts a report made today, in the zone of the
// clock: an officer at ten to midnight is still on that day.
func TestParseReportedToday(t *testing.T) {
	london, err := time.LoadLocation("Europe/London") // time/tzdata is linked in below
	if err != nil {
		t.Fatal(err)
	}
	for _, now := range []time.Time{
		time.Date(2026, 11, 20, 0, 5, 0, 0, london),
		time.Date(2026, 11, 20, 23, 50, 0, 0, london),
		time.Date(2026, 7, 20, 0, 30, 0, 0, london), // summer time: still 19 July in UTC
	} {
		values := validValues()
		values[FieldReported] = now.Format(dateLayout)
		values[FieldPromiseNext] = ""
		if _, err := Parse(values, now); err != nil {
			t.Errorf("at %s, Parse(reported %s) = %v, want it accepted", now, values[FieldReported], err)
		}
		values[FieldReported] = now.AddDate(0, 0, 1).Format(dateLayout)
		if _, err := Parse(values, now); err == nil || !strings.Contains(err.Error(), "after today") {
			t.Errorf("at %s, Parse(reported %s) = %v, want it refused as after today", now, values[FieldReported], err)
		}
	}
}

func TestParseCollectsEveryProblem(t *testing.T) {
	_, err := Parse(map[string]string{}, testNow)
	var inv *InvalidError
	if !errors.As(err, &inv) || len(inv.Problems) != len(Required) {
		t.Fatalf("Parse(nothing) = %v, want one problem per required field", err)
	}
	for i, p := range inv.Problems {
		if p.Field != Required[i] {
			t.Errorf("problem %d is about %s, want %s (problems follow the fields' order)", i, p.Field, Required[i])
		}
	}
}

func TestValidate(t *testing.T) {
	r := testRenderer(t)
	tests := []struct {
		lang, crime, field string
	}{
		{"pl", "burglary", ""},
		{"fr", "burglary", FieldLang},
		{"pl", "shoplifting", FieldCrime},
	}
	for _, tt := range tests {
		d := sample(tt.lang)
		d.Crime = tt.crime
		err := r.Validate(d)
		var fe *FieldError
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("Validate(%s, %s) = %v, want nil", tt.lang, tt.crime, err)
		case tt.field != "" && (!errors.As(err, &fe) || fe.Field != tt.field):
			t.Errorf("Validate(%s, %s) = %v, want a problem with %s", tt.lang, tt.crime, err, tt.field)
		}
		if _, rerr := r.Render(d); (rerr == nil) != (tt.field == "") {
			t.Errorf("Render(%s, %s) = %v", tt.lang, tt.crime, rerr)
		}
	}
	// A wrong language does not hide a wrong crime, and neither is
	// repeated back.
	d := sample("fr")
	d.Crime = "shoplifting"
	var inv *InvalidError
	if err := r.Validate(d); !errors.As(err, &inv) || len(inv.Problems) != 2 ||
		inv.Problems[0].Field != FieldLang || inv.Problems[1].Field != FieldCrime ||
		strings.Contains(err.Error(), "fr") || strings.Contains(err.Error(), "shoplifting") {
		t.Errorf("Validate(fr, shoplifting) = %v, want a problem with lang and one with crime, neither repeating the value", err)
	}
}

func TestFileBase(t *testing.T) {
	for in, want := range map[string]string{"LP-12345-26": "LP-12345-26", "LP/12345/26": "LP-12345-26", "../x": "---x", "": "leaflet", "//": "leaflet"} {
		if got := FileBase(in); got != want {
			t.Errorf("FileBase(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzDetails feeds free text into the fields an officer types: whatever
// Parse accepts must render, and whatever it refuses names the field.
func FuzzDetails(f *testing.F) {
	for _, s := range []string{"Jane Smith", "Żaneta Wiśniewska", "مريم أحمد", "Ольга", "Ιωάννα", "O'Brien-Smith",
		"لا إله", "e\u0301", "a\u064b", strings.Repeat("W", 70), "\u200f", "😀", "\x00", "ﻻ"} {
		f.Add(s, "PC", "Boston", s)
	}
	r := testRenderer(f)
	f.Fuzz(func(t *testing.T, name, rank, station, victim string) {
		values := validValues()
		values[FieldOfficerName], values[FieldOfficerRank], values[FieldStation], values[FieldVictimName] = name, rank, station, victim
		d, err := Parse(values, testNow)
		if err != nil {
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("Parse error is %T, want *InvalidError", err)
			}
			for _, p := range inv.Problems {
				switch p.Field {
				case FieldOfficerName, FieldOfficerRank, FieldStation, FieldVictimName:
				default:
					t.Fatalf("a problem with %s from free text: %v", p.Field, p)
				}
			}
			return
		}
		if _, err := r.Render(d); err != nil {
			t.Fatalf("Parse accepted %q %q %q %q, but Render failed: %v", name, rank, station, victim, err)
		}
	})
}

func TestCheckNamesMissingMessages(t *testing.T) {
	fsys := fixtureFS(t).(fstest.MapFS)
	ro := string(fsys["locales/leaflet.ro.toml"].Data)
	ro = strings.Replace(ro, "LeafletQR = ", "# LeafletQR = ", 1)
	ro = strings.Replace(ro, "\nfew = \"Polițistul vă va contacta", "\n# few = \"", 1)
	fsys["locales/leaflet.ro.toml"] = &fstest.MapFile{Data: []byte(ro)}
	_, probs := Load(fsys)
	var got []string
	for _, p := range probs {
		if !p.Warning {
			p.Line = 0 // the line moves as the translation is edited
			got = append(got, p.String())
		}
	}
	want := []string{
		`locales/leaflet.ro.toml: message "LeafletQR", which leaflets use, is missing; add it, translated from locales/leaflet.en.toml`,
		`locales/leaflet.ro.toml: message "LeafletPromise" has no plural form for 0 in ro; add the form (one, few, many, other…) the language uses for it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
