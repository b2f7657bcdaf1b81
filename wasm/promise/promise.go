//go:build js && wasm

// Package promise waits for JavaScript promises from Go code compiled to
// WebAssembly: the engine's web workers and the Cloudflare Worker use it.
package promise

import (
	"errors"
	"syscall/js"
)

// Await blocks the calling goroutine until p settles and returns its value,
// or its rejection as an error. It must not be called from a js.FuncOf
// callback itself.
func Await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	then := js.FuncOf(func(this js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	catch := js.FuncOf(func(this js.Value, args []js.Value) any {
		ch <- result{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then, catch)
	r := <-ch
	return r.v, r.err
}
