package kernel

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pyBuiltins are the functions of Python 3.11's "Built-in Functions" page.
var pyBuiltins = strings.Fields(`abs aiter all anext any ascii bin bool breakpoint bytearray bytes
	callable chr classmethod compile complex delattr dict dir divmod enumerate eval exec filter
	float format frozenset getattr globals hasattr hash help hex id input int isinstance
	issubclass iter len list locals map max memoryview min next object oct open ord pow print
	property range repr reversed round set setattr slice sorted staticmethod str sum super tuple
	type vars zip __import__`)

// pyStrMethods are the methods of Python 3.11's str.
var pyStrMethods = strings.Fields(`capitalize casefold center count encode endswith expandtabs
	find format format_map index isalnum isalpha isascii isdecimal isdigit isidentifier islower
	isnumeric isprintable isspace istitle isupper join ljust lower lstrip maketrans partition
	removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split
	splitlines startswith strip swapcase title translate upper zfill`)

// TestBuiltinsListed checks engine/session/testdata/builtins.md: it names
// every builtin and str method of Python's documentation with a state,
// every builtin it names exists in cells, and each has a corpus cell (a
// refused one a [burst] cell showing its message).
func TestBuiltinsListed(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "session", "testdata", "builtins.md"))
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]map[string]string{}
	var section map[string]string
	row := regexp.MustCompile(`^\| ([^ |]+) \| (works|partial|refused|[^ |]+) \|`)
	for _, line := range strings.Split(string(text), "\n") {
		if strings.HasPrefix(line, "## ") {
			section = map[string]string{}
			sections[strings.TrimPrefix(line, "## ")] = section
			continue
		}
		m := row.FindStringSubmatch(line)
		if m == nil || section == nil || m[1] == "name" {
			continue
		}
		name := strings.ReplaceAll(m[1], `\_`, "_")
		switch m[2] {
		case "works", "partial", "refused":
		default:
			t.Errorf("%s: state %q, want works, partial or refused", name, m[2])
		}
		section[name] = m[2]
	}
	var code strings.Builder
	files, _ := filepath.Glob(filepath.Join("testdata", "cells", "*.py"))
	for _, f := range files {
		src, _ := os.ReadFile(f)
		for _, l := range strings.Split(string(src), "\n") {
			if !strings.HasPrefix(l, "# ") {
				code.WriteString(l + "\n")
			}
		}
	}
	corpus := code.String()
	k := New(&NativeHost{Dir: t.TempDir()})
	check := func(title string, documented []string, used func(string) bool, exists func(string) bool) {
		listed := sections[title]
		if listed == nil {
			t.Fatalf("builtins.md has no section %q", title)
		}
		doc := map[string]bool{}
		for _, n := range documented {
			doc[n] = true
			if listed[n] == "" {
				t.Errorf("%s: %s is not listed", title, n)
			}
		}
		for n := range listed {
			if !doc[n] {
				t.Errorf("%s: %s is listed but not Python's", title, n)
			}
			if !exists(n) {
				t.Errorf("%s: %s does not exist in cells", title, n)
			}
			if !used(n) {
				t.Errorf("%s: %s (%s) has no corpus cell", title, n, listed[n])
			}
		}
	}
	check("Built-in functions", pyBuiltins,
		func(n string) bool {
			return regexp.MustCompile(`(^|[^.\w])` + regexp.QuoteMeta(n) + `\(`).MatchString(corpus)
		},
		func(n string) bool { return k.builtin[n] != nil })
	check("str methods", pyStrMethods,
		func(n string) bool {
			return regexp.MustCompile(`(["')\]]\.|str\.)` + n + `\(`).MatchString(corpus)
		},
		func(n string) bool {
			return k.Execute(context.Background(), "str."+n, func(Output) {}) && k.docs["str."+n] != ""
		})
}
