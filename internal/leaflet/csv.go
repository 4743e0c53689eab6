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
// order, in any case and with _ or a space for -; each row after it is
// one leaflet. Rows are numbered as a spreadsheet shows them: the header
// is row 1, and a problem names a column as the header spells it.
type CSVReader struct {
	r       *csv.Reader
	read    func(values map[string]string) (Details, error)
	columns []string          // the field of each column
	names   map[string]string // field -> the column's name in the header
	row     int
}

// Row is one row of a CSV file, ready to render.
type Row struct {
	N        int // the row's number; the header is row 1
	Details  Details
	Calendar bool              // the ics column: also write the officer's reminders
	Warnings *RowError         // Advise's warnings about the row, or nil
	names    map[string]string // field -> column name, from the header
}

// Problems returns err, a problem found with the row after it was read
// (by Render, or Advise's warnings), as a *RowError that names the row and
// its columns.
func (r Row) Problems(err error) *RowError {
	rerr := &RowError{Row: r.N, names: r.names}
	for _, e := range flatten(err) {
		var fe *FieldError
		if errors.As(e, &fe) {
			rerr.Problems = append(rerr.Problems, fe)
		} else {
			rerr.add("", "%v", e)
		}
	}
	return rerr
}

// RowError is a CSV row that cannot become a leaflet, with every problem
// found in it. A problem whose Field is empty concerns the whole row.
type RowError struct {
	Row      int
	Problems []*FieldError
	names    map[string]string // field -> column name, from the header
}

// Error gives one line per problem: "row 3, column officer-email: …",
// with "warning: " before a warning.
func (e *RowError) Error() string {
	var lines []string
	for _, x := range Explain(e, e.where) {
		if x.Warning {
			x.Text = "warning: " + x.Text
		}
		lines = append(lines, x.Text)
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns each *FieldError, for Explain and errors.As.
func (e *RowError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// where names the row, and the column as the header spells it.
func (e *RowError) where(field string) string {
	if field == "" {
		return fmt.Sprintf("row %d:", e.Row)
	}
	if name, ok := e.names[field]; ok {
		field = name
	}
	return fmt.Sprintf("row %d, column %s:", e.Row, field)
}

func (e *RowError) add(field, format string, args ...any) {
	e.Problems = append(e.Problems, &FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// NewCSVReader reads the header. A column that is not a field, a column
// given twice and a required column that is missing are a *RowError for
// row 1: no row can be read right until the header is fixed. Each row is
// then read with read: a Renderer's Read, which checks the row against
// the site too, or Parse.
func NewCSVReader(r io.Reader, read func(values map[string]string) (Details, error)) (*CSVReader, error) {
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
	c := &CSVReader{r: cr, read: read, row: 1, names: map[string]string{}}
	herr := &RowError{Row: 1}
	if len(header) == 1 && strings.Contains(header[0], ";") {
		herr.add("", "the columns are separated by semicolons (;), not commas; save the file again as CSV with commas (in Excel: CSV UTF-8 (Comma delimited)), or replace every ; between columns with a comma")
		return nil, herr
	}
	known := append(slices.Clone(Fields), CalendarColumn)
	for i, h := range header {
		typed := strings.TrimSpace(h)
		if i == 0 {
			typed = strings.TrimSpace(strings.TrimPrefix(typed, "\ufeff")) // a byte-order mark from a spreadsheet
		}
		name := columnField(typed)
		switch {
		case !slices.Contains(known, name):
			herr.add(typed, "is not a column; the columns are %s", strings.Join(known, ", "))
		case slices.Contains(c.columns, name):
			herr.add(typed, "is given twice; keep one")
		default:
			c.names[name] = typed
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
			rerr := &RowError{Row: c.row, names: c.names}
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
	rerr := &RowError{Row: c.row, names: c.names}
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
	row := Row{N: c.row, names: c.names}
	cal := values[CalendarColumn]
	delete(values, CalendarColumn)
	var inv InvalidError
	row.Calendar = boolean(&inv, CalendarColumn, strings.TrimSpace(cal))
	d, err := c.read(values)
	row.Details = d
	var perr *InvalidError
	if errors.As(err, &perr) {
		inv.Problems = append(inv.Problems, perr.Problems...)
	}
	rerr.Problems = append(rerr.Problems, inv.Problems...)
	if len(rerr.Problems) > 0 {
		return row, rerr
	}
	if w := Advise(d); w != nil {
		row.Warnings = row.Problems(w)
	}
	return row, nil
}

// columnField is the field a header names: the flag's name, in any case,
// with or without its dash, with _ or a space for -.
func columnField(typed string) string {
	name := strings.ToLower(strings.TrimPrefix(typed, "-"))
	return strings.NewReplacer("_", "-", " ", "-").Replace(name)
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
