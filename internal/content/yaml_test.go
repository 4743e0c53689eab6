package content

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"victimsite/internal/problem"
)

// TestFrontMatterProblemsInWords proves each mistake people make in front
// matter is reported at the line to fix, in words a writer can act on:
// the YAML decoder's own line is one off for some mistakes and missing on
// the first line, and its messages name Go types ("into int",
// "content.FrontMatter") and YAML tags ("!!timestamp").
func TestFrontMatterProblemsInWords(t *testing.T) {
	tests := []struct{ name, fm, want string }{
		{"colon in a title", "title: Burglary: what next\nsummary: x\n", `2: front matter: a colon followed by a space inside a value needs quotes around the whole value, such as title: "Burglary: what to do"`},
		{"colon on a later line", "title: A\nsummary: Help: now\n", "3: front matter: a colon followed by a space inside a value needs quotes"},
		{"word for a number", "title: A\nweight: high\n", "3: front matter: weight must be a whole number, such as weight: 20"},
		{"date for a number", "title: A\nweight: 2026-01-01\n", "3: front matter: weight must be a whole number"},
		{"word for true", "title: A\nenhanced_rights: sometimes\n", "3: front matter: enhanced_rights must be true or false"},
		{"one support contact", "title: A\nsupport: victim-lincs\n", "3: front matter: support must be a list, such as support: [first, second]"},
		{"a map for a title", "title: {a: b}\n", `2: front matter: title must be text; put it in double quotes, such as title: "..."`},
		{"unclosed quote", "title: A\nsummary: \"unclosed\nweight: 3\n", "3: front matter: a quote (\" or ') opens here and is never closed"},
		{"unclosed list", "title: A\nsupport: [a, b\nweight: 3\n", "3: front matter: a list that opens with [ here is not closed with ]"},
		{"text after a quote", "title: \"A\" extra\n", "2: front matter: this line does not read as key: value"},
		{"indented key", "title: A\n  summary: indented\n", "3: front matter: a colon followed by a space inside a value needs quotes"},
		{"tab", "title: A\n\tsummary: tab\n", "3: front matter: a tab is used to indent this line; use spaces"},
		{"at sign", "title: A\nsummary: @home\n", "3: front matter: a value cannot start with @"},
		{"dash", "title: A\nsummary: - x\n", "3: front matter: a list cannot start on the same line as its key"},
		{"twice", "title: A\ntitle: B\n", "3: front matter: title is given twice (first on line 2); keep one"},
		{"a list, not keys", "- title\n", "2: front matter: write it as lines of key: value"},
		{"unknown key", "title: A\ncolour: red\n", `3: front matter: unknown key "colour"; the keys are title, summary, weight, enhanced_rights, support, leaflet, rights, step, source_hash, draft_translation`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var probs problem.List
			Parse("a.en.md", []byte("---\n"+tt.fm+"---\nBody\n"), &probs)
			if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), "a.en.md:"+tt.want) {
				t.Fatalf("got %q, want one problem starting %q", probs, "a.en.md:"+tt.want)
			}
			for _, goWords := range []string{"!!", "into ", "content.", "[]string", "2006", "unmarshal"} {
				if strings.Contains(probs[0].Message, goWords) {
					t.Errorf("%q speaks of Go or YAML's insides: %q", probs[0], goWords)
				}
			}
		})
	}
}

// TestYAMLWording pins the YAML decoder's messages that plainSyntax
// rewords, and the prefix that yamlPrefix strips: if the library changes
// its wording, a writer would get the decoder's words again.
func TestYAMLWording(t *testing.T) {
	inputs := map[string]string{
		"mapping values are not allowed in this context":         "title: a: b\n",
		"did not find expected key":                              "title: \"A\" extra\n",
		"found unexpected end of stream":                         "title: \"A\n",
		"did not find expected ',' or ']'":                       "title: [a\n",
		"did not find expected ',' or '}'":                       "title: {a\n",
		"found a tab character that violates indentation":        "title: A\n\tsummary: x\n",
		"found character that cannot start any token":            "title: @x\n",
		"block sequence entries are not allowed in this context": "title: - x\n",
		"could not find expected ':'":                            "title: A\nsummary\n",
		"did not find expected alphabetic or numeric character":  "title: & x\n",
		"found undefined tag handle":                             "title: !x!y z\n",
		"found unknown escape character":                         "title: \"a\\q\"\n",
	}
	for want, in := range inputs {
		if _, ok := plainSyntax[want]; !ok {
			t.Errorf("plainSyntax has no entry for %q", want)
		}
		var node yaml.Node
		err := yaml.Unmarshal([]byte(in), &node)
		if err == nil {
			t.Errorf("%q: no error, want %q", in, want)
			continue
		}
		if got := yamlPrefix.ReplaceAllString(err.Error(), ""); got != want {
			t.Errorf("%q: the decoder says %q, want %q", in, got, want)
		}
	}
}

// TestOneSplitter proves Parse (check, build) and SetSourceHash
// (translated) cut a file at the same place: with a byte order mark, with
// a closing line that has a space after its dashes, and with a --- rule
// in the body. They disagreed on all three.
func TestOneSplitter(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"byte order mark", "\ufeff---\r\ntitle: A\r\n---\r\nBody\r\n", "\ufeff---\r\ntitle: A\r\nsource_hash: 123\r\n---\r\nBody\r\n"},
		{"rule in the body", "---\ntitle: A\n---\nOne\n\n---\n\nTwo\n", "---\ntitle: A\nsource_hash: 123\n---\nOne\n\n---\n\nTwo\n"},
		{"space after the closing dashes", "---\ntitle: A\n--- \nOne\n---\nTwo\n", "---\ntitle: A\nsource_hash: 123\n---\nOne\n---\nTwo\n"},
		{"empty front matter", "---\n---\nBody\n", "---\nsource_hash: 123\n---\nBody\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var probs problem.List
			before := Parse("a.pl.md", []byte(tt.in), &probs)
			out, err := SetSourceHash([]byte(tt.in), "123")
			if err != nil || string(out) != tt.want {
				t.Fatalf("SetSourceHash: got %q, %v; want %q", out, err, tt.want)
			}
			after := Parse("a.pl.md", out, &probs)
			if before == nil || after == nil {
				t.Fatalf("Parse: %v", probs)
			}
			if after.SourceHash != "123" || string(after.Body) != string(before.Body) || after.BodyLine != before.BodyLine+1 {
				t.Errorf("after SetSourceHash, Parse gives hash %q, body %q on line %d; want 123, %q on line %d",
					after.SourceHash, after.Body, after.BodyLine, before.Body, before.BodyLine+1)
			}
		})
	}
}
