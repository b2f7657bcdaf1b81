package python

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"go.starlark.net/syntax"
)

// TestParseIsTranslateParsed checks that Parse, which rewrites comparisons
// on the tree, gives the tree of translate's text, whose comparisons are
// rewritten in the text (the text is what workers compile): the same
// nodes at the same lines, on every cell of the corpus, of the fuzz
// corpus, of the lessons and of their solutions.
func TestParseIsTranslateParsed(t *testing.T) {
	var srcs []string
	files, _ := filepath.Glob("../kernel/testdata/cells/*.py")
	for _, name := range files {
		b, _ := os.ReadFile(name)
		srcs = append(srcs, corpusCells(string(b))...)
	}
	files, _ = filepath.Glob("testdata/fuzz/FuzzTranslate/*")
	for _, name := range files {
		b, _ := os.ReadFile(name)
		_, arg, _ := strings.Cut(string(b), "\nstring(")
		if s, err := strconv.Unquote(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(arg), ")"))); err == nil {
			srcs = append(srcs, s)
		}
	}
	files, _ = filepath.Glob("../../solutions/*.py")
	for _, name := range files {
		b, _ := os.ReadFile(name)
		srcs = append(srcs, string(b))
	}
	files, _ = filepath.Glob("../../lessons/[0-9][0-9]-*.md")
	for _, name := range files {
		b, _ := os.ReadFile(name)
		for _, block := range strings.Split(string(b), "```python\n")[1:] {
			code, _, _ := strings.Cut(block, "```")
			srcs = append(srcs, code)
		}
	}
	if len(srcs) < 1000 {
		t.Fatalf("only %d sources", len(srcs))
	}
	parsed := 0
	for _, src := range srcs {
		if sameAsTranslate(t, src) {
			parsed++
		}
	}
	t.Logf("%d sources, %d parsed", len(srcs), parsed)
}

// sameAsTranslate checks that Parse gives the tree of translate's text, or
// the same error, and reports whether src parsed.
func sameAsTranslate(t *testing.T, src string) bool {
	t.Helper()
	f, text, err := Parse("<cell>", src)
	want, terr := translate(src)
	if terr != nil {
		if err == nil || err.Error() != terr.Error() {
			t.Errorf("%q: Parse's error %v, translate's %v", src, err, terr)
		}
		return false
	}
	wf, perr := FileOptions().Parse("<cell>", want, 0)
	if perr != nil {
		if err == nil {
			// The text rewrite of comparisons made text that does not
			// parse: Parse's tree has no such bug.
			t.Logf("%q: translate's text does not parse (%v); Parse succeeds", src, perr)
		} else if err.Error() != perr.Error() {
			t.Errorf("%q: Parse's error %v, the parser's of translate's text %v", src, err, perr)
		}
		return false
	}
	if err != nil {
		t.Errorf("%q: Parse: %v", src, err)
		return false
	}
	if text != want {
		t.Errorf("%q: Parse's text\n%s\ntranslate's\n%s", src, text, want)
	}
	wf.Stmts = applyDecorators(wf.Stmts)
	if got, want := dump(f), dump(wf); got != want {
		t.Errorf("%q: Parse's tree\n%s\nthe tree of translate's text\n%s", src, got, want)
	}
	return true
}

// dump writes a syntax tree with the lines of its positions, not their
// columns.
func dump(n any) string {
	var b strings.Builder
	var walk func(v reflect.Value, indent string)
	walk = func(v reflect.Value, indent string) {
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			if p, ok := v.Interface().(*syntax.Position); ok {
				fmt.Fprintf(&b, "line %d", p.Line)
				return
			}
			if v.Kind() == reflect.Pointer && v.Elem().Kind() != reflect.Struct {
				fmt.Fprintf(&b, "%v", v.Interface())
				return
			}
			walk(v.Elem(), indent)
		case reflect.Struct:
			if p, ok := v.Interface().(syntax.Position); ok {
				fmt.Fprintf(&b, "line %d", p.Line)
				return
			}
			fmt.Fprintf(&b, "%s{", v.Type().Name())
			for i := 0; i < v.NumField(); i++ {
				fl := v.Type().Field(i)
				if !fl.IsExported() || fl.Name == "Binding" || fl.Name == "Function" || fl.Name == "Path" {
					continue
				}
				fmt.Fprintf(&b, "\n%s  %s: ", indent, fl.Name)
				walk(v.Field(i), indent+"  ")
			}
			fmt.Fprintf(&b, "\n%s}", indent)
		case reflect.Slice:
			b.WriteString("[")
			for i := 0; i < v.Len(); i++ {
				fmt.Fprintf(&b, "\n%s  ", indent)
				walk(v.Index(i), indent+"  ")
			}
			fmt.Fprintf(&b, "\n%s]", indent)
		default:
			fmt.Fprintf(&b, "%v", v.Interface())
		}
	}
	walk(reflect.ValueOf(n), "")
	return b.String()
}
