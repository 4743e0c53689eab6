// Package webtest proves, with real tools, that the published website does
// what a frightened victim on any device needs: it holds only tests.
//
// The tests build the repository's own site in memory (site.Load on the
// repository root, then Render), serve the files from 127.0.0.1 and point
// the "Exit this page" destination at a second local server, so no check
// reaches the network. Then they look at the site as a person would:
//
//   - accessibility: axe-core, run in Debian's headless Chromium through
//     chromedp, finds no WCAG 2.2 AA violation (tags wcag2a, wcag2aa,
//     wcag21a, wcag21aa, wcag22aa) on any page in English and Arabic, or on
//     any type of page in each other language;
//   - validity: the Nu Html Checker (vnu.jar on Java) finds no error in any
//     page;
//   - privacy: loading a page requests nothing from any other host, and
//     leaves no cookie or stored data behind;
//   - Exit this page: a click, or Shift pressed three times within five
//     seconds, goes to the configured address, two presses and a pause do
//     not, the link works with JavaScript off, and screen readers hear the
//     count;
//   - right to left: the header mirrors in Arabic, and phone numbers and
//     Latin names inside Arabic text keep their order on screen;
//   - mobile: no page scrolls sideways at 320 CSS pixels wide;
//   - weight: a page's HTML, CSS and JavaScript stay under 40 KB.
//
// The tools are Debian's chromium and default-jre-headless, and the npm
// packages axe-core and vnu-jar pinned in the repository's package.json
// (npm ci). Where one is missing a test skips, saying what to install; with
// CI=true it fails instead, so CI cannot pass by skipping.
package webtest
