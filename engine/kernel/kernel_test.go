package kernel

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testKernel runs cells on a fresh kernel over a small dataset.
type testKernel struct {
	t *testing.T
	k *Kernel
}

func newSession(t *testing.T) *testKernel {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "data", "f"), 0o755)
	os.WriteFile(filepath.Join(dir, "data", "f", "a.csv"), []byte("Year,Month,DayofMonth,Origin,DepDelay,Cancelled\n1990,1,1,EWR,10,0\n1990,1,2,JFK,,1\n1990,1,3,EWR,4,0\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "data", "f", "b.csv"), []byte("Year,Month,DayofMonth,Origin,DepDelay,Cancelled\n1991,1,1,LGA,7,0\n1991,1,2,JFK,3,0\n"), 0o644)
	return &testKernel{t, New(&NativeHost{Dir: dir, Workers: 2})}
}

// run executes a cell and returns its outputs and success.
func (s *testKernel) run(code string) ([]Output, bool) {
	var outs []Output
	ok := s.k.Execute(context.Background(), code, func(o Output) { outs = append(outs, o) })
	return outs, ok
}

func (s *testKernel) result(code string) string {
	s.t.Helper()
	outs, ok := s.run(code)
	if !ok {
		s.t.Fatalf("%q failed: %+v", code, outs)
	}
	for _, o := range outs {
		if o.Type == "execute_result" {
			return o.Data["text/plain"].(string)
		}
	}
	return ""
}

func (s *testKernel) fails(code, ename, evalue string, line int) {
	s.t.Helper()
	outs, ok := s.run(code)
	if ok {
		s.t.Fatalf("%q succeeded, want %s", code, ename)
	}
	e := outs[len(outs)-1]
	if e.Type != "error" || e.EName != ename || !strings.Contains(e.EValue, evalue) {
		s.t.Errorf("%q: got %s: %s, want %s containing %q", code, e.EName, e.EValue, ename, evalue)
	}
	tb := strings.Join(e.Traceback, "\n")
	if line > 0 && !strings.Contains(tb, "line "+string(rune('0'+line))) {
		s.t.Errorf("%q: traceback does not point at line %d:\n%s", code, line, tb)
	}
}

func TestLastExpressionDisplayed(t *testing.T) {
	s := newSession(t)
	if got := s.result("x = 40\nx + 2"); got != "42" {
		t.Errorf("got %q", got)
	}
	if got := s.result("'a' + 'b'"); got != "'ab'" {
		t.Errorf("string repr %q, want Python's", got)
	}
	if got := s.result("x = 1"); got != "" {
		t.Errorf("an assignment displayed %q", got)
	}
	// State persists across cells, and _ is the last result.
	if got := s.result("x * 3"); got != "3" {
		t.Errorf("got %q", got)
	}
	if got := s.result("_ + 1"); got != "4" {
		t.Errorf("_ = %q", got)
	}
}

func TestPrintGoesToStdout(t *testing.T) {
	s := newSession(t)
	outs, ok := s.run("print('hello', 1 + 2)")
	if !ok || len(outs) != 1 || outs[0].Type != "stream" || outs[0].Name != "stdout" || outs[0].Text != "hello 3\n" {
		t.Errorf("outputs %+v", outs)
	}
}

func TestImports(t *testing.T) {
	s := newSession(t)
	if got := s.result("import os\nos.path.join('data', 'x', '*.csv')"); got != "'data/x/*.csv'" {
		t.Errorf("os.path.join: %q", got)
	}
	if got := s.result("import os.path as p\np.join('a', '/b')"); got != "'/b'" {
		t.Errorf("join with an absolute part: %q", got)
	}
	if got := s.result("from dask.distributed import Client as C\nC"); !strings.Contains(got, "Client") {
		t.Errorf("from-import: %q", got)
	}
	s.fails("import nosuchmodule", "ModuleNotFoundError", "No module named 'nosuchmodule'", 1)
	s.fails("x = 1\nfrom dask import nope", "ImportError", "cannot import name 'nope'", 2)
}

func TestErrorsPointAtTheLine(t *testing.T) {
	s := newSession(t)
	s.fails("a = 1\nb = undefined_thing", "NameError", "name 'undefined_thing' is not defined", 2)
	s.fails("a = 1\n\nc = 1 / 0", "ZeroDivisionError", "division by zero", 3)
	s.fails("x = 1\nclass A:\n    pass", "SyntaxError", "class definitions are not supported", 2)
	s.fails("def f():\n    try:\n        x = 1\n    except:\n        pass", "SyntaxError", "try/except is supported only at the top level", 2)
	s.fails("x = (1,", "SyntaxError", "", 0)
	// The kernel is still usable, with its state.
	if got := s.result("a"); got != "1" {
		t.Errorf("after errors a = %q", got)
	}
}

func TestDataFrameCells(t *testing.T) {
	s := newSession(t)
	s.result("from dask.distributed import Client\nclient = Client(n_workers=2)")
	s.result("import dask.dataframe as dd\ndf = dd.read_csv('data/f/*.csv', parse_dates={'Date': [0, 1, 2]}, dtype={'Cancelled': bool})")
	if got := s.result("df.npartitions"); got != "2" {
		t.Errorf("npartitions = %s", got)
	}
	if got := s.result("df.columns"); got != "Index(['Date', 'Origin', 'DepDelay', 'Cancelled'], dtype='object')" {
		t.Errorf("columns = %s", got)
	}
	want := "Origin\nEWR    7.0\nJFK    3.0\nLGA    7.0\nName: DepDelay, dtype: float64"
	if got := s.result("df.groupby('Origin').DepDelay.mean().compute()"); got != want {
		t.Errorf("group-by mean:\n%s\nwant\n%s", got, want)
	}
	if got := s.result("df.groupby('Origin')['DepDelay'].mean().compute().to_dict()"); got != "{'EWR': 7.0, 'JFK': 3.0, 'LGA': 7.0}" {
		t.Errorf("to_dict = %s", got)
	}
	s.fails("df.groupby('Nope')", "KeyError", "Nope", 1)
	s.fails("df.nope", "AttributeError", "no attribute 'nope'", 1)
	s.fails("dd.read_csv('data/none/*.csv')", "OSError", "resolved to no files", 1)
	s.fails("dd.read_csv('../etc/passwd')", "PermissionError", "only paths inside the lesson folder", 1)
}

// TestClientHTML checks the Client's notebook summary, as Dask's: the
// connection, the cluster's type, address, workers and memory.
func TestClientHTML(t *testing.T) {
	s := newSession(t)
	outs, ok := s.run("from dask.distributed import Client\nclient = Client(n_workers=2)\nclient")
	if !ok {
		t.Fatalf("%+v", outs)
	}
	html, _ := outs[len(outs)-1].Data["text/html"].(string)
	for _, want := range []string{
		"<tr><th>Connection method</th><td>Cluster object</td><th>Cluster type</th><td>LocalCluster</td></tr>",
		"<tr><th>Workers</th><td>2</td><th>Total threads</th><td>2</td></tr>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the Client's HTML has no %q:\n%s", want, html)
		}
	}
	s.run("client.close()")
}
