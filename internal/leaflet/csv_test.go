package leaflet

import (
	"errors"
	"io"
	"strings"
	"testing"
)

const header = "lang,crime,crime-ref,reported,officer-name,officer-rank,collar,officer-phone,officer-email,station,promise-method,promise-every\n"

// readAll reads every row, collecting the problems as their lines.
func readAll(t *testing.T, csv string) ([]Row, []string) {
	t.Helper()
	cr, err := NewCSVReader(strings.NewReader(csv), parseNow)
	if err != nil {
		return nil, strings.Split(err.Error(), "\n")
	}
	var rows []Row
	var probs []string
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, probs
		}
		var rerr *RowError
		switch {
		case errors.As(err, &rerr):
			probs = append(probs, strings.Split(rerr.Error(), "\n")...)
		case err != nil:
			t.Fatal(err)
		default:
			rows = append(rows, row)
		}
	}
}

func TestCSV(t *testing.T) {
	csv := "\ufeff" + strings.ToUpper(header[:4]) + header[4:] +
		"pl,burglary,LP-1-26,2026-11-20,Jane Smith,PC,1234,01522 000000,jane.smith@lincs.police.uk,Boston,phone,7\n" +
		",,,,,,,,,,,\n" + // a spreadsheet's empty row
		"ar,burglary,LP-2-26,2026-11-20,\"Smith, Jane\",PC,1234,01522 000000,not-an-email,Boston,phone,7\n" +
		"en,burglary,LP-3-26,2026-11-20,\"A \"\"Quoted\"\" Name\",PC,1234,01522 000000,a@b.uk,Boston,visit,14\n" +
		"en,burglary,LP-4-26,2026-13-01,Jane,PC,x,01522 000000,a@b.uk,,phone,7\n"
	rows, probs := readAll(t, csv)
	if len(rows) != 2 || rows[0].N != 2 || rows[1].N != 5 {
		t.Fatalf("rows = %+v, want rows 2 and 5", rows)
	}
	if rows[1].Details.Officer.Name != `A "Quoted" Name` || rows[1].Details.Promise.Every != 14 {
		t.Errorf("row 5 = %+v", rows[1].Details)
	}
	want := []string{
		"row 4, column officer-email: is not an email address such as jane.smith@lincs.police.uk",
		"row 6, column reported: is not a date written YYYY-MM-DD, such as 2026-11-20",
		"row 6, column collar: is not a collar number such as 1234: up to 6 digits, after at most 2 letters",
		"row 6, column station: is empty; give the officer's police station, such as Boston",
	}
	if strings.Join(probs, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(probs, "\n"), strings.Join(want, "\n"))
	}
}

func TestCSVHeader(t *testing.T) {
	tests := []struct {
		name, csv string
		want      []string
	}{
		{"empty", "", []string{"row 1: the file is empty; it needs a header row naming the columns: " + strings.Join(Fields, ",")}},
		{"unknown column", strings.TrimSuffix(header, "\n") + ",colour\n", []string{"row 1, column colour: is not a column; the columns are " + strings.Join(append(Fields, "ics"), ", ")}},
		{"twice", strings.TrimSuffix(header, "\n") + ",lang\n", []string{"row 1, column lang: is given twice; keep one"}},
		{"missing", "lang,crime\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewCSVReader(strings.NewReader(tt.csv), parseNow)
			var rerr *RowError
			if !errors.As(err, &rerr) || rerr.Row != 1 {
				t.Fatalf("NewCSVReader = %v, want a problem with row 1", err)
			}
			if tt.want != nil && err.Error() != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%v\nwant\n%s", err, strings.Join(tt.want, "\n"))
			}
			if tt.name == "missing" && !strings.Contains(err.Error(), "row 1, column crime-ref: is missing") {
				t.Errorf("got %v, want the missing columns named", err)
			}
		})
	}
}

// TestCSVLargePrint reads the large-print column, whatever the header
// calls it, and names the column as the header spells it when a value is
// not yes or no.
func TestCSVLargePrint(t *testing.T) {
	for _, column := range []string{"large-print", "Large Print", "large_print", "LARGE-PRINT"} {
		csv := strings.TrimSuffix(header, "\n") + "," + column + "\n" +
			"pl,burglary,LP-1-26,2026-11-20,Jane,PC,1,01522 000000,a@b.uk,Boston,phone,7,yes\n" +
			"pl,burglary,LP-2-26,2026-11-20,Jane,PC,1,01522 000000,a@b.uk,Boston,phone,7,no\n" +
			"pl,burglary,LP-3-26,2026-11-20,Jane,PC,1,01522 000000,a@b.uk,Boston,phone,7,\n" +
			"pl,burglary,LP-4-26,2026-11-20,Jane,PC,1,01522 000000,a@b.uk,Boston,phone,7,16pt\n"
		rows, probs := readAll(t, csv)
		if len(rows) != 3 || !rows[0].Details.LargePrint || rows[1].Details.LargePrint || rows[2].Details.LargePrint {
			t.Errorf("%s: rows = %+v, want rows 2 to 4, only row 2 in large print", column, rows)
		}
		want := "row 5, column " + column + ": must be yes or no (or true or false)"
		if len(probs) != 1 || probs[0] != want {
			t.Errorf("%s: problems = %q, want %q", column, probs, want)
		}
	}
}

func TestCSVRowShape(t *testing.T) {
	csv := strings.TrimSuffix(header, "\n") + ",ics,bilingual\n" +
		"pl,burglary,LP-1-26,2026-11-20,Jane,PC,1,01522 000000,a@b.uk,Boston,phone,7,yes,y\n" +
		"pl,burglary,LP-2-26,2026-11-20,Jane,PC,1,01522 000000,a@b.uk,Boston,phone,7,no,n,extra\n" +
		"pl,burglary,\"LP-3\n-26\",2026-11-20\n" +
		"pl,bur\"glary,LP-4-26\n" +
		"pl,burglary,LP-5-26,2026-11-20,Jane,PC,1,01522 000000,a@b.uk,Boston,phone,7,maybe\n"
	rows, probs := readAll(t, csv)
	if len(rows) != 1 || !rows[0].Calendar || !rows[0].Details.Bilingual {
		t.Errorf("rows = %+v, want row 2 with a calendar, bilingual", rows)
	}
	for _, want := range []string{
		"row 3: has 15 values but the header names 14 columns",
		"row 4, column crime-ref: is not a crime reference",
		"row 5: is not valid CSV",
		"row 6, column ics: must be yes or no",
	} {
		found := false
		for _, p := range probs {
			found = found || strings.HasPrefix(p, want)
		}
		if !found {
			t.Errorf("no problem starting %q in:\n%s", want, strings.Join(probs, "\n"))
		}
	}
}

// FuzzCSV checks that the reader never panics and that every problem it
// reports names a row, and a column when there is one.
func FuzzCSV(f *testing.F) {
	f.Add(header + "pl,burglary,LP-1-26,2026-11-20,Jane Smith,PC,1234,01522 000000,jane@lincs.police.uk,Boston,phone,7\n")
	f.Add(header + "\"unterminated\n")
	f.Add("lang\n\"a\"\"b\",c\n")
	f.Add("\ufefflang,crime,ics\nx,y,z\n")
	f.Add(header + ",,,,\n\n\r\n")
	f.Fuzz(func(t *testing.T, csv string) {
		cr, err := NewCSVReader(strings.NewReader(csv), parseNow)
		if err != nil {
			checkRowError(t, err)
			return
		}
		for i := 0; i < 1000; i++ {
			row, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				checkRowError(t, err)
				continue
			}
			if row.N < 2 {
				t.Fatalf("a data row numbered %d", row.N)
			}
		}
	})
}

func checkRowError(t *testing.T, err error) {
	t.Helper()
	var rerr *RowError
	if !errors.As(err, &rerr) {
		t.Fatalf("error %T %v, want *RowError", err, err)
	}
	if rerr.Row < 1 || len(rerr.Problems) == 0 {
		t.Fatalf("RowError %+v names no row or no problem", rerr)
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if !strings.HasPrefix(line, "row ") {
			t.Fatalf("problem %q does not start with its row", line)
		}
	}
}

// TestCSVEveryBadColumn reads rows as the command does, checked against
// the site, and wants every bad column of a row named, in the header's
// order and spelling, and no value repeated.
func TestCSVEveryBadColumn(t *testing.T) {
	r := testRenderer(t)
	read := func(v map[string]string) (Details, error) { return r.Read(v, testNow) }
	csv := strings.Replace(header, "officer-phone", "Officer_Phone", 1) +
		"xx,shoplifting,LP-1-26,2099-01-01,Jane Smith,PC,1234,1522000000,secret@,Boston,phone,7\n" +
		"fr,burglary,LP-2-26,2026-11-20,Jane Smith,PC,1234,01522 000000,jane@lincs.police.uk,Boston,phone,7\n"
	cr, err := NewCSVReader(strings.NewReader(csv), read)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		_, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			got = append(got, strings.Split(err.Error(), "\n")...)
		}
	}
	want := []string{
		"row 2, column lang: is not a language of the site; use one of en, pl, lt, ro, ar",
		"row 2, column crime: has no page on the site; use one of burglary, domestic-abuse",
		"row 2, column reported: is after today; give the date the crime was reported, as YYYY-MM-DD",
		"row 2, column Officer_Phone: has lost its leading 0, as a spreadsheet drops it; write it as 01522 000000 (in a spreadsheet, format the column as text)",
		"row 2, column officer-email: is not an email address such as jane.smith@lincs.police.uk",
		"row 3, column lang: is not a language of the site; use one of en, pl, lt, ro, ar",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCSVSemicolons gives one hint for a file a spreadsheet saved with
// semicolons, instead of a line for every column it cannot find.
func TestCSVSemicolons(t *testing.T) {
	csv := strings.ReplaceAll(header, ",", ";") +
		"pl;burglary;LP-1-26;2026-11-20;Jane Smith;PC;1234;01522 000000;jane@lincs.police.uk;Boston;phone;7\n"
	_, err := NewCSVReader(strings.NewReader(csv), parseNow)
	var rerr *RowError
	if !errors.As(err, &rerr) || rerr.Row != 1 {
		t.Fatalf("NewCSVReader = %v, want a problem with row 1", err)
	}
	want := "row 1: the columns are separated by semicolons (;), not commas; save the file again as CSV with commas (in Excel: CSV UTF-8 (Comma delimited)), or replace every ; between columns with a comma"
	if err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestCSVWarnings gives a row about domestic abuse that is not discreet a
// warning, which does not stop its leaflet.
func TestCSVWarnings(t *testing.T) {
	csv := strings.TrimSuffix(header, "\n") + ",discreet\n" +
		"en,domestic-abuse,LP-1-26,2026-11-20,Jane Smith,PC,1234,01522 000000,jane@lincs.police.uk,Boston,phone,7,no\n" +
		"en,domestic-abuse,LP-2-26,2026-11-20,Jane Smith,PC,1234,01522 000000,jane@lincs.police.uk,Boston,phone,7,yes\n"
	rows, probs := readAll(t, csv)
	if len(rows) != 2 || len(probs) != 0 {
		t.Fatalf("rows %+v, problems %v; want both rows", rows, probs)
	}
	if rows[0].Warnings == nil || !strings.HasPrefix(rows[0].Warnings.Error(), "warning: row 2, column discreet: is not set, so the leaflet shows") {
		t.Errorf("row 2 warnings = %v", rows[0].Warnings)
	}
	if rows[1].Warnings != nil {
		t.Errorf("row 3, discreet, warnings = %v", rows[1].Warnings)
	}
}
