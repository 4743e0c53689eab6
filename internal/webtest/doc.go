// Package webtest proves, with real tools, that the published website does
// what a frightened victim on any device needs: it holds only tests.
//
// The tests build the repository's own site in memory (site.Load on the
// repository root, then Render), serve the files from 127.0.0.1 with the
// headers of public/_headers and each language's 404 page, and point the
// "Exit this page" destination at a second local server, so no check
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
//   - help first: on a 390 x 844 phone screen every audited page shows
//     tel: links to 999, 101 and the support service before any scrolling,
//     and every phone number on every page is a tel: link;
//   - Exit this page: a click, Space, or Shift pressed three times with
//     less than five seconds between presses, goes to the configured
//     address; lights show the count and screen readers hear it; a pause
//     or another key starts again, Shift+Tab does not count, and the link
//     works with JavaScript off;
//   - focus: tabbing through long pages on a phone, forwards and back,
//     never leaves the focused element under the sticky Exit bar;
//   - right to left: the header mirrors in Arabic, and phone numbers and
//     Latin names inside Arabic text keep their order on screen;
//   - every door: each language's "page not found" with status 404, the
//     icon served from the site, and pages printed on A4 with link
//     addresses and no help block split;
//   - mobile: no page scrolls sideways at 320 CSS pixels wide;
//   - weight: a page's HTML, CSS and JavaScript stay under 40 KB;
//   - serving: Debian's nginx, with deploy/nginx.conf, sends the headers of
//     public/_headers, the 404 pages and gzip, and logs no address.
//
// The tools are Debian's chromium, default-jre-headless and nginx, and the
// npm packages axe-core and vnu-jar pinned in the repository's package.json
// (npm ci). Where one is missing a test skips, saying what to install; with
// CI=true it fails instead, so CI cannot pass by skipping.
package webtest
