package python

import "testing"

// translate is the whole translation as text, as Parse makes it: the tests
// check it even when it does not parse (then without its comparisons
// rewritten, as Parse returns the parser's error).
func translate(src string) (string, error) {
	text, isOps, err := translateText(src)
	if err != nil {
		return "", err
	}
	f, err := FileOptions().Parse("", text, 0)
	if err != nil {
		return text, nil // for the parser to report
	}
	return comparisonText(text, f, isOps), nil
}

func TestRewritePow(t *testing.T) {
	for in, want := range map[string]string{
		"x = a ** 2":         "x = _pow(a, 2)",
		"d ** 2 + 1":         "_pow(d, 2) + 1",
		"f(x) ** -1":         "_pow(f(x), -1)",
		"2 ** 3 ** 2":        "_pow(2, _pow(3, 2))",
		"df.a[0] ** (b + 1)": "_pow(df.a[0], (b + 1))",
		"f(**kw)":            "f(**kw)",
		"s = '**'":           "s = '**'",
		"y = -x**2":          "y = -_pow(x, 2)",
	} {
		if got := rewritePow(in); got != want {
			t.Errorf("rewritePow(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRewriteSubscripts(t *testing.T) {
	for in, want := range map[string]string{
		"X[:, 0]":                    "X[_slice(None,None), 0]",
		"X[1:3, :2]":                 "X[_slice(1,3), _slice(None,2)]",
		"X[2:10:2]":                  "X[2:10:2]",
		"X[::2, 1]":                  "X[_slice(None,None,2), 1]",
		"a[2:5] = 0":                 "a[_slice(2,5)] = 0",
		"a[2:] += 1":                 "a[_slice(2,None)] += 1",
		"a[2:] == 1":                 "a[2:] == 1",
		"a[1:2]":                     "a[1:2]",
		"x = [1, 2][0:1]":            "x = [1, 2][0:1]",
		"d = {1: 2}":                 "d = {1: 2}",
		"X[idx[1:2], 0]":             "X[idx[1:2], 0]",
		"f(X[:, 0], Y[1, 1:])":       "f(X[_slice(None,None), 0], Y[1, _slice(1,None)])",
		"X[:, 0] = [1,\n 2]":         "X[_slice(None,None), 0] = [1,\n 2]",
		"X[lambda x: x, 0]":          "X[lambda x: x, 0]",
		"for r in X[:, 1:]:\n  pass": "for r in X[_slice(None,None), _slice(1,None)]:\n  pass",
	} {
		if got := rewriteSubscripts(in); got != want {
			t.Errorf("rewriteSubscripts(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"X @ w":         "X * _at * w",
		"y = X @ w + b": "y = X * _at * w + b",
		"@delayed":      "@delayed",
		"s = 'a@b'":     "s = 'a@b'",
		"f(a)@g(b)":     "f(a)* _at *g(b)",
	} {
		if got := rewriteMatmul(in); got != want {
			t.Errorf("rewriteMatmul(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMethodsRouted: attributes named in Methods become _attr calls in
// the text workers compile, nested calls opening outermost first, and
// assigned attributes stay attributes.
func TestMethodsRouted(t *testing.T) {
	for in, want := range map[string]string{
		`"ab".center(6)`:          `_attr("ab", "center")(6)`,
		`s.count("a") == 1`:       `_cmp("==", _attr(s, "count")("a"), 1)`,
		`df.x.copy().sort()`:      `_attr(_attr(df.x, "copy")(), "sort")()`,
		`o.copy = 1`:              `o.copy = 1`,
		"f(s .\n  count(1))":      "f(_attr(s ,\n  \"count\")(1))",
		`"{:>5}".format(x) + "!"`: `_attr("{:>5}", "format")(x) + "!"`,
		// A call opened right after a keyword stays apart from it.
		`not()>0`:            `not _cmp(">", (), 0)`,
		`not"ab".count("a")`: `not _attr("ab", "count")("a")`,
	} {
		got, err := translate(in)
		if err != nil || got != want {
			t.Errorf("translate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
