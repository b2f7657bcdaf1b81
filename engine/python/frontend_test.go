package python

import (
	"strings"
	"testing"
)

// TestTranslateTokens checks the translation of the statements Starlark
// lacks, written as Python allows them: comments and line breaks
// anywhere, and the same number of lines out as in.
func TestTranslateTokens(t *testing.T) {
	for in, want := range map[string]string{
		"from dask import delayed    # Import the delayed decorator":  `delayed = _import("dask", "delayed")    # Import the delayed decorator`,
		"from a.b import (x,  # note\n  y as z,\n)":                   "x = _import(\"a.b\", \"x\"); z = _import(\"a.b\", \"y\")\n\n",
		"import numpy as np, os.path  # c":                            `np = _import("numpy"); os = _import("os"); _import("os.path")  # c`,
		"@delayed   # Wrap inc with delayed\ndef inc(x):\n  return x": "_decorate(delayed)   # Wrap inc with delayed\ndef inc(x):\n  return x",
		"assert x, 'a # b'  # c":                                      "_assert( x, 'a # b')  # c",
		"del d[k], y  # gone":                                         `_delitem(d, k); y = _deleted("y")  # gone`,
		"with open(f) as g:  # c\n  pass":                             "for g in _iter( _with(open(f))):  # c\n  pass",
		"def f(x: int, y: 'str' = 3, *a: int, **k: Any) -> float: 1":  "def f(x, y = 3, *a, **k): 1",
		"def f(key=lambda v: v): pass":                                "def f(key=lambda v: v): pass",
		"x: int = 3":                                                  "x = 3",
		"x: int":                                                      "pass",
		"d['k']: list[int] = []":                                      "d['k'] = []",
		"f = lambda x: x":                                             "f = lambda x: x",
		"0 < x <= 10":                                                 `_chain(0 , "<", lambda:  x , "<=", lambda:  10)`,
		"if a == b == c:\n  pass":                                     "if _chain(a , \"==\", lambda:  b , \"==\", lambda:  c):\n  pass",
		"f(0 < g(x < 1) < 2, y)":                                      `f(_chain(0 , "<", lambda:  g(_cmp("<", x, 1)) , "<", lambda:  2), y)`,
		"a < b and c < d":                                             `_cmp("<", a, b) and _cmp("<", c, d)`,
		"try:\n  x = 1\nexcept (KeyError, ValueError) as e:  # c\n  raise\nelse:\n  pass\nfinally:\n  pass": "if _try():\n  x = 1\nif _except((KeyError, ValueError), \"e\"):  # c\n  _raise(_exc)\nif _else():\n  pass\nif _finally():\n  pass",
		"try:\n  pass\nexcept:\n  pass": "if _try():\n  pass\nif _except():\n  pass",
		"raise ValueError('x') from e":  "_raise( ValueError('x') , e)",
		"x = ('a'  # c\n     'b')":      "x = (('a'  # c\n     + 'b'))",
		"1_000 + .5 + 1. + 1.e3":        "1000 + 0.5 + 1.0 + 1.0e3",
		`u"\d" + R"\d" + Br"x"`:         `"\\d" + r"\d" + rb"x"`,
		"x = f'{a}' 'b'":                "x = (_fstr(_fv((a), \"\", \"\")) + 'b')",
		"with f(1_0, u'x') as g: pass":  "for g in _iter( _with(f(10, 'x'))): pass",
		"del (x,\n y)  # c":             "x = _deleted(\"x\"); y = _deleted(\"y\")\n  # c",
		"x = 1; y = 2;":                 "x = 1; y = 2;",
		"%time f(x)":                    "_time_start(); _time_end(f(x))",
		"np.mean?":                      "help(np.mean)",
		"s = '# **' + x ** 2  # **":     "s = '# **' + _pow(x, 2)  # **",
	} {
		got, err := translate(in)
		if err != nil || got != want {
			t.Errorf("translate(%q) =\n%q, %v; want\n%q", in, got, err, want)
		}
		if strings.Count(got, "\n") != strings.Count(in, "\n") {
			t.Errorf("translate(%q): %d lines, want %d", in, strings.Count(got, "\n")+1, strings.Count(in, "\n")+1)
		}
	}
}

// TestTranslateRefusals: what Burst does not run is refused by name, at
// its line.
func TestTranslateRefusals(t *testing.T) {
	for in, want := range map[string]string{
		"x = 1\nclass A:\n  pass":             "line 2: class definitions",
		"def f():\n  try:\n    pass\n":        "line 2: try/except is supported only at the top level",
		"for i in x:\n  try: pass\n":          "line 2: try/except is supported only at the top level",
		"def g():\n  yield 1":                 "line 2: generators (yield)",
		"async def f():\n  pass":              "line 1: async code (async)",
		"x = await y":                         "line 1: async code (await)",
		"def f():\n  global x":                "line 2: global is not supported",
		"def f():\n  nonlocal x":              "line 2: nonlocal is not supported",
		"match x:\n  case 1:\n    pass":       "line 1: the match statement",
		"if (n := 3):\n  pass":                "line 1: assignment expressions (:=)",
		"z = 1 +\\\n 2j":                      "line 2: complex numbers (2j)",
		"a, *b = *c = xs":                     "line 1: star-unpacking",
		"from . import x":                     "line 1: relative imports",
		"from x import *":                     "line 1: from ... import * is not supported",
		"x = 1\nexcept:\n  pass":              "line 2: invalid syntax",
		"!ls":                                 "line 1: shell commands",
		"x = 1\n  y = 2":                      "line 2: IndentationError: unexpected indent",
		"if x:\ny = 2":                        "line 2: IndentationError: expected an indented block after 'if' statement on line 1",
		"try:\n  x = 1\ny = 2":                "line 3: expected 'except' or 'finally' block",
		"for a, *b in xs:\n  pass":            "line 1: star-unpacking",
		"try:\n  pass\nexcept* ValueError:\n": "line 3: except* (exception groups)",
	} {
		_, err := translate(in)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("translate(%q): %v, want %s…", in, err, want)
		}
	}
	// Names that are soft keywords stay names.
	for _, in := range []string{"match = 1", "match(x)", "f(*a)", "print(*xs, sep='')", "x = [1, *y]"} {
		if _, err := translate(in); err != nil {
			t.Errorf("translate(%q): %v", in, err)
		}
	}
}
