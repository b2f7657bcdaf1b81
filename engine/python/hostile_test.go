package python

import (
	"strings"
	"testing"
)

// Source Python refuses before it runs: a NUL byte anywhere, brackets
// nested deeper than CPython's tokenizer allows.
func TestHostileSource(t *testing.T) {
	for _, c := range []struct{ src, msg string }{
		{"print(1)\n\x00\nprint(2)", "line 2: source code cannot contain null bytes"},
		{"x = 'a\x00b'", "line 1: source code cannot contain null bytes"},
		{strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000), "line 1: too many nested parentheses"},
		{"x = " + strings.Repeat("[", 201) + strings.Repeat("]", 201), "line 1: too many nested parentheses"},
	} {
		_, _, err := Parse("<cell 1>", c.src)
		if err == nil || err.Error() != c.msg {
			t.Errorf("%.40q: %v, want %s", c.src, err, c.msg)
		}
	}
	if _, _, err := Parse("<cell 1>", "x = "+strings.Repeat("[", 60)+strings.Repeat("]", 60)); err != nil {
		t.Errorf("60 nested brackets: %v", err)
	}
}
