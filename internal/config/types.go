package config

import (
	"reflect"
	"strconv"
	"strings"
	"time"

	"victimsite/internal/problem"
)

// checkTypes compares what the file holds (decoded without a target, as
// the TOML library gives it) with the fields of Site, and reports each
// value of the wrong kind at its own line, in words: the library's own
// message names Go types and time layouts, and the line of the last
// [[contacts]] entry whatever entry is wrong.
func checkTypes(raw map[string]any, idx lineIndex, probs *problem.List) {
	checkTable(reflect.TypeFor[Site](), raw, "", idx, probs)
}

var timeType = reflect.TypeFor[time.Time]()

func checkTable(t reflect.Type, raw map[string]any, path string, idx lineIndex, probs *problem.List) {
	for i := range t.NumField() {
		f := t.Field(i)
		key := f.Tag.Get("toml")
		v, ok := raw[key]
		if key == "" || !ok {
			continue
		}
		full := key
		if path != "" {
			full = path + "." + key
		}
		checkValue(f.Type, v, full, idx, probs)
	}
}

func checkValue(t reflect.Type, v any, path string, idx lineIndex, probs *problem.List) {
	name := path[strings.LastIndexByte(path, '.')+1:]
	bad := func(want string) { probs.Add(File, idx.line(path), "%s must be %s", name, want) }
	switch {
	case t == timeType:
		if _, ok := v.(time.Time); !ok {
			bad("a date written as year-month-day without quotes, such as " + name + " = 2026-11-23")
		}
	case t.Kind() == reflect.String:
		if _, ok := v.(string); !ok {
			bad(`text in double quotes, such as ` + name + ` = "..."`)
		}
	case t.Kind() == reflect.Int:
		if _, ok := v.(int64); !ok {
			bad("a whole number without quotes, such as " + name + " = 5")
		}
	case t.Kind() == reflect.Bool:
		if _, ok := v.(bool); !ok {
			bad("true or false, without quotes")
		}
	case t.Kind() == reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			bad("a table that starts with a line [" + path + "]")
			return
		}
		checkTable(t, m, path, idx, probs)
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		list, ok := v.([]map[string]any)
		if !ok {
			bad("a list of tables, each starting with a line [[" + path + "]]")
			return
		}
		for i, m := range list {
			checkTable(t.Elem(), m, path+"."+strconv.Itoa(i), idx, probs)
		}
	case t.Kind() == reflect.Map && t.Elem().Kind() == reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			bad("a table that starts with a line [" + path + ".<language code>]")
			return
		}
		for k, sub := range m {
			checkValue(t.Elem(), sub, path+"."+k, idx, probs)
		}
	case t.Kind() == reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			bad("a table of texts by language, starting with a line [" + withoutEntries(path) + "] and then lines such as en = \"...\"")
			return
		}
		for k, s := range m {
			if _, ok := s.(string); !ok {
				probs.Add(File, idx.line(path+"."+k), "%s.%s must be text in double quotes", name, k)
			}
		}
	}
}
