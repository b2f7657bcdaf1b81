package kernel

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The pandas surface (issue 22): the methods and accessors of pandas 1.5
// a data science course uses, and their Dask counterparts, each with cells
// in testdata/surface/*.py whose expected output pandas 1.5 and Dask
// 2022.12 printed (testdata/surface/gen.py). A case is named
// "<Entry> <pandas|dask> words". Every case gets a state:
//
//	works    Burst prints exactly what pandas or Dask printed
//	refused  Burst raises an error that names what it lacks: an
//	         AttributeError or NotImplementedError naming the method, or
//	         a TypeError for an unexpected keyword argument
//	wrong    anything else, which fails the test
//
// An entry works for pandas (or Dask) when all its pandas (Dask) cases
// work. `go test -run TestSurface ./engine/kernel/ -update` rewrites the
// list, engine/lib/pandas/SURFACE.md; without -update the test fails
// when the list is stale.

// minSurface is the least number of entries that must work in pandas: a
// ratchet, raised as the engine grows (issue 22 asks for 150; 301 work).
const minSurface = 300

const surfaceList = "../lib/pandas/SURFACE.md"

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the lists written by tests")
	}
}

type surfaceCase struct {
	CorpusCase
	File, Entry, Engine, State, Got string
}

var errorHead = regexp.MustCompile(`^([A-Za-z]+(?:Error|Exception)): ?(.*)$`)

// refusal reports whether Burst's output is an error naming what it
// lacks for entry.
func refusal(entry, got string) bool {
	lines := strings.Split(got, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		m := errorHead.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		name := entry[strings.LastIndex(entry, ".")+1:]
		switch m[1] {
		case "AttributeError", "NotImplementedError":
			return strings.Contains(m[2], name)
		case "TypeError":
			return strings.Contains(m[2], "unexpected keyword argument")
		}
		return false
	}
	return false
}

func TestSurface(t *testing.T) {
	files, _ := filepath.Glob("testdata/surface/*.py")
	data := filepath.Join("testdata", "surface", "data")
	var cases []surfaceCase
	for _, f := range files {
		if filepath.Base(f) == "gen.py" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range ParseCorpus(string(src)) {
			w := strings.Fields(c.Name)
			if len(w) < 2 || (w[1] != "pandas" && w[1] != "dask") {
				t.Errorf("%s:%d: case %q: name it \"<Entry> <pandas|dask> words\"", f, c.Line, c.Name)
				continue
			}
			cases = append(cases, surfaceCase{CorpusCase: c, File: filepath.Base(f), Entry: w[0], Engine: w[1]})
		}
	}
	for i := range cases {
		c := &cases[i]
		c.Got = trimLines(CorpusOutput(&NativeHost{Dir: data, Workers: 2}, c.Code))
		switch {
		case corpusMatch(c.Got, c.Expect):
			c.State = "works"
		case refusal(c.Entry, c.Got):
			c.State = "refused"
		default:
			c.State = "wrong"
			t.Errorf("%s:%d: %s:\n%s\n--- got:\n%s\n--- want (pandas/Dask):\n%s", c.File, c.Line, c.Name, c.Code, c.Got, c.Expect)
		}
	}
	list, works := surfaceMarkdown(cases)
	t.Logf("%d cases; %d entries work in pandas", len(cases), works)
	if works < minSurface {
		t.Errorf("%d entries work in pandas, want at least %d", works, minSurface)
	}
	if u := flag.Lookup("update"); u != nil && u.Value.String() == "true" {
		if err := os.WriteFile(surfaceList, []byte(list), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, _ := os.ReadFile(surfaceList)
	if string(old) != list {
		t.Errorf("%s is stale: run go test -run TestSurface ./engine/kernel/ -update", surfaceList)
	}
}

// surfaceMarkdown writes the list: an entry a row, its pandas and Dask
// states, and how many entries work in pandas.
func surfaceMarkdown(cases []surfaceCase) (string, int) {
	type row struct {
		area          string
		states        map[string]string // engine → works|refused|not in Dask
		cases         map[string]int
		pandas, dask  bool
		entry, source string
	}
	rows := map[string]*row{}
	for _, c := range cases {
		r := rows[c.Entry]
		if r == nil {
			r = &row{entry: c.Entry, states: map[string]string{}, cases: map[string]int{}, source: c.File}
			rows[c.Entry] = r
		}
		r.cases[c.Engine]++
		st := c.State
		// Where Dask itself has no such method, matching its error is
		// all there is to do.
		if st == "works" && c.Engine == "dask" && strings.HasPrefix(c.Expect, "AttributeError") {
			st = "not in Dask"
		}
		if old, ok := r.states[c.Engine]; !ok || rank(st) > rank(old) {
			r.states[c.Engine] = st
		}
	}
	names := make([]string, 0, len(rows))
	for n := range rows {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := rows[names[i]], rows[names[j]]
		if a.source != b.source {
			return a.source < b.source
		}
		return names[i] < names[j]
	})
	works, dask := 0, 0
	var body strings.Builder
	section := ""
	for _, n := range names {
		r := rows[n]
		if r.source != section {
			section = r.source
			fmt.Fprintf(&body, "\n## %s\n\n| entry | pandas | Dask | cases |\n|---|---|---|---|\n", strings.TrimSuffix(section, ".py"))
		}
		p, d := r.states["pandas"], r.states["dask"]
		if p == "works" {
			works++
		}
		if d == "works" {
			dask++
		}
		if p == "" {
			p = "—"
		}
		if d == "" {
			d = "—"
		}
		fmt.Fprintf(&body, "| `%s` | %s | %s | %d |\n", n, p, d, r.cases["pandas"]+r.cases["dask"])
	}
	var b strings.Builder
	b.WriteString("# pandas and Dask in Burst\n\n")
	b.WriteString("The methods, accessors and functions of pandas 1.5 that a data science course uses, and their\n")
	b.WriteString("Dask DataFrame 2022.12 counterparts. Each entry has cells in `engine/kernel/testdata/surface/`\n")
	b.WriteString("whose expected output pandas and Dask printed (`gen.py` there, Debian's Python). \"works\": Burst\n")
	b.WriteString("prints the same, repr for repr; \"refused\": Burst raises an error naming what it lacks; \"not in\n")
	b.WriteString("Dask\": Dask has no such method and Burst says the same; \"—\": no case.\n\n")
	b.WriteString("Written by `go test -run TestSurface ./engine/kernel/ -update`.\n\n")
	fmt.Fprintf(&b, "%d entries: %d work in pandas, %d in Dask.\n", len(rows), works, dask)
	b.WriteString(body.String())
	return b.String(), works
}

// trimLines drops the spaces that end lines, as corpus files do (pandas
// pads wrapped frames' lines).
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

func rank(state string) int {
	switch state {
	case "wrong":
		return 3
	case "refused":
		return 2
	case "not in Dask":
		return 1
	}
	return 0
}
