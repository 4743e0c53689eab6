// Package victimsite holds the default site: the Lincolnshire site files at
// the root of this repository, compiled into the binary so that every
// command works in a folder with no site.toml, and `victimsite init` can
// write them out as a starting point.
package victimsite

import "embed"

// DefaultSite is site.toml, content/, locales/ and templates/ as they are
// in this repository. content/ is embedded with all: because its section
// and home pages are named _index.<lang>.md, which go:embed otherwise skips.
//
//go:embed site.toml all:content locales templates
var DefaultSite embed.FS
