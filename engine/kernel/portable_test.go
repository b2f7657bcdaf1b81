package kernel

import (
	"burst/engine/lib/pandas"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// A cell function given to map_partitions travels to the workers with the
// cell functions it calls, the plain data it reads and its extra
// arguments; its result is the one it gives in the kernel.
func TestCellFunctionsTravel(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("x,y\n1,10\n2,20\n3,30\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.csv"), []byte("x,y\n4,40\n5,50\n"), 0o644)
	k := New(&NativeHost{Dir: dir, Workers: 2})
	var outs []string
	run := func(code string) bool {
		return k.Execute(context.Background(), code, func(o Output) {
			if o.Type == "error" {
				outs = append(outs, "error: "+o.EValue)
			} else if s, ok := o.Data["text/plain"].(string); ok {
				outs = append(outs, s)
			}
		})
	}
	if !run(`import dask.dataframe as dd
import pandas as pd
df = dd.read_csv("*.csv")
scale = {"factor": 2, "shift": (1, 0.5)}
def shifted(s):
    return s + scale["shift"][0]
def f(part, extra):
    return shifted(part.y * scale["factor"]) + extra`) {
		t.Fatalf("setup: %v", outs)
	}
	if !run(`r = df.map_partitions(f, 100)`) {
		t.Fatalf("map_partitions: %v", outs)
	}
	s := k.globals["r"].(*pandas.Series)
	for key, task := range s.Lazy().Graph {
		if strings.Contains(string(key), "read-csv") {
			continue
		}
		if task.Local() || task.Stages[0].Op != "call" {
			t.Errorf("task %s runs %q locally=%v, want a call on a worker", key, task.Stages[0].Op, task.Local())
		}
	}
	outs = nil
	if !run(`r.compute().tolist()`) {
		t.Fatalf("compute: %v", outs)
	}
	if want := "[121, 141, 161, 181, 201]"; len(outs) != 1 || outs[0] != want {
		t.Errorf("got %v, want %s", outs, want)
	}

	// Series.apply calls a traveling function on every value.
	outs = nil
	if !run(`def bucket(v):
    return v // scale["factor"] + scale["shift"][1]
a = df.x.apply(bucket, meta=("x", "f8"))
a.compute().tolist()`) {
		t.Fatalf("apply: %v", outs)
	}
	if want := "[0.5, 1.5, 1.5, 2.5, 2.5]"; len(outs) != 1 || outs[0] != want {
		t.Errorf("apply: got %v, want %s", outs, want)
	}
	calls := 0
	for key, task := range k.globals["a"].(*pandas.Series).Lazy().Graph {
		if strings.HasPrefix(string(key), "('apply") {
			if task.Local() || task.Stages[0].Op != "call" {
				t.Errorf("apply task %s runs locally", key)
			}
			calls++
		}
	}
	if calls != 2 {
		t.Errorf("%d apply tasks, want one per partition (2)", calls)
	}

	// An error on a worker names the learner's line.
	outs = nil
	run("def broken(part):\n    n = 0\n    return len(part) // n")
	cell := k.count
	if run(`df.map_partitions(broken, meta=("x", "i8")).compute()`) {
		t.Fatal("dividing by zero on a worker succeeded")
	}
	want := fmt.Sprintf("Cell In[%d], line 3, in broken\n    return len(part) // n", cell)
	if len(outs) != 1 || !strings.Contains(outs[0], "division by zero") || !strings.Contains(outs[0], want) {
		t.Errorf("error %q, want the division and %q", outs, want)
	}

	// A function that reads the lazy frame cannot travel: it runs in the
	// kernel, and still gives its answer.
	outs = nil
	if !run(`def g(part):
    return part.y + len(df.columns)
df.map_partitions(g).compute().tolist()`) {
		t.Fatalf("local: %v", outs)
	}
	if want := "[12, 22, 32, 42, 52]"; len(outs) != 1 || outs[0] != want {
		t.Errorf("got %v, want %s", outs, want)
	}
	p, err := k.portable(k.globals["g"].(*starlark.Function))
	if err == nil || !strings.Contains(err.Error(), "g uses df, a dask.dataframe.DataFrame") {
		t.Errorf("portable(g) = %v, %v; want an error naming df", p, err)
	}
}

// time.sleep waits (in a task too) and refuses bad lengths; the clocks run.
func TestTimeModule(t *testing.T) {
	k := New(&NativeHost{Dir: t.TempDir(), Workers: 2})
	var outs []string
	run := func(code string) bool {
		outs = nil
		return k.Execute(context.Background(), code, func(o Output) {
			if o.Type == "error" {
				outs = append(outs, o.EName+": "+o.EValue)
			} else if s, ok := o.Data["text/plain"].(string); ok {
				outs = append(outs, s)
			}
		})
	}
	if !run("import time\nfrom time import sleep, perf_counter\nt0 = perf_counter()\nsleep(0.05)\nperf_counter() - t0 >= 0.05, time.time() > 1.7e9") || len(outs) != 1 || outs[0] != "(True, True)" {
		t.Errorf("sleep: %v", outs)
	}
	if run("time.sleep(-1)") || len(outs) != 1 || !strings.Contains(outs[0], "ValueError: sleep length must be a non-negative number") {
		t.Errorf("sleep(-1): %v", outs)
	}
	// A function that sleeps travels: sleep is a module member.
	if !run("def slow(part):\n    sleep(0.01)\n    return part") {
		t.Fatal(outs)
	}
	p, err := k.portable(k.globals["slow"].(*starlark.Function))
	if err != nil || p.Members["sleep"] != [2]string{"time", "sleep"} {
		t.Errorf("portable(slow) = %+v, %v", p, err)
	}
}
