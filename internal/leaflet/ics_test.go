package leaflet

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCalendar(t *testing.T) {
	d := sample("pl")
	d.VictimName = "Alex Doe"
	cal := string(Calendar(d))
	if !strings.HasPrefix(cal, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") || !strings.HasSuffix(cal, "END:VCALENDAR\r\n") {
		t.Fatalf("not an iCalendar file:\n%s", cal)
	}
	// Weekly from 27 November 2026 to three months after 20 November.
	if n := strings.Count(cal, "BEGIN:VEVENT"); n != 13 {
		t.Errorf("%d events, want 13", n)
	}
	for _, want := range []string{"DTSTART;VALUE=DATE:20261127\r\n", "DTSTART;VALUE=DATE:20270219\r\n", "TRIGGER;RELATED=START:PT9H", "LP-12345-26"} {
		if !strings.Contains(cal, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
	if strings.Contains(cal, "DTSTART;VALUE=DATE:20270226") {
		t.Error("an update beyond three months")
	}
	for _, secret := range []string{"Alex", "Jane", "Smith", "jane.smith"} {
		if strings.Contains(cal, secret) {
			t.Errorf("the calendar names %q", secret)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(cal, "\r\n"), "\r\n") {
		if len(line) > 75 || !utf8.ValidString(line) {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
	}
	if string(Calendar(d)) != cal {
		t.Error("the same details give another calendar")
	}
}

func TestUpdateDays(t *testing.T) {
	d := sample("en")
	d.Promise = Promise{Method: "letter", Every: 90, Next: day("2026-12-20")}
	if days := UpdateDays(d); len(days) != 1 || !days[0].Equal(day("2026-12-20")) {
		t.Errorf("UpdateDays = %v, want just the next update", days)
	}
}

func TestFold(t *testing.T) {
	long := "DESCRIPTION:" + strings.Repeat("ż", 60)
	got := fold(long)
	for _, line := range strings.Split(strings.TrimSuffix(got, "\r\n"), "\r\n") {
		if len(line) > 75 || !utf8.ValidString(line) {
			t.Errorf("folded line of %d octets: %q", len(line), line)
		}
	}
	if strings.ReplaceAll(strings.TrimSuffix(got, "\r\n"), "\r\n ", "") != long {
		t.Error("unfolding does not give the line back")
	}
}
