package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"burst/engine/kernel"
	"burst/engine/sched"
)

// The kernel side of bursting: cells run natively (kernel.NativeHost with
// Server set, net/http) against this package's API over a real cluster,
// as the page's kernel does with fetch.

// lessonCode returns the python cells of a Markdown lesson.
func lessonCode(t *testing.T, path string) []string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, m := range regexp.MustCompile("(?s)```python\n(.*?)```").FindAllStringSubmatch(string(src), -1) {
		cells = append(cells, strings.TrimSpace(m[1]))
	}
	return cells
}

// cellResult runs code and returns its outputs; it fails the test on an
// error output unless wantErr.
type cellRun struct {
	outputs []kernel.Output
	err     *kernel.Output
}

func (r cellRun) text() string {
	var b strings.Builder
	for _, o := range r.outputs {
		switch o.Type {
		case "stream":
			b.WriteString(o.Text)
		case "execute_result", "display_data":
			s, _ := o.Data["text/plain"].(string)
			b.WriteString(s + "\n")
		case "set_next_input":
			b.WriteString(o.Text + "\n")
		}
	}
	return b.String()
}

func (r cellRun) result() kernel.Output {
	for _, o := range r.outputs {
		if o.Type == "execute_result" {
			return o
		}
	}
	return kernel.Output{}
}

func run(k *kernel.Kernel, code string) cellRun {
	var r cellRun
	k.Execute(context.Background(), code, func(o kernel.Output) {
		r.outputs = append(r.outputs, o)
		if o.Type == "error" {
			o := o
			r.err = &o
		}
	})
	return r
}

func mustRun(t *testing.T, k *kernel.Kernel, code string) cellRun {
	t.Helper()
	r := run(k, code)
	if r.err != nil {
		t.Fatalf("cell\n%s\nraised:\n%s", code, strings.Join(r.err.Traceback, "\n"))
	}
	return r
}

// pandasLesson computes with pandas, on the same files, the numbers the
// lesson and the checks below compute on the cluster.
const pandasLesson = `
import glob, json, os
import pandas as pd
files = sorted(glob.glob(os.path.join(ROOT, "data/nyctaxi/yellow_tripdata_2019-*.csv")))
df = pd.concat([pd.read_csv(f, parse_dates=["tpep_pickup_datetime", "tpep_dropoff_datetime"],
                            dtype={"passenger_count": "float64", "tolls_amount": "float64"}) for f in files])
s = df.groupby("passenger_count").tip_amount.mean()
card = df[(df.payment_type == 1) & (df.tpep_pickup_datetime >= "2019-06-01") & (df.fare_amount > 0)]
card = card.assign(tip_fraction=card.tip_amount / card.fare_amount)
p = df.groupby("payment_type").tip_amount.mean()
print(json.dumps({"index": s.index.tolist(), "values": s.tolist(), "fraction": card.tip_fraction.mean(),
                  "rows": len(df), "payment_index": p.index.tolist(), "payment": p.tolist()}))
`

type pandasNumbers struct {
	Index        []float64 `json:"index"`
	Values       []float64 `json:"values"`
	Fraction     float64   `json:"fraction"`
	Rows         int       `json:"rows"`
	PaymentIndex []float64 `json:"payment_index"`
	Payment      []float64 `json:"payment"`
}

// seriesJSON reads a Series result's full-precision JSON.
func seriesJSON(t *testing.T, o kernel.Output) (index, values []float64) {
	t.Helper()
	b, _ := json.Marshal(o.Data["application/json"])
	var s struct {
		Index  [][]float64 `json:"index"`
		Values []float64   `json:"values"`
	}
	if err := json.Unmarshal(b, &s); err != nil || len(s.Index) != 1 {
		t.Fatalf("not a series with one index level: %s", b)
	}
	return s.Index[0], s.Values
}

func closeTo(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			return false
		}
	}
	return true
}

// TestKernelOnCluster runs lessons/04-remote-cluster.md natively against a
// real scheduler with two workers and compares its numbers with pandas
// on the same files; then the kernel's remote API: results shown as local
// pandas ones, persist, errors from the server, refused operations, and
// close.
func TestKernelOnCluster(t *testing.T) {
	requireDask(t)
	root := taxiRoot(t, 0.01)
	pandas := make(chan []byte, 1)
	go func() {
		out, err := exec.Command(python, "-c", "ROOT = "+pyString(root)+"\n"+pandasLesson).Output()
		if err != nil {
			t.Errorf("pandas: %v", err)
		}
		pandas <- out
	}()
	c := startCluster(t, 2)
	_, srv := newServer(t, []string{c.Addr}, root, Options{Python: python})
	// A copy, not a link: a link may not leave the lesson folder.
	sols, err := filepath.Glob("../../solutions/*")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(root, "solutions"), 0o755)
	for _, f := range sols {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "solutions", filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	var events []sched.Event
	host := &kernel.NativeHost{Dir: root, Workers: 2, Server: srv.URL, OnEvent: func(e sched.Event) {
		mu.Lock()
		events = append(events, e)
		mu.Unlock()
	}}
	k := kernel.New(host)

	var want pandasNumbers
	if err := json.Unmarshal(<-pandas, &want); err != nil {
		t.Fatal(err)
	}

	var byPassengers, byPayment kernel.Output
	var fraction string
	for _, code := range lessonCode(t, "../../lessons/04-remote-cluster.md") {
		r := mustRun(t, k, code)
		switch {
		case strings.Contains(code, `groupby("passenger_count").tip_amount.mean()`):
			byPassengers = r.result()
		case strings.HasPrefix(code, "%load"):
			// The solution, run as the learner runs it after loading.
			byPayment = mustRun(t, k, r.outputs[0].Text).result()
		case strings.Contains(code, "tip_fraction.mean()"):
			fraction = r.result().Data["text/plain"].(string)
		case strings.HasPrefix(code, "client = Client"):
			text := r.result().Data["text/plain"].(string)
			if !strings.Contains(text, c.Addr) || !strings.Contains(text, "processes=2 threads=2") {
				t.Errorf("client: %s", text)
			}
			if html, _ := r.result().Data["text/html"].(string); strings.Count(html, "tcp://127.0.0.1:") < 3 {
				t.Errorf("the client's HTML lists no workers:\n%s", html)
			}
		}
	}
	if idx, vals := seriesJSON(t, byPassengers); !closeTo(idx, want.Index) || !closeTo(vals, want.Values) {
		t.Errorf("mean tip by passenger count: %v %v, pandas %v %v", idx, vals, want.Index, want.Values)
	}
	if idx, vals := seriesJSON(t, byPayment); !closeTo(idx, want.PaymentIndex) || !closeTo(vals, want.Payment) {
		t.Errorf("mean tip by payment type: %v %v, pandas %v %v", idx, vals, want.PaymentIndex, want.Payment)
	}
	var f float64
	if _, err := fmt.Sscan(fraction, &f); err != nil || math.Abs(f-want.Fraction) > 1e-9 {
		t.Errorf("tip fraction %q, pandas %v", fraction, want.Fraction)
	}
	perWorker := map[string]int{}
	mu.Lock()
	for _, e := range events {
		if e.Kind == "task-end" {
			perWorker[e.Worker]++
		}
	}
	mu.Unlock()
	if len(perWorker) != 2 {
		t.Errorf("task-end events by worker: %v (want both workers)", perWorker)
	}

	t.Run("api", func(t *testing.T) {
		k := kernel.New(&kernel.NativeHost{Dir: root, Workers: 2, Server: srv.URL})
		mustRun(t, k, `
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client
client = Client("`+c.Addr+`")
files = "data/nyctaxi/yellow_tripdata_2019-*.csv"
opts = dict(parse_dates=["tpep_pickup_datetime", "tpep_dropoff_datetime"], dtype={"passenger_count": "float64", "tolls_amount": "float64"})
df = dd.read_csv(files, **opts)`)
		// head() looks exactly as the same rows read by pandas here.
		remote := mustRun(t, k, `df.head()`).result()
		local := mustRun(t, k, `pd.read_csv("data/nyctaxi/yellow_tripdata_2019-01.csv", **opts).head()`).result()
		for _, mime := range []string{"text/plain", "text/html"} {
			if remote.Data[mime] != local.Data[mime] {
				t.Errorf("head() %s on the cluster:\n%v\nwith pandas:\n%v", mime, remote.Data[mime], local.Data[mime])
			}
		}
		if got := mustRun(t, k, `len(df)`).text(); strings.TrimSpace(got) != strconv.Itoa(want.Rows) {
			t.Errorf("len(df) = %s, pandas %d", got, want.Rows)
		}
		if got := mustRun(t, k, `df.tip_amount.sum() is not None, df.tip_amount.mean()`).text(); !strings.Contains(got, "dd.Scalar<read_csv → tip_amount → mean, on the remote cluster") {
			t.Errorf("a lazy scalar shows %q", got)
		}
		// Persisted data knows its partitions.
		got := mustRun(t, k, "df = df.persist()\ndf.npartitions").text()
		if strings.TrimSpace(got) != "12" {
			t.Errorf("npartitions after persist: %q (12 files of 1 MB)", got)
		}
		mustRun(t, k, `df["tip_fraction"] = df.tip_amount / df.fare_amount`)
		if got := mustRun(t, k, `df.columns[-1], df.tip_fraction.dtype`).text(); !strings.Contains(got, "('tip_fraction', 'float64')") {
			t.Errorf("the assigned column: %q", got)
		}
		// Errors: found here, from the server, refused by name.
		for code, want := range map[string]string{
			`df["no_such_column"]`:                                "KeyError: 'no_such_column'",
			`dd.read_csv("/etc/passwd").compute()`:                "ValueError: plan refused: node 2",
			`df.tip_amount.apply(abs)`:                            "NotImplementedError: Series.apply is not available on a remote cluster yet",
			`client.submit(abs, -1)`:                              "NotImplementedError: Client.submit is not available on a remote cluster yet",
			`(df.tip_amount + df.tip_amount.mean())`:              "NotImplementedError: using a lazy Scalar (a reduction) in an expression is not available",
			`df.groupby("passenger_count").tip_amount.mean() + 1`: "NotImplementedError: arithmetic on the result of an aggregation is not available",
		} {
			r := run(k, code)
			if r.err == nil || !strings.HasPrefix(r.err.Traceback[len(r.err.Traceback)-1], want) {
				t.Errorf("%s: want %q, got %+v", code, want, r.err)
			}
		}
		// The kernel is still usable, and close ends the session.
		mustRun(t, k, `df.fare_amount.max().compute()`)
		mustRun(t, k, `client.close()`)
		r := run(k, `df.fare_amount.max().compute()`)
		if r.err == nil || !strings.Contains(r.err.EValue, "was closed") {
			t.Errorf("after close: %+v", r.err)
		}
		// read_csv reads in the page again.
		if got := mustRun(t, k, `type(dd.read_csv(files, **opts).tip_amount.mean())`).text(); !strings.Contains(got, "dask.dataframe.Scalar") {
			t.Errorf("after close: %q", got)
		}
	})
}

// TestKernelWithoutCluster: on a server started without -cluster, the
// cell says that no cluster is configured and how to start one.
func TestKernelWithoutCluster(t *testing.T) {
	_, srv := newServer(t, nil, t.TempDir(), Options{})
	k := kernel.New(&kernel.NativeHost{Dir: t.TempDir(), Server: srv.URL})
	for _, code := range []string{"import burst\nburst.remote()", "from dask.distributed import Client\nClient(\"tcp://127.0.0.1:8786\")"} {
		r := run(k, code)
		if r.err == nil || r.err.EName != "RuntimeError" || !strings.Contains(r.err.EValue, "no Dask cluster is configured on this server") || !strings.Contains(r.err.EValue, "go run ./server -cluster tcp://127.0.0.1:8786") {
			t.Errorf("%s: %+v", code, r.err)
		}
	}
	// The kernel goes on.
	if got := mustRun(t, k, "1 + 1").text(); strings.TrimSpace(got) != "2" {
		t.Errorf("1 + 1 = %q", got)
	}
}
