package kernel

import "testing"

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
	s := newSession(t)
	if got := s.result("2 ** 10 + 3 ** 2 ** 2"); got != "1105" {
		t.Errorf("2 ** 10 + 3 ** 2 ** 2 = %s", got)
	}
	if got := s.result("2 ** -1"); got != "0.5" {
		t.Errorf("2 ** -1 = %s", got)
	}
}
