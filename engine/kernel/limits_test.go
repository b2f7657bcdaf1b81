package kernel

import (
	"context"
	"strings"
	"testing"
)

// cellResult runs code in k and returns its error's name and the whole
// traceback and output text.
func cellResult(k *Kernel, code string) (ename, text string) {
	var b strings.Builder
	k.Execute(context.Background(), code, func(o Output) {
		switch o.Type {
		case "error":
			ename = o.EName
			b.WriteString(strings.Join(o.Traceback, "\n"))
		case "stream":
			b.WriteString(o.Text)
		default:
			if s, ok := o.Data["text/plain"].(string); ok {
				b.WriteString(s + "\n")
			}
		}
	})
	return ename, b.String()
}

// Recursion deeper than CPython's limit is a RecursionError with
// CPython's collapsed traceback, and the kernel keeps its variables.
func TestRecursionError(t *testing.T) {
	k := New(&NativeHost{Dir: t.TempDir(), Workers: 1})
	cellResult(k, "x = 41\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)")
	if e, out := cellResult(k, "f(900)"); e != "" || out != "900\n" {
		t.Errorf("f(900): %s %q", e, out)
	}
	e, out := cellResult(k, "f(2000)")
	if e != "RecursionError" || !strings.HasSuffix(out, "RecursionError: maximum recursion depth exceeded") ||
		!strings.Contains(out, "[Previous line repeated 996 more times]") || len(out) > 5000 {
		t.Errorf("f(2000): %s %d bytes\n%.3000s", e, len(out), out)
	}
	for _, c := range []string{
		"f(100000)",
		"def a(n):\n    return b(n)\ndef b(n):\n    return a(n)\na(1)",
		"g = lambda n: 1 + g(n - 1)\ng(5000)",
		"def h(n):\n    return sorted([1, 2], key=lambda x: h(n + 1))\nh(0)",
		"def m(n):\n    return {'f': m}.get('f')(n + 1)\nm(0)",
	} {
		if e, out := cellResult(k, c); e != "RecursionError" || len(out) > 5000 {
			t.Errorf("%s: %s %d bytes\n%.2000s", c, e, len(out), out)
		}
	}
	e, out = cellResult(k, "try:\n    f(5000)\nexcept RecursionError as err:\n    print('caught', err)\nprint(x + 1)")
	if e != "" || out != "caught maximum recursion depth exceeded\n42\n" {
		t.Errorf("try: %s %q", e, out)
	}
	if e, out := cellResult(k, "x + 1"); e != "" || out != "42\n" {
		t.Errorf("after: %s %q", e, out)
	}
}
