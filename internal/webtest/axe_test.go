package webtest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
)

// wcagTags are the axe-core rule tags of WCAG 2.2 level AA: the success
// criteria of levels A and AA in 2.0 and 2.1, and those new in 2.2.
var wcagTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// audit is what axe-core found on a page.
type audit struct {
	Violations []violation
	Passes     int // rules that passed, to show that axe ran at all
}

// violation is one failed rule.
type violation struct {
	ID, Impact, Help, HelpURL string
	Nodes                     []string // CSS selectors of the failing elements
}

// checkAccessibility runs axe-core on every page to audit and expects no
// violation. axe is put into each page through the DevTools protocol,
// which the page's Content-Security-Policy does not govern.
func checkAccessibility(t *testing.T, ctx context.Context, fx *fixture) {
	tab := browser.Tab(t, ctx)
	src, err := os.ReadFile(npmFile(t, "axe-core/axe.min.js", "axe-core"))
	if err != nil {
		t.Fatal(err)
	}
	tags, _ := json.Marshal(wcagTags)
	run := fmt.Sprintf(`axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
		.then(r => ({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact,
			help: v.help, helpURL: v.helpUrl, nodes: v.nodes.map(n => n.target.join(' '))}))}))`, tags)
	for _, p := range fx.pages() {
		t.Run(testName(p), func(t *testing.T) {
			step := open(t, tab, fx, p, time.Minute)
			if err := chromedp.Do(step, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
				t.Fatalf("load axe-core into %s: %v", p, err)
			}
			found, err := chromedp.Run(step, chromedp.Evaluate[audit](run, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("run axe-core on %s: %v", p, err)
			}
			if found.Passes == 0 {
				t.Errorf("%s: axe-core found no rule that applies, so it checked nothing", p)
			}
			for _, v := range found.Violations {
				t.Errorf("%s: %s (%s, %s)\n\tat %s\n\tsee %s", p, v.Help, v.ID, v.Impact, strings.Join(v.Nodes, " | "), v.HelpURL)
			}
		})
	}
}
