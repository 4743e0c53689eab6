// Package problem is the shared shape of everything a person can fix in a
// site: a file, a line, what is wrong and what to do. Loaders collect every
// problem they find into a List rather than stopping at the first, so that
// `victimsite check` can print them all at once, one per line, as
// "path:line: message".
package problem

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Problem is one thing wrong with the site's input. Line is 1-based; 0
// means the problem concerns the whole file. A Warning is reported but does
// not stop a build.
type Problem struct {
	File    string
	Line    int
	Message string
	Warning bool
}

// String formats the problem as "file:line: message", the form editors and
// terminals recognise, with "warning: " before warnings.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// A List collects problems. The zero value is ready to use.
type List []Problem

// Add records an error at file:line.
func (l *List) Add(file string, line int, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// Warn records a warning at file:line.
func (l *List) Warn(file string, line int, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...), Warning: true})
}

// Errors reports how many entries are errors rather than warnings.
func (l List) Errors() int {
	n := 0
	for _, p := range l {
		if !p.Warning {
			n++
		}
	}
	return n
}

// Sort orders the list by file, then line, then message, so output is
// stable whatever order the checks ran in.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Message, b.Message))
	})
}

// Err returns nil when the list holds no errors, and otherwise an *Error
// carrying the whole list (warnings included).
func (l List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return &Error{List: l}
}

// Error is the error returned when a site has problems. Read it with
// errors.As to print each problem on its own line.
type Error struct {
	List List
}

func (e *Error) Error() string {
	n := e.List.Errors()
	if n == 1 {
		for _, p := range e.List {
			if !p.Warning {
				return p.String()
			}
		}
	}
	return fmt.Sprintf("%d problems, first: %s", n, e.first())
}

func (e *Error) first() string {
	for _, p := range e.List {
		if !p.Warning {
			return p.String()
		}
	}
	return ""
}
