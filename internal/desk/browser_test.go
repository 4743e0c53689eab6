package desk

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
	"victimsite/internal/leaflet"
)

// officerFields are the fields desk.js may remember; every other field is
// about the victim and must never be stored.
var officerFields = []string{"officer-name", "officer-rank", "collar", "officer-phone", "officer-email",
	"station", "promise-method", "promise-every"}

// TestInBrowser uses the desk as an officer does, in headless Chromium:
// one browser, a tab for each check.
func TestInBrowser(t *testing.T) {
	srv := startDesk(t, newDesk(t, nil, nil))
	ctx := browser.New(t)
	for _, check := range []struct {
		name string
		run  func(*testing.T, context.Context, string)
	}{
		{"leaflet", checkLeafletDownload},
		{"errors", checkErrorState},
		{"without JavaScript", checkWithoutJavaScript},
		{"remember me", checkRememberMe},
		{"discreet suggested", checkDiscreetSuggested},
		{"large print", checkLargePrint},
		{"axe", checkAccessibility},
	} {
		t.Run(check.name, func(t *testing.T) { check.run(t, newTab(t, ctx), srv.URL) })
	}
}

// newTab opens a tab and attaches to it with no deadline (a deadline on
// the first action would close the tab when it passed), set to save
// downloads into a folder of the test's own.
func newTab(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	tab := browser.Tab(t, ctx)
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(tab) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("open a tab: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("a new tab did not open within 30s")
	}
	return tab
}

// open loads the form in the tab and returns the context for the steps
// that follow, which give up after a minute.
func open(t *testing.T, tab context.Context, url string) context.Context {
	t.Helper()
	step := browser.Step(t, tab, time.Minute)
	if err := chromedp.Do(step, chromedp.Navigate(url+"/"), chromedp.WaitReady(chromedp.ID("leaflet-form"))); err != nil {
		t.Fatalf("open the form: %v", err)
	}
	return step
}

// fill types the details into the form as an officer would: choosing,
// clicking and typing.
func fill(t *testing.T, step context.Context, values map[string]string) {
	t.Helper()
	var steps []chromedp.Action[chromedp.Void]
	for _, name := range order {
		v, ok := values[name]
		if !ok {
			continue
		}
		switch {
		case slices.Contains(leaflet.Switches, name):
			steps = append(steps, setChecked(name, checked(v)))
		case name == leaflet.FieldLang, name == leaflet.FieldCrime, name == leaflet.FieldReported, name == leaflet.FieldPromiseNext:
			steps = append(steps, setValue(name, v))
		case name == leaflet.FieldPromiseMethod:
			if v != "" {
				steps = append(steps, chromedp.Click(chromedp.ID(radioID(v))))
			}
		default:
			steps = append(steps, setValue(name, ""))
			if v != "" {
				steps = append(steps, chromedp.SendKeys(chromedp.ID(name), v))
			}
		}
	}
	if err := chromedp.Do(step, steps...); err != nil {
		t.Fatalf("fill in the form: %v", err)
	}
}

// setValue sets a field's value as a person choosing it would, events
// included. (chromedp.SetValue reports setting a text field to "" as a
// failure.)
func setValue(id, value string) chromedp.Action[chromedp.Void] {
	js := fmt.Sprintf(`(() => { const f = document.getElementById(%q); f.value = %q;
		f.dispatchEvent(new Event("input", {bubbles: true})); f.dispatchEvent(new Event("change", {bubbles: true})); })()`, id, value)
	return chromedp.Evaluate[chromedp.Void](js)
}

// setChecked ticks or unticks a box as a person would, by clicking it,
// when it is not already as wanted (choosing some crimes ticks the
// discreet box).
func setChecked(id string, want bool) chromedp.Action[chromedp.Void] {
	js := fmt.Sprintf(`(() => { const f = document.getElementById(%q); if (f.checked !== %t) f.click(); })()`, id, want)
	return chromedp.Evaluate[chromedp.Void](js)
}

// radioID is the id of the radio button for a way of keeping in touch.
func radioID(method string) string {
	if method == leaflet.Methods[0] {
		return leaflet.FieldPromiseMethod
	}
	return leaflet.FieldPromiseMethod + "-" + method
}

// button is the form's button for an action.
func button(action string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS(`button[name="action"][value="` + action + `"]`))
}

// saveDownload presses a button and returns the file the browser saves: its
// suggested name and its bytes.
func saveDownload(t *testing.T, step context.Context, press chromedp.Action[chromedp.Void]) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	_, err := chromedp.Call(step, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true),
	})
	if err != nil {
		t.Fatalf("set where downloads go: %v", err)
	}
	begin := chromedp.Events(step, cdpbrowser.DownloadWillBegin)
	progress := chromedp.Events(step, cdpbrowser.DownloadProgress)
	if err := chromedp.Do(step, press); err != nil {
		t.Fatalf("press the button: %v", err)
	}
	var name string
	for ev, err := range begin {
		if err != nil {
			t.Fatalf("no download began: %v", err)
		}
		name = ev.SuggestedFilename
		break
	}
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("the download did not finish: %v", err)
		}
		switch ev.State {
		case cdpbrowser.DownloadProgressStateCompleted:
			data, err := os.ReadFile(filepath.Join(dir, ev.GUID))
			if err != nil {
				t.Fatal(err)
			}
			return name, data
		case cdpbrowser.DownloadProgressStateCanceled:
			t.Fatal("the download was cancelled")
		}
	}
	return name, nil
}

func checkLeafletDownload(t *testing.T, tab context.Context, url string) {
	step := open(t, tab, url)
	fill(t, step, sample())
	name, pdf := saveDownload(t, step, button(actionPDF))
	if name != "LP-12345-26.pdf" {
		t.Errorf("the download is called %q, want LP-12345-26.pdf", name)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"PC Jane Smith", "LP-12345-26", "jane.smith@lincs.police.uk", "Boston", "Anna Kowalska"} {
		if !strings.Contains(text, want) {
			t.Errorf("the downloaded leaflet lacks %q", want)
		}
	}
	name, ics := saveDownload(t, step, button(actionICS))
	if name != "LP-12345-26.ics" || !strings.Contains(string(ics), "BEGIN:VEVENT") {
		t.Errorf("the reminders download is %q with %d bytes, want LP-12345-26.ics with events", name, len(ics))
	}
}

// submitWithErrors fills the form with a crime reference left empty and
// an email address mistyped, presses the button and waits for the form
// to come back.
func submitWithErrors(t *testing.T, step context.Context) map[string]string {
	t.Helper()
	values := sample()
	values["crime-ref"] = ""
	values["officer-email"] = "jane at lincs"
	fill(t, step, values)
	resp, err := chromedp.RunResponse(step, button(actionPDF))
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	if resp.Status != 422 {
		t.Errorf("submitting with errors: status %d, want 422", resp.Status)
	}
	return values
}

// checkErrorState: the summary has the focus, and what was typed is kept.
func checkErrorState(t *testing.T, tab context.Context, url string) {
	step := open(t, tab, url)
	values := submitWithErrors(t, step)
	checkSummaryFocused(t, step)
	checkKept(t, step, values)
	// The summary's link moves to the field.
	if err := chromedp.Do(step, chromedp.Click(chromedp.CSS(`.govuk-error-summary a[href="#officer-email"]`))); err != nil {
		t.Fatal(err)
	}
	if id, _ := chromedp.Run(step, chromedp.Evaluate[string](`location.hash`)); id != "#officer-email" {
		t.Errorf("the summary's link went to %q, want #officer-email", id)
	}
}

func checkSummaryFocused(t *testing.T, step context.Context) {
	t.Helper()
	const js = `!!document.activeElement && document.activeElement.classList.contains("govuk-error-summary")`
	if !eventually(step, js, 10*time.Second) {
		active, err := chromedp.Run(step, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.outerHTML.slice(0, 80) : "nothing"`))
		t.Errorf("the error summary does not have the focus; %s has (%v)", active, err)
	}
}

// eventually reports whether the expression becomes true within d. It
// asks from Go rather than with chromedp.Poll, whose waiting runs in the
// page and stops when the page's scripts are off.
func eventually(step context.Context, js string, d time.Duration) bool {
	deadline := time.After(d)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if ok, err := chromedp.Run(step, chromedp.Evaluate[bool](js)); err == nil && ok {
			return true
		}
		select {
		case <-deadline:
			return false
		case <-step.Done():
			return false
		case <-tick.C:
		}
	}
}

func checkKept(t *testing.T, step context.Context, values map[string]string) {
	t.Helper()
	for name, want := range values {
		got, err := chromedp.Run(step, chromedp.Evaluate[string](fieldJS(name)))
		if err != nil || got != want {
			t.Errorf("after the error, %s is %q (%v), want what was typed, %q", name, got, err, want)
		}
	}
}

// checkWithoutJavaScript: the form works with scripts off. The error
// summary still takes the focus (autofocus), and "remember me", which
// needs the script, is not offered.
func checkWithoutJavaScript(t *testing.T, tab context.Context, url string) {
	if _, err := chromedp.Call(tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("turn JavaScript off: %v", err)
	}
	step := open(t, tab, url)
	if visible, _ := chromedp.Run(step, chromedp.Evaluate[bool](`!document.getElementById("remember-group").hidden && document.getElementById("remember-group").offsetHeight > 0`)); visible {
		t.Error(`"Remember my details" is offered without JavaScript, which it needs`)
	}
	values := submitWithErrors(t, step)
	checkSummaryFocused(t, step)
	checkKept(t, step, values)
	fill(t, step, map[string]string{"crime-ref": "LP-777-26", "officer-email": "jane.smith@lincs.police.uk"})
	name, pdf := saveDownload(t, step, button(actionPDF))
	if name != "LP-777-26.pdf" || !strings.Contains(pdfText(t, pdf), "LP-777-26") {
		t.Errorf("without JavaScript the leaflet download is %q, want LP-777-26.pdf", name)
	}
}

// checkRememberMe: ticking the box keeps the officer's own details in the
// browser and nothing about the victim; unticking forgets them.
func checkRememberMe(t *testing.T, tab context.Context, url string) {
	step := open(t, tab, url)
	if !eventually(step, `!document.getElementById("remember-group").hidden`, 10*time.Second) {
		t.Fatal(`"Remember my details" is not offered with JavaScript on`)
	}
	values := sample()
	values["discreet"] = "yes"
	values["promise-method"] = "email"
	fill(t, step, values)
	if err := chromedp.Do(step, chromedp.Click(chromedp.ID("remember"))); err != nil {
		t.Fatal(err)
	}
	// A change after ticking is saved when the form is sent.
	values["station"] = "Skegness"
	fill(t, step, map[string]string{"station": "Skegness"})
	saveDownload(t, step, button(actionICS))

	step = open(t, tab, url)
	for _, name := range order {
		got, err := chromedp.Run(step, chromedp.Evaluate[string](fieldJS(name)))
		want := ""
		if slices.Contains(officerFields, name) {
			want = values[name]
		}
		if name == leaflet.FieldReported {
			want = "2026-11-23" // today, as on any new form
		}
		if err != nil || got != want {
			t.Errorf("after reopening the form, %s is %q (%v), want %q", name, got, err, want)
		}
	}
	stored := localStorage(t, step)
	for _, v := range []string{"LP-12345-26", "Anna", "burglary", "2026-11-20", `"pl"`} {
		if strings.Contains(stored, v) {
			t.Errorf("localStorage holds %q, about the victim: %s", v, stored)
		}
	}
	var items map[string]string
	if err := json.Unmarshal([]byte(stored), &items); err != nil || len(items) != 1 {
		t.Fatalf("localStorage is %s, want one item", stored)
	}
	for _, item := range items {
		var officer map[string]string
		if err := json.Unmarshal([]byte(item), &officer); err != nil {
			t.Fatalf("the stored item is not an object of fields: %s", item)
		}
		for k := range officer {
			if !slices.Contains(officerFields, k) {
				t.Errorf("localStorage holds the field %q, which is not the officer's", k)
			}
		}
	}

	if err := chromedp.Do(step, chromedp.Click(chromedp.ID("remember"))); err != nil {
		t.Fatal(err)
	}
	if stored := localStorage(t, step); stored != "{}" {
		t.Errorf("after unticking, localStorage is %s, want empty", stored)
	}
	step = open(t, tab, url)
	if got, _ := chromedp.Run(step, chromedp.Evaluate[string](fieldJS("officer-name"))); got != "" {
		t.Errorf("after unticking and reopening, officer-name is %q, want empty", got)
	}
}

// fieldJS is the expression for a field's value as the form would send
// it ("" for a box not ticked).
func fieldJS(name string) string {
	switch {
	case name == leaflet.FieldPromiseMethod:
		return `(document.querySelector('[name="promise-method"]:checked') || {value: ""}).value`
	case slices.Contains(leaflet.Switches, name):
		return fmt.Sprintf(`document.getElementById(%q).checked ? "yes" : ""`, name)
	}
	return fmt.Sprintf(`document.getElementById(%q).value`, name)
}

func localStorage(t *testing.T, step context.Context) string {
	t.Helper()
	s, err := chromedp.Run(step, chromedp.Evaluate[string](`JSON.stringify(Object.assign({}, localStorage))`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}
