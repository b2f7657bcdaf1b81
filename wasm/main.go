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
	"syscall/js"
)

func main() {
	role := js.Global().Get("burstRole").String()
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
// worker from the page. handle runs in its own goroutine, so it may block
// (fetch, waiting for workers) without stalling the event loop.
func onMessages(handle func(msg js.Value)) {
	fn := js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := args[0]
		go handle(msg)
		return nil
	})
	js.Global().Call("burstReady", fn)
}

// postToPage sends a message to the page.
func postToPage(msg map[string]any) {
	js.Global().Call("postMessage", js.ValueOf(msg))
}
