package kernel

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeRemote is the server's cluster API as the kernel's host provides
// it (remote.Transport): it records the plans sent and answers with
// canned results, for cells run through a kernel. (The library alone:
// engine/lib/remote's tests; the real API over a real cluster:
// TestKernelOnCluster in server/cluster.)
type fakeRemote struct {
	*NativeHost
	plans   []string
	answer  string // the next plan's result JSON
	status  int    // and its status, if not 200
	deleted bool
}

func (f *fakeRemote) ClusterRequest(_ context.Context, method, path string, body []byte) (int, []byte, error) {
	switch {
	case method == "GET" && path == "/api/cluster":
		return 200, []byte(`{"clusters": [{"address": "tcp://10.0.0.1:8786", "default": true}], "default": "tcp://10.0.0.1:8786"}`), nil
	case method == "POST" && path == "/api/cluster/session":
		return 200, []byte(`{"session": "s1", "address": "tcp://10.0.0.1:8786", "scheduler": "tcp://10.0.0.1:8786", "id": "Scheduler-1",
			"workers": [{"address": "tcp://10.0.0.2:4000", "name": "a", "nthreads": 4, "memory_limit": 8000000000},
			            {"address": "tcp://10.0.0.3:4000", "name": 1, "nthreads": 4, "memory_limit": 8000000000}],
			"nworkers": 2, "nthreads": 8, "memory": 16000000000, "events": false}`), nil
	case method == "POST" && path == "/api/cluster/plan":
		var req struct {
			Session string          `json:"session"`
			Plan    json.RawMessage `json:"plan"`
		}
		json.Unmarshal(body, &req)
		f.plans = append(f.plans, string(req.Plan))
		if f.status != 0 {
			return f.status, []byte(f.answer), nil
		}
		return 200, []byte(`{"result": ` + f.answer + `, "seconds": 0.1}`), nil
	case method == "DELETE":
		f.deleted = path == "/api/cluster/session?session=s1"
		return 200, []byte(`{"closed": true}`), nil
	}
	return 404, []byte(`{"error": "ValueError: no such API"}`), nil
}

func (f *fakeRemote) ClusterEvents(string) (func(), error) { return func() {}, nil }

func TestRemotePlans(t *testing.T) {
	s := newSession(t)
	f := &fakeRemote{NativeHost: s.k.s.Host().(*NativeHost)}
	s.k = New(f)
	client := s.result("import burst\nfrom dask.distributed import Client\nimport dask.dataframe as dd\nclient = Client(burst.remote())\nclient")
	if client != "<Client: 'tcp://10.0.0.1:8786' processes=2 threads=8, memory=14.90 GiB>" {
		t.Errorf("client: %s", client)
	}
	// The columns come from a sample of the first file, read here.
	s.result(`df = dd.read_csv("data/f/*.csv", dtype={"DepDelay": float})`)
	if got := s.result("list(df.columns)"); got != "['Year', 'Month', 'DayofMonth', 'Origin', 'DepDelay', 'Cancelled']" {
		t.Errorf("columns: %s", got)
	}
	for _, c := range []struct{ code, plan string }{
		{`df.groupby("Origin").DepDelay.mean().compute()`,
			`{"input":{"input":{"column":"DepDelay","input":{"by":"Origin","input":{"dtype":{"DepDelay":"float64"},"op":"read_csv","path":"data/f/*.csv"},"op":"groupby"},"op":"column"},"op":"mean"},"op":"compute"}`},
		{`df[(df.DepDelay > 5) & ~(df.Origin == "JFK")].assign(late=df.DepDelay - 5).late.std(ddof=0).compute()`,
			`{"input":{"ddof":0,"input":{"column":"late","input":{"columns":{"late":{"left":{"name":"DepDelay","op":"col"},"op":"sub","right":{"op":"lit","value":5}}},"input":{"input":{"dtype":{"DepDelay":"float64"},"op":"read_csv","path":"data/f/*.csv"},"op":"filter","where":{"left":{"left":{"name":"DepDelay","op":"col"},"op":"gt","right":{"op":"lit","value":5}},"op":"and","right":{"op":"not","operand":{"left":{"name":"Origin","op":"col"},"op":"eq","right":{"op":"lit","value":"JFK"}}}}},"op":"assign"},"op":"column"},"op":"std"},"op":"compute"}`},
		{`df.groupby(["Year", "Origin"]).agg({"DepDelay": ["mean", "max"]}).compute()`,
			`{"input":{"func":{"DepDelay":["mean","max"]},"input":{"by":["Year","Origin"],"input":{"dtype":{"DepDelay":"float64"},"op":"read_csv","path":"data/f/*.csv"},"op":"groupby"},"op":"agg"},"op":"compute"}`},
		{`(df.DepDelay ** 2 / df.Month).Origin`, ``}, // refused below
	} {
		f.plans = nil
		f.answer = `{"type": "scalar", "dtype": "float64", "value": 1.5}`
		outs, _ := s.run(c.code)
		if c.plan == "" {
			continue
		}
		if len(f.plans) != 1 || f.plans[0] != c.plan {
			t.Errorf("%s sent %v\nwant %s\n%+v", c.code, f.plans, c.plan, outs)
		}
	}
	// Results show as pandas values do: here the same frame computed
	// locally.
	f.answer = `{"type": "frame", "columns": ["Origin", "DepDelay", "When"], "dtypes": ["object", "float64", "datetime64[ns]"],
		"data": [["EWR", null], [1.25, null], ["2019-06-01T00:03:12", null]],
		"index": {"names": [null], "dtypes": ["int64"], "values": [[0, 1]]}}`
	remote := s.result(`df.head(2)`)
	os.WriteFile(filepath.Join(f.Dir, "data", "same.csv"), []byte("Origin,DepDelay,When\nEWR,1.25,2019-06-01 00:03:12\n,,\n"), 0o644)
	local := s.result(`import pandas as pd
pd.read_csv("data/same.csv", parse_dates=["When"])`)
	if remote != local {
		t.Errorf("a frame from the cluster:\n%s\nthe same frame made here:\n%s", remote, local)
	}
	f.answer = `{"type": "series", "name": "DepDelay", "dtype": "float64", "values": [2.5, "Infinity"],
		"index": {"names": ["Origin"], "dtypes": ["object"], "values": [["EWR", "JFK"]]}}`
	if got := s.result(`df.groupby("Origin").DepDelay.max().compute()`); got != "Origin\nEWR    2.5\nJFK    inf\nName: DepDelay, dtype: float64" {
		t.Errorf("series:\n%s", got)
	}
	// The server's errors are the cell's exceptions; the kernel goes on.
	f.status, f.answer = 422, `{"error": "KeyError: 'nope'", "kind": "error"}`
	s.fails(`df.DepDelay.sum().compute()`, "KeyError", "'nope'", 1)
	f.status = 0
	s.fails(`df.nope`, "AttributeError", "'DataFrame' object has no attribute 'nope'", 1)
	s.fails(`df.DepDelay.fillna(0)`, "NotImplementedError", "Series.fillna is not available on a remote cluster yet", 1)
	s.fails(`(df.DepDelay ** 2 / df.Month).Origin`, "AttributeError", "'Series' object has no attribute 'Origin'", 1)
	s.result("client.close()")
	if !f.deleted {
		t.Error("close() did not end the session")
	}
	if got := s.result("type(dd.read_csv(\"data/f/*.csv\"))"); got != "<class 'dask.dataframe.DataFrame'>" && !strings.Contains(got, "DataFrame") {
		t.Errorf("after close: %s", got)
	}
}

// Natively without a server, connecting says how to get one.
func TestRemoteWithoutServer(t *testing.T) {
	s := newSession(t)
	s.fails("from dask.distributed import Client\nClient(\"tcp://127.0.0.1:8786\")", "RuntimeError", "this kernel runs without a Burst server", 2)
	s.fails("import burst\nburst.remote()", "RuntimeError", "this kernel runs without a Burst server", 2)
}
