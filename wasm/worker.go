//go:build js && wasm

package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	_ "burst/engine/dataframe" // registers the DataFrame operations
	"burst/engine/frame"
	"burst/engine/graph"
)

// runWorker serves tasks arriving on the MessagePort the page hands over.
func runWorker() {
	env := &graph.Env{FS: newFetchFS()}
	onMessages(func(msg js.Value) {
		if msg.Get("type").String() != "port" {
			return
		}
		port := msg.Get("port")
		port.Set("onmessage", js.FuncOf(func(this js.Value, args []js.Value) any {
			m := args[0].Get("data")
			go serveTask(env, port, m)
			return nil
		}))
		postToPage(map[string]any{"type": "ready"})
	})
}

// serveTask runs one task and posts its result (Arrow IPC, transferred) or
// its error back to the kernel.
func serveTask(env *graph.Env, port js.Value, m js.Value) {
	id := m.Get("id").Int()
	reply := func(v any, err error) {
		if err == nil {
			var b []byte
			if b, err = frame.Marshal(v); err == nil {
				u8 := jsBytes(b)
				port.Call("postMessage", map[string]any{"type": "result", "id": id, "data": u8}, []any{u8.Get("buffer")})
				return
			}
		}
		port.Call("postMessage", map[string]any{"type": "error", "id": id, "message": err.Error()})
	}
	defer func() {
		if r := recover(); r != nil {
			reply(nil, fmt.Errorf("InternalError: %v (a bug in Burst)", r))
		}
	}()
	var t graph.Task
	if err := json.Unmarshal([]byte(m.Get("task").String()), &t); err != nil {
		reply(nil, fmt.Errorf("bad task: %v", err))
		return
	}
	jsIn := m.Get("inputs")
	inputs := make([]graph.Value, jsIn.Length())
	for i := range inputs {
		v, err := frame.Unmarshal(bytesOf(jsIn.Index(i)))
		if err != nil {
			reply(nil, err)
			return
		}
		inputs[i] = v
	}
	reply(graph.Run(env, &t, inputs))
}
