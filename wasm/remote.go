//go:build js && wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"syscall/js"
	"time"

	"burst/engine/lib/remote"
	"burst/engine/sched"
	"burst/wasm/promise"
)

// The kernel web worker reaches the Burst server's cluster API
// (/api/cluster, package server/cluster) for a Client of a remote Dask
// cluster: requests with fetch, the session's task events with an
// EventSource, forwarded into the same batches the page's dashboards
// receive from local clusters.

var _ remote.Transport = (*browserHost)(nil)

// ClusterRequest implements remote.Transport with fetch; cancelling ctx (an
// interrupted cell) aborts the request, and the server then cancels the
// plan on the cluster.
func (h *browserHost) ClusterRequest(ctx context.Context, method, path string, body []byte) (int, []byte, error) {
	ac := js.Global().Get("AbortController").New()
	opts := map[string]any{"method": method, "signal": ac.Get("signal"), "cache": "no-store"}
	if body != nil {
		opts["body"] = string(body)
		opts["headers"] = map[string]any{"Content-Type": "application/json"}
	}
	stop := context.AfterFunc(ctx, func() { ac.Call("abort") })
	defer stop()
	resp, err := promise.Await(js.Global().Call("fetch", h.fs.origin+path, opts))
	if err != nil {
		return 0, nil, err
	}
	text, err := promise.Await(resp.Call("text"))
	if err != nil {
		return 0, nil, err
	}
	return resp.Get("status").Int(), []byte(text.String()), nil
}

// ClusterEvents implements remote.Transport: an EventSource on the session's
// event stream; each task event joins the page's event batches. It
// returns when the stream says it is live (or after 10 s without a
// word: the plans still run, the dashboards may miss their start).
func (h *browserHost) ClusterEvents(session string) (func(), error) {
	es := js.Global().Get("EventSource").New(h.fs.origin + "/api/cluster/events?session=" + url.QueryEscape(session))
	ready := make(chan struct{}, 1)
	// The callbacks only hand the data over: decoding and batching happen
	// on a goroutine, not on the event loop's turn.
	data := make(chan string, 4096)
	onReady := js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case ready <- struct{}{}:
		default:
		}
		return nil
	})
	onMessage := js.FuncOf(func(_ js.Value, args []js.Value) any {
		select {
		case data <- args[0].Get("data").String():
		default: // as the server does: drop rather than stall
		}
		return nil
	})
	onClosed := js.FuncOf(func(js.Value, []js.Value) any {
		es.Call("close") // the session ended: do not reconnect
		return nil
	})
	es.Call("addEventListener", "ready", onReady)
	es.Call("addEventListener", "message", onMessage)
	es.Call("addEventListener", "closed", onClosed)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case d := <-data:
				var ev sched.Event
				if json.Unmarshal([]byte(d), &ev) == nil {
					h.events.add(ev)
				}
			case <-done:
				return
			}
		}
	}()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		es.Call("close")
		close(done)
		onReady.Release()
		onMessage.Release()
		onClosed.Release()
	}
	select {
	case <-ready:
		return stop, nil
	case <-time.After(10 * time.Second):
		if es.Get("readyState").Int() == 2 { // CLOSED: the server refused it
			stop()
			return nil, fmt.Errorf("the cluster's event stream could not be opened")
		}
		return stop, nil
	}
}
