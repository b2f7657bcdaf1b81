package stdlib

import (
	"burst/engine/session"
	"context"
	"fmt"
	"time"

	"go.starlark.net/starlark"
)

var started = time.Now()

func monotonic() float64 { return time.Since(started).Seconds() }

func clock(now func() float64) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
			return nil, err
		}
		return starlark.Float(now()), nil
	}
}

// sleep is time.sleep: it really waits, on whichever worker runs it, and
// an interrupt of the cell ends it.
func sleep(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var secs starlark.Value
	if err := starlark.UnpackArgs("sleep", args, kwargs, "secs", &secs); err != nil {
		return nil, err
	}
	f, ok := starlark.AsFloat(secs)
	if !ok || f < 0 || f != f {
		return nil, fmt.Errorf("ValueError: sleep length must be a non-negative number, not %s", session.Repr(secs))
	}
	var done <-chan struct{}
	if ctx, ok := th.Local("ctx").(context.Context); ok {
		done = ctx.Done() // a task's: it ends when the task is released
	} else if s := session.Of(th); s != nil {
		done = s.Context().Done()
	}
	select {
	case <-time.After(time.Duration(f * float64(time.Second))):
		return starlark.None, nil
	case <-done:
		return nil, fmt.Errorf("KeyboardInterrupt")
	}
}
