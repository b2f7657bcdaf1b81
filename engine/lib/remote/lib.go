// Package remote is the remote backend: bursting to a real Dask cluster
// through the Burst server (package burst/server/cluster). While a Client
// of a remote cluster is open, dd.read_csv returns collections (Frame,
// Series, Scalar, GroupBy) whose operations record a plan that the
// server's bridge replays with dask.dataframe; results come back as
// pandas values. It also provides `import burst` (burst.remote(), the
// server's default cluster).
//
// The library reaches the server through the host's optional Transport;
// dask's Client connects through the session (session.Remotes), which
// the library sets.
package remote

import (
	"context"
	"errors"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// Transport is an optional capability of a session's Host: reaching the
// Burst server's cluster API (/api/cluster, package burst/server/cluster),
// through which a Client drives a real Dask cluster. The browser host
// uses fetch and EventSource; the kernel's NativeHost uses net/http
// against its Server URL.
type Transport interface {
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

// ErrNoServer is the error a cell sees when the kernel runs where no
// Burst server is (a Transport without a server returns it too).
var ErrNoServer = errors.New("RuntimeError: this kernel runs without a Burst server, so it cannot reach a Dask cluster: open the lesson from `go run ./server -cluster tcp://127.0.0.1:8786` (natively: `go run ./build run -server http://127.0.0.1:8080 …`)")

// Library is the remote backend's module, burst, and the session's way
// to remote clusters (session.Remotes).
var Library = session.Library{Modules: modules, Docs: map[string]string{
	"burst.remote": "remote()\n\nReturns the address of the Dask cluster the Burst server bursts to by default (the first -cluster it was started with), for Client(burst.remote()). Raises RuntimeError when the server has no cluster.",
}}

func modules(s *session.Session) map[string]*session.Module {
	rs := remotes{s}
	s.SetRemotes(rs)
	return map[string]*session.Module{
		// `import burst`: Burst's own helpers.
		"burst": {Name: "burst", Members: starlark.StringDict{
			"remote": session.Builtin("remote", rs.defaultCluster),
		}},
	}
}

// transportOf returns the host's Transport, or the error a cell sees
// when the kernel runs where no Burst server is.
func transportOf(s *session.Session) (Transport, error) {
	if r, ok := s.Host().(Transport); ok {
		return r, nil
	}
	return nil, ErrNoServer
}

// contextOf is the running cell's context, for the requests a cell's
// thread sends.
func contextOf(th *starlark.Thread) context.Context {
	if s := session.Of(th); s != nil {
		return s.Context()
	}
	return context.Background()
}

// remotes reaches remote Dask clusters through the Burst server
// (session.Remotes).
type remotes struct{ s *session.Session }

// defaultCluster asks the server for its default cluster: burst.remote().
func (rs remotes) defaultCluster(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := session.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	r, err := transportOf(rs.s)
	if err != nil {
		return nil, err
	}
	var info struct {
		Default string `json:"default"`
		Message string `json:"message"`
	}
	if err := remoteCall(contextOf(thread), r, "GET", "/api/cluster", nil, &info); err != nil {
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

// Connect opens a session on the server's bridge to the cluster at
// address (the server must have been started with it).
func (rs remotes) Connect(address string, closeOpen func()) (session.Remote, error) {
	r, err := transportOf(rs.s)
	if err != nil {
		return nil, err
	}
	closeOpen()
	s := &remoteSession{sess: rs.s, r: r}
	if err := remoteCall(rs.s.Context(), r, "POST", "/api/cluster/session", map[string]string{"address": address}, &s.info); err != nil {
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
	return remoteMany(rs.s.Context(), args, persist)
}
