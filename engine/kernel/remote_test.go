package kernel

import (
	"burst/engine/lib/remote/remotetest"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeRemote is a native host whose server is remotetest's fake of the
// cluster API, for cells run through a kernel. (The library alone:
// engine/lib/remote's tests.)
type fakeRemote struct {
	*NativeHost
	remotetest.Server
}

func (f *fakeRemote) ClusterRequest(ctx context.Context, method, path string, body []byte) (int, []byte, error) {
	return f.Server.ClusterRequest(ctx, method, path, body)
}

func (f *fakeRemote) ClusterEvents(session string) (func(), error) {
	return f.Server.ClusterEvents(session)
}

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
		f.Plans = nil
		f.Answer = `{"type": "scalar", "dtype": "float64", "value": 1.5}`
		outs, _ := s.run(c.code)
		if c.plan == "" {
			continue
		}
		if len(f.Plans) != 1 || f.Plans[0] != c.plan {
			t.Errorf("%s sent %v\nwant %s\n%+v", c.code, f.Plans, c.plan, outs)
		}
	}
	// Results show as pandas values do: here the same frame computed
	// locally.
	f.Answer = `{"type": "frame", "columns": ["Origin", "DepDelay", "When"], "dtypes": ["object", "float64", "datetime64[ns]"],
		"data": [["EWR", null], [1.25, null], ["2019-06-01T00:03:12", null]],
		"index": {"names": [null], "dtypes": ["int64"], "values": [[0, 1]]}}`
	remote := s.result(`df.head(2)`)
	os.WriteFile(filepath.Join(f.Dir, "data", "same.csv"), []byte("Origin,DepDelay,When\nEWR,1.25,2019-06-01 00:03:12\n,,\n"), 0o644)
	local := s.result(`import pandas as pd
pd.read_csv("data/same.csv", parse_dates=["When"])`)
	if remote != local {
		t.Errorf("a frame from the cluster:\n%s\nthe same frame made here:\n%s", remote, local)
	}
	f.Answer = `{"type": "series", "name": "DepDelay", "dtype": "float64", "values": [2.5, "Infinity"],
		"index": {"names": ["Origin"], "dtypes": ["object"], "values": [["EWR", "JFK"]]}}`
	if got := s.result(`df.groupby("Origin").DepDelay.max().compute()`); got != "Origin\nEWR    2.5\nJFK    inf\nName: DepDelay, dtype: float64" {
		t.Errorf("series:\n%s", got)
	}
	// The server's errors are the cell's exceptions; the kernel goes on.
	f.Status, f.Answer = 422, `{"error": "KeyError: 'nope'", "kind": "error"}`
	s.fails(`df.DepDelay.sum().compute()`, "KeyError", "'nope'", 1)
	f.Status = 0
	s.fails(`df.nope`, "AttributeError", "'DataFrame' object has no attribute 'nope'", 1)
	s.fails(`df.DepDelay.fillna(0)`, "NotImplementedError", "Series.fillna is not available on a remote cluster yet", 1)
	s.fails(`(df.DepDelay ** 2 / df.Month).Origin`, "AttributeError", "'Series' object has no attribute 'Origin'", 1)
	s.result("client.close()")
	if !f.Deleted {
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
