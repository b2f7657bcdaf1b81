package remote

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/files"
	"burst/engine/lib/remote/remotetest"
	"burst/engine/session"
)

// host is a session's host without a Burst server: no Transport.
type host struct{ dir string }

func (h *host) FS() files.FS              { return files.Dir(h.dir) }
func (h *host) Local() dataframe.Computer { return nil }
func (h *host) StartCluster(int) (session.Cluster, error) {
	return nil, errors.New("RuntimeError: no local clusters here")
}

// fakeServer is the server's cluster API as the library sees it
// (remotetest's fake) on a host of its own. (Cells through a kernel:
// TestRemotePlans in engine/kernel.)
type fakeServer struct {
	host
	remotetest.Server
}

var _ Transport = (*fakeServer)(nil)

// start makes a session on h with the library's modules and a thread
// running in it.
func start(t *testing.T, h session.Host) (*session.Session, *session.Module, *starlark.Thread) {
	t.Helper()
	s := session.New(h)
	mods := Library.Modules(s)
	if s.Remotes() == nil {
		t.Fatal("the library did not set the session's Remotes")
	}
	th := &starlark.Thread{Name: "test"}
	s.Bind(th)
	return s, mods["burst"], th
}

func TestWithoutServer(t *testing.T) {
	s, burst, th := start(t, &host{t.TempDir()})
	fn, _ := burst.Attr("remote")
	if _, err := starlark.Call(th, fn, nil, nil); !errors.Is(err, ErrNoServer) {
		t.Errorf("burst.remote() without a server: %v", err)
	}
	if _, err := s.Remotes().Connect("tcp://127.0.0.1:8786", func() { t.Error("closed the open Client without a server") }); err != ErrNoServer {
		t.Errorf("Connect without a server: %v", err)
	}
}

func TestPlans(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "data", "f"), 0o755)
	os.WriteFile(filepath.Join(dir, "data", "f", "a.csv"), []byte("Year,Month,Origin,DepDelay\n1990,1,EWR,10\n1990,1,JFK,\n"), 0o644)
	f := &fakeServer{host: host{dir}}
	s, burst, th := start(t, f)

	fn, _ := burst.Attr("remote")
	addr, err := starlark.Call(th, fn, nil, nil)
	if err != nil || addr != starlark.String("tcp://10.0.0.1:8786") {
		t.Fatalf("burst.remote() = %v, %v", addr, err)
	}
	closed := false
	r, err := s.Remotes().Connect(string(addr.(starlark.String)), func() { closed = true })
	if err != nil || !closed {
		t.Fatalf("Connect: %v (closed the open Client: %v)", err, closed)
	}
	if info := r.Info(); info.Workers != 2 || info.Threads != 8 || info.Memory != 16000000000 || info.Address != "tcp://10.0.0.1:8786" {
		t.Errorf("info: %+v", info)
	}
	if h := r.HTML(); !strings.Contains(h, "tcp://10.0.0.3:4000</td><td>1</td>") {
		t.Errorf("HTML: %s", h)
	}
	if _, err := r.ClientAttr("submit"); err == nil || !strings.HasPrefix(err.Error(), "NotImplementedError: Client.submit") {
		t.Errorf("Client.submit: %v", err)
	}

	df, err := r.ReadCSV(th, starlark.Tuple{starlark.String("data/f/*.csv")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := df.(*Frame).meta.Names(); strings.Join(got, ",") != "Year,Month,Origin,DepDelay" {
		t.Errorf("columns from the sample: %v", got)
	}
	env := starlark.StringDict{"df": df}
	eval := func(expr string) (starlark.Value, error) { return starlark.Eval(th, "<test>", expr, env) }

	f.Answer = `{"type": "series", "name": "DepDelay", "dtype": "float64", "values": [2.5, "Infinity"],
		"index": {"names": ["Origin"], "dtypes": ["object"], "values": [["EWR", "JFK"]]}}`
	v, err := eval(`df.groupby("Origin").DepDelay.max().compute()`)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"input":{"input":{"column":"DepDelay","input":{"by":"Origin","input":{"op":"read_csv","path":"data/f/*.csv"},"op":"groupby"},"op":"column"},"op":"max"},"op":"compute"}`; len(f.Plans) != 1 || f.Plans[0] != want {
		t.Errorf("plans %v\nwant %s", f.Plans, want)
	}
	if got := v.String(); got != "Origin\nEWR    2.5\nJFK    inf\nName: DepDelay, dtype: float64" {
		t.Errorf("series:\n%s", got)
	}

	// dask.compute of remote collections goes through the session.
	f.Plans, f.Answer = nil, `{"type": "scalar", "dtype": "float64", "value": 1.5}`
	sum, err := eval(`(df.DepDelay - 5).sum()`)
	if err != nil {
		t.Fatal(err)
	}
	vs, ok, err := s.Remotes().Compute(starlark.Tuple{sum, starlark.MakeInt(1)}, false)
	if !ok || err != nil || len(vs) != 2 || vs[0].String() != "1.5" || vs[1].String() != "1" {
		t.Errorf("Compute: %v %v %v", vs, ok, err)
	}
	if want := `{"input":{"input":{"expr":{"left":{"name":"DepDelay","op":"col"},"op":"sub","right":{"op":"lit","value":5}},"input":{"op":"read_csv","path":"data/f/*.csv"},"op":"expr"},"op":"sum"},"op":"compute"}`; len(f.Plans) != 1 || f.Plans[0] != want {
		t.Errorf("plans %v\nwant %s", f.Plans, want)
	}
	if _, ok, _ := s.Remotes().Compute(starlark.Tuple{starlark.MakeInt(1)}, false); ok {
		t.Error("Compute took arguments none of which is remote")
	}

	// The server's errors are the cell's exceptions.
	f.Status, f.Answer = 422, `{"error": "KeyError: 'nope'", "kind": "error"}`
	if _, err := eval(`df.DepDelay.sum().compute()`); err == nil || !strings.Contains(err.Error(), "KeyError: 'nope'") {
		t.Errorf("an error answer: %v", err)
	}
	f.Status = 0
	if _, err := eval(`df.DepDelay.fillna(0)`); err == nil || !strings.Contains(err.Error(), "NotImplementedError: Series.fillna is not available on a remote cluster yet") {
		t.Errorf("fillna: %v", err)
	}

	if err := r.Close(context.Background()); err != nil || !f.Deleted || r.Open() {
		t.Errorf("Close: %v (deleted %v, open %v)", err, f.Deleted, r.Open())
	}
	if _, err := eval(`df.DepDelay.sum().compute()`); err == nil || !strings.Contains(err.Error(), "was closed") {
		t.Errorf("after close: %v", err)
	}
}
