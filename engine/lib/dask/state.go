// Package dask holds dask's core for cells: dask.delayed, dask.compute
// and persist over any session.Collection, and dask.distributed's
// Client, futures, wait, as_completed and progress.
package dask

import (
	"context"
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// State is dask's part of a session: the open Client.
type State struct {
	s      *session.Session
	client *Client
	// pool is a Client of the session's pool (session.Pool), which
	// computes while no Client is open; a new Client takes its workers.
	pool *Client
}

type stateKey struct{}

// Of returns dask's state in the session running thread.
func Of(thread *starlark.Thread) *State { return stateOf(session.Of(thread)) }

func stateOf(s *session.Session) *State {
	if s == nil {
		return &State{}
	}
	return s.State(stateKey{}, func() any { return &State{s: s} }).(*State)
}

// Client is the open Client; nil when there is none.
func (k *State) Client() *Client { return k.client }

// Pool is a Client of the workers that compute while no Client is open
// (session.Pool): dask.persist keeps data there, joblib's n_jobs=-1
// borrows them. An error when the host has no workers to give.
func (k *State) Pool() (*Client, error) {
	if k.s == nil {
		return nil, fmt.Errorf("RuntimeError: this kernel has no workers")
	}
	cl, err := k.s.Pool()
	if err != nil {
		return nil, err
	}
	if k.pool == nil || k.pool.cluster != cl {
		k.pool = k.NewClient(cl)
	}
	return k.pool, nil
}

// closePool gives the pool's workers back, for a new Client.
func (k *State) closePool() {
	if k.s != nil {
		k.s.ClosePool()
	}
	if k.pool != nil {
		k.pool.cluster = nil
		k.pool = nil
	}
}

// context is the running cell's context (an interrupt cancels it).
func (k *State) context() context.Context {
	if k.s == nil {
		return context.Background()
	}
	return k.s.Context()
}

// StateOf returns dask's state in session s.
func StateOf(s *session.Session) *State { return stateOf(s) }
