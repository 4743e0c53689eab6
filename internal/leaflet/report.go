package leaflet

import "errors"

// Explanation is one problem with a leaflet's details, said in the terms
// of whoever typed them: the flag on the command line, the row and column
// of a CSV file, the question of the desk's form.
type Explanation struct {
	Field   string // a name from Fields, or "" for a problem that is no one field's
	Text    string // where the problem is, then what is wrong and what to do
	Warning bool   // the details can be used, but the officer should look again: see Advise
}

// Explain says every problem in err, which may be an *InvalidError, a
// *RowError, the warnings of Advise or any of them joined. where names a
// field as the person knows it ("-officer-phone", "row 4, column
// officer_phone:", "Your phone number"), and where("") names the whole
// (a CSV row) or is empty. Each *FieldError becomes where(field) and its
// message, which says what the field must hold and never repeats what was
// typed; any other error becomes where("") and its text. The command, the
// CSV reader and the desk report through this one function, so a problem
// reads the same wherever the details came from.
func Explain(err error, where func(field string) string) []Explanation {
	var out []Explanation
	for _, e := range flatten(err) {
		var fe *FieldError
		if errors.As(e, &fe) {
			out = append(out, Explanation{Field: fe.Field, Text: join(where(fe.Field), fe.Message), Warning: fe.Warning})
		} else {
			out = append(out, Explanation{Text: join(where(""), e.Error())})
		}
	}
	return out
}

// flatten lists the errors joined in err, depth first.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if m, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range m.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

func join(where, what string) string {
	if where == "" {
		return what
	}
	return where + " " + what
}

// Advise returns the warnings about details that Parse accepted but that
// the officer should look at again, each a *FieldError with Warning set,
// joined; or nil. A leaflet about domestic abuse, stalking or a sexual
// offence that is not discreet shows that it comes from the police and
// what happened, which can put the victim at risk; a next update due on a
// Christmas or New Year bank holiday moves the officer's reminder after
// the date the leaflet promises.
func Advise(d Details) error {
	var warnings []error
	warn := func(field, msg string) {
		warnings = append(warnings, &FieldError{Field: field, Message: msg, Warning: true})
	}
	if SuggestsDiscreet(d.Crime) && !d.Discreet {
		warn(FieldDiscreet, "is not set, so the leaflet shows that it comes from the police and what the crime is. "+
			"For domestic abuse, stalking and sexual offences that can put the victim in danger if someone else sees it: "+
			"make the leaflet discreet unless the victim has told you a full leaflet is safe for them")
	}
	if d.ContactName != "" && !d.Discreet {
		warn(FieldContactName, "is printed only on a discreet leaflet; this leaflet gives the officer's rank and full name")
	}
	if next := d.Promise.Next; !next.IsZero() && !workingDay(next).Equal(next) {
		warn(FieldPromiseNext, "is a bank holiday (Christmas, Boxing Day, New Year's Day or a day off in lieu), so the reminder in the calendar falls on the next working day, after the date the leaflet promises; choose a working day")
	}
	return errors.Join(warnings...)
}
