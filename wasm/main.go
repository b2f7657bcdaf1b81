//go:build js && wasm

// Command wasm is the browser side of Burst's engine, compiled to
// WebAssembly and started in web workers. One binary has two roles, chosen
// by the worker script before it starts Go:
//
//   - kernel: runs cells (the interpreter, the client and the scheduler)
//     and talks to the page;
//   - worker: runs tasks sent by the kernel over a MessagePort, reading
//     its own partitions from the server.
//
// Go's wasm is single-threaded, so parallelism is one instance per web
// worker.
package main

import (
	"sync"
	"syscall/js"
)

// buildID is the build this engine belongs to, set by the site's build
// (go build -ldflags "-X main.buildID=…"). Each instance reports it to the
// page first, which refuses to run cells with an engine from another build
// than its own (a deployment changed under an open page).
var buildID = "dev"

func main() {
	role := js.Global().Get("burstRole").String()
	// at is when Go's main started (its runtime and package inits done),
	// for the page's startup marks.
	postToPage(map[string]any{"type": "build", "build": buildID, "role": role, "at": js.Global().Call("burstNow").Float()})
	switch role {
	case "kernel":
		runKernel()
	case "worker":
		runWorker()
	default:
		js.Global().Get("console").Call("error", "burst: unknown role "+role)
		return
	}
	select {} // serve messages until the worker is terminated
}

// onMessages calls handle for every message the JS glue delivers to this
// worker from the page, one at a time and in arrival order, on a goroutine
// of its own: handle may block briefly without stalling the event loop,
// and a worker lost is always handled before its replacement.
func onMessages(handle func(msg js.Value)) {
	var mu sync.Mutex
	var queue []js.Value
	wake := make(chan struct{}, 1)
	go func() {
		for range wake {
			for {
				mu.Lock()
				if len(queue) == 0 {
					mu.Unlock()
					break
				}
				msg := queue[0]
				queue = queue[1:]
				mu.Unlock()
				handle(msg)
			}
		}
	}()
	fn := js.FuncOf(func(this js.Value, args []js.Value) any {
		mu.Lock()
		queue = append(queue, args[0])
		mu.Unlock()
		select {
		case wake <- struct{}{}:
		default:
		}
		return nil
	})
	js.Global().Call("burstReady", fn)
}

// markPage tells the page that the engine reached a startup milestone
// now: the page records it as the performance mark burst:ROLE-NAME.
func markPage(name string) {
	postToPage(map[string]any{"type": "mark", "name": name, "at": js.Global().Call("burstNow").Float()})
}

// postToPage sends a message to the page.
func postToPage(msg map[string]any) {
	js.Global().Call("postMessage", js.ValueOf(msg))
}
