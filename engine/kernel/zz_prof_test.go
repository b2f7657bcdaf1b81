package kernel

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"burst/engine/sched"
)

func TestZZProf(t *testing.T) {
	var evs []sched.Event
	h := &NativeHost{Dir: t.TempDir(), Workers: 2, OnEvent: func(e sched.Event) { evs = append(evs, e) }}
	k := New(h)
	code := `from dask.distributed import Client, wait
import time
client = Client()
def inc(x):
    return x + 1
t0 = time.time()
futures = client.map(inc, range(50000))
t1 = time.time()
wait(futures)
t2 = time.time()
r = client.gather(futures)
t3 = time.time()
print(t1-t0, t2-t1, t3-t2)`
	start := time.Now()
	k.Execute(context.Background(), code, func(o Output) { t.Log(o.Text, o.EValue) })
	t.Log(time.Since(start), len(evs))
	b, _ := json.Marshal(evs)
	t.Log(len(b))
}
