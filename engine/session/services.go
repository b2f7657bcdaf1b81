package session

import (
	"context"
	"encoding/json"
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/graph"
)

// Libraries meet through the session: the kernel runs cell functions
// for them (Runner), dask computes collections (Computing) and keeps the
// Client's cluster, and a Client of a remote cluster reads data there
// (Remote). Each is set by the one package that provides it, so no
// library imports another for these.

// Runner is what libraries ask of the kernel that runs them.
type Runner interface {
	// Call calls fn, a cell's function, from engine code (a task), on
	// a thread of its own in the session: its prints go to the running
	// cell.
	Call(fn starlark.Callable, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)
	// Portable returns the parameters of a "call" stage that runs fn on
	// the workers with extra plain arguments after the partition (on
	// each of its values when each is set); false when fn or an
	// argument cannot leave the kernel. what names the caller in errors
	// ("map_partitions").
	Portable(fn starlark.Callable, extra starlark.Tuple, what string, each bool) (params any, ok bool)
	// FuncRef describes fn so that a worker's kernel finds or compiles
	// it; ok is false when fn cannot leave the kernel (it then runs
	// there), and err says why when it can run nowhere else (it uses the
	// Client).
	FuncRef(fn starlark.Callable) (ref FuncRef, ok bool, err error)
}

// FuncRef is a function as a task carries it to a worker: a builtin's
// name, a module's member, or a cell function's source (Fn, JSON).
type FuncRef struct {
	Fn      json.RawMessage `json:"fn,omitempty"`
	Builtin string          `json:"builtin,omitempty"`
	Member  *[2]string      `json:"member,omitempty"`
}

// Computing is dask's compute and persist of collections, with the
// session's Client when there is one.
type Computing interface {
	// Compute computes the collections among args (in lists, tuples and
	// dicts too) in one graph, as dask.compute does; with persist, it
	// persists them, as dask.persist.
	Compute(thread *starlark.Thread, args starlark.Tuple, persist bool) ([]starlark.Value, error)
}

// Remote is a Client's session on a remote Dask cluster: while it is
// open, the dataframe library reads there.
type Remote interface {
	// Open reports whether the session is still open.
	Open() bool
	// Info describes the cluster for the Client's repr.
	Info() ClusterInfo
	// ClientAttr is the Client's method name on the remote cluster, or
	// an error that refuses it by name.
	ClientAttr(name string) (starlark.Value, error)
	// HTML is the Client's notebook summary.
	HTML() string
	// Close ends the session.
	Close(ctx context.Context) error
	// ReadCSV is dask.dataframe.read_csv on the remote cluster.
	ReadCSV(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)
}

// Remotes reaches remote Dask clusters through the Burst server.
type Remotes interface {
	// Connect opens a session on the cluster at address, for
	// Client(address); it calls closeOpen, which closes the open Client,
	// once the server is known to be reachable.
	Connect(address string, closeOpen func()) (Remote, error)
	// Compute computes (or persists) args when any of them is a
	// collection on a remote cluster; false when none is.
	Compute(args starlark.Tuple, persist bool) ([]starlark.Value, bool, error)
}

// services are the session's links between libraries.
type services struct {
	runner    Runner
	computing Computing
	cluster   Cluster
	pool      Cluster // where collections compute without a Client
	remote    Remote
	remotes   Remotes
}

// SetRemotes sets how the session reaches remote clusters.
func (s *Session) SetRemotes(r Remotes) { s.mu.Lock(); s.svc.remotes = r; s.mu.Unlock() }

// Remotes is how the session reaches remote clusters; nil when it cannot.
func (s *Session) Remotes() Remotes { s.mu.Lock(); defer s.mu.Unlock(); return s.svc.remotes }

// SetRunner sets the kernel that runs the session's cells.
func (s *Session) SetRunner(r Runner) { s.mu.Lock(); s.svc.runner = r; s.mu.Unlock() }

// Runner is the kernel running the session.
func (s *Session) Runner() Runner { s.mu.Lock(); defer s.mu.Unlock(); return s.svc.runner }

// SetComputing sets dask's compute.
func (s *Session) SetComputing(c Computing) { s.mu.Lock(); s.svc.computing = c; s.mu.Unlock() }

// Compute computes (or persists) the collections among args with dask.
func (s *Session) Compute(thread *starlark.Thread, args starlark.Tuple, persist bool) ([]starlark.Value, error) {
	s.mu.Lock()
	c := s.svc.computing
	s.mu.Unlock()
	if c == nil {
		return nil, fmt.Errorf("RuntimeError: this kernel has no dask to compute with")
	}
	return c.Compute(thread, args, persist)
}

// SetCluster sets the cluster a Client runs on (nil when none is open):
// collections compute there.
func (s *Session) SetCluster(c Cluster) { s.mu.Lock(); s.svc.cluster = c; s.mu.Unlock() }

// Cluster is the open Client's cluster in this process; nil when there
// is none.
func (s *Session) Cluster() Cluster { s.mu.Lock(); defer s.mu.Unlock(); return s.svc.cluster }

// Computer is where collections compute: the open Client's cluster, else
// the session's pool (see Pool); graphs are narrowed (dataframe.Project)
// first, except where the cluster holds a read already (persisted).
func (s *Session) Computer() dataframe.Computer {
	c := s.Cluster()
	if c == nil {
		c, _ = s.Pool()
	}
	if c == nil {
		return dataframe.Optimized(s.host.Local(), nil)
	}
	var held func(graph.Key) bool
	if sc := c.Scheduler(); sc != nil {
		held = sc.Holds
	}
	return dataframe.Optimized(c, held)
}

// Pool is the cluster collections compute on while no Client is open:
// the host's default workers (the page's web workers, or goroutines), as
// Dask computes on a thread per core without a Client. It starts at its
// first use and lives on, so what is persisted without a Client stays in
// its workers' memory, until a Client takes the workers (ClosePool). An
// error when the host starts no cluster (the kernel of a task on a
// worker): its computations then run on the host's Local scheduler.
func (s *Session) Pool() (Cluster, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.svc.pool == nil {
		if s.host == nil {
			return nil, fmt.Errorf("RuntimeError: this kernel has no workers")
		}
		c, err := s.host.StartCluster(0)
		if err != nil {
			return nil, err
		}
		s.svc.pool = c
	}
	return s.svc.pool, nil
}

// ClosePool stops the pool's workers, for a Client that takes them; its
// data is released, and a later Pool starts a fresh one.
func (s *Session) ClosePool() {
	s.mu.Lock()
	c := s.svc.pool
	s.svc.pool = nil
	s.mu.Unlock()
	if c != nil {
		c.Close()
	}
}

// SetRemote sets the open Client's remote cluster (nil when none is).
func (s *Session) SetRemote(r Remote) { s.mu.Lock(); s.svc.remote = r; s.mu.Unlock() }

// Remote is the open Client's remote cluster; nil when there is none.
func (s *Session) Remote() Remote {
	s.mu.Lock()
	r := s.svc.remote
	s.mu.Unlock()
	if r == nil || !r.Open() {
		return nil
	}
	return r
}
