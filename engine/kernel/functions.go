package kernel

import (
	"burst/engine/codec"
	"burst/engine/session"

	"go.starlark.net/starlark"
)

// callCell calls a cell's function from engine code (a task), on a thread
// of its own.
func callCell(k *Kernel, fn starlark.Callable, args starlark.Tuple, kwargs []starlark.Tuple) (_ starlark.Value, err error) {
	defer session.Recover(&err) // bool(array) in the function
	th := &starlark.Thread{Name: "task", Print: func(_ *starlark.Thread, msg string) {
		k.Emit(Output{Type: "stream", Name: "stdout", Text: msg + "\n"})
	}}
	k.bind(th)
	return starlark.Call(th, fn, args, kwargs)
}

// portableCall returns the parameters of a "call" stage running fn with
// plain extra arguments on the workers, or false when fn or an argument
// cannot leave the kernel.
func portableCall(k *Kernel, fn starlark.Callable, extra starlark.Tuple, what string) (*callParams, bool) {
	p, err := k.portable(fn)
	if err != nil {
		return nil, false
	}
	params := &callParams{Fn: *p, What: what}
	for _, x := range extra {
		b, err := codec.EncodePlain(x)
		if err != nil {
			return nil, false
		}
		params.Extra = append(params.Extra, b)
	}
	return params, true
}
