package kernel

import (
	"strings"
	"testing"
)

func TestNumpyInTasks(t *testing.T) {
	s := newSession(t)
	if got := s.result("import numpy as np\nimport dask\nw = np.array([1.0, 2.0])\n@dask.delayed\ndef f(x):\n    return (w * x).sum()\nf(3).compute()"); got != "9.0" {
		t.Errorf("delayed with a global array: %s", got)
	}
	if got := s.result("from dask.distributed import Client\nc = Client()\nfut = c.submit(f, 2)\nc.compute(f(4)).result(), fut.result()"); got != "(12.0, Delayed('f-2'))" && !strings.HasPrefix(got, "(12.0") {
		t.Errorf("on a cluster: %s", got)
	}
	if got := s.result("[a] = c.scatter([np.arange(3)])\nc.submit(lambda v: v * 2, a).result()"); got != "array([0, 2, 4])" {
		t.Errorf("scattered array: %s", got)
	}
	s.fails("def g(a):\n    if a:\n        return 1\n    return 0\ndask.delayed(g)(np.array([1, 2])).compute()", "ValueError", "The truth value of an array with more than one element is ambiguous", 0)
	s.fails("g(np.zeros(3))", "ValueError", "The truth value of an array", 0)
	if got := s.result("g(np.zeros(1))"); got != "0" {
		t.Errorf("truth of one element: %s", got)
	}
}

func TestNumpyHelp(t *testing.T) {
	s := newSession(t)
	outs, ok := s.run("import numpy as np\nhelp(np.linspace)\nhelp(np.arange(3).mean)")
	if !ok {
		t.Fatalf("help failed: %+v", outs)
	}
	var text string
	for _, o := range outs {
		text += o.Text
	}
	if !strings.Contains(text, "linspace(start, stop, num=50") || !strings.Contains(text, "ndarray.mean(axis=None") {
		t.Errorf("help: %s", text)
	}
}
