package desk

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
)

// wcagTags are the axe-core rule tags of WCAG 2.2 level AA.
var wcagTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeResult is what axe-core found on a page.
type axeResult struct {
	Passes     int `json:"passes"`
	Violations []struct {
		ID     string   `json:"id"`
		Impact string   `json:"impact"`
		Help   string   `json:"help"`
		Nodes  []string `json:"nodes"`
	} `json:"violations"`
}

// checkAccessibility runs axe-core on the form and on the form with
// errors, as internal/webtest does for the site: axe goes in through the
// DevTools protocol, which the desk's Content-Security-Policy does not
// govern.
func checkAccessibility(t *testing.T, tab context.Context, url string) {
	path := filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js")
	src, err := os.ReadFile(path)
	browser.Need(t, err == nil, "axe-core ("+filepath.Clean(path)+")", "npm ci (in the repository root; needs Node.js)")
	tags, _ := json.Marshal(wcagTags)
	run := fmt.Sprintf(`axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
		.then(r => ({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact,
			help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))}))`, tags)
	audit := func(t *testing.T, step context.Context) {
		if err := chromedp.Do(step, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
			t.Fatalf("load axe-core: %v", err)
		}
		found, err := chromedp.Run(step, chromedp.Evaluate[axeResult](run, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("run axe-core: %v", err)
		}
		if found.Passes == 0 {
			t.Error("axe-core found no rule that applies, so it checked nothing")
		}
		for _, v := range found.Violations {
			t.Errorf("%s (%s, %s)\n\tat %s", v.Help, v.ID, v.Impact, strings.Join(v.Nodes, " | "))
		}
	}
	t.Run("form", func(t *testing.T) { audit(t, open(t, tab, url)) })
	t.Run("errors", func(t *testing.T) {
		step := open(t, tab, url)
		submitWithErrors(t, step)
		audit(t, step)
	})
	t.Run("large print ticked", func(t *testing.T) {
		step := open(t, tab, url)
		if err := chromedp.Do(step, setChecked("large-print", true)); err != nil {
			t.Fatal(err)
		}
		audit(t, step)
	})
	t.Run("not discreet warning", func(t *testing.T) {
		step := open(t, tab, url)
		if err := chromedp.Do(step, setValue("crime", "domestic-abuse"), setChecked("discreet", false)); err != nil {
			t.Fatal(err)
		}
		audit(t, step)
	})
}
