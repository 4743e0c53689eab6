package sitegen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
)

// page is one generated page, in no language yet.
type page struct {
	kind    string // "home", "section" or "page"
	section string
	slug    string
	n       int    // the page's number, for weight and title
	next    string // a page in the same section to link to, or ""
}

// layout lists the home page, the sections and then pages pages dealt out
// among the sections in turn.
func layout(pages int) []page {
	out := []page{{kind: "home"}}
	for i, sec := range Sections {
		out = append(out, page{kind: "section", section: sec, n: i})
	}
	for i := range pages {
		p := page{kind: "page", section: Sections[i%len(Sections)], slug: fmt.Sprintf("page-%05d", i), n: i}
		if j := i + len(Sections); j < pages {
			p.next = fmt.Sprintf("page-%05d", j)
		}
		out = append(out, p)
	}
	return out
}

// file is the page's file in lang.
func (p page) file(lang string) string {
	switch p.kind {
	case "home":
		return "content/_index." + lang + ".md"
	case "section":
		return "content/" + p.section + "/_index." + lang + ".md"
	}
	return "content/" + p.section + "/" + p.slug + "." + lang + ".md"
}

// markdown writes the page in lang, as long as opts asks; a translation
// records sourceHash.
func (p page) markdown(rng *rand.Rand, lang, sourceHash string, opts Options) string {
	var b strings.Builder
	b.WriteString("---\n")
	title := p.title(rng)
	if lang != "en" {
		title = "(" + lang + ") " + title
	}
	fmt.Fprintf(&b, "title: %s\nsummary: %s\n", title, sentence(rng, 12, 20))
	if lang == "en" {
		fmt.Fprintf(&b, "weight: %d\n", p.n+1)
		if p.kind == "page" {
			b.WriteString("support: [support]\n")
			if p.n%7 == 0 {
				b.WriteString("enhanced_rights: true\n")
			}
			fmt.Fprintf(&b, "leaflet: %s\n", sentence(rng, 20, 30))
		}
	} else {
		fmt.Fprintf(&b, "source_hash: %s\n", sourceHash)
	}
	b.WriteString("---\n")
	if p.kind != "page" {
		fmt.Fprintf(&b, "%s\n\n%s\n", paragraph(rng, 3), paragraph(rng, 2))
		return b.String()
	}
	start := b.Len()
	p.body(&b, rng)
	if opts.MaxWords != 0 {
		want := opts.MinWords + rng.IntN(opts.MaxWords-opts.MinWords+1)
		lengthen(&b, rng, countWords(b.String()[start:]), want)
	}
	return b.String()
}

func (p page) title(rng *rand.Rand) string {
	switch p.kind {
	case "home":
		return "Help after a crime"
	case "section":
		return strings.ToUpper(p.section[:1]) + strings.ReplaceAll(p.section[1:], "-", " ")
	}
	return fmt.Sprintf("Page %d, %s", p.n, words(rng, 3))
}

// body writes 300 to 800 words of Markdown.
func (p page) body(b *strings.Builder, rng *rand.Rand) {
	fmt.Fprintf(b, "## %s\n\n%s\n\n", capital(words(rng, 3)), paragraph(rng, 4))
	link := "[the section page](_index.md)"
	if p.next != "" {
		link = "[the next page](" + p.next + ".md)"
	}
	fmt.Fprintf(b, "%s Read %s, or *%s*.\n\n", paragraph(rng, 3), link, words(rng, 4))
	for range 4 {
		fmt.Fprintf(b, "- %s\n", sentence(rng, 6, 12))
	}
	fmt.Fprintf(b, "\n## %s\n\n", capital(words(rng, 2)))
	b.WriteString("| What | When |\n| --- | --- |\n")
	for range 3 {
		fmt.Fprintf(b, "| %s | %s |\n", capital(words(rng, 3)), words(rng, 2))
	}
	fmt.Fprintf(b, "\n%s\n\n## %s\n\n%s **%s**.\n\n%s\n", paragraph(rng, 4), capital(words(rng, 4)),
		paragraph(rng, 4), words(rng, 3), paragraph(rng, 3))
}

// maxUsual is the most words body writes.
const maxUsual = 380

// lengthen adds sections to a body of have words until it has want: each
// a heading, a paragraph with a link and emphasis, and a list, at most
// sectionWords words, then one last paragraph of the words still missing.
func lengthen(b *strings.Builder, rng *rand.Rand, have, want int) {
	const sectionWords = 4 + 2*16 + 8 + 3*9
	for want-have >= sectionWords {
		var s strings.Builder
		fmt.Fprintf(&s, "\n## %s\n\n%s Ask *%s* or read [the section page](_index.md).\n\n",
			capital(words(rng, 2+rng.IntN(3))), paragraph(rng, 2), words(rng, 2))
		for range 3 {
			fmt.Fprintf(&s, "- %s\n", sentence(rng, 5, 9))
		}
		b.WriteString(s.String())
		have += countWords(s.String())
	}
	if n := want - have; n > 0 {
		fmt.Fprintf(b, "\n%s.\n", capital(words(rng, n)))
	}
}

// countWords counts the words of Markdown, leaving out the marks that
// hold no letter, such as ## and -.
func countWords(md string) int {
	n := 0
	for _, f := range strings.Fields(md) {
		if strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// vocabulary is plain English, as the real pages are written.
var vocabulary = strings.Fields(`the police will you your can help a an to of in
and for with after report crime victim support officer court time right
rights home safe call phone free interpreter statement case update told
need ask someone family friend service contact trial witness evidence
money damage hurt feel worried normal fault keep number reference visit
letter within days week share information choose decide answer question
local national charity listen talk advice protect order hearing judge`)

func words(rng *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = vocabulary[rng.IntN(len(vocabulary))]
	}
	return strings.Join(w, " ")
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func sentence(rng *rand.Rand, min, max int) string {
	return capital(words(rng, min+rng.IntN(max-min+1))) + "."
}

func paragraph(rng *rand.Rand, sentences int) string {
	s := make([]string, sentences)
	for i := range s {
		s[i] = sentence(rng, 8, 16)
	}
	return strings.Join(s, " ")
}
