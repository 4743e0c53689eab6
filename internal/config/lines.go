package config

import (
	"bufio"
	"bytes"
	"slices"
	"strconv"
	"strings"
)

// lineIndex maps every table and key of a site file to the line it is on.
// Paths are dotted, with an array entry's number in its place:
// "name", "code", "code.referral_days", "languages.2", "contacts.3.about"
// and "contacts.3.about.pl". The TOML decoder knows only the last line a
// key was set on, which is wrong for every [[contacts]] but the last.
type lineIndex map[string]int

// indexLines reads the lines of a site file. It understands what site.toml
// uses (tables, arrays of tables, key = value lines, comments and
// multi-line strings), and gives up on nothing: a line it cannot place is
// left out, and problems about it fall back to line 1.
func indexLines(data []byte) lineIndex {
	idx := lineIndex{}
	arrays := map[string]int{} // array of tables -> entries so far
	prefix := ""
	inString := "" // the delimiter of an open multi-line string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		t := strings.TrimSpace(sc.Text())
		if inString != "" {
			if strings.Count(t, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		switch {
		case t == "" || t[0] == '#':
		case strings.HasPrefix(t, "[["):
			name := tomlPath(strings.Trim(cutComment(t), "[] \t"))
			full := withEntries(name, arrays)
			idx[full+"."+strconv.Itoa(arrays[full])] = n
			arrays[full]++
			prefix = full + "." + strconv.Itoa(arrays[full]-1)
		case t[0] == '[':
			prefix = withEntries(tomlPath(strings.Trim(cutComment(t), "[] \t")), arrays)
			if _, seen := idx[prefix]; !seen {
				idx[prefix] = n
			}
		default:
			key, value, ok := strings.Cut(t, "=")
			if !ok {
				continue
			}
			full := tomlPath(key)
			if prefix != "" {
				full = prefix + "." + full
			}
			if _, seen := idx[full]; !seen {
				idx[full] = n
			}
			for _, delim := range []string{`"""`, `'''`} {
				if strings.Count(value, delim)%2 == 1 {
					inString = delim
				}
			}
		}
	}
	return idx
}

// tomlPath turns a TOML key as written (`a . "b"`) into "a.b".
func tomlPath(key string) string {
	parts := strings.Split(strings.TrimSpace(key), ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// withEntries puts the number of the current entry after each array of
// tables in path: "contacts.about" becomes "contacts.3.about".
func withEntries(path string, arrays map[string]int) string {
	parts := strings.Split(path, ".")
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += "."
		}
		out += p
		if n, ok := arrays[out]; ok && i < len(parts)-1 {
			out += "." + strconv.Itoa(n-1)
		}
	}
	return out
}

func cutComment(t string) string {
	if i := strings.Index(t, "#"); i >= 0 && !strings.ContainsAny(t[:i], `"'`) {
		return t[:i]
	}
	return t
}

// line returns the line of path, or of the nearest table that holds it,
// or 1.
func (idx lineIndex) line(path string) int {
	for p := path; p != ""; {
		if n, ok := idx[p]; ok {
			return n
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return 1
}

// lines returns, in order, the lines of every path that reads key once the
// numbers of array entries are left out: "contacts.colour" is set on the
// lines of "contacts.0.colour" and "contacts.4.colour".
func (idx lineIndex) lines(key string) []int {
	var out []int
	for p, n := range idx {
		if withoutEntries(p) == key {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return []int{idx.line(key)}
	}
	slices.Sort(out)
	return out
}

func withoutEntries(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}
