package kernel

import (
	"context"
	"testing"
	"time"
)

// An interrupt stops an infinite loop within a second and leaves the
// session's variables as they were; a Yield hook (the browser's) does not
// change that.
func TestInterruptInfiniteLoop(t *testing.T) {
	for _, yield := range []bool{false, true} {
		k := New(&NativeHost{Dir: t.TempDir(), Workers: 1})
		if yield {
			k.Yield = func() { time.Sleep(time.Millisecond) }
		}
		k.Execute(context.Background(), "x = 41", func(Output) {})
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel)
		var ename string
		start := time.Now()
		ok := k.Execute(ctx, "while True:\n    x = x + 0", func(o Output) {
			if o.Type == "error" {
				ename = o.EName
			}
		})
		if d := time.Since(start); ok || ename != "KeyboardInterrupt" || d > 1300*time.Millisecond {
			t.Errorf("yield=%v: ok=%v error=%q after %v", yield, ok, ename, d)
		}
		var out string
		k.Execute(context.Background(), "x + 1", func(o Output) {
			if s, ok := o.Data["text/plain"].(string); ok {
				out = s
			}
		})
		if out != "42" {
			t.Errorf("after the interrupt, x + 1 = %q", out)
		}
	}
}
