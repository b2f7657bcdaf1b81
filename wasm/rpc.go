//go:build js && wasm

package main

import (
	"errors"
	"sync"
	"syscall/js"
)

// errPortClosed is the error of requests to a port whose other side is
// gone.
var errPortClosed = errors.New("port closed")

// rpcPort sends requests over a MessagePort and matches replies by id.
// Messages without a pending id go to serve.
type rpcPort struct {
	port    js.Value
	mu      sync.Mutex
	nextID  int
	pending map[int]chan js.Value
	closed  bool
}

func newRPCPort(port js.Value, serve func(m js.Value)) *rpcPort {
	p := &rpcPort{port: port, pending: map[int]chan js.Value{}}
	port.Set("onmessage", js.FuncOf(func(this js.Value, args []js.Value) any {
		m := args[0].Get("data")
		if r := m.Get("reply"); r.Truthy() {
			id := r.Int()
			p.mu.Lock()
			ch := p.pending[id]
			delete(p.pending, id)
			p.mu.Unlock()
			if ch != nil {
				ch <- m
			}
			return nil
		}
		if serve != nil {
			go serve(m)
		}
		return nil
	}))
	return p
}

// call posts msg (with transfer) and waits for its reply.
func (p *rpcPort) call(msg map[string]any, transfer []any) (js.Value, error) {
	ch := make(chan js.Value, 1)
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return js.Undefined(), errPortClosed
	}
	p.nextID++
	id := p.nextID
	p.pending[id] = ch
	p.mu.Unlock()
	msg["id"] = id
	p.port.Call("postMessage", js.ValueOf(msg), js.ValueOf(transfer))
	m, ok := <-ch
	if !ok {
		return js.Undefined(), errPortClosed
	}
	return m, nil
}

// reply answers request m.
func (p *rpcPort) reply(m js.Value, msg map[string]any, transfer []any) {
	msg["reply"] = m.Get("id").Int()
	p.port.Call("postMessage", js.ValueOf(msg), js.ValueOf(transfer))
}

// close fails every pending and later call.
func (p *rpcPort) close() {
	p.mu.Lock()
	p.closed = true
	for id, ch := range p.pending {
		close(ch)
		delete(p.pending, id)
	}
	p.mu.Unlock()
}
