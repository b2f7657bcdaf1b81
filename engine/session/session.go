// Package session holds what one kernel's cells share with the modules
// they import: the host the kernel runs on, the running cell's context
// and outputs, and each module's own state. A module reaches it through
// the thread (Of), never through a package variable, so two kernels in
// one process keep apart.
package session

import (
	"context"
	"sync"

	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/files"
	"burst/engine/sched"
)

// Host is what a kernel needs from the place it runs: native process or
// browser.
type Host interface {
	// FS reads datasets.
	FS() files.FS
	// Local runs computations where no cluster can start (the Pool's
	// fallback, see Session.Pool).
	Local() dataframe.Computer
	// StartCluster starts a cluster of n workers (n <= 0: the host's
	// default) for a Client.
	StartCluster(n int) (Cluster, error)
}

// Cluster is a set of workers a Client computes on.
type Cluster interface {
	dataframe.Computer
	// Info describes the cluster for the Client's repr.
	Info() ClusterInfo
	// Scheduler is the cluster's scheduler, for futures; nil if the
	// cluster has none in this process.
	Scheduler() *sched.Scheduler
	// Close stops the workers.
	Close() error
}

// ClusterInfo describes a cluster.
type ClusterInfo struct {
	Kind    string // "LocalCluster"
	Address string // "browser://kernel", "inproc://local"
	Workers int
	Threads int
	Memory  int64 // bytes, 0 if unknown
}

// Output is one piece of a cell's output, as Jupyter's message types:
// "stream" (Name stdout/stderr, Text), "execute_result" and "display_data"
// (Data: a MIME bundle), "error" (EName, EValue, Traceback).
type Output struct {
	Type           string            `json:"type"`
	Name           string            `json:"name,omitempty"`
	Text           string            `json:"text,omitempty"`
	Data           map[string]any    `json:"data,omitempty"`
	ExecutionCount int               `json:"execution_count,omitempty"`
	EName          string            `json:"ename,omitempty"`
	EValue         string            `json:"evalue,omitempty"`
	Traceback      []string          `json:"traceback,omitempty"`
	Meta           map[string]string `json:"meta,omitempty"`
}

// Session is one kernel's shared state.
type Session struct {
	host Host

	mu sync.Mutex
	// ctx and emit belong to the running cell; tasks of the cell print
	// from the scheduler's goroutines, so they are read under mu.
	ctx  context.Context
	emit func(Output)
	// state is each module's own state, by the module's key.
	state map[any]any
	svc   services
	// yield lets the host deliver events during a long computation.
	yield func()
	// memory is the kernel's memory budget in bytes (0: the default).
	memory int64
}

// New returns the session of a kernel running on host.
func New(host Host) *Session {
	return &Session{host: host, state: map[any]any{}}
}

// threadKey is the thread-local name a session is found under.
const threadKey = "burst.session"

// Of returns the session running thread, or nil for a thread that runs
// no kernel's code.
func Of(thread *starlark.Thread) *Session {
	s, _ := thread.Local(threadKey).(*Session)
	return s
}

// Bind makes thread run in s.
func (s *Session) Bind(thread *starlark.Thread) { thread.SetLocal(threadKey, s) }

// Host is where the kernel runs.
func (s *Session) Host() Host { return s.host }

// Begin starts a cell: its context (an interrupt cancels it) and where
// its outputs go, until End.
func (s *Session) Begin(ctx context.Context, emit func(Output)) {
	s.mu.Lock()
	s.ctx, s.emit = ctx, emit
	s.mu.Unlock()
}

// CellEnder is module state that acts when a cell ends, before the
// cell's outputs close (pyplot shows the figures still open, as
// Jupyter's inline backend does).
type CellEnder interface{ CellEnd(s *Session) }

// End ends the running cell, after the modules' CellEnd.
func (s *Session) End() {
	s.mu.Lock()
	var enders []CellEnder
	for _, v := range s.state {
		if e, ok := v.(CellEnder); ok {
			enders = append(enders, e)
		}
	}
	s.mu.Unlock()
	for _, e := range enders {
		e.CellEnd(s)
	}
	s.Begin(nil, nil)
}

// Context is the running cell's context; Background when none runs.
func (s *Session) Context() context.Context {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ctx != nil {
		return s.ctx
	}
	return context.Background()
}

// Running reports whether a cell runs now.
func (s *Session) Running() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ctx != nil
}

// Emit sends an output to the running cell; it reports false when no
// cell is running (a worker's kernel, or a task ending after its cell).
func (s *Session) Emit(o Output) bool {
	if s == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.emit == nil {
		return false
	}
	s.emit(o)
	return true
}

// State returns the state a module keeps under key, made by init on
// first use. A module uses a key of a type of its own, as context
// values do, so modules cannot collide.
func (s *Session) State(key any, init func() any) any {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.state[key]
	if !ok {
		v = init()
		s.state[key] = v
	}
	return v
}

// SetYield sets what Yield calls.
func (s *Session) SetYield(f func()) { s.mu.Lock(); s.yield = f; s.mu.Unlock() }

// Yield lets the host deliver events between the steps of a long
// computation in Go (in the browser, an interrupt); it does nothing when
// the host needs no such pause.
func (s *Session) Yield() {
	s.mu.Lock()
	f := s.yield
	s.mu.Unlock()
	if f != nil {
		f()
	}
}
