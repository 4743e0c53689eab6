package leaflet_test

import (
	"errors"
	"fmt"
	"time"

	"victimsite/internal/leaflet"
)

// Parse reports every problem with the details at once, each naming the
// field (the command's flag, the CSV column) and never repeating a value.
func ExampleParse() {
	_, err := leaflet.Parse(map[string]string{
		"lang": "pl", "crime": "burglary", "crime-ref": "LP-12345-26", "reported": "2026-11-20",
		"officer-name": "Jane Smith", "officer-rank": "PC", "collar": "1234",
		"officer-phone": "01522 000000", "officer-email": "jane.smith@", "station": "Boston",
		"promise-method": "phone", "promise-every": "fortnightly",
	}, time.Now())
	var inv *leaflet.InvalidError
	if errors.As(err, &inv) {
		for _, p := range inv.Problems {
			fmt.Printf("-%s %s\n", p.Field, p.Message)
		}
	}
	// Output:
	// -officer-email is not an email address such as jane.smith@lincs.police.uk
	// -promise-every must be a whole number of days from 1 to 90
}

// UpdateDays gives the days the officer's calendar reminds them of the
// contact promise: the next update, then every so many days for three
// months after the report.
func ExampleUpdateDays() {
	d, _ := leaflet.Parse(map[string]string{
		"lang": "pl", "crime": "burglary", "crime-ref": "LP-12345-26", "reported": "2026-11-20",
		"officer-name": "Jane Smith", "officer-rank": "PC", "collar": "1234",
		"officer-phone": "01522 000000", "officer-email": "jane.smith@lincs.police.uk", "station": "Boston",
		"promise-method": "phone", "promise-every": "28", "promise-next": "2026-11-23",
	}, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	for _, day := range leaflet.UpdateDays(d) {
		fmt.Println(day.Format("Mon 2 January 2006"))
	}
	// Output:
	// Mon 23 November 2026
	// Mon 21 December 2026
	// Mon 18 January 2027
	// Mon 15 February 2027
}

func ExampleFileBase() {
	fmt.Println(leaflet.FileBase("LP/12345/26") + ".pdf")
	// Output: LP-12345-26.pdf
}
