package locale

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// A call is a place in the code or a layout that fills in a message.
type call struct {
	id     string
	fields []string
	at     string
}

// TestParamsMatchTheCallers reads every Go file of the program and every
// layout, finds each place that fills in a message of the site's English
// message files with data (D, N, T, or any function given a message id
// and a map literal, such as the leaflet's data), and fails when the
// fields it gives differ from Params, or when Params lists a message that
// nothing fills in. Load tries every message with the fields in Params, so
// this is what keeps that check true to the code.
func TestParamsMatchTheCallers(t *testing.T) {
	ids := englishIDs(t)
	calls := goCalls(t, ids)
	calls = append(calls, layoutCalls(t, ids)...)
	if len(calls) < 20 {
		t.Fatalf("found only %d calls; the search has stopped finding them", len(calls))
	}
	used := map[string]bool{}
	for _, c := range calls {
		used[c.id] = true
		want := make([]string, 0, len(Params[c.id]))
		for _, f := range Params[c.id] {
			want = append(want, string(f))
		}
		slices.Sort(want)
		slices.Sort(c.fields)
		if !slices.Equal(c.fields, want) {
			t.Errorf("%s: message %q is given %v, but Params lists %v; update Params", c.at, c.id, c.fields, want)
		}
	}
	for id := range Params {
		if !used[id] {
			t.Errorf("Params lists %q, but nothing fills it in; remove it", id)
		}
	}
}

// englishIDs returns the ids of the messages in the site's English files.
func englishIDs(t *testing.T) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	for _, name := range []string{"locales/en.toml", "locales/leaflet.en.toml"} {
		data, err := readRepo(name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := toml.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		for id := range m {
			ids[id] = true
		}
	}
	return ids
}

// goCalls finds the calls in the program's Go files (tests aside) whose
// first argument is a literal message id.
func goCalls(t *testing.T, ids map[string]bool) []call {
	t.Helper()
	var calls []call
	fset := token.NewFileSet()
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if found, ok := messageCall(c, ids); ok {
					found.at = fset.Position(c.Pos()).String()
					calls = append(calls, found)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return calls
}

// messageCall reads a call such as strs.D("LeafletCall999",
// map[string]any{"Phone": p}), strs.N("EnhancedText", n) or strs.T("Hi").
func messageCall(c *ast.CallExpr, ids map[string]bool) (call, bool) {
	if len(c.Args) == 0 {
		return call{}, false
	}
	lit, ok := c.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return call{}, false
	}
	id, err := strconv.Unquote(lit.Value)
	if err != nil || !ids[id] {
		return call{}, false
	}
	name := ""
	switch fn := c.Fun.(type) {
	case *ast.SelectorExpr:
		name = fn.Sel.Name
	case *ast.Ident:
		name = fn.Name
	}
	switch {
	case len(c.Args) == 2 && isMap(c.Args[1]):
		var fields []string
		for _, e := range c.Args[1].(*ast.CompositeLit).Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if k, ok := kv.Key.(*ast.BasicLit); ok {
					key, _ := strconv.Unquote(k.Value)
					fields = append(fields, key)
				}
			}
		}
		return call{id: id, fields: fields}, true
	case name == "N" && len(c.Args) == 2:
		return call{id: id, fields: []string{string(Count)}}, true
	case name == "T" && len(c.Args) == 1:
		return call{id: id, fields: []string{}}, true
	}
	return call{}, false
}

func isMap(e ast.Expr) bool {
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	_, ok = cl.Type.(*ast.MapType)
	return ok
}

// layoutMessage is {{T "Id"}}, {{N "Id" .Count}}, or {{D "Id" "Key" value
// ...}} or {{H ...}} in a layout; m[3] holds the rest of the action.
var layoutMessage = regexp.MustCompile(`\{\{-?\s*(T|N|D|H)\s+"(\w+)"([^}]*)\}\}`)

// layoutKey is a quoted key in the rest of a D or H action: each key is
// followed by its value, so the keys are every other quoted word.
var layoutKey = regexp.MustCompile(`"(\w+)"\s+[^"\s]+`)

// layoutCalls finds the messages the site's layouts fill in.
func layoutCalls(t *testing.T, ids map[string]bool) []call {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "templates", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no layouts: %v", err)
	}
	var calls []call
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			for _, m := range layoutMessage.FindAllStringSubmatch(line, -1) {
				if !ids[m[2]] {
					continue
				}
				c := call{id: m[2], fields: []string{}, at: fmt.Sprintf("%s:%d", file, i+1)}
				switch m[1] {
				case "N":
					c.fields = []string{string(Count)}
				case "D", "H":
					for _, k := range layoutKey.FindAllStringSubmatch(m[3], -1) {
						c.fields = append(c.fields, k[1])
					}
				}
				calls = append(calls, c)
			}
		}
	}
	return calls
}

// TestParamsFindsAMissingEntry proves the search above fails for a call
// that Params does not describe: a call it cannot see would let Load try
// a message without the data its caller gives.
func TestParamsFindsAMissingEntry(t *testing.T) {
	src := `package x
func f() { strs.D("LeafletCall999", map[string]any{"Phone": p, "Extra": 1}) }`
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var found []call
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if got, ok := messageCall(c, map[string]bool{"LeafletCall999": true}); ok {
				found = append(found, got)
			}
		}
		return true
	})
	if len(found) != 1 || !slices.Equal(found[0].fields, []string{"Phone", "Extra"}) {
		t.Fatalf("got %+v, want the call with fields Phone and Extra", found)
	}
}
