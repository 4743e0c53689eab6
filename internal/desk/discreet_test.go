package desk

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// noticeShown reports whether the form's warning that the leaflet is not
// discreet is shown: present and not hidden.
func noticeShown(page string) bool {
	i := strings.Index(page, `id="discreet-notice"`)
	if i < 0 {
		return false
	}
	tag := page[i : strings.Index(page[i:], ">")+i]
	return !strings.Contains(tag, "hidden")
}

// TestFormSuggestsDiscreet marks the crimes whose victims need a discreet
// leaflet, and warns on a form shown again when such a leaflet is not
// discreet.
func TestFormSuggestsDiscreet(t *testing.T) {
	srv := startDesk(t, newDesk(t, nil, nil))
	o := newOfficer(t, srv.URL)
	_, page := o.get("/")
	for _, want := range []string{
		`<option value="domestic-abuse" data-discreet>`, `<option value="stalking-and-harassment" data-discreet>`,
		`<option value="rape-and-sexual-offences" data-discreet>`, `<option value="burglary">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
	if noticeShown(page) {
		t.Error("the empty form warns that the leaflet is not discreet")
	}
	for _, tt := range []struct {
		crime, discreet string
		warn            bool
	}{
		{"domestic-abuse", "", true},
		{"domestic-abuse", "yes", false},
		{"burglary", "", false},
	} {
		values := sample()
		values["crime"], values["discreet"], values["collar"] = tt.crime, tt.discreet, "" // an error shows the form again
		resp, page := o.post(values, actionPDF)
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("%s, discreet %q: status %d, want 422", tt.crime, tt.discreet, resp.StatusCode)
		}
		if got := noticeShown(page); got != tt.warn {
			t.Errorf("%s, discreet %q: warning shown %v, want %v", tt.crime, tt.discreet, got, tt.warn)
		}
	}
}

// checkDiscreetSuggested: choosing domestic abuse ticks the discreet box;
// unticking it shows the warning; ticking it again, or choosing another
// crime, hides it; the officer's own choice is kept.
func checkDiscreetSuggested(t *testing.T, tab context.Context, url string) {
	step := open(t, tab, url)
	steps := []struct {
		name        string
		do          chromedp.Action[chromedp.Void]
		box, notice bool
	}{
		{"choose domestic abuse", setValue("crime", "domestic-abuse"), true, false},
		{"untick", chromedp.Click(chromedp.ID("discreet")), false, true},
		{"choose burglary", setValue("crime", "burglary"), false, false},
		{"choose stalking again: the officer's choice stays", setValue("crime", "stalking-and-harassment"), false, true},
		{"tick", chromedp.Click(chromedp.ID("discreet")), true, false},
	}
	for _, s := range steps {
		if err := chromedp.Do(step, s.do); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		js := fmt.Sprintf(`document.getElementById("discreet").checked === %t &&
			(document.getElementById("discreet-notice").offsetHeight > 0) === %t`, s.box, s.notice)
		if !eventually(step, js, 5*time.Second) {
			t.Errorf("%s: want the box ticked %v and the warning shown %v", s.name, s.box, s.notice)
		}
	}
}
