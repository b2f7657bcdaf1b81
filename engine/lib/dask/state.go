// Package dask holds dask's core for cells: dask.delayed, dask.compute
// and persist over any session.Collection, and dask.distributed's
// Client, futures, wait, as_completed and progress.
package dask

import (
	"context"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// State is dask's part of a session: the open Client.
type State struct {
	s      *session.Session
	client *Client
	// Pool is the Client that joblib's n_jobs=-1 borrows when no Client
	// is open; a new Client takes its workers.
	Pool *Client
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

// context is the running cell's context (an interrupt cancels it).
func (k *State) context() context.Context {
	if k.s == nil {
		return context.Background()
	}
	return k.s.Context()
}

// StateOf returns dask's state in session s.
func StateOf(s *session.Session) *State { return stateOf(s) }
