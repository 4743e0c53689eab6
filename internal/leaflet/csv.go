package leaflet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// CalendarColumn is the CSV column that asks for the officer's iCalendar
// reminders beside a row's leaflet (yes or no). On the command line it is
// the -ics flag, which names the file instead.
const CalendarColumn = "ics"

// CSVReader reads the details of many leaflets from CSV. The first row
// names the columns with the flag names (lang,crime,crime-ref,…), in any
// order; each row after it is one leaflet. Rows are numbered as a
// spreadsheet shows them: the header is row 1.
type CSVReader struct {
	r       *csv.Reader
	columns []string
	row     int
}

// Row is one row of a CSV file, ready to render.
type Row struct {
	N        int // the row's number; the header is row 1
	Details  Details
	Calendar bool // the ics column: also write the officer's reminders
}

// RowError is a CSV row that cannot become a leaflet, with every problem
// found in it. A problem whose Field is empty concerns the whole row.
type RowError struct {
	Row      int
	Problems []*FieldError
}

// Error gives one line per problem: "row 3, column officer-email: …".
func (e *RowError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		if p.Field == "" {
			lines[i] = fmt.Sprintf("row %d: %s", e.Row, p.Message)
		} else {
			lines[i] = fmt.Sprintf("row %d, column %s: %s", e.Row, p.Field, p.Message)
		}
	}
	return strings.Join(lines, "\n")
}

func (e *RowError) add(field, format string, args ...any) {
	e.Problems = append(e.Problems, &FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// NewCSVReader reads the header. A column that is not a field, a column
// given twice and a required column that is missing are a *RowError for
// row 1: no row can be read right until the header is fixed.
func NewCSVReader(r io.Reader) (*CSVReader, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		herr := &RowError{Row: 1}
		if errors.Is(err, io.EOF) {
			herr.add("", "the file is empty; it needs a header row naming the columns: %s", strings.Join(Fields, ","))
		} else {
			herr.add("", "cannot read the header: %s", csvMessage(err))
		}
		return nil, herr
	}
	c := &CSVReader{r: cr, row: 1}
	herr := &RowError{Row: 1}
	known := append(slices.Clone(Fields), CalendarColumn)
	for i, h := range header {
		name := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(h), "-"))
		if i == 0 {
			name = strings.TrimPrefix(name, "\ufeff") // a byte-order mark from a spreadsheet
		}
		switch {
		case !slices.Contains(known, name):
			herr.add(name, "is not a column; the columns are %s", strings.Join(known, ", "))
		case slices.Contains(c.columns, name):
			herr.add(name, "is given twice; keep one")
		}
		c.columns = append(c.columns, name)
	}
	for _, f := range Required {
		if !slices.Contains(c.columns, f) {
			herr.add(f, "is missing; every leaflet needs it")
		}
	}
	if len(herr.Problems) > 0 {
		return nil, herr
	}
	return c, nil
}

// Read returns the next row. A row with problems is a *RowError, after
// which reading may go on; io.EOF ends the file; any other error means the
// file cannot be read further. Rows with nothing in them are skipped.
func (c *CSVReader) Read() (Row, error) {
	for {
		rec, err := c.r.Read()
		if errors.Is(err, io.EOF) {
			return Row{}, io.EOF
		}
		c.row++
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			rerr := &RowError{Row: c.row}
			rerr.add("", "is not valid CSV: %s; put a value that holds a comma or a quote in double quotes, and double the quotes inside it", csvMessage(err))
			return Row{N: c.row}, rerr
		}
		if err != nil {
			return Row{}, fmt.Errorf("row %d: %w", c.row, err)
		}
		if isEmpty(rec) {
			continue
		}
		return c.parse(rec)
	}
}

// parse turns one record into a Row.
func (c *CSVReader) parse(rec []string) (Row, error) {
	rerr := &RowError{Row: c.row}
	values := map[string]string{}
	for i, v := range rec {
		if i >= len(c.columns) {
			if strings.TrimSpace(v) != "" {
				rerr.add("", "has %d values but the header names %d columns", len(rec), len(c.columns))
				break
			}
			continue
		}
		values[c.columns[i]] = v
	}
	row := Row{N: c.row}
	cal := values[CalendarColumn]
	delete(values, CalendarColumn)
	var inv InvalidError
	row.Calendar = boolean(&inv, CalendarColumn, strings.TrimSpace(cal))
	d, err := Parse(values)
	row.Details = d
	var perr *InvalidError
	if errors.As(err, &perr) {
		inv.Problems = append(inv.Problems, perr.Problems...)
	}
	rerr.Problems = append(rerr.Problems, inv.Problems...)
	if len(rerr.Problems) > 0 {
		return row, rerr
	}
	return row, nil
}

func isEmpty(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// csvMessage gives the reason of a CSV error without its position, which
// counts lines rather than rows.
func csvMessage(err error) string {
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		return perr.Err.Error()
	}
	return err.Error()
}
