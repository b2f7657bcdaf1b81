package kernel

import (
	"burst/engine/lib/dask"
	"burst/engine/session"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"strings"

	"go.starlark.net/starlark"
)

// Remote is an optional capability of a Host: reaching the Burst server's
// cluster API (/api/cluster, package burst/server/cluster), through which
// a Client drives a real Dask cluster. The browser host uses fetch and
// EventSource; NativeHost uses net/http against its Server URL.
type Remote interface {
	// ClusterRequest sends a request to the server: method, path (like
	// "/api/cluster/plan", with its query) and a JSON body (nil for
	// none). It returns the HTTP status and the response body; err is
	// for requests that got no answer. Cancelling ctx abandons the
	// request.
	ClusterRequest(ctx context.Context, method, path string, body []byte) (status int, resp []byte, err error)
	// ClusterEvents subscribes to a session's task events
	// (/api/cluster/events) and delivers them where the host sends its
	// local clusters' events (the page's dashboards). It returns once the
	// subscription is live, so that no event of a plan sent afterwards is
	// missed; stop ends it.
	ClusterEvents(session string) (stop func(), err error)
}

// remoteSession is a Client's session on the server's bridge to a Dask
// cluster.
type remoteSession struct {
	k      *Kernel // the kernel that opened it: operators and len() get no thread
	r      Remote
	info   remoteInfo
	closed bool
	stop   func() // ends the event subscription
	// persisted counts the collections persisted, to name them.
	persisted int
}

// remoteInfo is the server's description of a session's cluster (POST
// /api/cluster/session).
type remoteInfo struct {
	Session   string         `json:"session"`
	Address   string         `json:"address"`
	Scheduler string         `json:"scheduler"`
	ID        string         `json:"id"`
	Workers   []remoteWorker `json:"workers"`
	NWorkers  int            `json:"nworkers"`
	NThreads  int            `json:"nthreads"`
	Memory    int64          `json:"memory"`
	Events    bool           `json:"events"`
	Dashboard string         `json:"dashboard"`
}

type remoteWorker struct {
	Address     string `json:"address"`
	Name        any    `json:"name"` // Dask's worker names are strings or numbers
	NThreads    int    `json:"nthreads"`
	MemoryLimit int64  `json:"memory_limit"`
}

// remoteOf returns the host's Remote, or the error a cell sees when the
// kernel runs where no Burst server is.
func (k *Kernel) remoteOf() (Remote, error) {
	if r, ok := k.s.Host().(Remote); ok {
		return r, nil
	}
	return nil, errNoServer
}

var errNoServer = errors.New("RuntimeError: this kernel runs without a Burst server, so it cannot reach a Dask cluster: open the lesson from `go run ./server -cluster tcp://127.0.0.1:8786` (natively: `go run ./build run -server http://127.0.0.1:8080 …`)")

// remoteCall sends a request to the cluster API and decodes its JSON
// answer into out (if not nil). The server's errors carry a Python-style
// message ("KeyError: 'x'", "RuntimeError: …"), which becomes the cell's
// exception as it is.
func remoteCall(ctx context.Context, r Remote, method, path string, req, out any) error {
	var body []byte
	if req != nil {
		var err error
		if body, err = json.Marshal(req); err != nil {
			return fmt.Errorf("TypeError: %v", err)
		}
	}
	status, resp, err := r.ClusterRequest(ctx, method, path, body)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if strings.Contains(err.Error(), "Error: ") {
			return err
		}
		return fmt.Errorf("OSError: the Burst server did not answer (%v); is it still running?", err)
	}
	if status < 200 || status > 299 {
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(resp, &e) == nil && e.Error != "" {
			return &remoteError{status, e.Error}
		}
		text := strings.TrimSpace(string(resp))
		if len(text) > 200 {
			text = text[:200] + "…"
		}
		return &remoteError{status, fmt.Sprintf("OSError: the Burst server answered %d: %s", status, text)}
	}
	if out == nil {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(resp))
	d.UseNumber() // int64 results keep every digit
	if err := d.Decode(out); err != nil {
		return fmt.Errorf("OSError: the Burst server's answer is not what the kernel expects: %v", err)
	}
	return nil
}

// remoteError is an error answer of the cluster API: its message is
// Python-style, ready to be the cell's exception.
type remoteError struct {
	status int
	msg    string
}

func (e *remoteError) Error() string { return e.msg }

// call is remoteCall in this session, while it is open.
func (s *remoteSession) call(ctx context.Context, method, path string, req, out any) error {
	if s.closed {
		return fmt.Errorf("RuntimeError: the Client connected to %s was closed: connect a new one (client = Client(burst.remote())) and read the data again", s.info.Address)
	}
	return remoteCall(ctx, s.r, method, path, req, out)
}

// close ends the session on the server (its persisted data is released
// on the cluster) and the event subscription.
func (s *remoteSession) close(ctx context.Context) error {
	if s.closed {
		return nil
	}
	s.closed = true
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
	err := remoteCall(ctx, s.r, "DELETE", "/api/cluster/session?session="+s.info.Session, nil, nil)
	var re *remoteError
	if errors.As(err, &re) && re.status == 404 {
		return nil // the server had closed it already (idle, restarted)
	}
	return err
}

// defaultCluster asks the server for its default cluster: burst.remote().
func (k *Kernel) defaultCluster(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := session.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	r, err := k.remoteOf()
	if err != nil {
		return nil, err
	}
	var info struct {
		Default string `json:"default"`
		Message string `json:"message"`
	}
	if err := remoteCall(k.context(), r, "GET", "/api/cluster", nil, &info); err != nil {
		return nil, err
	}
	if info.Default == "" {
		if info.Message == "" {
			info.Message = "RuntimeError: no Dask cluster is configured on this server"
		}
		return nil, errors.New(info.Message)
	}
	return starlark.String(info.Default), nil
}

// burstModule is `import burst`: Burst's own helpers.
func (k *Kernel) burstModule() *Module {
	return &Module{Name: "burst", Members: starlark.StringDict{
		"remote": builtin("remote", k.defaultCluster),
	}}
}

// remotes reaches remote Dask clusters through the Burst server
// (session.Remotes).
type remotes struct{ k *Kernel }

// Connect opens a session on the server's bridge to the cluster at
// address (the server must have been started with it).
func (rs remotes) Connect(address string, closeOpen func()) (session.Remote, error) {
	k := rs.k
	r, err := k.remoteOf()
	if err != nil {
		return nil, err
	}
	closeOpen()
	s := &remoteSession{k: k, r: r}
	if err := remoteCall(k.context(), r, "POST", "/api/cluster/session", map[string]string{"address": address}, &s.info); err != nil {
		return nil, err
	}
	if s.info.Events {
		// The dashboards show the remote cluster; without events the
		// plans still run.
		if stop, err := r.ClusterEvents(s.info.Session); err == nil {
			s.stop = stop
		}
	}
	return s, nil
}

// Compute computes or persists the remote collections among args.
func (rs remotes) Compute(args starlark.Tuple, persist bool) ([]starlark.Value, bool, error) {
	return rs.k.remoteMany(args, persist)
}

// A remoteSession is a remote Client's session (session.Remote).

func (s *remoteSession) Open() bool { return !s.closed }

func (s *remoteSession) Info() ClusterInfo {
	return ClusterInfo{Kind: "distributed (remote, through the Burst server)", Address: s.info.Address, Workers: s.info.NWorkers, Threads: s.info.NThreads, Memory: s.info.Memory}
}

func (s *remoteSession) Close(ctx context.Context) error { return s.close(ctx) }

func (s *remoteSession) ReadCSV(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return s.k.remoteReadCSV(s, args, kwargs)
}

// ClientAttr implements a remote Client's methods: persist, compute and
// scheduler_info (close is the Client's); the futures API is refused by
// name.
func (s *remoteSession) ClientAttr(name string) (starlark.Value, error) {
	method := func(f func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) (starlark.Value, error) {
		return starlark.NewBuiltin("Client."+name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(th, args, kwargs)
		}), nil
	}
	switch name {
	case "persist", "compute":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x starlark.Value
			if err := starlark.UnpackPositionalArgs(name, args, nil, 1, &x); err != nil {
				return nil, err
			}
			rc, ok := x.(remoteCollection)
			if !ok {
				return nil, fmt.Errorf("TypeError: Client.%s takes a DataFrame or Series read on the remote cluster (dd.read_csv after connecting), not %s", name, session.TypeName(x))
			}
			if name == "persist" {
				return remotePersist(kernelOf(th), rc)
			}
			// Dask returns a Future here; a remote Client has none, so
			// it returns the result, as .compute() does.
			return remoteCompute(kernelOf(th), rc)
		})
	case "scheduler_info":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			workers := starlark.NewDict(len(s.info.Workers))
			for _, w := range s.info.Workers {
				d := starlark.NewDict(3)
				d.SetKey(starlark.String("name"), session.CellValue(jsonScalar(w.Name)))
				d.SetKey(starlark.String("nthreads"), starlark.MakeInt(w.NThreads))
				d.SetKey(starlark.String("memory_limit"), starlark.MakeInt64(w.MemoryLimit))
				workers.SetKey(starlark.String(w.Address), d)
			}
			out := starlark.NewDict(3)
			out.SetKey(starlark.String("address"), starlark.String(s.info.Scheduler))
			out.SetKey(starlark.String("id"), starlark.String(s.info.ID))
			out.SetKey(starlark.String("workers"), workers)
			return out, nil
		})
	}
	for _, a := range dask.ClientMethods() {
		if a == name {
			return nil, fmt.Errorf("NotImplementedError: Client.%s is not available on a remote cluster yet: the remote cluster runs DataFrame plans (dd.read_csv, filters, assign, groupby aggregations, reductions, head, persist); use Client() for the workers in this page to run your own functions", name)
		}
	}
	return nil, fmt.Errorf("AttributeError: 'Client' object has no attribute '%s'", name)
}

// HTML is a remote Client's notebook summary: the cluster and its
// workers, as Dask's Client shows its scheduler.
func (s *remoteSession) HTML() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="burst-client"><h3>Client</h3><table>
<tr><th>Connection method</th><td>Direct, through the Burst server</td><th>Cluster type</th><td>distributed.Scheduler (remote)</td></tr>
<tr><th>Address</th><td>%s</td><th>Dashboard</th><td>beside the lesson (task stream, progress, workers)</td></tr>
<tr><th>Workers</th><td>%d</td><th>Total threads</th><td>%d</td></tr>
<tr><th>Total memory</th><td>%s</td><th>Scheduler</th><td>%s</td></tr>
</table>
<table class="burst-workers"><tr><th>Worker</th><th>Name</th><th>Threads</th><th>Memory</th></tr>
`, html.EscapeString(s.info.Address), s.info.NWorkers, s.info.NThreads, session.FormatBytes(s.info.Memory), html.EscapeString(s.info.ID))
	for _, w := range s.info.Workers {
		fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%s</td></tr>\n", html.EscapeString(w.Address), html.EscapeString(fmt.Sprint(jsonScalar(w.Name))), w.NThreads, session.FormatBytes(w.MemoryLimit))
	}
	b.WriteString("</table></div>")
	return b.String()
}

// jsonScalar turns a decoded JSON number into an int64 or float64.
func jsonScalar(v any) any {
	if n, ok := v.(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			return i
		}
		f, _ := n.Float64()
		return f
	}
	if f, ok := v.(float64); ok && f == float64(int64(f)) {
		return int64(f)
	}
	return v
}
