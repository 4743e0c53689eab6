package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"victimsite/internal/leaflet"
	"victimsite/internal/problem"
)

// leafletSynopsis is how to call victimsite leaflet.
const leafletSynopsis = `Usage:
  victimsite leaflet [-site DIR] -lang L -crime C -crime-ref REF -reported YYYY-MM-DD
      -officer-name NAME -officer-rank RANK -collar N -officer-phone PHONE
      -officer-email EMAIL -station STATION -promise-method METHOD -promise-every DAYS
      [-promise-next YYYY-MM-DD] [-victim-name NAME] [-bilingual] [-large-print]
      [-discreet [-contact-name NAME]] [-ics FILE.ics] [-o FILE.pdf]
  victimsite leaflet [-site DIR] -csv FILE -out-dir DIR
`

const leafletUsage = leafletSynopsis + `
Makes a victim's leaflet: their officer, the contact promise, what happens next,
where to get support and their rights, in their language. -large-print sets
every word at 16 pt or more, for a victim with low vision. -discreet makes one
that does not show it comes from the police or what happened, for a victim at
risk if someone else reads it; for domestic abuse, stalking and sexual offences
a warning says so when it is left out. -o defaults to the crime reference, such
as LP-12345-26.pdf, and then never replaces an existing file; -o and -ics write
only regular files (not a pipe, device, link or folder). With -csv (saved with
commas, not semicolons), the first row names the columns with these flag names
(lang,crime,crime-ref,...; bilingual, large-print and discreet take yes or no,
as does an ics column, which asks for the reminders too), each further row
makes one leaflet named after its crime reference, with -2, -3 added when an
earlier row has that name, and -csv - reads standard input. A file already in
-out-dir is never replaced: its row is reported instead. Leaflets are readable
by their owner only (mode 0600).
`

// leafletFlags are the flags of victimsite leaflet.
type leafletFlags struct {
	site    siteDir
	values  map[string]*string // the details, by field name
	bools   map[string]*bool   // the leaflet.Switches: -bilingual, -large-print, -discreet
	out     string
	ics     string
	csv     string
	outDir  string
	workers int
}

func runLeaflet(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("victimsite leaflet", flag.ContinueOnError)
	fl.SetOutput(stderr)
	lf := registerLeafletFlags(fl)
	fl.Usage = func() {
		fmt.Fprint(stderr, leafletUsage+"\nFlags:\n")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "victimsite leaflet: unexpected argument %q; every detail is a flag, such as -lang pl\n", fl.Arg(0))
		return 2
	}
	set := map[string]bool{}
	fl.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if len(set) == 0 || (len(set) == 1 && set["site"]) {
		fmt.Fprint(stderr, leafletSynopsis+"Run victimsite leaflet -h for what each flag means.\n")
		return 2
	}
	if msg := lf.misuse(set); msg != "" {
		fmt.Fprintf(stderr, "victimsite leaflet: %s\n", msg)
		return 2
	}
	r, ok := loadLeaflets(&lf.site, stderr)
	if !ok {
		return 1
	}
	if lf.csv != "" {
		b := &bulk{r: r, outDir: lf.outDir, workers: lf.workers, stderr: stderr, stdout: stdout, every: 2 * time.Second}
		return b.run(ctx, lf.csv)
	}
	return lf.one(r, stdout, stderr)
}

func registerLeafletFlags(fl *flag.FlagSet) *leafletFlags {
	lf := &leafletFlags{values: map[string]*string{}, bools: map[string]*bool{}}
	lf.site.register(fl)
	for _, f := range leaflet.Fields {
		switch f {
		case leaflet.FieldBilingual:
			lf.bools[f] = fl.Bool(f, false, "also print the leaflet in English, after the victim's language")
		case leaflet.FieldLargePrint:
			lf.bools[f] = fl.Bool(f, false, "large print: the same leaflet with no text under 16 pt, on as many pages as it needs,\nfor a victim with low vision")
		case leaflet.FieldDiscreet:
			lf.bools[f] = fl.Bool(f, false, "a leaflet that does not show it comes from the police or what happened: only the officer's first name\n(or -contact-name) and phone, the reference, support services, 999 and 101; no QR code, crime, rank,\ncollar number, email or station. Suggested for domestic abuse, stalking and sexual offences")
		default:
			lf.values[f] = fl.String(f, "", flagHelp[f])
		}
	}
	fl.StringVar(&lf.out, "o", "", "the PDF to write, a regular file (default: the crime reference, such as LP-12345-26.pdf, never replacing one; - for standard output)")
	fl.StringVar(&lf.ics, "ics", "", "also write the officer's reminders of the contact promise to this iCalendar file\n(a reminder on a Christmas or New Year bank holiday moves to the next working day)")
	fl.StringVar(&lf.csv, "csv", "", "make one leaflet per row of this CSV file (- for standard input)")
	fl.StringVar(&lf.outDir, "out-dir", "", "with -csv: the folder to write the leaflets into; no file in it is replaced")
	fl.IntVar(&lf.workers, "workers", runtime.GOMAXPROCS(0), "with -csv: how many leaflets to make at once")
	return lf
}

var flagHelp = map[string]string{
	leaflet.FieldLang:          "the victim's language, such as pl",
	leaflet.FieldCrime:         "the crime, as its page is named: burglary, domestic-abuse, …",
	leaflet.FieldCrimeRef:      "the crime reference number, such as LP-12345-26",
	leaflet.FieldReported:      "the date the crime was reported, YYYY-MM-DD (today or before)",
	leaflet.FieldOfficerName:   "the officer's name",
	leaflet.FieldOfficerRank:   "the officer's rank, such as PC",
	leaflet.FieldCollar:        "the officer's collar number",
	leaflet.FieldOfficerPhone:  "the officer's phone number, starting 0 or +44, such as 01522 000000 or (01522) 000000",
	leaflet.FieldOfficerEmail:  "the officer's email address",
	leaflet.FieldStation:       "the officer's police station",
	leaflet.FieldPromiseMethod: "how the officer will keep in touch: " + strings.Join(leaflet.Methods, ", "),
	leaflet.FieldPromiseEvery:  "how many days apart the updates are",
	leaflet.FieldPromiseNext:   "the date the next update is due by, YYYY-MM-DD (default: reported + promise-every,\nmoved off a Christmas or New Year bank holiday)",
	leaflet.FieldVictimName:    "the victim's name, printed on the leaflet (optional)",
	leaflet.FieldContactName:   "with -discreet: the name the leaflet gives for the officer, instead of rank and full name (default: the officer's first name)",
}

// misuse explains a mix of flags that cannot work together, or says
// nothing.
func (lf *leafletFlags) misuse(set map[string]bool) string {
	if lf.csv == "" {
		if set["out-dir"] || set["workers"] {
			return "-out-dir and -workers go with -csv"
		}
		return ""
	}
	for _, f := range append(slices.Clone(leaflet.Fields), "o", "ics") {
		if set[f] {
			return fmt.Sprintf("-%s cannot go with -csv: the CSV file gives every leaflet's details, in a column named %s", f, f)
		}
	}
	switch {
	case lf.outDir == "":
		return "-csv needs -out-dir DIR, the folder to write the leaflets into"
	case lf.workers < 1:
		return "-workers must be 1 or more"
	}
	return ""
}

// loadLeaflets loads what leaflets need from the site, printing its
// errors (not its warnings: an officer cannot act on them).
func loadLeaflets(sd *siteDir, stderr io.Writer) (*leaflet.Renderer, bool) {
	src, _, ok := loadLeafletSource(sd, "leaflet", stderr)
	if !ok {
		return nil, false
	}
	r, err := leaflet.New(src)
	if err != nil {
		fmt.Fprintf(stderr, "victimsite leaflet: %v\n", err)
		return nil, false
	}
	return r, true
}

// loadLeafletSource opens the site and loads what leaflets need, for the
// named command, printing the site's errors but not its warnings.
func loadLeafletSource(sd *siteDir, command string, stderr io.Writer) (leaflet.Source, fs.FS, bool) {
	fsys, dir, err := sd.open()
	if err != nil {
		fmt.Fprintf(stderr, "victimsite %s: %v\n", command, err)
		return leaflet.Source{}, nil, false
	}
	src, probs := leaflet.Load(fsys)
	var errs problem.List
	for _, p := range probs {
		if !p.Warning {
			errs = append(errs, p)
		}
	}
	if len(errs) > 0 {
		printProblems(stderr, dir, errs)
		fmt.Fprintf(stderr, "victimsite %s: the site has problems (listed above); fix them, or ask whoever looks after the site\n", command)
		return leaflet.Source{}, nil, false
	}
	return src, fsys, true
}

// one makes the leaflet the flags describe.
func (lf *leafletFlags) one(r *leaflet.Renderer, stdout, stderr io.Writer) int {
	values := map[string]string{}
	for f, v := range lf.values {
		values[f] = *v
	}
	for f, v := range lf.bools {
		values[f] = strconv.FormatBool(*v)
	}
	d, err := r.Read(values, time.Now())
	if err != nil {
		printFieldErrors(stderr, err)
		return 1
	}
	printFieldErrors(stderr, leaflet.Advise(d))
	pdf, err := r.Render(d)
	if err != nil {
		printFieldErrors(stderr, err)
		return 1
	}
	out, replace := lf.out, true
	if out == "" {
		out, replace = leaflet.FileBase(d.CrimeRef)+".pdf", false
	}
	if out != "-" {
		err = checkOut("-o", out, replace)
	}
	if err == nil && lf.ics != "" {
		err = checkOut("-ics", lf.ics, true)
	}
	if err == nil && out == "-" {
		_, err = stdout.Write(pdf)
	} else if err == nil {
		err = writeOut(out, pdf)
	}
	if err == nil && lf.ics != "" {
		err = writeOut(lf.ics, leaflet.Calendar(d, time.Now()))
	}
	if err != nil {
		fmt.Fprintf(stderr, "victimsite leaflet: %v\n", err)
		return 1
	}
	if out != "-" {
		fmt.Fprintf(stdout, "wrote %s\n", out)
	}
	return 0
}

// printFieldErrors prints each problem (or warning) with a field as
// "-field message", naming the flag to fix.
func printFieldErrors(stderr io.Writer, err error) {
	for _, x := range leaflet.Explain(err, flagName) {
		if x.Warning {
			x.Text = "warning: " + x.Text
		}
		fmt.Fprintf(stderr, "victimsite leaflet: %s\n", x.Text)
	}
}

// flagName is how the command names a field: by its flag.
func flagName(field string) string {
	if field == "" {
		return ""
	}
	return "-" + field
}
