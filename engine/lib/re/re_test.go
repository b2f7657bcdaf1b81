package re

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// Burst's re gives CPython's results on random patterns and strings
// (testdata/cases.json, written by testdata/gen.py with Debian's
// Python): the same matches, replacements and splits, and an re.error
// where CPython raises one.
func TestAgainstCPython(t *testing.T) {
	data, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []map[string]any
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	th := &starlark.Thread{}
	failures, refused := 0, 0
	for _, c := range cases {
		pat, s, flags := c["p"].(string), c["s"].(string), int(c["flags"].(float64))
		p, err := Compile(pat, flags)
		if want, ok := c["error"].(string); ok {
			if err == nil {
				t.Errorf("%q: compiled, CPython says %s", pat, want)
				failures++
			} else if !strings.Contains(err.Error(), want) && !strings.Contains(err.Error(), "Burst's re has no") {
				t.Logf("%q: %v, CPython says %s", pat, err, want)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q (flags %d): %v", pat, flags, err)
			failures++
			continue
		}
		if p.checkText(s) != nil {
			refused++ // \b in a text with non-ASCII letters
			continue
		}
		call := func(name string, args ...starlark.Value) string {
			m, _ := p.Attr(name)
			v, err := starlark.Call(th, m, args, nil)
			if err != nil {
				return err.Error()
			}
			return session.Repr(v)
		}
		span := func(name string) string {
			m, _ := p.Attr(name)
			v, err := starlark.Call(th, m, starlark.Tuple{starlark.String(s)}, nil)
			if err != nil {
				return err.Error()
			}
			if v == starlark.None {
				return "None"
			}
			sp, _ := v.(*Match).Attr("span")
			r, _ := starlark.Call(th, sp, nil, nil)
			return session.Repr(r)
		}
		got := map[string]string{
			"findall":   call("findall", starlark.String(s)),
			"sub":       call("sub", starlark.String(`<\g<0>>`), starlark.String(s)),
			"split":     call("split", starlark.String(s)),
			"search":    span("search"),
			"match":     span("match"),
			"fullmatch": span("fullmatch"),
		}
		for k, g := range got {
			if w := c[k].(string); g != w {
				t.Errorf("%q (flags %d) on %q: %s gives %s, CPython %s", pat, flags, s, k, g, w)
				failures++
			}
		}
		if failures > 30 {
			t.Fatal("too many failures")
		}
	}
	t.Logf("%d of %d cases refused for word boundaries in non-ASCII text", refused, len(cases))
	if refused > len(cases)/10 {
		t.Errorf("%d of %d cases refused for word boundaries in non-ASCII text", refused, len(cases))
	}
}
