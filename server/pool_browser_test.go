package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestPoolInBrowser: without a Client, compute runs on the page's worker
// web workers (task events from two of them), persist keeps the
// partitions there, and wait() returns only once they are all in memory.
func TestPoolInBrowser(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	root := flightsRoot(t, "small")
	base := serveSite(t, dist, root)

	ctx := newBrowser(t, 4*time.Minute)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/lessons/00-overview?workers=2"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	p := &page{t, ctx}

	// Each partition takes a second: persist returns before any ends.
	p.exec(`import time
import dask
import dask.dataframe as dd
from dask.distributed import wait

def slow(p):
    time.sleep(1)
    return p

df = dd.read_csv("data/nycflights/199[0-3].csv").map_partitions(slow)`)
	p.events()
	done, _ := p.exec(`df = df.persist()
wait(df)
time.time()`)
	waited, err := strconv.ParseFloat(done, 64)
	if err != nil {
		t.Fatalf("time.time() = %q", done)
	}
	// The four tasks ended before wait returned: their events (posted
	// in batches ten times a second) are all there soon after.
	var ends []browserEvent
	for deadline := time.Now().Add(2 * time.Second); len(ends) < 4 && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
		for _, e := range p.events() {
			if e.Kind == "task-end" && e.Prefix == "slow" && e.State == "memory" {
				ends = append(ends, e)
			}
		}
	}
	if len(ends) != 4 {
		t.Fatalf("%d of 4 partitions in memory by 2 s after wait(df) returned", len(ends))
	}
	workers := map[string]bool{}
	for _, e := range ends {
		workers[e.Worker] = true
		if e.Stop > waited+0.05 {
			t.Errorf("%s ended %.2f s after wait(df) returned", e.Key, e.Stop-waited)
		}
	}
	if len(workers) < 2 {
		t.Errorf("persist without a Client ran on %v, want the two worker web workers", workers)
	}

	// The persisted partitions are used, not computed again. (Whether
	// they move is the scheduler's choice: these are small enough to be
	// worth stealing; engine/kernel's test has partitions that are not.)
	if out, _ := p.exec("len(df)"); out != "4000" {
		t.Errorf("len(df) = %s, want 4000", out)
	}
	p.exec("df.DepDelay.sum().compute()")
	time.Sleep(300 * time.Millisecond)
	for _, e := range p.events() {
		if e.Prefix == "slow" && e.Kind == "task-start" {
			t.Errorf("%s ran again", e.Key)
		}
	}

	// compute without a Client: task events from both workers.
	p.exec(`ys = [dask.delayed(slow)(i) for i in range(4)]
total = dask.delayed(sum)(ys).compute()`)
	time.Sleep(300 * time.Millisecond)
	workers = map[string]bool{}
	for _, e := range p.events() {
		if e.Kind == "task-start" && e.Prefix == "slow" {
			workers[e.Worker] = true
		}
	}
	if len(workers) < 2 {
		t.Errorf("dask.compute without a Client ran on %v, want the two worker web workers", workers)
	}

	// A Client afterwards takes the workers and computes as before.
	p.exec(`from dask.distributed import Client
client = Client()`)
	if out, _ := p.exec("len(df)"); out != "4000" {
		t.Errorf("len(df) with a Client = %s, want 4000", out)
	}
}

// TestPersistedSpeedInBrowser times len, a column sum and a group-by mean
// on the persisted flights frame in Chromium, with every column and with
// two, and the persist itself against a cold read. It runs when
// BURST_FLIGHTS names a folder holding data/nycflights/*.csv (the
// repository's root after go run ./build data) and only reports.
func TestPersistedSpeedInBrowser(t *testing.T) {
	root := os.Getenv("BURST_FLIGHTS")
	if root == "" {
		t.Skip("BURST_FLIGHTS is not set: no data to time")
	}
	requireChrome(t)
	dist := os.Getenv("BURST_DIST")
	if dist == "" {
		dist = buildDist(t)
	}
	base := serveSite(t, dist, root)
	read := `import dask.dataframe as dd
from dask.distributed import Client, wait
client = Client()
df = dd.read_csv("data/nycflights/*.csv", parse_dates={"Date": [0, 1, 2]},
                 dtype={"TailNum": str, "CRSElapsedTime": float, "Cancelled": bool})`
	median := func(xs []float64) float64 {
		s := append([]float64(nil), xs...)
		sort.Float64s(s)
		return s[len(s)/2]
	}
	for _, cols := range []string{"", `[["Origin", "DepDelay"]]`} {
		ctx := newBrowser(t, 10*time.Minute)
		if err := chromedp.Run(ctx,
			chromedp.Navigate(base+"/lessons/00-overview"),
			chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		); err != nil {
			t.Fatal(err)
		}
		p := &page{t, ctx}
		_, r := p.exec(read + "\nlen(df)")
		_, r2 := p.exec(read + "\nlen(df)")
		_, rp := p.exec(read + cols + "\ndf = df.persist()\nwait(df)")
		t.Logf("columns %q: cold read %.0f ms, warm read %.0f ms, persist+wait %.0f ms", cols, r.MS, r2.MS, rp.MS)
		for _, wl := range []string{"len(df)", "df.DepDelay.sum().compute()", "df.groupby('Origin').DepDelay.mean().compute()"} {
			var ms []float64
			var busy string
			for range 5 {
				p.events()
				_, r := p.exec(wl)
				ms = append(ms, r.MS)
				// Where the time went: the tasks' compute time per
				// worker, as the workers measured it.
				time.Sleep(200 * time.Millisecond)
				perWorker := map[string]float64{}
				n, moved := 0, int64(0)
				evs := p.events()
				for _, e := range evs {
					switch e.Kind {
					case "task-end":
						perWorker[e.Worker] += (e.Stop - e.Start) * 1000
						n++
					case "transfer":
						moved += e.Bytes
					}
				}
				busy = fmt.Sprintf("%d tasks, compute ms per worker %v, %d bytes moved", n, perWorker, moved)
				if os.Getenv("BURST_TIMELINE") != "" {
					busy += timeline(evs, r.MS)
				}
			}
			t.Logf("columns %q: %s median %.0f ms (runs %v); last: %s", cols, wl, median(ms), ms, busy)
		}
	}
}

// timeline lists the task and transfer events of one cell, in ms from the
// first, for BURST_TIMELINE.
func timeline(evs []browserEvent, cellMS float64) string {
	t0 := 0.0
	for _, e := range evs {
		if e.Start > 0 && (t0 == 0 || e.Start < t0) {
			t0 = e.Start
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n  cell %.0f ms; events from the first task's start:", cellMS)
	for _, e := range evs {
		switch e.Kind {
		case "task-start":
			fmt.Fprintf(&b, "\n  %7.1f start %s %s", (e.Start-t0)*1000, e.Worker, e.Key)
		case "task-end":
			fmt.Fprintf(&b, "\n  %7.1f–%.1f run %s %s", (e.Start-t0)*1000, (e.Stop-t0)*1000, e.Worker, e.Key)
		case "transfer":
			fmt.Fprintf(&b, "\n  %7.1f–%.1f move %s→%s %s %d B", (e.Start-t0)*1000, (e.Stop-t0)*1000, e.From, e.To, e.Key, e.Bytes)
		}
	}
	return b.String()
}
