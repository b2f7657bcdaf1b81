package kernel

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The hostile corpus of cells and CSV files (issue 20): each case's
// exception and a piece of its message. Every case runs in one kernel;
// after each the kernel must answer a normal cell, and no output may
// show Go's internals.
var hostileCells = []struct{ code, ename, msg string }{
	// Recursion.
	{"def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nf(2000)", "RecursionError", "[Previous line repeated 996 more times]"},
	{"f(100000)", "RecursionError", "maximum recursion depth exceeded"},
	{"f(900)", "", "900"},
	{"def a(n):\n    return b(n)\ndef b(n):\n    return a(n)\na(1)", "RecursionError", "[Previous 2 lines repeated"},
	{"g = lambda n: 1 + g(n - 1)\ng(5)", "RecursionError", "maximum recursion depth exceeded"},
	{"def h(n):\n    return sorted([1, 2], key=lambda x: h(n + 1))\nh(0)", "RecursionError", "maximum recursion depth exceeded"},
	{"def m(n):\n    return {'f': m}.get('f')(n + 1)\nm(0)", "RecursionError", "maximum recursion depth exceeded"},
	{"def r(xs):\n    return [r(xs)]\nr([])", "RecursionError", "maximum recursion depth exceeded"},
	{"def s(n):\n    return list(map(s, [n]))\ns(1)", "RecursionError", "maximum recursion depth exceeded"},
	{"try:\n    f(5000)\nexcept RecursionError as e:\n    print('caught', e)", "", "caught maximum recursion depth exceeded"},
	// Memory.
	{"list(range(10**10))", "MemoryError", "cannot allocate 160000000000 bytes"},
	{"tuple(range(10**9))", "MemoryError", "the kernel's budget is 268435456 bytes"},
	{"sorted(range(10**9))", "MemoryError", "cannot allocate"},
	{"set(range(10**10))", "MemoryError", "cannot allocate"},
	{"x = [0] * 10**10", "MemoryError", "cannot repeat a sequence 10000000000 times"},
	{"x = 'x' * 10**12", "MemoryError", "cannot repeat a sequence"},
	{"x = (1, 2) * 10**9", "MemoryError", "cannot repeat a sequence"},
	{"x = 2 ** (2 ** 40)", "MemoryError", "cannot allocate 274877906944 bytes"},
	{"x = 2 ** (2 ** 70)", "MemoryError", "cannot allocate"},
	{"x = pow(3, 10**12)", "MemoryError", "cannot allocate"},
	{"x = 10 ** (10 ** 7)", "MemoryError", "Burst's integers have at most 16777216 bits"},
	{"x = (-1) ** (2 ** 70)\nprint(x)", "", "1"},
	{"len(str(10 ** 100000))", "", "100001"},
	{"f'{1:>1000000000000}'", "MemoryError", "1000000000000"},
	{"'{:>10000000000}'.format(1)", "MemoryError", "10000000000"},
	{"'{:,}'.format(10 ** 1000)[:5]", "", "'10,00'"},
	{"'a'.ljust(10**12)", "MemoryError", "1000000000000"},
	{"'a'.rjust(10**12)", "MemoryError", "1000000000000"},
	{"'a'.center(10**12)", "MemoryError", "1000000000000"},
	{"'a'.zfill(10**12)", "MemoryError", "1000000000000"},
	{"d = {}\nfor i in range(10**9):\n    d[i] = i", "MemoryError", "above its budget of 256 MiB"},
	{"x = [1]\nfor i in range(100):\n    x = x + x", "MemoryError", ""},
	{"s = 'ab'\nfor i in range(60):\n    s = s + s", "MemoryError", "above its budget of 256 MiB"},
	// Source.
	{"print(1)\n\x00\nprint(2)", "SyntaxError", "source code cannot contain null bytes"},
	{strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000), "SyntaxError", "too many nested parentheses"},
	{"x = " + strings.Repeat("[", 300) + strings.Repeat("]", 300), "SyntaxError", "too many nested parentheses"},
	{"x = " + strings.Repeat("-", 10000) + "1", "SyntaxError", ""},
	{"x = 1" + strings.Repeat(" + 1", 1000) + "\nprint(x)", "", "1001"},
	{"x = '" + strings.Repeat("a", 1<<20) + "'\nlen(x)", "", "1048576"},
	{"eval('1 + 1')", "NotImplementedError", ""},
	{"exec('x = 1')", "NotImplementedError", ""},
	{"__import__('os').system('ls')", "NotImplementedError", ""},
	{"import os\nos.system('ls')", "AttributeError", ""},
	{"open('/etc/passwd').read()", "NotImplementedError", ""},
	{"len('é')", "", "1"},
	// Files.
	{"%load /etc/passwd", "PermissionError", "only paths inside the lesson folder"},
	{"%run ../secret.py", "PermissionError", "only paths inside the lesson folder"},
	{"%load data", "IsADirectoryError", "[Errno 21] Is a directory: 'data'"},
	{"%load link.py", "PermissionError", "only paths inside the lesson folder"},
	{"import pandas as pd\npd.read_csv('quote.csv')", "ParserError", "Error tokenizing data. C error: EOF inside string starting at row 2"},
	{"pd.read_csv('utf16.csv')", "UnicodeDecodeError", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
	{"pd.read_csv('data/nycflights')", "IsADirectoryError", "[Errno 21] Is a directory: 'data/nycflights'"},
	{"pd.read_csv('garbage.csv')", "UnicodeDecodeError", "'utf-8' codec can't decode byte"},
	{"pd.read_csv('empty.csv')", "EmptyDataError", "No columns to parse from file"},
	{"pd.read_csv('header.csv')", "", "Empty DataFrame"},
	{"pd.read_csv('ragged.csv')", "ParserError", "Expected 2 fields in line 3, saw 3"},
	{"len(pd.read_csv('long.csv').columns)", "", ""},
	{"pd.read_csv('link.csv')", "PermissionError", "only paths inside the lesson folder"},
	{"pd.read_csv('/etc/passwd')", "PermissionError", "only paths inside the lesson folder"},
	{"pd.read_csv('../x.csv')", "PermissionError", "only paths inside the lesson folder"},
	{"pd.read_csv('nul.csv')", "", ""},
	{"import dask.dataframe as dd\ndd.read_csv('quote.csv').compute()", "ParserError", "EOF inside string"},
	{"dd.read_csv('data/*.csv').compute()", "OSError", ""},
	{"import glob\nglob.glob('*')", "", ""},
	{"glob.glob('/etc/*')", "*", ""},
}

// A cell that runs longer than a second is interrupted: the kernel lives.
func TestHostileCells(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write := func(name, text string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("data/nycflights/1990.csv", "a,b\n1,2\n")
	write("quote.csv", "a,b\n1,2\n3,\"4\n5,6\n")
	write("utf16.csv", "\xff\xfea\x00,\x00b\x00\n\x001\x00,\x002\x00\n\x00")
	write("garbage.csv", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xde\xad\xbe\xef")
	write("empty.csv", "")
	write("header.csv", "a,b,c\n")
	write("ragged.csv", "a,b\n1,2\n3,4,5\n")
	write("long.csv", strings.Repeat("x,", 1<<20)+"x\n") // a 2 MB line: a million columns
	write("nul.csv", "a,b\n1,\x00\n")
	os.WriteFile(filepath.Join(outside, "secret.py"), []byte("print('secret')\n"), 0o644)
	os.Symlink(filepath.Join(outside, "secret.py"), filepath.Join(dir, "link.py"))
	os.Symlink("/etc/passwd", filepath.Join(dir, "link.csv"))

	k := New(&NativeHost{Dir: dir, Workers: 1})
	k.SetMemoryBudget(256 << 20)
	for i, c := range hostileCells {
		// Generous: a loaded CI machine, and the race detector.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		var all strings.Builder
		ename := ""
		k.Execute(ctx, c.code, func(o Output) {
			if o.Type == "error" {
				ename = o.EName
				all.WriteString(strings.Join(o.Traceback, "\n"))
			}
			all.WriteString(o.Text)
			if s, ok := o.Data["text/plain"].(string); ok {
				all.WriteString(s)
			}
		})
		cancel()
		out := all.String()
		name := c.code
		if len(name) > 60 {
			name = name[:60]
		}
		if c.ename != "*" && (ename != c.ename || !strings.Contains(out, c.msg)) {
			t.Errorf("case %d %q: %s, want %s %q\n%.1500s", i, name, ename, c.ename, c.msg, out)
		}
		for _, leak := range []string{"goroutine ", ".go:", "panic:", "/tmp/", "this is a bug"} {
			if strings.Contains(out, leak) {
				t.Errorf("case %d %q shows %q:\n%.1500s", i, name, leak, out)
			}
		}
		if len(out) > 25000 && c.ename != "" {
			t.Errorf("case %d %q: a traceback of %d bytes", i, name, len(out))
		}
		var got string
		ok := k.Execute(context.Background(), "x = 1 + 1\nprint(x)", func(o Output) { got += o.Text })
		if !ok || got != "2\n" {
			t.Fatalf("after case %d %q the kernel answers %v %q", i, name, ok, got)
		}
	}
}
