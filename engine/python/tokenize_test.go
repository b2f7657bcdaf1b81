package python

import (
	"fmt"
	"strings"
	"testing"
)

// tokens renders src's tokens as "KIND text@line:col", one per token.
func tokens(t *testing.T, src string) string {
	t.Helper()
	toks, err := Tokenize(src)
	if err != nil {
		t.Fatalf("Tokenize(%q): %v", src, err)
	}
	var out []string
	for _, tk := range toks {
		out = append(out, fmt.Sprintf("%v %q@%d:%d", tk.Kind, src[tk.Start:tk.End], tk.Line, tk.Col))
	}
	return strings.Join(out, "\n")
}

// TestTokenize checks kinds and positions (1-based line, 0-based column
// in characters), as Python's tokenize module reports them.
func TestTokenize(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"x = 1  # one\n", `NAME "x"@1:0
OP "="@1:2
NUMBER "1"@1:4
COMMENT "# one"@1:7
NEWLINE "\n"@1:12
ENDMARKER ""@2:0`},
		{"if x:\n    y = 'a#b'\n\n# c\nz", `NAME "if"@1:0
NAME "x"@1:3
OP ":"@1:4
NEWLINE "\n"@1:5
INDENT "    "@2:0
NAME "y"@2:4
OP "="@2:6
STRING "'a#b'"@2:8
NEWLINE "\n"@2:13
NL "\n"@3:0
COMMENT "# c"@4:0
NL "\n"@4:3
DEDENT ""@5:0
NAME "z"@5:0
NEWLINE ""@5:1
ENDMARKER ""@6:0`},
		{"f(a,  # note\n  b)", `NAME "f"@1:0
OP "("@1:1
NAME "a"@1:2
OP ","@1:3
COMMENT "# note"@1:6
NL "\n"@1:12
NAME "b"@2:2
OP ")"@2:3
NEWLINE ""@2:4
ENDMARKER ""@3:0`},
		{"f(a,\n  b)\nx", `NAME "f"@1:0
OP "("@1:1
NAME "a"@1:2
OP ","@1:3
NL "\n"@1:4
NAME "b"@2:2
OP ")"@2:3
NEWLINE "\n"@2:4
NAME "x"@3:0
NEWLINE ""@3:1
ENDMARKER ""@4:0`},
		{"x = 1 + \\\n  2", `NAME "x"@1:0
OP "="@1:2
NUMBER "1"@1:4
OP "+"@1:6
NUMBER "2"@2:2
NEWLINE ""@2:3
ENDMARKER ""@3:0`},
		{`s = rb'\d' + F"{x!r}" + """a
b""" + Rb"c" + u'é'`, `NAME "s"@1:0
OP "="@1:2
STRING "rb'\\d'"@1:4
OP "+"@1:11
STRING "F\"{x!r}\""@1:13
OP "+"@1:22
STRING "\"\"\"a\nb\"\"\""@1:24
OP "+"@2:5
STRING "Rb\"c\""@2:7
OP "+"@2:13
STRING "u'é'"@2:15
NEWLINE ""@2:19
ENDMARKER ""@3:0`},
		{"1_000 0x_fF 0o17 0b1 1e-3 .5 1. 2E+2 3j 1_0.2_5", `NUMBER "1_000"@1:0
NUMBER "0x_fF"@1:6
NUMBER "0o17"@1:12
NUMBER "0b1"@1:17
NUMBER "1e-3"@1:21
NUMBER ".5"@1:26
NUMBER "1."@1:29
NUMBER "2E+2"@1:32
NUMBER "3j"@1:37
NUMBER "1_0.2_5"@1:40
NEWLINE ""@1:47
ENDMARKER ""@2:0`},
		{"a **= b // c -> d := e != f ... @ g", `NAME "a"@1:0
OP "**="@1:2
NAME "b"@1:6
OP "//"@1:8
NAME "c"@1:11
OP "->"@1:13
NAME "d"@1:16
OP ":="@1:18
NAME "e"@1:21
OP "!="@1:23
NAME "f"@1:26
OP "..."@1:28
OP "@"@1:32
NAME "g"@1:34
NEWLINE ""@1:35
ENDMARKER ""@2:0`},
		{"é = 'ü'; ß", `NAME "é"@1:0
OP "="@1:2
STRING "'ü'"@1:4
OP ";"@1:7
NAME "ß"@1:9
NEWLINE ""@1:10
ENDMARKER ""@2:0`},
		{"%time x = 1\n!ls", `MAGIC "%time x = 1"@1:0
NEWLINE "\n"@1:11
MAGIC "!ls"@2:0
NEWLINE ""@2:3
ENDMARKER ""@3:0`},
		{"def f():\n\tif x:\n\t\treturn 1\n\treturn 2\n", `NAME "def"@1:0
NAME "f"@1:4
OP "("@1:5
OP ")"@1:6
OP ":"@1:7
NEWLINE "\n"@1:8
INDENT "\t"@2:0
NAME "if"@2:1
NAME "x"@2:4
OP ":"@2:5
NEWLINE "\n"@2:6
INDENT "\t\t"@3:0
NAME "return"@3:2
NUMBER "1"@3:9
NEWLINE "\n"@3:10
DEDENT ""@4:1
NAME "return"@4:1
NUMBER "2"@4:8
NEWLINE "\n"@4:9
DEDENT ""@5:0
ENDMARKER ""@5:0`},
	} {
		if got := tokens(t, c.src); got != c.want {
			t.Errorf("Tokenize(%q):\n%s\nwant\n%s", c.src, got, c.want)
		}
	}
}

// TestTokenizeErrors checks CPython 3.11's messages and lines.
func TestTokenizeErrors(t *testing.T) {
	for src, want := range map[string]string{
		"x = (1, 2))":                 "line 1: unmatched ')'",
		"x = [1,\n 2\ny = 3":          "line 1: '[' was never closed",
		"x = (1, 2]":                  "line 1: closing parenthesis ']' does not match opening parenthesis '('",
		"x = (1,\n 2]":                "line 2: closing parenthesis ']' does not match opening parenthesis '(' on line 1",
		"s = 'abc\nt = 1":             "line 1: unterminated string literal (detected at line 1)",
		"x = 1\ns = '''abc\ndef":      "line 2: unterminated triple-quoted string literal (detected at line 3)",
		"if x:\n        a\n    b":     "line 3: IndentationError: unindent does not match any outer indentation level",
		"x = 012":                     "line 1: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
		"x = 1abc":                    "line 1: invalid decimal literal",
		"x = 0x":                      "line 1: invalid hexadecimal literal",
		"x = 0b12":                    "line 1: invalid digit '2' in binary literal",
		"x = 1 \\ 2":                  "line 1: unexpected character after line continuation character",
		"x = 1 +\\":                   "line 1: unexpected EOF while parsing",
		"x = 1 € 2":                   "line 1: invalid character '€' (U+20AC)",
		"x = \u00a0 2":                "line 1: invalid non-printable character U+00A0",
		"a = 1\nb = $":                "line 2: invalid syntax",
		"f(\n  'a',\n  \"b\n)":        "line 3: unterminated string literal (detected at line 3)",
		"x = \"\"\"a\n\"\"\" + 'b\n'": "line 2: unterminated string literal (detected at line 2)",
	} {
		_, err := Tokenize(src)
		if err == nil || err.Error() != want {
			t.Errorf("Tokenize(%q): %v, want %s", src, err, want)
		}
	}
	// 1if x else y is valid Python.
	if _, err := Tokenize("y = 1if x else 2"); err != nil {
		t.Errorf("1if: %v", err)
	}
}

// TestTokenizeLinear: a long line and many lines take linear time (no
// column recount per token).
func TestTokenizeLinear(t *testing.T) {
	src := strings.Repeat("é = 'ü' + x # c\n", 20000) + strings.Repeat("a, ", 50000)
	toks, err := Tokenize(src)
	if err != nil {
		t.Fatal(err)
	}
	last := toks[len(toks)-4]
	if last.Line != 20001 || last.Col != 3*49999-1+1 {
		t.Errorf("last token at %d:%d", last.Line, last.Col)
	}
}
