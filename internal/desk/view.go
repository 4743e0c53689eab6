package desk

import (
	"slices"
	"strings"

	"victimsite/internal/leaflet"
)

// question is how the form asks for one of the leaflet's fields: the
// GOV.UK pattern of a label, a hint and, after a failed submission, the
// error beside the field.
type question struct {
	Name         string // the leaflet's field name, also the id of the input
	Label        string
	Hint         string
	Type         string // the input's type: text, email, tel or date
	Width        string // a govuk-input--width-N class, or "" for the full width
	Autocomplete string // "off" for anything about the victim
	Numeric      bool   // digits only: inputmode numeric
	NoSpell      bool   // codes and addresses: no spell check
	Empty        string // the message when a required field is left empty
	Noun         string // starts the sentence of any other message
}

// questions are the leaflet's fields as the form asks for them. Every
// name in leaflet.Fields has one (a test checks), and the officer's own
// details have the autocomplete tokens of a person filling in their own
// details, which the victim's never do.
var questions = map[string]question{
	leaflet.FieldLang: {Label: "The victim's language",
		Hint:  "The leaflet is printed in this language. Each language is listed by its own name, so the victim can point to theirs.",
		Empty: "Choose the victim's language", Noun: "The language"},
	leaflet.FieldCrime: {Label: "Crime",
		Hint:  "The leaflet says what happens next for this crime and who can help.",
		Empty: "Choose the crime", Noun: "The crime"},
	leaflet.FieldCrimeRef: {Label: "Crime reference number", Hint: "For example, LP-12345-26",
		Type: "text", Width: "govuk-input--width-20", Autocomplete: "off", NoSpell: true,
		Empty: "Enter the crime reference number", Noun: "The crime reference number"},
	leaflet.FieldReported: {Label: "Date reported", Hint: "The day the crime was reported to the police.",
		Type: "date", Width: "govuk-input--width-10", Autocomplete: "off",
		Empty: "Enter the date the crime was reported", Noun: "The date reported"},
	leaflet.FieldVictimName: {Label: "The victim's name (optional)",
		Hint: "Printed on the leaflet so that it reaches the right person. Leave it out if someone else might see the leaflet.",
		Type: "text", Autocomplete: "off", Noun: "The victim's name"},
	leaflet.FieldBilingual: {Label: "Also print the leaflet in English, after the victim's language", Noun: "The English copy"},
	leaflet.FieldLargePrint: {Label: "Large print",
		Hint: "Every word is printed at 16 point or larger, for someone who finds ordinary print hard to read. " +
			"The leaflet says the same and runs to more pages.",
		Noun: "Large print"},
	leaflet.FieldDiscreet: {Label: "Discreet leaflet",
		Hint: "Suggested for domestic abuse, stalking and sexual offences, and for anyone at risk if someone else sees the leaflet. " +
			"It does not show that it comes from the police or what happened. It gives your first name (or the name you give below) " +
			"and phone number, the reference, support services, 999 and 101.",
		Noun: "The discreet leaflet"},
	leaflet.FieldOfficerName: {Label: "Your name", Hint: "As the victim will know you, for example Jane Smith",
		Type: "text", Autocomplete: "name", Empty: "Enter your name", Noun: "Your name"},
	leaflet.FieldContactName: {Label: "Your name on a discreet leaflet (optional)",
		Hint: "A discreet leaflet gives only this name and your phone number: no rank, surname, email or station. Leave it empty to give your first name.",
		Type: "text", Width: "govuk-input--width-20", Autocomplete: "nickname",
		Noun: "Your name on a discreet leaflet"},
	leaflet.FieldOfficerRank: {Label: "Rank", Hint: "For example, PC or DC",
		Type: "text", Width: "govuk-input--width-10", Autocomplete: "organization-title",
		Empty: "Enter your rank", Noun: "Your rank"},
	leaflet.FieldCollar: {Label: "Collar number", Hint: "For example, 1234",
		Type: "text", Width: "govuk-input--width-10", Autocomplete: "off", NoSpell: true,
		Empty: "Enter your collar number", Noun: "Your collar number"},
	leaflet.FieldOfficerPhone: {Label: "Phone number", Hint: "The number the victim should call you on, for example 01522 000000",
		Type: "tel", Width: "govuk-input--width-20", Autocomplete: "tel",
		Empty: "Enter your phone number", Noun: "Your phone number"},
	leaflet.FieldOfficerEmail: {Label: "Email address", Hint: "For example, jane.smith@lincs.police.uk",
		Type: "email", Autocomplete: "email", NoSpell: true,
		Empty: "Enter your email address", Noun: "Your email address"},
	leaflet.FieldStation: {Label: "Police station", Hint: "For example, Boston",
		Type: "text", Width: "govuk-input--width-20", Autocomplete: "off",
		Empty: "Enter your police station", Noun: "Your police station"},
	leaflet.FieldPromiseMethod: {Label: "How will you keep in touch?",
		Empty: "Choose how you will keep in touch", Noun: "The way of keeping in touch"},
	leaflet.FieldPromiseEvery: {Label: "How many days apart will your updates be?", Hint: "For example, 7",
		Type: "text", Width: "govuk-input--width-4", Autocomplete: "off", Numeric: true,
		Empty: "Enter how many days apart your updates will be", Noun: "The number of days"},
	leaflet.FieldPromiseNext: {Label: "Next update due by (optional)",
		Hint: "Leave it empty to count from the date reported.",
		Type: "date", Width: "govuk-input--width-10", Autocomplete: "off", Noun: "The next update"},
}

// order is the order of the questions on the page and so of the errors in
// the summary: the case first, then the officer, who is often remembered,
// then the promise.
var order = []string{
	leaflet.FieldLang, leaflet.FieldCrime, leaflet.FieldCrimeRef, leaflet.FieldReported,
	leaflet.FieldVictimName, leaflet.FieldBilingual, leaflet.FieldLargePrint, leaflet.FieldDiscreet,
	leaflet.FieldOfficerName, leaflet.FieldContactName, leaflet.FieldOfficerRank, leaflet.FieldCollar,
	leaflet.FieldOfficerPhone, leaflet.FieldOfficerEmail, leaflet.FieldStation,
	leaflet.FieldPromiseMethod, leaflet.FieldPromiseEvery, leaflet.FieldPromiseNext,
}

// methodLabels say each way of keeping in touch as the radio button does.
var methodLabels = map[string]string{
	"phone": "Phone call", "email": "Email", "text": "Text message", "letter": "Letter", "visit": "Visit",
}

// fieldError is one problem as the form shows it: in the summary, linked
// to the field, and beside the field.
type fieldError struct {
	Field   string
	Href    string // "#" and the id of the input to move to
	Message string
}

// formPage is what the form template shows.
type formPage struct {
	Site, Force string
	Token       string
	Values      map[string]string // what was typed, by field
	Errors      []fieldError
	Problem     string              // a failure that is no one field's
	choices     map[string][]choice // the options of the selects and radios, by field
}

// choice is an option of a select or a radio button.
type choice struct {
	Value, Label string
	Lang, Dir    string // the language of an option written in it
	Discreet     bool   // a crime whose victims should get the discreet leaflet
	Selected     bool
}

// Q returns a field's question with what was typed into it and its
// error, for the field templates.
func (p *formPage) Q(name string) fieldView {
	v := fieldView{question: questions[name], Value: p.Values[name], Checked: checked(p.Values[name])}
	v.Name = name
	for _, c := range p.choices[name] {
		c.Selected = c.Value != "" && c.Value == strings.TrimSpace(p.Values[name])
		v.Choices = append(v.Choices, c)
	}
	for _, e := range p.Errors {
		if e.Field == name {
			v.Error = e.Message
			break
		}
	}
	return v
}

// DiscreetNotice reports whether to warn that the leaflet is not discreet
// although its crime suggests it. desk.js keeps the warning up to date as
// the officer changes the crime or the box.
func (p *formPage) DiscreetNotice() bool {
	return leaflet.SuggestsDiscreet(strings.TrimSpace(p.Values[leaflet.FieldCrime])) && !checked(p.Values[leaflet.FieldDiscreet])
}

// Title is the page's title, marked when the page shows errors, as the
// GOV.UK error summary pattern asks, so that a screen reader hears it first.
func (p *formPage) Title() string {
	if len(p.Errors) > 0 || p.Problem != "" {
		return "Error: Make a victim's leaflet"
	}
	return "Make a victim's leaflet"
}

// checked reports whether a yes/no value is yes, as leaflet.Parse reads it.
func checked(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "y":
		return true
	}
	return false
}

// fieldView is one question with what was typed into it.
type fieldView struct {
	question
	Value, Error string
	Checked      bool     // a checkbox that was ticked
	Choices      []choice // a select's options or the radio buttons
}

// DescribedBy is the aria-describedby of the input: its hint and error.
func (f fieldView) DescribedBy() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.Name+"-hint")
	}
	if f.Error != "" {
		ids = append(ids, f.Name+"-error")
	}
	return strings.Join(ids, " ")
}

// problems turns the field problems in err (from Renderer.Read or Render)
// into the form's errors, said by leaflet.Explain after the question's
// noun ("Your phone number is not a phone number such as…"): one per
// field, in the order of the page, and a required field left empty said
// as GOV.UK says it ("Enter your name"). An error that is no field's is
// left out: the caller shows it as the page's problem.
func problems(values map[string]string, err error) []fieldError {
	var out []fieldError
	seen := map[string]bool{}
	for _, x := range leaflet.Explain(err, noun) {
		if x.Field == "" || seen[x.Field] {
			continue
		}
		seen[x.Field] = true
		msg := x.Text
		if q := questions[x.Field]; q.Empty != "" && strings.TrimSpace(values[x.Field]) == "" {
			msg = q.Empty
		}
		out = append(out, fieldError{Field: x.Field, Href: "#" + x.Field, Message: msg})
	}
	slices.SortStableFunc(out, func(a, b fieldError) int { return rank(a.Field) - rank(b.Field) })
	return out
}

// noun is how the form names a field at the start of a sentence: "Your
// phone number".
func noun(field string) string {
	if q, ok := questions[field]; ok {
		return q.Noun
	}
	return field
}

// rank is a field's place on the page; unknown fields go last.
func rank(field string) int {
	if i := slices.Index(order, field); i >= 0 {
		return i
	}
	return len(order)
}
