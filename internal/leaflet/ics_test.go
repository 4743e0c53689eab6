package leaflet

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestCalendar(t *testing.T) {
	d := sample("pl")
	d.VictimName = "Alex Doe"
	cal := string(Calendar(d, testNow))
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
}

// uids returns the UIDs of a calendar's events.
func uids(cal string) []string {
	var out []string
	for _, line := range strings.Split(cal, "\r\n") {
		if uid, ok := strings.CutPrefix(line, "UID:"); ok {
			out = append(out, uid)
		}
	}
	return out
}

// TestCalendarUIDs makes the calendars of two victims of one crime, with
// the same officer and promise: importing both must keep both, so no UID
// may repeat, and no UID may show the crime reference or a name.
func TestCalendarUIDs(t *testing.T) {
	d := sample("pl")
	first, second := string(Calendar(d, testNow)), string(Calendar(d, testNow))
	seen := map[string]bool{}
	shape := regexp.MustCompile(`^[0-9a-f]{32}@victimsite$`)
	for _, uid := range append(uids(first), uids(second)...) {
		if seen[uid] {
			t.Errorf("UID %s comes twice: one victim's reminders would replace the other's", uid)
		}
		seen[uid] = true
		if !shape.MatchString(uid) {
			t.Errorf("UID %q is not 32 hex digits @victimsite", uid)
		}
	}
	if len(seen) != 26 {
		t.Errorf("%d UIDs, want 13 in each calendar", len(seen))
	}
	for _, secret := range []string{"12345", "LP", "Jane", "20261127"} {
		if strings.Contains(strings.Join(uids(first), " "), secret) {
			t.Errorf("a UID shows %q", secret)
		}
	}
}

// TestCalendarStampAndSequence dates the file when it is made, not when
// the crime was reported, and numbers each event's first version.
func TestCalendarStampAndSequence(t *testing.T) {
	made := time.Date(2026, 11, 23, 14, 5, 9, 0, time.FixedZone("BST", 3600))
	cal := string(Calendar(sample("en"), made))
	events := strings.Count(cal, "BEGIN:VEVENT")
	if n := strings.Count(cal, "\r\nDTSTAMP:20261123T130509Z\r\n"); n != events || n == 0 {
		t.Errorf("%d of %d events have DTSTAMP 20261123T130509Z (when the file was made, in UTC)", n, events)
	}
	if n := strings.Count(cal, "\r\nSEQUENCE:0\r\n"); n != events {
		t.Errorf("%d of %d events have SEQUENCE:0", n, events)
	}
}

// TestCalendarSkipsBankHolidays moves a reminder off Christmas, Boxing
// Day and New Year's Day (and the days off in lieu when they fall at a
// weekend) to the next working day.
func TestCalendarSkipsBankHolidays(t *testing.T) {
	tests := []struct {
		next  string
		every int
		want  []string // the first reminders
	}{
		// Friday 25 December 2026; Boxing Day is a Saturday, so Monday 28 is off.
		{"2026-12-25", 7, []string{"2026-12-29", "2027-01-04", "2027-01-08"}},
		// Saturday 25 December 2027: off on Monday 27 and Tuesday 28;
		// Saturday 1 January 2028: off on Monday 3.
		{"2027-12-25", 7, []string{"2027-12-29", "2028-01-04", "2028-01-08"}},
		// Daily: the days that move meet on the next working day, once.
		// A weekend reminder that is not a bank holiday stays (Sunday 27).
		{"2026-12-24", 1, []string{"2026-12-24", "2026-12-27", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-02", "2027-01-03", "2027-01-04", "2027-01-05"}},
		{"2026-12-20", 14, []string{"2026-12-20", "2027-01-03", "2027-01-17"}},
	}
	for _, tt := range tests {
		d := sample("en")
		d.Reported = day(tt.next).AddDate(0, 0, -tt.every)
		d.Promise.Next, d.Promise.Every = day(tt.next), tt.every
		var got []string
		for _, day := range UpdateDays(d) {
			got = append(got, day.Format(dateLayout))
		}
		if len(got) < len(tt.want) || strings.Join(got[:len(tt.want)], " ") != strings.Join(tt.want, " ") {
			t.Errorf("next %s, every %d: reminders %v, want %v first", tt.next, tt.every, got, tt.want)
		}
		cal := string(Calendar(d, testNow))
		for _, closed := range []string{"1225", "1226", "0101"} {
			for _, y := range []string{"2026", "2027", "2028"} {
				if strings.Contains(cal, "DTSTART;VALUE=DATE:"+y+closed+"\r\n") {
					t.Errorf("next %s, every %d: a reminder on %s%s", tt.next, tt.every, y, closed)
				}
			}
		}
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

// TestChristmasHolidays checks the weekdays off against the bank holidays
// gov.uk lists for England and Wales.
func TestChristmasHolidays(t *testing.T) {
	want := map[int]string{
		2020: "2020-12-25 2020-12-28 2021-01-01",
		2021: "2021-12-27 2021-12-28 2022-01-03",
		2022: "2022-12-26 2022-12-27 2023-01-02",
		2026: "2026-12-25 2026-12-28 2027-01-01",
		2027: "2027-12-27 2027-12-28 2028-01-03",
	}
	for year, days := range want {
		var got []string
		for d := time.Date(year, 12, 20, 0, 0, 0, 0, time.UTC); d.Before(time.Date(year+1, 1, 8, 0, 0, 0, 0, time.UTC)); d = d.AddDate(0, 0, 1) {
			if christmasHoliday(d) && !weekend(d) {
				got = append(got, d.Format(dateLayout))
			}
		}
		if strings.Join(got, " ") != days {
			t.Errorf("%d: weekdays off %v, want %s", year, got, days)
		}
	}
}
