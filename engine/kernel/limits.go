package kernel

import (
	"fmt"
	"math/bits"
	"runtime"
	"time"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// RecursionLimit is the deepest a cell's calls may nest, as CPython's
// sys.getrecursionlimit(): the cell's own frame and 999 calls. Deeper is
// a RecursionError, natively and in the browser, and the kernel lives on.
const RecursionLimit = 1000

// wasmStackFrames is how many frames may be pushed, in the browser, before
// the kernel lets the Go scheduler run: Go's wasm port keeps a goroutine's
// calls on the JavaScript engine's stack (a web worker's is about 1 MB:
// node's default fits about 7,000 plain Starlark calls, 2,600 through
// sorted(key=)), and a goroutine switch unwinds it, so recursion never
// overflows it however deep the Go frames of each call are.
const wasmStackFrames = 100

// yieldEvery is how many interpreter steps pass between calls of the
// kernel's Yield hook (the browser's event loop).
const yieldEvery = 100_000

// guard watches a running cell from the interpreter's step hook: its call
// depth (RecursionError), in the browser the JavaScript stack, the
// kernel's Yield hook and the memory budget.
type guard struct {
	k         *Kernel
	base      int       // the depth at which the wasm stack was last unwound
	nextYield uint64    // the step at which Yield is next called
	startHeap int64     // the heap when the cell started
	measured  time.Time // when the heap was last measured
	heap      int64     // the heap then
	limit     int64     // the most it may hold
}

// watch installs the guard on a cell's thread.
func (k *Kernel) watch(thread *starlark.Thread) {
	g := &guard{k: k, nextYield: yieldEvery, startHeap: session.HeapBytes()}
	thread.SetMaxExecutionSteps(1)
	thread.OnMaxSteps = g.check
}

const wasm = runtime.GOOS == "js"

func (g *guard) check(th *starlark.Thread) {
	d := th.CallStackDepth()
	if d > RecursionLimit {
		panic(session.PyPanic{Err: recursionError(th)})
	}
	steps := th.ExecutionSteps()
	// Each step pushes at most two frames (a built-in such as sorted and
	// the function it calls): the next check comes before the limit.
	room := (RecursionLimit - d) / 2
	if wasm {
		if d < g.base {
			g.base = d
		}
		if d-g.base >= wasmStackFrames {
			runtime.Gosched()
			g.base = d
		}
		room = min(room, (wasmStackFrames-(d-g.base))/2)
	}
	if g.k.Yield != nil && steps >= g.nextYield {
		g.k.Yield()
		g.nextYield = steps + yieldEvery
	}
	// Reading the heap (a runtime metric) costs microseconds, so it is read
	// only when it may have grown much: a cell cannot fill memory faster
	// than memoryBandwidth, so since the last measure the heap is at most
	// the heap then plus bandwidth × time. It is measured again when that
	// bound passes half the room left, or twice the heap (a few
	// milliseconds: a few hundred measures a second). The steps to the next check follow
	// the bound: a step at most doubles the heap (s + s), so at a tenth of
	// the limit the next check comes within three steps.
	now := time.Now()
	upper := g.heap + int64(now.Sub(g.measured).Seconds()*memoryBandwidth)
	if g.limit == 0 || upper-g.heap >= min((g.limit-g.heap)/2, max(g.heap, 4<<20)) {
		g.heap, g.limit = g.k.checkHeap(th, g.startHeap)
		g.measured, upper = now, g.heap
	}
	every := memoryCheckEvery
	if r := g.limit / max(upper, 1); r < 1<<memoryCheckShift {
		every = max(4, bits.Len64(uint64(r))-1)
	}
	th.SetMaxExecutionSteps(steps + uint64(max(min(room, every), 1)))
}

// memoryBandwidth bounds, in bytes a second, how fast a cell can grow the
// heap: every byte it allocates it also writes.
const memoryBandwidth = 20e9

// recursionError is Python's RecursionError with the traceback of the
// calls that were made: the call that would pass the limit is not.
func recursionError(th *starlark.Thread) error {
	stack := th.CallStack()
	if len(stack) > RecursionLimit {
		stack = stack[:RecursionLimit]
	}
	return &starlark.EvalError{Msg: "RecursionError: maximum recursion depth exceeded", CallStack: stack}
}

// collapseFrames shortens a traceback as CPython does: after three
// identical frames, "[Previous line repeated N more times]". A cycle of
// two to four frames (mutual recursion, recursion through sorted's key)
// is shown once, then "[Previous N lines repeated K more times]".
func collapseFrames(frames []string) []string {
	var out []string
	for i := 0; i < len(frames); {
		best, reps := 1, 1
		for p := 1; p <= 4 && i+p <= len(frames); p++ {
			r := 1
			for i+(r+1)*p <= len(frames) && equalFrames(frames[i:i+p], frames[i+r*p:i+(r+1)*p]) {
				r++
			}
			if r >= 3 && r*p > best*reps {
				best, reps = p, r
			}
		}
		switch {
		case best == 1 && reps > 3:
			out = append(out, frames[i], frames[i], frames[i])
			out = append(out, fmt.Sprintf("[Previous line repeated %d more times]\n", reps-3))
		case best > 1:
			out = append(out, frames[i:i+best]...)
			out = append(out, fmt.Sprintf("[Previous %d lines repeated %d more times]\n", best, reps-1))
		default:
			out = append(out, frames[i:i+reps]...)
		}
		i += best * reps
	}
	return out
}

func equalFrames(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// memoryCheckEvery is the most interpreter steps that pass between two
// measures of the heap (a read of one runtime metric).
const memoryCheckEvery = 64

// memoryCheckShift: a heap 2^6 times under the limit is measured every
// memoryCheckEvery steps.
const memoryCheckShift = 6

// SetMemoryBudget sets the bytes the kernel may hold: a value that would
// pass it, or a heap grown past it, is a MemoryError (0: the default,
// session.DefaultMemoryBudget).
func (k *Kernel) SetMemoryBudget(n int64) { k.s.SetMemoryBudget(n) }

// checkHeap raises MemoryError when the heap has grown past the budget
// (after a collection: what is garbage does not count).
// A kernel that held more than its budget when the cell began (a frame
// of earlier cells) may grow by a quarter of the budget.
func (k *Kernel) checkHeap(th *starlark.Thread, start int64) (heap, limit int64) {
	budget := k.s.MemoryBudget()
	limit = max(budget, start+budget/4)
	if heap = session.HeapBytes(); heap <= limit {
		return heap, limit
	}
	runtime.GC()
	if h := session.HeapBytes(); h > limit {
		panic(session.PyPanic{Err: &starlark.EvalError{
			Msg:       fmt.Sprintf("MemoryError: the kernel holds %d MiB, above its budget of %d MiB", h>>20, budget>>20),
			CallStack: th.CallStack(),
		}})
	}
	return session.HeapBytes(), limit
}
