package main

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"burst/engine/kernel"
	"burst/engine/sched"
)

// tsTypesFile holds the TypeScript types of the JSON the engine sends the
// page, generated from the Go types below.
const tsTypesFile = "../site/src/types.ts"

var updateTSTypes = flag.Bool("update", false, "rewrite site/src/types.ts from the Go types")

// tsRoots are the Go types the page reads as JSON, each with what the
// generated TypeScript type says about it; the struct types their fields
// use (GraphGroup, GraphTask) follow them.
var tsRoots = []struct {
	v    any
	name string // the Go type as the comment names it
	doc  string
}{
	{sched.Event{}, "sched.Event", "one thing that happened on the cluster. Its\n// doc comment says which fields each kind sets."},
	{kernel.Output{}, "kernel.Output", "one output of a cell (a stream, a result,\n// an error, or set_next_input for %load)."},
	{SourceCell{}, "build's SourceCell", "one cell of a lesson in the page's\n// data-lesson-source JSON, which Download as notebook starts from."},
}

// TestTSTypes checks site/src/types.ts against sched.Event,
// kernel.Output and SourceCell: a field for each json tag, optional where the tag says
// omitempty, its TypeScript type from the Go type. It names each field that
// disagrees; `go test ./build -run TestTSTypes -update` writes the file
// from the Go types.
func TestTSTypes(t *testing.T) {
	want, types := generateTSTypes(t)
	if *updateTSTypes {
		if err := os.WriteFile(tsTypesFile, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(tsTypesFile)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	if got == want {
		return
	}
	// Name what differs, type by type and field by field.
	committed := parseTSTypes(got)
	for _, ty := range types {
		have, ok := committed[ty.name]
		if !ok {
			t.Errorf("%s: the type %s (%s) is missing", tsTypesFile, ty.name, ty.goName)
			continue
		}
		for _, f := range ty.fields {
			line, ok := have[f.name]
			if !ok {
				t.Errorf("%s: %s.%s (Go field %s.%s) is missing; want %q", tsTypesFile, ty.name, f.name, ty.goName, f.goName, f.line())
			} else if line != f.line() {
				t.Errorf("%s: %s.%s is %q; Go's %s.%s wants %q", tsTypesFile, ty.name, f.name, line, ty.goName, f.goName, f.line())
			}
		}
		for name, line := range have {
			if !ty.has(name) {
				t.Errorf("%s: %s.%s (%q) is not a field of %s's JSON", tsTypesFile, ty.name, name, line, ty.goName)
			}
		}
	}
	if !t.Failed() {
		t.Errorf("%s differs from the text generated from the Go types (comments, order or layout)", tsTypesFile)
	}
	t.Log("go test ./build -run TestTSTypes -update rewrites it from the Go types")
}

type tsType struct {
	name, goName, doc string
	fields            []tsField
}

type tsField struct {
	name, goName, ts string
	optional         bool
}

func (f tsField) line() string {
	opt := ""
	if f.optional {
		opt = "?"
	}
	return fmt.Sprintf("%s%s: %s;", f.name, opt, f.ts)
}

func (ty tsType) has(name string) bool {
	for _, f := range ty.fields {
		if f.name == name {
			return true
		}
	}
	return false
}

// generateTSTypes returns the text of types.ts as the Go types give it,
// and its types.
func generateTSTypes(t *testing.T) (string, []tsType) {
	var types []tsType
	seen := map[reflect.Type]bool{}
	var add func(rt reflect.Type, doc string)
	add = func(rt reflect.Type, doc string) {
		if seen[rt] {
			return
		}
		seen[rt] = true
		ty := tsType{name: rt.Name(), goName: rt.String(), doc: rt.Name() + " is " + doc}
		type use struct {
			rt    reflect.Type
			field string
		}
		var nested []use
		for i := range rt.NumField() {
			sf := rt.Field(i)
			if !sf.IsExported() {
				continue
			}
			if sf.Anonymous {
				t.Fatalf("%s.%s: embedded fields are not supported", rt, sf.Name)
			}
			name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "-" && opts == "" {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			f := tsField{name: name, goName: sf.Name}
			for o := range strings.SplitSeq(opts, ",") {
				switch o {
				case "", "omitempty", "omitzero":
					f.optional = f.optional || o != ""
				default:
					t.Fatalf("%s.%s: the json option %q is not supported", rt, sf.Name, o)
				}
			}
			ts, structs := tsTypeOf(t, sf.Type, f.optional)
			f.ts = ts
			for _, n := range structs {
				nested = append(nested, use{n, name})
			}
			ty.fields = append(ty.fields, f)
		}
		types = append(types, ty)
		for _, n := range nested {
			add(n.rt, fmt.Sprintf("one of %s.%s.", ty.name, n.field))
		}
	}
	for _, r := range tsRoots {
		add(reflect.TypeOf(r.v), r.name+": "+r.doc)
	}
	var b strings.Builder
	b.WriteString(`// Code generated from the Go types by build/tstypes_test.go; DO NOT EDIT.
// go test ./build -run TestTSTypes -update rewrites it; without -update the
// test fails, naming the field, while this file and the Go types disagree.
//
// The JSON the engine sends the page: the scheduler's events (sched.Event)
// and a cell's outputs (kernel.Output); and the lesson's cells the build
// puts in the page (SourceCell). A field is optional where Go omits it when
// empty (omitempty).
`)
	for _, ty := range types {
		fmt.Fprintf(&b, "\n// %s\nexport type %s = {\n", ty.doc, ty.name)
		for _, f := range ty.fields {
			fmt.Fprintf(&b, "  %s\n", f.line())
		}
		b.WriteString("};\n")
	}
	return b.String(), types
}

// tsTypeOf is the TypeScript type of a Go type's JSON, and the named
// structs it uses. A nil slice, map or pointer is null in JSON unless the
// field is omitted when empty.
func tsTypeOf(t *testing.T, rt reflect.Type, omitted bool) (string, []reflect.Type) {
	orNull := func(s string) string {
		if omitted {
			return s
		}
		return s + " | null"
	}
	switch rt.Kind() {
	case reflect.String:
		return "string", nil
	case reflect.Bool:
		return "boolean", nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "number", nil
	case reflect.Interface:
		return "any", nil
	case reflect.Struct:
		if rt.Name() == "" {
			t.Fatalf("%s: anonymous structs are not supported", rt)
		}
		return rt.Name(), []reflect.Type{rt}
	case reflect.Pointer:
		s, n := tsTypeOf(t, rt.Elem(), true)
		return orNull(s), n
	case reflect.Slice:
		if rt.Elem().Kind() == reflect.Uint8 {
			return "string", nil // []byte is base64
		}
		s, n := tsTypeOf(t, rt.Elem(), true)
		if strings.Contains(s, " ") {
			s = "(" + s + ")"
		}
		return orNull(s + "[]"), n
	case reflect.Map:
		if rt.Key().Kind() != reflect.String {
			t.Fatalf("%s: maps with keys other than strings are not supported", rt)
		}
		s, n := tsTypeOf(t, rt.Elem(), true)
		return orNull("Record<string, " + s + ">"), n
	}
	t.Fatalf("%s: no TypeScript type for a %s", rt, rt.Kind())
	return "", nil
}

var (
	tsTypeStart = regexp.MustCompile(`^export type (\w+) = \{$`)
	tsFieldLine = regexp.MustCompile(`^\s*(\w+)\??:`)
)

// parseTSTypes reads the fields of each `export type X = { … };` in text:
// type name → field name → the field's line, trimmed.
func parseTSTypes(text string) map[string]map[string]string {
	types := map[string]map[string]string{}
	var cur map[string]string
	for line := range strings.SplitSeq(text, "\n") {
		if m := tsTypeStart.FindStringSubmatch(line); m != nil {
			cur = map[string]string{}
			types[m[1]] = cur
		} else if strings.HasPrefix(line, "}") {
			cur = nil
		} else if m := tsFieldLine.FindStringSubmatch(line); m != nil && cur != nil {
			cur[m[1]] = strings.TrimSpace(line)
		}
	}
	return types
}
