package content

import (
	"reflect"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"victimsite/internal/problem"
)

// decodeFrontMatter decodes the YAML of a page's front matter into fm,
// key by key, and returns the line of each key in the file (the YAML
// starts on line 2). Every problem names its line and says what to write
// in words: no Go type, no decoder wording a writer cannot act on.
func decodeFrontMatter(file, src string, fm *FrontMatter, probs *problem.List) (map[string]int, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		line, msg := syntaxProblem(src, err)
		probs.Add(file, line+1, "front matter: %s", msg)
		return nil, false
	}
	lines := map[string]int{}
	if len(doc.Content) == 0 {
		return lines, true // nothing between the --- lines
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		probs.Add(file, root.Line+1, "front matter: write it as lines of key: value, such as title: Burglary")
		return nil, false
	}
	ok := true
	v := reflect.ValueOf(fm).Elem()
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, val := root.Content[i], root.Content[i+1]
		line := k.Line + 1
		if prev, dup := lines[k.Value]; dup {
			probs.Add(file, line, "front matter: %s is given twice (first on line %d); keep one", k.Value, prev)
			ok = false
			continue
		}
		lines[k.Value] = line
		f, known := frontMatterKeys[k.Value]
		if !known {
			probs.Add(file, line, "front matter: unknown key %q; the keys are %s", k.Value, strings.Join(keyNames, ", "))
			ok = false
			continue
		}
		if err := val.Decode(v.Field(f.index).Addr().Interface()); err != nil {
			probs.Add(file, val.Line+1, "front matter: %s must be %s", k.Value, f.want(k.Value))
			ok = false
		}
	}
	return lines, ok
}

// A key is a front-matter key: the field it fills and what it takes.
type key struct {
	index int
	want  func(name string) string
}

// frontMatterKeys and keyNames are read from the yaml tags of
// FrontMatter, so that they cannot drift from it.
var frontMatterKeys, keyNames = frontMatterFields()

func frontMatterFields() (map[string]key, []string) {
	keys := map[string]key{}
	var names []string
	t := reflect.TypeFor[FrontMatter]()
	for i := range t.NumField() {
		f := t.Field(i)
		name := f.Tag.Get("yaml")
		keys[name] = key{index: i, want: wants(f.Type.Kind())}
		names = append(names, name)
	}
	return keys, names
}

// wants says, in words, what a key of the given kind takes.
func wants(kind reflect.Kind) func(name string) string {
	switch kind {
	case reflect.Int:
		return func(name string) string { return "a whole number, such as " + name + ": 20" }
	case reflect.Bool:
		return func(string) string { return "true or false" }
	case reflect.Slice:
		return func(name string) string {
			return "a list, such as " + name + ": [first, second], or one item a line, each line starting with -"
		}
	}
	return func(name string) string {
		return `text; put it in double quotes, such as ` + name + `: "..."`
	}
}

// yamlPrefix is how the YAML decoder starts a syntax error, with or
// without a line (which it counts from 0 or 1 depending on the error, or
// leaves out on the first line). TestYAMLWording pins it.
var yamlPrefix = regexp.MustCompile(`^yaml: (?:line \d+: )?`)

// plainSyntax rewords the YAML decoder's syntax errors. Each key is the
// decoder's own words, which TestYAMLWording pins.
var plainSyntax = map[string]string{
	"mapping values are not allowed in this context":               "a colon followed by a space inside a value needs quotes around the whole value, such as title: \"Burglary: what to do\"; or a line is indented by mistake",
	"did not find expected key":                                    "this line does not read as key: value; when a value starts with a quote, the quotes must hold all of it",
	"found unexpected end of stream":                               "a quote (\" or ') opens here and is never closed",
	"did not find expected ',' or ']'":                             "a list that opens with [ here is not closed with ]",
	"did not find expected ',' or '}'":                             "a { opens here and is not closed with }; put text that starts with { in double quotes",
	"found a tab character that violates indentation":              "a tab is used to indent this line; use spaces",
	"found character that cannot start any token":                  "a value cannot start with @ or ` (or a tab); put the whole value in double quotes",
	"block sequence entries are not allowed in this context":       "a list cannot start on the same line as its key; put the value in quotes, or start each item on its own line with -",
	"could not find expected ':'":                                  "this line has no colon; write key: value",
	"did not find expected alphabetic or numeric character":        "a value cannot start with & or *; put the whole value in double quotes",
	"found undefined tag handle":                                   "a value cannot start with !; put the whole value in double quotes",
	"found unknown escape character":                               "a backslash (\\) inside double quotes must be written \\\\",
	"did not find expected <document start>":                       "write the front matter as lines of key: value",
	"found a tab character where an indentation space is expected": "a tab is used to indent this line; use spaces",
}

// syntaxProblem finds the line (counted from 1 in src) where the YAML
// first goes wrong, and says what is wrong in words. The decoder's own
// line is off by one for some errors and missing for others, so the line
// is the first one at which the text so far fails in the same way.
func syntaxProblem(src string, err error) (int, string) {
	msg := yamlPrefix.ReplaceAllString(err.Error(), "")
	line := 1
	lines := strings.SplitAfter(src, "\n")
	if len(lines) <= 200 {
		for n := 1; n <= len(lines); n++ {
			var node yaml.Node
			e := yaml.Unmarshal([]byte(strings.Join(lines[:n], "")), &node)
			if e != nil && yamlPrefix.ReplaceAllString(e.Error(), "") == msg {
				line = n
				break
			}
		}
	}
	if plain, ok := plainSyntax[msg]; ok {
		return line, plain
	}
	return line, msg
}
