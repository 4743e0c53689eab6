package locale

// A Field is a value that the code fills into a message, written {{.Name}}
// in the message.
type Field string

// The fields that messages are given. Each has a sample value that Load
// fills in to try every message in every language.
const (
	Count     Field = "Count"     // a number, which also chooses the plural form
	Date      Field = "Date"      // a date, already written the language's way
	Day       Field = "Day"       // the day of the month, a number
	Month     Field = "Month"     // the name of a month in the language
	Year      Field = "Year"      // a year, a number
	Name      Field = "Name"      // a person's name: the victim, or the officer on a discreet leaflet
	Phone     Field = "Phone"     // a phone number from site.toml
	Ref       Field = "Ref"       // the crime reference number
	Method    Field = "Method"    // how the officer keeps in touch, in the language: "by phone"
	Languages Field = "Languages" // the site's languages, each by its own name
	URL       Field = "URL"       // a web address
	Page      Field = "Page"      // a page number
	Pages     Field = "Pages"     // the number of pages
)

// samples are what Load fills in for each field when it tries a message.
var samples = map[Field]any{
	Count: 2, Date: "27 November 2026", Day: 27, Month: "November", Year: 2026,
	Name: "Alex Smith", Phone: "101", Ref: "LP-12345-26", Method: "by phone",
	Languages: "English, Polski", URL: "victims.example.org/en", Page: 2, Pages: 4,
}

// Params lists every message that the code fills in with data, and the
// fields it gives that message, whoever calls it: the website's layouts
// ({{N "EnhancedText" .Days}} gives Count), the footer and dates (package
// site and Lang.Date) and the leaflets (package leaflet). A message not
// listed here is given nothing, so a placeholder in it is an error.
//
// TestParamsMatchTheCallers reads every call in the code and every layout,
// and fails when a caller gives a message other fields than these, so the
// table cannot drift from the code.
var Params = map[string][]Field{
	"DateFormat":             {Day, Month, Year},
	"LastChecked":            {Date},
	"EnhancedText":           {Count},
	"LeafletFor":             {Name},
	"LeafletPromise":         {Count, Method, Date},
	"LeafletCall999":         {Phone},
	"LeafletCall101":         {Phone, Ref},
	"LeafletCall101Generic":  {Phone},
	"LeafletReferral":        {Count},
	"LeafletUpdates":         {Count},
	"LeafletEnhanced":        {Count},
	"LeafletEnhancedGeneric": {Count},
	"LeafletComplain":        {Phone},
	"LeafletLanguages":       {Languages, URL},
	"LeafletDiscreetPromise": {Count, Method, Date, Name},
	"LeafletDiscreetMore":    {Name},
	"LeafletDiscreetCall101": {Name, Phone, Ref},
	"LeafletPageOf":          {Page, Pages},
	"LeafletMade":            {Date},
}

// sampleData is what callers give the message id, with sample values.
func sampleData(id string) map[string]any {
	fields := Params[id]
	if len(fields) == 0 {
		return nil
	}
	data := make(map[string]any, len(fields))
	for _, f := range fields {
		data[string(f)] = samples[f]
	}
	return data
}
