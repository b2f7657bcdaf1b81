package kernel

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"burst/engine/sched"
)

// Without a Client, collections compute on the host's pool of workers (as
// Dask computes on a thread per core), not in the kernel alone; persist
// keeps the partitions there and wait() returns once they are in memory.
// A Client started afterwards takes the workers and computes as before.
func TestComputeWithoutClientUsesThePool(t *testing.T) {
	c := newCluster(t, 2)
	dir := filepath.Join(c.host.Dir, "data")
	os.MkdirAll(dir, 0o755)
	// Four partitions of 8 MB in memory: worth leaving where they are.
	const rows = 500_000
	for i := range 4 {
		var b strings.Builder
		b.WriteString("x,y\n")
		for r := range rows {
			fmt.Fprintf(&b, "%d,%d\n", i, r%3)
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.csv", i)), []byte(b.String()), 0o644)
	}
	// Each partition takes 0.3 s: persist alone would return before any
	// of them ends.
	c.must(`import time
import dask
import dask.dataframe as dd
from dask.distributed import wait

def slow(p):
    time.sleep(0.3)
    return p

df = dd.read_csv("data/*.csv").map_partitions(slow)
df = df.persist()`)
	persisted := ends(c.taken(), "slow")
	if len(persisted) == 4 {
		t.Skip("the machine is too slow to tell whether wait() waits: persist itself took 1.2 s of tasks")
	}
	c.must("wait(df)")
	if got := len(persisted) + len(ends(c.taken(), "slow")); got != 4 {
		t.Fatalf("after wait(df), %d of 4 partitions are in memory", got)
	}
	// In memory: len and a sum use the partitions where they are, and no
	// partition is computed again.
	if out := c.must("len(df)"); out != "2000000" {
		t.Errorf("len(df) = %s, want 2000000", out)
	}
	if out := c.must("df.y.sum().compute()"); out != "1999996" {
		t.Errorf("df.y.sum() = %s, want 1999996", out)
	}
	evs := c.taken()
	if n := len(ends(evs, "slow")); n != 0 {
		t.Errorf("len and sum of the persisted frame ran slow %d times again", n)
	}
	for _, e := range evs {
		if e.Kind == "transfer" && e.Prefix == "slow" {
			t.Errorf("a persisted partition moved from %s to %s (%d bytes)", e.From, e.To, e.Bytes)
		}
	}

	// compute without a Client: tasks on more than one worker.
	c.must(`ys = [dask.delayed(slow)(i) for i in range(4)]
dask.compute(*ys)`)
	if w := workers(c.taken(), "slow"); len(w) < 2 {
		t.Errorf("dask.compute without a Client ran on %v, want two workers", w)
	}

	// A persisted Delayed: wait() waits for it too.
	c.must("x = dask.delayed(slow)(5).persist()")
	early := len(ends(c.taken(), "slow"))
	c.must("wait(x)")
	if got := early + len(ends(c.taken(), "slow")); got != 1 {
		t.Errorf("after wait(x) of a persisted Delayed, %d of 1 tasks ended", got)
	}

	// An explicit Client afterwards takes the workers; the persisted
	// frame computes again there.
	c.must(`from dask.distributed import Client
client = Client(n_workers=2)`)
	if out := c.must("len(df)"); out != "2000000" {
		t.Errorf("len(df) with a Client = %s, want 2000000", out)
	}
	if w := workers(c.taken(), ""); len(w) < 2 {
		t.Errorf("the Client ran the frame's partitions on %v, want two workers", w)
	}
}

// ends returns the task-end events in memory of keys with prefix.
func ends(evs []sched.Event, prefix string) []sched.Event {
	var out []sched.Event
	for _, e := range evs {
		if e.Kind == "task-end" && e.State == "memory" && strings.HasPrefix(e.Prefix, prefix) {
			out = append(out, e)
		}
	}
	return out
}

// workers returns the workers that started tasks whose key has prefix.
func workers(evs []sched.Event, prefix string) map[string]bool {
	out := map[string]bool{}
	for _, e := range evs {
		if e.Kind == "task-start" && strings.HasPrefix(e.Prefix, prefix) {
			out[e.Worker] = true
		}
	}
	return out
}
